import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../../workspace/LoadMore'
import { useEvents } from '../../workspace/convention/api'
import '../../workspace/convention/catalogue'
import '../../workspace/convention/convention.css'
import { EventCard } from './EventCard'

/** /events: the published conventions, upcoming first, open to every visitor. */
export default function EventsListPage() {
  const { t } = useTranslation()
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
        {items.map((e) => (
          <EventCard key={e.id} event={e} to={`/events/${e.id}`} heading="h2" zone={e.time_zone}>
            <p>{t('convention.public.registered', { count: e.registered_organisations })}</p>
          </EventCard>
        ))}
      </ul>
      <LoadMore query={events} />
    </div>
  )
}
