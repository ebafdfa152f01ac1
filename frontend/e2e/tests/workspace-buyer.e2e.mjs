// The buyer workspace, as the demo public buyer achats.valdemoselle (FR)
// uses it: the tenders list, every step of the tender wizard (a lot reserved
// under FR_L2113_12 with deadlines minutes ahead, its eligible suppliers, a
// PDF, submission to moderation), a published tender's questions, the
// responses of a closed tender (shortlist, accept, outcome) and the
// favourite supplier lists. Every tender it works on is its own: the demo's
// items are read, never changed.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { request } from 'playwright-core'
import { DEMO_PASSWORD, checkPage, demoEmail, env, launchBrowser, openPage, screenshot, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const BUYER = 'achats.valdemoselle'
const SUPPLIER = 'esat.saulnois'
const MODERATOR = 'moderation'
// A lot of green-space upkeep in Moselle: the demo ESAT of the Saulnois is
// eligible for it when it is reserved under FR_L2113_12.
const CPV = '77310000-6'
const NUTS = 'FRF33'

const locales = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales', 'buyer')
const catalogues = Object.fromEntries(
  ['en', 'fr', 'de', 'nl'].map((lang) => [lang, JSON.parse(readFileSync(join(locales, `${lang}.json`), 'utf8'))]),
)
const workspace = Object.fromEntries(
  ['en', 'fr', 'de', 'nl'].map((lang) => [
    lang,
    JSON.parse(readFileSync(join(locales, '..', 'workspace', `${lang}.json`), 'utf8')),
  ]),
)

/** A small but real PDF (the server sniffs the content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** An API session of a demo user (cookies kept), for what other people do in the story. */
async function session(user) {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } })
  const res = await ctx.post('/api/v1/auth/login', { data: { email: demoEmail(user), password: DEMO_PASSWORD } })
  assert.ok(res.ok(), `log in as ${user}: ${res.status()}`)
  const orgs = await (await ctx.get('/api/v1/me/organisations')).json()
  return { ctx, orgID: orgs.items?.[0]?.id }
}

async function call(s, method, path, data) {
  const res = await s.ctx.fetch(path, { method, ...(data === undefined ? {} : { data }) })
  const body = await res.text()
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${body}`)
  return body ? JSON.parse(body) : undefined
}

/** The local date (YYYY-MM-DD) and time (HH:MM) minutes from now, as the date and time fields take them. */
function localParts(minutes) {
  const d = new Date(Date.now() + minutes * 60_000)
  const pad = (n) => String(n).padStart(2, '0')
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` }
}

/** The catalogues of the language the page is shown in. */
async function textsOf(page) {
  const lang = await page.evaluate(() => document.documentElement.lang)
  return { L: catalogues[lang] ?? catalogues.en, W: workspace[lang] ?? workspace.en, lang }
}

/** A catalogue text with its {{placeholders}} as a pattern (plural forms: pass the key's _one/_other). */
function pattern(text) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?')
  return new RegExp(escaped)
}

