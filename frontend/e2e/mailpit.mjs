// Reading the emails the product sent, from its own Mailpit (the HTTP API
// of Mailpit: https://mailpit.axllent.org/docs/api-v1/).

import { setTimeout as sleep } from 'node:timers/promises'

/**
 * waitForEmail polls Mailpit until a message to `to` whose subject matches
 * `subject` (a RegExp) arrives after `since` (a Date), and returns it whole
 * (Subject, Text, HTML, To…). It fails after timeoutMs.
 */
export async function waitForEmail(mailpitURL, { to, subject, since = new Date(0), timeoutMs = 60_000 }) {
  if (!mailpitURL) throw new Error('no Mailpit: the product runs without one (E2E_MAILPIT_URL is empty)')
  const deadline = Date.now() + timeoutMs
  const seen = []
  for (;;) {
    const query = new URLSearchParams({ query: `to:"${to}"`, limit: '50' })
    const res = await fetch(`${mailpitURL}/api/v1/search?${query}`, { signal: AbortSignal.timeout(10_000) })
    if (!res.ok) throw new Error(`Mailpit search: ${res.status} ${await res.text()}`)
    const { messages = [] } = await res.json()
    seen.length = 0
    for (const m of messages) {
      seen.push(m.Subject)
      if (new Date(m.Created) >= since && subject.test(m.Subject)) {
        const full = await fetch(`${mailpitURL}/api/v1/message/${m.ID}`, { signal: AbortSignal.timeout(10_000) })
        if (!full.ok) throw new Error(`Mailpit message ${m.ID}: ${full.status}`)
        return full.json()
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no email to ${to} matching ${subject} within ${timeoutMs / 1000} s; seen: ${seen.join(' | ') || 'none'}`)
    }
    await sleep(1_000)
  }
}
