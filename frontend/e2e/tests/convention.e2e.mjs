// The business convention from the participants' side (issue 9, must-show
// 4): the moderator creates and publishes an event by API (one session
// starting minutes from now, 5-minute meetings, free types); through the
// pages the ESAT of the Saulnois registers two delegates and the public
// buyer of the Val de Moselle one; the ESAT asks the buyer's delegate for a
// must-meet meeting, the buyer accepts it from the inbox; the moderator
// runs the scheduler and sends the preliminary agendas by API; both sides
// see the same slot and table, the .ics downloads, and once the meeting has
// started (the real time, waited for) the buyer records a deal.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { request } from 'playwright-core'
import { DEMO_PASSWORD, checkPage, demoEmail, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const SUPPLIER = 'esat.saulnois'
const BUYER = 'achats.valdemoselle'
const MODERATOR = 'moderation'
// Minutes from the event's creation to its session's start: the time the
// pages have to register, request and accept before registration closes
// (about two minutes on a busy 2-core machine; six leave room).
const LEAD_MINUTES = Number(process.env.E2E_CONVENTION_LEAD_MINUTES ?? 6)

const locales = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales')
const C = JSON.parse(readFileSync(join(locales, 'convention', 'en.json'), 'utf8'))
const W = JSON.parse(readFileSync(join(locales, 'workspace', 'en.json'), 'utf8'))
const P = JSON.parse(readFileSync(join(locales, 'en.json'), 'utf8'))

/** A catalogue text with its {{placeholders}} as a pattern. */
function pattern(text) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?')
  return new RegExp(escaped)
}

/** An API session of a demo user (cookies kept), for the organiser's steps. */
async function session(user) {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } })
  const res = await ctx.post('/api/v1/auth/login', { data: { email: demoEmail(user), password: DEMO_PASSWORD } })
  assert.ok(res.ok(), `log in as ${user}: ${res.status()}`)
  return { ctx }
}

