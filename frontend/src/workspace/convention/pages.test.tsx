import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../../i18n'
import { fakeApi, type FakeAnswer } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const ORG = 'org-esat'
const EVENT = 'ev1'
const hour = 3_600_000

function me(): FakeAnswer {
  return {
    body: {
      id: 'u1',
      email: 'direction@esat.example',
      display_name: 'Claire Weber',
      language: 'en',
      platform_role: 'user',
      email_verified: true,
      active_organisation_id: ORG,
    },
  }
}

function organisations(kind = 'sse_supplier'): FakeAnswer {
  return { body: { items: [{ id: ORG, kind, country: 'FR', legal_name: 'ESAT du Saulnois', status: 'active', role: 'owner' }], next_cursor: '' } }
}

function event(overrides: Record<string, unknown> = {}) {
  const start = Date.now() + 48 * hour
  return {
    id: EVENT,
    state: 'published',
    name: 'Convention Grande Région',
    lang: 'fr',
    venue: 'Centre des congrès',
    address: 'Metz',
    time_zone: 'Europe/Paris',
    tables: 5,
    languages: ['fr', 'de'],
    starts_at: new Date(start).toISOString(),
    ends_at: new Date(start + 4 * hour).toISOString(),
    registration_deadline: new Date(start - hour).toISOString(),
    cancellation_cutoff: new Date(start - 24 * hour).toISOString(),
    registration_open: true,
    registered_organisations: 3,
    request_expiry_days: 7,
    agenda_state: 'none',
    agenda_version: 0,
    description: '',
    sessions: [
      { id: 's1', name: '', starts_at: new Date(start).toISOString(), ends_at: new Date(start + 4 * hour).toISOString(), meeting_minutes: 20, breaks: [], slots: [] },
    ],
    participation_types: [
      { id: 'pt-sse', name: 'SSE supplier', for_kind: 'sse_supplier', fee_cents: 0, currency: 'EUR', max_delegates: 2 },
      { id: 'pt-buyer', name: 'Buyer', for_kind: 'buyer', fee_cents: 15_000, currency: 'EUR', max_delegates: 3 },
    ],
    my_registration: null,
    ...overrides,
  }
}

function registration(overrides: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    event_id: EVENT,
    organisation_id: ORG,
    organisation_name: 'ESAT du Saulnois',
    state: 'confirmed',
    participation_type_id: 'pt-sse',
    participation_type_name: 'SSE supplier',
    fee_cents: 0,
    currency: 'EUR',
    refundable: false,
    created_at: new Date().toISOString(),
    confirmed_at: new Date().toISOString(),
    delegates: [
      {
        id: 'd1',
        name: 'Claire Weber',
        email: 'claire@esat.example',
        job_title: 'Director',
        lang: 'fr',
        offers: 'Catering',
        needs: '',
        profile_lang: 'fr',
        sectors: [],
        availability: [],
      },
    ],
    ...overrides,
  }
}

const base = {
  'GET /api/v1/me': me,
  'GET /api/v1/me/organisations': () => organisations(),
  'GET /api/v1/sectors': () => ({ body: { items: [] } }),
  [`GET /api/v1/organisations/${ORG}/members`]: () => ({ body: { items: [], next_cursor: '' } }),
}

function bodyOf(seen: { method: string; url: URL; body: string }[], method: string, path: string): unknown {
  const request = seen.find((r) => r.method === method && r.url.pathname === path)
  return request ? JSON.parse(request.body) : undefined
}

