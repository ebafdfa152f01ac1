// The convention's API shapes, from the generated schema (src/api/schema.d.ts).
import type { Schemas } from '../../api/client'

/** A start and an end (RFC 3339, UTC). */
export type Span = Schemas['WindowBody']

export type Lang = 'fr' | 'de' | 'en' | 'nl'

/** An event in lists. */
export type EventSummary = Schemas['EventSummaryBody']
export type Session = Schemas['EventSessionBody']
export type ParticipationType = Schemas['ParticipationTypeBody']
/** An event with its sessions, types and, for a member, the organisation's registration. */
export type ConventionEvent = Schemas['EventBody']
/** What a delegate is sent as (registration, add, edit). */
export type DelegateInput = Schemas['DelegateInputBody']
export type Delegate = Schemas['DelegateBody']
export type Registration = Schemas['RegistrationBody']
/** A participant as the directory lists them. */
export type DirectoryEntry = Schemas['DirectoryEntryBody']
export type Suggestion = Schemas['SuggestionBody']
export type RequestParty = Schemas['ConventionPartyBody']
export type MeetingRequest = Schemas['MeetingRequestBody']
export type Exclusion = Schemas['ExclusionBody']
export type Outcome = Schemas['MeetingOutcomeBody']
export type AgendaMeeting = Schemas['AgendaMeetingBody']
export type Agenda = Schemas['AgendaBody']
