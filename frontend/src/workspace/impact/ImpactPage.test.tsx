import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { fakeApi, type SeenRequest } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { filterErrors } from './api'

const moderator = { id: 'u1', email: 'm@example.org', display_name: 'Inès', language: 'en', platform_role: 'moderator', email_verified: true }

const impact = {
  scope: 'cluster',
  from: '',
  to: '',
  country: '',
  currency: 'EUR',
  generated_at: '2026-07-01T08:00:00Z',
  total: { amount_cents: 5500000, count: 5 },
  awards: { amount_cents: 4500000, count: 3 },
  deals: { amount_cents: 1000000, count: 2 },
  cross_border: { amount_cents: 4000000, count: 3 },
  cross_border_share_by_amount: 0.7273,
  cross_border_share_by_count: 0.6,
  by_country: [
    { key: 'DE', label: 'Germany', amount_cents: 3500000, count: 2 },
    { key: 'FR', label: 'France', amount_cents: 1200000, count: 2 },
  ],
  by_sector: [{ key: 'cleaning', label: 'Cleaning and hygiene', amount_cents: 1800000, count: 2 }],
  by_status: [{ key: 'fr_esat', label: 'ESAT', amount_cents: 1200000, count: 2 }],
  by_month: [{ key: '2026-03', label: 'March 2026', amount_cents: 4000000, count: 2 }],
  suppliers: { reached: 3, interested: 2, responding: 1 },
  meetings: { held: 4, deals: 3 },
  first_interest: { tenders_published: 4, tenders_with_interest: 3, median_hours: 4, p90_hours: 8.8 },
}

let seen: SeenRequest[]

describe('cluster impact page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en')
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: moderator }),
      'GET /api/v1/me/organisations': () => ({ body: { items: [] } }),
      'GET /api/v1/impact': (url) =>
        url.searchParams.get('to') === '2026-01-02'
          ? { status: 422, body: { status: 422, errors: [{ location: 'query.to', message: 'Server says no.' }] } }
          : { body: impact },
    })
  })

  it('shows the key figures and a table instead of a chart on request', async () => {
    renderApp('/workspace/impact')
    expect(await screen.findByRole('heading', { level: 1, name: 'Impact of responsible purchasing' })).toBeTruthy()
    expect(await screen.findByText('€55,000.00')).toBeTruthy()
    expect(screen.getByText('72.7% by amount, 60% by number')).toBeTruthy()
    const card = screen.getByRole('region', { name: 'By supplier country' })
    expect(within(card).queryByRole('table')).toBeNull()
    fireEvent.click(within(card).getByRole('button', { name: 'Show as a table' }))
    const table = within(card).getByRole('table', { name: 'By supplier country' })
    expect(within(table).getByRole('rowheader', { name: 'Germany' })).toBeTruthy()
    expect(within(table).getByText('€35,000.00')).toBeTruthy()
    expect(within(card).getByRole('button', { name: 'Show as a chart' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('sends the period and shows the server’s error on its field', async () => {
    renderApp('/workspace/impact')
    await screen.findByText('€55,000.00')
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-02' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show the figures' }))
    expect(await screen.findByText('Server says no.')).toBeTruthy()
    const last = seen.filter((r) => r.url.pathname === '/api/v1/impact').at(-1)
    expect(last?.url.searchParams.get('from')).toBe('2026-01-01')
  })

  it('checks the period as the user types', async () => {
    renderApp('/workspace/impact')
    await screen.findByText('€55,000.00')
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-05-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-01' } })
    expect(await screen.findByText('The end of the period comes before its start')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show the figures' }))
    // A period of more than 120 months is refused too.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2010-01-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-06-30' } })
    expect((await screen.findAllByText('The period may cover at most 120 months (10 years)')).length).toBe(2)
    fireEvent.click(screen.getByRole('button', { name: 'Show the figures' }))
    // The settle point: a valid period submitted afterwards is requested.
    // Had a refused one been sent, its request would have come first.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-30' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show the figures' }))
    const asked = () => seen.filter((r) => r.url.pathname === '/api/v1/impact').map((r) => r.url.searchParams.get('from') ?? '')
    await waitFor(() => expect(asked()).toContain('2026-03-01'))
    expect(asked().filter((from) => from !== '')).toEqual(['2026-03-01'])
  })
})

describe('filterErrors', () => {
  it('mirrors the API: dates, and the end not before the start', () => {
    expect(filterErrors({ from: '', to: '', country: '' })).toEqual({})
    expect(filterErrors({ from: '2026-13-45', to: '', country: '' })).toEqual({ from: 'badDate' })
    expect(filterErrors({ from: '2026-05-01', to: '2026-04-30', country: '' })).toEqual({ to: 'toBeforeFrom' })
    expect(filterErrors({ from: '2026-05-01', to: '2026-05-01', country: '' })).toEqual({})
  })

  it('mirrors the API: at most 120 months, to today when the end is open', () => {
    const today = new Date(2026, 6, 1)
    expect(filterErrors({ from: '2016-07-01', to: '2026-06-30', country: '' }, today)).toEqual({})
    expect(filterErrors({ from: '2016-06-30', to: '2026-06-30', country: '' }, today)).toEqual({ from: 'tooLong', to: 'tooLong' })
    expect(filterErrors({ from: '2016-08-01', to: '', country: '' }, today)).toEqual({})
    expect(filterErrors({ from: '2016-06-01', to: '', country: '' }, today)).toEqual({ from: 'tooLong' })
  })
})
