import { vi } from 'vitest'

/** One answer of the fake API: a JSON body and a status (200 by default). */
export interface FakeAnswer {
  status?: number
  body?: unknown
}

/** A request the app sent, as the fake API saw it. */
export interface SeenRequest {
  method: string
  url: URL
  headers: Headers
  /** The request's body as text ('' without one). */
  body: string
}

/**
 * Stubs fetch with a table of handlers by "METHOD /path" (the HTTP API is
 * faked in unit tests only; the end-to-end tests use the real server).
 * Unknown routes answer 404 problem+json. Returns the requests seen.
 */
export function fakeApi(routes: Record<string, (url: URL) => FakeAnswer | Promise<FakeAnswer>>): SeenRequest[] {
  const seen: SeenRequest[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const url = new URL(request.url)
    const entry: SeenRequest = { method: request.method, url, headers: request.headers, body: '' }
    seen.push(entry) // in the order sent, before reading the body
    entry.body = await request.clone().text()
    const handler = routes[`${request.method} ${url.pathname}`]
    const answer = handler ? await handler(url) : { status: 404, body: { title: 'Not Found', status: 404 } }
    const status = answer.status ?? 200
    const type = status >= 400 ? 'application/problem+json' : 'application/json'
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': type },
    })
  })
  return seen
}

/** A search answer with these hits. */
export function searchAnswer(items: unknown[], extra: Record<string, unknown> = {}): FakeAnswer {
  return {
    body: {
      items,
      total: items.length,
      language: 'en',
      language_detected: false,
      next_cursor: '',
      facets: {},
      ...extra,
    },
  }
}

/** A search hit with sensible defaults. */
export function hit(overrides: Record<string, unknown> = {}) {
  return {
    id: 'o1',
    kind: 'offer',
    title: 'Nettoyage de bureaux',
    snippet: 'Entretien <mark>nettoyage</mark> quotidien',
    language: 'fr',
    matched_language: 'fr',
    translated: false,
    organisation_name: 'ESAT du Val',
    country: 'FR',
    town: 'Metz',
    ...overrides,
  }
}
