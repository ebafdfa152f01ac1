// Search: a German query finds a French offer, and a filter narrows the
// results, through the API and through the search page.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launchBrowser, openPage, screenshot, visit } from '../browser.mjs'
import { search } from '../demo.mjs'

/** searchField finds the search page's query field, if it has one yet. */
function searchField(page) {
  return page
    .getByRole('searchbox')
    .or(page.getByRole('search').getByRole('textbox'))
    .or(page.getByRole('main').getByRole('textbox'))
    .first()
}

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

  test('through the search page: typing "Reinigung" shows a French offer', async () => {
    const titles = (await frenchOffersFor('Reinigung')).map((hit) => hit.title)
    const page = await openPage(browser, { baseURL, lang: 'de' })
    try {
      await visit(page, '/search')
      const field = searchField(page)
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

describe('a filter narrows the results', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  const query = { q: 'Reinigung', lang: 'de', limit: '50' }

  test('through the API: country=BE keeps only Belgian hits, fewer than without it', async () => {
    const all = await search(baseURL, query)
    const belgian = await search(baseURL, { ...query, country: 'BE' })
    assert.ok(belgian.items.length > 0, 'some Belgian hits')
    assert.ok(belgian.total < all.total, `${belgian.total} Belgian hits of ${all.total}`)
    assert.deepEqual([...new Set(belgian.items.map((hit) => hit.country))], ['BE'])
  })

  test('through the search page: /search?country=BE shows Belgian hits only', async () => {
    const all = await search(baseURL, query)
    const belgian = await search(baseURL, { ...query, country: 'BE' })
    const kept = new Set(belgian.items.map((hit) => hit.title))
    // A title only listings outside Belgium have (several share one title).
    const dropped = all.items.find((hit) => !kept.has(hit.title))
    assert.ok(dropped, 'a hit that the filter drops')
    const page = await openPage(browser, { baseURL, lang: 'de' })
    try {
      await visit(page, `/search?${new URLSearchParams({ q: query.q, lang: query.lang, country: 'BE' })}`)
      assert.equal(await searchField(page).inputValue(), query.q, 'the search field shows the query of the URL')
      const main = page.getByRole('main')
      await main.getByText(belgian.items[0].title).first().waitFor({ state: 'visible', timeout: 10_000 })
      assert.equal(await main.getByText(dropped.title).count(), 0, `"${dropped.title}" (${dropped.country}) is filtered out`)
      await screenshot(page, output, 'search-Reinigung-BE-de-desktop')
    } finally {
      await page.context().close()
    }
  })
})
