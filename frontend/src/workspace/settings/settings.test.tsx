import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../../i18n'
import settings from '../../i18n/locales/settings/en.json'
import workspace from '../../i18n/locales/workspace/en.json'
import { fakeApi, type FakeAnswer } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const ME = {
  id: 'u1',
  email: 'claire@example.org',
  display_name: 'Claire Hoffmann',
  language: 'en',
  platform_role: 'user',
  email_verified: true,
  active_organisation_id: 'org1',
}
const ORG = { id: 'org1', kind: 'sse_supplier', country: 'FR', legal_name: 'ESAT du Val', status: 'active', role: 'owner' }

/** The routes every signed-in page reads, plus the test's own. */
function signedIn(routes: Record<string, (url: URL) => FakeAnswer> = {}, unread = 0) {
  return fakeApi({
    'GET /api/v1/me': () => ({ body: ME }),
    'GET /api/v1/me/organisations': () => ({ body: { items: [ORG], next_cursor: '' } }),
    'GET /api/v1/me/notifications/unread-count': () => ({ body: { unread } }),
    ...routes,
  })
}

/** Records the JSON bodies the app sends, by "METHOD /path", on top of the fake API. */
function recordBodies() {
  const bodies: Record<string, unknown> = {}
  const fake = globalThis.fetch
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    if (request.method !== 'GET') {
      const text = await request.clone().text()
      bodies[`${request.method} ${new URL(request.url).pathname}`] = text ? JSON.parse(text) : undefined
    }
    return fake(request)
  })
  return bodies
}

const problem = (location: string, message: string): FakeAnswer => ({
  status: 422,
  body: { title: 'Unprocessable Entity', status: 422, detail: 'The input is not valid.', errors: [{ location, message }] },
})

/** The error text Mantine ties to a field through aria-describedby. */
function describedError(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

describe('account menu', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows the unread count in the notifications link, and a single Workspace entry', async () => {
    signedIn({}, 3)
    renderApp('/workspace/account/saved-searches')
    const banner = screen.getByRole('banner')
    const link = await within(banner).findByRole('link', { name: 'Notifications (3)' })
    expect(link.getAttribute('href')).toBe('/workspace/account/notifications')
    expect(within(banner).getAllByRole('link', { name: workspace.menu.workspace })).toHaveLength(1)
  })

  it('says only "Notifications" when everything is read', async () => {
    signedIn({}, 0)
    renderApp('/workspace/account/saved-searches')
    const banner = screen.getByRole('banner')
    expect(await within(banner).findByRole('link', { name: workspace.menu.notifications })).toBeTruthy()
    expect(within(banner).queryByRole('link', { name: /Notifications \(/ })).toBeNull()
  })
})

describe('profile', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('checks the name as it is typed and saves name and language, switching the interface', async () => {
    signedIn({ 'PATCH /api/v1/me': () => ({ body: { ...ME, display_name: 'Claire H.', language: 'fr' } }) })
    const bodies = recordBodies()
    renderApp('/workspace/account')
    const name = await screen.findByRole('textbox', { name: new RegExp(settings.profile.name) })
    fireEvent.change(name, { target: { value: '' } })
    expect(describedError(name)).toContain(workspace.form.required)
    expect(name.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(name, { target: { value: 'Claire H.' } })
    expect(describedError(name)).not.toContain(workspace.form.required)
    const main = screen.getByRole('main')
    fireEvent.change(within(main).getByRole('combobox', { name: new RegExp(settings.profile.language) }), {
      target: { value: 'fr' },
    })
    fireEvent.click(screen.getByRole('button', { name: settings.profile.save }))
    await waitFor(() => expect(i18n.resolvedLanguage).toBe('fr'))
    expect(bodies['PATCH /api/v1/me']).toEqual({ display_name: 'Claire H.', language: 'fr' })
  })

  it('shows the server’s "wrong password" on the password field of the email change', async () => {
    signedIn({ 'POST /api/v1/me/email': () => problem('current_password', 'the current password is wrong') })
    renderApp('/workspace/account')
    const form = (await screen.findByRole('heading', { name: settings.email.title })).closest('form')!
    const email = within(form).getByRole('textbox', { name: new RegExp(settings.email.new) })
    fireEvent.change(email, { target: { value: 'not-an-address' } })
    expect(describedError(email)).toContain(settings.form.email)
    fireEvent.change(email, { target: { value: 'new@example.org' } })
    const password = within(form).getByLabelText(new RegExp(settings.currentPassword))
    fireEvent.change(password, { target: { value: 'wrong' } })
    fireEvent.click(within(form).getByRole('button', { name: settings.email.submit }))
    await waitFor(() => expect(describedError(password)).toContain('the current password is wrong'))
  })
})

