import { Alert, Button } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { FileUpload } from '../../FileUpload'
import { serverMessage } from '../../forms'
import { formatBytes } from '../../upload'
import type { Tender } from '../api'

/** Step 4: the tender's documents, uploaded then attached (and detachable). */
export function DocumentsStep({ orgID, tender, onDone }: { orgID: string; tender: Tender; onDone: () => void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const attach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}', {
          params: { path: { orgID, tenderID: tender.id, documentID } },
        }),
      ),
    onSuccess: (saved) => client.setQueryData(['buyer', 'tender', saved.id], saved),
  })
  const documents = tender.document_ids ?? []
  return (
    <div className="buyer-form">
      <p>{t('buyer.wizard.documentsIntro')}</p>
      {documents.length === 0 ? (
        <p>{t('buyer.wizard.noDocument')}</p>
      ) : (
        <ul className="buyer-list" aria-label={t('buyer.wizard.attached')}>
          {documents.map((id) => (
            <AttachedDocument key={id} orgID={orgID} tender={tender} documentID={id} />
          ))}
        </ul>
      )}
      <FileUpload
        organisationID={orgID}
        purpose="tender_document"
        label={t('buyer.wizard.upload')}
        onUploaded={(document) => attach.mutate(document.id)}
      />
      {attach.isPending ? <p role="status">{t('buyer.wizard.attaching')}</p> : null}
      {attach.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(attach.error, t)}
        </Alert>
      ) : null}
      <div className="buyer-actions">
        <Button onClick={onDone}>{t('buyer.wizard.continue')}</Button>
      </div>
    </div>
  )
}

function AttachedDocument({ orgID, tender, documentID }: { orgID: string; tender: Tender; documentID: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const record = useQuery({
    queryKey: ['document', documentID],
    queryFn: async () => unwrap(await api.GET('/api/v1/documents/{docID}', { params: { path: { docID: documentID } } })),
  })
  const detach = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/tenders/{tenderID}/documents/{documentID}', {
          params: { path: { orgID, tenderID: tender.id, documentID } },
        }),
      ),
    onSuccess: (saved) => client.setQueryData(['buyer', 'tender', saved.id], saved),
  })
  const name = record.data?.filename ?? t('buyer.document')
  return (
    <li className="buyer-actions">
      <a href={`/api/v1/tenders/${tender.id}/documents/${documentID}/download`}>{name}</a>
      {record.data ? <span>({formatBytes(record.data.size_bytes)})</span> : null}
      <Button variant="subtle" color="red" size="compact-sm" loading={detach.isPending} onClick={() => detach.mutate()}>
        {t('buyer.wizard.detach')}
        <span className="visually-hidden"> – {name}</span>
      </Button>
      {detach.isError ? (
        <span className="buyer-error" role="alert">
          {serverMessage(detach.error, t)}
        </span>
      ) : null}
    </li>
  )
}
