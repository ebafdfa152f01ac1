// The event form's values (what the fields hold, as typed), the rules they
// must meet (the contract's and the schema's, so that the organiser learns
// of a mistake while typing, not after sending), and the API body they make.
import type { TFunction } from 'i18next'
import { euroCents } from '../buyer/money'
import { sessionSlots, type Span } from './slots'
import { FOR_KINDS, LANGS, type ConventionEvent, type EventInput, type ForKind, type Lang } from './types'
import { fromWall, isKnownZone, rfc3339, toWall, type WallTime } from './zoned'

export interface BreakValues {
  key: string
  start: string
  end: string
}

/** A session on one date, from a start time to an end time (in the event's zone). */
export interface SessionValues {
  key: string
  name: string
  date: string
  start: string
  end: string
  meetingMinutes: string
  breaks: BreakValues[]
}

export interface TypeValues {
  key: string
  /** An existing type's id: sent back, it keeps the type (and the registrations made with it). */
  id?: string
  names: Record<Lang, string>
  forKind: ForKind
  fee: string
  maxDelegates: string
}

export interface EventValues {
  name: string
  lang: Lang
  description: string
  venue: string
  address: string
  timeZone: string
  tables: string
  languages: Lang[]
  registrationDeadline: WallTime
  cancellationCutoff: WallTime
  requestExpiryDays: string
  sessions: SessionValues[]
  types: TypeValues[]
}

/** The API's limits. */
export const LIMITS = {
  name: 200,
  venue: 300,
  address: 500,
  description: 10_000,
  sessionName: 200,
  typeName: 100,
  breaks: 10,
  tables: [1, 2000],
  expiryDays: [1, 60],
  meetingMinutes: [5, 120],
  sessions: 10,
  types: 10,
  maxDelegates: [1, 20],
  feeCents: 10_000_000,
} as const

let counter = 0
/** A key for a new row of the form (React's list keys). */
export function newKey(): string {
  counter += 1
  return `row-${counter}`
}

export function newBreak(): BreakValues {
  return { key: newKey(), start: '', end: '' }
}

export function newSession(date = ''): SessionValues {
  return { key: newKey(), name: '', date, start: '14:00', end: '18:00', meetingMinutes: '20', breaks: [] }
}

/** The two types the API makes when none is given: SSE suppliers and buyers, both free. */
export function defaultTypes(): TypeValues[] {
  return [
    {
      key: newKey(),
      names: { fr: 'Fournisseur de l’ESS', de: 'Anbieter der Sozialwirtschaft', en: 'SSE supplier', nl: 'Leverancier uit de sociale economie' },
      forKind: 'sse_supplier',
      fee: '0',
      maxDelegates: '3',
    },
    {
      key: newKey(),
      names: { fr: 'Acheteur', de: 'Einkäufer', en: 'Buyer', nl: 'Aankoper' },
      forKind: 'buyer',
      fee: '0',
      maxDelegates: '3',
    },
  ]
}

export function newType(): TypeValues {
  return { key: newKey(), names: { fr: '', de: '', en: '', nl: '' }, forKind: 'any', fee: '0', maxDelegates: '3' }
}

/** The values of a new event's form. */
export function emptyEvent(lang: Lang): EventValues {
  return {
    name: '',
    lang,
    description: '',
    venue: '',
    address: '',
    timeZone: 'Europe/Paris',
    tables: '20',
    languages: [...LANGS],
    registrationDeadline: { date: '', time: '12:00' },
    cancellationCutoff: { date: '', time: '12:00' },
    requestExpiryDays: '7',
    sessions: [newSession()],
    types: defaultTypes(),
  }
}

/** Cents as the fee field shows them: 1250 → "12.50", 0 → "0". */
export function centsText(cents: number): string {
  if (cents % 100 === 0) return String(cents / 100)
  return (cents / 100).toFixed(2)
}

/** The form's values for an existing event (times in its zone). */
export function eventValues(e: ConventionEvent): EventValues {
  const zone = e.time_zone
  return {
    name: e.name,
    lang: e.lang,
    description: e.description ?? '',
    venue: e.venue,
    address: e.address ?? '',
    timeZone: zone,
    tables: String(e.tables),
    languages: LANGS.filter((l) => (e.languages ?? []).includes(l)),
    registrationDeadline: toWall(e.registration_deadline, zone),
    cancellationCutoff: toWall(e.cancellation_cutoff, zone),
    requestExpiryDays: String(e.request_expiry_days),
    sessions: (e.sessions ?? []).map((s) => {
      const start = toWall(s.starts_at, zone)
      return {
        key: newKey(),
        name: s.name ?? '',
        date: start.date,
        start: start.time,
        end: toWall(s.ends_at, zone).time,
        meetingMinutes: String(s.meeting_minutes),
        breaks: (s.breaks ?? []).map((b) => ({ key: newKey(), start: toWall(b.starts_at, zone).time, end: toWall(b.ends_at, zone).time })),
      }
    }),
    types: (e.participation_types ?? []).map((p) => ({
      key: newKey(),
      id: p.id,
      names: { fr: p.names?.fr ?? '', de: p.names?.de ?? '', en: p.names?.en ?? '', nl: p.names?.nl ?? '' },
      forKind: p.for_kind,
      fee: centsText(p.fee_cents),
      maxDelegates: String(p.max_delegates),
    })),
  }
}

