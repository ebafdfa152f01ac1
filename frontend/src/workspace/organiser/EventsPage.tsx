import { Button, Group, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Empty } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useEvents } from './api'
import { EventStateBadge } from './EventNav'
import { ListTable } from './ListTable'
import { StateFilter, useStateParam } from './StateFilter'
import { EVENT_STATES, type EventSummary } from './types'
import { formatIn } from './zoned'

/** Every event, drafts included, with its state, dates and registrations. */
export function EventsPage() {
  const { t } = useTranslation()
  usePageTitle(t('organiser.events.title'))
  const [state, setState] = useStateParam(EVENT_STATES)
  const query = useEvents(state)
  const events = query.items
  return (
    <>
      <Group justify="space-between" align="flex-end" className="organiser-head">
        <h1>{t('organiser.events.title')}</h1>
        <Button component={Link} to="/workspace/organiser/events/new">
          {t('organiser.events.new')}
        </Button>
      </Group>
      <StateFilter
        label={t('organiser.events.filter')}
        allLabel={t('organiser.events.allStates')}
        states={EVENT_STATES}
        stateLabel={(s) => t(`organiser.eventState.${s}`)}
        value={state}
        onChange={setState}
      />
      <ListTable
        query={query}
        count={events.length}
        empty={<Empty title={t('organiser.events.empty')} hint={t('organiser.events.emptyHint')} />}
        caption={t('organiser.events.caption')}
        columns={[
          t('organiser.events.name'),
          t('organiser.events.state'),
          t('organiser.events.dates'),
          t('organiser.events.deadline'),
          t('organiser.events.registered'),
          t('organiser.events.actions'),
        ]}
      >
        {events.map((e) => (
          <EventRow key={e.id} event={e} />
        ))}
      </ListTable>
    </>
  )
}

/** An event's row: its name and venue, state, dates and deadline in its zone, registrations, and links to its pages. */
function EventRow({ event: e }: { event: EventSummary }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Link to={`/workspace/organiser/events/${e.id}`} lang={e.lang}>
          {e.name}
        </Link>
        <div className="organiser-meta" lang={e.lang}>
          {e.venue}
        </div>
      </Table.Th>
      <Table.Td>
        <EventStateBadge state={e.state} />
      </Table.Td>
      <Table.Td>
        {e.starts_at && e.ends_at
          ? formatIn(e.starts_at, e.time_zone, i18n.language, { dateStyle: 'medium' })
          : t('organiser.events.noSessions')}
      </Table.Td>
      <Table.Td>
        {formatIn(e.registration_deadline, e.time_zone, i18n.language)}
        <div className="organiser-meta">
          {e.registration_open ? t('organiser.events.open') : t('organiser.events.closed')}
        </div>
      </Table.Td>
      <Table.Td>{t('organiser.events.organisations', { count: e.registered_organisations })}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Link
            to={`/workspace/organiser/events/${e.id}/registrations`}
            aria-label={t('organiser.events.registrationsOf', { name: e.name })}
          >
            {t('organiser.eventNav.registrations')}
          </Link>
          <Link
            to={`/workspace/organiser/events/${e.id}/schedule`}
            aria-label={t('organiser.events.scheduleOf', { name: e.name })}
          >
            {t('organiser.eventNav.schedule')}
          </Link>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
