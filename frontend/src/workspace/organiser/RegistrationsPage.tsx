import { Badge, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { Empty } from '../../components/States'
import { useRegistrations } from './api'
import { EventFrame } from './EventFrame'
import { ListTable } from './ListTable'
import { formatMoney } from './format'
import { StateFilter, useStateParam } from './StateFilter'
import { REGISTRATION_STATES, type Registration, type RegistrationState } from './types'
import { formatIn } from './zoned'

const STATE_COLORS: Record<RegistrationState, string> = { pending_payment: 'orange', confirmed: 'green', cancelled: 'gray' }

/** The registrations of an event: who comes, as what, what they paid or were refunded. */
export function RegistrationsPage() {
  const { eventID = '' } = useParams()
  const { t } = useTranslation()
  return (
    <EventFrame
      eventID={eventID}
      title={(event) => (event ? t('organiser.registrations.title', { name: event.name }) : t('organiser.eventNav.registrations'))}
    >
      {(event) => <RegistrationList eventID={eventID} zone={event.time_zone} />}
    </EventFrame>
  )
}

function RegistrationList({ eventID, zone }: { eventID: string; zone: string }) {
  const { t } = useTranslation()
  const [state, setState] = useStateParam(REGISTRATION_STATES)
  const query = useRegistrations(eventID, state)
  const items = query.items
  return (
    <>
      <StateFilter
        label={t('organiser.registrations.filter')}
        allLabel={t('organiser.registrations.allStates')}
        states={REGISTRATION_STATES}
        stateLabel={(s) => t(`organiser.registrationState.${s}`)}
        value={state}
        onChange={setState}
      />
      <ListTable
        query={query}
        count={items.length}
        empty={<Empty title={state ? t('organiser.registrations.emptyState') : t('organiser.registrations.empty')} />}
        caption={t('organiser.registrations.caption')}
        columns={[
          t('organiser.registrations.organisation'),
          t('organiser.registrations.state'),
          t('organiser.registrations.type'),
          t('organiser.registrations.fee'),
          t('organiser.registrations.payment'),
          t('organiser.registrations.delegates'),
        ]}
      >
        {items.map((r) => (
          <RegistrationRow key={r.id} registration={r} zone={zone} />
        ))}
      </ListTable>
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
