import type { Schemas } from '../../api/client'

// The calls themselves go through the generated client (src/api/client.ts).

/** How one category of notification is emailed. */
export type Delivery = 'immediately' | 'daily_digest' | 'off'
export const DELIVERIES: Delivery[] = ['immediately', 'daily_digest', 'off']

/** A saved search. */
export type SavedSearch = Schemas['SavedSearchBody']

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
