import { Alert, Button, Group, Modal, NativeSelect, Stack } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverMessage } from '../forms'
import { useMeetings, usePatchMeeting } from './api'
import { cellKey, eventSlots, gridTables, meetingsByCell, partyBusy } from './grid'
import type { ConventionEvent, Interval, Meeting, Party } from './types'
import { formatIn, formatTimes } from './zoned'

/** "Name (Organisation)". */
function partyText(p: Party): string {
  return `${p.name} (${p.organisation_name})`
}

/**
 * The meetings as a grid: a row per slot, a column per table, each cell the
 * two parties with the actions on that meeting (lock or unlock, move).
 */
export function MeetingsGrid({ event }: { event: ConventionEvent }) {
  const { t, i18n } = useTranslation()
  const query = useMeetings(event.id)
  const patch = usePatchMeeting(event.id)
  const [moving, setMoving] = useState<Meeting | null>(null)
  const slots = eventSlots(event)
  const meetings = query.data?.meetings ?? []
  const cells = meetingsByCell(meetings)
  const tables = gridTables(event.tables, meetings)
  const [notice, setNotice] = useState('')
  let day = ''
  return (
    <section aria-labelledby="schedule-grid" className="organiser-box">
      <h2 id="schedule-grid">{t('organiser.schedule.grid.heading')}</h2>
      <p className="organiser-hint">{t('organiser.schedule.grid.intro', { zone: event.time_zone })}</p>
      <div role="status" className="organiser-status">
        {notice ? <p>{notice}</p> : null}
      </div>
      {patch.isError && !moving ? (
        <Alert color="red" role="alert" mb="sm">
          {serverMessage(patch.error, t)}
        </Alert>
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : slots.length === 0 ? (
        <Empty title={t('organiser.schedule.grid.noSlots')} />
      ) : meetings.length === 0 ? (
        <Empty title={t('organiser.schedule.grid.empty')} hint={t('organiser.schedule.grid.emptyHint')} />
      ) : (
        <>
          {query.data?.truncated ? <Alert color="orange">{t('organiser.schedule.grid.truncated', { count: meetings.length })}</Alert> : null}
          {tables.length < event.tables ? (
            <p className="organiser-hint">{t('organiser.schedule.grid.tablesInUse', { shown: tables.length, tables: event.tables })}</p>
          ) : null}
          <div className="organiser-scroll" tabIndex={0} role="region" aria-labelledby="schedule-grid-caption">
            <table className="organiser-grid-table">
              <caption id="schedule-grid-caption">{t('organiser.schedule.grid.caption', { count: meetings.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organiser.schedule.grid.slot')}</th>
                  {tables.map((n) => (
                    <th scope="col" key={n}>
                      {t('organiser.schedule.table', { n })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => {
                  const thisDay = formatIn(slot.starts_at, event.time_zone, i18n.language, { dateStyle: 'full' })
                  const newDay = thisDay !== day
                  day = thisDay
                  return (
                    <tr key={slot.starts_at} className={newDay ? 'organiser-newday' : undefined}>
                      <th scope="row">
                        {newDay ? <span className="organiser-day">{thisDay}</span> : <span className="visually-hidden">{thisDay}</span>}
                        {formatTimes(slot.starts_at, slot.ends_at, event.time_zone, i18n.language)}
                      </th>
                      {tables.map((n) => {
                        const m = cells.get(cellKey(slot.starts_at, n))
                        if (!m) {
                          return (
                            <td key={n} className="organiser-free">
                              <span className="visually-hidden">{t('organiser.schedule.grid.free')}</span>
                            </td>
                          )
                        }
                        const pending = patch.isPending && patch.variables?.meetingID === m.id
                        return (
                          <td key={n} className={m.locked ? 'organiser-locked' : undefined}>
                            <div className="organiser-cell">
                              <span>{partyText(m.a)}</span>
                              <span aria-hidden="true">↔</span>
                              <span className="visually-hidden">{t('organiser.schedule.grid.with')}</span>
                              <span>{partyText(m.b)}</span>
                              <span className="organiser-meta">
                                {[
                                  m.locked ? t('organiser.schedule.grid.locked') : '',
                                  m.confirmed ? t('organiser.schedule.grid.confirmed') : '',
                                ]
                                  .filter(Boolean)
                                  .join(' · ')}
                              </span>
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  size="compact-xs"
                                  variant={m.locked ? 'filled' : 'outline'}
                                  loading={pending && patch.variables?.locked !== undefined}
                                  aria-pressed={m.locked}
                                  aria-label={t('organiser.schedule.grid.lockLabel', { a: m.a.name, b: m.b.name })}
                                  onClick={() =>
                                    patch.mutate(
                                      { meetingID: m.id, locked: !m.locked },
                                      {
                                        onSuccess: (saved) =>
                                          setNotice(
                                            t(saved.locked ? 'organiser.schedule.grid.lockedNotice' : 'organiser.schedule.grid.unlockedNotice', {
                                              a: m.a.name,
                                              b: m.b.name,
                                            }),
                                          ),
                                      },
                                    )
                                  }
                                >
                                  {t('organiser.schedule.grid.lock')}
                                </Button>
                                <Button
                                  size="compact-xs"
                                  variant="outline"
                                  aria-label={t('organiser.schedule.grid.moveLabel', { a: m.a.name, b: m.b.name })}
                                  disabled={m.confirmed}
                                  onClick={() => {
                                    patch.reset()
                                    setMoving(m)
                                  }}
                                >
                                  {t('organiser.schedule.grid.move')}
                                </Button>
                              </Group>
                            </div>
                          </td>
                        )
                      })}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {moving ? (
        <MoveDialog
          event={event}
          slots={slots}
          meeting={moving}
          meetings={meetings}
          cells={cells}
          onClose={() => setMoving(null)}
          onMoved={(text) => {
            setMoving(null)
            setNotice(text)
          }}
        />
      ) : null}
    </section>
  )
}

/** Moves a meeting to another slot and table, chosen from two lists (the server checks and says why not). */
function MoveDialog({
  event,
  slots,
  meeting,
  meetings,
  cells,
  onClose,
  onMoved,
}: {
  event: ConventionEvent
  slots: Interval[]
  meeting: Meeting
  meetings: Meeting[]
  cells: Map<string, Meeting>
  onClose: () => void
  onMoved: (notice: string) => void
}) {
  const { t, i18n } = useTranslation()
  const patch = usePatchMeeting(event.id)
  const [slot, setSlot] = useState(meeting.starts_at)
  const [table, setTable] = useState(String(meeting.table))
  const slotLabel = (s: Interval) => formatIn(s.starts_at, event.time_zone, i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const busy = partyBusy(meetings, meeting, slot)
  const taken = (n: number) => {
    const other = cells.get(cellKey(slot, n))
    return other && other.id !== meeting.id ? other : undefined
  }
  const tableNumbers = Array.from({ length: event.tables }, (_, i) => i + 1)
  const chosenTaken = taken(Number(table))
  const unchanged = new Date(slot).getTime() === new Date(meeting.starts_at).getTime() && Number(table) === meeting.table
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (unchanged) return
    patch.mutate(
      { meetingID: meeting.id, starts_at: slot, table: Number(table) },
      {
        onSuccess: (saved) =>
          onMoved(
            t('organiser.schedule.move.done', {
              a: meeting.a.name,
              b: meeting.b.name,
              slot: formatIn(saved.starts_at, event.time_zone, i18n.language, { dateStyle: 'short', timeStyle: 'short' }),
              n: saved.table,
            }),
          ),
      },
    )
  }
  return (
    <Modal
      opened
      onClose={() => (patch.isPending ? undefined : onClose())}
      title={t('organiser.schedule.move.title')}
      closeButtonProps={{ 'aria-label': t('organiser.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <p>
            {t('organiser.schedule.move.meeting', { a: partyText(meeting.a), b: partyText(meeting.b) })}
            <br />
            {t('organiser.schedule.move.now', { slot: slotLabel(meeting), n: meeting.table })}
          </p>
          <NativeSelect
            name="slot"
            label={t('organiser.schedule.move.slot')}
            value={slots.find((s) => new Date(s.starts_at).getTime() === new Date(slot).getTime())?.starts_at ?? slot}
            onChange={(e) => setSlot(e.currentTarget.value)}
            data={slots.map((s) => ({ value: s.starts_at, label: slotLabel(s) }))}
            description={busy ? t('organiser.schedule.move.busy') : undefined}
          />
          <NativeSelect
            name="table"
            label={t('organiser.schedule.move.table')}
            value={table}
            onChange={(e) => setTable(e.currentTarget.value)}
            data={tableNumbers.map((n) => ({
              value: String(n),
              label: taken(n) ? t('organiser.schedule.move.tableTaken', { n }) : t('organiser.schedule.table', { n }),
            }))}
            description={chosenTaken ? t('organiser.schedule.move.takenBy', { a: chosenTaken.a.name, b: chosenTaken.b.name }) : undefined}
          />
          {patch.isError ? (
            <Alert color="red" role="alert" title={t('organiser.schedule.move.refused')}>
              {serverMessage(patch.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={patch.isPending}>
              {t('organiser.back')}
            </Button>
            <Button type="submit" loading={patch.isPending} disabled={unchanged}>
              {t('organiser.schedule.move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
