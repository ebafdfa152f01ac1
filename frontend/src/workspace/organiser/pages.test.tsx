import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/organiser/en.json'
import { fakeApi, type SeenRequest } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import './catalogue'

const me = { id: 'u1', email: 'm@example.org', display_name: 'Inès', language: 'en', platform_role: 'moderator', email_verified: true }
const myOrgs = { items: [{ id: 'own-org', kind: 'cluster', legal_name: 'Cluster', country: 'LU', role: 'owner' }] }

const party = (id: string, name: string, org: string) => ({ delegate_id: id, name, organisation_id: `o-${id}`, organisation_name: org, country: 'FR' })

const event = {
  id: 'e1',
  state: 'published',
  name: 'Rencontres 2027',
  lang: 'fr',
  venue: 'Neumünster',
  description: '',
  address: '',
  time_zone: 'Europe/Luxembourg',
  tables: 2,
  languages: ['fr', 'de'],
  starts_at: '2027-01-14T13:00:00Z',
  ends_at: '2027-01-14T14:00:00Z',
  registration_deadline: '2027-01-13T11:00:00Z',
  cancellation_cutoff: '2027-01-10T11:00:00Z',
  registration_open: true,
  registered_organisations: 4,
  request_expiry_days: 7,
  agenda_state: 'none',
  agenda_version: 0,
  sessions: [
    {
      id: 's1',
      name: '',
      starts_at: '2027-01-14T13:00:00Z',
      ends_at: '2027-01-14T14:00:00Z',
      meeting_minutes: 20,
      breaks: [],
      slots: [
        { starts_at: '2027-01-14T13:00:00Z', ends_at: '2027-01-14T13:20:00Z' },
        { starts_at: '2027-01-14T13:20:00Z', ends_at: '2027-01-14T13:40:00Z' },
        { starts_at: '2027-01-14T13:40:00Z', ends_at: '2027-01-14T14:00:00Z' },
      ],
    },
  ],
  participation_types: [],
}

const meetingA = {
  id: 'm1',
  request_id: 'r1',
  starts_at: '2027-01-14T13:00:00Z',
  ends_at: '2027-01-14T13:20:00Z',
  table: 1,
  locked: false,
  confirmed: false,
  weight: 3,
  a: party('d1', 'Anna Weber', 'WfbM Saar'),
  b: party('d2', 'Luc Martin', 'Ville de Val-de-Moselle'),
}

const run = {
  id: 'run1',
  started_at: '2027-01-12T10:00:00Z',
  duration_ms: 12,
  requests: 3,
  meetings: 1,
  weight: 3,
  upper_bound: 4,
  kept: 0,
  left_out: [
    { request_id: 'r2', reason: 'no_common_slot', reason_text: 'The two delegates have no free slot in common' },
    { request_id: 'r3', reason: 'no_common_slot', reason_text: 'The two delegates have no free slot in common' },
  ],
}

let seen: SeenRequest[]
const sent = (method: string, path: string) => seen.filter((r) => r.method === method && r.url.pathname === path)