describe('password change', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('ties the length rule, then the server’s refusal, to the new password field', async () => {
    signedIn({ 'POST /api/v1/me/password': () => problem('new_password', 'this password is too common') })
    renderApp('/workspace/account')
    const form = (await screen.findByRole('heading', { name: settings.password.title })).closest('form')!
    const next = within(form).getByLabelText(new RegExp(settings.password.new))
    fireEvent.change(next, { target: { value: 'short' } })
    // The error itself (the field's description also states the rule).
    const texts = () =>
      (next.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent)
    await waitFor(() => expect(texts()).toContain(settings.form.tooShort.replace('{{min}}', '12')))
    expect(next.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(next, { target: { value: 'passwordpassword' } })
    fireEvent.change(within(form).getByLabelText(new RegExp(settings.currentPassword)), { target: { value: 'old' } })
    fireEvent.click(within(form).getByRole('button', { name: settings.password.submit }))
    await waitFor(() => expect(describedError(next)).toContain('this password is too common'))
  })
})

describe('notifications', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  const note = (id: string, read: boolean) => ({
    id,
    category: 'listing_decisions',
    kind: 'tender_approved',
    title: `Notice ${id}`,
    link: 'https://passerelle.example/tenders/t1',
    data: {},
    created_at: '2026-11-20T10:00:00Z',
    email_state: 'sent',
    ...(read ? { read_at: '2026-11-21T10:00:00Z' } : {}),
  })

  it('says which are unread in words, links each to its subject, pages by cursor and marks one read', async () => {
    const seen = signedIn(
      {
        'GET /api/v1/me/notifications': (url) =>
          url.searchParams.get('cursor') === 'c2'
            ? { body: { items: [note('n3', true)], next_cursor: '' } }
            : { body: { items: [note('n1', false), note('n2', true)], next_cursor: 'c2' } },
        'POST /api/v1/me/notifications/n1/read': () => ({ body: note('n1', true) }),
      },
      1,
    )
    renderApp('/workspace/account/notifications')
    const first = await screen.findByRole('link', { name: 'Notice n1' })
    expect(first.getAttribute('href')).toBe('/tenders/t1')
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('notification'))
    expect(within(items[0]!).getByText(settings.notifications.unread)).toBeTruthy()
    expect(within(items[1]!).queryByText(settings.notifications.unread)).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: workspace.loadMore }))
    expect(await screen.findByRole('link', { name: 'Notice n3' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Mark as read: Notice n1' }))
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.url.pathname.endsWith('/n1/read'))).toBe(true))
  })
})

