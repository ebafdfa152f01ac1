import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import {
  availabilityFromForm,
  availabilityToForm,
  delegateErrors,
  delegateInput,
  delegateServerErrors,
  draftFrom,
  hasStarted,
  outcomeBody,
  outcomeErrors,
  requestActions,
  typesFor,
} from './logic'
import { formatEventRange, zonedInstant, zonedParts } from './time'
import type { ParticipationType, Session } from './types'

// Keys and their values, so a test reads which rule answered.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction

const PARIS = 'Europe/Paris'

// 14 March 2027, 13:00–17:00 in Metz (UTC+1), and 15 March 09:00–12:00.
const sessions: Session[] = [
  { id: 's1', name: 'Afternoon', starts_at: '2027-03-14T12:00:00Z', ends_at: '2027-03-14T16:00:00Z', meeting_minutes: 20, breaks: [], slots: [] },
  { id: 's2', name: 'Morning', starts_at: '2027-03-15T08:00:00Z', ends_at: '2027-03-15T11:00:00Z', meeting_minutes: 20, breaks: [], slots: [] },
]

describe('the event time zone', () => {
  it('reads an instant as the wall clock of the event, not of the computer', () => {
    expect(zonedParts('2027-03-14T12:00:00Z', PARIS)).toEqual({ date: '2027-03-14', time: '13:00' })
    expect(zonedParts('2027-07-01T12:00:00Z', PARIS)).toEqual({ date: '2027-07-01', time: '14:00' })
    expect(zonedParts('2027-03-14T12:00:00Z', 'Europe/London')).toEqual({ date: '2027-03-14', time: '12:00' })
  })

  it('turns a wall clock of the event into an instant, on both sides of a change of offset', () => {
    expect(zonedInstant('2027-03-14', '13:00', PARIS)).toBe('2027-03-14T12:00:00.000Z')
    expect(zonedInstant('2027-07-01', '14:00', PARIS)).toBe('2027-07-01T12:00:00.000Z')
    // Summer time starts on 28 March 2027 at 02:00: 01:30 is still UTC+1, 03:30 already UTC+2.
    expect(zonedInstant('2027-03-28', '01:30', PARIS)).toBe('2027-03-28T00:30:00.000Z')
    expect(zonedInstant('2027-03-28', '03:30', PARIS)).toBe('2027-03-28T01:30:00.000Z')
    expect(zonedInstant('2027-03-14', '', PARIS)).toBeNull()
    expect(zonedInstant('2027-13-14', '10:00', PARIS)).toBeNull()
  })

  it('formats a meeting in the event zone and the reader language', () => {
    expect(formatEventRange('2027-03-14T12:00:00Z', '2027-03-14T12:20:00Z', 'en-GB', PARIS)).toMatch(/13:00\s*–\s*13:20/)
    expect(formatEventRange('2027-03-14T12:00:00Z', '2027-03-14T12:20:00Z', 'de', PARIS)).toMatch(/13:00\s*–\s*13:20/)
  })
})

describe('availability per session', () => {
  it('sends nothing (the whole event) when every session is whole', () => {
    const form = availabilityToForm([], sessions, PARIS)
    expect(form).toEqual({ s1: { mode: 'all', windows: [] }, s2: { mode: 'all', windows: [] } })
    expect(availabilityFromForm(form, sessions, PARIS)).toEqual({ spans: [], problems: {} })
  })

  it('sends the whole sessions and the windows typed, in UTC', () => {
    const { spans, problems } = availabilityFromForm(
      { s1: { mode: 'windows', windows: [{ from: '14:00', to: '15:30' }] }, s2: { mode: 'all', windows: [] } },
      sessions,
      PARIS,
    )
    expect(problems).toEqual({})
    expect(spans).toEqual([
      { starts_at: '2027-03-14T13:00:00.000Z', ends_at: '2027-03-14T14:30:00.000Z' },
      { starts_at: '2027-03-15T08:00:00Z', ends_at: '2027-03-15T11:00:00Z' },
    ])
  })

  it('reads stored windows back as the form shows them', () => {
    const form = availabilityToForm(
      [
        { starts_at: '2027-03-14T13:00:00Z', ends_at: '2027-03-14T14:30:00Z' },
        { starts_at: '2027-03-15T08:00:00Z', ends_at: '2027-03-15T11:00:00Z' },
      ],
      sessions,
      PARIS,
    )
    expect(form).toEqual({ s1: { mode: 'windows', windows: [{ from: '14:00', to: '15:30' }] }, s2: { mode: 'all', windows: [] } })
  })

  it('refuses windows backwards or outside the session, and no time at all', () => {
    const backwards = availabilityFromForm({ s1: { mode: 'windows', windows: [{ from: '15:00', to: '14:00' }] } }, sessions.slice(0, 1), PARIS)
    expect(backwards.problems).toEqual({ 's1.0': 'order' })
    const outside = availabilityFromForm({ s1: { mode: 'windows', windows: [{ from: '12:00', to: '14:00' }] } }, sessions.slice(0, 1), PARIS)
    expect(outside.problems).toEqual({ 's1.0': 'outside' })
    const empty = availabilityFromForm({ s1: { mode: 'windows', windows: [{ from: '', to: '14:00' }] } }, sessions.slice(0, 1), PARIS)
    expect(empty.problems).toEqual({ 's1.0': 'invalid' })
    const none = availabilityFromForm({ s1: { mode: 'none', windows: [] }, s2: { mode: 'none', windows: [] } }, sessions, PARIS)
    expect(none.problems).toEqual({ all: 'none' })
  })
})

