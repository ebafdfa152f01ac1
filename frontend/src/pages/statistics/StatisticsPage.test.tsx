import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { fakeApi } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const statistics = {
  computed_at: '2026-11-26T10:00:00Z',
  tenders: 12,
  reserved_tenders: 5,
  social_tenders: 4,
  lots: 20,
  offers: 30,
  suppliers: 9,
  meetings_held: 7,
  meeting_deals: 2,
  tenders_by_month: [
    { month: '2026-10', tenders: 5, reserved_tenders: 2 },
    { month: '2026-11', tenders: 7, reserved_tenders: 3 },
  ],
  offers_by_sector: [{ code: 'cleaning', label: 'Cleaning and hygiene', count: 11 }],
  suppliers_by_country: [{ country: 'FR', suppliers: 6, verified: 4 }],
  suppliers_by_status: [{ code: 'fr_esat', label: 'ESAT', count: 3 }],
  awards: [{ result: 'awarded_passerelle', currency: 'EUR', lots: 3, amount_cents: 1234550 }],
}

describe('StatisticsPage', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows the key figures and each chart as a table on demand', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/v1/statistics': () => ({ body: statistics }),
    })
    renderApp('/statistics')
    expect(await screen.findByRole('heading', { level: 1, name: 'Public statistics' })).toBeTruthy()
    const figures = screen.getByRole('region', { name: 'Key figures' })
    expect(within(figures).getByText('12')).toBeTruthy()
    expect(within(figures).getByText('€12,345.50')).toBeTruthy()
    expect(within(figures).getByText('3 lots awarded')).toBeTruthy()
    expect(within(figures).getByText('2 ended in a deal')).toBeTruthy()
    expect(within(figures).getByText(/private companies' amounts are never published/)).toBeTruthy()

    const byCountry = screen.getByRole('region', { name: 'SSE suppliers by country' })
    expect(within(byCountry).getByRole('img')).toBeTruthy()
    fireEvent.click(within(byCountry).getByRole('button', { name: 'Show as a table' }))
    const table = within(byCountry).getByRole('table', { name: 'SSE suppliers by country' })
    const row = within(table).getByRole('row', { name: /France/ })
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '4'])
    fireEvent.click(within(byCountry).getByRole('button', { name: 'Show as a chart' }))
    expect(within(byCountry).queryByRole('table')).toBeNull()

    const months = screen.getByRole('region', { name: 'Tenders published by month' })
    fireEvent.click(within(months).getByRole('button', { name: 'Show as a table' }))
    expect(within(months).getAllByRole('row').length).toBe(3)
  })

  it('shows an error the reader can retry', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/v1/statistics': () => ({ status: 500, body: { status: 500 } }),
    })
    renderApp('/statistics')
    expect(await screen.findByRole('button', { name: /try again|retry/i }, { timeout: 5000 })).toBeTruthy()
  })
})
