import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../components/format'
import { formatBytes } from '../upload'

type DocumentBody = Schemas['DocumentBody']

/** The download route: it redirects to a short-lived link, so it is followed at once, never stored. */
export function downloadURL(documentID: string) {
  return `/api/v1/documents/${encodeURIComponent(documentID)}/download`
}

/** The evidence documents of an SSE status: images inline, PDFs embedded, any file downloadable. */
export function EvidenceViewer({ documentIDs }: { documentIDs: string[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h3 id="evidence-title">{t('moderation.evidence.title')}</h3>
      {documentIDs.length === 0 ? (
        <p>{t('moderation.evidence.none')}</p>
      ) : (
        documentIDs.map((id) => <EvidenceDocument key={id} id={id} />)
      )}
    </section>
  )
}

function EvidenceDocument({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const doc = useQuery({
    queryKey: ['moderation', 'document', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/documents/{docID}', { params: { path: { docID: id } } })),
  })
  if (doc.isPending) return <Loading />
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />
  const d = doc.data
  const url = downloadURL(d.id)
  return (
    <figure className="evidence-document">
      <figcaption>
        <strong>{d.filename}</strong> · {d.content_type} · {formatBytes(d.size_bytes)} ·{' '}
        {t('moderation.evidence.uploaded', { date: formatDateTime(d.created_at, language) })}
      </figcaption>
      <Preview doc={d} url={url} />
      <p>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('moderation.evidence.open', { name: d.filename })}
        </a>
      </p>
    </figure>
  )
}

function Preview({ doc, url }: { doc: DocumentBody; url: string }) {
  const { t } = useTranslation()
  if (doc.content_type.startsWith('image/')) {
    return <img className="evidence-image" src={url} alt={t('moderation.evidence.imageAlt', { name: doc.filename })} />
  }
  if (doc.content_type === 'application/pdf') {
    // <object> shows the PDF where the browser can; its content is the fallback where it cannot.
    return (
      <object className="evidence-pdf" data={url} type="application/pdf" aria-label={doc.filename}>
        <p>
          {t('moderation.evidence.noPreview')}{' '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t('moderation.evidence.download', { name: doc.filename })}
          </a>
        </p>
      </object>
    )
  }
  return <p>{t('moderation.evidence.noPreview')}</p>
}
