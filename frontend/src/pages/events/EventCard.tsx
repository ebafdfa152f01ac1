import { Badge } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatEventDateTime, formatEventDates } from '../../workspace/convention/time'
import type { EventSummary } from '../../workspace/convention/types'

// One card of an event list, shared by the public /events page and the
// workspace's convention page. It lives beside the public page so that the
// public chunk does not pull in the workspace; each page adds its own
// badge and lines (children) and chooses whether the deadline shows.

/** What an event card shows; the page decides the link, heading level and extras. */
export interface EventCardProps {
  event: EventSummary
  /** Where the event's name leads. */
  to: string
  /** h2 on a flat list, h3 under a section's h2. */
  heading: 'h2' | 'h3'
  /** The event's time zone, in which its dates read. */
  zone: string
  /** A badge after the event's state (the organisation's registration). */
  badge?: ReactNode
  /** Whether the registration deadline is shown while registration is open. */
  showDeadline?: boolean
  /** Lines under the card's dates (the page's own). */
  children?: ReactNode
}

/** An event in a list: its name as a link, dates and venue, state, deadline and the page's own lines. */
export function EventCard({ event, to, heading: Heading, zone, badge, showDeadline = true, children }: EventCardProps) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  return (
    <li className="conv-card">
      <Heading>
        <Link to={to} lang={event.lang}>
          {event.name}
        </Link>
      </Heading>
      <div className="conv-meta">
        <span>{formatEventDates(event.starts_at, event.ends_at, ui, zone)}</span>
        <span lang={event.lang}>{event.venue}</span>
        <EventStateBadge event={event} />
        {badge}
      </div>
      {showDeadline && event.registration_open ? (
        <p>{t('convention.events.deadline', { date: formatEventDateTime(event.registration_deadline, ui, zone) })}</p>
      ) : null}
      {children}
    </li>
  )
}

/** Cancelled, open for registration or closed. */
function EventStateBadge({ event }: { event: EventSummary }) {
  const { t } = useTranslation()
  if (event.state === 'cancelled') {
    return (
      <Badge variant="light" color="red">
        {t('convention.eventState.cancelled')}
      </Badge>
    )
  }
  return event.registration_open ? (
    <Badge variant="light" color="green">
      {t('convention.events.open')}
    </Badge>
  ) : (
    <Badge variant="light" color="gray">
      {t('convention.events.closed')}
    </Badge>
  )
}
