import { ApiError, type Problem } from '../../api/client'
import { currentLanguage } from '../../i18n'

// The notification and saved-search routes are missing from the generated
// API types: `passerelle openapi` describes the API without a database and
// leaves out the operations whose services need one. Until it lists them,
// their shapes are written here from the served /api/openapi.json.

/** One notification (NotificationBody). */
export interface Notification {
  id: string
  category: string
  kind: string
  title: string
  link: string
  data: Record<string, unknown>
  created_at: string
  read_at?: string
  email_state: 'none' | 'sent' | 'digest_pending' | 'digested'
}

/** A page of a list answer. */
export interface Page<T> {
  items: T[] | null
  next_cursor: string
}

/** How one category is emailed (PreferenceBody). */
export interface Preference {
  category: string
  label: string
  delivery: Delivery
  default: boolean
}

export type Delivery = 'immediately' | 'daily_digest' | 'off'
export const DELIVERIES: Delivery[] = ['immediately', 'daily_digest', 'off']

/** A saved search (SavedSearchBody). */
export interface SavedSearch {
  id: string
  name: string
  query: string
  search_url: string
  lang: 'fr' | 'de' | 'en' | 'nl'
  alerts: boolean
  created_at: string
  updated_at: string
  last_alert_at: string
  organisation_id?: string
}

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
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
