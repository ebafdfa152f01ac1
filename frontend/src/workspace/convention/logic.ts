// The convention's rules the pages apply before asking the server (which
// decides anyway): which participation types an organisation may choose,
// delegates' availability as typed per session, and the forms' checks.
import type { TFunction } from 'i18next'
import { euroCents } from '../buyer/money'
import { zonedInstant, zonedParts } from './time'
import type { OutcomeInput } from './api'
import type { DelegateInput, Lang, ParticipationType, Session, Span } from './types'

/** The participation types an organisation of this kind may choose. */
export function typesFor(types: ParticipationType[], organisationKind: string | undefined): ParticipationType[] {
  const kind =
    organisationKind === 'sse_supplier'
      ? 'sse_supplier'
      : organisationKind === 'public_buyer' || organisationKind === 'private_buyer'
        ? 'buyer'
        : ''
  return types.filter((type) => type.for_kind === 'any' || (kind !== '' && type.for_kind === kind))
}

/** A window of time within one session, as typed: wall-clock HH:MM in the event's zone. */
export interface Window {
  from: string
  to: string
}

/** When a delegate can meet during one session. */
export interface SessionAvailability {
  mode: 'all' | 'none' | 'windows'
  windows: Window[]
}

/** Availability by session id. */
export type AvailabilityBySession = Record<string, SessionAvailability>

/** Every session whole: what an empty availability means to the API. */
export function wholeEvent(sessions: Session[]): AvailabilityBySession {
  return Object.fromEntries(sessions.map((s) => [s.id, { mode: 'all', windows: [] }]))
}

/**
 * The availability the API stores (windows; none = the whole event) as the
 * form shows it: per session, whole, not at all, or windows of wall-clock
 * times in the event's zone.
 */
export function availabilityToForm(spans: Span[] | null | undefined, sessions: Session[], timeZone: string): AvailabilityBySession {
  if (!spans || spans.length === 0) return wholeEvent(sessions)
  const out: AvailabilityBySession = {}
  for (const session of sessions) {
    const start = Date.parse(session.starts_at)
    const end = Date.parse(session.ends_at)
    const inside = spans
      .map((s) => ({ from: Math.max(Date.parse(s.starts_at), start), to: Math.min(Date.parse(s.ends_at), end) }))
      .filter((s) => s.to > s.from)
      .sort((a, b) => a.from - b.from)
    if (inside.length === 0) out[session.id] = { mode: 'none', windows: [] }
    else if (inside.length === 1 && inside[0]!.from === start && inside[0]!.to === end) out[session.id] = { mode: 'all', windows: [] }
    else
      out[session.id] = {
        mode: 'windows',
        windows: inside.map((s) => ({
          from: zonedParts(new Date(s.from).toISOString(), timeZone).time,
          to: zonedParts(new Date(s.to).toISOString(), timeZone).time,
        })),
      }
  }
  return out
}

/** Why an availability cannot be sent, by field (`<sessionID>.<i>` for a window, `all` for the whole). */
export type AvailabilityProblems = Record<string, 'order' | 'outside' | 'invalid' | 'none'>

/**
 * The form's availability as the API's windows: [] when every session is
 * whole (the whole event), else the sessions' spans and typed windows; with
 * the problems found (a window ending before it starts, outside its
 * session, or no time at all).
 */
export function availabilityFromForm(
  form: AvailabilityBySession,
  sessions: Session[],
  timeZone: string,
): { spans: Span[]; problems: AvailabilityProblems } {
  const problems: AvailabilityProblems = {}
  const spans: Span[] = []
  let allWhole = true
  for (const session of sessions) {
    const entry = form[session.id] ?? { mode: 'all', windows: [] }
    if (entry.mode !== 'all') allWhole = false
    if (entry.mode === 'all') spans.push({ starts_at: session.starts_at, ends_at: session.ends_at })
    if (entry.mode !== 'windows') continue
    const day = zonedParts(session.starts_at, timeZone).date
    entry.windows.forEach((window, i) => {
      const from = zonedInstant(day, window.from, timeZone)
      let to = zonedInstant(day, window.to, timeZone)
      // A session past midnight: a window "23:30–00:30" ends the next day.
      if (from && to && Date.parse(to) <= Date.parse(from) && Date.parse(to) + 86_400_000 <= Date.parse(session.ends_at)) {
        to = new Date(Date.parse(to) + 86_400_000).toISOString()
      }
      const key = `${session.id}.${i}`
      if (!from || !to) problems[key] = 'invalid'
      else if (Date.parse(to) <= Date.parse(from)) problems[key] = 'order'
      else if (Date.parse(from) < Date.parse(session.starts_at) || Date.parse(to) > Date.parse(session.ends_at)) problems[key] = 'outside'
      else spans.push({ starts_at: from, ends_at: to })
    })
  }
  if (allWhole) return { spans: [], problems }
  if (spans.length === 0 && Object.keys(problems).length === 0) problems.all = 'none'
  return { spans, problems }
}

/** A delegate being typed. */
export interface DelegateDraft {
  /** A stable key for React lists (not sent). */
  key: string
  name: string
  email: string
  job_title: string
  lang: string
  user_id: string
  offers: string
  needs: string
  profile_lang: string
  sectors: string[]
  availability: AvailabilityBySession
}

let draftCount = 0

