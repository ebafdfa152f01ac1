// Cross-language search: a German query finds a French offer, through the
// API and through the search page.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launchBrowser, openPage, screenshot, visit } from '../browser.mjs'
import { search } from '../demo.mjs'

const { baseURL, chromiumPath, output } = env()

/** frenchOffers are the offers written in French that the German query finds. */
async function frenchOffersFor(query) {
  const body = await search(baseURL, { q: query, lang: 'de', limit: '20' })
  return body.items.filter((hit) => hit.kind === 'offer' && hit.language === 'fr')
}

describe('a German query finds a French offer', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  test('through the API: "Reinigung" finds offers written in French, through a translation', async () => {
    const french = await frenchOffersFor('Reinigung')
    assert.ok(french.length > 0, 'no French offer among the first 20 hits for "Reinigung"')
    assert.ok(
      french.every((hit) => hit.translated),
      'a French offer found by a German word is marked as matched through a translation',
    )
  })

  test('through the search page: typing "Reinigung" shows a French offer', async (t) => {
    const titles = (await frenchOffersFor('Reinigung')).map((hit) => hit.title)
    const page = await openPage(browser, { baseURL, lang: 'de' })
    try {
      await visit(page, '/search')
      // The search page is being built (issue 7): until it has a search
      // field, this test has nothing to type into and says so.
      const field = page
        .getByRole('searchbox')
        .or(page.getByRole('search').getByRole('textbox'))
        .or(page.getByRole('main').getByRole('textbox'))
        .first()
      if ((await field.count()) === 0) {
        t.skip('the search page has no search field yet')
        return
      }
      await field.fill('Reinigung')
      await field.press('Enter')
      const main = page.getByRole('main')
      const anyFrenchOffer = titles
        .map((title) => main.getByText(title, { exact: false }))
        .reduce((either, one) => either.or(one))
      await anyFrenchOffer.first().waitFor({ state: 'visible', timeout: 10_000 })
      assert.match(page.url(), /[?&]q=Reinigung/, 'the query is in the URL, which can be shared')
      await screenshot(page, output, 'search-Reinigung-de-desktop')
    } finally {
      await page.context().close()
    }
  })
})
