// Shared by the supplier area's unit tests: a signed-in member of a
// supplier organisation, and a fetch stub that also keeps request bodies.
import { vi } from 'vitest'
import { fakeApi, type FakeAnswer } from '../../test/fakeApi'

// jsdom has no document.fonts; Mantine's autosizing Textarea listens to it.
// (Kept here rather than in the shared test setup, which this area does not own.)
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
    configurable: true,
  })
}

export const ORG = {
  id: 'org1',
  kind: 'sse_supplier',
  country: 'FR',
  legal_name: 'ESAT du Val',
  status: 'active',
  role: 'owner',
}

/** A request as sent: method, path and parsed JSON body. */
export interface SentRequest {
  method: string
  path: string
  body: unknown
}

/**
 * supplierApi fakes the API for a signed-in supplier member plus routes;
 * it returns the requests sent, with their JSON bodies.
 */
export function supplierApi(routes: Record<string, (url: URL) => FakeAnswer | Promise<FakeAnswer>>): SentRequest[] {
  fakeApi({
    'GET /api/v1/me': () => ({
      body: { id: 'u1', email: 'a@b.c', display_name: 'Claire', language: 'en', platform_role: 'user', active_organisation_id: ORG.id },
    }),
    'GET /api/v1/me/organisations': () => ({ body: { items: [ORG], next_cursor: '' } }),
    'GET /api/v1/sectors': () => ({
      body: { items: [{ code: 'cleaning', label: 'Cleaning', sectors: [{ code: 'cleaning.offices', label: 'Office cleaning', cpv: [] }] }] },
    }),
    ...routes,
  })
  const inner = globalThis.fetch
  const sent: SentRequest[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const text = await request.clone().text()
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? (JSON.parse(text) as unknown) : undefined })
    return inner(request)
  })
  return sent
}
