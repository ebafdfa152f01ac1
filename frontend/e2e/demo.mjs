// Finding the demo listings the pages are tested on, through the public API
// (the ids change with every seed).

import { setTimeout as sleep } from 'node:timers/promises'

/** api GETs path (with its query string) and returns the decoded JSON body. */
export async function api(baseURL, path) {
  const res = await fetch(new URL(path, baseURL), { signal: AbortSignal.timeout(10_000) })
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

/**
 * search runs a search, waiting (up to timeoutMs) until it finds something:
 * the index is filled in the background right after the first start.
 */
export async function search(baseURL, params, timeoutMs = 60_000) {
  const path = `/api/v1/search?${new URLSearchParams(params)}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const body = await api(baseURL, path).catch((err) => ({ items: [], error: err }))
    if (body.items.length > 0 || Date.now() > deadline) return body
    await sleep(1_000)
  }
}

/**
 * demoPages returns the public pages to check, with real ids: the home page,
 * a search, an offer, a tender, a supplier's profile and the account pages.
 */
export async function demoPages(baseURL) {
  const [offers, tenders, suppliers] = await Promise.all(
    ['offer', 'tender', 'supplier'].map((kind) => search(baseURL, { kind, limit: '1' })),
  )
  for (const [kind, body] of [['offer', offers], ['tender', tenders], ['supplier', suppliers]]) {
    if (body.items.length === 0) throw new Error(`the search finds no ${kind} in the demo data`)
  }
  return [
    { name: 'home', path: '/' },
    { name: 'search', path: '/search?q=Reinigung' },
    { name: 'offer', path: `/offers/${offers.items[0].id}` },
    { name: 'tender', path: `/tenders/${tenders.items[0].id}` },
    { name: 'supplier', path: `/organisations/${suppliers.items[0].id}` },
    { name: 'login', path: '/login' },
    { name: 'signup', path: '/signup' },
    { name: 'reset-password', path: '/reset-password' },
    { name: 'verify-email', path: '/verify-email' },
  ]
}