describe('convention pages', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('registers an SSE supplier for free with its prefilled profile, after checking the fields as they are typed', async () => {
    let registered = false
    const seen = fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () =>
        registered ? { body: registration() } : { status: 404, body: { title: 'Not Found', status: 404 } },
      [`GET /api/v1/events/${EVENT}/registration/prefill`]: () => ({
        body: { delegates: [{ name: 'Claire Weber', email: '', lang: 'fr', offers: 'Catering for 200', needs: '', profile_lang: 'fr', sectors: [] }] },
      }),
      [`POST /api/v1/events/${EVENT}/registrations`]: () => {
        registered = true
        return { status: 201, body: { registration: registration(), checkout_url: null } }
      },
    })
    renderApp(`/workspace/convention/${EVENT}`)
    const form = await screen.findByRole('form', { name: 'Register your organisation' })
    // Only the type of the organisation's kind, free: chosen already.
    const types = within(form).getAllByRole('radio', { name: /SSE supplier|Buyer/ })
    expect(types.map((r) => r.getAttribute('value'))).toEqual(['pt-sse'])
    expect(within(form).getByText(/Free/)).toBeTruthy()
    const delegate = within(form).getByRole('group', { name: 'Delegate 1' })
    expect((within(delegate).getByRole('textbox', { name: /Offers/ }) as HTMLTextAreaElement).value).toBe('Catering for 200')
    const email = within(delegate).getByRole('textbox', { name: /Email/ })
    fireEvent.change(email, { target: { value: 'claire@' } })
    expect(await within(delegate).findByText('Enter an email address such as name@example.org.')).toBeTruthy()
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }))
    expect(seen.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.change(email, { target: { value: 'claire@esat.example' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }))
    await screen.findByRole('heading', { name: 'Your registration' })
    expect(bodyOf(seen, 'POST', `/api/v1/events/${EVENT}/registrations`)).toEqual({
      participation_type_id: 'pt-sse',
      delegates: [
        {
          name: 'Claire Weber',
          email: 'claire@esat.example',
          job_title: '',
          lang: 'fr',
          offers: 'Catering for 200',
          needs: '',
          profile_lang: 'fr',
          sectors: [],
          availability: [],
        },
      ],
    })
    expect(screen.getByText('Confirmed')).toBeTruthy()
  })

  it("shows the server's refusal on the delegate's field", async () => {
    fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({ status: 404, body: { title: 'Not Found', status: 404 } }),
      [`GET /api/v1/events/${EVENT}/registration/prefill`]: () => ({ body: { delegates: [] } }),
      [`POST /api/v1/events/${EVENT}/registrations`]: () => ({
        status: 422,
        body: { title: 'Unprocessable Entity', status: 422, errors: [{ location: 'body.delegates[0].email', message: 'this address bounces' }] },
      }),
    })
    renderApp(`/workspace/convention/${EVENT}`)
    const form = await screen.findByRole('form', { name: 'Register your organisation' })
    const delegate = within(form).getByRole('group', { name: 'Delegate 1' })
    fireEvent.change(within(delegate).getByRole('textbox', { name: /Name/ }), { target: { value: 'Claire Weber' } })
    fireEvent.change(within(delegate).getByRole('textbox', { name: /Email/ }), { target: { value: 'claire@esat.example' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Register' }))
    const email = within(delegate).getByRole('textbox', { name: /Email/ })
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'))
    expect(within(delegate).getByText('this address bounces')).toBeTruthy()
  })

  it('waits for the payment after Checkout, reading the registration again until it is confirmed', async () => {
    let reads = 0
    fakeApi({
      ...base,
      'GET /api/v1/me/organisations': () => organisations('public_buyer'),
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => {
        reads += 1
        return { body: registration({ state: reads < 2 ? 'pending_payment' : 'confirmed', fee_cents: 15_000, participation_type_id: 'pt-buyer' }) }
      },
    })
    renderApp(`/workspace/convention/${EVENT}?checkout=success`)
    expect(await screen.findByText('Payment being confirmed')).toBeTruthy()
    expect(await screen.findByText('Your payment was received: your registration is confirmed.', {}, { timeout: 10_000 })).toBeTruthy()
    expect(reads).toBeGreaterThanOrEqual(2)
  })

  it('says whether cancelling refunds, by the cut-off', async () => {
    fakeApi({
      ...base,
      'GET /api/v1/me/organisations': () => organisations('public_buyer'),
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({
        body: registration({ fee_cents: 15_000, participation_type_id: 'pt-buyer', refundable: false, paid_at: new Date().toISOString() }),
      }),
    })
    renderApp(`/workspace/convention/${EVENT}`)
    expect(await screen.findByText(/The refund cut-off .* has passed: the fee of €150.00 is not refunded./)).toBeTruthy()
  })

  it('shows the outcome form only once a meeting has started, and sends a deal in cents', async () => {
    const now = Date.now()
    const meeting = (id: string, start: number, name: string) => ({
      id,
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(start + 20 * 60_000).toISOString(),
      table: 3,
      other: { delegate_id: `x${id}`, name, organisation_id: 'o2', organisation_name: 'Ville de Metz', country: 'FR', job_title: 'Buyer' },
      locked: false,
      confirmed: false,
      outcome: null,
      other_outcome_recorded: false,
    })
    const seen = fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event({ agenda_state: 'preliminary', agenda_version: 1 }) }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({ body: registration() }),
      [`GET /api/v1/events/${EVENT}/agenda`]: () => ({
        body: {
          delegate: { id: 'd1', name: 'Claire Weber', organisation_name: 'ESAT du Saulnois' },
          agenda_state: 'preliminary',
          agenda_version: 1,
          meetings: [meeting('m2', now + hour, 'Later Person'), meeting('m1', now - 10 * 60_000, 'Earlier Person')],
        },
      }),
      [`PUT /api/v1/events/${EVENT}/meetings/m1/outcome`]: () => ({
        body: { outcome: 'deal', amount_cents: 250_000, currency: 'EUR', note: '', recorded_at: new Date().toISOString() },
      }),
    })
    renderApp(`/workspace/convention/${EVENT}/agenda`)
    const articles = await screen.findAllByRole('article')
    // In time order, whatever the API's order.
    expect(within(articles[0]!).getByText('Earlier Person')).toBeTruthy()
    expect(within(articles[1]!).queryByRole('form')).toBeNull()
    expect(within(articles[1]!).getByText('You can say how the meeting went once it has started.')).toBeTruthy()
    const links = screen.getAllByRole('link', { name: /Download/ })
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/api/v1/events/${EVENT}/agenda.ics?delegate_id=d1`,
      `/api/v1/events/${EVENT}/agenda.pdf?delegate_id=d1`,
    ])
    const form = within(articles[0]!).getByRole('form', { name: 'Outcome of the meeting with Earlier Person' })
    fireEvent.click(within(form).getByRole('radio', { name: 'Deal concluded' }))
    fireEvent.click(within(form).getByRole('button', { name: 'Record' }))
    expect(await within(form).findByText('Required')).toBeTruthy()
    fireEvent.change(within(form).getByRole('textbox', { name: /Amount of the deal/ }), { target: { value: '2500' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Record' }))
    await waitFor(() => expect(bodyOf(seen, 'PUT', `/api/v1/events/${EVENT}/meetings/m1/outcome`)).toEqual({ outcome: 'deal', amount_cents: 250_000, currency: 'EUR', note: '' }))
  })
  it('asks for a meeting from the directory: a priority first, then the request with the chosen delegate', async () => {
    const entry = {
      delegate_id: 'x1',
      name: 'Sophie Muller',
      job_title: 'Buyer',
      organisation_id: 'o2',
      organisation_name: 'Ville de Metz',
      organisation_kind: 'public_buyer',
      country: 'FR',
      offers: '',
      needs: 'Meals for the council',
      profile_lang: 'fr',
      sectors: [],
      sector_labels: ['Catering'],
      mine: false,
      excluded: null,
    }
    let requested = false
    const seen = fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({
        body: registration({ delegates: [registration().delegates[0], { ...registration().delegates[0], id: 'd2', name: 'Marc Lentz' }] }),
      }),
      [`GET /api/v1/events/${EVENT}/suggestions`]: () => ({ body: { items: [{ delegate: entry, score: 9, reasons: ['Shared sector: Catering'] }] } }),
      [`GET /api/v1/events/${EVENT}/delegates`]: () => ({
        body: { items: [requested ? { ...entry, request: { id: 'q1', state: 'pending', direction: 'outgoing', priority: 'must_meet' } } : entry], next_cursor: '' },
      }),
      [`GET /api/v1/events/${EVENT}/exclusions`]: () => ({ body: { items: [] } }),
      [`POST /api/v1/events/${EVENT}/meeting-requests`]: () => {
        requested = true
        return { status: 201, body: {} }
      },
    })
    renderApp(`/workspace/convention/${EVENT}/directory`)
    expect(await screen.findByText('Shared sector: Catering')).toBeTruthy()
    const participants = await screen.findByRole('region', { name: 'All participants' })
    fireEvent.click(await within(participants).findByRole('button', { name: /Request a meeting/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Request a meeting with Sophie Muller' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the request' }))
    expect(await within(dialog).findByText('Choose how much this meeting matters.')).toBeTruthy()
    expect(seen.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.change(within(dialog).getByRole('combobox', { name: /From your delegate/ }), { target: { value: 'd2' } })
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Must meet' }))
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: 'x'.repeat(1001) } })
    expect(await within(dialog).findByText('At most 1000 characters')).toBeTruthy()
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: 'Shall we talk about meals?' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send the request' }))
    expect(await screen.findByText('Your request was sent to Sophie Muller.')).toBeTruthy()
    expect(bodyOf(seen, 'POST', `/api/v1/events/${EVENT}/meeting-requests`)).toEqual({
      from_delegate_id: 'd2',
      to_delegate_id: 'x1',
      priority: 'must_meet',
      message: 'Shall we talk about meals?',
    })
    expect(await within(participants).findByText('Your request: Awaiting an answer')).toBeTruthy()
  })

  it('accepts an incoming request with a priority and declines another with a reason; a conflict is explained', async () => {
    const request = (id: string, name: string, state = 'pending') => ({
      id,
      state,
      priority: 'would_like',
      message: 'Hello',
      from: { delegate_id: `f${id}`, name, organisation_id: 'o2', organisation_name: 'Ville de Metz', country: 'FR' },
      to: { delegate_id: 'd1', name: 'Claire Weber', organisation_id: ORG, organisation_name: 'ESAT du Saulnois', country: 'FR' },
      answer_priority: null,
      decline_reason: null,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      answered_at: null,
      weight: null,
      unscheduled_reason: null,
    })
    const seen = fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({ body: registration() }),
      [`GET /api/v1/events/${EVENT}/meeting-requests`]: (url) => ({
        body: {
          items: url.searchParams.get('box') === 'incoming' ? [request('q1', 'Anne Keller'), request('q2', 'Paul Roth'), request('q3', 'Old Request', 'expired')] : [],
          next_cursor: '',
        },
      }),
      [`POST /api/v1/events/${EVENT}/meeting-requests/q1/accept`]: () => ({ body: request('q1', 'Anne Keller', 'accepted') }),
      [`POST /api/v1/events/${EVENT}/meeting-requests/q2/decline`]: () => ({
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'This request expired meanwhile.' },
      }),
    })
    renderApp(`/workspace/convention/${EVENT}/requests`)
    const first = (await screen.findByRole('heading', { name: /Anne Keller/ })).closest('li') as HTMLElement
    const second = screen.getByRole('heading', { name: /Paul Roth/ }).closest('li') as HTMLElement
    const expired = screen.getByRole('heading', { name: /Old Request/ }).closest('li') as HTMLElement
    // An expired request can no longer be answered.
    expect(within(expired).getByText('Expired')).toBeTruthy()
    expect(within(expired).queryByRole('button')).toBeNull()
    fireEvent.change(within(first).getByRole('combobox', { name: 'Your interest' }), { target: { value: 'must_meet' } })
    fireEvent.click(within(first).getByRole('button', { name: /Accept/ }))
    await waitFor(() => expect(bodyOf(seen, 'POST', `/api/v1/events/${EVENT}/meeting-requests/q1/accept`)).toEqual({ priority: 'must_meet' }))
    fireEvent.click(within(second).getByRole('button', { name: /Decline/ }))
    fireEvent.change(within(second).getByRole('textbox', { name: /Reason/ }), { target: { value: 'We already work together.' } })
    fireEvent.click(within(second).getByRole('button', { name: 'Decline the request' }))
    expect(await within(second).findByText('This request expired meanwhile.')).toBeTruthy()
    expect(bodyOf(seen, 'POST', `/api/v1/events/${EVENT}/meeting-requests/q2/decline`)).toEqual({ reason: 'We already work together.' })
  })
  it('adds a delegate to a registration with the organisation profile, and removes one after confirming', async () => {
    let delegates = registration().delegates
    const seen = fakeApi({
      ...base,
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () => ({ body: registration({ delegates }) }),
      [`POST /api/v1/events/${EVENT}/registration/delegates`]: () => {
        delegates = [...delegates, { ...delegates[0]!, id: 'd2', name: 'Marc Lentz', email: 'marc@esat.example' }]
        return { status: 201, body: delegates[1] }
      },
      [`DELETE /api/v1/events/${EVENT}/registration/delegates/d2`]: () => {
        delegates = delegates.slice(0, 1)
        return { status: 204 }
      },
    })
    renderApp(`/workspace/convention/${EVENT}`)
    await screen.findByRole('heading', { name: 'Claire Weber' })
    // The last delegate cannot be removed (a registration keeps one).
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Add a delegate' }))
    const group = await screen.findByRole('group', { name: 'New delegate' })
    expect((within(group).getByRole('textbox', { name: /Offers/ }) as HTMLTextAreaElement).value).toBe('Catering')
    fireEvent.change(within(group).getByRole('textbox', { name: /Name/ }), { target: { value: 'Marc Lentz' } })
    fireEvent.change(within(group).getByRole('textbox', { name: /Email/ }), { target: { value: 'marc@esat.example' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add the delegate' }))
    await screen.findByRole('heading', { name: 'Marc Lentz' })
    expect(bodyOf(seen, 'POST', `/api/v1/events/${EVENT}/registration/delegates`)).toMatchObject({
      name: 'Marc Lentz',
      email: 'marc@esat.example',
      offers: 'Catering',
      availability: [],
    })
    // The maximum of the type (2) is reached.
    expect(screen.queryByRole('button', { name: 'Add a delegate' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /^Remove\s*Marc Lentz$/ }))
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the delegate' }))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Marc Lentz' })).toBeNull())
    expect(seen.some((r) => r.method === 'DELETE' && r.url.pathname.endsWith('/delegates/d2'))).toBe(true)
  })
  it('shows a public event to a visitor, fees and times in the event zone, with a register link through the login', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
      [`GET /api/v1/events/${EVENT}`]: () => ({
        body: event({
          time_zone: 'Europe/Paris',
          sessions: [
            { id: 's1', name: 'Afternoon', starts_at: '2027-03-14T12:00:00Z', ends_at: '2027-03-14T16:00:00Z', meeting_minutes: 20, breaks: [], slots: [{ starts_at: '2027-03-14T12:00:00Z', ends_at: '2027-03-14T12:20:00Z' }] },
          ],
        }),
      }),
    })
    renderApp(`/events/${EVENT}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Convention Grande Région' })).toBeTruthy()
    // 12:00 UTC is 13:00 in Metz, whatever the computer's zone.
    expect(screen.getByText(/1:00\s*–\s*5:00\s*PM/)).toBeTruthy()
    const rows = screen.getAllByRole('row')
    expect(within(rows[1]!).getByText('Free')).toBeTruthy()
    expect(within(rows[2]!).getByText('€150.00')).toBeTruthy()
    const register = screen.getByRole('link', { name: 'Register my organisation' })
    expect(register.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/workspace/convention/${EVENT}`)}`)
  })
  it('offers to pay when the registration was recorded but its Checkout could not be created', async () => {
    let recorded = false
    fakeApi({
      ...base,
      'GET /api/v1/me/organisations': () => organisations('public_buyer'),
      [`GET /api/v1/events/${EVENT}`]: () => ({ body: event() }),
      [`GET /api/v1/events/${EVENT}/registration`]: () =>
        recorded
          ? { body: registration({ state: 'pending_payment', fee_cents: 15_000, participation_type_id: 'pt-buyer', confirmed_at: null }) }
          : { status: 404, body: { title: 'Not Found', status: 404 } },
      [`GET /api/v1/events/${EVENT}/registration/prefill`]: () => ({ body: { delegates: [] } }),
      [`POST /api/v1/events/${EVENT}/registrations`]: () => {
        recorded = true
        return { status: 503, body: { title: 'Service Unavailable', status: 503, detail: 'Payments are unavailable for now.' } }
      },
    })
    renderApp(`/workspace/convention/${EVENT}`)
    const form = await screen.findByRole('form', { name: 'Register your organisation' })
    const delegate = within(form).getByRole('group', { name: 'Delegate 1' })
    fireEvent.change(within(delegate).getByRole('textbox', { name: /Name/ }), { target: { value: 'Sophie Muller' } })
    fireEvent.change(within(delegate).getByRole('textbox', { name: /Email/ }), { target: { value: 'sophie@metz.example' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Register and pay' }))
    expect(await screen.findByRole('button', { name: 'Pay €150.00' })).toBeTruthy()
    expect(screen.getByText('Your registration is waiting for its payment.')).toBeTruthy()
  })
})
