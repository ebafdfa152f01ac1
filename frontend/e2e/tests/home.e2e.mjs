// The home page: landmarks, the language switcher, and a language switch
// that changes the document language and every interface text.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, languageSwitcher, launchBrowser, openPage, switchLanguage, visibleTexts, visit } from '../browser.mjs'

const { baseURL, chromiumPath } = env()

describe('home page', () => {
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
      await visit(page, '/')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
      const english = await visibleTexts(page)
      assert.ok(english.length > 0, 'the home page shows some text')
      for (const lang of ['de', 'fr', 'nl']) {
        await switchLanguage(page, lang)
        await page.waitForFunction((l) => document.documentElement.lang === l, lang)
        const texts = await visibleTexts(page)
        const unchanged = texts.filter((t) => english.includes(t))
        assert.deepEqual(unchanged, [], `texts still in English after switching to ${lang}`)
      }
      // The choice outlives a reload, over the browser's language.
      await page.reload()
      await page.locator('main').waitFor()
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl')
    }))

  // A shared decision of issue 7 that the app may not implement yet: until
  // it reads ?lang= at all, the test is reported as a todo (it does not fail
  // the run); from then on, every language must work.
  test('?lang= picks the language over the browser and the stored choice', (t) =>
    withPage({ lang: 'en' }, async (page) => {
      await visit(page, '/?lang=de')
      if ((await page.evaluate(() => document.documentElement.lang)) === 'en') {
        t.todo('the app does not read ?lang= yet')
        return
      }
      await switchLanguage(page, 'fr') // a stored choice, which ?lang= overrides
      for (const lang of ['de', 'nl', 'en', 'fr']) {
        await visit(page, `/?lang=${lang}`)
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang)
      }
    }))
})
