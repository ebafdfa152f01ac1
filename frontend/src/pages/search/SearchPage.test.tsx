import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/en.json'
import { fakeApi, hit, searchAnswer, type SeenRequest } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const searches = (seen: SeenRequest[]) => seen.filter((r) => r.url.pathname === '/api/v1/search')
const me401 = () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } })

describe('SearchPage', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('sends the URL’s parameters to the search API and shows the results', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': () =>
        searchAnswer([hit(), hit({ id: 'o2', title: 'Reinigung', language: 'de', translated: true })], {
          total: 2,
          facets: { country: [{ value: 'FR', count: 1 }, { value: 'DE', count: 1 }] },
        }),
    })
    renderApp('/search?q=nettoyage&country=FR&kind=offer&unrelated=1')
    expect(await screen.findByRole('link', { name: 'Nettoyage de bureaux' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Reinigung' })).toBeTruthy()
    expect(screen.getByText('2 results')).toBeTruthy()
    expect(screen.getAllByText(en.search.translatedHint)).toHaveLength(1)

    const request = searches(seen)[0]!.url.searchParams
    expect(request.get('q')).toBe('nettoyage')
    expect(request.getAll('country')).toEqual(['FR'])
    expect(request.getAll('kind')).toEqual(['offer'])
    expect(request.get('unrelated')).toBeNull()
    expect(request.getAll('facets')).toEqual(['kind', 'country', 'nuts', 'sector', 'status_type'])
    // The facet values become filters; the URL's country is ticked.
    const countries = screen.getByRole('group', { name: en.search.facet.country })
    expect(within(countries).getByRole('checkbox', { name: 'France (1)' })).toHaveProperty('checked', true)
    expect(within(countries).getByRole('checkbox', { name: 'Germany (1)' })).toHaveProperty('checked', false)
    expect(screen.getByRole('button', { name: en.kind.offer, pressed: true })).toBeTruthy()
  })

  it('runs the query once typing pauses, not at each key', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': (url) => searchAnswer(url.searchParams.get('q') === 'vélo' ? [hit({ title: 'Vélos' })] : []),
    })
    renderApp('/search')
    await screen.findByText(en.search.emptyTitle)
    const box = screen.getByRole('searchbox', { name: en.search.queryLabel })
    fireEvent.change(box, { target: { value: 'v' } })
    fireEvent.change(box, { target: { value: 'vé' } })
    fireEvent.change(box, { target: { value: 'vélo' } })
    expect(await screen.findByRole('link', { name: 'Vélos' })).toBeTruthy()
    const queries = searches(seen).map((r) => r.url.searchParams.get('q'))
    expect(queries).toEqual([null, 'vélo'])
  })

  it('filters by ticking a facet and loads more results by cursor', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': (url) => {
        if (url.searchParams.get('cursor') === 'page2') return searchAnswer([hit({ id: 'o3', title: 'Third' })])
        return searchAnswer([hit()], {
          total: 2,
          next_cursor: 'page2',
          facets: { sector: [{ value: 'cleaning.offices', count: 2, label: 'Office cleaning' }] },
        })
      },
    })
    renderApp('/search')
    fireEvent.click(await screen.findByRole('button', { name: en.search.more }))
    expect(await screen.findByRole('link', { name: 'Third' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Nettoyage de bureaux' })).toBeTruthy()

    fireEvent.click(screen.getByRole('checkbox', { name: 'Office cleaning (2)' }))
    await waitFor(() =>
      expect(searches(seen).some((r) => r.url.searchParams.get('sector') === 'cleaning.offices')).toBe(true),
    )
  })

  it('says when nothing matches', async () => {
    fakeApi({ 'GET /api/v1/me': me401, 'GET /api/v1/search': () => searchAnswer([]) })
    renderApp('/search?q=zzz')
    expect(await screen.findByText(en.search.emptyTitle)).toBeTruthy()
    expect(screen.getByText(en.search.emptyHint)).toBeTruthy()
  })

  it('explains that the search engine is down (503) and retries on demand', async () => {
    let down = true
    fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': () =>
        down ? { status: 503, body: { title: 'Service Unavailable', status: 503 } } : searchAnswer([hit()]),
    })
    renderApp('/search?q=velo')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(en.state.unavailableTitle)).toBeTruthy()
    down = false
    fireEvent.click(within(alert).getByRole('button', { name: en.state.retry }))
    expect(await screen.findByRole('link', { name: 'Nettoyage de bureaux' })).toBeTruthy()
  })

  it('shows the results with a place on a clustered map when ?view=map, and keeps view out of the API call', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': () =>
        searchAnswer([hit({ latitude: 49.12, longitude: 6.18 }), hit({ id: 'o2', title: 'Nowhere' })]),
    })
    renderApp('/search?q=nettoyage&view=map')
    expect(await screen.findByRole('region', { name: en.search.mapLabel }, { timeout: 5000 })).toBeTruthy()
    expect(screen.getByText('The map shows the results loaded so far that have a place: 1 of 2.')).toBeTruthy()
    expect(screen.getByRole('button', { name: en.search.view.map, pressed: true })).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Nowhere' })).toBeNull()
    expect(searches(seen)[0]!.url.searchParams.has('view')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: en.search.view.list }))
    expect(await screen.findByRole('link', { name: 'Nowhere' })).toBeTruthy()
  })

  it('lists regions by name under the larger region they lie in, without countries, and filters by NUTS code', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/nuts-regions': () => ({
        body: {
          items: [
            { code: 'FRF', level: 1, name: 'ALSACE-CHAMPAGNE-ARDENNE-LORRAINE', country: 'FR', assignable: false },
            { code: 'FRF3', level: 2, name: 'Lorraine', country: 'FR', parent: 'FRF', assignable: false },
            { code: 'FRF33', level: 3, name: 'Moselle', country: 'FR', parent: 'FRF3', assignable: true },
            { code: 'DEC', level: 1, name: 'SAARLAND', country: 'DE', parent: 'DE', assignable: false },
            { code: 'DEC0', level: 2, name: 'Saarland', country: 'DE', parent: 'DEC', assignable: false },
          ],
        },
      }),
      'GET /api/v1/search': () =>
        searchAnswer([hit()], {
          facets: {
            nuts: [
              { value: 'FR', count: 3 },
              { value: 'FRF', count: 3 },
              { value: 'FRF33', count: 2 },
              { value: 'FRZ', count: 1 },
              { value: 'FRF3', count: 3 },
              { value: 'DEC01', count: 1 },
              { value: 'DEC', count: 1 },
              { value: 'DEC0', count: 1 },
            ],
          },
        }),
    })
    renderApp('/search?q=nettoyage')
    const regions = await screen.findByRole('group', { name: en.search.facet.nuts })
    await within(regions).findByRole('checkbox', { name: 'Moselle (2)' })
    expect(within(regions).getAllByRole('checkbox').map((box) => box.closest('.mantine-Checkbox-root')?.textContent)).toEqual([
      'Saarland (1)', // once: DEC0 has the same name as DEC, which holds it
      'DEC01 (1)', // unknown to the catalogue: its code
      'Alsace-Champagne-Ardenne-Lorraine (3)',
      'Lorraine (3)',
      'Moselle (2)',
    ])
    fireEvent.click(within(regions).getByRole('checkbox', { name: 'Lorraine (3)' }))
    await waitFor(() => expect(searches(seen).some((r) => r.url.searchParams.get('nuts') === 'FRF3')).toBe(true))
  })

  it('folds the filters on a narrow screen behind a button that says how many are set', async () => {
    const wide = window.matchMedia
    window.matchMedia = (query: string) => ({ ...wide(query), matches: query.includes('max-width') })
    try {
      fakeApi({
        'GET /api/v1/me': me401,
        'GET /api/v1/search': () =>
          searchAnswer([hit()], { facets: { country: [{ value: 'FR', count: 1 }, { value: 'DE', count: 1 }] } }),
      })
      renderApp('/search?q=nettoyage&country=FR&deadline_from=2026-12-01')
      expect(await screen.findByRole('link', { name: 'Nettoyage de bureaux' })).toBeTruthy()
      const toggle = screen.getByRole('button', { name: 'Filters (2 set)' })
      expect(toggle.getAttribute('aria-expanded')).toBe('false')
      expect(screen.queryByRole('group', { name: en.search.facet.country })).toBeNull()
      fireEvent.click(toggle)
      expect(toggle.getAttribute('aria-expanded')).toBe('true')
      expect(toggle.textContent).toBe(en.search.hideFilters)
      const countries = screen.getByRole('group', { name: en.search.facet.country })
      expect(within(countries).getByRole('checkbox', { name: 'France (1)' })).toHaveProperty('checked', true)
    } finally {
      window.matchMedia = wide
    }
  })

  it('shows the API’s refusal of a parameter (422) on its field, with no retry that would fail again', async () => {
    fakeApi({
      'GET /api/v1/me': me401,
      'GET /api/v1/search': () => ({
        status: 422,
        body: {
          status: 422,
          errors: [{ location: 'query.deadline_to', message: 'the end of the deadline range is before its start' }],
        },
      }),
    })
    renderApp('/search?deadline_from=2026-12-31&deadline_to=2026-12-01')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(en.state.invalidTitle)).toBeTruthy()
    expect(within(alert).getByText('The end of the deadline range is before its start.')).toBeTruthy()
    expect(within(alert).queryByRole('button', { name: en.state.retry })).toBeNull()
    const to = screen.getByLabelText(en.search.deadlineTo)
    expect(to.getAttribute('aria-invalid')).toBe('true')
    const described = (to.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent)
    expect(described).toContain('The end of the deadline range is before its start.')
    expect(screen.getByLabelText(en.search.deadlineFrom).getAttribute('aria-invalid')).not.toBe('true')
  })
})