describe('participation types', () => {
  const type = (id: string, for_kind: ParticipationType['for_kind']): ParticipationType => ({
    id,
    name: id,
    names: { fr: id, de: id, en: id, nl: id },
    for_kind,
    fee_cents: 0,
    currency: 'EUR',
    max_delegates: 2,
  })
  const types = [type('sse', 'sse_supplier'), type('buyer', 'buyer'), type('any', 'any')]

  it('offers each organisation the types of its kind and those for any', () => {
    expect(typesFor(types, 'sse_supplier').map((x) => x.id)).toEqual(['sse', 'any'])
    expect(typesFor(types, 'public_buyer').map((x) => x.id)).toEqual(['buyer', 'any'])
    expect(typesFor(types, 'private_buyer').map((x) => x.id)).toEqual(['buyer', 'any'])
    expect(typesFor(types, 'cluster').map((x) => x.id)).toEqual(['any'])
  })
})

describe('a delegate', () => {
  it('needs a name and a valid email, within the API limits', () => {
    const draft = draftFrom(undefined, sessions, PARIS, 'fr')
    expect(draft.lang).toBe('fr')
    expect(delegateErrors(draft, sessions, PARIS, t)).toEqual({ name: 'workspace.form.required', email: 'workspace.form.required' })
    const typed = { ...draft, name: 'Claire Weber', email: 'claire@', offers: 'x'.repeat(2001) }
    expect(delegateErrors(typed, sessions, PARIS, t)).toEqual({
      email: 'convention.delegate.emailInvalid',
      offers: 'workspace.form.tooLong {"max":2000}',
    })
    const fine = { ...typed, email: 'claire@esat.example', offers: 'Repas' }
    expect(delegateErrors(fine, sessions, PARIS, t)).toEqual({})
  })

  it('is sent with its profile, the member account only when chosen, and its availability', () => {
    const draft = {
      ...draftFrom({ offers: 'Traiteur', sectors: ['catering'] }, sessions, PARIS, 'de'),
      name: ' Claire ',
      email: 'claire@esat.example ',
    }
    draft.availability = { s1: { mode: 'none', windows: [] }, s2: { mode: 'all', windows: [] } }
    expect(delegateInput(draft, sessions, PARIS)).toEqual({
      name: 'Claire',
      email: 'claire@esat.example',
      job_title: '',
      lang: 'de',
      offers: 'Traiteur',
      needs: '',
      profile_lang: 'de',
      sectors: ['catering'],
      availability: [{ starts_at: '2027-03-15T08:00:00Z', ends_at: '2027-03-15T11:00:00Z' }],
    })
    expect(delegateInput({ ...draft, user_id: 'u1' }, sessions, PARIS).user_id).toBe('u1')
  })

  it("takes the server's field errors of its own index only", () => {
    const server = {
      'delegates[0].email': 'bad email',
      'delegates[1].name': 'too long',
      'delegates[1].availability[0].ends_at': 'before start',
      participation_type_id: 'unknown',
    }
    expect(delegateServerErrors(server, 1)).toEqual({ name: 'too long', 'availability.all': 'before start' })
    expect(delegateServerErrors(server, 0)).toEqual({ email: 'bad email' })
    expect(delegateServerErrors({ name: 'required' }, null)).toEqual({ name: 'required' })
  })
})

describe('outcomes', () => {
  it('needs a kind, and an amount above zero for a deal', () => {
    expect(outcomeErrors({ outcome: '', amount: '', currency: 'EUR', note: '' }, t)).toEqual({ outcome: 'workspace.form.required' })
    expect(outcomeErrors({ outcome: 'deal', amount: '', currency: 'EUR', note: '' }, t)).toEqual({ amount_cents: 'workspace.form.required' })
    expect(outcomeErrors({ outcome: 'deal', amount: '0', currency: 'EUR', note: '' }, t)).toEqual({
      amount_cents: 'convention.agenda.outcome.amountInvalid',
    })
    expect(outcomeErrors({ outcome: 'deal', amount: '12 500,50', currency: 'EUR', note: '' }, t)).toEqual({})
    expect(outcomeErrors({ outcome: 'held', amount: 'abc', currency: 'EUR', note: '' }, t)).toEqual({})
  })

  it('sends the amount in cents for a deal only', () => {
    expect(outcomeBody({ outcome: 'deal', amount: '12 500,50', currency: 'EUR', note: ' ok ' })).toEqual({
      outcome: 'deal',
      amount_cents: 1_250_050,
      currency: 'EUR',
      note: 'ok',
    })
    expect(outcomeBody({ outcome: 'held', amount: '100', currency: 'EUR', note: '' })).toEqual({ outcome: 'held', currency: 'EUR', note: '' })
  })

  it('may be recorded from the meeting start on', () => {
    const start = '2027-03-14T12:00:00Z'
    expect(hasStarted(start, Date.parse(start) - 1)).toBe(false)
    expect(hasStarted(start, Date.parse(start))).toBe(true)
  })
})

describe('request actions', () => {
  it('lets the recipient answer and the sender withdraw a pending request only', () => {
    expect(requestActions('pending', 'incoming')).toEqual({ answer: true, withdraw: false })
    expect(requestActions('pending', 'outgoing')).toEqual({ answer: false, withdraw: true })
    expect(requestActions('expired', 'incoming')).toEqual({ answer: false, withdraw: false })
    expect(requestActions('accepted', 'outgoing')).toEqual({ answer: false, withdraw: false })
  })
})
