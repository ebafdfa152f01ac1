import { Badge, Group } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime, formatMoney } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { Clauses } from '../../pages/tender/Clauses'
import { useIsOwnOrganisation } from './api'
import { DecisionForm } from './DecisionForm'
import { QueueFlags } from './Flags'
import { ItemFacts } from './ItemFacts'
import { OrganisationLink } from './OrganisationLink'

type Lot = Schemas['LotBody']
const TENDER_DECISIONS = ['approve', 'request_changes', 'reject'] as const

/** /workspace/moderation/tenders/:id: a submitted tender with its lots and clauses, and the decision on it. */
export function TenderDecisionPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const tender = useQuery({
    queryKey: ['moderation', 'tender', id, language],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenders/{tenderID}', { params: { path: { tenderID: id } } })),
  })
  const isOwn = useIsOwnOrganisation()
  usePageTitle(tender.data ? t('moderation.tender.pageTitle', { title: tender.data.title }) : t('moderation.tender.heading'))
  if (tender.isPending) return <Loading />
  if (tender.isError) return <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
  const td = tender.data
  const buyerID = td.buyer?.id ?? ''
  return (
    <article aria-labelledby="tender-title">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="blue">
          {t('moderation.kind.tender')}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`moderation.tenderState.${td.state}`)}
        </Badge>
      </Group>
      <QueueFlags />
      <h2 id="tender-title" lang={td.language}>
        {td.title}
      </h2>
      <ItemFacts
        facts={[
          [t('moderation.facts.buyer'), td.buyer ? <OrganisationLink key="org" id={buyerID} name={td.buyer.name} /> : ''],
          [t('moderation.facts.anonymous'), td.buyer_anonymous ? t('moderation.yes') : t('moderation.no')],
          [t('moderation.facts.tenderKind'), t(`moderation.tenderKind.${td.kind}`)],
          [t('moderation.facts.place'), [td.place_town, td.place_nuts].filter(Boolean).join(' · ')],
          [t('moderation.facts.submitted'), td.submitted_at ? formatDateTime(td.submitted_at, language) : ''],
          [t('moderation.facts.questionsDeadline'), formatDateTime(td.questions_deadline, language)],
          [t('moderation.facts.responsesDeadline'), formatDateTime(td.responses_deadline, language)],
          [t('moderation.facts.responseLanguages'), (td.response_languages ?? []).join(', ')],
          [t('moderation.facts.documents'), String((td.document_ids ?? []).length)],
          [t('moderation.facts.previousReason'), td.reason ?? ''],
        ]}
      />
      <h3>{t('moderation.facts.description')}</h3>
      <div className="moderation-description" lang={td.language} dangerouslySetInnerHTML={{ __html: td.description_html }} />
      <h3>{t('moderation.tender.lots', { count: (td.lots ?? []).length })}</h3>
      {(td.lots ?? []).map((lot) => (
        <LotView key={lot.id} lot={lot} language={language} tenderLanguage={td.language} />
      ))}
      <DecisionForm
        closed={td.state !== 'pending' ? t(`moderation.tenderState.${td.state}`) : undefined}
        title={t('moderation.decision.heading')}
        decisions={TENDER_DECISIONS.map((value) => ({
          value,
          label: t(`moderation.decision.${value}`),
          needsReason: value !== 'approve',
        }))}
        blocked={isOwn(buyerID) ? t('moderation.ownOrganisation.body') : undefined}
        submit={async (decision, reason) =>
          unwrap(
            await api.POST('/api/v1/moderation/tenders/{tenderID}/decision', {
              params: { path: { tenderID: id } },
              body: { decision: decision as (typeof TENDER_DECISIONS)[number], ...reason },
            }),
          )
        }
        describeResult={(_decision, result) =>
          t('moderation.decision.resultTender', { state: t(`moderation.tenderState.${result.state}`) })
        }
      />
    </article>
  )
}

function LotView({ lot, language, tenderLanguage }: { lot: Lot; language: string; tenderLanguage: string }) {
  const { t } = useTranslation()
  const currency = lot.currency || 'EUR'
  const value =
    lot.value_min_cents !== undefined && lot.value_max_cents !== undefined
      ? lot.value_min_cents === lot.value_max_cents
        ? formatMoney(lot.value_min_cents, currency, language)
        : `${formatMoney(lot.value_min_cents, currency, language)} – ${formatMoney(lot.value_max_cents, currency, language)}`
      : ''
  return (
    <section className="moderation-lot" aria-labelledby={`lot-${lot.id}`}>
      <h4 id={`lot-${lot.id}`} lang={tenderLanguage}>
        {t('moderation.tender.lot', { position: lot.position, title: lot.title })}
      </h4>
      <ItemFacts
        facts={[
          [t('moderation.facts.value'), value],
          [t('moderation.facts.cpv'), (lot.cpv ?? []).join(', ')],
        ]}
      />
      <div lang={tenderLanguage} dangerouslySetInnerHTML={{ __html: lot.description_html }} />
      {lot.execution_conditions_html ? (
        <div lang={tenderLanguage} dangerouslySetInnerHTML={{ __html: lot.execution_conditions_html }} />
      ) : null}
      <Clauses lot={lot} />
    </section>
  )
}
