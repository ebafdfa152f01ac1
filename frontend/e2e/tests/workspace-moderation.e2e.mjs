// The moderation console: every page as a moderator (and the admin's pages
// as the admin) at desktop width, the main ones on a phone, and the real
// decisions: approve an offer and a tender, reject an SSE status with a
// ready-made reason, resolve a report, suspend and reinstate an
// organisation, filter the audit log and export it, and the admin's tools.
//
// Its own data, made through the API before the tests: a tender of
// achats.valdemoselle submitted for moderation (the demo's pending tenders
// are left to other tests), an SSE status of sis.kirchberg with a PDF as
// evidence, a report filed by wfbm.trier. The organisation suspended and
// reinstated is sis.mersch, which no other test uses.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEMO_PASSWORD, checkPage, demoEmail, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const stamp = Date.now().toString(36)

/** A small valid PDF: the evidence the moderator looks at. */
function evidencePDF() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const text = 'BT /F1 14 Tf 20 150 Td (Agrement SIS - e2e test) Tj ET'
  objects[3] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`
  let pdf = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

/**
 * apiAs signs a demo user in, in a browser context of their own, and gives
 * a JSON caller for the API (failing loudly on any refusal).
 */
async function apiAs(browser, user) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' })
  const login = await context.request.post('/api/v1/auth/login', { data: { email: demoEmail(user), password: DEMO_PASSWORD } })
  assert.equal(login.status(), 200, `log in as ${user}`)
  const me = await login.json()
  async function call(method, path, data, headers = {}) {
    const res = await context.request.fetch(path, { method, data, headers, timeout: 30_000 })
    const body = res.status() === 204 ? null : await res.json().catch(() => null)
    if (!res.ok()) throw new Error(`${user}: ${method} ${path}: ${res.status()} ${JSON.stringify(body)}`)
    return body
  }
  const orgs = (await call('GET', '/api/v1/me/organisations')).items ?? []
  return { context, me, org: orgs[0], call }
}

function inDays(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString()
}

describe('workspace moderation', () => {
  let browser
  /** What the tests decide on, made in before(). */
  const data = {}

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    const moderator = await apiAs(browser, 'moderation')
    const buyer = await apiAs(browser, 'achats.valdemoselle')
    const kirchberg = await apiAs(browser, 'sis.kirchberg')
    const reporter = await apiAs(browser, 'wfbm.trier')
    const mersch = await apiAs(browser, 'sis.mersch')
    try {
      // A tender of our own, submitted: the demo's pending tenders are left alone.
      const tender = await buyer.call('POST', `/api/v1/organisations/${buyer.org.id}/tenders`, {
        kind: 'quote_request',
        language: 'fr',
        title: `Entretien des espaces verts du centre technique (e2e ${stamp})`,
        description: 'Tonte et taille des haies autour du **centre technique municipal**.',
        place_nuts: 'FRF33',
        place_town: 'Thionville',
        questions_deadline: inDays(10),
        responses_deadline: inDays(20),
        response_languages: ['fr'],
      })
      await buyer.call('POST', `/api/v1/organisations/${buyer.org.id}/tenders/${tender.id}/lots`, {
        title: 'Tonte et taille',
        description: 'Douze passages par an.',
        cpv: ['77310000-6'],
        value_min_cents: 1_500_000,
        value_max_cents: 2_000_000,
        clauses: { reserved_participation: 'res-ws', legal_bases: ['FR_L2113_12'] },
      })
      await buyer.call('POST', `/api/v1/organisations/${buyer.org.id}/tenders/${tender.id}/submit`)
      data.tender = { id: tender.id, title: tender.title }

      // An SSE status waiting for verification, with a PDF as evidence (one
      // per type and organisation: a run against a product already used
      // takes the one it left, rejected, back to the queue).
      const doc = await kirchberg.call(
        'POST',
        `/api/v1/organisations/${kirchberg.org.id}/documents?purpose=sse_evidence&filename=agrement-e2e.pdf`,
        evidencePDF(),
        { 'Content-Type': 'application/pdf' },
      )
      const statuses = `/api/v1/organisations/${kirchberg.org.id}/sse-statuses`
      const existing = ((await kirchberg.call('GET', statuses)).items ?? []).find((s) => s.type === 'lu_atelier_protege')
      const status =
        existing ??
        (await kirchberg.call('POST', statuses, {
          type: 'lu_atelier_protege',
          registration_number: `AP-E2E-${stamp}`,
          valid_until: inDays(400).slice(0, 10),
        }))
      if (status.state !== 'pending') {
        await kirchberg.call('PUT', `${statuses}/${status.id}/evidence/${doc.id}`)
        await kirchberg.call('POST', `${statuses}/${status.id}/verification-request`)
      }
      data.status = { id: status.id, orgID: kirchberg.org.id, docName: doc.filename }

      // A report on a published offer of sis.mersch.
      const offers = await mersch.call('GET', `/api/v1/organisations/${mersch.org.id}/offers?limit=50`)
      const published = (offers.items ?? []).find((o) => o.state === 'published')
      assert.ok(published, 'sis.mersch has a published offer to report')
      // One open report per author and target: a run against a product
      // already used takes the one it left open.
      const report = await reporter
        .call('POST', '/api/v1/reports', {
          target_type: 'offer',
          target_id: published.id,
          reason: 'misleading',
          note: `The photos do not match the service (e2e ${stamp}).`,
        })
        .catch(async (err) => {
          if (!/: 409 /.test(err.message)) throw err
          const open = await moderator.call('GET', `/api/v1/moderation/reports?state=open&target_id=${published.id}`)
          return open.items.find((r) => r.reporter_user_id === reporter.me.id)
        })
      data.report = { id: report.id, targetID: published.id }
      data.mersch = { id: mersch.org.id, name: mersch.org.trade_name || mersch.org.legal_name }

      // A pending demo offer to approve (the queue's offers, oldest first).
      const queue = await moderator.call('GET', '/api/v1/moderation/queue?kind=offer&limit=100')
      assert.ok(queue.items.length > 0, 'the demo has pending offers')
      data.offer = { id: queue.items.at(-1).id, title: queue.items.at(-1).title }

      // A user whose role the admin sets (no other test signs in as them).
      const csr = await apiAs(browser, 'einkauf.moselwerk.csr')
      data.csrUser = csr.me
      await csr.context.close()
    } finally {
      for (const session of [moderator, buyer, kirchberg, reporter, mersch]) await session.context.close()
    }
  })

  after(async () => {
    await browser?.close()
  })

  async function withPage(user, options, fn) {
    const page = await openPage(browser, { baseURL, ...options })
    try {
      await signIn(page, user)
      await fn(page)
    } finally {
      await page.context().close()
    }
  }

  const main = (page) => page.getByRole('main')

  test('every moderator page, at desktop width', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, '/workspace/moderation')
      await main(page).getByRole('heading', { level: 1, name: 'Moderation console' }).waitFor()
      await main(page).getByRole('link', { name: data.tender.title }).waitFor()
      await checkPage(page, output, 'workspace-moderation-queue-desktop')

      for (const kind of ['offer', 'tender', 'sse_status', 'report']) {
        await visit(page, `/workspace/moderation?kind=${kind}`)
        const items = main(page).getByRole('list', { name: 'Items waiting for a decision' })
        await items.waitFor()
        const badges = await items.getByRole('listitem').evaluateAll((lis) => lis.length)
        assert.ok(badges > 0, `the ${kind} queue lists something`)
        await checkPage(page, output, `workspace-moderation-queue-${kind}-desktop`)
      }
      // The kind filter is a labelled control that changes the list.
      await visit(page, '/workspace/moderation')
      await main(page).getByLabel('Kind').selectOption('report')
      await page.waitForURL(/kind=report/)
      await main(page).getByRole('link', { name: 'Misleading' }).first().waitFor()

      await visit(page, '/workspace/moderation?kind=sse_status&country=BE')
      await main(page).getByText('Nothing waits for a decision').waitFor()
      await checkPage(page, output, 'workspace-moderation-queue-empty-desktop')

      await visit(page, `/workspace/moderation/offers/${data.offer.id}`)
      await main(page).getByRole('heading', { level: 2, name: data.offer.title }).waitFor()
      await main(page).getByRole('radio', { name: 'Approve' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-offer-desktop')

      await visit(page, `/workspace/moderation/tenders/${data.tender.id}`)
      await main(page).getByRole('heading', { level: 2, name: data.tender.title }).waitFor()
      await main(page).getByRole('heading', { name: 'Lot 1: Tonte et taille' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-tender-desktop')

      await visit(page, `/workspace/moderation/sse-statuses/${data.status.orgID}/${data.status.id}`)
      const evidence = main(page).getByRole('region', { name: 'Evidence' })
      await evidence.getByText(data.status.docName).first().waitFor()
      assert.ok((await evidence.locator('object[type="application/pdf"]').count()) >= 1, 'the PDF is embedded')
      const open = evidence.getByRole('link', { name: `Open ${data.status.docName} in a new tab` }).last()
      const download = await page.request.get(await open.getAttribute('href'))
      assert.equal(download.status(), 200, 'the evidence link leads to the file')
      assert.match(download.headers()['content-type'], /application\/pdf/)
      await checkPage(page, output, 'workspace-moderation-sse-status-desktop')

      await visit(page, `/workspace/moderation/reports/offer/${data.report.targetID}/${data.report.id}`)
      await main(page).getByText(/^The photos do not match the service/).waitFor()
      await checkPage(page, output, 'workspace-moderation-report-desktop')

      await visit(page, '/workspace/moderation/organisations?q=Mersch')
      await main(page).getByRole('link', { name: data.mersch.name }).waitFor()
      await checkPage(page, output, 'workspace-moderation-organisations-desktop')

      await visit(page, `/workspace/moderation/organisations/${data.mersch.id}`)
      await main(page).getByRole('heading', { level: 2, name: data.mersch.name }).waitFor()
      await checkPage(page, output, 'workspace-moderation-organisation-desktop')
      await main(page).getByRole('button', { name: 'Suspend the organisation' }).click()
      const dialog = page.getByRole('dialog', { name: `Suspend ${data.mersch.name}` })
      await dialog.waitFor()
      await checkPage(page, output, 'workspace-moderation-suspension-dialog-desktop')
      await dialog.getByRole('button', { name: 'Cancel' }).click()

      await visit(page, '/workspace/moderation/audit')
      await main(page).getByRole('list', { name: 'Audit entries' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-audit-desktop')

      await visit(page, '/workspace/moderation/figures')
      await main(page).getByRole('table').waitFor()
      await checkPage(page, output, 'workspace-moderation-figures-desktop')

      // The admin's pages are not offered to a moderator.
      assert.equal(await main(page).getByRole('link', { name: 'Blocked words' }).count(), 0)
      await visit(page, '/workspace/moderation/admin/blocked-words')
      await main(page).getByText('For administrators only').waitFor()
    }))

  test('the main pages on a phone', () =>
    withPage('moderation', { viewport: 'mobile' }, async (page) => {
      await visit(page, '/workspace/moderation')
      await main(page).getByRole('link', { name: data.tender.title }).waitFor()
      await checkPage(page, output, 'workspace-moderation-queue-mobile')
      await visit(page, `/workspace/moderation/tenders/${data.tender.id}`)
      await main(page).getByRole('radio', { name: 'Approve' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-tender-mobile')
      await visit(page, `/workspace/moderation/sse-statuses/${data.status.orgID}/${data.status.id}`)
      await main(page).getByRole('region', { name: 'Evidence' }).getByText(data.status.docName).first().waitFor()
      await checkPage(page, output, 'workspace-moderation-sse-status-mobile')
      await visit(page, '/workspace/moderation/audit')
      await main(page).getByRole('list', { name: 'Audit entries' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-audit-mobile')
    }))

  /**
   * choose picks a radio button by its label, from the keyboard (focus,
   * Space) as a keyboard user does: a click aims at coordinates, which an
   * embedded PDF viewer finishing its layout may move.
   */
  async function choose(page, name) {
    const radio = main(page).getByRole('radio', { name })
    await radio.focus()
    await page.keyboard.press('Space')
    await page.waitForFunction((el) => el.checked, await radio.elementHandle(), { timeout: 10_000 })
  }

  /** decide picks a decision, confirms it, and waits for the result. */
  async function decide(page, decision) {
    await choose(page, decision)
    await main(page).getByRole('button', { name: 'Review and confirm' }).click()
    const dialog = page.getByRole('dialog', { name: 'Confirm the decision' })
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    return main(page).getByRole('status').filter({ hasText: 'Decision recorded' })
  }

  test('approves a pending offer and the submitted tender', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, `/workspace/moderation/offers/${data.offer.id}`)
      const offerDone = await decide(page, 'Approve')
      await offerDone.getByText('The offer is now: Published.').waitFor()
      await offerDone.getByRole('link', { name: 'Back to the queue' }).click()
      await page.waitForURL(/\/workspace\/moderation$/)
      const queue = main(page).getByRole('list', { name: 'Items waiting for a decision' })
      await queue.getByRole('link', { name: data.tender.title }).waitFor()
      assert.equal(await queue.getByRole('link', { name: data.offer.title }).count(), 0, 'the offer left the queue')

      await visit(page, `/workspace/moderation/tenders/${data.tender.id}`)
      const tenderDone = await decide(page, 'Approve')
      await tenderDone.getByText('The tender is now: Published.').waitFor()
      const res = await page.request.get(`/api/v1/tenders/${data.tender.id}`)
      assert.equal((await res.json()).state, 'published')
    }))

  test('rejects an SSE status with a ready-made reason, edited', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, `/workspace/moderation/sse-statuses/${data.status.orgID}/${data.status.id}`)
      await main(page).getByRole('region', { name: 'Evidence' }).getByText(data.status.docName).first().waitFor()
      await choose(page, 'Reject')
      // Without a reason, the form says so on the field and sends nothing.
      await main(page).getByRole('button', { name: 'Review and confirm' }).click()
      const reason = main(page).getByRole('textbox', { name: /^Reason/ })
      await main(page).getByText('Give a reason: choose a ready-made one or write it.').waitFor()
      assert.equal(await reason.getAttribute('aria-invalid'), 'true')
      assert.equal(await page.getByRole('dialog').count(), 0)

      await main(page).getByLabel('Ready-made reason').selectOption('misleading_information')
      const filled = await reason.inputValue()
      assert.ok(filled.length > 20, 'the template fills the reason')
      await reason.fill(`${filled} The approval number is not in the register (e2e ${stamp}).`)
      await main(page).getByRole('button', { name: 'Review and confirm' }).click()
      await page.getByRole('dialog', { name: 'Confirm the decision' }).getByRole('button', { name: 'Confirm' }).click()
      await main(page).getByText('The SSE status is now: Rejected.').waitFor()

      const statuses = await (await page.request.get(`/api/v1/organisations/${data.status.orgID}/sse-statuses`)).json()
      const status = statuses.items.find((s) => s.id === data.status.id)
      assert.equal(status.state, 'rejected')
      assert.match(status.rejection_reason, new RegExp(`e2e ${stamp}`))
    }))

  test('resolves a report', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, `/workspace/moderation/reports/offer/${data.report.targetID}/${data.report.id}`)
      await choose(page, 'Dismissed')
      await main(page).getByRole('textbox', { name: /^Note for the moderators/ }).fill('Photos checked: they match.')
      await main(page).getByRole('button', { name: 'Review and confirm' }).click()
      await page.getByRole('dialog', { name: 'Confirm the decision' }).getByRole('button', { name: 'Confirm' }).click()
      await main(page).getByText('The report is now: Dismissed.').waitFor()
    }))

  test('suspends an organisation with a reason, then reinstates it', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, '/workspace/moderation/organisations')
      await main(page).getByLabel('Supplier name or activity').fill('Mersch')
      await main(page).getByRole('button', { name: 'Search', exact: true }).click()
      await main(page).getByRole('link', { name: data.mersch.name }).click()
      await main(page).getByRole('heading', { level: 2, name: data.mersch.name }).waitFor()

      await main(page).getByRole('button', { name: 'Suspend the organisation' }).click()
      const suspend = page.getByRole('dialog', { name: `Suspend ${data.mersch.name}` })
      await suspend.getByRole('button', { name: 'Suspend', exact: true }).click()
      await suspend.getByText('Give a reason: choose a ready-made one or write it.').waitFor()
      await suspend.getByLabel('Ready-made reason').selectOption('fraud')
      await suspend.getByRole('button', { name: 'Suspend', exact: true }).click()
      await main(page).getByText(`${data.mersch.name} is now: Suspended.`).waitFor()

      await main(page).getByRole('button', { name: 'Reinstate the organisation' }).click()
      const reinstate = page.getByRole('dialog', { name: `Reinstate ${data.mersch.name}` })
      await reinstate.getByRole('textbox', { name: /^Reason/ }).fill('The registration was confirmed by phone.')
      await reinstate.getByRole('button', { name: 'Reinstate', exact: true }).click()
      await main(page).getByText(`${data.mersch.name} is now: Active.`).waitFor()
      const org = await (await page.request.get(`/api/v1/organisations/${data.mersch.id}`)).json()
      assert.equal(org.status, 'active')
    }))

  test('filters the audit log, shows refused filters on their field, and exports CSV', () =>
    withPage('moderation', {}, async (page) => {
      await visit(page, '/workspace/moderation/audit')
      await main(page).getByRole('textbox', { name: /^Actor/ }).fill('not-a-user')
      await main(page).getByRole('button', { name: 'Apply the filters' }).click()
      const actor = main(page).getByRole('textbox', { name: /^Actor/ })
      await page.waitForFunction(
        () => document.querySelector('input[aria-invalid="true"]') !== null,
        null,
        { timeout: 15_000 },
      )
      assert.equal(await actor.getAttribute('aria-invalid'), 'true', 'the server’s refusal is on the actor field')

      await actor.fill('')
      await main(page).getByRole('textbox', { name: /^Action/ }).fill('sse_status.')
      await main(page).getByRole('textbox', { name: /^Organisation id/ }).fill(data.status.orgID)
      await main(page).getByRole('button', { name: 'Apply the filters' }).click()
      await page.waitForURL(/action=sse_status\./)
      const entries = main(page).getByRole('list', { name: 'Audit entries' })
      await entries.getByText(/^sse_status\./).first().waitFor()
      const actions = await entries.locator('.audit-head code').allTextContents()
      assert.ok(actions.length > 0 && actions.every((a) => a.startsWith('sse_status.')), actions.join(', '))

      const href = await main(page).getByRole('link', { name: 'Export these entries (CSV)' }).getAttribute('href')
      const url = new URL(href, baseURL)
      assert.equal(url.pathname, '/api/v1/admin/audit/export')
      assert.equal(url.searchParams.get('action'), 'sse_status.')
      assert.equal(url.searchParams.get('organisation'), data.status.orgID)
      const csv = await page.request.get(href)
      assert.equal(csv.status(), 200)
      assert.match(csv.headers()['content-type'], /text\/csv/)
      const rows = (await csv.text()).trim().split('\n')
      assert.ok(rows.length >= 2, 'a header and entries')
      assert.ok(rows.slice(1).every((row) => row.includes('sse_status.')), 'only the filtered entries')
    }))

  test('the admin’s pages: blocked words, search index rebuilds, user roles', () =>
    withPage('admin', {}, async (page) => {
      await visit(page, '/workspace/moderation')
      await main(page).getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Blocked words' }).click()
      await main(page).getByRole('heading', { level: 2, name: 'Blocked words' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-admin-blocked-words-desktop')
      const word = `argent facile ${stamp}`
      const field = main(page).getByRole('textbox', { name: /^Word or phrase/ })
      await field.fill(word)
      await main(page).getByRole('button', { name: 'Add', exact: true }).click()
      await main(page).getByText(`“${word}” was added.`).waitFor()
      await main(page).getByRole('list', { name: 'Blocked words' }).getByText(word, { exact: true }).waitFor()
      // The same word again: the server's refusal shows on the field.
      await field.fill(word.toUpperCase())
      await main(page).getByRole('button', { name: 'Add', exact: true }).click()
      await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null, null, { timeout: 15_000 })
      page.once('dialog', (d) => void d.accept())
      await main(page).getByRole('button', { name: `Remove “${word}”` }).click()
      await main(page).getByRole('list', { name: 'Blocked words' }).getByText(word, { exact: true }).waitFor({ state: 'detached' })

      await visit(page, '/workspace/moderation/admin/search')
      await main(page).getByRole('heading', { level: 2, name: 'Search index' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-admin-search-desktop')
      await main(page).getByRole('button', { name: 'Rebuild the search index' }).click()
      // The rebuild is followed until it ends (the list then shows it succeeded).
      await main(page)
        .getByRole('list', { name: 'Rebuilds' })
        .getByText('Succeeded')
        .first()
        .waitFor({ timeout: 90_000 })

      await visit(page, '/workspace/moderation/admin/roles')
      await main(page).getByRole('heading', { level: 2, name: 'User roles' }).waitFor()
      await checkPage(page, output, 'workspace-moderation-admin-roles-desktop')
      const userID = main(page).getByRole('textbox', { name: /^User id/ })
      await userID.fill('someone')
      await main(page).getByText('Enter an id of the form 01936f3e-3333-7c2d-9e10-3f5a6b7c8d9e.').waitFor()
      await userID.fill(data.csrUser.id)
      await main(page).getByLabel('Role', { exact: true }).selectOption('user')
      await main(page).getByRole('button', { name: 'Set the role' }).click()
      await main(page).getByText(`${data.csrUser.display_name} (${data.csrUser.email}) is now: User.`).waitFor()
    }))
})
