// The whole story of a reserved tender, each step done by its person in the
// browser (issue 8, must-show 1): a public buyer posts a tender whose lot is
// reserved under FR_L2113_12 → a cluster moderator approves it → an eligible
// ESAT receives the email (read from Mailpit) and the in-app notification →
// the ESAT asks a question, the buyer answers → the ESAT responds with a PDF
// → after the deadline the buyer sees the response, accepts it and records
// the amount. At every step another supplier (an EA) is checked never to see
// the response.
//
// The deadlines are minutes ahead (the tender really closes during the run),
// so this file waits for them: about six minutes in all.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { request } from 'playwright-core'
import { DEMO_PASSWORD, checkPage, demoEmail, env, launchBrowser, openPage, screenshot, signIn, visit } from '../browser.mjs'
import { waitForEmail } from '../mailpit.mjs'

const { baseURL, chromiumPath, output, mailpitURL } = env()
const BUYER = 'achats.valdemoselle' // Communauté d'agglomération du Val de Moselle (FR, public buyer)
const MODERATOR = 'moderation' // Cluster ESS Grande Région
const SUPPLIER = 'esat.saulnois' // ESAT Les Ateliers du Saulnois: an ESAT, eligible under L2113-12
const OTHER = 'ea.lorraine' // an EA: not eligible, and never to see the ESAT's response
const CPV = '77310000-6' // planting and maintenance of green areas: the ESAT offers it
const NUTS = 'FRF33' // Moselle

// Minutes between filling the deadlines and each of them: enough for every
// step before them on a loaded 2-core machine.
const QUESTIONS_IN_MINUTES = 5
const RESPONSES_IN_MINUTES = 6

const L = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales', 'buyer', 'en.json'), 'utf8'))

