import { Alert, Button } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError, api, unwrap } from '../../../api/client'
import { formatDateTime } from '../../../components/format'
import { serverFieldErrors, serverMessage } from '../../forms'
import type { Tender } from '../api'
import { EligibleCount } from '../EligibleCount'
import { stepOfField, type Step } from './steps'

interface Props {
  orgID: string
  tender: Tender
  onFieldErrors: (errors: Record<string, string>) => void
  onGo: (step: Step) => void
}

/** Step 5: what the moderators will read, then submission to moderation. */
export function ReviewStep({ orgID, tender, onFieldErrors, onGo }: Props) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const client = useQueryClient()
  const navigate = useNavigate()
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/tenders/{tenderID}/submit', {
          params: { path: { orgID, tenderID: tender.id } },
        }),
      ),
    onSuccess: async (saved) => {
      client.setQueryData(['buyer', 'tender', saved.id], saved)
      await client.invalidateQueries({ queryKey: ['buyer', 'tenders'] })
      navigate(`/workspace/buyer/tenders/${saved.id}`, { state: { submitted: true } })
    },
    onError: (error) => {
      const fields = serverFieldErrors(error)
      const first = Object.keys(fields)[0]
      if (first) {
        onFieldErrors(fields)
        onGo(stepOfField(first))
      }
    },
  })
  const lots = tender.lots ?? []
  const allowed = submit.error instanceof ApiError ? (submit.error.problem as { allowed?: string[] } | undefined)?.allowed : undefined
  return (
    <div className="buyer-form">
      <dl className="facts">
        <dt>{t('buyer.wizard.step.kind')}</dt>
        <dd>{t(`buyer.kind.${tender.kind}`)}</dd>
        <dt>{t('buyer.wizard.general.title')}</dt>
        <dd lang={tender.language}>{tender.title}</dd>
        <dt>{t('buyer.wizard.general.place')}</dt>
        <dd>
          {tender.place_town} ({tender.place_nuts})
        </dd>
        <dt>{t('buyer.wizard.general.responsesDeadline')}</dt>
        <dd>{formatDateTime(tender.responses_deadline, ui)}</dd>
        <dt>{t('buyer.wizard.general.questionsDeadline')}</dt>
        <dd>{formatDateTime(tender.questions_deadline, ui)}</dd>
        <dt>{t('buyer.wizard.step.documents')}</dt>
        <dd>{t('buyer.wizard.documentCount', { count: (tender.document_ids ?? []).length })}</dd>
      </dl>
      <p>
        <Link to="?step=general">{t('buyer.wizard.changeGeneral')}</Link>
      </p>
      <h3>{t('buyer.wizard.step.lots')}</h3>
      {lots.length === 0 ? (
        <Alert color="orange">{t('buyer.wizard.needLot')}</Alert>
      ) : (
        lots.map((lot) => (
          <section key={lot.id} className="buyer-card" aria-label={lot.title}>
            <h4 lang={tender.language}>{lot.title}</h4>
            <p>
              {lot.clause_labels?.reserved_participation}
              {(lot.clause_labels?.legal_bases ?? []).length > 0 ? ` – ${(lot.clause_labels?.legal_bases ?? []).join(', ')}` : ''}
            </p>
            <EligibleCount orgID={orgID} tenderID={tender.id} lotID={lot.id} />
          </section>
        ))
      )}
      <p>{t('buyer.wizard.submitHint')}</p>
      {submit.isError ? (
        <Alert color="red" role="alert" title={t('buyer.wizard.submitFailed')}>
          <p>{serverMessage(submit.error, t)}</p>
          {allowed && allowed.length > 0 ? <p>{t('buyer.allowed', { actions: allowed.join(', ') })}</p> : null}
        </Alert>
      ) : null}
      <div className="buyer-actions">
        <Button loading={submit.isPending} onClick={() => submit.mutate()}>
          {t('buyer.wizard.submit')}
        </Button>
      </div>
    </div>
  )
}
