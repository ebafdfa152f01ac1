// How long the search page takes to show results once typing pauses, on the
// demo data: a figure to read, not a pass mark (speed is measured, never
// asserted; the test asserts only that the results appear).
//
// For each query, the page is opened on /search, the query is typed key by
// key (a key every 60 ms, faster than the page's debounce, so only the pause
// after the last key starts a search), and the time is taken inside the
// browser from the last key's input event to the first frame where the
// result list shows the first hit of that query's answer. It includes the
// debounce (300 ms, DEBOUNCE_MS in SearchPage.tsx), the API call and the
// rendering. The figures are printed per query, then their median and max.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launchBrowser, openPage, visit } from '../browser.mjs'
import { search } from '../demo.mjs'

const { baseURL, chromiumPath } = env()

/** QUERIES are searches a buyer of the Grande Région would type, in the four languages. */
const QUERIES = [
  { lang: 'de', q: 'Reinigung' },
  { lang: 'fr', q: 'espaces verts' },
  { lang: 'en', q: 'catering' },
  { lang: 'nl', q: 'schoonmaak' },
  { lang: 'fr', q: 'blanchisserie' },
]

const KEY_DELAY_MS = 60

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

describe('search latency: from the typing pause to the results', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
    // The index is filled in the background after the first start.
    await search(baseURL, { q: QUERIES[0].q })
  })
  after(async () => {
    await browser?.close()
  })

  test(`typing ${QUERIES.length} queries shows their results (times printed, not asserted)`, async () => {
    const figures = []
    for (const { lang, q } of QUERIES) {
      const page = await openPage(browser, { baseURL, lang })
      try {
        await visit(page, '/search')
        const field = page.getByRole('searchbox')
        await field.click()
        // The last input event's time, in the page's clock.
        await page.evaluate(() => {
          window.__lastInput = 0
          document.addEventListener('input', (event) => (window.__lastInput = event.timeStamp), true)
        })
        const answered = page.waitForResponse(
          (res) => {
            const url = new URL(res.url())
            return url.pathname === '/api/v1/search' && url.searchParams.get('q') === q && !url.searchParams.has('cursor')
          },
          // Generous: the time is printed, not asserted, and a loaded
          // machine (a CI run beside others) may be slow to answer.
          { timeout: 30_000 },
        )
        await field.pressSequentially(q, { delay: KEY_DELAY_MS })
        const body = await answered.then(
          (res) => res.json(),
          async (err) => {
            // Say what the page had when no answer came: the field and the URL.
            throw new Error(`no search answer for "${q}": field "${await field.inputValue()}", URL ${page.url()}: ${err.message}`)
          },
        )
        assert.ok(body.items.length > 0, `the demo data has results for "${q}"`)
        const first = body.items[0].title
        // The first frame where the list shows this query's first hit (the
        // previous list, for no query, is replaced by a loading state).
        const handle = await page.waitForFunction(
          ({ first, q }) => {
            if (new URLSearchParams(location.search).get('q') !== q) return false
            const title = document.querySelector('.result-list li:first-child .result-title')
            return title?.textContent === first ? performance.now() - window.__lastInput : false
          },
          { first, q },
          { polling: 'raf', timeout: 30_000 },
        )
        const ms = Math.round(await handle.jsonValue())
        figures.push(ms)
        console.log(`search latency: "${q}" (${lang}): ${ms} ms to ${body.total} result(s), first "${first}"`)
      } finally {
        await page.context().close()
      }
    }
    console.log(
      `search latency over ${figures.length} queries: median ${median(figures)} ms, max ${Math.max(...figures)} ms ` +
        '(from the last key to the results shown, debounce included)',
    )
  })
})
