import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/moderation/en.json'
import { fakeApi, type SeenRequest } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { queueFilters } from './QueuePage'

const me = { id: 'u1', email: 'm@example.org', display_name: 'Inès', language: 'en', platform_role: 'moderator', email_verified: true }
const myOrgs = { items: [{ id: 'own-org', kind: 'cluster', legal_name: 'Cluster', country: 'LU', role: 'owner' }] }

function item(overrides: Record<string, unknown>) {
  return {
    kind: 'tender',
    id: 't1',
    organisation_id: 'org-1',
    organisation_name: 'Ville de Metz',
    organisation_country: 'FR',
    title: 'Nettoyage des écoles',
    submitted_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    flags: [],
    decision_paths: [],
    ...overrides,
  }
}

let seen: SeenRequest[]
function queueRequests() {
  return seen.filter((r) => r.url.pathname === '/api/v1/moderation/queue').map((r) => r.url.searchParams)
}

// Whole-app renders: on a busy 2-core machine one can take longer than vitest's default 5 s.
describe('moderation queue', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en')
    seen = fakeApi({
      'GET /api/v1/me': () => ({ body: me }),
      'GET /api/v1/me/organisations': () => ({ body: myOrgs }),
      'GET /api/v1/moderation/queue': (url) => ({
        body: {
          items:
            url.searchParams.get('kind') === 'offer'
              ? [item({ kind: 'offer', id: 'o1', title: 'Jardins partagés', organisation_id: 'own-org' })]
              : [item({ flags: [{ kind: 'duplicate', detail: '0.93' }] })],
          next_cursor: '',
        },
      }),
    })
  })

  it('reads its filters from the address, and asks the API with them', async () => {
    renderApp('/workspace/moderation?kind=tender&country=LU')
    const link = await screen.findByRole('link', { name: 'Nettoyage des écoles' })
    expect(link.getAttribute('href')).toBe('/workspace/moderation/tenders/t1')
    expect(queueRequests().at(-1)?.get('kind')).toBe('tender')
    expect(queueRequests().at(-1)?.get('country')).toBe('LU')
    const card = link.closest('li')!
    expect(within(card).getByText(/Possible duplicate \(93\s?% similar\)/)).toBeTruthy()
    expect(within(card).getByText(/3 days ago/)).toBeTruthy()
  })

  it('asks again when a filter changes, and marks items of the moderator’s own organisation', async () => {
    renderApp('/workspace/moderation')
    await screen.findByRole('link', { name: 'Nettoyage des écoles' })
    expect(queueRequests().at(-1)?.has('kind')).toBe(false)
    fireEvent.change(screen.getByRole('combobox', { name: en.queue.kind }), { target: { value: 'offer' } })
    const link = await screen.findByRole('link', { name: 'Jardins partagés' })
    await waitFor(() => expect(queueRequests().at(-1)?.get('kind')).toBe('offer'))
    const card = link.closest('li')!
    expect(within(card).getByText(en.ownOrganisation.badge)).toBeTruthy()
    expect(within(card).getByText(en.ownOrganisation.body)).toBeTruthy()
  })

  it('ignores unknown filter values', () => {
    expect(queueFilters(new URLSearchParams('kind=bogus&country=us'))).toEqual({ kind: '', country: '' })
    expect(queueFilters(new URLSearchParams('kind=sse_status&country=be'))).toEqual({ kind: 'sse_status', country: 'BE' })
  })
})
