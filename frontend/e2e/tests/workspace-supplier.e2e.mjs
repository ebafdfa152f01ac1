// The supplier workspace, signed in as the demo ESAT (esat.saulnois): every
// page at desktop width (the main ones at mobile width too) passes checkPage,
// and the main forms work against the real product: an offer drafted and
// submitted, an SSE status added with a PDF and sent for verification, a
// question asked and a response with a PDF sent to a published demo tender.
// Each test creates its own data; no demo item other tests rely on changes
// state (the response goes to a lot nobody else's test answers).

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { checkPage, env, launchBrowser, openPage, screenshot, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const USER = 'esat.saulnois'
const BASE = '/workspace/supplier'

/**
 * tinyPDF is a valid one-page PDF (the server sniffs the content, so the
 * bytes must really be a PDF), with its cross-reference table computed.
 */
function tinyPDF(text) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`
  let body = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((content, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${content}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** signedInPage opens a page signed in as the demo supplier. */
async function signedInPage(browser, viewport = 'desktop') {
  const page = await openPage(browser, { baseURL, lang: 'en', viewport })
  await signIn(page, USER)
  return page
}

/** apiGet reads the API as the page's signed-in user. */
async function apiGet(page, path) {
  const res = await page.request.get(path, { headers: { 'Accept-Language': 'en' } })
  assert.ok(res.ok(), `GET ${path}: ${res.status()} ${await res.text()}`)
  return res.json()
}

describe('supplier workspace', () => {
  let browser
  let orgID
  let offerID
  let need // an open routed lot with a far deadline, for the response test
  before(async () => {
    browser = await launchBrowser(chromiumPath)
    const page = await signedInPage(browser)
    try {
      const orgs = await apiGet(page, '/api/v1/me/organisations')
      orgID = orgs.items.find((o) => o.kind === 'sse_supplier').id
      const offers = await apiGet(page, `/api/v1/organisations/${orgID}/offers?state=published&limit=1`)
      offerID = offers.items[0]?.id
      assert.ok(offerID, 'the demo supplier has a published offer')
      const needs = await apiGet(page, `/api/v1/organisations/${orgID}/needs?limit=100`)
      const responses = await apiGet(page, `/api/v1/organisations/${orgID}/responses?limit=100`)
      const answered = new Set(responses.items.map((r) => r.lot_id))
      const weekAhead = Date.now() + 7 * 86_400_000
      // The routed lot with the latest deadline that this supplier has not answered yet.
      need = needs.items
        .filter((n) => n.open && n.tender_state === 'published' && !answered.has(n.lot_id))
        .filter((n) => new Date(n.responses_deadline).getTime() > weekAhead)
        .sort((a, b) => b.responses_deadline.localeCompare(a.responses_deadline))[0]
      assert.ok(need, 'a published demo tender lot routed to the supplier, open for a week at least')
    } finally {
      await page.context().close()
    }
  })
  after(async () => {
    await browser?.close()
  })

  test('every page at desktop width, and the main ones at mobile width', async () => {
    const desktop = [
      ['overview', BASE],
      ['statuses', `${BASE}/statuses`],
      ['status-new', `${BASE}/statuses/new`],
      ['offers', `${BASE}/offers`],
      ['offer-new', `${BASE}/offers/new`],
      ['offer-edit', `${BASE}/offers/${offerID}`],
      ['needs', `${BASE}/needs`],
      ['tender', `${BASE}/tenders/${need.tender_id}`],
      ['responses', `${BASE}/responses`],
    ]
    const page = await signedInPage(browser)
    try {
      for (const [name, path] of desktop) {
        await visit(page, path)
        await page.getByRole('heading', { level: 1 }).first().waitFor()
        assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `${name}: one h1`)
        await page.getByRole('navigation', { name: 'Supplier workspace' }).waitFor()
        await checkPage(page, output, `workspace-supplier-${name}-desktop`)
      }
      // The statuses list links to each status's page.
      await visit(page, `${BASE}/statuses`)
      await page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link').click()
      await page.getByRole('heading', { name: 'Evidence' }).waitFor()
      await checkPage(page, output, 'workspace-supplier-status-desktop')
      // The empty filter says so.
      await visit(page, `${BASE}/offers?state=rejected`)
      await page.getByText('No offer in this state').waitFor()
      await screenshot(page, output, 'workspace-supplier-offers-empty-desktop')
    } finally {
      await page.context().close()
    }
    const mobile = [
      ['overview', BASE],
      ['needs', `${BASE}/needs`],
      ['offer-new', `${BASE}/offers/new`],
    ]
    const small = await signedInPage(browser, 'mobile')
    try {
      for (const [name, path] of mobile) {
        await visit(small, path)
        await small.getByRole('heading', { level: 1 }).first().waitFor()
        await checkPage(small, output, `workspace-supplier-${name}-mobile`)
      }
    } finally {
      await small.context().close()
    }
  })

  test('the public tender page leads a signed-in supplier to the answering page', async () => {
    const page = await signedInPage(browser)
    try {
      await visit(page, `/tenders/${need.tender_id}`)
      await page.getByRole('link', { name: 'Respond or ask a question' }).click()
      await page.waitForURL(`**${BASE}/tenders/${need.tender_id}`)
      await page.getByRole('heading', { name: 'Lots' }).waitFor()
    } finally {
      await page.context().close()
    }
  })

  test('an offer: a server field error on its field, then a draft saved and submitted', async () => {
    const page = await signedInPage(browser)
    const title = `Repassage et retouches ${Date.now()}`
    try {
      await visit(page, `${BASE}/offers/new`)
      await page.getByLabel('Written in').selectOption('fr')
      // Client-side rules first: empty title and description, told as the user submits.
      await page.getByRole('button', { name: 'Save the draft' }).click()
      const titleField = page.getByLabel('Title in French')
      assert.equal(await titleField.getAttribute('aria-invalid'), 'true')
      await titleField.fill(title)
      await page.getByLabel('Description in French').fill('Repassage du linge de vos équipes, retouches et petits travaux de couture.')
      // A translation beside the original: a title without its description is refused.
      await page.getByLabel('Title in German').fill('Bügeln und Änderungen')
      await page.getByRole('button', { name: 'Save the draft' }).click()
      await page.getByText('A translation needs both a title and a description').waitFor()
      await page.getByLabel('Description in German').fill('Bügeln der Wäsche Ihrer Teams, Änderungen und kleine Näharbeiten.')
      // A region the server does not know: its message shows under the regions field.
      await page.getByLabel('Listed regions').check()
      const regions = page.getByLabel('Regions (NUTS codes)')
      await regions.fill('ZZ9')
      await page.getByRole('button', { name: 'Save the draft' }).click()
      await page.getByText('"ZZ9" is not a current NUTS region').waitFor()
      assert.equal(await regions.getAttribute('aria-invalid'), 'true')
      const describedBy = (await regions.getAttribute('aria-describedby')) ?? ''
      const descriptions = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()))
      assert.ok(descriptions.some((text) => text.includes('ZZ9')), `the regions field is described by its error: ${descriptions}`)
      // Fixed: the whole country, a sector, saved as a draft.
      await page.getByLabel('The whole country').check()
      const sectors = await apiGet(page, '/api/v1/sectors')
      const sector = sectors.items[0].sectors[0].label
      const sectorField = page.getByRole('combobox', { name: 'Sectors' })
      await sectorField.click()
      await sectorField.fill(sector.slice(0, 12))
      await page.getByRole('option', { name: sector }).first().click()
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Save the draft' }).click()
      await page.waitForURL(/\/workspace\/supplier\/offers\/[0-9a-f-]{36}$/)
      await page.getByText('Draft', { exact: true }).first().waitFor()
      assert.equal(await page.getByLabel('Title in German').inputValue(), 'Bügeln und Änderungen')
      // Submitted: waiting for a moderator, and read-only meanwhile.
      await page.getByRole('button', { name: 'Submit for publication' }).click()
      await page.getByText('Waiting for a moderator', { exact: true }).first().waitFor()
      assert.equal(await page.getByLabel('Title in French').isDisabled(), true)
      await screenshot(page, output, 'workspace-supplier-offer-pending-desktop')
      await visit(page, `${BASE}/offers?state=pending`)
      await page.getByRole('link', { name: title }).waitFor()
    } finally {
      await page.context().close()
    }
  })

  test('an SSE status: a server field error, then added with a PDF and sent for verification', async () => {
    const page = await signedInPage(browser)
    try {
      // A type the organisation has no status of yet (one status per type).
      const have = new Set((await apiGet(page, `/api/v1/organisations/${orgID}/sse-statuses`)).items.map((s) => s.type))
      const types = (await apiGet(page, '/api/v1/sse-status-types?country=FR')).items
      const type = types.find((x) => x.category === 'sheltered' && !have.has(x.code)) ?? types.find((x) => !have.has(x.code))
      assert.ok(type, 'a French status type the demo supplier does not have')
      await visit(page, `${BASE}/statuses/new`)
      await page.getByLabel('Type of status').selectOption(type.code)
      await page.getByLabel('Approval or registration number').fill(`EA-57-${Date.now()}`)
      const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)
      await page.getByLabel('Valid until').fill(nextYear)
      // A share measured in the future: the server refuses it on its field.
      await page.getByLabel('Share of disabled or disadvantaged workers').fill('62')
      const measured = page.getByLabel('Share measured on')
      await measured.fill(nextYear)
      await page.getByRole('button', { name: 'Add the status' }).click()
      await page.getByText('this date is in the future').waitFor()
      assert.equal(await measured.getAttribute('aria-invalid'), 'true')
      await measured.fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10))
      await page.getByRole('button', { name: 'Add the status' }).click()
      await page.waitForURL(/\/workspace\/supplier\/statuses\/[0-9a-f-]{36}$/)
      await page.getByText('Not yet sent for verification', { exact: true }).first().waitFor()
      assert.equal(await page.getByRole('button', { name: 'Request verification' }).isDisabled(), true)
      // A text file is refused before anything is sent.
      const evidence = page.getByLabel('Evidence document (approval, certificate)')
      await evidence.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a PDF') })
      await page.getByText('This type of file is not accepted here').waitFor()
      await evidence.setInputFiles({ name: 'agrement-ea.pdf', mimeType: 'application/pdf', buffer: tinyPDF('Agrement EA') })
      await page.getByRole('link', { name: 'agrement-ea.pdf' }).waitFor()
      await page.getByRole('button', { name: 'Request verification' }).click()
      await page.getByText('Waiting for a moderator', { exact: true }).first().waitFor()
      await screenshot(page, output, 'workspace-supplier-status-pending-desktop')
    } finally {
      await page.context().close()
    }
  })

  test('a routed need: not interested with a reason (required), then interested', async () => {
    const page = await signedInPage(browser)
    try {
      await visit(page, `${BASE}/needs`)
      const card = page
        .locator('li.supplier-card')
        .filter({ has: page.getByRole('link', { name: need.tender_title }) })
        .filter({ has: page.getByRole('heading', { name: need.lot_title }) })
        .first()
      await card.getByRole('button', { name: `Not interested in ${need.lot_title}` }).click()
      await card.getByRole('button', { name: 'Send' }).click()
      const reason = card.getByLabel('Why not?')
      assert.equal(await reason.getAttribute('aria-invalid'), 'true')
      await reason.selectOption('no_capacity')
      await card.getByLabel('A word for the buyer').fill('Our team is fully booked until March.')
      await card.getByRole('button', { name: 'Send' }).click()
      await card.getByText('No capacity at the moment').waitFor()
      await card.getByText('Not interested', { exact: true }).first().waitFor()
      await card.getByRole('button', { name: `Interested in ${need.lot_title}`, exact: true }).click()
      await card.getByText('Interested', { exact: true }).first().waitFor()
      assert.equal(await card.getByRole('button', { name: `Interested in ${need.lot_title}`, exact: true }).isDisabled(), true)
    } finally {
      await page.context().close()
    }
  })

  test('a tender: a question asked, a response drafted with a PDF and sent', async () => {
    const page = await signedInPage(browser)
    try {
      await visit(page, `${BASE}/tenders/${need.tender_id}`)
      const question = `Can the work start in the second week of January? (${Date.now()})`
      await page.getByLabel('Your question to the buyer').fill(question)
      await page.getByRole('button', { name: 'Send the question' }).click()
      await page.getByText('Your question was sent to the buyer.').waitFor()
      await page.getByText(question).waitFor()

      await page.getByRole('link', { name: `Respond to ${need.lot_title}` }).click()
      await page.waitForURL(`**${BASE}/tenders/${need.tender_id}/lots/${need.lot_id}/respond`)
      await page.getByText('Not saved yet', { exact: true }).waitFor()
      await screenshot(page, output, 'workspace-supplier-response-new-desktop')
      // Sending an empty response is refused before anything is sent.
      await page.getByRole('button', { name: 'Send the response' }).click()
      const message = page.getByLabel('Your response')
      assert.equal(await message.getAttribute('aria-invalid'), 'true')
      await message.fill('Our team of twelve workers and two supervisors will do the work from our workshop.')
      await page.getByLabel('Price in euros (excl. VAT)').fill('abc')
      await page.getByText('An amount such as 12500 or 12500.50').waitFor()
      await page.getByLabel('Price in euros (excl. VAT)').fill('18450.50')
      await page.getByRole('button', { name: 'Save the draft' }).click()
      await page.waitForURL(/\/workspace\/supplier\/responses\/[0-9a-f-]{36}$/)
      await page.getByText('Draft', { exact: true }).first().waitFor()
      assert.equal(await page.getByLabel('Price in euros (excl. VAT)').inputValue(), '18450.50')
      await checkPage(page, output, 'workspace-supplier-response-draft-desktop')
      await page
        .getByLabel('Attach a document (PDF, office documents, images)')
        .setInputFiles({ name: 'memoire-technique.pdf', mimeType: 'application/pdf', buffer: tinyPDF('Memoire technique') })
      await page.getByRole('link', { name: 'memoire-technique.pdf' }).waitFor()
      await page.getByText(/sealed: nobody, not even the buyer, reads it before the deadline/).waitFor()
      await page.getByRole('button', { name: 'Send the response' }).click()
      await page.getByText('Sent', { exact: true }).first().waitFor()
      await page.getByRole('button', { name: 'Withdraw the response' }).waitFor()
      await screenshot(page, output, 'workspace-supplier-response-sent-desktop')
      // The list shows it, sent.
      await visit(page, `${BASE}/responses?state=submitted`)
      await page.getByRole('main').getByRole('listitem').getByText('Sent', { exact: true }).first().waitFor()
    } finally {
      await page.context().close()
    }
  })
})
