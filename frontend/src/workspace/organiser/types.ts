// The convention API's shapes the organiser console reads and sends, as the
// contract of issue 9 defines them (the generated schema names them too:
// api.ts checks that these agree with it).

export type EventState = 'draft' | 'published' | 'cancelled'
export type AgendaState = 'none' | 'preliminary' | 'final'
export type Lang = 'fr' | 'de' | 'en' | 'nl'
export type ForKind = 'any' | 'sse_supplier' | 'buyer'
export type RegistrationState = 'pending_payment' | 'confirmed' | 'cancelled'
export type RefundState = 'pending' | 'succeeded' | 'failed'

export interface Interval {
  starts_at: string
  ends_at: string
}

export interface EventSummary {
  id: string
  state: EventState
  name: string
  lang: Lang
  venue: string
  starts_at?: string | null
  ends_at?: string | null
  registration_deadline: string
  registration_open: boolean
  registered_organisations: number
  time_zone?: string
}

export interface EventSession extends Interval {
  id: string
  name: string
  meeting_minutes: number
  breaks: Interval[] | null
  slots: Interval[] | null
}

export interface ParticipationType {
  id: string
  name: string
  names: Record<Lang, string>
  for_kind: ForKind
  fee_cents: number
  currency: string
  max_delegates: number
}

export interface ConventionEvent extends EventSummary {
  description: string
  address: string
  time_zone: string
  tables: number
  languages: Lang[] | null
  cancellation_cutoff: string
  request_expiry_days: number
  agenda_state: AgendaState
  agenda_version: number
  sessions: EventSession[] | null
  participation_types: ParticipationType[] | null
}

export interface EventInput {
  name: string
  lang: Lang
  description: string
  venue: string
  address: string
  time_zone: string
  tables: number
  languages: Lang[]
  registration_deadline: string
  cancellation_cutoff: string
  request_expiry_days: number
  sessions: { name: string; starts_at: string; ends_at: string; meeting_minutes: number; breaks: Interval[] }[]
  participation_types: {
    names: Record<Lang, string>
    for_kind: ForKind
    fee_cents: number
    currency: string
    max_delegates: number
  }[]
}

export interface Delegate {
  id: string
  name: string
  email: string
  job_title: string
}

export interface Registration {
  id: string
  event_id: string
  organisation_id: string
  organisation_name: string
  state: RegistrationState
  participation_type_id: string
  participation_type_name: string
  fee_cents: number
  currency: string
  paid_at?: string | null
  refund_state?: RefundState | null
  created_at: string
  confirmed_at?: string | null
  cancelled_at?: string | null
  refundable: boolean
  delegates: Delegate[] | null
}

export interface LeftOut {
  request_id: string
  reason: string
  reason_text: string
}

export interface ScheduleRun {
  id: string
  started_at: string
  duration_ms: number
  requests: number
  meetings: number
  weight: number
  upper_bound: number
  kept: number
  left_out: LeftOut[] | null
}

export interface Party {
  delegate_id: string
  name: string
  organisation_id: string
  organisation_name: string
  country: string
}

export interface Meeting extends Interval {
  id: string
  request_id: string
  table: number
  locked: boolean
  confirmed: boolean
  weight: number
  a: Party
  b: Party
}

export interface TablePlan {
  slots: (Interval & { rows: { table: number; a: Party; b: Party }[] | null })[] | null
}

export interface Page<T> {
  items: T[] | null
  next_cursor?: string
}

/** The languages of the interface, in the order forms list them. */
export const LANGS: Lang[] = ['fr', 'de', 'en', 'nl']
export const FOR_KINDS: ForKind[] = ['any', 'sse_supplier', 'buyer']
export const EVENT_STATES: EventState[] = ['draft', 'published', 'cancelled']
export const REGISTRATION_STATES: RegistrationState[] = ['pending_payment', 'confirmed', 'cancelled']
