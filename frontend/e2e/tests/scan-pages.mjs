// The page scan shared by the accessibility test files (split so that each
// file stays well within the runner's per-file bound on a loaded machine).

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { describeViolations, env, launchBrowser, openPage, scan, screenshot, visit } from '../browser.mjs'

// English at both widths; the other languages (longer words, other layouts)
// at the desktop width.
const RUNS = [
  { lang: 'en', viewport: 'desktop' },
  { lang: 'en', viewport: 'mobile' },
  { lang: 'fr', viewport: 'desktop' },
  { lang: 'de', viewport: 'desktop' },
  { lang: 'nl', viewport: 'desktop' },
]

/**
 * scanPages opens each page in each run: it must answer 200 in the right
 * language without script or console errors, and pass axe-core without a
 * serious or critical violation; a screenshot is written for people.
 * selfCheck first proves on a page known to be wrong that the scan finds.
 */
export function scanPages(title, pages, { selfCheck = false } = {}) {
  const { baseURL, chromiumPath, output } = env()
  describe(title, () => {
    let browser
    before(async () => {
      browser = await launchBrowser(chromiumPath)
    })
    after(async () => {
      await browser?.close()
    })

    if (selfCheck) {
      // The scan itself is checked on a page known to be wrong, so that a
      // harness that scans nothing cannot pass.
      test('the scan finds serious violations on a page known to have them', async () => {
        const page = await openPage(browser, { baseURL })
        try {
          await page.setContent(
            '<html><body><main><img src="x.png"><p style="color:#bbb;background:#fff">faint</p><input></main></body></html>',
          )
          const ids = (await scan(page)).blocking.map((v) => v.id).sort()
          assert.deepEqual(ids, ['color-contrast', 'document-title', 'html-has-lang', 'image-alt', 'label'])
        } finally {
          await page.context().close()
        }
      })
    }

    for (const { name, path } of pages) {
      for (const { lang, viewport } of RUNS) {
        test(`${name} (${path}) in ${lang} at ${viewport} width`, { timeout: 180_000 }, async () => {
          const page = await openPage(browser, { baseURL, lang, viewport })
          try {
            const response = await visit(page, path)
            assert.equal(response.status(), 200, `GET ${path}`)
            await screenshot(page, output, `${name}-${lang}-${viewport}`)
            assert.equal(await page.evaluate(() => document.documentElement.lang), lang, '<html lang>')
            assert.deepEqual(page.errors, [], 'uncaught script errors')
            assert.deepEqual(page.consoleErrors, [], 'console errors')
            const { blocking, other } = await scan(page)
            if (other.length > 0) {
              console.log(`${name} ${lang} ${viewport}: minor or moderate axe findings (not failing):\n${describeViolations(other)}`)
            }
            assert.ok(blocking.length === 0, `serious or critical axe violations on ${path}:\n${describeViolations(blocking)}`)
          } finally {
            await page.context().close()
          }
        })
      }
    }
  })
}

/** ACCOUNT_PAGES are the public pages of accounts, scanned in a file of their own. */
export const ACCOUNT_PAGES = new Set(['login', 'signup', 'reset-password', 'verify-email'])
