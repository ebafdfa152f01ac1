import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../../workspace/LoadMore'
import { useEvents } from '../../workspace/convention/api'
import '../../workspace/convention/catalogue'
import '../../workspace/convention/convention.css'
import { DEFAULT_ZONE } from '../../workspace/convention/display'
import { formatEventDateTime, formatEventDates } from '../../workspace/convention/time'
import type { EventSummary } from '../../workspace/convention/types'

/** /events: the published conventions, upcoming first, open to every visitor. */
export default function EventsListPage() {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const title = t('convention.public.title')
  usePageTitle(title)
  const events = useEvents()
  const items = events.items
  return (
    <div className="convention">
      <h1>{title}</h1>
      <p>{t('convention.public.intro')}</p>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.isSuccess && items.length === 0 ? <Empty title={t('convention.events.empty')} hint={t('convention.public.emptyHint')} /> : null}
      <ul className="conv-list">
        {items.map((e) => {
          const zone = (e as EventSummary).time_zone ?? DEFAULT_ZONE
          return (
            <li key={e.id} className="conv-card">
              <h2>
                <Link to={`/events/${e.id}`} lang={e.lang}>
                  {e.name}
                </Link>
              </h2>
              <div className="conv-meta">
                <span>{formatEventDates(e.starts_at, e.ends_at, ui, zone)}</span>
                <span lang={e.lang}>{e.venue}</span>
                {e.state === 'cancelled' ? (
                  <Badge variant="light" color="red">
                    {t('convention.eventState.cancelled')}
                  </Badge>
                ) : e.registration_open ? (
                  <Badge variant="light" color="green">
                    {t('convention.events.open')}
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    {t('convention.events.closed')}
                  </Badge>
                )}
              </div>
              {e.registration_open ? (
                <p>{t('convention.events.deadline', { date: formatEventDateTime(e.registration_deadline, ui, zone) })}</p>
              ) : null}
              <p>{t('convention.public.registered', { count: e.registered_organisations })}</p>
            </li>
          )
        })}
      </ul>
      <LoadMore query={events} />
    </div>
  )
}
