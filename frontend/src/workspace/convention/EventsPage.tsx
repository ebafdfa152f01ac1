import { Badge } from '@mantine/core'
import { useQueries } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { EventCard } from '../../pages/events/EventCard'
import { LoadMore } from '../LoadMore'
import { eventQuery, useEvents } from './api'
import { ConventionFrame } from './ConventionFrame'
import { oneOf, REGISTRATION_STATES, registrationColor } from './display'
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
              <RegistrationCard key={e.id} summary={e} detail={detailOf(e.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="conv-others">
          <h2 id="conv-others">{t('convention.events.others')}</h2>
          <ul className="conv-list">
            {others.map((e) => (
              <RegistrationCard key={e.id} summary={e} detail={detailOf(e.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      <LoadMore query={events} />
    </ConventionFrame>
  )
}

/** An event with, once its details are read, the organisation's live registration. */
function RegistrationCard({ summary, detail }: { summary: EventSummary; detail: ConventionEvent | undefined }) {
  const { t } = useTranslation()
  const registration = detail?.my_registration
  const live = registration && registration.state !== 'cancelled' ? registration : null
  return (
    <EventCard
      event={summary}
      to={`/workspace/convention/${summary.id}`}
      heading="h3"
      zone={summary.time_zone}
      showDeadline={!live}
      badge={
        live ? (
          <Badge variant="outline" color={registrationColor(live.state)}>
            {t(`convention.registrationState.${oneOf(live.state, REGISTRATION_STATES, 'pending_payment')}`)}
          </Badge>
        ) : null
      }
    >
      {live ? (
        <p>
          {t('convention.events.registeredAs', { type: live.participation_type_name, count: live.delegates?.length ?? 0 })}
        </p>
      ) : null}
    </EventCard>
  )
}
