// Fixtures of the buyer area's unit tests (the API is faked there only).
import { vi } from 'vitest'
import type { FakeAnswer } from '../../test/fakeApi'
import { fakeApi } from '../../test/fakeApi'

export const ORG = 'org-buyer'

export function me(): FakeAnswer {
  return {
    body: {
      id: 'u1',
      email: 'achats@example.org',
      display_name: 'Sophie Muller',
      language: 'en',
      platform_role: 'user',
      email_verified: true,
      active_organisation_id: ORG,
    },
  }
}

export function myOrganisations(country = 'FR'): FakeAnswer {
  return {
    body: {
      items: [{ id: ORG, kind: 'public_buyer', country, legal_name: 'Agglomération du Val', status: 'active', role: 'owner' }],
      next_cursor: '',
    },
  }
}

export function lot(overrides: Record<string, unknown> = {}) {
  return {
    id: 'lot1',
    position: 1,
    title: 'Parcs urbains',
    description: '',
    description_html: '',
    cpv: ['77310000-6'],
    currency: 'EUR',
    clauses: { reserved_participation: 'res-ws', legal_bases: ['FR_L2113_12'], strategic_procurement: ['none'] },
    clause_labels: { reserved_participation: 'Reserved to sheltered workshops', legal_bases: ['L2113-12'], accessibility: '', reserved_execution: '', strategic_procurement: [] },
    ...overrides,
  }
}

export function tender(overrides: Record<string, unknown> = {}) {
  return {
    id: 't1',
    kind: 'formal_tender',
    language: 'fr',
    title: 'Entretien des espaces verts',
    description: 'Trois ans.',
    description_html: '<p>Trois ans.</p>',
    texts: [{ language: 'fr', title: 'Entretien des espaces verts', description: 'Trois ans.', original: true }],
    place_nuts: 'FRF33',
    place_town: 'Thionville',
    response_languages: ['fr'],
    questions_deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    responses_deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    buyer_anonymous: false,
    deadline_passed: false,
    document_ids: [],
    lots: [],
    organisation_country: 'FR',
    organisation_name: 'Agglomération du Val',
    state: 'draft',
    substance_version: 1,
    updated_at: new Date().toISOString(),
    ...overrides,
  }
}

/** A problem+json answer with field errors. */
export function fieldProblem(errors: { location: string; message: string }[], status = 422): FakeAnswer {
  return { status, body: { title: 'Unprocessable Entity', status, detail: 'The input is not valid.', errors } }
}

/**
 * fakeApi plus the JSON bodies the app sent, by "METHOD /path" (fakeApi's
 * handlers only see the URL).
 */
export function fakeApiWithBodies(routes: Parameters<typeof fakeApi>[0]) {
  const seen = fakeApi(routes)
  const inner = globalThis.fetch
  const bodies: Record<string, unknown[]> = {}
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const text = await request.clone().text()
    const key = `${request.method} ${new URL(request.url).pathname}`
    if (text) (bodies[key] ??= []).push(JSON.parse(text))
    return inner(request)
  })
  return { seen, bodies }
}
