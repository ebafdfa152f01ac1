import { Alert, Badge, Button, NativeSelect, Radio, Stack, TextInput, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { countryName, formatMoney } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverFieldErrors } from '../forms'
import { FormProblem } from '../FormProblem'
import { agendaFileURL, useAgenda, useEvent, useRecordOutcome, useRegistration } from './api'
import { ConventionFrame } from './ConventionFrame'
import { OUTCOMES, oneOf } from './display'
import { hasStarted, outcomeBody, outcomeErrors, type OutcomeDraft } from './logic'
import { formatEventDateTime, formatEventDay, formatEventRange } from './time'
import type { AgendaMeeting, ConventionEvent } from './types'

/** Now, read again every half minute: outcome forms appear once a meeting has started. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(id)
  }, [everyMs])
  return now
}

/**
 * /workspace/convention/{eventID}/agenda: a delegate's meetings in time
 * order (a selector when the organisation sends several), with table and
 * other party, the agenda's state, its .ics and PDF, and after each
 * meeting's start what happened at it.
 */
export default function AgendaPage() {
  const { t } = useTranslation()
  const { eventID = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const event = useEvent(eventID)
  const registration = useRegistration(eventID)
  const confirmed = registration.data?.state === 'confirmed'
  const delegates = registration.data?.delegates ?? []
  const delegateID = delegates.find((d) => d.id === params.get('delegate'))?.id ?? delegates[0]?.id
  return (
    <ConventionFrame title={t('convention.agenda.title')} event={event.data} confirmed={confirmed}>
      {event.isPending || registration.isPending ? <Loading /> : null}
      {event.isError || registration.isError ? <ErrorState error={event.error ?? registration.error} /> : null}
      {registration.isSuccess && !confirmed ? (
        <Alert color="orange" role="note" title={t('convention.directory.notConfirmedTitle')}>
          {t('convention.directory.notConfirmed')}
        </Alert>
      ) : null}
      {confirmed && event.data && delegateID ? (
        <>
          {delegates.length > 1 ? (
            <NativeSelect
              label={t('convention.agenda.delegate')}
              value={delegateID}
              onChange={(e) => setParams({ delegate: e.currentTarget.value }, { replace: true })}
              data={delegates.map((d) => ({ value: d.id, label: d.name }))}
              maw={320}
            />
          ) : null}
          {event.data.agenda_state === 'none' ? (
            <Empty title={t('convention.agenda.notYet')} hint={t('convention.agenda.notYetHint')} />
          ) : (
            <DelegateAgenda event={event.data} delegateID={delegateID} />
          )}
        </>
      ) : null}
    </ConventionFrame>
  )
}

function DelegateAgenda({ event, delegateID }: { event: ConventionEvent; delegateID: string }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const agenda = useAgenda(event.id, delegateID)
  const now = useNow()
  if (agenda.isPending) return <Loading />
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
  const meetings = [...(agenda.data.meetings ?? [])].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  const state = agenda.data.agenda_state === 'final' ? 'final' : 'preliminary'
  return (
    <section aria-labelledby="conv-agenda">
      <h2 id="conv-agenda">{t('convention.agenda.of', { name: agenda.data.delegate.name })}</h2>
      <div className="conv-meta">
        <Badge variant="light" color={state === 'final' ? 'green' : 'orange'}>
          {t(`convention.agendaState.${state}`)}
        </Badge>
        <span>{t('convention.agenda.version', { version: agenda.data.agenda_version })}</span>
        <span>{t('convention.agenda.zone', { zone: event.time_zone })}</span>
      </div>
      <p>{t(`convention.agenda.stateHint.${state}`)}</p>
      {meetings.length > 0 ? (
        <p className="conv-actions">
          <a href={agendaFileURL(event.id, delegateID, 'ics')} download>
            {t('convention.agenda.ics')}
          </a>
          <a href={agendaFileURL(event.id, delegateID, 'pdf')} download>
            {t('convention.agenda.pdf')}
          </a>
        </p>
      ) : null}
      {meetings.length === 0 ? <Empty title={t('convention.agenda.empty')} hint={t('convention.agenda.emptyHint')} /> : null}
      <ol className="conv-list">
        {meetings.map((m, i) => {
          const day = formatEventDay(m.starts_at, ui, event.time_zone)
          const newDay = i === 0 || formatEventDay(meetings[i - 1]!.starts_at, ui, event.time_zone) !== day
          return (
            <li key={m.id}>
              {newDay ? <h3>{day}</h3> : null}
              <MeetingCard event={event} meeting={m} delegateID={delegateID} now={now} />
            </li>
          )
        })}
      </ol>
    </section>
  )
}

function MeetingCard({ event, meeting, delegateID, now }: { event: ConventionEvent; meeting: AgendaMeeting; delegateID: string; now: number }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const [editing, setEditing] = useState(false)
  const started = hasStarted(meeting.starts_at, now)
  const outcome = meeting.outcome
  const headingID = `meeting-${meeting.id}`
  return (
    <article className="conv-card" aria-labelledby={headingID}>
      <h4 id={headingID}>
        {t('convention.agenda.meeting', {
          time: formatEventRange(meeting.starts_at, meeting.ends_at, ui, event.time_zone),
          table: meeting.table,
        })}
      </h4>
      <div className="conv-meta">
        <strong>{meeting.other.name}</strong>
        {meeting.other.job_title ? <span>{meeting.other.job_title}</span> : null}
        <span>{meeting.other.organisation_name}</span>
        <span>{countryName(meeting.other.country, ui)}</span>
        {meeting.confirmed ? (
          <Badge variant="light" color="green">
            {t('convention.agenda.confirmed')}
          </Badge>
        ) : (
          <Badge variant="light" color="orange">
            {t('convention.agenda.preliminary')}
          </Badge>
        )}
      </div>
      {started ? (
        outcome && !editing ? (
          <div role="status">
            <p>
              <strong>{t('convention.agenda.outcome.recorded')}</strong> {t(`convention.outcome.${oneOf(outcome.outcome, OUTCOMES, 'held')}`)}
              {outcome.outcome === 'deal' && outcome.amount_cents != null
                ? ` – ${formatMoney(outcome.amount_cents, outcome.currency || 'EUR', ui)}`
                : ''}
            </p>
            {outcome.note ? <p className="conv-quote">{outcome.note}</p> : null}
            <p>{t('convention.agenda.outcome.recordedAt', { date: formatEventDateTime(outcome.recorded_at, ui, event.time_zone) })}</p>
            <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
              {t('convention.agenda.outcome.change')}
            </Button>
          </div>
        ) : (
          <OutcomeForm event={event} meeting={meeting} delegateID={delegateID} onDone={() => setEditing(false)} />
        )
      ) : (
        <p>{t('convention.agenda.outcome.later')}</p>
      )}
      {meeting.other_outcome_recorded ? <p>{t('convention.agenda.outcome.otherRecorded')}</p> : null}
    </article>
  )
}

function OutcomeForm({
  event,
  meeting,
  delegateID,
  onDone,
}: {
  event: ConventionEvent
  meeting: AgendaMeeting
  delegateID: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<OutcomeDraft>(() => ({
    outcome: meeting.outcome?.outcome ?? '',
    amount: meeting.outcome?.amount_cents != null ? (meeting.outcome.amount_cents / 100).toFixed(2) : '',
    currency: meeting.outcome?.currency || 'EUR',
    note: meeting.outcome?.note ?? '',
  }))
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [tried, setTried] = useState(false)
  const record = useRecordOutcome(event.id, delegateID)
  const client = outcomeErrors(draft, t)
  const server = serverFieldErrors(record.error)
  const show = (field: string) => ((tried || touched.has(field)) && client[field]) || server[field]
  const set = (field: keyof OutcomeDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setTouched((s) => new Set(s).add(field === 'amount' ? 'amount_cents' : field))
  }
  return (
    <form
      className="conv-form"
      noValidate
      aria-label={t('convention.agenda.outcome.formLabel', { name: meeting.other.name })}
      onSubmit={(e) => {
        e.preventDefault()
        setTried(true)
        if (Object.keys(client).length > 0) return
        record.mutate({ meetingID: meeting.id, body: outcomeBody(draft) }, { onSuccess: onDone })
      }}
    >
      <Radio.Group label={t('convention.agenda.outcome.question')} required value={draft.outcome} onChange={(v) => set('outcome', v)} error={show('outcome')}>
        <Stack gap={4} mt={4}>
          {(['held', 'follow_up', 'deal', 'no_show'] as const).map((k) => (
            <Radio key={k} value={k} label={t(`convention.outcome.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.outcome === 'deal' ? (
        <TextInput
          label={t('convention.agenda.outcome.amount', { currency: draft.currency })}
          description={t('convention.agenda.outcome.amountHint')}
          inputMode="decimal"
          required
          value={draft.amount}
          onChange={(e) => set('amount', e.currentTarget.value)}
          error={show('amount_cents')}
        />
      ) : null}
      <Textarea label={t('convention.agenda.outcome.note')} rows={2} value={draft.note} onChange={(e) => set('note', e.currentTarget.value)} error={show('note')} />
      <FormProblem error={record.error} fieldErrors={server} />
      <div className="conv-actions">
        <Button type="submit" loading={record.isPending}>
          {t('convention.agenda.outcome.save')}
        </Button>
        {meeting.outcome ? (
          <Button variant="subtle" onClick={onDone} disabled={record.isPending}>
            {t('convention.agenda.outcome.keep')}
          </Button>
        ) : null}
      </div>
    </form>
  )
}