async function call(s, method, path, data) {
  const res = await s.ctx.fetch(path, { method, ...(data === undefined ? {} : { data }) })
  const body = await res.text()
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${body}`)
  return body ? JSON.parse(body) : undefined
}

describe('convention: register, request, accept, schedule, agenda, outcome', { timeout: (LEAD_MINUTES + 12) * 60_000 }, () => {
  const tag = Date.now().toString(36)
  const people = {
    esat1: { name: `Claire Weber ${tag}`, email: `claire.${tag}@esat-saulnois.example`, job: 'Directrice' },
    esat2: { name: `Marc Lentz ${tag}`, email: `marc.${tag}@esat-saulnois.example`, job: 'Chef d’atelier' },
    buyer: { name: `Sophie Muller ${tag}`, email: `sophie.${tag}@valdemoselle.example`, job: 'Acheteuse' },
  }
  let browser
  let moderator
  let event
  let sessionStart

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    moderator = await session(MODERATOR)
    const start = new Date(Date.now() + LEAD_MINUTES * 60_000)
    start.setSeconds(0, 0)
    sessionStart = start.getTime()
    const at = (minutes) => new Date(sessionStart + minutes * 60_000).toISOString()
    event = await call(moderator, 'POST', '/api/v1/events', {
      name: `Convention e2e ${tag}`,
      lang: 'fr',
      description: 'Rencontres acheteurs et ESAT.',
      venue: 'Centre des congrès Robert Schuman',
      address: 'Metz',
      time_zone: 'Europe/Paris',
      tables: 5,
      languages: ['fr', 'de'],
      registration_deadline: at(0),
      cancellation_cutoff: at(0),
      request_expiry_days: 7,
      // One slot: the meeting's start is known before the scheduler runs.
      sessions: [{ name: 'Après-midi', starts_at: at(0), ends_at: at(5), meeting_minutes: 5, breaks: [] }],
    })
    await call(moderator, 'POST', `/api/v1/events/${event.id}/publish`)
  })

  after(async () => {
    await moderator?.ctx.dispose()
    await browser?.close()
  })

  /** The name of the event's participation type for a kind (the defaults: free, one per kind). */
  function typeName(kind) {
    const type = event.participation_types.find((x) => x.for_kind === kind)
    assert.ok(type, `a participation type for ${kind}`)
    assert.equal(type.fee_cents, 0)
    return type.name
  }

  async function pageAs(user, viewport = 'desktop') {
    const page = await openPage(browser, { baseURL, lang: 'en', viewport })
    if (user) await signIn(page, user)
    return page
  }

  test('visitors find the event on the public pages', async () => {
    for (const viewport of ['desktop', 'mobile']) {
      const page = await pageAs(null, viewport)
      try {
        await visit(page, '/events')
        await page.getByRole('heading', { level: 1, name: C.public.title }).waitFor()
        await page.getByRole('link', { name: event.name }).click()
        await page.getByRole('heading', { level: 1, name: event.name }).waitFor()
        await page.getByRole('heading', { name: C.public.types }).waitFor()
        assert.ok(await page.getByRole('cell', { name: C.free }).first().isVisible())
        await checkPage(page, output, `convention-public-event-${viewport}`)
        await visit(page, '/events')
        await checkPage(page, output, `convention-public-events-${viewport}`)
      } finally {
        await page.context().close()
      }
    }
  })

  /** Fills one delegate's fieldset. */
  async function fillDelegate(group, person) {
    await group.getByRole('textbox', { name: C.delegate.name }).fill(person.name)
    await group.getByRole('textbox', { name: C.delegate.email }).fill(person.email)
    await group.getByRole('textbox', { name: C.delegate.jobTitle }).fill(person.job)
  }

  test('the ESAT registers two delegates, free', async () => {
    const mobile = await pageAs(SUPPLIER, 'mobile')
    try {
      await visit(mobile, '/workspace/convention')
      await mobile.getByRole('link', { name: event.name }).waitFor()
      await checkPage(mobile, output, 'convention-events-mobile')
    } finally {
      await mobile.context().close()
    }
    const page = await pageAs(SUPPLIER)
    try {
      await visit(page, '/workspace')
      await page.getByRole('navigation', { name: W.nav.label }).getByRole('link', { name: W.nav.convention }).click()
      await page.getByRole('heading', { level: 1, name: C.events.title }).waitFor()
      await checkPage(page, output, 'convention-events-desktop')
      await page.getByRole('link', { name: event.name }).click()
      const form = page.getByRole('form', { name: C.register.title })
      await form.waitFor()
      // The SSE supplier type only, free, chosen already.
      assert.ok(await form.getByRole('radio', { name: typeName('sse_supplier') }).isChecked())
      assert.equal(await form.getByRole('radio', { name: typeName('buyer') }).count(), 0)
      // Errors as typed: a malformed address.
      const first = form.getByRole('group', { name: C.register.delegateN.replace('{{n}}', '1') })
      await first.getByRole('textbox', { name: C.delegate.email }).fill('claire@')
      await first.getByText(C.delegate.emailInvalid).waitFor()
      await fillDelegate(first, people.esat1)
      await form.getByRole('button', { name: C.register.addDelegate }).click()
      const second = form.getByRole('group', { name: C.register.delegateN.replace('{{n}}', '2') })
      await fillDelegate(second, people.esat2)
      await checkPage(page, output, 'convention-register-desktop')
      await form.getByRole('button', { name: C.register.submit, exact: true }).click()
      await page.getByRole('heading', { name: C.registration.state }).waitFor()
      await page.getByText(C.registrationState.confirmed, { exact: true }).first().waitFor()
      await page.getByRole('heading', { name: people.esat1.name }).waitFor()
      await page.getByRole('heading', { name: people.esat2.name }).waitFor()
      await checkPage(page, output, 'convention-registration-desktop')
    } finally {
      await page.context().close()
    }
  })

  test('the public buyer registers one delegate, free', async () => {
    const page = await pageAs(BUYER, 'mobile')
    try {
      await visit(page, `/workspace/convention/${event.id}`)
      const form = page.getByRole('form', { name: C.register.title })
      await form.waitFor()
      assert.ok(await form.getByRole('radio', { name: typeName('buyer') }).isChecked())
      await fillDelegate(form.getByRole('group', { name: C.register.delegateN.replace('{{n}}', '1') }), people.buyer)
      await checkPage(page, output, 'convention-register-mobile')
      await form.getByRole('button', { name: C.register.submit, exact: true }).click()
      await page.getByRole('heading', { name: people.buyer.name }).waitFor()
      await checkPage(page, output, 'convention-registration-mobile')
    } finally {
      await page.context().close()
    }
  })

  test('the ESAT asks the buyer for a must-meet meeting from the directory', async () => {
    const page = await pageAs(SUPPLIER)
    try {
      await visit(page, `/workspace/convention/${event.id}/directory`)
      await page.getByRole('heading', { level: 1, name: C.directory.title }).waitFor()
      const participants = page.getByRole('region', { name: C.directory.participants })
      const search = participants.getByRole('search', { name: C.directory.searchLabel })
      await search.getByRole('searchbox', { name: C.directory.search }).fill(people.buyer.name)
      await search.getByRole('button', { name: C.directory.searchButton }).click()
      const entry = participants.getByRole('listitem').filter({ has: page.getByRole('heading', { name: people.buyer.name }) })
      await entry.waitFor()
      await checkPage(page, output, 'convention-directory-desktop')
      await entry.getByRole('button', { name: pattern(C.directory.ask) }).click()
      const dialog = page.getByRole('dialog', { name: C.request.title.replace('{{name}}', people.buyer.name) })
      await dialog.waitFor()
      // Sent without a priority: refused as typed.
      await dialog.getByRole('button', { name: C.request.send }).click()
      await dialog.getByText(C.request.choosePriority).waitFor()
      await dialog.getByRole('combobox', { name: C.request.from }).selectOption({ label: people.esat1.name })
      await dialog.getByRole('radio', { name: C.priority.must_meet }).check()
      await dialog.getByRole('textbox', { name: C.request.message }).fill('Nous livrons des repas en liaison froide : parlons de vos cantines.')
      await checkPage(page, output, 'convention-request-dialog-desktop')
      await dialog.getByRole('button', { name: C.request.send }).click()
      await page.getByText(C.request.sent.replace('{{name}}', people.buyer.name)).waitFor()
      await entry.getByText(C.directory.request.outgoing.replace('{{state}}', C.requestState.pending)).waitFor()
    } finally {
      await page.context().close()
    }
  })

  test('the buyer accepts it from the inbox', async () => {
    const page = await pageAs(BUYER)
    try {
      await visit(page, `/workspace/convention/${event.id}/requests`)
      await page.getByRole('heading', { level: 1, name: C.requests.title }).waitFor()
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: pattern(people.esat1.name) }) })
      await card.waitFor()
      await card.getByText(C.requestState.pending, { exact: true }).waitFor()
      await checkPage(page, output, 'convention-requests-desktop')
      await card.getByRole('combobox', { name: C.requests.myPriority }).selectOption('must_meet')
      await card.getByRole('button', { name: pattern(C.requests.accept) }).click()
      await card.getByText(C.requestState.accepted, { exact: true }).waitFor()
    } finally {
      await page.context().close()
    }
    const mobile = await pageAs(BUYER, 'mobile')
    try {
      await visit(mobile, `/workspace/convention/${event.id}/requests`)
      await mobile.getByText(C.requestState.accepted, { exact: true }).first().waitFor()
      await checkPage(mobile, output, 'convention-requests-mobile')
    } finally {
      await mobile.context().close()
    }
  })

  /** The meeting headings of an agenda page ("13:00 – 13:05, table 2"). */
  async function meetingHeadings(page) {
    await page.getByRole('heading', { level: 2, name: pattern(C.agenda.of) }).waitFor()
    return page.getByRole('article').getByRole('heading', { level: 4 }).allTextContents()
  }

  test('after the scheduler and the preliminary agendas, both sides see the same slot and table, and the .ics', async () => {
    const run = await call(moderator, 'POST', `/api/v1/events/${event.id}/schedule`)
    assert.equal(run.meetings, 1, `one meeting scheduled: ${JSON.stringify(run)}`)
    await call(moderator, 'POST', `/api/v1/events/${event.id}/agendas/send`, { kind: 'preliminary' })

    const buyer = await pageAs(BUYER)
    const supplier = await pageAs(SUPPLIER)
    try {
      await visit(buyer, `/workspace/convention/${event.id}/agenda`)
      const buyerSees = await meetingHeadings(buyer)
      assert.equal(buyerSees.length, 1)
      await buyer.getByRole('article').getByText(people.esat1.name).waitFor()
      await buyer.getByText(C.agenda.preliminary, { exact: true }).waitFor()
      // Before the start: no outcome form.
      await buyer.getByText(C.agenda.outcome.later).waitFor()
      await checkPage(buyer, output, 'convention-agenda-desktop')

      await visit(supplier, `/workspace/convention/${event.id}/agenda`)
      await supplier.getByRole('combobox', { name: C.agenda.delegate }).selectOption({ label: people.esat1.name })
      const supplierSees = await meetingHeadings(supplier)
      assert.deepEqual(supplierSees, buyerSees, 'the same slot and table on both sides')
      await supplier.getByRole('article').getByText(people.buyer.name).waitFor()

      // The calendar file, with the session cookie.
      const href = await buyer.getByRole('link', { name: C.agenda.ics }).getAttribute('href')
      const ics = await buyer.request.get(href)
      assert.equal(ics.status(), 200)
      assert.match(ics.headers()['content-type'] ?? '', /^text\/calendar/)
      const text = await ics.text()
      assert.match(text, /BEGIN:VEVENT/)

      // The inbox shows the slot too.
      await visit(buyer, `/workspace/convention/${event.id}/requests`)
      const scheduled = buyer.getByRole('note').filter({ hasText: C.requests.scheduled })
      await scheduled.waitFor()
      const table = /table (\d+)/.exec(buyerSees[0])?.[1]
      assert.ok(table, `a table in "${buyerSees[0]}"`)
      assert.match(await scheduled.innerText(), new RegExp(`table ${table}\\b`))
    } finally {
      await buyer.context().close()
      await supplier.context().close()
    }
    const mobile = await pageAs(SUPPLIER, 'mobile')
    try {
      await visit(mobile, `/workspace/convention/${event.id}/agenda`)
      await meetingHeadings(mobile)
      await checkPage(mobile, output, 'convention-agenda-mobile')
    } finally {
      await mobile.context().close()
    }
  })

  test('once the meeting has started, the buyer records a deal with its amount', async () => {
    const wait = sessionStart - Date.now() + 2_000
    assert.ok(wait < (LEAD_MINUTES + 1) * 60_000, `the session starts within the run (${wait} ms)`)
    if (wait > 0) await sleep(wait)
    const page = await pageAs(BUYER)
    try {
      await visit(page, `/workspace/convention/${event.id}/agenda`)
      const form = page.getByRole('form', { name: C.agenda.outcome.formLabel.replace('{{name}}', people.esat1.name) })
      await form.waitFor()
      await form.getByRole('radio', { name: C.outcome.deal }).check()
      await form.getByRole('button', { name: C.agenda.outcome.save }).click()
      await form.getByText(W.form.required).waitFor()
      await form.getByRole('textbox', { name: pattern(C.agenda.outcome.amount) }).fill('2500')
      await checkPage(page, output, 'convention-outcome-desktop')
      await form.getByRole('button', { name: C.agenda.outcome.save }).click()
      const recorded = page.getByRole('article').getByRole('status')
      await recorded.getByText(C.agenda.outcome.recorded).waitFor()
      await recorded.getByText(/Deal concluded – €2,500\.00/).waitFor()
      // Read again from the server, not from the page's memory.
      await page.reload()
      await page.getByRole('article').getByText(/Deal concluded – €2,500\.00/).waitFor()
      await checkPage(page, output, 'convention-outcome-recorded-desktop')
    } finally {
      await page.context().close()
    }
  })

  test('the navigation names the events page for visitors', async () => {
    const page = await pageAs(null)
    try {
      await visit(page, '/')
      await page.getByRole('navigation', { name: P.nav.label }).getByRole('link', { name: P.nav.events }).click()
      await page.getByRole('heading', { level: 1, name: C.public.title }).waitFor()
    } finally {
      await page.context().close()
    }
  })
})