describe('buyer workspace', () => {
  let browser
  let buyer
  let moderator
  let supplier
  let closing // a tender of our own whose responses deadline comes within the run
  let demoTender // a published demo tender of the buyer with an answered question

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    ;[buyer, moderator, supplier] = await Promise.all([session(BUYER), session(MODERATOR), session(SUPPLIER)])
    const tenders = await call(buyer, 'GET', `/api/v1/organisations/${buyer.orgID}/tenders?limit=100`)
    for (const t of tenders.items) {
      if (t.state !== 'published') continue
      const questions = await call(buyer, 'GET', `/api/v1/tenders/${t.id}/questions`)
      if (questions.items.length > 0) {
        demoTender = t
        break
      }
    }
    assert.ok(demoTender, 'a published demo tender of the buyer with questions')

    // A tender closing in under two minutes, approved, with the ESAT's response and its PDF.
    const soon = (s) => new Date(Date.now() + s * 1000).toISOString()
    closing = await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders`, {
      kind: 'quote_request',
      language: 'fr',
      title: `Tonte des bassins de rétention (e2e ${Date.now()})`,
      description: 'Demande de devis pour deux tontes.',
      place_nuts: NUTS,
      place_town: 'Thionville',
      response_languages: ['fr'],
      questions_deadline: soon(45),
      responses_deadline: soon(75),
    })
    const lot = await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders/${closing.id}/lots`, {
      title: 'Tonte',
      cpv: [CPV],
      clauses: { reserved_participation: 'res-ws', legal_bases: ['FR_L2113_12'] },
    })
    await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders/${closing.id}/submit`)
    await call(moderator, 'POST', `/api/v1/moderation/tenders/${closing.id}/decision`, { decision: 'approve' })
    const response = await call(supplier, 'POST', `/api/v1/tenders/${closing.id}/lots/${lot.id}/responses`, {
      message: 'Notre équipe espaces verts assure les deux tontes.',
      price_cents: 1_250_000,
      currency: 'EUR',
    })
    const upload = await supplier.ctx.post(`/api/v1/organisations/${supplier.orgID}/documents`, {
      multipart: { purpose: 'response_document', file: { name: 'devis.pdf', mimeType: 'application/pdf', buffer: PDF } },
    })
    assert.ok(upload.ok(), `upload the response PDF: ${upload.status()} ${await upload.text()}`)
    const document = await upload.json()
    await call(supplier, 'PUT', `/api/v1/responses/${response.id}/documents/${document.id}`)
    await call(supplier, 'POST', `/api/v1/responses/${response.id}/submit`)
  })

  after(async () => {
    await Promise.all([buyer?.ctx.dispose(), moderator?.ctx.dispose(), supplier?.ctx.dispose()])
    await browser?.close()
  })

  async function buyerPage(viewport = 'desktop', lang = 'fr') {
    const page = await openPage(browser, { baseURL, lang, viewport })
    await signIn(page, BUYER)
    return page
  }

  test('the tenders list shows the demo tenders by state, at both widths', async () => {
    for (const viewport of ['desktop', 'mobile']) {
      const page = await buyerPage(viewport)
      try {
        await visit(page, '/workspace/buyer')
        const { L } = await textsOf(page)
        await page.getByRole('heading', { level: 1, name: L.tenders.title }).waitFor()
        await page.getByRole('heading', { level: 2, name: pattern(L.tenders.group.published) }).waitFor()
        assert.ok(await page.getByRole('link', { name: demoTender.title }).isVisible())
        await checkPage(page, output, `workspace-buyer-tenders-${viewport}`)
      } finally {
        await page.context().close()
      }
    }
  })

  test('the wizard creates a reserved tender, counts its eligible suppliers, takes a PDF and submits it', async () => {
    const page = await buyerPage()
    try {
      await visit(page, '/workspace/buyer/tenders')
      const { L, W } = await textsOf(page)
      await page.getByRole('navigation', { name: L.nav.label }).getByRole('link', { name: L.nav.newTender }).click()

      // 1. Kind.
      await page.getByRole('radio', { name: L.kind.formal_tender }).check()
      await checkPage(page, output, 'workspace-buyer-wizard-kind-desktop')
      await page.getByRole('button', { name: L.wizard.saveContinue }).click()

      // 2. General information: typed errors first, then deadlines minutes ahead.
      const title = `Entretien des jardins partagés (e2e ${Date.now()})`
      await page.getByLabel(L.wizard.general.title, { exact: false }).first().waitFor()
      await page.getByRole('button', { name: L.wizard.createDraft }).click()
      await page.getByText(L.wizard.fixErrors).waitFor()
      assert.equal(await page.getByRole('textbox', { name: L.wizard.general.title }).getAttribute('aria-invalid'), 'true')
      await page.getByRole('textbox', { name: L.wizard.general.title }).fill(title)
      await page.getByRole('textbox', { name: L.wizard.general.description }).fill('Tonte et taille des haies de quatre jardins partagés.')
      await page.getByRole('combobox', { name: L.wizard.general.place }).selectOption(NUTS)
      await page.getByRole('textbox', { name: L.wizard.general.town }).fill('Thionville')
      const responses = page.getByRole('group', { name: L.wizard.general.responsesDeadline })
      const questions = page.getByRole('group', { name: L.wizard.general.questionsDeadline })
      // A deadline in the past is refused as it is typed.
      const past = localParts(-60)
      await questions.getByLabel(L.wizard.general.date).fill(past.date)
      await questions.getByLabel(L.wizard.general.time).fill(past.time)
      await questions.getByLabel(L.wizard.general.time).blur()
      await questions.getByText(L.wizard.general.deadline.past).waitFor()
      const r = localParts(20)
      const q = localParts(10)
      await responses.getByLabel(L.wizard.general.date).fill(r.date)
      await responses.getByLabel(L.wizard.general.time).fill(r.time)
      await questions.getByLabel(L.wizard.general.date).fill(q.date)
      await questions.getByLabel(L.wizard.general.time).fill(q.time)
      assert.equal(await questions.getByText(L.wizard.general.deadline.past).count(), 0)
      await checkPage(page, output, 'workspace-buyer-wizard-general-desktop')
      await page.getByRole('button', { name: L.wizard.createDraft }).click()
      await page.waitForURL(/\/workspace\/buyer\/tenders\/[0-9a-f-]+\/edit\?step=lots/)
      const tenderID = /tenders\/([0-9a-f-]+)\/edit/.exec(page.url())[1]

      // 3. A lot: first an article 77 basis on green spaces, which the server refuses on its field.
      const lotForm = page.getByRole('form', { name: L.lot.newLabel })
      await lotForm.getByRole('textbox', { name: L.lot.title }).fill('Jardins du quartier de la Côte des Roses')
      await lotForm.getByRole('searchbox', { name: L.lot.cpvSearch }).fill(CPV.slice(0, 8))
      await lotForm.getByRole('button', { name: new RegExp(CPV) }).first().click()
      await lotForm.getByRole('button', { name: pattern(L.lot.cpvRemove.replace('{{code}}', CPV)) }).waitFor()
      await lotForm.getByRole('radio', { name: L.reservation['res-pub-ser'].label }).check()
      await lotForm.getByRole('checkbox', { name: L.legalBasis.frL211315.label }).check()
      await lotForm.getByRole('button', { name: L.lot.save }).click()
      const bases = lotForm.getByRole('group', { name: L.lot.legalBases })
      const basisError = lotForm.getByText(/FR_L2113_15/)
      await basisError.waitFor()
      // The message is tied to the group of legal bases.
      const errorID = await basisError.getAttribute('id')
      assert.ok(errorID && (await bases.getAttribute('aria-describedby'))?.includes(errorID), 'the error describes the legal bases')
      // Reserved to sheltered workshops under L2113-12, explained in plain words.
      await lotForm.getByRole('radio', { name: L.reservation['res-ws'].label }).check()
      await lotForm.getByText(L.legalBasis.frL211312.explain).waitFor()
      await lotForm.getByRole('checkbox', { name: L.legalBasis.frL211312.label }).check()
      // Award criteria: the total is shown as weights are typed, and must reach 100 %.
      await lotForm.getByRole('button', { name: L.lot.criterionAdd }).click()
      const c1 = lotForm.getByRole('group', { name: L.lot.criterionN.replace('{{n}}', '1') })
      await c1.getByRole('textbox', { name: L.lot.criterionName }).fill('Prix')
      await c1.getByRole('textbox', { name: L.lot.criterionWeight }).fill('60')
      await lotForm.getByText(L.lot.totalWrong.replace('{{total}}', '60')).waitFor()
      await lotForm.getByRole('button', { name: L.lot.criterionAdd }).click()
      const c2 = lotForm.getByRole('group', { name: L.lot.criterionN.replace('{{n}}', '2') })
      await c2.getByRole('textbox', { name: L.lot.criterionName }).fill('Valeur technique et insertion')
      await c2.getByRole('textbox', { name: L.lot.criterionWeight }).fill('40')
      await lotForm.getByText(L.lot.totalOk.replace('{{total}}', '100')).waitFor()
      await lotForm.getByRole('button', { name: L.lot.save }).click()
      // Saved: the live count of eligible suppliers.
      const count = page.getByTestId('eligible-count').first()
      await count.filter({ hasText: /\d/ }).waitFor()
      const eligible = Number(/(\d+)/.exec(await count.innerText())[1])
      assert.ok(eligible > 0, `eligible suppliers for the reserved lot: ${await count.innerText()}`)
      await checkPage(page, output, 'workspace-buyer-wizard-lots-desktop')
      await page.getByRole('button', { name: L.wizard.continue, exact: true }).click()

      // 4. Documents: a PDF, uploaded then attached.
      await page.waitForURL(/step=documents/)
      await page.getByLabel(L.wizard.upload).setInputFiles({ name: 'cahier-des-charges.pdf', mimeType: 'application/pdf', buffer: PDF })
      await page.getByRole('list', { name: L.wizard.attached }).getByRole('link', { name: 'cahier-des-charges.pdf' }).waitFor()
      await page.getByText(W.upload.done.replace('{{name}}', 'cahier-des-charges.pdf')).waitFor()
      await checkPage(page, output, 'workspace-buyer-wizard-documents-desktop')
      await page.getByRole('button', { name: L.wizard.continue, exact: true }).click()

      // 5. Review and submission.
      await page.waitForURL(/step=review/)
      await page.getByText(L.wizard.documentCount_one.replace('{{count}}', '1')).waitFor()
      await checkPage(page, output, 'workspace-buyer-wizard-review-desktop')
      await page.getByRole('button', { name: L.wizard.submit }).click()
      await page.waitForURL(new RegExp(`/workspace/buyer/tenders/${tenderID}$`))
      await page.getByText(L.state.pending, { exact: true }).first().waitFor()
      await page.getByText(L.tender.submittedTitle).waitFor()
      await checkPage(page, output, 'workspace-buyer-tender-pending-desktop')
      const saved = await call(buyer, 'GET', `/api/v1/tenders/${tenderID}`)
      assert.equal(saved.state, 'pending')
      assert.deepEqual(saved.lots[0].clauses.legal_bases, ['FR_L2113_12'])
      assert.equal(saved.document_ids.length, 1)
    } catch (err) {
      await screenshot(page, output, 'workspace-buyer-wizard-failure')
      throw err
    } finally {
      await page.context().close()
    }
  })

  test('the general step at mobile width', async () => {
    const page = await buyerPage('mobile')
    try {
      await visit(page, '/workspace/buyer/tenders/new?step=general')
      const { L } = await textsOf(page)
      await page.getByRole('group', { name: L.wizard.general.responsesDeadline }).waitFor()
      await checkPage(page, output, 'workspace-buyer-wizard-general-mobile')
    } finally {
      await page.context().close()
    }
  })

  test('a published tender: questions with who asked, and an answer published', async () => {
    // A question of the ESAT on a tender of our own, once the moderators published it.
    const own = await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders`, {
      kind: 'formal_tender',
      language: 'fr',
      title: `Entretien des haies (e2e ${Date.now()})`,
      place_nuts: NUTS,
      place_town: 'Metz',
      response_languages: ['fr'],
      questions_deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      responses_deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    })
    await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders/${own.id}/lots`, { title: 'Haies', cpv: [CPV] })
    await call(buyer, 'POST', `/api/v1/organisations/${buyer.orgID}/tenders/${own.id}/submit`)
    await call(moderator, 'POST', `/api/v1/moderation/tenders/${own.id}/decision`, { decision: 'approve' })
    const asked = 'Faut-il évacuer les déchets de taille ou peuvent-ils être broyés sur place ?'
    await call(supplier, 'POST', `/api/v1/tenders/${own.id}/questions`, { question: asked })

    for (const viewport of ['desktop', 'mobile']) {
      const page = await buyerPage(viewport)
      try {
        await visit(page, `/workspace/buyer/tenders/${demoTender.id}`)
        const { L } = await textsOf(page)
        await page.getByRole('heading', { level: 2, name: L.questions.title }).waitFor()
        await page.getByRole('heading', { level: 2, name: L.interest.title }).waitFor()
        await checkPage(page, output, `workspace-buyer-tender-published-${viewport}`)
      } finally {
        await page.context().close()
      }
    }

    const page = await buyerPage()
    try {
      await visit(page, `/workspace/buyer/tenders/${own.id}`)
      const { L, W } = await textsOf(page)
      const item = page.getByRole('listitem').filter({ hasText: asked })
      await item.getByRole('link', { name: /Saulnois/ }).waitFor()
      // An empty answer is refused on its field.
      await item.getByRole('button', { name: L.questions.send }).click()
      const field = item.getByRole('textbox', { name: L.questions.answerLabel })
      await item.getByText(W.form.required).waitFor()
      assert.equal(await field.getAttribute('aria-invalid'), 'true')
      const answer = 'Les déchets de taille peuvent être broyés sur place et laissés en paillage.'
      await field.fill(answer)
      await item.getByRole('button', { name: L.questions.send }).click()
      await item.getByText(answer).waitFor()
      await item.getByRole('button', { name: L.questions.correct }).waitFor()
      const questions = await call(supplier, 'GET', `/api/v1/tenders/${own.id}/questions`)
      assert.equal(questions.items[0].answer, answer)
      await checkPage(page, output, 'workspace-buyer-tender-answered-desktop')
    } finally {
      await page.context().close()
    }
  })

  test('favourite lists: create one, add a supplier from its profile, see it listed', async () => {
    const saulnois = supplier.orgID
    const page = await buyerPage()
    try {
      await visit(page, '/workspace/buyer/favourites')
      const { L, W } = await textsOf(page)
      await page.getByRole('heading', { level: 1, name: L.favourites.title }).waitFor()
      await checkPage(page, output, 'workspace-buyer-favourites-desktop')
      const name = `Espaces verts ${Date.now()}`
      const field = page.getByRole('textbox', { name: L.favourites.newName })
      await page.getByRole('button', { name: L.favourites.create }).click()
      await page.getByText(W.form.required).first().waitFor()
      assert.equal(await field.getAttribute('aria-invalid'), 'true')
      await field.fill(name)
      await page.getByRole('button', { name: L.favourites.create }).click()
      await page.waitForURL(/\/workspace\/buyer\/favourites\/[0-9a-f-]+$/)
      await page.getByText(L.favourites.noSupplier).waitFor()
      // The same name again: the server refuses it on the field.
      await field.fill(name)
      await page.getByRole('button', { name: L.favourites.create }).click()
      await page.locator('[aria-invalid="true"]').first().waitFor()

      await visit(page, `/organisations/${saulnois}`)
      const control = page.getByRole('region', { name: L.favourites.addTitle })
      await control.getByRole('combobox', { name: L.favourites.chooseList }).selectOption({ label: name })
      await control.getByRole('button', { name: L.favourites.add }).click()
      await control.getByRole('status').filter({ hasText: name }).waitFor()
      await checkPage(page, output, 'workspace-buyer-organisation-favourite-desktop')

      await visit(page, '/workspace/buyer/favourites')
      await page.getByRole('link', { name }).click()
      await page.getByRole('heading', { level: 2, name: pattern(L.favourites.suppliersOf.replace('{{name}}', name)) }).waitFor()
      await page.getByRole('link', { name: /Saulnois/ }).waitFor()
      await checkPage(page, output, 'workspace-buyer-favourites-list-desktop')
    } finally {
      await page.context().close()
    }
    const mobile = await buyerPage('mobile')
    try {
      await visit(mobile, '/workspace/buyer/favourites')
      await checkPage(mobile, output, 'workspace-buyer-favourites-mobile')
    } finally {
      await mobile.context().close()
    }
  })

  test('after the deadline: the response, shortlisted then accepted, and the outcome recorded', async () => {
    // The tender of before() closes within the run: wait for its deadline (bounded).
    const deadline = new Date(closing.responses_deadline).getTime()
    assert.ok(deadline - Date.now() < 120_000, 'the tender closes within two minutes')
    while (Date.now() <= deadline + 1_000) await sleep(1_000)

    const page = await buyerPage()
    try {
      await visit(page, `/workspace/buyer/tenders/${closing.id}`)
      const { L } = await textsOf(page)
      await page.getByRole('heading', { level: 2, name: L.responses.title }).waitFor()
      const response = page.getByRole('listitem', { name: /Saulnois/ })
      await response.getByRole('link', { name: pattern(L.responses.download.replace('{{n}}', '1')) }).waitFor()
      const href = await response.getByRole('link', { name: pattern(L.responses.download.replace('{{n}}', '1')) }).getAttribute('href')
      const download = await page.request.get(href)
      assert.equal(download.status(), 200, `download the response PDF: ${download.status()}`)
      assert.ok((await download.body()).subarray(0, 5).toString() === '%PDF-', 'the document is the PDF sent')

      await response.getByRole('button', { name: L.responses.decision.shortlist }).click()
      await response.getByText(L.responses.state.shortlisted, { exact: true }).waitFor()
      await response.getByRole('button', { name: L.responses.decision.accept }).click()
      await response.getByText(L.responses.state.accepted, { exact: true }).waitFor()
      assert.equal(await response.getByRole('button', { name: L.responses.decision.shortlist }).count(), 0)

      const outcome = page.getByRole('form', { name: pattern(L.outcome.formLabel.replace('{{lot}}', 'Tonte')) })
      await outcome.getByRole('radio', { name: L.outcome.awarded_passerelle }).check()
      const amount = outcome.getByRole('textbox', { name: pattern(L.outcome.amount) })
      await amount.fill('douze mille')
      await outcome.getByRole('button', { name: L.outcome.record }).click()
      assert.equal(await amount.getAttribute('aria-invalid'), 'true')
      await amount.fill('12000')
      await outcome.getByRole('button', { name: L.outcome.record }).click()
      await outcome.getByText(L.outcome.confirmFinal).waitFor()
      await outcome.getByRole('button', { name: L.outcome.confirm }).click()
      await page.getByText(L.outcome.final).waitFor()
      await checkPage(page, output, 'workspace-buyer-tender-closed-desktop')
      const tender = await call(buyer, 'GET', `/api/v1/tenders/${closing.id}`)
      assert.equal(tender.state, 'awarded')
      assert.equal(tender.lots[0].outcome.amount_cents, 1_200_000)
      assert.equal(tender.lots[0].outcome.supplier_id, supplier.orgID)
    } finally {
      await page.context().close()
    }
  })
})
