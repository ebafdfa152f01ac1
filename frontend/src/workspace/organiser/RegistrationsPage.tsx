import { Badge, NativeSelect, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { Empty, ErrorState, Loading, PageError } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../LoadMore'
import { useEvent, useRegistrations } from './api'
import { EventNav } from './EventNav'
import { formatMoney } from './format'
import { REGISTRATION_STATES, type Registration, type RegistrationState } from './types'
import { formatIn } from './zoned'

/** The state filter read from the address (?state=confirmed), '' for all. */
export function registrationFilter(params: URLSearchParams): RegistrationState | '' {
  const s = params.get('state') ?? ''
  return (REGISTRATION_STATES as string[]).includes(s) ? (s as RegistrationState) : ''
}

const STATE_COLORS: Record<RegistrationState, string> = { pending_payment: 'orange', confirmed: 'green', cancelled: 'gray' }

/** The registrations of an event: who comes, as what, what they paid or were refunded. */
export function RegistrationsPage() {
  const { eventID = '' } = useParams()
  const { t } = useTranslation()
  const event = useEvent(eventID)
  const title = event.data ? t('organiser.registrations.title', { name: event.data.name }) : t('organiser.eventNav.registrations')
  usePageTitle(title)
  if (event.isPending) return <Loading />
  if (event.isError) return <PageError error={event.error} onRetry={() => void event.refetch()} />
  return (
    <>
      <h1>{title}</h1>
      <EventNav eventID={eventID} />
      <RegistrationList eventID={eventID} zone={event.data.time_zone} />
    </>
  )
}

function RegistrationList({ eventID, zone }: { eventID: string; zone: string }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const state = registrationFilter(params)
  const query = useRegistrations(eventID, state)
  const items = query.items
  return (
    <>
      <NativeSelect
        className="organiser-filter"
        label={t('organiser.registrations.filter')}
        value={state}
        onChange={(e) => {
          const next = new URLSearchParams(params)
          if (e.currentTarget.value) next.set('state', e.currentTarget.value)
          else next.delete('state')
          setParams(next, { replace: true })
        }}
        data={[
          { value: '', label: t('organiser.registrations.allStates') },
          ...REGISTRATION_STATES.map((s) => ({ value: s, label: t(`organiser.registrationState.${s}`) })),
        ]}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={state ? t('organiser.registrations.emptyState') : t('organiser.registrations.empty')} />
      ) : (
        <div className="organiser-scroll" tabIndex={0} role="region" aria-labelledby="registrations-caption">
          <Table className="organiser-table" striped>
            <Table.Caption id="registrations-caption">{t('organiser.registrations.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organiser.registrations.organisation')}</Table.Th>
                <Table.Th scope="col">{t('organiser.registrations.state')}</Table.Th>
                <Table.Th scope="col">{t('organiser.registrations.type')}</Table.Th>
                <Table.Th scope="col">{t('organiser.registrations.fee')}</Table.Th>
                <Table.Th scope="col">{t('organiser.registrations.payment')}</Table.Th>
                <Table.Th scope="col">{t('organiser.registrations.delegates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <RegistrationRow key={r.id} registration={r} zone={zone} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore query={query} />
    </>
  )
}

function RegistrationRow({ registration: r, zone }: { registration: Registration; zone: string }) {
  const { t, i18n } = useTranslation()
  const date = (iso: string | null | undefined) => formatIn(iso, zone, i18n.language)
  const delegates = r.delegates ?? []
  return (
    <Table.Tr>
      <Table.Th scope="row">
        {r.organisation_name}
        <div className="organiser-meta">{t('organiser.registrations.since', { date: date(r.created_at) })}</div>
      </Table.Th>
      <Table.Td>
        <Badge variant="light" color={STATE_COLORS[r.state]} className="organiser-badge">
          {t(`organiser.registrationState.${r.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{r.participation_type_name}</Table.Td>
      <Table.Td>{r.fee_cents > 0 ? formatMoney(r.fee_cents, r.currency, i18n.language) : t('organiser.registrations.free')}</Table.Td>
      <Table.Td>
        {r.fee_cents === 0
          ? t('organiser.registrations.noPayment')
          : r.paid_at
            ? t('organiser.registrations.paidAt', { date: date(r.paid_at) })
            : t('organiser.registrations.unpaid')}
        {r.refund_state ? (
          <div className="organiser-meta">{t(`organiser.refundState.${r.refund_state}`)}</div>
        ) : r.state === 'cancelled' && r.cancelled_at ? (
          <div className="organiser-meta">{t('organiser.registrations.cancelledAt', { date: date(r.cancelled_at) })}</div>
        ) : null}
      </Table.Td>
      <Table.Td>
        {delegates.length === 0 ? (
          t('organiser.registrations.noDelegates')
        ) : (
          <ul className="organiser-plain">
            {delegates.map((d) => (
              <li key={d.id}>
                {d.name}
                {d.job_title ? <span className="organiser-meta"> · {d.job_title}</span> : null}
                {d.email ? (
                  <div className="organiser-meta">
                    <a href={`mailto:${d.email}`}>{d.email}</a>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
