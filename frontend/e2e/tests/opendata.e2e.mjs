// Open data: the public statistics page draws its charts (each with a
// table view), the API documentation page lists and filters the API's
// operations, and the OCDS packages are served; every page passes axe.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { describeViolations, env, launchBrowser, openPage, scan, screenshot, visit } from '../browser.mjs'
import { api } from '../demo.mjs'

const { baseURL, chromiumPath, output } = env()

/** The operations of the OpenAPI document, as the page counts them. */
async function operationCount() {
  const doc = await api(baseURL, '/api/openapi.json')
  let n = 0
  for (const item of Object.values(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (item[method]) n++
  }
  return n
}

describe('open data', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  test('the OCDS release package lists the demo tenders', async () => {
    const pkg = await api(baseURL, '/api/v1/ocds/releases?limit=5')
    assert.equal(pkg.version, '1.1')
    assert.ok(pkg.releases.length > 0, 'releases in the demo data')
    for (const r of pkg.releases) assert.match(r.ocid, /^ocds-passerelle-/)
    const one = await api(baseURL, `/api/v1/ocds/tenders/${pkg.releases[0].tender.id}`)
    assert.equal(one.releases[0].ocid, pkg.releases[0].ocid)
  })

  for (const viewport of ['desktop', 'mobile']) {
    test(`statistics page draws its charts and shows them as tables (${viewport})`, async () => {
      const stats = await api(baseURL, '/api/v1/statistics')
      assert.ok(stats.tenders > 0 && stats.suppliers > 0, 'figures in the demo data')
      const page = await openPage(browser, { baseURL, lang: 'en', viewport })
      try {
        await visit(page, '/statistics')
        const main = page.getByRole('main')
        await main.getByRole('heading', { level: 1, name: 'Public statistics' }).waitFor()
        const figures = main.getByRole('region', { name: 'Key figures' })
        await figures.getByText(new Intl.NumberFormat('en').format(stats.tenders), { exact: true }).first().waitFor()
        // Every chart is drawn, with bars.
        const charts = main.getByRole('img', { name: /^Chart: / })
        assert.equal(await charts.count(), 5)
        await main.locator('.recharts-bar-rectangle').first().waitFor()
        await screenshot(page, output, `statistics-${viewport}`)

        const { blocking, other } = await scan(page)
        assert.equal(blocking.length, 0, `axe on /statistics (${viewport}):\n${describeViolations(blocking)}`)
        if (other.length) console.log(`axe (minor) on /statistics:\n${describeViolations(other)}`)

        // The table view of suppliers by country holds the API's figures.
        const section = main.getByRole('region', { name: 'SSE suppliers by country' })
        await section.getByRole('button', { name: 'Show as a table' }).click()
        const table = section.getByRole('table', { name: 'SSE suppliers by country' })
        await table.waitFor()
        assert.equal(await table.getByRole('row').count(), stats.suppliers_by_country.length + 1)
        assert.equal(await section.getByRole('img', { name: /^Chart: / }).count(), 0)
        const scanTable = await scan(page)
        assert.equal(scanTable.blocking.length, 0, `axe with a table shown:\n${describeViolations(scanTable.blocking)}`)
        await section.getByRole('button', { name: 'Show as a chart' }).click()
        await section.getByRole('img', { name: /^Chart: / }).waitFor()
        assert.deepEqual(page.errors, [])
        assert.deepEqual(page.consoleErrors, [])
      } finally {
        await page.context().close()
      }
    })
  }

  test('statistics page speaks the reader language (de)', async () => {
    const page = await openPage(browser, { baseURL, lang: 'de' })
    try {
      await visit(page, '/statistics')
      await page.getByRole('heading', { level: 1, name: 'Öffentliche Statistik' }).waitFor()
      await page.getByRole('button', { name: 'Als Tabelle anzeigen' }).first().waitFor()
    } finally {
      await page.context().close()
    }
  })

  test('developers page lists the operations and filters them', async () => {
    const total = await operationCount()
    const page = await openPage(browser, { baseURL, lang: 'en' })
    try {
      await visit(page, '/developers')
      const main = page.getByRole('main')
      await main.getByRole('heading', { level: 1, name: 'API documentation' }).waitFor()
      await main.getByText(`${total} operations`, { exact: true }).waitFor()
      assert.equal(await main.getByRole('heading', { level: 3 }).count(), total)
      const download = main.getByRole('link', { name: 'Download the OpenAPI description (JSON)' })
      assert.equal(await download.getAttribute('href'), '/api/openapi.json')
      await screenshot(page, output, 'developers-desktop')
      const { blocking } = await scan(page)
      assert.equal(blocking.length, 0, `axe on /developers:\n${describeViolations(blocking)}`)

      await main.getByRole('searchbox', { name: 'Filter operations' }).fill('ocds')
      await main.getByText('2 operations', { exact: true }).waitFor()
      assert.equal(await main.getByRole('heading', { level: 3 }).count(), 2)
      await main.getByRole('heading', { level: 3, name: 'GET /api/v1/ocds/releases' }).waitFor()

      // An operation's details open from the keyboard.
      const details = main.locator('[data-operation="get-ocds-tender"] summary')
      await details.focus()
      await page.keyboard.press('Enter')
      await main.locator('[data-operation="get-ocds-tender"]').getByRole('heading', { level: 4, name: 'Responses' }).waitFor()

      await main.getByRole('searchbox', { name: 'Filter operations' }).fill('no-such-operation')
      await main.getByText('No operation matches this filter.').waitFor()
      assert.deepEqual(page.errors, [])
    } finally {
      await page.context().close()
    }
  })

  test('the footer links to the open data pages', async () => {
    const page = await openPage(browser, { baseURL, lang: 'en' })
    try {
      await visit(page, '/')
      const footer = page.getByRole('contentinfo')
      await footer.getByRole('link', { name: 'Statistics' }).click()
      await page.getByRole('heading', { level: 1, name: 'Public statistics' }).waitFor()
      await footer.getByRole('link', { name: 'API and open data' }).click()
      await page.getByRole('heading', { level: 1, name: 'API documentation' }).waitFor()
    } finally {
      await page.context().close()
    }
  })
})
