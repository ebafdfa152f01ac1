// Purchase ledgers and levy offsets (issue 10), as the demo private buyer
// achats.plateau uses them: a ledger with one bad row is refused with its
// line shown and nothing imported; the corrected ledger is imported and its
// share bought from SSE suppliers shown; the levy offset page computes the
// French deduction within its cap and offers the PDF statement.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { checkPage, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const BUYER = 'achats.plateau'

const locales = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales', 'purchases')
const fr = JSON.parse(readFileSync(join(locales, 'fr.json'), 'utf8'))

// The demo ESAT of the Saulnois (SIRET 812 345 676 00009) and the EA of
// Lorraine (812 345 684 00003) hold statuses verified when the demo data was
// seeded; invoices count from the verification day, so the ledger is dated
// today (UTC). The third supplier is not on Passerelle. Line 3 has an
// impossible date.
const now = new Date()
const today = [now.getUTCDate(), now.getUTCMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/') + `/${now.getUTCFullYear()}`
const year = now.getUTCFullYear()
const header = 'Identifiant fournisseur;Montant HT;Date facture;Catégorie;N° facture;Part main-d’œuvre (%)\n'
const rows = [
  `812 345 676 00009;1 000,00;${today};90911200 Nettoyage;E2E-1;40`,
  `81234568400003;2 000,00;31/02/${year};Saisie de données;E2E-2;50`,
  `73282932000017;1 000,00;${today};Fournitures;E2E-3;`,
]
const bad = header + rows.join('\n') + '\n'
const good = header + [rows[0], rows[1].replace(`31/02/${year}`, today), rows[2]].join('\n') + '\n'

describe('purchases', () => {
  let browser
  let page

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    page = await openPage(browser, { baseURL, lang: 'fr' })
    await signIn(page, BUYER)
  })

  after(async () => {
    await browser?.close()
  })

  test('a ledger with a bad row is refused with its line; corrected, it is imported with its SSE share', async () => {
    await visit(page, '/workspace/buyer/purchases')
    await page.getByRole('heading', { level: 1, name: fr.title }).waitFor()
    const before = await page.request.get(`/api/v1/me/organisations`).then((r) => r.json())
    const orgID = before.items[0].id
    const count = async () => (await (await page.request.get(`/api/v1/organisations/${orgID}/purchases?limit=100`)).json()).items.length
    const purchasesBefore = await count()

    await page.getByLabel(fr.import.fileLabel).setInputFiles({ name: 'registre.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    const errors = page.locator('table.ledger-errors')
    await errors.waitFor()
    const cells = await errors.locator('tbody tr').first().locator('td').allTextContents()
    assert.equal(cells[0], '3', `the bad row's line: ${cells}`)
    assert.equal(cells[1], fr.columns.date)
    assert.equal(await errors.locator('tbody tr').count(), 1)
    assert.equal(await count(), purchasesBefore, 'nothing imported from a refused ledger')
    await checkPage(page, output, 'purchases-errors')

    await page.getByLabel(fr.import.fileLabel).setInputFiles({ name: 'registre.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    const share = page.getByTestId('import-sse-share')
    await share.waitFor()
    // 3,000.00 of 4,000.00 from the ESAT and the EA: 75 %.
    assert.match(await share.textContent(), /75\s?%/)
    assert.equal(await count(), purchasesBefore + 3)
    const byYear = page.getByTestId('sse-share')
    await byYear.getByRole('rowheader', { name: String(year) }).waitFor()
    await page.getByTestId('invoices').getByText(fr.list.unknownSupplier).first().waitFor()
    await checkPage(page, output, 'purchases-done')
  })

  test('the levy offset page computes the French deduction within its cap, with the PDF', async () => {
    await visit(page, '/workspace/buyer/levy')
    await page.getByRole('heading', { level: 1, name: fr.levy.title }).waitFor()
    await page.getByLabel(fr.levy.contribution).fill('abc')
    const invalid = page.getByText(fr.levy.contributionInvalid)
    await invalid.waitFor()
    await page.getByLabel(fr.levy.contribution).fill('1 000,00')
    await page.getByLabel(fr.levy.rate).fill('2')
    await page.getByRole('button', { name: fr.levy.compute }).click()
    // 30 % of the labour cost (400 + 1,000) = 420.00 €, under the cap of 50 % of 1,000.00 €.
    const offset = page.getByTestId('levy-offset')
    await offset.waitFor()
    assert.match((await offset.textContent()).replace(/\s/g, ''), /^420,00€$/)
    assert.ok((await page.getByTestId('levy-figures').textContent()).includes('L5212-10-1'), 'the rule names its source')
    const pdfHref = await page.getByRole('link', { name: fr.levy.pdf }).getAttribute('href')
    const pdf = await page.request.get(pdfHref, { headers: { 'Accept-Language': 'fr' } })
    assert.equal(pdf.status(), 200)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-')
    await checkPage(page, output, 'purchases-levy')

    // A lower contribution: the 50 % cap (300.00 €) applies.
    await page.getByLabel(fr.levy.contribution).fill('600')
    await page.getByRole('button', { name: fr.levy.compute }).click()
    await page.getByTestId('levy-offset').filter({ hasText: '300,00' }).waitFor()
    await checkPage(page, output, 'purchases-levy-capped')
  })
  test('the same ledger again is refused naming the earlier import; deleting that import removes its purchases', async () => {
    await visit(page, '/workspace/buyer/purchases')
    await page.getByRole('heading', { level: 1, name: fr.title }).waitFor()
    const orgID = (await page.request.get(`/api/v1/me/organisations`).then((r) => r.json())).items[0].id
    const count = async () => (await (await page.request.get(`/api/v1/organisations/${orgID}/purchases?limit=100`)).json()).items.length
    const before = await count()

    await page.getByLabel(fr.import.fileLabel).setInputFiles({ name: 'copie.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    const refusal = page.getByRole('alert').filter({ hasText: '« registre.csv »' })
    await refusal.waitFor()
    assert.match(await refusal.textContent(), /déjà/, 'the 409 is shown in French in the upload area')
    assert.equal(await count(), before, 'nothing imported twice')

    const imports = page.locator('section[aria-labelledby="imports-title"]')
    const row = imports.locator('tbody tr').filter({ has: page.getByText(fr.history.done, { exact: true }) })
    await row.getByRole('button', { name: fr.history.deleteNamed.replace('{{name}}', 'registre.csv') }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    assert.ok((await dialog.textContent()).includes('3'), 'the confirmation says how many purchases go')
    await checkPage(page, output, 'purchases-delete-confirm')
    await dialog.getByRole('button', { name: fr.history.confirmDelete }).click()
    await dialog.waitFor({ state: 'detached' })
    await row.waitFor({ state: 'detached' })
    assert.equal(await count(), before - 3, 'the purchases of the import are deleted with it')

    // Deleted, the file is imported again.
    await page.getByLabel(fr.import.fileLabel).setInputFiles({ name: 'registre.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.getByTestId('import-sse-share').waitFor()
    assert.equal(await count(), before)
  })
})
