import { Alert } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { ErrorState, Loading } from '../../../components/States'
import { useBuyerOrganisation, useTender, type Tender } from '../api'
import { BuyerFrame } from '../BuyerFrame'
import { isEditable } from '../states'
import { DocumentsStep } from './DocumentsStep'
import { GeneralStep } from './GeneralStep'
import { KindStep, type TenderKind } from './KindStep'
import { LotsStep } from './LotsStep'
import { ReviewStep } from './ReviewStep'
import { STEPS, isStep, resumeStep, type Step } from './steps'

/**
 * /workspace/buyer/tenders/new and /workspace/buyer/tenders/:id/edit: the
 * tender wizard. The step is in the URL (?step=lots), each step saves the
 * draft on the server, and an edit URL without a step resumes where the
 * draft stands.
 */
export default function TenderWizard() {
  const { t } = useTranslation()
  const { id } = useParams()
  const tender = useTender(id)
  if (!id) return <Wizard tender={undefined} />
  if (tender.isPending) return <Loading />
  if (tender.isError) {
    return (
      <BuyerFrame title={t('buyer.wizard.editTitle')}>
        <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
      </BuyerFrame>
    )
  }
  if (!isEditable(tender.data.state)) {
    return (
      <BuyerFrame title={t('buyer.wizard.editTitle')}>
        <Alert color="blue" title={t('buyer.wizard.notEditable')}>
          <Link to={`/workspace/buyer/tenders/${id}`}>{t('buyer.wizard.openTender')}</Link>
        </Alert>
      </BuyerFrame>
    )
  }
  return <Wizard tender={tender.data} />
}

function Wizard({ tender }: { tender: Tender | undefined }) {
  const { t } = useTranslation()
  const { organisation } = useBuyerOrganisation()
  const [params, setParams] = useSearchParams()
  const requested = params.get('step')
  const step: Step = isStep(requested) ? requested : tender ? resumeStep(tender) : 'kind'
  const kindParam = params.get('kind')
  const [kind, setKind] = useState<TenderKind>(
    (tender?.kind ?? (kindParam === 'quote_request' || kindParam === 'sourcing' ? kindParam : 'formal_tender')) as TenderKind,
  )
  // Field errors the server gave when the draft was submitted, by field path.
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({})
  const go = (next: Step) => {
    const p = new URLSearchParams(params)
    p.set('step', next)
    setParams(p)
    window.scrollTo?.(0, 0)
  }
  const reachable = (s: Step) => s === 'kind' || s === 'general' || !!tender
  const title = tender ? t('buyer.wizard.editTitle') : t('buyer.wizard.newTitle')
  const orgID = organisation?.id ?? ''
  return (
    <BuyerFrame title={title}>
      {tender ? (
        <p lang={tender.language}>
          <strong>{tender.title}</strong>
        </p>
      ) : null}
      {tender?.state === 'changes_requested' && tender.reason ? (
        <Alert color="orange" title={t('buyer.wizard.changesRequested')}>
          {tender.reason}
        </Alert>
      ) : null}
      <nav className="buyer-steps" aria-label={t('buyer.wizard.stepsLabel')}>
        <ol>
          {STEPS.map((s) => (
            <li key={s}>
              {reachable(s) ? (
                <Link
                  to={`?${new URLSearchParams({ ...Object.fromEntries(params), step: s }).toString()}`}
                  aria-current={s === step ? 'step' : undefined}
                >
                  {t(`buyer.wizard.step.${s}`)}
                </Link>
              ) : (
                <span aria-disabled="true">{t(`buyer.wizard.step.${s}`)}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2>{t(`buyer.wizard.step.${step}`)}</h2>
      {step === 'kind' ? (
        <KindStep orgID={orgID} tender={tender} kind={kind} onKind={setKind} onDone={() => go('general')} />
      ) : null}
      {step === 'general' ? (
        <GeneralStep
          orgID={orgID}
          country={organisation?.country ?? ''}
          tender={tender}
          kind={kind}
          submitErrors={submitErrors}
          onDone={() => go('lots')}
        />
      ) : null}
      {step === 'lots' && tender ? (
        <LotsStep
          orgID={orgID}
          country={organisation?.country ?? ''}
          tender={tender}
          submitErrors={submitErrors}
          onDone={() => go('documents')}
        />
      ) : null}
      {step === 'documents' && tender ? <DocumentsStep orgID={orgID} tender={tender} onDone={() => go('review')} /> : null}
      {step === 'review' && tender ? (
        <ReviewStep orgID={orgID} tender={tender} onFieldErrors={setSubmitErrors} onGo={go} />
      ) : null}
    </BuyerFrame>
  )
}
