// The impact dashboards (issue 10): the cluster's as the moderator and a
// buyer's own (achats.valdemoselle), on a desktop and a phone, with their
// charts drawn from the demo's past purchases (core/seed_impact.go), the
// table view of a chart, the period filter, and the downloads answering
// with their content types. Nothing is changed: the tests only read.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkPage, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()

describe('impact dashboards', () => {
  let browser

  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })

  after(async () => {
    await browser?.close()
  })

  for (const viewport of ['desktop', 'mobile']) {
    test(`the moderator sees the cluster's figures with charts (${viewport})`, async () => {
      const page = await openPage(browser, { baseURL, lang: 'en', viewport })
      try {
        await signIn(page, 'moderation')
        await visit(page, '/workspace/impact')
        await page.getByRole('heading', { level: 1, name: 'Impact of responsible purchasing' }).waitFor()
        await page.getByRole('heading', { level: 2, name: 'Key figures' }).waitFor()
        // Drawn charts: the bars of the countries and the months' line.
        const countries = page.getByRole('region', { name: 'By supplier country' })
        await countries.locator('.recharts-bar-rectangle').first().waitFor()
        assert.ok((await countries.locator('.recharts-bar-rectangle').count()) >= 3, 'a bar per supplier country')
        await page.getByRole('region', { name: 'By month' }).locator('.recharts-line-curve').waitFor()
        await page.getByRole('region', { name: 'Cross-border and domestic purchases' }).locator('.recharts-pie-sector').first().waitFor()
        if (viewport === 'desktop') {
          // The nav entry leads here.
          assert.equal(await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Impact' }).count(), 1)
        }
        await checkPage(page, output, `impact-cluster-${viewport}`)
      } finally {
        await page.context().close()
      }
    })
  }

  test('a chart shows as a table, and the period narrows the figures', async () => {
    const page = await openPage(browser, { baseURL, lang: 'en', viewport: 'desktop' })
    try {
      await signIn(page, 'moderation')
      await visit(page, '/workspace/impact')
      const countries = page.getByRole('region', { name: 'By supplier country' })
      await countries.locator('.recharts-bar-rectangle').first().waitFor()
      await countries.getByRole('button', { name: 'Show as a table' }).click()
      const table = countries.getByRole('table', { name: 'By supplier country' })
      await table.waitFor()
      assert.equal(await countries.locator('.recharts-bar-rectangle').count(), 0, 'the chart gives way to the table')
      for (const country of ['France', 'Germany', 'Luxembourg']) {
        await table.getByRole('rowheader', { name: country }).waitFor()
      }
      assert.equal(await countries.getByRole('button', { name: 'Show as a chart' }).getAttribute('aria-pressed'), 'true')
      await checkPage(page, output, 'impact-cluster-table-desktop')

      // A period before any purchase: nothing bought, said plainly.
      await page.getByRole('textbox', { name: 'From', exact: true }).fill('2001-01-01')
      await page.getByRole('textbox', { name: 'To', exact: true }).fill('2001-12-31')
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/impact?') && r.url().includes('from=2001-01-01'))
      await page.getByRole('button', { name: 'Show the figures' }).click()
      assert.equal((await answered).status(), 200)
      await page.getByText('No purchase in this period').waitFor()
      // An end before the start is refused as typed.
      await page.getByRole('textbox', { name: 'To', exact: true }).fill('2000-12-31')
      await page.getByText('The end of the period comes before its start').waitFor()
    } finally {
      await page.context().close()
    }
  })

  for (const viewport of ['desktop', 'mobile']) {
    test(`a buyer sees its own figures (${viewport})`, async () => {
      const page = await openPage(browser, { baseURL, lang: 'fr', viewport })
      try {
        const me = await signIn(page, 'achats.valdemoselle')
        await visit(page, '/workspace/buyer/impact')
        await page.getByRole('heading', { level: 1, name: 'Notre impact' }).waitFor()
        await page.getByRole('navigation', { name: /acheteur/i }).getByRole('link', { name: 'Notre impact' }).waitFor()
        const countries = page.getByRole('region', { name: 'Par pays du fournisseur' })
        await countries.locator('.recharts-bar-rectangle').first().waitFor()
        await checkPage(page, output, `impact-buyer-${viewport}`)
        if (viewport === 'desktop') {
          const orgs = await (await page.request.get('/api/v1/me/organisations')).json()
          const orgID = orgs.items[0].id
          // Its figures are its own; another buyer's are not found.
          const own = await page.request.get(`/api/v1/organisations/${orgID}/impact`)
          assert.equal(own.status(), 200)
          assert.equal((await own.json()).awards.count, 4)
          const res = await page.request.get('/api/v1/impact')
          assert.equal(res.status(), 403, `the cluster's figures are not for ${me.email ?? 'a buyer'}`)
        }
      } finally {
        await page.context().close()
      }
    })
  }

  test('the downloads answer with their content types', async () => {
    const page = await openPage(browser, { baseURL, lang: 'de', viewport: 'desktop' })
    try {
      await signIn(page, 'moderation')
      await visit(page, '/workspace/impact')
      await page.getByRole('heading', { level: 2, name: 'Downloads' }).waitFor()
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'PDF-Bericht' }).click()
      assert.match((await download).suggestedFilename(), /^impact.*\.pdf$/)
      for (const [ext, type] of [
        ['csv', 'text/csv; charset=utf-8'],
        ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['pdf', 'application/pdf'],
      ]) {
        const res = await page.request.get(`/api/v1/impact.${ext}`, { headers: { 'Accept-Language': 'de' } })
        assert.equal(res.status(), 200, ext)
        assert.equal(res.headers()['content-type'], type, ext)
        const body = await res.body()
        if (ext === 'csv') assert.match(body.toString('utf8'), /^figure,dimension,key,label,value,unit\npurchases_amount,,,Einkäufe/)
        if (ext === 'pdf') assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-')
        if (ext === 'xlsx') assert.equal(body.subarray(0, 2).toString('latin1'), 'PK')
      }
    } finally {
      await page.context().close()
    }
  })
})