/** A new draft from what the API gave (prefill or a stored delegate). */
/** What a draft starts from: a stored delegate, the prefill, or a template. */
export interface DraftSource {
  name?: string
  email?: string
  job_title?: string
  lang?: string
  user_id?: string | null
  offers?: string
  needs?: string
  profile_lang?: string
  sectors?: string[] | null
  availability?: Span[] | null
}

export function draftFrom(
  input: DraftSource | undefined,
  sessions: Session[],
  timeZone: string,
  language: string,
): DelegateDraft {
  draftCount += 1
  return {
    key: `d${draftCount}`,
    name: input?.name ?? '',
    email: input?.email ?? '',
    job_title: input?.job_title ?? '',
    lang: input?.lang || language,
    user_id: input?.user_id ?? '',
    offers: input?.offers ?? '',
    needs: input?.needs ?? '',
    profile_lang: input?.profile_lang || language,
    sectors: [...(input?.sectors ?? [])],
    availability: availabilityToForm(input?.availability, sessions, timeZone),
  }
}

/** The API's limits on a delegate's fields (migrations/00017_convention.sql). */
export const LIMITS = { name: 200, email: 254, job_title: 200, offers: 2000, needs: 2000, sectors: 20, message: 1000, reason: 500, note: 2000 }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A delegate's field errors (in the reader's language), by field name; availability by `availability.<key>`. */
export function delegateErrors(d: DelegateDraft, sessions: Session[], timeZone: string, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {}
  const tooLong = (max: number) => t('workspace.form.tooLong', { max })
  const length = (s: string) => [...s].length
  if (d.name.trim() === '') e.name = t('workspace.form.required')
  else if (length(d.name) > LIMITS.name) e.name = tooLong(LIMITS.name)
  if (d.email.trim() === '') e.email = t('workspace.form.required')
  else if (length(d.email) > LIMITS.email) e.email = tooLong(LIMITS.email)
  else if (!EMAIL.test(d.email.trim())) e.email = t('convention.delegate.emailInvalid')
  if (length(d.job_title) > LIMITS.job_title) e.job_title = tooLong(LIMITS.job_title)
  if (length(d.offers) > LIMITS.offers) e.offers = tooLong(LIMITS.offers)
  if (length(d.needs) > LIMITS.needs) e.needs = tooLong(LIMITS.needs)
  if (d.sectors.length > LIMITS.sectors) e.sectors = t('convention.delegate.tooManySectors', { max: LIMITS.sectors })
  const { problems } = availabilityFromForm(d.availability, sessions, timeZone)
  for (const [key, problem] of Object.entries(problems)) e[`availability.${key}`] = t(`convention.availability.problem.${problem}`)
  return e
}

/** The body the API takes for a delegate. */
export function delegateInput(d: DelegateDraft, sessions: Session[], timeZone: string): DelegateInput {
  return {
    name: d.name.trim(),
    email: d.email.trim(),
    job_title: d.job_title.trim(),
    lang: d.lang as Lang,
    ...(d.user_id ? { user_id: d.user_id } : {}),
    offers: d.offers,
    needs: d.needs,
    profile_lang: d.profile_lang as Lang,
    sectors: d.sectors,
    availability: availabilityFromForm(d.availability, sessions, timeZone).spans,
  }
}

/**
 * The server's field errors of one delegate: `delegates[1].name` (at
 * registration) or `name` (a delegate alone) → `name`; the availability's
 * `availability[0].ends_at` shown on the whole availability.
 */
export function delegateServerErrors(server: Record<string, string>, index: number | null): Record<string, string> {
  const out: Record<string, string> = {}
  const prefix = index === null ? '' : `delegates[${index}].`
  for (const [field, message] of Object.entries(server)) {
    if (!field.startsWith(prefix)) continue
    const rest = field.slice(prefix.length)
    const name = rest.startsWith('availability') ? 'availability.all' : rest.replace(/\[\d+\]$/, '')
    out[name] ??= message
  }
  return out
}

/** The outcome form's values. */
export interface OutcomeDraft {
  outcome: string
  amount: string
  currency: string
  note: string
}

/** The outcome form's errors: a kind is required; a deal needs an amount. */
export function outcomeErrors(d: OutcomeDraft, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {}
  if (!['held', 'no_show', 'follow_up', 'deal'].includes(d.outcome)) e.outcome = t('workspace.form.required')
  if (d.outcome === 'deal') {
    const cents = euroCents(d.amount)
    if (d.amount.trim() === '') e.amount_cents = t('workspace.form.required')
    else if (cents === null || cents <= 0) e.amount_cents = t('convention.agenda.outcome.amountInvalid')
  }
  if ([...d.note].length > LIMITS.note) e.note = t('workspace.form.tooLong', { max: LIMITS.note })
  return e
}

/** The body of PUT …/outcome. */
export function outcomeBody(d: OutcomeDraft): OutcomeInput {
  const cents = euroCents(d.amount)
  return {
    outcome: d.outcome as OutcomeInput['outcome'],
    ...(d.outcome === 'deal' && cents !== null ? { amount_cents: cents } : {}),
    currency: d.currency || 'EUR',
    note: d.note.trim(),
  }
}

/** Whether a meeting has started (its outcome may then be recorded). */
export function hasStarted(startsAt: string, now: number): boolean {
  return Date.parse(startsAt) <= now
}

/** Which side a request is on for one of my delegates, and what I may do with it. */
export function requestActions(state: string, box: 'incoming' | 'outgoing'): { answer: boolean; withdraw: boolean } {
  return { answer: box === 'incoming' && state === 'pending', withdraw: box === 'outgoing' && state === 'pending' }
}
