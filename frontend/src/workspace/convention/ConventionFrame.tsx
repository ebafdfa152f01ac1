import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/**
 * A page of the convention area: its one h1, and for an event the event's
 * name and tabs (registration always; participants, requests and agenda
 * once the organisation's registration is confirmed, as the server lets
 * only confirmed participants read them).
 */
export function ConventionFrame({
  title,
  event,
  confirmed = false,
  children,
}: {
  title: string
  event?: { id: string; name: string; lang: string } | undefined
  confirmed?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  usePageTitle(event ? `${title} – ${event.name}` : title)
  const base = event ? `/workspace/convention/${event.id}` : ''
  return (
    <div className="convention">
      <h1>{title}</h1>
      {event ? (
        <>
          <div className="conv-meta">
            <span>{t('convention.frame.event')}</span>
            <strong lang={event.lang}>{event.name}</strong>
          </div>
          <nav className="area-nav" aria-label={t('convention.frame.nav')}>
            <ul>
              <li>
                <NavLink to="/workspace/convention" end>
                  {t('convention.frame.allEvents')}
                </NavLink>
              </li>
              <li>
                <NavLink to={base} end>
                  {t('convention.frame.registration')}
                </NavLink>
              </li>
              {confirmed ? (
                <>
                  <li>
                    <NavLink to={`${base}/directory`}>{t('convention.frame.directory')}</NavLink>
                  </li>
                  <li>
                    <NavLink to={`${base}/requests`}>{t('convention.frame.requests')}</NavLink>
                  </li>
                  <li>
                    <NavLink to={`${base}/agenda`}>{t('convention.frame.agenda')}</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        </>
      ) : null}
      {children}
    </div>
  )
}
