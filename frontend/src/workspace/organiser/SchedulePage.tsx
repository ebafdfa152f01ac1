import { Alert, Button, Group, Table } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ErrorState, Loading } from '../../components/States'
import { serverMessage } from '../forms'
import { useAcceptedRequests, useRunScheduler, useScheduleRun, useSendAgendas } from './api'
import { ConfirmAction } from './fields'
import { EventFrame } from './EventFrame'
import { formatPercent } from './format'
import { reasonCounts } from './grid'
import { MeetingsGrid } from './MeetingsGrid'
import { TablePlanSection } from './TablePlanSection'
import type { ConventionEvent, ScheduleRun } from './types'
import { formatIn } from './zoned'

/** The schedule of an event: run the scheduler, see and adjust the meetings, print the table plan, send agendas. */
export function SchedulePage() {
  const { eventID = '' } = useParams()
  const { t } = useTranslation()
  return (
    <EventFrame eventID={eventID} title={(event) => (event ? t('organiser.schedule.title', { name: event.name }) : t('organiser.eventNav.schedule'))}>
      {(event) => (
        <>
          <RunSection event={event} />
          <MeetingsGrid event={event} />
          <TablePlanSection event={event} />
          <AgendasSection event={event} />
        </>
      )}
    </EventFrame>
  )
}

function RunSection({ event }: { event: ConventionEvent }) {
  const { t } = useTranslation()
  const run = useScheduleRun(event.id)
  const scheduler = useRunScheduler(event.id)
  return (
    <section aria-labelledby="schedule-run" className="organiser-box">
      <h2 id="schedule-run">{t('organiser.schedule.run.heading')}</h2>
      <p>{t('organiser.schedule.run.intro')}</p>
      <Group>
        <Button onClick={() => scheduler.mutate()} loading={scheduler.isPending} disabled={event.state === 'cancelled'}>
          {run.data ? t('organiser.schedule.run.again') : t('organiser.schedule.run.button')}
        </Button>
      </Group>
      <div role="status" aria-live="polite" className="organiser-status">
        {scheduler.isPending ? <p>{t('organiser.schedule.run.running')}</p> : null}
        {scheduler.isSuccess ? <p>{t('organiser.schedule.run.done', { count: scheduler.data.meetings })}</p> : null}
      </div>
      {scheduler.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(scheduler.error, t)}
        </Alert>
      ) : null}
      {run.isPending ? (
        <Loading />
      ) : run.isError ? (
        <ErrorState error={run.error} onRetry={() => void run.refetch()} />
      ) : run.data ? (
        <RunFigures run={run.data} zone={event.time_zone} eventID={event.id} />
      ) : (
        <p className="organiser-hint">{t('organiser.schedule.run.never')}</p>
      )}
    </section>
  )
}

