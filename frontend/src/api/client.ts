import createClient, { type Middleware } from 'openapi-fetch'
import { currentLanguage } from '../i18n'
import type { components, paths } from './schema'

/** Schemas of the API, by name (generated from /api/openapi.json). */
export type Schemas = components['schemas']

/** An API answer that is not a success, with its RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | undefined

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

/** The problem+json body of an error, as far as the app reads it. */
export interface Problem {
  title?: string
  detail?: string
  status?: number
  errors?: { message?: string; location?: string }[] | null
}

// Labels and error messages come back in the interface language.
const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage())
    return request
  },
}

/** Makes the API client for the page's own origin (the Go server serves both). */
export function makeApiClient(baseUrl = typeof window === 'undefined' ? '' : window.location.origin) {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'include',
    // Looked up at each call, not captured once, so tests may stub it.
    fetch: (request) => globalThis.fetch(request),
  })
  client.use(acceptLanguage)
  return client
}

/** The app's API client: same origin, session cookie included. */
export const api = makeApiClient()

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError carrying the
 * problem (TanStack Query shows it through the page's error state).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, asProblem(result.error))
  }
  return result.data as T
}

function asProblem(value: unknown): Problem | undefined {
  return value !== null && typeof value === 'object' ? (value as Problem) : undefined
}