/** An integer typed in a field, or null. */
export function integer(value: string): number | null {
  const v = value.trim()
  return /^\d{1,9}$/.test(v) ? Number(v) : null
}

/** A session's times as instants, null where a field is missing or invalid. */
export function sessionSpan(s: SessionValues, zone: string): { start: Date | null; end: Date | null } {
  return { start: fromWall({ date: s.date, time: s.start }, zone), end: fromWall({ date: s.date, time: s.end }, zone) }
}

function breakSpan(s: SessionValues, b: BreakValues, zone: string) {
  return { start: fromWall({ date: s.date, time: b.start }, zone), end: fromWall({ date: s.date, time: b.end }, zone) }
}

/** The meeting slots of a session as the form stands (0 while it is incomplete). */
export function slotCount(s: SessionValues, zone: string): number {
  const { start, end } = sessionSpan(s, zone)
  const minutes = integer(s.meetingMinutes)
  if (!start || !end || minutes === null) return 0
  const breaks: Span[] = []
  for (const b of s.breaks) {
    const span = breakSpan(s, b, zone)
    if (span.start && span.end) breaks.push({ start: span.start.getTime(), end: span.end.getTime() })
  }
  return sessionSlots({ start: start.getTime(), end: end.getTime() }, minutes, breaks).length
}

/** Slots over all sessions and the meetings they hold at every table. */
export function capacity(v: EventValues): { slots: number; meetings: number } {
  const slots = v.sessions.reduce((sum, s) => sum + slotCount(s, v.timeZone), 0)
  const tables = integer(v.tables) ?? 0
  return { slots, meetings: slots * tables }
}

/** The first session's start, the instant the deadlines must not pass. */
export function firstStart(v: EventValues): Date | null {
  let first: Date | null = null
  for (const s of v.sessions) {
    const { start } = sessionSpan(s, v.timeZone)
    if (start && (!first || start < first)) first = start
  }
  return first
}

const length = (value: string) => [...value].length

/**
 * The problems of the form's values, by the field path the API names in
 * its errors (`sessions[0].ends_at`), in the reader's language.
 */
