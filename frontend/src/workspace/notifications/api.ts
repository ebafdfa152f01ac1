import { ApiError, type Problem, type Schemas } from '../../api/client'
import { currentLanguage } from '../../i18n'

// The shapes of the notification and saved-search answers, from the
// generated API types (so that they cannot drift from the API).

/** One notification. */
export type Notification = Schemas['NotificationBody']

/** A page of a list answer. */
export interface Page<T> {
  items: T[] | null
  next_cursor: string
}

/** How one category is emailed. */
export type Preference = Schemas['PreferenceBody']

export type Delivery = 'immediately' | 'daily_digest' | 'off'
export const DELIVERIES: Delivery[] = ['immediately', 'daily_digest', 'off']

/** A saved search. */
export type SavedSearch = Schemas['SavedSearchBody']

/**
 * Calls the API on the page's origin with the session cookie and the
 * interface language, as the generated client does; an error answer throws
 * ApiError with its problem.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const base = typeof window === 'undefined' ? '' : window.location.origin
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await globalThis.fetch(
    new Request(`${base}${path}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? null : JSON.stringify(body),
    }),
  )
  const text = response.status === 204 ? '' : await response.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  if (!response.ok) {
    throw new ApiError(response.status, parsed && typeof parsed === 'object' ? (parsed as Problem) : undefined)
  }
  return parsed as T
}

/** A link the API gives (a path, or a URL on this site) as an in-app path. */
export function appPath(link: string): string {
  try {
    const base = typeof window === 'undefined' ? 'http://localhost' : window.location.origin
    const url = new URL(link, base)
    // Never a path the router would take for another site ("//evil.com").
    if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
