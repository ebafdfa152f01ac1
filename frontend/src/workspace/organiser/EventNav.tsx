import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
import type { EventState } from './types'

/** The colour of an event's state badge. */
export function stateColor(state: EventState): string {
  return state === 'published' ? 'green' : state === 'cancelled' ? 'red' : 'gray'
}

/** An event's state as a badge. */
export function EventStateBadge({ state }: { state: EventState }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={stateColor(state)} className="organiser-badge">
      {t(`organiser.eventState.${state}`)}
    </Badge>
  )
}

/** The way back to the list and the event's three pages. */
export function EventNav({ eventID }: { eventID: string }) {
  const { t } = useTranslation()
  const base = `/workspace/organiser/events/${eventID}`
  return (
    <nav className="area-nav" aria-label={t('organiser.eventNav.label')}>
      <ul>
        <li>
          <Link to="/workspace/organiser/events">{t('organiser.eventNav.all')}</Link>
        </li>
        <li>
          <NavLink to={base} end>
            {t('organiser.eventNav.event')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/registrations`}>{t('organiser.eventNav.registrations')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/schedule`}>{t('organiser.eventNav.schedule')}</NavLink>
        </li>
      </ul>
    </nav>
  )
}
