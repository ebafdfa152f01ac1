import { beforeAll, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/organiser/en.json'
import './catalogue'
import {
  capacity,
  centsText,
  emptyEvent,
  eventBody,
  eventValues,
  newBreak,
  newSession,
  slotCount,
  validateEvent,
  type EventValues,
} from './eventForm'
import { formatMoney, formatPercent } from './format'
import { cellKey, eventSlots, gridTables, meetingsByCell, partyBusy, reasonCounts } from './grid'
import { sessionSlots } from './slots'
import type { ConventionEvent, Meeting } from './types'
import { fromWall, toWall } from './zoned'

const at = (hhmm: string) => Date.parse(`2027-01-14T${hhmm}:00Z`)
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
const show = (slots: { start: number; end: number }[]) => slots.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`)

describe('sessionSlots (as internal/event Slots)', () => {
  it.each([
    ['no break: whole slots only', at('14:00'), at('15:10'), 20, [], ['14:00-14:20', '14:20-14:40', '14:40-15:00']],
    ['a break on the grid removes its slot', at('14:00'), at('15:20'), 20, [[at('14:40'), at('15:00')]], ['14:00-14:20', '14:20-14:40', '15:00-15:20']],
    ['a break off the grid: slots resume at its end', at('14:00'), at('15:30'), 20, [[at('14:30'), at('14:45')]], ['14:00-14:20', '14:45-15:05', '15:05-15:25']],
    ['overlapping breaks out of order', at('09:00'), at('10:30'), 30, [[at('09:40'), at('10:00')], [at('09:30'), at('09:45')]], ['09:00-09:30', '10:00-10:30']],
    ['an empty break removes nothing', at('09:00'), at('09:40'), 20, [[at('09:20'), at('09:20')]], ['09:00-09:20', '09:20-09:40']],
    ['shorter than one meeting', at('09:00'), at('09:15'), 20, [], []],
    ['reversed', at('09:00'), at('08:00'), 20, [], []],
    ['no meeting length', at('09:00'), at('10:00'), 0, [], []],
    ['a break covering the session', at('09:00'), at('10:00'), 20, [[at('08:00'), at('11:00')]], []],
  ] as const)('%s', (_name, start, end, minutes, breaks, want) => {
    expect(show(sessionSlots({ start, end }, minutes, breaks.map(([s, e]) => ({ start: s, end: e }))))).toEqual(want)
  })

  it('cuts the seed’s afternoon into 11 slots around the coffee break', () => {
    expect(sessionSlots({ start: at('14:00'), end: at('18:00') }, 20, [{ start: at('16:00'), end: at('16:20') }])).toHaveLength(11)
  })
})

describe('wall times in the event’s zone', () => {
  it('reads a Luxembourg wall time in winter and in summer', () => {
    expect(fromWall({ date: '2027-01-14', time: '09:00' }, 'Europe/Luxembourg')?.toISOString()).toBe('2027-01-14T08:00:00.000Z')
    expect(fromWall({ date: '2027-07-14', time: '09:00' }, 'Europe/Luxembourg')?.toISOString()).toBe('2027-07-14T07:00:00.000Z')
    expect(fromWall({ date: '2027-01-14', time: '09:00' }, 'UTC')?.toISOString()).toBe('2027-01-14T09:00:00.000Z')
  })

  it('shows an instant in the zone, whatever the computer’s zone', () => {
    expect(toWall('2027-01-14T08:00:00Z', 'Europe/Berlin')).toEqual({ date: '2027-01-14', time: '09:00' })
    expect(toWall('2027-01-14T23:30:00Z', 'Europe/Paris')).toEqual({ date: '2027-01-15', time: '00:30' })
  })

  it('round-trips around the changes of offset', () => {
    // 02:30 on 28 March 2027 does not exist in Paris: read with the winter offset.
    expect(fromWall({ date: '2027-03-28', time: '02:30' }, 'Europe/Paris')?.toISOString()).toBe('2027-03-28T01:30:00.000Z')
    // 02:30 on 31 October 2027 happens twice: the first one.
    expect(fromWall({ date: '2027-10-31', time: '02:30' }, 'Europe/Paris')?.toISOString()).toBe('2027-10-31T00:30:00.000Z')
    for (const iso of ['2027-03-28T00:59:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:30:00Z', '2027-06-01T12:00:00Z']) {
      const wall = toWall(iso, 'Europe/Brussels')
      const back = fromWall(wall, 'Europe/Brussels')
      expect(toWall(back?.toISOString(), 'Europe/Brussels')).toEqual(wall)
    }
  })

  it('refuses missing, impossible or unknown values', () => {
    expect(fromWall({ date: '', time: '09:00' }, 'Europe/Paris')).toBeNull()
    expect(fromWall({ date: '2027-02-31', time: '09:00' }, 'Europe/Paris')).toBeNull()
    expect(fromWall({ date: '2027-02-01', time: '25:00' }, 'Europe/Paris')).toBeNull()
    expect(fromWall({ date: '2027-02-01', time: '09:00' }, 'Mars/Olympus')).toBeNull()
    expect(toWall('nonsense', 'Europe/Paris')).toEqual({ date: '', time: '' })
  })
})

/** A valid form: one afternoon in Luxembourg, deadlines the day before. */
function valid(): EventValues {
  const v = emptyEvent('fr')
  v.name = 'Rencontres de la Grande Région'
  v.venue = 'Abbaye de Neumünster'
  v.timeZone = 'Europe/Luxembourg'
  v.tables = '25'
  v.registrationDeadline = { date: '2027-01-13', time: '12:00' }
  v.cancellationCutoff = { date: '2027-01-10', time: '18:00' }
  v.sessions = [{ ...newSession('2027-01-14'), start: '14:00', end: '18:00', breaks: [{ ...newBreak(), start: '16:00', end: '16:20' }] }]
  return v
}

describe('the event form’s rules', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en')
  })
  const t = i18n.t.bind(i18n)
  const errors = (change: (v: EventValues) => void) => {
    const v = valid()
    change(v)
    return validateEvent(v, t)
  }

  it('accepts a valid event and counts its slots and capacity', () => {
    const v = valid()
    expect(validateEvent(v, t)).toEqual({})
    expect(slotCount(v.sessions[0]!, v.timeZone)).toBe(11)
    expect(capacity(v)).toEqual({ slots: 11, meetings: 275 })
  })

  it('names each problem by the path the API uses', () => {
    expect(errors((v) => (v.name = ' '))).toEqual({ name: 'Required' })
    expect(errors((v) => (v.tables = '0'))).toEqual({ tables: en.validation.between.replace('{{min}}', '1').replace('{{max}}', '2000') })
    expect(errors((v) => (v.languages = []))).toEqual({ languages: en.validation.oneLanguage })
    expect(errors((v) => (v.timeZone = 'Europe/Atlantis'))).toMatchObject({ time_zone: en.validation.zone })
    expect(errors((v) => (v.sessions[0]!.end = '13:00'))).toMatchObject({ 'sessions[0].ends_at': en.validation.endAfterStart })
    expect(errors((v) => (v.sessions[0]!.meetingMinutes = '4'))).toHaveProperty('sessions[0].meeting_minutes')
    expect(errors((v) => (v.sessions[0]!.breaks[0]!.start = '13:00'))).toEqual({ 'sessions[0].breaks[0].starts_at': en.validation.breakInside })
    expect(errors((v) => (v.sessions[0]!.breaks[0]!.end = '18:30'))).toEqual({ 'sessions[0].breaks[0].ends_at': en.validation.breakInside })
    expect(errors((v) => (v.sessions[0]!.breaks[0]!.end = '15:00'))).toEqual({ 'sessions[0].breaks[0].ends_at': en.validation.endAfterStart })
    expect(errors((v) => (v.registrationDeadline = { date: '2027-01-14', time: '15:00' }))).toEqual({
      registration_deadline: en.validation.beforeFirstSession,
    })
    expect(errors((v) => (v.cancellationCutoff = { date: '', time: '12:00' }))).toEqual({ cancellation_cutoff: en.validation.dateTime })
    expect(errors((v) => (v.types[1]!.fee = '12,345'))).toEqual({ 'participation_types[1].fee_cents': en.validation.amount })
    expect(errors((v) => (v.types[0]!.names.nl = ''))).toEqual({ 'participation_types[0].names.nl': 'Required' })
    expect(errors((v) => (v.types = []))).toEqual({ participation_types: en.validation.oneType })
  })

  it('finds overlapping sessions and breaks', () => {
    expect(
      errors((v) => {
        v.sessions.push({ ...newSession('2027-01-14'), start: '17:00', end: '19:00' })
      }),
    ).toEqual({ 'sessions[1].starts_at': en.validation.sessionsOverlap.replace('{{n}}', '1') })
    expect(
      errors((v) => {
        v.sessions[0]!.breaks.push({ ...newBreak(), start: '16:10', end: '16:30' })
      }),
    ).toEqual({ 'sessions[0].breaks[1].starts_at': en.validation.breaksOverlap })
    expect(
      errors((v) => {
        v.sessions[0]!.end = '14:10'
        v.sessions[0]!.breaks = []
      }),
    ).toEqual({ 'sessions[0].meeting_minutes': en.validation.noSlot })
  })

  it('makes the API body in UTC from wall times in the event’s zone', () => {
    const v = valid()
    v.types[0]!.fee = '49,50'
    const body = eventBody(v)
    expect(body.sessions).toEqual([
      {
        name: '',
        starts_at: '2027-01-14T13:00:00Z',
        ends_at: '2027-01-14T17:00:00Z',
        meeting_minutes: 20,
        breaks: [{ starts_at: '2027-01-14T15:00:00Z', ends_at: '2027-01-14T15:20:00Z' }],
      },
    ])
    expect(body.registration_deadline).toBe('2027-01-13T11:00:00Z')
    expect(body.participation_types!.map((p) => [p.for_kind, p.fee_cents, p.currency])).toEqual([
      ['sse_supplier', 4950, 'EUR'],
      ['buyer', 0, 'EUR'],
    ])
    expect(body.languages).toEqual(['fr', 'de', 'en', 'nl'])
    expect(body.tables).toBe(25)
  })

  it('reads an existing event back into the same values', () => {
    const v = valid()
    const body = eventBody(v)
    const event = {
      ...body,
      id: 'e1',
      state: 'draft',
      registration_open: false,
      registered_organisations: 0,
      agenda_state: 'none',
      agenda_version: 0,
      sessions: body.sessions!.map((s, i) => ({ ...s, id: `s${i}`, slots: [] })),
      participation_types: body.participation_types!.map((p, i) => ({ ...p, id: `p${i}`, name: p.names.en })),
    } as unknown as ConventionEvent
    const back = eventValues(event)
    // Existing types go back with their ids (the API keeps them, and the registrations made with them).
    expect(eventBody(back)).toEqual({ ...body, participation_types: body.participation_types!.map((p, i) => ({ id: `p${i}`, ...p })) })
    expect(centsText(4950)).toBe('49.50')
    expect(centsText(12000)).toBe('120')
  })
})

const party = (id: string, name: string) => ({ delegate_id: id, name, organisation_id: `o-${id}`, organisation_name: `Org ${name}`, country: 'FR' })
const meeting = (id: string, startsAt: string, table: number, a: string, b: string): Meeting => ({
  id,
  request_id: `r-${id}`,
  starts_at: startsAt,
  ends_at: startsAt,
  table,
  locked: false,
  confirmed: false,
  weight: 1,
  a: party(a, a.toUpperCase()),
  b: party(b, b.toUpperCase()),
})

describe('the schedule grid', () => {
  it('orders the slots of every session by time', () => {
    const event = {
      sessions: [
        { slots: [{ starts_at: '2027-01-14T14:00:00Z', ends_at: '2027-01-14T14:20:00Z' }] },
        { slots: [{ starts_at: '2027-01-14T09:00:00Z', ends_at: '2027-01-14T09:20:00Z' }] },
      ],
    } as unknown as ConventionEvent
    expect(eventSlots(event).map((s) => s.starts_at)).toEqual(['2027-01-14T09:00:00Z', '2027-01-14T14:00:00Z'])
  })

  it('finds a meeting by cell whatever the instant’s spelling', () => {
    const cells = meetingsByCell([meeting('m1', '2027-01-14T09:00:00Z', 2, 'a', 'b')])
    expect(cells.get(cellKey('2027-01-14T09:00:00.000Z', 2))?.id).toBe('m1')
    expect(cells.get(cellKey('2027-01-14T09:00:00Z', 1))).toBeUndefined()
  })

  it('shows every table of a small event, the tables in use of a large one', () => {
    const ms = [meeting('m1', '2027-01-14T09:00:00Z', 40, 'a', 'b'), meeting('m2', '2027-01-14T09:00:00Z', 7, 'c', 'd')]
    expect(gridTables(3, [])).toEqual([1, 2, 3])
    expect(gridTables(100, ms)).toEqual([7, 40])
  })

  it('tells when a party already meets someone else in a slot', () => {
    const m1 = meeting('m1', '2027-01-14T09:00:00Z', 1, 'a', 'b')
    const m2 = meeting('m2', '2027-01-14T09:20:00Z', 1, 'b', 'c')
    expect(partyBusy([m1, m2], m1, '2027-01-14T09:20:00Z')).toBe(true)
    expect(partyBusy([m1, m2], m1, '2027-01-14T09:40:00Z')).toBe(false)
    expect(partyBusy([m1, m2], m1, '2027-01-14T09:00:00Z')).toBe(false)
  })

  it('counts the left-out requests by reason', () => {
    expect(
      reasonCounts([
        { request_id: '1', reason: 'no_common_slot', reason_text: 'No common slot' },
        { request_id: '2', reason: 'no_table_left', reason_text: 'All tables taken' },
        { request_id: '3', reason: 'no_common_slot', reason_text: 'No common slot' },
      ]),
    ).toEqual([
      { reason: 'no_common_slot', text: 'No common slot', count: 2 },
      { reason: 'no_table_left', text: 'All tables taken', count: 1 },
    ])
  })

  it('formats money and shares in the reader’s language', () => {
    expect(formatMoney(4950, 'EUR', 'fr')).toMatch(/^49,50\s€$/)
    expect(formatMoney(12000, 'EUR', 'en')).toBe('€120.00')
    expect(formatPercent(987, 1000, 'en')).toBe('98.7%')
    expect(formatPercent(1, 0, 'en')).toBe('')
  })
})
