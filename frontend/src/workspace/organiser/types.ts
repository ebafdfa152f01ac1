// The convention API's shapes the organiser console reads and sends: the
// generated schema's where the API has them, the contract's (issue 9)
// otherwise.
import type { Schemas } from '../../api/client'

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

export type EventSummary = Schemas['EventSummaryBody']
export type ConventionEvent = Schemas['EventBody']
export type EventSession = Schemas['EventSessionBody']
export type ParticipationType = Schemas['ParticipationTypeBody']
/** The body of POST /events and PUT /events/{eventID}. */
export type EventInput = Schemas['EventFieldsBody']
export type ParticipationTypeInput = Schemas['ParticipationTypeInput']
export type Registration = Schemas['RegistrationBody']
export type Delegate = Schemas['DelegateBody']

export type LeftOut = Schemas['LeftOutBody']
export type ScheduleRun = Schemas['ScheduleRunBody']
export type Party = Schemas['ConventionPartyBody']
export type Meeting = Schemas['MeetingBody']
export type TablePlan = Schemas['TablePlanOutputBody']
export type AgendasSent = Schemas['AgendasSentBody']
export type MeetingRequest = Schemas['MeetingRequestBody']

/** The languages of the interface, in the order forms list them. */
export const LANGS: Lang[] = ['fr', 'de', 'en', 'nl']
export const FOR_KINDS: ForKind[] = ['any', 'sse_supplier', 'buyer']
export const EVENT_STATES: EventState[] = ['draft', 'published', 'cancelled']
export const REGISTRATION_STATES: RegistrationState[] = ['pending_payment', 'confirmed', 'cancelled']
