import { useQueries } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import type { MemberOrganisation } from '../organisations'
import { BASE, Countdown, StateBadge, SupplierPage, formatDate, useUiLanguage } from './common'
import { offerTitle } from './offers'
import { useNeeds, useOffers, useResponses, useStatuses } from './queries'
import { StatusState } from './statuses'
import { tenderTitle } from './tenders'

/** A status expiring within this many days needs attention. */
const EXPIRY_WARNING_DAYS = 60

/** /workspace/supplier: what needs attention now, each a link. */
export function OverviewPage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.title')}>{(org) => <Overview organisation={org} />}</SupplierPage>
}

function Overview({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  return (
    <>
      <p>
        {t('supplier.overview.intro', { name: organisation.trade_name || organisation.legal_name })}{' '}
        <Link to={`/workspace/account/organisations/${organisation.id}`}>{t('supplier.overview.editProfile')}</Link>
      </p>
      <div className="supplier-overview">
        <NewNeeds organisation={organisation} />
        <DraftResponses organisation={organisation} />
        <StatusesToWatch organisation={organisation} />
        <OffersToChange organisation={organisation} />
      </div>
    </>
  )
}

function Block({ id, title, more, children }: { id: string; title: string; more: { to: string; label: string }; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="supplier-card">
      <h2 id={id}>{title}</h2>
      {children}
      <p>
        <Link to={more.to}>{more.label}</Link>
      </p>
    </section>
  )
}

function NewNeeds({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const needs = useNeeds(organisation.id, 'unanswered', 10)
  const items = (needs.data?.pages[0]?.items ?? []).filter((n) => n.open)
  return (
    <Block id="overview-needs" title={t('supplier.overview.needs')} more={{ to: `${BASE}/needs?answer=unanswered`, label: t('supplier.overview.allNeeds') }}>
      {needs.isPending ? (
        <Loading />
      ) : needs.isError ? (
        <ErrorState error={needs.error} onRetry={() => void needs.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('supplier.overview.noNeeds')}</p>
      ) : (
        <ul>
          {items.map((n) => (
            <li key={n.lot_id}>
              <Link to={`${BASE}/tenders/${n.tender_id}`}>
                {n.tender_title} — {n.lot_title}
              </Link>{' '}
              <span>{formatDate(n.responses_deadline, ui)}</span> <Countdown deadline={n.responses_deadline} />
            </li>
          ))}
        </ul>
      )}
    </Block>
  )
}

function DraftResponses({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const responses = useResponses(organisation.id)
  const waiting = responses.items.filter(
    (r) => r.state === 'draft' || r.state === 'withdrawn' || r.state === 'reconfirmation_required' || r.needs_confirmation,
  )
  const tenders = useQueries({
    queries: [...new Set(waiting.map((r) => r.tender_id))].map((id) => ({
      queryKey: ['supplier', 'tender', id, ui],
      queryFn: async () => unwrap(await api.GET('/api/v1/tenders/{tenderID}', { params: { path: { tenderID: id } } })),
    })),
  })
  const byID = new Map(tenders.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])))
  const open = waiting.filter((r) => {
    const tender = byID.get(r.tender_id)
    return !tender || new Date(tender.responses_deadline).getTime() > Date.now()
  })
  return (
    <Block id="overview-responses" title={t('supplier.overview.responses')} more={{ to: `${BASE}/responses`, label: t('supplier.overview.allResponses') }}>
      {responses.isPending ? (
        <Loading />
      ) : responses.isError ? (
        <ErrorState error={responses.error} onRetry={() => void responses.refetch()} />
      ) : open.length === 0 ? (
        <p>{t('supplier.overview.noResponses')}</p>
      ) : (
        <ul>
          {open.map((r) => {
            const tender = byID.get(r.tender_id)
            const title = tender ? tenderTitle(tender, ui) : null
            return (
              <li key={r.id}>
                <Link to={`${BASE}/responses/${r.id}`} lang={title?.lang}>
                  {title?.title ?? t('state.loading')}
                </Link>{' '}
                <StateBadge state={r.state} label={t(`supplier.responses.state.${r.state}`)} />{' '}
                {tender ? <Countdown deadline={tender.responses_deadline} /> : null}
              </li>
            )
          })}
        </ul>
      )}
    </Block>
  )
}

function StatusesToWatch({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const statuses = useStatuses(organisation.id)
  const soon = Date.now() + EXPIRY_WARNING_DAYS * 86_400_000
  const watch = (statuses.data ?? []).filter(
    (s) =>
      s.state === 'rejected' ||
      s.state === 'unverified' ||
      (s.state === 'verified' && new Date(`${s.valid_until}T23:59:59`).getTime() < soon),
  )
  const counting = (statuses.data ?? []).some((s) => s.counts)
  return (
    <Block id="overview-statuses" title={t('supplier.overview.statuses')} more={{ to: `${BASE}/statuses`, label: t('supplier.overview.allStatuses') }}>
      {statuses.isPending ? (
        <Loading />
      ) : statuses.isError ? (
        <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />
      ) : (
        <>
          {!counting ? <p>{t('supplier.overview.noCountingStatus')}</p> : null}
          {watch.length === 0 ? (
            <p>{t('supplier.overview.statusesFine')}</p>
          ) : (
            <ul>
              {watch.map((s) => (
                <li key={s.id}>
                  <Link to={`${BASE}/statuses/${s.id}`}>{s.type_label}</Link> <StatusState status={s} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Block>
  )
}

function OffersToChange({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const offers = useOffers(organisation.id, 'changes_requested')
  const items = offers.data?.pages[0]?.items ?? []
  return (
    <Block id="overview-offers" title={t('supplier.overview.offers')} more={{ to: `${BASE}/offers`, label: t('supplier.overview.allOffers') }}>
      {offers.isPending ? (
        <Loading />
      ) : offers.isError ? (
        <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('supplier.overview.noOffers')}</p>
      ) : (
        <ul>
          {items.map((o) => {
            const title = offerTitle(o, ui)
            return (
              <li key={o.id}>
                <Link to={`${BASE}/offers/${o.id}`} lang={title.lang}>
                  {title.title}
                </Link>
                {o.decision_reason ? ` — ${o.decision_reason}` : ''}
              </li>
            )
          })}
        </ul>
      )}
    </Block>
  )
}
