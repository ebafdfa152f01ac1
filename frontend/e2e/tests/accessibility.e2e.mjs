// Every public page, in every language, at desktop and mobile widths: a
// screenshot for people to look at, and an axe-core scan that fails on any
// serious or critical violation.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { describeViolations, env, launchBrowser, openPage, scan, screenshot, visit } from '../browser.mjs'
import { demoPages } from '../demo.mjs'

const { baseURL, chromiumPath, output } = env()

// English at both widths; the other languages (longer words, other layouts)
// at the desktop width.
const RUNS = [
  { lang: 'en', viewport: 'desktop' },
  { lang: 'en', viewport: 'mobile' },
  { lang: 'fr', viewport: 'desktop' },
  { lang: 'de', viewport: 'desktop' },
  { lang: 'nl', viewport: 'desktop' },
]

const pages = await demoPages(baseURL)

describe('public pages: screenshots and axe-core', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

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

  for (const { name, path } of pages) {
    for (const { lang, viewport } of RUNS) {
      test(`${name} (${path}) in ${lang} at ${viewport} width`, async () => {
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