describe('event form page', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: me }),
      'GET /api/v1/me/organisations': () => ({ body: myOrgs }),
      'POST /api/v1/events': () => ({
        status: 422,
        body: {
          title: 'Unprocessable Entity',
          status: 422,
          errors: [{ location: 'body.sessions[0].ends_at', message: 'the session ends after midnight' }],
        },
      }),
    })
  })

  it('checks the fields as they are typed, counts slots live, and puts the server’s error on its field', async () => {
    renderApp('/workspace/organiser/events/new')
    expect(await screen.findByRole('heading', { level: 1, name: en.form.newTitle })).toBeTruthy()
    const name = screen.getByRole('textbox', { name: new RegExp(`^${en.form.name}( \\*)?$`) })
    fireEvent.change(name, { target: { value: 'x' } })
    fireEvent.change(name, { target: { value: '' } })
    expect(screen.getByText('Required')).toBeTruthy()

    const session = screen.getByRole('group', { name: 'Session 1' })
    fireEvent.change(within(session).getByLabelText(new RegExp(`^${en.form.date}`)), { target: { value: '2027-01-14' } })
    fireEvent.change(within(session).getByLabelText(new RegExp(`^${en.form.end}`)), { target: { value: '15:00' } })
    expect(within(session).getByText('3 meeting slots: up to 60 meetings at all tables')).toBeTruthy()
    fireEvent.change(within(session).getByLabelText(new RegExp(`^${en.form.end}`)), { target: { value: '13:00' } })
    expect(within(session).getByText(en.validation.endAfterStart)).toBeTruthy()
    fireEvent.click(within(session).getByRole('button', { name: en.form.addBreak }))
    fireEvent.change(within(session).getByLabelText(/^Break 1 start/), { target: { value: '14:20' } })
    fireEvent.change(within(session).getByLabelText(/^Break 1 end/), { target: { value: '14:40' } })
    fireEvent.change(within(session).getByLabelText(new RegExp(`^${en.form.end}`)), { target: { value: '15:00' } })
    expect(within(session).getByText('2 meeting slots: up to 40 meetings at all tables')).toBeTruthy()
    expect(screen.getByText('In all: 2 slots × 20 tables = up to 40 meetings.')).toBeTruthy()

    // Sending with problems left sends nothing and says how many.
    fireEvent.click(screen.getByRole('button', { name: en.form.create }))
    expect(await screen.findByText(/fields need your attention/)).toBeTruthy()
    expect(sent('POST', '/api/v1/events')).toHaveLength(0)

    fireEvent.change(name, { target: { value: 'Rencontres 2027' } })
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^${en.form.venue}`) }), { target: { value: 'Neumünster' } })
    for (const legend of [en.form.deadline, en.form.cutoff]) {
      const group = screen.getByRole('group', { name: legend })
      fireEvent.change(within(group).getByLabelText(new RegExp(`^${en.form.date}`)), { target: { value: '2027-01-10' } })
    }
    fireEvent.click(screen.getByRole('button', { name: en.form.create }))
    await waitFor(() => expect(sent('POST', '/api/v1/events')).toHaveLength(1))
    const body = JSON.parse(sent('POST', '/api/v1/events')[0]!.body)
    expect(body.sessions[0]).toMatchObject({ starts_at: '2027-01-14T13:00:00Z', ends_at: '2027-01-14T14:00:00Z', meeting_minutes: 20 })
    expect(body.time_zone).toBe('Europe/Paris')
    const end = within(session).getByLabelText(new RegExp(`^${en.form.end}`))
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'))
    expect(within(session).getByText('the session ends after midnight')).toBeTruthy()
  })
})

describe('schedule page', { timeout: 30_000 }, () => {
  let meetings: (typeof meetingA)[]
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
    meetings = [meetingA]
    let ran = false
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: me }),
      'GET /api/v1/me/organisations': () => ({ body: myOrgs }),
      'GET /api/v1/events/e1': () => ({ body: event }),
      'GET /api/v1/events/e1/schedule': () => (ran ? { body: run } : { status: 404, body: { title: 'Not Found', status: 404 } }),
      'POST /api/v1/events/e1/schedule': () => {
        ran = true
        return { body: run }
      },
      'GET /api/v1/events/e1/meetings': () => ({ body: { items: ran ? meetings : [], next_cursor: '' } }),
      'GET /api/v1/events/e1/table-plan': () => ({ body: { slots: [] } }),
      'GET /api/v1/events/e1/meeting-requests': (url) => ({
        body: {
          items:
            url.searchParams.get('state') === 'accepted'
              ? [{ id: 'r2', state: 'accepted', from: party('d3', 'Els Peeters', 'De Brug'), to: party('d4', 'Frank Becker', 'Moselwerk') }]
              : [],
          next_cursor: '',
        },
      }),
      'PATCH /api/v1/events/e1/meetings/m1': () => ({
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'Luc Martin is not available then' },
      }),
    })
  })

  it('runs the scheduler, shows its figures and the grid, and says why a move is refused', async () => {
    renderApp('/workspace/organiser/events/e1/schedule')
    expect(await screen.findByRole('heading', { level: 1, name: 'Schedule: Rencontres 2027' })).toBeTruthy()
    expect(await screen.findByText(en.schedule.run.never)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: en.schedule.run.button }))
    expect(await screen.findByText('3 of at most 4')).toBeTruthy()
    expect(screen.getByText('(75%)')).toBeTruthy()
    const reasons = screen.getByRole('table', { name: en.schedule.leftOut.caption })
    expect(within(reasons).getByRole('row', { name: /no free slot in common 2/ })).toBeTruthy()
    const each = await screen.findByText('Els Peeters (De Brug) asked Frank Becker (Moselwerk):')
    expect(each.closest('li')?.textContent).toContain('The two delegates have no free slot in common')
    expect(screen.getByText(en.schedule.leftOut.unknown)).toBeTruthy()

    const grid = await screen.findByRole('table', { name: '1 meeting by slot and table' })
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Slot', 'Table 1', 'Table 2'])
    expect(within(grid).getAllByRole('row')).toHaveLength(4)
    const cell = within(grid).getByText('Anna Weber (WfbM Saar)').closest('td')!
    expect(within(cell).getByText('Luc Martin (Ville de Val-de-Moselle)')).toBeTruthy()

    fireEvent.click(within(cell).getByRole('button', { name: 'Move the meeting of Anna Weber and Luc Martin' }))
    const dialog = await screen.findByRole('dialog', { name: en.schedule.move.title })
    fireEvent.change(within(dialog).getByRole('combobox', { name: en.schedule.move.slot }), {
      target: { value: '2027-01-14T13:20:00Z' },
    })
    fireEvent.change(within(dialog).getByRole('combobox', { name: en.schedule.move.table }), { target: { value: '2' } })
    fireEvent.click(within(dialog).getByRole('button', { name: en.schedule.move.submit }))
    expect(await within(dialog).findByText('Luc Martin is not available then')).toBeTruthy()
    expect(JSON.parse(sent('PATCH', '/api/v1/events/e1/meetings/m1')[0]!.body)).toEqual({
      starts_at: '2027-01-14T13:20:00Z',
      table: 2,
    })
  })
})

describe('events and registrations lists', { timeout: 30_000 }, () => {
  const summary = (id: string, name: string, state = 'published', time_zone = 'Europe/Paris') => ({
    id,
    name,
    state,
    lang: 'fr',
    venue: 'Metz',
    time_zone,
    starts_at: '2027-01-14T13:00:00Z',
    ends_at: '2027-01-14T17:00:00Z',
    registration_deadline: '2027-01-13T11:00:00Z',
    registration_open: true,
    registered_organisations: 2,
  })
  const registration = {
    id: 'g1',
    event_id: 'e1',
    organisation_id: 'o1',
    organisation_name: 'WfbM Saar',
    state: 'cancelled',
    participation_type_id: 'p1',
    participation_type_name: 'Conventional company',
    fee_cents: 9000,
    currency: 'EUR',
    paid_at: '2026-12-01T10:00:00Z',
    refund_state: 'succeeded',
    created_at: '2026-12-01T09:00:00Z',
    confirmed_at: '2026-12-01T10:00:00Z',
    cancelled_at: '2026-12-05T10:00:00Z',
    refundable: false,
    delegates: [{ id: 'd1', name: 'Anna Weber', email: 'anna@example.org', job_title: 'Director' }],
  }

  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: me }),
      'GET /api/v1/me/organisations': () => ({ body: myOrgs }),
      'GET /api/v1/events': (url) =>
        url.searchParams.get('state') === 'cancelled'
          ? { body: { items: [], next_cursor: '' } }
          : url.searchParams.get('cursor') === 'c2'
            ? { body: { items: [summary('e2', 'Salon de Sarrebruck', 'draft', 'America/New_York')], next_cursor: '' } }
            : { body: { items: [summary('e1', 'Rencontres 2027')], next_cursor: 'c2' } },
      'GET /api/v1/events/e1': () => ({ body: event }),
      'GET /api/v1/events/e1/registrations': (url) =>
        url.searchParams.get('state') === 'confirmed'
          ? { status: 500, body: { title: 'Internal Server Error', status: 500 } }
          : { body: { items: [registration], next_cursor: '' } },
    })
  })

  it('pages through the events with Load more and filters them by state', async () => {
    renderApp('/workspace/organiser/events')
    expect(await screen.findByRole('link', { name: 'Rencontres 2027' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByRole('link', { name: 'Salon de Sarrebruck' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
    expect(sent('GET', '/api/v1/events').at(-1)?.url.searchParams.get('cursor')).toBe('c2')
    // Each event's deadline (11:00 UTC) in its own zone, whatever the computer's.
    const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!
    expect(within(rowOf('Rencontres 2027')).getByText(/^Jan 13, 2027, 12:00\sPM$/)).toBeTruthy()
    expect(within(rowOf('Salon de Sarrebruck')).getByText(/^Jan 13, 2027, 6:00\sAM$/)).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: en.events.filter }), { target: { value: 'cancelled' } })
    expect(await screen.findByText(en.events.empty)).toBeTruthy()
  })

  it('shows a registration’s fee, payment, refund and delegates, and the error of a failed list', async () => {
    renderApp('/workspace/organiser/events/e1/registrations')
    const row = (await screen.findByText('WfbM Saar')).closest('tr')!
    expect(within(row).getByText('€90.00')).toBeTruthy()
    expect(within(row).getByText('Refunded')).toBeTruthy()
    expect(within(row).getByText(/Paid/)).toBeTruthy()
    expect(within(row).getByText('Anna Weber')).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: en.registrations.filter }), { target: { value: 'confirmed' } })
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(sent('GET', '/api/v1/events/e1/registrations').at(-1)?.url.searchParams.get('state')).toBe('confirmed')
  })
})
