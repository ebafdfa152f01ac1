import { Alert, Button, Radio, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { serverMessage } from '../../forms'
import type { Tender } from '../api'

export type TenderKind = Tender['kind']
const KINDS: TenderKind[] = ['formal_tender', 'quote_request', 'sourcing']

interface Props {
  orgID: string
  tender: Tender | undefined
  kind: TenderKind
  onKind: (kind: TenderKind) => void
  onDone: () => void
}

/** Step 1: a formal tender, a quote request or a sourcing call (saved at once on an existing draft). */
export function KindStep({ orgID, tender, kind, onKind, onDone }: Props) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/tenders/{tenderID}', {
          params: { path: { orgID, tenderID: tender?.id ?? '' } },
          body: { kind },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(['buyer', 'tender', saved.id], saved)
      onDone()
    },
  })
  return (
    <form
      className="buyer-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (tender && tender.kind !== kind) save.mutate()
        else onDone()
      }}
    >
      <Radio.Group label={t('buyer.wizard.kind.label')} value={kind} onChange={(v) => onKind(v as TenderKind)} required>
        <Stack gap="sm" mt="xs">
          {KINDS.map((k) => (
            <Radio key={k} value={k} label={t(`buyer.kind.${k}`)} description={t(`buyer.wizard.kind.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {save.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(save.error, t)}
        </Alert>
      ) : null}
      <div className="buyer-actions">
        <Button type="submit" loading={save.isPending}>
          {t('buyer.wizard.saveContinue')}
        </Button>
      </div>
    </form>
  )
}
