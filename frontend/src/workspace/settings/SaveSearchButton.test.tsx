import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../../i18n'
import settings from '../../i18n/locales/settings/en.json'
import workspace from '../../i18n/locales/workspace/en.json'
import { fakeApi, type FakeAnswer } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { SaveSearchButton } from './SaveSearchButton'

const ME = { id: 'u1', email: 'a@example.org', display_name: 'A', language: 'en', platform_role: 'user', email_verified: true }

function capturePosts() {
  const bodies: unknown[] = []
  const fake = globalThis.fetch
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    if (request.method === 'POST') bodies.push(JSON.parse(await request.clone().text()))
    return fake(request)
  })
  return bodies
}

describe('SaveSearchButton', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows nothing to a visitor', async () => {
    const seen = fakeApi({ 'GET /api/v1/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }) })
    renderWithProviders(<SaveSearchButton query="q=velo" />)
    await waitFor(() => expect(seen.length).toBeGreaterThan(0))
    expect(screen.queryByRole('button', { name: settings.saved.saveThis })).toBeNull()
  })

  it('saves the query without its cursor, under a name checked as typed', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ body: ME }),
      'POST /api/v1/me/saved-searches': (): FakeAnswer => ({
        status: 201,
        body: { id: 's1', name: 'Vélos', query: 'q=velo&kind=offer', alerts: false },
      }),
    })
    const bodies = capturePosts()
    renderWithProviders(<SaveSearchButton query="?q=velo&kind=offer&cursor=abc" />)
    fireEvent.click(await screen.findByRole('button', { name: settings.saved.saveThis }))
    const name = screen.getByRole('textbox', { name: new RegExp(settings.saved.name) })
    expect((name as HTMLInputElement).value).toBe('velo')
    fireEvent.change(name, { target: { value: '' } })
    expect(screen.getByText(workspace.form.required)).toBeTruthy()
    fireEvent.change(name, { target: { value: 'Vélos' } })
    fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(settings.saved.alerts) }))
    fireEvent.click(screen.getByRole('button', { name: settings.saved.save }))
    expect(await screen.findByText('Saved as “Vélos”.')).toBeTruthy()
    expect(bodies[0]).toEqual({ name: 'Vélos', query: 'q=velo&kind=offer', alerts: false, lang: 'en' })
  })

  it('lists what the server refuses in the query, and puts a name error on the name', async () => {
    let answer: FakeAnswer = {
      status: 422,
      body: {
        title: 'Unprocessable Entity',
        status: 422,
        errors: [{ location: 'body.query.kind', message: '"nope" is not a kind of listing: offer, tender or supplier' }],
      },
    }
    fakeApi({ 'GET /api/v1/me': () => ({ body: ME }), 'POST /api/v1/me/saved-searches': () => answer })
    renderWithProviders(<SaveSearchButton query="kind=nope" />)
    fireEvent.click(await screen.findByRole('button', { name: settings.saved.saveThis }))
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(settings.saved.name) }), { target: { value: 'Odd' } })
    fireEvent.click(screen.getByRole('button', { name: settings.saved.save }))
    expect(await screen.findByText(settings.saved.queryRefused)).toBeTruthy()
    expect(screen.getByText('"nope" is not a kind of listing: offer, tender or supplier')).toBeTruthy()

    answer = {
      status: 422,
      body: { title: 'Unprocessable Entity', status: 422, errors: [{ location: 'body.name', message: 'at most 120 characters' }] },
    }
    fireEvent.click(screen.getByRole('button', { name: settings.saved.save }))
    const field = screen.getByRole('textbox', { name: new RegExp(settings.saved.name) })
    await waitFor(() => {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(' ')
      expect(ids.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain('at most 120 characters')
    })
  })
})
