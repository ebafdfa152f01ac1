import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n, { STORAGE_KEY } from './i18n'
import de from './i18n/locales/de.json'
import en from './i18n/locales/en.json'
import nl from './i18n/locales/nl.json'
import { fakeApi, hit, searchAnswer } from './test/fakeApi'
import { renderApp } from './test/render'

function homeAPI() {
  return fakeApi({
    'GET /api/v1/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
    'GET /api/v1/search': (url) =>
      url.searchParams.get('kind') === 'tender'
        ? searchAnswer([hit({ id: 't1', kind: 'tender', title: 'Entretien des espaces verts' })])
        : searchAnswer([], {
            total: 15,
            facets: {
              kind: [
                { value: 'offer', count: 9 },
                { value: 'supplier', count: 4 },
                { value: 'tender', count: 2 },
              ],
            },
          }),
    'GET /api/v1/sectors': () => ({
      body: { items: [{ code: 'cleaning', label: 'Cleaning', sectors: [] }] },
    }),
  })
}

describe('App', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('renders the frame: skip link, banner with navigation and switcher, main, footer', async () => {
    homeAPI()
    renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Passerelle' })).toBeTruthy()
    expect(screen.getByRole('link', { name: en.skipLink }).getAttribute('href')).toBe('#main')
    const banner = screen.getByRole('banner')
    expect(within(banner).getByRole('navigation', { name: en.nav.label })).toBeTruthy()
    expect(within(banner).getByRole('combobox', { name: en.languageSwitcher.label })).toBeTruthy()
    expect(screen.getByRole('main')).toBeTruthy()
    expect(screen.getByRole('contentinfo')).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })

  it('shows live figures, the latest tenders and sectors to browse on the home page', async () => {
    const seen = homeAPI()
    renderApp('/')
    expect((await screen.findByRole('link', { name: '9 offers' })).getAttribute('href')).toBe('/search?kind=offer')
    expect(screen.getByText(en.home.figure.offer_other)).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Entretien des espaces verts' })).toBeTruthy()
    expect((await screen.findByRole('link', { name: 'Cleaning' })).getAttribute('href')).toBe('/search?sector=cleaning')
    expect(seen.every((r) => r.headers.get('Accept-Language') === 'en')).toBe(true)
  })

  it('switches every visible text to German, with <html lang>, the stored choice and the API language', async () => {
    const seen = homeAPI()
    renderApp('/')
    await screen.findByText(en.home.tagline)
    fireEvent.change(screen.getByRole('combobox', { name: en.languageSwitcher.label }), { target: { value: 'de' } })

    expect(await screen.findByText(de.home.tagline)).toBeTruthy()
    for (const text of [en.home.tagline, en.nav.search, en.footer.region, en.home.sectorsHeading, en.account.login]) {
      expect(screen.queryByText(text)).toBeNull()
    }
    expect(screen.getByRole('link', { name: de.nav.search })).toBeTruthy()
    expect(screen.getByText(de.footer.region)).toBeTruthy()
    expect(document.documentElement.lang).toBe('de')
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('de')
    // Language-dependent data is fetched again in German.
    await screen.findByRole('heading', { name: de.home.latestHeading })
    await waitFor(() => expect(seen.some((r) => r.headers.get('Accept-Language') === 'de')).toBe(true))
  })

  it('takes the language from ?lang= in the URL', async () => {
    homeAPI()
    renderApp('/?lang=nl')
    expect(await screen.findByText(nl.home.tagline)).toBeTruthy()
    expect(document.documentElement.lang).toBe('nl')
  })

  it('shows a not-found page for unknown paths', async () => {
    homeAPI()
    renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { level: 1, name: en.state.notFoundTitle })).toBeTruthy()
  })
})
