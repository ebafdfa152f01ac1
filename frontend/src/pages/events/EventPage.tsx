import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { languageName } from '../../components/format'
import { Loading, PageError } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import { useEvent } from '../../workspace/convention/api'
import '../../workspace/convention/catalogue'
import '../../workspace/convention/convention.css'
import { feeText } from '../../workspace/convention/display'
import { formatEventDateTime, formatEventDates, formatEventDay, formatEventRange, zoneLabel } from '../../workspace/convention/time'

/**
 * /events/{eventID}: a published event for every visitor: dates, venue,
 * sessions (times in the event's zone), participation types with fees,
 * the deadline, and a way to register (through the workspace).
 */
export default function EventPage() {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const { eventID = '' } = useParams()
  const event = useEvent(eventID)
  const me = useMe()
  usePageTitle(event.data?.name)
  if (event.isPending) return <Loading />
  if (event.isError) return <PageError error={event.error} onRetry={() => void event.refetch()} />
  const e = event.data
  const zone = e.time_zone
  const register = `/workspace/convention/${e.id}`
  const registered = e.my_registration && e.my_registration.state !== 'cancelled'
  return (
    <article className="convention">
      <h1 lang={e.lang}>{e.name}</h1>
      <dl className="conv-dl">
        <dt>{t('convention.facts.dates')}</dt>
        <dd>{formatEventDates(e.starts_at, e.ends_at, ui, zone)}</dd>
        <dt>{t('convention.facts.venue')}</dt>
        <dd lang={e.lang}>
          {e.venue}
          {e.address ? `, ${e.address}` : ''}
        </dd>
        <dt>{t('convention.facts.deadline')}</dt>
        <dd>{formatEventDateTime(e.registration_deadline, ui, zone)}</dd>
        <dt>{t('convention.facts.zone')}</dt>
        <dd>
          {zone} ({zoneLabel(e.starts_at, ui, zone)})
        </dd>
        <dt>{t('convention.facts.languages')}</dt>
        <dd>{(e.languages ?? []).map((l) => languageName(l, ui)).join(', ')}</dd>
        <dt>{t('convention.facts.tables')}</dt>
        <dd>{e.tables}</dd>
      </dl>
      <p className="conv-actions">
        {e.state === 'cancelled' ? (
          <strong>{t('convention.eventState.cancelled')}</strong>
        ) : registered ? (
          <Button component={Link} to={register}>
            {t('convention.public.seeRegistration')}
          </Button>
        ) : e.registration_open ? (
          <Button component={Link} to={me.data ? register : `/login?next=${encodeURIComponent(register)}`}>
            {t('convention.public.register')}
          </Button>
        ) : (
          <strong>{t('convention.registration.closed')}</strong>
        )}
      </p>
      {e.description ? (
        <section aria-labelledby="ev-about">
          <h2 id="ev-about">{t('convention.public.about')}</h2>
          <p lang={e.lang} className="conv-quote">
            {e.description}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="ev-sessions">
        <h2 id="ev-sessions">{t('convention.public.sessions')}</h2>
        <ul className="conv-list">
          {(e.sessions ?? []).map((s) => (
            <li key={s.id} className="conv-card">
              <h3>
                {s.name ? `${s.name} – ` : ''}
                {formatEventDay(s.starts_at, ui, zone)}
              </h3>
              <p>{formatEventRange(s.starts_at, s.ends_at, ui, zone)}</p>
              <p>{t('convention.public.meetingLength', { minutes: s.meeting_minutes, count: (s.slots ?? []).length })}</p>
              {(s.breaks ?? []).length > 0 ? (
                <p>
                  {t('convention.public.breaks')}{' '}
                  {(s.breaks ?? []).map((b) => formatEventRange(b.starts_at, b.ends_at, ui, zone)).join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {/* Not a landmark itself: the table's scrolling region below is the one, named by this heading. */}
      <section>
        <h2 id="ev-types">{t('convention.public.types')}</h2>
        <div className="conv-table-wrap" tabIndex={0} role="region" aria-labelledby="ev-types">
          <table className="conv-table">
            <thead>
              <tr>
                <th scope="col">{t('convention.public.type')}</th>
                <th scope="col">{t('convention.public.for')}</th>
                <th scope="col">{t('convention.public.fee')}</th>
                <th scope="col">{t('convention.public.delegates')}</th>
              </tr>
            </thead>
            <tbody>
              {(e.participation_types ?? []).map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{t(`convention.forKind.${p.for_kind === 'sse_supplier' || p.for_kind === 'buyer' ? p.for_kind : 'any'}`)}</td>
                  <td>{feeText(p.fee_cents, p.currency, ui) ?? t('convention.free')}</td>
                  <td>{p.max_delegates}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  )
}
