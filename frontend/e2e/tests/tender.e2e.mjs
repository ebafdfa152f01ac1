// A tender page shows its lots' social clauses in the reader's language.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launchBrowser, openPage, screenshot, visit } from '../browser.mjs'
import { api, search } from '../demo.mjs'

const { baseURL, chromiumPath, output } = env()

/** tenderIn reads a tender as a reader of lang does (its clause labels follow Accept-Language). */
async function tenderIn(id, lang) {
  const res = await fetch(new URL(`/api/v1/tenders/${id}`, baseURL), {
    headers: { 'Accept-Language': lang },
    signal: AbortSignal.timeout(10_000),
  })
  assert.equal(res.status, 200)
  return res.json()
}

/** clauseLabels lists every clause label of every lot. */
function clauseLabels(tender) {
  return tender.lots.flatMap((lot) => Object.values(lot.clause_labels ?? {}).flat()).filter((label) => label)
}

describe('tender page', () => {
  let browser
  let tenderID
  before(async () => {
    browser = await launchBrowser(chromiumPath)
    // The first public tender whose lots have social clauses.
    const tenders = await search(baseURL, { kind: 'tender', limit: '50' })
    for (const hit of tenders.items) {
      const tender = await api(baseURL, `/api/v1/tenders/${hit.id}`)
      if (clauseLabels(tender).length > 0) {
        tenderID = hit.id
        break
      }
    }
    assert.ok(tenderID, 'a demo tender with social clauses')
  })
  after(async () => {
    await browser?.close()
  })

  for (const [lang, other] of [
    ['de', 'fr'],
    ['fr', 'en'],
  ]) {
    test(`shows the clauses in the reader's language (${lang}, not ${other})`, async () => {
      const tender = await tenderIn(tenderID, lang)
      const labels = clauseLabels(tender)
      const foreign = clauseLabels(await tenderIn(tenderID, other)).filter((label) => !labels.includes(label))
      const page = await openPage(browser, { baseURL, lang })
      try {
        await visit(page, `/tenders/${tenderID}`)
        const main = page.getByRole('main')
        // The title in the reader's language when the buyer wrote one, else the original.
        const title = (tender.texts ?? []).find((text) => text.language === lang)?.title ?? tender.title
        const heading = main.getByRole('heading', { level: 1 })
        await heading.waitFor({ state: 'visible' })
        assert.equal((await heading.textContent()).trim(), title, 'the tender page shows the tender')
        const shown = []
        for (const label of labels) if (await main.getByText(label).count()) shown.push(label)
        assert.ok(shown.length > 0, `none of the ${lang} clause labels is shown: ${labels.join(' | ')}`)
        const leaked = []
        for (const label of foreign) if (await main.getByText(label).count()) leaked.push(label)
        assert.deepEqual(leaked, [], `clause labels in ${other} on a page read in ${lang}`)
        await screenshot(page, output, `tender-clauses-${lang}-desktop`)
      } finally {
        await page.context().close()
      }
    })
  }
})
