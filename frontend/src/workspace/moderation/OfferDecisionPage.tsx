import { Badge, Group } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime, formatMoney } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { useIsOwnOrganisation, useOrganisation } from './api'
import { DecisionForm, type DecisionOption } from './DecisionForm'
import { QueueFlags } from './Flags'
import { ItemFacts } from './ItemFacts'
import { OrganisationLink } from './OrganisationLink'

const OFFER_DECISIONS = ['approve', 'request_changes', 'reject'] as const

/** /workspace/moderation/offers/:id: a submitted offer in full, and the decision on it. */
export function OfferDecisionPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const offer = useQuery({
    queryKey: ['moderation', 'offer', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/offers/{offerID}', { params: { path: { offerID: id } } })),
  })
  const organisation = useOrganisation(offer.data?.organisation_id ?? '')
  const isOwn = useIsOwnOrganisation()
  usePageTitle(offer.data ? t('moderation.offer.pageTitle', { title: offer.data.title }) : t('moderation.offer.heading'))
  if (offer.isPending) return <Loading />
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
  const o = offer.data
  const allowed = new Set(o.allowed_actions ?? [])
  const decisions: DecisionOption[] = OFFER_DECISIONS.filter((d) => allowed.has(d)).map((value) => ({
    value,
    label: t(`moderation.decision.${value}`),
    needsReason: value !== 'approve',
  }))
  const orgName = organisation.data ? organisation.data.trade_name || organisation.data.legal_name : ''
  const price = o.price
  return (
    <article aria-labelledby="offer-title">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="blue">
          {t('moderation.kind.offer')}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`moderation.offerState.${o.state}`)}
        </Badge>
      </Group>
      <QueueFlags />
      <h2 id="offer-title" lang={o.language}>
        {o.title}
      </h2>
      <ItemFacts
        facts={[
          [t('moderation.facts.organisation'), <OrganisationLink key="org" id={o.organisation_id} name={orgName} />],
          [t('moderation.facts.submitted'), o.submitted_at ? formatDateTime(o.submitted_at, language) : ''],
          [t('moderation.facts.type'), t(`moderation.offerType.${o.type}`)],
          [t('moderation.facts.sectors'), (o.sectors ?? []).join(', ')],
          [t('moderation.facts.cpv'), (o.cpv_codes ?? []).join(', ')],
          [
            t('moderation.facts.price'),
            price?.amount_cents !== undefined
              ? `${formatMoney(price.amount_cents, price.currency ?? 'EUR', language)}${price.unit ? ` ${price.unit}` : ''}`
              : (price?.text ?? ''),
          ],
          [t('moderation.facts.languages'), [o.language, ...(o.translations ?? []).map((tr) => tr.lang)].join(', ')],
          [t('moderation.facts.documents'), String((o.documents ?? []).length)],
          [t('moderation.facts.previousReason'), o.decision_reason ?? ''],
        ]}
      />
      <h3>{t('moderation.facts.description')}</h3>
      <div className="moderation-description" lang={o.language} dangerouslySetInnerHTML={{ __html: o.description_html }} />
      <DecisionForm
        closed={decisions.length === 0 ? t(`moderation.offerState.${o.state}`) : undefined}
        title={t('moderation.decision.heading')}
        decisions={decisions}
        blocked={isOwn(o.organisation_id) ? t('moderation.ownOrganisation.body') : undefined}
        submit={async (decision, reason) =>
          unwrap(
            await api.POST('/api/v1/moderation/offers/{offerID}/decision', {
              params: { path: { offerID: id } },
              body: { decision: decision as (typeof OFFER_DECISIONS)[number], ...reason },
            }),
          )
        }
        describeResult={(_decision, result) =>
          t('moderation.decision.resultOffer', { state: t(`moderation.offerState.${result.state}`) })
        }
      />
    </article>
  )
}
