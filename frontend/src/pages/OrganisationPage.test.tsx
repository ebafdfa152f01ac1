import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import fr from '../i18n/locales/fr.json'
import { fakeApi } from '../test/fakeApi'
import { renderApp } from '../test/render'

const offer = (id: string, title: string) => ({ id, title, state: 'published', language: 'fr', organisation_id: 'o1' })

describe('OrganisationPage', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('fr'))
  })

  it('shows a supplier’s region by name, its verified statuses and its published offers a page at a time', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/v1/organisations/o1': () => ({
        body: {
          id: 'o1',
          kind: 'sse_supplier',
          legal_name: 'ESAT du Saulnois',
          country: 'FR',
          town: 'Château-Salins',
          postcode: '57170',
          nuts3: 'FRF33',
        },
      }),
      'GET /api/v1/nuts-regions': () => ({
        body: { items: [{ code: 'FRF33', level: 3, name: 'Moselle', country: 'FR', assignable: true }] },
      }),
      'GET /api/v1/organisations/o1/sse-statuses': () => ({
        body: { items: [{ id: 's1', type: 'fr_esat', type_label: 'ESAT', counts: true }] },
      }),
      'GET /api/v1/organisations/o1/offers': (url) =>
        url.searchParams.get('cursor') === 'p2'
          ? { body: { items: [offer('f2', 'Repassage')], next_cursor: '' } }
          : { body: { items: [offer('f1', 'Blanchisserie')], next_cursor: 'p2' } },
    })
    renderApp('/organisations/o1')
    expect(await screen.findByRole('heading', { level: 1, name: 'ESAT du Saulnois' })).toBeTruthy()
    const region = await screen.findByText('Moselle')
    expect(region.getAttribute('lang')).toBe('fr')
    expect(screen.queryByText('FRF33')).toBeNull()
    expect(await screen.findByText('ESAT')).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Blanchisserie' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: fr.organisation.moreOffers }))
    expect(await screen.findByRole('link', { name: 'Repassage' })).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('button', { name: fr.organisation.moreOffers })).toBeNull())
    const offerCalls = seen.filter((r) => r.url.pathname === '/api/v1/organisations/o1/offers')
    expect(offerCalls.map((r) => r.url.searchParams.get('state'))).toEqual(['published', 'published'])
  })
})