/** The figures of a run and the requests it left out, by reason. */
export function RunFigures({ run, zone, eventID }: { run: ScheduleRun; zone: string; eventID: string }) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  const percent = formatPercent(run.weight, run.upper_bound, i18n.language)
  const leftOut = run.left_out ?? []
  return (
    <>
      <h3>{t('organiser.schedule.figures.heading', { date: formatIn(run.started_at, zone, i18n.language) })}</h3>
      <dl className="organiser-figures">
        <div>
          <dt>{t('organiser.schedule.figures.requests')}</dt>
          <dd>{number.format(run.requests)}</dd>
        </div>
        <div>
          <dt>{t('organiser.schedule.figures.meetings')}</dt>
          <dd>{number.format(run.meetings)}</dd>
        </div>
        <div>
          <dt>{t('organiser.schedule.figures.weight')}</dt>
          <dd>
            {t('organiser.schedule.figures.weightOf', {
              weight: number.format(run.weight),
              bound: number.format(run.upper_bound),
            })}
            {percent ? <span className="organiser-percent"> ({percent})</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('organiser.schedule.figures.kept')}</dt>
          <dd>{number.format(run.kept)}</dd>
        </div>
        <div>
          <dt>{t('organiser.schedule.figures.leftOut')}</dt>
          <dd>{number.format(leftOut.length)}</dd>
        </div>
        <div>
          <dt>{t('organiser.schedule.figures.duration')}</dt>
          <dd>{t('organiser.schedule.figures.ms', { ms: number.format(run.duration_ms) })}</dd>
        </div>
      </dl>
      <p className="organiser-hint">{t('organiser.schedule.figures.weightHint')}</p>
      {leftOut.length > 0 ? (
        <>
          <h3>{t('organiser.schedule.leftOut.heading')}</h3>
          <Table className="organiser-table">
            <Table.Caption>{t('organiser.schedule.leftOut.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organiser.schedule.leftOut.reason')}</Table.Th>
                <Table.Th scope="col">{t('organiser.schedule.leftOut.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reasonCounts(leftOut).map((r) => (
                <Table.Tr key={r.reason}>
                  <Table.Td>{r.text}</Table.Td>
                  <Table.Td>{number.format(r.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <p>{t('organiser.schedule.leftOut.none')}</p>
      )}
      {leftOut.length > 0 ? <LeftOutList run={run} eventID={eventID} /> : null}
    </>
  )
}

/** At most this many left-out requests are named one by one. */
const LEFT_OUT_SHOWN = 100

/** Each request left out: who asked whom, and why it has no meeting. */
function LeftOutList({ run, eventID }: { run: ScheduleRun; eventID: string }) {
  const { t } = useTranslation()
  const leftOut = run.left_out ?? []
  const requests = useAcceptedRequests(eventID, leftOut.length > 0)
  if (requests.isPending) return <Loading />
  if (requests.isError) return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
  return (
    <>
      <h4>{t('organiser.schedule.leftOut.each')}</h4>
      <ul className="organiser-left-out">
        {leftOut.slice(0, LEFT_OUT_SHOWN).map((l) => {
          const r = requests.data.get(l.request_id)
          return (
            <li key={l.request_id}>
              {r
                ? t('organiser.schedule.leftOut.item', {
                    from: `${r.from.name} (${r.from.organisation_name})`,
                    to: `${r.to.name} (${r.to.organisation_name})`,
                  })
                : t('organiser.schedule.leftOut.unknown')}{' '}
              <span className="organiser-meta">{l.reason_text}</span>
            </li>
          )
        })}
      </ul>
      {leftOut.length > LEFT_OUT_SHOWN ? (
        <p className="organiser-hint">{t('organiser.schedule.leftOut.more', { count: leftOut.length - LEFT_OUT_SHOWN })}</p>
      ) : null}
    </>
  )
}

function AgendasSection({ event }: { event: ConventionEvent }) {
  const { t } = useTranslation()
  const send = useSendAgendas(event.id)
  const [sent, setSent] = useState<'' | 'preliminary' | 'final'>('')
  return (
    <section aria-labelledby="schedule-agendas" className="organiser-box">
      <h2 id="schedule-agendas">{t('organiser.schedule.agendas.heading')}</h2>
      <p>
        {t(`organiser.agendaState.${event.agenda_state}`)}
        {event.agenda_version > 0 ? ` ${t('organiser.schedule.agendas.version', { version: event.agenda_version })}` : ''}
      </p>
      <div role="status" className="organiser-status">
        {sent && send.data ? (
          <Alert color="green">
            {t(`organiser.schedule.agendas.sent.${sent}`)} {t('organiser.schedule.agendas.emails', { count: send.data.emails })}
          </Alert>
        ) : null}
      </div>
      {send.isError ? (
        <Alert color="red" role="alert" mb="sm">
          {serverMessage(send.error, t)}
        </Alert>
      ) : null}
      {event.agenda_state === 'final' ? (
        <p className="organiser-hint">{t('organiser.schedule.agendas.finalSent')}</p>
      ) : (
        <Group>
          <ConfirmAction
            label={t('organiser.schedule.agendas.preliminary')}
            title={t('organiser.schedule.agendas.preliminaryTitle')}
            confirmLabel={t('organiser.schedule.agendas.send')}
            variant="outline"
            pending={send.isPending && send.variables === 'preliminary'}
            disabled={event.state === 'cancelled'}
            onConfirm={() => send.mutate('preliminary', { onSuccess: () => setSent('preliminary') })}
          >
            <p>{t('organiser.schedule.agendas.preliminaryBody')}</p>
          </ConfirmAction>
          <ConfirmAction
            label={t('organiser.schedule.agendas.final')}
            title={t('organiser.schedule.agendas.finalTitle')}
            confirmLabel={t('organiser.schedule.agendas.send')}
            pending={send.isPending && send.variables === 'final'}
            disabled={event.state === 'cancelled'}
            onConfirm={() => send.mutate('final', { onSuccess: () => setSent('final') })}
          >
            <p>{t('organiser.schedule.agendas.finalBody')}</p>
            <p>
              <strong>{t('organiser.schedule.agendas.finalWarning')}</strong>
            </p>
          </ConfirmAction>
        </Group>
      )}
    </section>
  )
}
