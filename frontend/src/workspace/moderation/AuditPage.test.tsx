import { fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/moderation/en.json'
import { fakeApi, type SeenRequest } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const me = { id: 'u1', email: 'm@example.org', display_name: 'Inès', language: 'en', platform_role: 'moderator', email_verified: true }
let seen: SeenRequest[]

// Whole-app renders: on a busy 2-core machine one can take longer than vitest's default 5 s.
describe('audit log page', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en')
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: me }),
      'GET /api/v1/me/organisations': () => ({ body: { items: [] } }),
      'GET /api/v1/admin/audit': (url) =>
        url.searchParams.get('actor') === 'bad'
          ? { status: 422, body: { status: 422, errors: [{ location: 'query.actor', message: 'Not a user id.' }] } }
          : {
              body: {
                items: [
                  {
                    id: 7,
                    occurred_at: '2026-11-20T09:30:00Z',
                    actor_kind: 'user',
                    actor_user_id: 'u9',
                    action: 'organisation.suspended',
                    subject_type: 'organisation',
                    subject_id: 'org-1',
                    before: { status: 'active' },
                    after: { status: 'suspended' },
                  },
                ],
                next_cursor: '',
              },
            },
    })
  })

  it('applies the filters to the list and to the CSV export link, and shows what changed', async () => {
    renderApp('/workspace/moderation/audit')
    expect(await screen.findByText('organisation.suspended')).toBeTruthy()
    expect(screen.getByText('active')).toBeTruthy()
    expect(screen.getByText('suspended')).toBeTruthy()
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^${en.audit.filter.action}`) }), {
      target: { value: 'organisation.' },
    })
    fireEvent.change(screen.getByLabelText(en.audit.filter.from), { target: { value: '2026-11-01' } })
    fireEvent.click(screen.getByRole('button', { name: en.audit.apply }))
    await waitFor(() => {
      const last = seen.filter((r) => r.url.pathname === '/api/v1/admin/audit').at(-1)!
      expect(last.url.searchParams.get('action')).toBe('organisation.')
      expect(last.url.searchParams.get('from')).toBe(new Date(2026, 10, 1).toISOString())
    })
    const href = screen.getByRole('link', { name: en.audit.export }).getAttribute('href')!
    const url = new URL(href, 'http://x')
    expect(url.pathname).toBe('/api/v1/admin/audit/export')
    expect(url.searchParams.get('action')).toBe('organisation.')
    expect(url.searchParams.get('from')).toBe(new Date(2026, 10, 1).toISOString())
  })

  it('shows the server’s refusal of a filter on its field', async () => {
    renderApp('/workspace/moderation/audit?actor=bad')
    const actor = await screen.findByRole('textbox', { name: new RegExp(`^${en.audit.filter.actor.replace(/[()]/g, '.')}`) })
    await waitFor(() => expect(actor.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText('Not a user id.')).toBeTruthy()
  })

  it('says when the last day comes before the first, and does not ask', async () => {
    renderApp('/workspace/moderation/audit')
    await screen.findByText('organisation.suspended')
    const before = seen.length
    fireEvent.change(screen.getByLabelText(en.audit.filter.from), { target: { value: '2026-11-10' } })
    fireEvent.change(screen.getByLabelText(en.audit.filter.to), { target: { value: '2026-11-01' } })
    fireEvent.click(screen.getByRole('button', { name: en.audit.apply }))
    expect(await screen.findByText(en.audit.reversed)).toBeTruthy()
    expect(seen.filter((r) => r.url.pathname === '/api/v1/admin/audit').length).toBe(
      seen.slice(0, before).filter((r) => r.url.pathname === '/api/v1/admin/audit').length,
    )
  })
})