export function validateEvent(v: EventValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  const put = (path: string, message: string) => {
    errors[path] ??= message
  }
  const text = (path: string, value: string, max: number, required: boolean) => {
    if (required && value.trim() === '') put(path, t('workspace.form.required'))
    else if (length(value) > max) put(path, t('workspace.form.tooLong', { max }))
  }
  const range = (path: string, value: string, [min, max]: readonly [number, number]) => {
    const n = integer(value)
    if (value.trim() === '') put(path, t('workspace.form.required'))
    else if (n === null || n < min || n > max) put(path, t('organiser.validation.between', { min, max }))
  }
  text('name', v.name, LIMITS.name, true)
  text('venue', v.venue, LIMITS.venue, true)
  text('address', v.address, LIMITS.address, false)
  text('description', v.description, LIMITS.description, false)
  if (!LANGS.includes(v.lang)) put('lang', t('workspace.form.required'))
  if (v.timeZone.trim() === '') put('time_zone', t('workspace.form.required'))
  else if (!isKnownZone(v.timeZone)) put('time_zone', t('organiser.validation.zone'))
  range('tables', v.tables, LIMITS.tables)
  range('request_expiry_days', v.requestExpiryDays, LIMITS.expiryDays)
  if (v.languages.length === 0) put('languages', t('organiser.validation.oneLanguage'))

  if (v.sessions.length === 0) put('sessions', t('organiser.validation.oneSession'))
  if (v.sessions.length > LIMITS.sessions) put('sessions', t('organiser.validation.tooMany', { max: LIMITS.sessions }))
  const spans: { index: number; start: Date; end: Date }[] = []
  v.sessions.forEach((s, i) => {
    const p = `sessions[${i}]`
    text(`${p}.name`, s.name, LIMITS.sessionName, false)
    range(`${p}.meeting_minutes`, s.meetingMinutes, LIMITS.meetingMinutes)
    const { start, end } = sessionSpan(s, v.timeZone)
    if (!start) put(`${p}.starts_at`, t('organiser.validation.dateTime'))
    if (s.end.trim() === '' || !fromWall({ date: s.date || '2000-01-01', time: s.end }, v.timeZone)) put(`${p}.ends_at`, t('organiser.validation.time'))
    if (start && end) {
      if (end <= start) put(`${p}.ends_at`, t('organiser.validation.endAfterStart'))
      else {
        spans.push({ index: i, start, end })
        if (!errors[`${p}.meeting_minutes`] && slotCount(s, v.timeZone) === 0) put(`${p}.meeting_minutes`, t('organiser.validation.noSlot'))
      }
    }
    if (s.breaks.length > LIMITS.breaks) put(`${p}.breaks`, t('organiser.validation.tooMany', { max: LIMITS.breaks }))
    const breaks: { j: number; start: Date; end: Date }[] = []
    s.breaks.forEach((b, j) => {
      const bp = `${p}.breaks[${j}]`
      const span = breakSpan(s, b, v.timeZone)
      if (b.start.trim() === '' || (s.date && !span.start)) put(`${bp}.starts_at`, t('organiser.validation.time'))
      if (b.end.trim() === '' || (s.date && !span.end)) put(`${bp}.ends_at`, t('organiser.validation.time'))
      if (span.start && span.end) {
        if (span.end <= span.start) put(`${bp}.ends_at`, t('organiser.validation.endAfterStart'))
        else if (start && span.start < start) put(`${bp}.starts_at`, t('organiser.validation.breakInside'))
        else if (end && span.end > end) put(`${bp}.ends_at`, t('organiser.validation.breakInside'))
        else breaks.push({ j, start: span.start, end: span.end })
      }
    })
    breaks.sort((a, b) => a.start.getTime() - b.start.getTime())
    for (let k = 1; k < breaks.length; k++) {
      const prev = breaks[k - 1]!
      const cur = breaks[k]!
      if (cur.start < prev.end) put(`${p}.breaks[${cur.j}].starts_at`, t('organiser.validation.breaksOverlap'))
    }
  })
  spans.sort((a, b) => a.start.getTime() - b.start.getTime())
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!
    const cur = spans[k]!
    if (cur.start < prev.end) put(`sessions[${cur.index}].starts_at`, t('organiser.validation.sessionsOverlap', { n: prev.index + 1 }))
  }

  const first = firstStart(v)
  for (const [path, wall] of [
    ['registration_deadline', v.registrationDeadline],
    ['cancellation_cutoff', v.cancellationCutoff],
  ] as const) {
    const at = fromWall(wall, v.timeZone)
    if (!at) put(path, t('organiser.validation.dateTime'))
    else if (first && at > first) put(path, t('organiser.validation.beforeFirstSession'))
  }

  if (v.types.length === 0) put('participation_types', t('organiser.validation.oneType'))
  if (v.types.length > LIMITS.types) put('participation_types', t('organiser.validation.tooMany', { max: LIMITS.types }))
  v.types.forEach((ty, i) => {
    const p = `participation_types[${i}]`
    for (const lang of LANGS) text(`${p}.names.${lang}`, ty.names[lang], LIMITS.typeName, true)
    if (!FOR_KINDS.includes(ty.forKind)) put(`${p}.for_kind`, t('workspace.form.required'))
    const cents = euroCents(ty.fee)
    if (ty.fee.trim() === '') put(`${p}.fee_cents`, t('workspace.form.required'))
    else if (cents === null) put(`${p}.fee_cents`, t('organiser.validation.amount'))
    else if (cents > LIMITS.feeCents) put(`${p}.fee_cents`, t('organiser.validation.amountMax', { max: LIMITS.feeCents / 100 }))
    range(`${p}.max_delegates`, ty.maxDelegates, LIMITS.maxDelegates)
  })
  return errors
}

const instant = (wall: WallTime, zone: string) => {
  const d = fromWall(wall, zone)
  return d ? rfc3339(d) : ''
}

/** The API body of valid values (call validateEvent first). */
export function eventBody(v: EventValues): EventInput {
  const zone = v.timeZone
  return {
    name: v.name.trim(),
    lang: v.lang,
    description: v.description,
    venue: v.venue.trim(),
    address: v.address,
    time_zone: zone,
    tables: integer(v.tables) ?? 0,
    languages: LANGS.filter((l) => v.languages.includes(l)),
    registration_deadline: instant(v.registrationDeadline, zone),
    cancellation_cutoff: instant(v.cancellationCutoff, zone),
    request_expiry_days: integer(v.requestExpiryDays) ?? 7,
    sessions: v.sessions.map((s) => ({
      name: s.name.trim(),
      starts_at: instant({ date: s.date, time: s.start }, zone),
      ends_at: instant({ date: s.date, time: s.end }, zone),
      meeting_minutes: integer(s.meetingMinutes) ?? 20,
      breaks: s.breaks.map((b) => ({
        starts_at: instant({ date: s.date, time: b.start }, zone),
        ends_at: instant({ date: s.date, time: b.end }, zone),
      })),
    })),
    participation_types: v.types.map((ty) => ({
      ...(ty.id ? { id: ty.id } : {}),
      names: { fr: ty.names.fr.trim(), de: ty.names.de.trim(), en: ty.names.en.trim(), nl: ty.names.nl.trim() },
      for_kind: ty.forKind,
      fee_cents: euroCents(ty.fee) ?? 0,
      currency: 'EUR',
      max_delegates: integer(ty.maxDelegates) ?? 1,
    })),
  }
}
