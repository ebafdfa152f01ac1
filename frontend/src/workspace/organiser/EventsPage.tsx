import { Button, Group, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../LoadMore'
import { useEvents } from './api'
import { EventStateBadge } from './EventNav'
import { StateFilter, useStateParam } from './StateFilter'
import { EVENT_STATES } from './types'
import { formatIn } from './zoned'

/** Every event, drafts included, with its state, dates and registrations. */
export function EventsPage() {
  const { t, i18n } = useTranslation()
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
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <Empty title={t('organiser.events.empty')} hint={t('organiser.events.emptyHint')} />
      ) : (
        <div className="organiser-scroll" tabIndex={0} role="region" aria-labelledby="events-caption">
          <Table className="organiser-table" striped>
            <Table.Caption id="events-caption">{t('organiser.events.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organiser.events.name')}</Table.Th>
                <Table.Th scope="col">{t('organiser.events.state')}</Table.Th>
                <Table.Th scope="col">{t('organiser.events.dates')}</Table.Th>
                <Table.Th scope="col">{t('organiser.events.deadline')}</Table.Th>
                <Table.Th scope="col">{t('organiser.events.registered')}</Table.Th>
                <Table.Th scope="col">{t('organiser.events.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
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
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore query={query} />
    </>
  )
}
