// The schedule grid's pure parts: the event's slots in time order, which
// meeting sits in which cell, and which tables the grid shows.
import type { ConventionEvent, Interval, LeftOut, Meeting } from './types'

/** Every slot of the event, in time order (sessions do not overlap). */
export function eventSlots(event: Pick<ConventionEvent, 'sessions'>): Interval[] {
  return (event.sessions ?? [])
    .flatMap((s) => s.slots ?? [])
    .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
}

/** The key of a cell: the slot's start instant and the table. */
export function cellKey(startsAt: string, table: number): string {
  return `${new Date(startsAt).getTime()}#${table}`
}

/** The meetings by cell. */
export function meetingsByCell(meetings: Meeting[]): Map<string, Meeting> {
  const cells = new Map<string, Meeting>()
  for (const m of meetings) cells.set(cellKey(m.starts_at, m.table), m)
  return cells
}

/** Up to this many tables the grid shows every one; beyond, the tables in use. */
export const ALL_TABLES_UP_TO = 30

/** The tables the grid shows as columns, in order. */
export function gridTables(tables: number, meetings: Meeting[]): number[] {
  if (tables <= ALL_TABLES_UP_TO) return Array.from({ length: tables }, (_, i) => i + 1)
  return [...new Set(meetings.map((m) => m.table))].sort((a, b) => a - b)
}

/** Whether a delegate of meeting has another meeting in the slot starting at startsAt. */
export function partyBusy(meetings: Meeting[], meeting: Meeting, startsAt: string): boolean {
  const at = new Date(startsAt).getTime()
  const ids = new Set([meeting.a.delegate_id, meeting.b.delegate_id])
  return meetings.some(
    (m) => m.id !== meeting.id && new Date(m.starts_at).getTime() === at && (ids.has(m.a.delegate_id) || ids.has(m.b.delegate_id)),
  )
}

/** The left-out requests counted by reason, most frequent first. */
export function reasonCounts(leftOut: LeftOut[]): { reason: string; text: string; count: number }[] {
  const byReason = new Map<string, { reason: string; text: string; count: number }>()
  for (const l of leftOut) {
    const entry = byReason.get(l.reason) ?? { reason: l.reason, text: l.reason_text || l.reason, count: 0 }
    entry.count += 1
    byReason.set(l.reason, entry)
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
}
