// The convention's API shapes (issue 9's contract), as the pages read them.
// Written from the contract before the backend's routes existed; the
// generated schema (src/api/schema.d.ts) is checked against them in api.ts.

/** A start and an end (RFC 3339, UTC). */
export interface Span {
  starts_at: string
  ends_at: string
}

export type EventState = 'draft' | 'published' | 'cancelled'
export type AgendaState = 'none' | 'preliminary' | 'final'
export type ForKind = 'any' | 'sse_supplier' | 'buyer'
export type Lang = 'fr' | 'de' | 'en' | 'nl'

/** An event in lists. */
export interface EventSummary {
  id: string
  state: EventState | string
  name: string
  lang: string
  venue: string
  starts_at: string
  ends_at: string
  registration_deadline: string
  registration_open: boolean
  registered_organisations: number
  /** Not in the contract's summary: the event's zone when the API gives it. */
  time_zone?: string
}

export interface Session extends Span {
  id: string
  name: string
  meeting_minutes: number
  breaks?: Span[] | null
  slots?: Span[] | null
}

export interface ParticipationType {
  id: string
  name: string
  names?: Partial<Record<Lang, string>> | Record<string, string> | null
  for_kind: ForKind | string
  fee_cents: number
  currency: string
  max_delegates: number
}

/** An event with its sessions, types and the caller's registration. */
export interface ConventionEvent extends EventSummary {
  description: string
  address: string
  time_zone: string
  tables: number
  languages?: string[] | null
  cancellation_cutoff: string
  request_expiry_days: number
  agenda_state: AgendaState | string
  agenda_version: number
  sessions?: Session[] | null
  participation_types?: ParticipationType[] | null
  my_registration?: Registration | null
}

/** What a delegate is sent as (registration, add, edit). */
export interface DelegateInput {
  name: string
  email: string
  job_title: string
  lang: string
  user_id?: string | null
  offers: string
  needs: string
  profile_lang: string
  sectors: string[]
  availability: Span[]
}

export interface Delegate {
  id: string
  name: string
  email: string
  job_title: string
  lang: string
  user_id?: string | null
  offers: string
  needs: string
  profile_lang: string
  sectors?: string[] | null
  availability?: Span[] | null
}

export type RegistrationState = 'pending_payment' | 'confirmed' | 'cancelled'

export interface Registration {
  id: string
  event_id: string
  organisation_id: string
  organisation_name: string
  state: RegistrationState | string
  participation_type_id: string
  participation_type_name: string
  fee_cents: number
  currency: string
  paid_at?: string | null
  refund_state?: string | null
  created_at: string
  confirmed_at?: string | null
  cancelled_at?: string | null
  refundable: boolean
  delegates?: Delegate[] | null
}

export type Priority = 'must_meet' | 'would_like'
export type AnswerPriority = Priority | 'ok'
export type ExclusionKind = 'met_before' | 'no_thanks'

/** A participant as the directory lists them. */
export interface DirectoryEntry {
  delegate_id: string
  name: string
  job_title: string
  organisation_id: string
  organisation_name: string
  organisation_kind: string
  country: string
  offers: string
  needs: string
  profile_lang: string
  sectors?: string[] | null
  sector_labels?: string[] | null
  mine: boolean
  request?: { id: string; state: string; direction: string; priority: string } | null
  excluded?: string | null
}

export interface Suggestion {
  delegate: DirectoryEntry
  score: number
  reasons?: string[] | null
}

export interface RequestParty {
  delegate_id: string
  name: string
  organisation_id: string
  organisation_name: string
  country: string
}

export type RequestState = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'

export interface MeetingRequest {
  id: string
  state: RequestState | string
  priority: Priority | string
  message: string
  from: RequestParty
  to: RequestParty
  answer_priority?: string | null
  decline_reason?: string | null
  created_at: string
  expires_at: string
  answered_at?: string | null
  weight?: number | null
  meeting?: { id: string; starts_at: string; ends_at: string; table: number } | null
  unscheduled_reason?: string | null
}

export interface Exclusion {
  organisation_id: string
  organisation_name: string
  kind: ExclusionKind | string
  created_at: string
}

export type OutcomeKind = 'held' | 'no_show' | 'follow_up' | 'deal'

export interface Outcome {
  outcome: OutcomeKind | string
  amount_cents?: number | null
  currency?: string | null
  note: string
  recorded_at: string
}

export interface AgendaMeeting {
  id: string
  starts_at: string
  ends_at: string
  table: number
  other: RequestParty & { job_title?: string }
  locked: boolean
  confirmed: boolean
  outcome?: Outcome | null
  other_outcome_recorded: boolean
}

export interface Agenda {
  delegate: { id: string; name: string; organisation_name: string }
  agenda_state: AgendaState | string
  agenda_version: number
  meetings?: AgendaMeeting[] | null
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items?: T[] | null
  next_cursor: string
}
