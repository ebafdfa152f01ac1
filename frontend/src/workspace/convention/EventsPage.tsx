import { Badge } from '@mantine/core'
import { useQueries } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { LoadMore } from '../LoadMore'
import { eventQuery, useEvents } from './api'
import { ConventionFrame } from './ConventionFrame'
import { DEFAULT_ZONE, oneOf, REGISTRATION_STATES, registrationColor } from './display'
import { formatEventDateTime, formatEventDates } from './time'
import type { ConventionEvent, EventSummary } from './types'

/**
 * /workspace/convention: the organisation's registrations first, then the
 * events open for registration (each event's details carry the
 * organisation's registration: the list's items do not).
 */
export default function EventsPage() {
  const { t } = useTranslation()
  const events = useEvents()
  const items = events.items
  const details = useQueries({
    queries: items.map((e) => eventQuery(e.id)),
  })
  const detailOf = (id: string) => details.find((d) => d.data?.id === id)?.data
  const mine = items.filter((e) => {
    const r = detailOf(e.id)?.my_registration
    return r && r.state !== 'cancelled'
  })
  const others = items.filter((e) => !mine.includes(e))
  return (
    <ConventionFrame title={t('convention.events.title')}>
      <p>{t('convention.events.intro')}</p>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.isSuccess && items.length === 0 ? <Empty title={t('convention.events.empty')} hint={t('convention.events.emptyHint')} /> : null}
      {mine.length > 0 ? (
        <section aria-labelledby="conv-mine">
          <h2 id="conv-mine">{t('convention.events.mine')}</h2>
          <ul className="conv-list">
            {mine.map((e) => (
              <EventCard key={e.id} summary={e} detail={detailOf(e.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="conv-others">
          <h2 id="conv-others">{t('convention.events.others')}</h2>
          <ul className="conv-list">
            {others.map((e) => (
              <EventCard key={e.id} summary={e} detail={detailOf(e.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      <LoadMore query={events} />
    </ConventionFrame>
  )
}

function EventCard({ summary, detail }: { summary: EventSummary; detail: ConventionEvent | undefined }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const zone = detail?.time_zone ?? summary.time_zone ?? DEFAULT_ZONE
  const registration = detail?.my_registration
  const live = registration && registration.state !== 'cancelled' ? registration : null
  return (
    <li className="conv-card">
      <h3>
        <Link to={`/workspace/convention/${summary.id}`} lang={summary.lang}>
          {summary.name}
        </Link>
      </h3>
      <div className="conv-meta">
        <span>{formatEventDates(summary.starts_at, summary.ends_at, ui, zone)}</span>
        <span lang={summary.lang}>{summary.venue}</span>
        {summary.state === 'cancelled' ? (
          <Badge variant="light" color="red">
            {t('convention.eventState.cancelled')}
          </Badge>
        ) : summary.registration_open ? (
          <Badge variant="light" color="green">
            {t('convention.events.open')}
          </Badge>
        ) : (
          <Badge variant="light" color="gray">
            {t('convention.events.closed')}
          </Badge>
        )}
        {live ? (
          <Badge variant="outline" color={registrationColor(live.state)}>
            {t(`convention.registrationState.${oneOf(live.state, REGISTRATION_STATES, 'pending_payment')}`)}
          </Badge>
        ) : null}
      </div>
      {summary.registration_open && !live ? (
        <p>{t('convention.events.deadline', { date: formatEventDateTime(summary.registration_deadline, ui, zone) })}</p>
      ) : null}
      {live ? (
        <p>
          {t('convention.events.registeredAs', { type: live.participation_type_name, count: live.delegates?.length ?? 0 })}
        </p>
      ) : null}
    </li>
  )
}