describe('email preferences', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows each category with the API’s label and saves the choice', async () => {
    const prefs = [
      { category: 'new_matching_need', label: 'New needs matching your offers', delivery: 'daily_digest', default: true },
      { category: 'listing_decisions', label: 'Decisions on your listings', delivery: 'immediately', default: false },
    ]
    signedIn({
      'GET /api/v1/me/notification-preferences': () => ({ body: { preferences: prefs } }),
      'PUT /api/v1/me/notification-preferences': () => ({
        body: { preferences: [{ ...prefs[0], delivery: 'off', default: false }, prefs[1]] },
      }),
    })
    const bodies = recordBodies()
    renderApp('/workspace/account/preferences')
    const group = await screen.findByRole('radiogroup', { name: /New needs matching your offers/ })
    expect(within(group).getByRole('radio', { name: settings.preferences.delivery.daily_digest })).toHaveProperty('checked', true)
    fireEvent.click(within(group).getByRole('radio', { name: settings.preferences.delivery.off }))
    fireEvent.click(screen.getByRole('button', { name: settings.preferences.save }))
    expect(await screen.findByText(settings.preferences.saved)).toBeTruthy()
    expect(bodies['PUT /api/v1/me/notification-preferences']).toEqual({
      preferences: { new_matching_need: 'off', listing_decisions: 'immediately' },
    })
  })
})

describe('creating an organisation', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('checks required fields and the postcode as typed, and puts the server’s SIRET error on the SIRET field', async () => {
    signedIn({
      'GET /api/v1/nuts-regions': () => ({
        body: { items: [{ code: 'FRF33', level: 3, name: 'Moselle', country: 'FR', assignable: true }] },
      }),
      'POST /api/v1/organisations': () =>
        problem('body.identifiers[0].value', 'The SIRET number is invalid: the check digits do not match.'),
    })
    const bodies = recordBodies()
    renderApp('/workspace/account/organisations/new')
    const submit = await screen.findByRole('button', { name: settings.orgs.createSubmit })
    fireEvent.click(submit)
    const legal = screen.getByRole('textbox', { name: new RegExp(settings.org.legalName) })
    expect(describedError(legal)).toContain(workspace.form.required)
    fireEvent.change(legal, { target: { value: 'ESAT Test' } })
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(settings.org.town) }), { target: { value: 'Metz' } })
    const postcode = screen.getByRole('textbox', { name: new RegExp(settings.org.postcode) })
    fireEvent.change(postcode, { target: { value: '570' } })
    expect(describedError(postcode)).toContain('57000')
    fireEvent.change(postcode, { target: { value: '57000' } })
    const region = screen.getByRole('combobox', { name: new RegExp(settings.org.nuts3.replace(/[()]/g, '.')) })
    await within(region).findByRole('option', { name: 'Moselle (FRF33)' })
    fireEvent.change(region, { target: { value: 'FRF33' } })
    const siret = screen.getByRole('textbox', { name: settings.org.identifier.fr_siret })
    fireEvent.change(siret, { target: { value: '123 456 789 00012' } })
    fireEvent.click(submit)
    await waitFor(() => expect(describedError(siret)).toContain('check digits do not match'))
    expect(bodies['POST /api/v1/organisations']).toMatchObject({
      kind: 'sse_supplier',
      country: 'FR',
      legal_name: 'ESAT Test',
      town: 'Metz',
      postcode: '57000',
      nuts3: 'FRF33',
      identifiers: [{ kind: 'fr_siret', value: '123 456 789 00012' }],
    })
  }, 20_000) // a long form: on a busy machine its events take more than the default 5 s
})

describe('workspace overview', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('invites a user without an organisation to create one', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ body: { ...ME, active_organisation_id: undefined } }),
      'GET /api/v1/me/organisations': () => ({ body: { items: [], next_cursor: '' } }),
      'GET /api/v1/me/notifications/unread-count': () => ({ body: { unread: 0 } }),
      'GET /api/v1/me/notifications': () => ({ body: { items: [], next_cursor: '' } }),
    })
    renderApp('/workspace')
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Claire Hoffmann' })).toBeTruthy()
    expect(await screen.findByText(workspace.overview.noOrganisation)).toBeTruthy()
    const main = screen.getByRole('main')
    expect(within(main).getByRole('link', { name: workspace.overview.createOrganisation }).getAttribute('href')).toBe(
      '/workspace/account/organisations/new',
    )
    expect(within(main).queryByRole('link', { name: workspace.overview.offers })).toBeNull()
  })
})
