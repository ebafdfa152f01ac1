// The home page's landmarks and language switcher; on every public page, a
// language switch changes the document language and every interface text.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoPages } from '../demo.mjs'
import { env, languageSwitcher, launchBrowser, openPage, switchLanguage, visibleTexts, visit } from '../browser.mjs'

const { baseURL, chromiumPath } = env()
const pages = await demoPages(baseURL)

/**
 * expectSwitchTranslatesAll opens path in English, then switches to German,
 * French and Dutch: <html lang> follows, and no English text is still shown
 * in all three. (One language alone may share a word with English:
 * "Luxembourg" in French.) Data (organisations' names, listings) is shown as
 * written and left out.
 */
async function expectSwitchTranslatesAll(page, path) {
  await visit(page, path)
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
  const english = await visibleTexts(page)
  assert.ok(english.length > 0, 'the page shows some text')
  let untranslated = english
  for (const lang of ['de', 'fr', 'nl']) {
    await switchLanguage(page, lang)
    await page.waitForFunction((l) => document.documentElement.lang === l, lang)
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
    const texts = await visibleTexts(page)
    const data = [...(await page.dataTexts())]
    const isData = (t) => {
      const core = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      return data.some((d) => d.includes(core))
    }
    untranslated = untranslated.filter((t) => texts.includes(t) && !isData(t))
  }
  assert.deepEqual(untranslated, [], 'English texts left in German, French and Dutch')
}

describe('home page and language switch', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  async function withPage(options, fn) {
    const page = await openPage(browser, { baseURL, ...options })
    try {
      await fn(page)
    } finally {
      await page.context().close()
    }
  }

  test('loads, with one <main>, a level-one heading and a language switcher', () =>
    withPage({}, async (page) => {
      const response = await visit(page, '/')
      assert.equal(response.status(), 200)
      assert.equal(await page.getByRole('main').count(), 1, 'exactly one main landmark')
      assert.ok(await page.getByRole('heading', { level: 1 }).first().isVisible(), 'a visible <h1>')
      assert.ok(await languageSwitcher(page).isVisible(), 'a visible language switcher')
      assert.deepEqual(page.errors, [])
    }))

  test('starts in the browser language', async () => {
    for (const lang of ['fr', 'de', 'en', 'nl']) {
      await withPage({ lang }, async (page) => {
        await visit(page, '/')
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang)
      })
    }
  })

  test('the switcher changes <html lang> and every interface text, and is remembered', () =>
    withPage({ lang: 'en' }, async (page) => {
      await expectSwitchTranslatesAll(page, '/')
      // The choice outlives a reload, over the browser's language.
      await page.reload()
      await page.locator('main').waitFor()
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl')
    }))

  for (const { name, path } of pages.filter((p) => p.name !== 'home')) {
    test(`the switcher translates every interface text of the ${name} page`, () =>
      withPage({ lang: 'en' }, (page) => expectSwitchTranslatesAll(page, path)))
  }

  test('?lang= picks the language over the browser and the stored choice', () =>
    withPage({ lang: 'en' }, async (page) => {
      await visit(page, '/?lang=de')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'over the browser’s English')
      await switchLanguage(page, 'fr') // a stored choice, which ?lang= overrides
      for (const lang of ['de', 'nl', 'en', 'fr']) {
        await visit(page, `/?lang=${lang}`)
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang)
      }
    }))
})