/** A small but real PDF (the server sniffs the content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** The local date (YYYY-MM-DD) and time (HH:MM) minutes from now, as the date and time fields take them. */
function localParts(minutes) {
  const d = new Date(Date.now() + minutes * 60_000)
  const pad = (n) => String(n).padStart(2, '0')
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` }
}

/** An API session of a demo user, for the checks made beside the browser. */
async function session(user) {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } })
  const res = await ctx.post('/api/v1/auth/login', { data: { email: demoEmail(user), password: DEMO_PASSWORD } })
  assert.ok(res.ok(), `log in as ${user}: ${res.status()}`)
  const orgs = await (await ctx.get('/api/v1/me/organisations')).json()
  return { ctx, orgID: orgs.items?.[0]?.id }
}

async function getJSON(s, path) {
  const res = await s.ctx.get(path)
  assert.ok(res.ok(), `GET ${path}: ${res.status()} ${await res.text()}`)
  return res.json()
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A catalogue text as a pattern, any value in place of its {{placeholders}}. */
function pattern(text) {
  return new RegExp(escapeRegExp(text).replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?'))
}

describe('a reserved tender from posting to award, person by person', () => {
  let browser
  let other // the EA's API session
  const pages = {}
  const story = { title: `Entretien des espaces verts de la médiathèque (e2e ${Date.now()})`, lot: 'Tonte et taille des haies' }

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    other = await session(OTHER)
    for (const [who, user] of [
      ['buyer', BUYER],
      ['moderator', MODERATOR],
      ['supplier', SUPPLIER],
      ['other', OTHER],
    ]) {
      pages[who] = await openPage(browser, { baseURL, lang: 'en' })
      await signIn(pages[who], user)
    }
  })

  after(async () => {
    await other?.ctx.dispose()
    for (const page of Object.values(pages)) await page.context().close()
    await browser?.close()
  })

  /** The EA sees neither the response nor its content, by any route or page. */
  async function otherSupplierSeesNothing(step) {
    if (!story.responseID) return
    const direct = await other.ctx.get(`/api/v1/responses/${story.responseID}`)
    assert.equal(direct.status(), 404, `${step}: the EA reads the response: ${direct.status()}`)
    const document = await other.ctx.get(`/api/v1/responses/${story.responseID}/documents/${story.documentID}/download`)
    assert.equal(document.status(), 404, `${step}: the EA downloads its document: ${document.status()}`)
    const own = await getJSON(other, `/api/v1/organisations/${other.orgID}/responses?limit=100`)
    assert.ok(!own.items.some((r) => r.id === story.responseID), `${step}: listed among the EA's responses`)
    const buyers = await other.ctx.get(`/api/v1/organisations/${story.buyerOrgID}/tenders/${story.tenderID}/responses`)
    assert.ok([403, 404].includes(buyers.status()), `${step}: the EA reads the buyer's responses: ${buyers.status()}`)
    const page = pages.other
    await visit(page, `/workspace/supplier/responses/${story.responseID}`)
    assert.equal(await page.getByText(story.message).count(), 0, `${step}: the response's text on the EA's page`)
    await visit(page, `/tenders/${story.tenderID}`)
    assert.equal(await page.getByText(story.message).count(), 0, `${step}: the response's text on the public tender page`)
  }

  test('the ESAT asks for an email at once about new matching needs', async () => {
    const page = pages.supplier
    await visit(page, '/workspace/account/preferences')
    const group = page.getByRole('main').getByRole('radiogroup', { name: /New needs matching your offers/ })
    await group.getByRole('radio', { name: 'Email at once' }).check()
    await page.getByRole('main').getByRole('button', { name: 'Save the preferences' }).click()
    await page.getByRole('main').getByText('Your preferences were saved.').waitFor()
  })

  test('the buyer posts a tender with a lot reserved under FR_L2113_12 and sends it to moderation', async () => {
    const page = pages.buyer
    try {
      await visit(page, '/workspace/buyer/tenders/new')
      await page.getByRole('radio', { name: L.kind.formal_tender }).check()
      await page.getByRole('button', { name: L.wizard.saveContinue }).click()

      await page.getByRole('textbox', { name: L.wizard.general.title }).fill(story.title)
      await page.getByRole('textbox', { name: L.wizard.general.description }).fill('Tonte des pelouses et taille des haies, deux passages par mois.')
      await page.getByRole('combobox', { name: L.wizard.general.place }).selectOption(NUTS)
      await page.getByRole('textbox', { name: L.wizard.general.town }).fill('Thionville')
      const responses = page.getByRole('group', { name: L.wizard.general.responsesDeadline })
      const questions = page.getByRole('group', { name: L.wizard.general.questionsDeadline })
      const r = localParts(RESPONSES_IN_MINUTES)
      const q = localParts(QUESTIONS_IN_MINUTES)
      await responses.getByLabel(L.wizard.general.date).fill(r.date)
      await responses.getByLabel(L.wizard.general.time).fill(r.time)
      await questions.getByLabel(L.wizard.general.date).fill(q.date)
      await questions.getByLabel(L.wizard.general.time).fill(q.time)
      await page.getByRole('button', { name: L.wizard.createDraft }).click()
      await page.waitForURL(/\/workspace\/buyer\/tenders\/[0-9a-f-]+\/edit\?step=lots/)
      story.tenderID = /tenders\/([0-9a-f-]+)\/edit/.exec(page.url())[1]

      const lot = page.getByRole('form', { name: L.lot.newLabel })
      await lot.getByRole('textbox', { name: L.lot.title }).fill(story.lot)
      await lot.getByRole('searchbox', { name: L.lot.cpvSearch }).fill(CPV.slice(0, 8))
      await lot.getByRole('button', { name: new RegExp(CPV) }).first().click()
      await lot.getByRole('radio', { name: L.reservation['res-ws'].label }).check()
      await lot.getByText(L.legalBasis.frL211312.explain).waitFor()
      await lot.getByRole('checkbox', { name: L.legalBasis.frL211312.label }).check()
      await lot.getByRole('button', { name: L.lot.save }).click()
      const count = page.getByTestId('eligible-count').first()
      await count.filter({ hasText: /\d/ }).waitFor()
      assert.ok(Number(/(\d+)/.exec(await count.innerText())[1]) > 0, `eligible suppliers: ${await count.innerText()}`)
      await page.getByRole('button', { name: L.wizard.continue, exact: true }).click()

      await page.waitForURL(/step=documents/)
      await page.getByLabel(L.wizard.upload).setInputFiles({ name: 'cahier-des-charges.pdf', mimeType: 'application/pdf', buffer: PDF })
      await page.getByRole('list', { name: L.wizard.attached }).getByRole('link', { name: 'cahier-des-charges.pdf' }).waitFor()
      await page.getByRole('button', { name: L.wizard.continue, exact: true }).click()

      await page.waitForURL(/step=review/)
      await page.getByRole('button', { name: L.wizard.submit }).click()
      await page.waitForURL(new RegExp(`/workspace/buyer/tenders/${story.tenderID}$`))
      await page.getByText(L.tender.submittedTitle).waitFor()
      await checkPage(page, output, 'workflow-1-buyer-submitted-desktop')
      const buyer = await session(BUYER)
      try {
        story.buyerOrgID = buyer.orgID
        const tender = await getJSON(buyer, `/api/v1/tenders/${story.tenderID}`)
        assert.equal(tender.state, 'pending')
        assert.deepEqual(tender.lots[0].clauses.legal_bases, ['FR_L2113_12'])
        story.lotID = tender.lots[0].id
      } finally {
        await buyer.ctx.dispose()
      }
    } catch (err) {
      await screenshot(page, output, 'workflow-1-failure')
      throw err
    }
  })

  test('the moderator approves it from the queue', async () => {
    assert.ok(story.tenderID, 'the tender of the previous step')
    const page = pages.moderator
    const main = page.getByRole('main')
    await visit(page, '/workspace/moderation')
    await main.getByRole('list', { name: 'Items waiting for a decision' }).getByRole('link', { name: story.title }).click()
    await page.waitForURL(new RegExp(`/workspace/moderation/tenders/${story.tenderID}$`))
    const approve = main.getByRole('radio', { name: 'Approve' })
    await approve.focus()
    await page.keyboard.press('Space')
    await page.waitForFunction((el) => el.checked, await approve.elementHandle(), { timeout: 10_000 })
    await main.getByRole('button', { name: 'Review and confirm' }).click()
    await page.getByRole('dialog', { name: 'Confirm the decision' }).getByRole('button', { name: 'Confirm' }).click()
    await main.getByRole('status').filter({ hasText: 'Decision recorded' }).waitFor()
    await checkPage(page, output, 'workflow-2-moderator-approved-desktop')
    const res = await page.request.get(`/api/v1/tenders/${story.tenderID}`)
    assert.equal((await res.json()).state, 'published')
  })

  test('the ESAT is told by email and in the app', async () => {
    assert.ok(story.lotID, 'the published tender')
    const email = await waitForEmail(mailpitURL, {
      to: demoEmail(SUPPLIER),
      subject: new RegExp(escapeRegExp(story.title)),
      timeoutMs: 90_000,
    })
    // In the ESAT's language (French), naming the lot and linking to the tender.
    assert.match(email.Subject, /Nouveau besoin/)
    assert.match(email.Text, new RegExp(escapeRegExp(story.lot)))
    assert.match(email.Text, new RegExp(`/tenders/${story.tenderID}`))

    const page = pages.supplier
    await visit(page, '/workspace/account/notifications')
    const notice = page.getByRole('main').getByRole('link', { name: new RegExp(escapeRegExp(story.title)) }).first()
    await notice.waitFor()
    await checkPage(page, output, 'workflow-3-supplier-notified-desktop')
    await notice.click()
    await page.waitForURL(new RegExp(`/tenders/${story.tenderID}`))
  })

  test('the ESAT asks a question and the buyer answers it', async () => {
    assert.ok(story.lotID, 'the published tender')
    const supplier = pages.supplier
    story.question = 'Les déchets de tonte doivent-ils être évacués ou peuvent-ils être laissés en paillage ?'
    await visit(supplier, `/workspace/supplier/tenders/${story.tenderID}`)
    await supplier.getByLabel('Your question to the buyer').fill(story.question)
    await supplier.getByRole('button', { name: 'Send the question' }).click()
    await supplier.getByText('Your question was sent to the buyer.').waitFor()

    const buyer = pages.buyer
    await visit(buyer, `/workspace/buyer/tenders/${story.tenderID}`)
    const item = buyer.getByRole('listitem').filter({ hasText: story.question })
    await item.getByRole('link', { name: /Saulnois/ }).waitFor()
    story.answer = 'Ils peuvent être laissés en paillage au pied des haies.'
    await item.getByRole('textbox', { name: L.questions.answerLabel }).fill(story.answer)
    await item.getByRole('button', { name: L.questions.send }).click()
    await item.getByText(story.answer).waitFor()
    await checkPage(buyer, output, 'workflow-4-buyer-answered-desktop')

    // The ESAT reads the answer on the tender.
    await visit(supplier, `/workspace/supplier/tenders/${story.tenderID}`)
    await supplier.getByText(story.answer).waitFor()
  })

  test('the ESAT responds with a PDF', async () => {
    assert.ok(story.lotID, 'the published tender')
    const page = pages.supplier
    await visit(page, `/workspace/supplier/tenders/${story.tenderID}`)
    await page.getByRole('link', { name: `Respond to ${story.lot}` }).click()
    story.message = `Une équipe de quatre travailleurs et un moniteur assure les passages (${Date.now()}).`
    await page.getByLabel('Your response').fill(story.message)
    await page.getByLabel('Price in euros (excl. VAT)').fill('12400')
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await page.waitForURL(/\/workspace\/supplier\/responses\/[0-9a-f-]{36}$/)
    story.responseID = /responses\/([0-9a-f-]{36})$/.exec(page.url())[1]
    await page
      .getByLabel('Attach a document (PDF, office documents, images)')
      .setInputFiles({ name: 'memoire-technique.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByRole('link', { name: 'memoire-technique.pdf' }).waitFor()
    await page.getByRole('button', { name: 'Send the response' }).click()
    await page.getByText('Sent', { exact: true }).first().waitFor()
    await checkPage(page, output, 'workflow-5-supplier-responded-desktop')
    const supplier = await session(SUPPLIER)
    try {
      const response = await getJSON(supplier, `/api/v1/responses/${story.responseID}`)
      assert.equal(response.state, 'submitted')
      assert.equal(response.document_ids.length, 1)
      story.documentID = response.document_ids[0]
    } finally {
      await supplier.ctx.dispose()
    }
    await otherSupplierSeesNothing('once submitted')
  })

  test('after the deadline the buyer sees the response, accepts it and records the amount', async () => {
    assert.ok(story.responseID, 'the response of the previous step')
    const buyerAPI = await session(BUYER)
    try {
      const tender = await getJSON(buyerAPI, `/api/v1/tenders/${story.tenderID}`)
      // Sealed until the deadline, even for the buyer.
      const early = await buyerAPI.ctx.get(`/api/v1/organisations/${story.buyerOrgID}/tenders/${story.tenderID}/responses`)
      assert.equal(early.status(), 409, 'the responses are sealed before the deadline')
      const deadline = new Date(tender.responses_deadline).getTime()
      assert.ok(deadline - Date.now() < (RESPONSES_IN_MINUTES + 1) * 60_000, 'the deadline is minutes ahead')
      while (Date.now() <= deadline + 1_000) await sleep(1_000)
    } finally {
      await buyerAPI.ctx.dispose()
    }
    await otherSupplierSeesNothing('after the deadline')

    const page = pages.buyer
    try {
      await visit(page, `/workspace/buyer/tenders/${story.tenderID}`)
      await page.getByRole('heading', { level: 2, name: L.responses.title }).waitFor()
      const response = page.getByRole('listitem', { name: /Saulnois/ })
      await response.getByText(story.message).waitFor()
      await response.getByRole('button', { name: L.responses.decision.accept }).click()
      await response.getByText(L.responses.state.accepted, { exact: true }).waitFor()

      const outcome = page.getByRole('form', { name: L.outcome.formLabel.replace('{{lot}}', story.lot) })
      await outcome.getByRole('radio', { name: L.outcome.awarded_passerelle }).check()
      await outcome.getByRole('textbox', { name: pattern(L.outcome.amount) }).fill('12400')
      await outcome.getByRole('button', { name: L.outcome.record }).click()
      await outcome.getByText(L.outcome.confirmFinal).waitFor()
      await outcome.getByRole('button', { name: L.outcome.confirm }).click()
      await page.getByText(L.outcome.final).waitFor()
      await checkPage(page, output, 'workflow-6-buyer-awarded-desktop')
    } catch (err) {
      await screenshot(page, output, 'workflow-6-failure')
      throw err
    }

    const buyerCheck = await session(BUYER)
    try {
      const tender = await getJSON(buyerCheck, `/api/v1/tenders/${story.tenderID}`)
      assert.equal(tender.state, 'awarded')
      const lot = tender.lots.find((l) => l.id === story.lotID)
      assert.equal(lot.outcome?.result, 'awarded_passerelle')
      assert.equal(lot.outcome?.amount_cents, 1_240_000)
    } finally {
      await buyerCheck.ctx.dispose()
    }
    await otherSupplierSeesNothing('once accepted')
  })
})
