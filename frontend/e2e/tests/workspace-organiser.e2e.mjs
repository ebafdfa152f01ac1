// The convention's organiser console, as the moderator `moderation`: the
// events list; a new event made through the form (errors shown as typed, a
// server field error on its field, then created) and published; the demo
// event's registrations; its schedule page: run the scheduler, read the
// figures and the grid, lock a meeting, move another to a free cell,
// download the table plan's PDF, send preliminary agendas. Every page is
// checked with axe at desktop width, the main ones on a phone.
//
// Its own data, made through the API before the tests: three accepted
// meeting requests at the demo event between organisations registered
// there (aci.moselle → achats.valdorne, inklusion.pfalz → einkauf.moselwerk,
// eta.ardennes → achats.bettsud), so that the scheduler has meetings to
// place whatever else the demo holds.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEMO_PASSWORD, checkPage, demoEmail, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const stamp = Date.now().toString(36)

/** apiAs signs a demo user in, in a context of their own, and gives a JSON caller for the API. */
async function apiAs(browser, user) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' })
  const login = await context.request.post('/api/v1/auth/login', { data: { email: demoEmail(user), password: DEMO_PASSWORD } })
  assert.equal(login.status(), 200, `log in as ${user}`)
  async function call(method, path, data) {
    const res = await context.request.fetch(path, { method, data, timeout: 30_000 })
    const body = res.status() === 204 ? null : await res.json().catch(() => null)
    if (!res.ok()) throw new Error(`${user}: ${method} ${path}: ${res.status()} ${JSON.stringify(body)}`)
    return body
  }
  const orgs = (await call('GET', '/api/v1/me/organisations')).items ?? []
  return { context, org: orgs[0], call }
}

const PAIRS = [
  ['aci.moselle', 'achats.valdorne'],
  ['inklusion.pfalz', 'einkauf.moselwerk'],
  ['eta.ardennes', 'achats.bettsud'],
]

/** An accepted request from a delegate of sender's organisation to one of recipient's (made unless one exists). */
async function acceptedRequest(browser, eventID, senderUser, recipientUser) {
  const sender = await apiAs(browser, senderUser)
  const recipient = await apiAs(browser, recipientUser)
  try {
    const directory = (await sender.call('GET', `/api/v1/events/${eventID}/delegates?limit=100`)).items ?? []
    const mine = directory.find((d) => d.mine)
    const theirs = directory.find((d) => d.organisation_id === recipient.org.id)
    assert.ok(mine && theirs, `${senderUser} and ${recipientUser} both have delegates at the demo event`)
    let request = theirs.request
    if (!request) {
      request = await sender.call('POST', `/api/v1/events/${eventID}/meeting-requests`, {
        from_delegate_id: mine.delegate_id,
        to_delegate_id: theirs.delegate_id,
        priority: 'must_meet',
        message: `Organiser e2e ${stamp}`,
      })
    }
    if (request.state === 'pending') {
      await recipient.call('POST', `/api/v1/events/${eventID}/meeting-requests/${request.id}/accept`, { priority: 'would_like' })
    }
  } finally {
    await sender.context.close()
    await recipient.context.close()
  }
}

/** The page of a signed-in moderator. */
async function moderatorPage(browser, viewport = 'desktop') {
  const page = await openPage(browser, { baseURL, lang: 'en', viewport })
  await signIn(page, 'moderation')
  return page
}

/** The grid's cell of a meeting, found by its first party's name. */
function cellOf(grid, name) {
  return grid.locator('td').filter({ hasText: name }).first()
}

describe('workspace organiser', () => {
  let browser
  const data = {}

  before(async () => {
    browser = await launchBrowser(chromiumPath)
    const moderator = await apiAs(browser, 'moderation')
    try {
      const events = (await moderator.call('GET', '/api/v1/events?state=published')).items ?? []
      const demo = events.find((e) => e.name.startsWith('Rencontres d')) ?? events[0]
      assert.ok(demo, 'the demo data hold a published event')
      data.event = await moderator.call('GET', `/api/v1/events/${demo.id}`)
      for (const [from, to] of PAIRS) await acceptedRequest(browser, demo.id, from, to)
    } finally {
      await moderator.context.close()
    }
  })

  after(async () => {
    await browser?.close()
  })

  test('the events list, at desktop width and on a phone', async () => {
    for (const viewport of ['desktop', 'mobile']) {
      const page = await moderatorPage(browser, viewport)
      try {
        await visit(page, '/workspace/organiser/events')
        await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor()
        const row = page.getByRole('row').filter({ hasText: data.event.name })
        await row.getByText('Published').waitFor()
        await row.getByText(/^\d+ organisations$/).waitFor()
        await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Organiser' }).waitFor()
        await checkPage(page, output, `organiser-events-${viewport}`)
      } finally {
        await page.context().close()
      }
    }
  })

  test('a new event: errors as typed, a server field error on its field, created, then published', async () => {
    const page = await moderatorPage(browser)
    try {
      await visit(page, '/workspace/organiser/events')
      await page.getByRole('link', { name: 'New event' }).click()
      await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor()

      // Errors as typed.
      const name = page.getByRole('textbox', { name: /^Name/ }).first()
      await name.fill('x')
      await name.fill('')
      await page.getByText('Required').first().waitFor()
      const session = page.getByRole('group', { name: 'Session 1' })
      await session.locator('input[name="sessions[0].date"]').fill(inDays(40))
      await session.locator('input[name="sessions[0].end"]').fill('13:00')
      await session.getByText('The end must come after the start').waitFor()
      assert.equal(await session.locator('input[name="sessions[0].end"]').getAttribute('aria-invalid'), 'true')
      await session.locator('input[name="sessions[0].end"]').fill('17:00')
      await session.getByRole('button', { name: 'Add a break' }).click()
      await session.locator('input[name="sessions[0].breaks[0].start"]').fill('15:00')
      await session.locator('input[name="sessions[0].breaks[0].end"]').fill('15:20')
      // 14:00–17:00 less a 20-minute break: 8 slots of 20 minutes, at 20 tables.
      await session.getByText('8 meeting slots: up to 160 meetings at all tables').waitFor()
      await page.getByText('In all: 8 slots × 20 tables = up to 160 meetings.').waitFor()

      await name.fill(`Organiser e2e ${stamp}`)
      await page.getByRole('textbox', { name: /^Venue/ }).fill('Abbaye de Neumünster, Luxembourg')
      await page.getByRole('combobox', { name: /^Time zone/ }).selectOption('Europe/Luxembourg')
      for (const field of ['registration_deadline', 'cancellation_cutoff']) {
        await page.locator(`input[name="${field}-date"]`).fill(inDays(30))
      }
      await page.getByRole('textbox', { name: /^Fee/ }).first().fill('12,50')

      // The form checks what the server checks, so a server refusal is
      // provoked by altering the request on its way (as a form of an older
      // version would send it): the session's end before its start. The
      // server's message lands on that session's End field.
      const tamper = async (route) => {
        const body = route.request().postDataJSON()
        body.sessions[0].ends_at = body.sessions[0].starts_at
        await route.continue({ postData: JSON.stringify(body) })
      }
      await page.route('**/api/v1/events', tamper)
      await page.getByRole('button', { name: 'Create the draft' }).click()
      const end = session.locator('input[name="sessions[0].end"]')
      const serverMessage = session.getByText('the end must be after the start', { exact: true })
      await serverMessage.waitFor()
      assert.equal(await end.getAttribute('aria-invalid'), 'true')
      const describedBy = (await end.getAttribute('aria-describedby')) ?? ''
      assert.ok(describedBy.split(/\s+/).includes(await serverMessage.getAttribute('id')), 'the server’s message is tied to the field')
      await page.unroute('**/api/v1/events', tamper)
      await checkPage(page, output, 'organiser-event-new')

      await page.getByRole('button', { name: 'Create the draft' }).click()
      await page.getByRole('heading', { level: 1, name: `Organiser e2e ${stamp}` }).waitFor()
      await page.getByText('The event was created as a draft.').waitFor()
      await page.getByText('Draft', { exact: true }).first().waitFor()
      // Its times were kept in its zone.
      assert.equal(await page.locator('input[name="sessions[0].start"]').inputValue(), '14:00')
      assert.equal(await page.locator('input[name="participation_types[0].fee"]').inputValue(), '12.50')
      await checkPage(page, output, 'organiser-event-edit')

      await page.getByRole('button', { name: 'Publish', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: /^Publish/ })
      await dialog.getByText('organisations can register at once').waitFor()
      await checkPage(page, output, 'organiser-event-publish-dialog')
      await dialog.getByRole('button', { name: 'Publish the event' }).click()
      await page.getByText('The event is published: registration is open.').waitFor()
      await page.getByText('Published', { exact: true }).first().waitFor()

      // Cancelling says what it does, and can be stepped back from.
      await page.getByRole('button', { name: 'Cancel the event' }).click()
      const cancel = page.getByRole('dialog', { name: /^Cancel/ })
      await cancel.getByText('refunded in full').waitFor()
      await cancel.getByRole('button', { name: 'Go back' }).click()
      await cancel.waitFor({ state: 'hidden' })
    } finally {
      await page.context().close()
    }
  })

  test('the demo event’s registrations, filtered by state', async () => {
    const page = await moderatorPage(browser)
    try {
      await visit(page, `/workspace/organiser/events/${data.event.id}/registrations`)
      await page.getByRole('heading', { level: 1, name: `Registrations: ${data.event.name}` }).waitFor()
      const table = page.getByRole('table', { name: /Organisations registered/ })
      await table.getByRole('row').nth(1).waitFor()
      assert.ok((await table.getByRole('row').count()) >= 12, 'a header and the eleven registrations')
      await page.getByRole('combobox', { name: 'Show' }).selectOption('cancelled')
      await page.getByText('No registration in this state').waitFor()
      await checkPage(page, output, 'organiser-registrations')
    } finally {
      await page.context().close()
    }
  })

  test('the schedule: run, figures, grid, lock, move, table plan PDF, preliminary agendas', async () => {
    const page = await moderatorPage(browser)
    try {
      await visit(page, `/workspace/organiser/events/${data.event.id}/schedule`)
      await page.getByRole('heading', { level: 1, name: `Schedule: ${data.event.name}` }).waitFor()
      const runButton = page.getByRole('button', { name: /^Run the scheduler/ })
      await runButton.click()
      await page.getByText(/^Done: \d+ meetings? scheduled\.$/).waitFor()
      const figures = page.locator('.organiser-figures')
      await figures.getByText('Accepted requests').waitFor()
      const weight = await figures.locator('dd').nth(2).textContent()
      assert.match(weight ?? '', /^\d+ of at most \d+( \(\d+(\.\d)?%\))?$/, `weight against the bound: ${weight}`)

      const grid = page.getByRole('table', { name: /meetings? by slot and table/ })
      await grid.waitFor()
      const headers = await grid.getByRole('columnheader').allTextContents()
      assert.equal(headers[0], 'Slot')
      assert.equal(headers[1], 'Table 1')
      await checkPage(page, output, 'organiser-schedule')

      // The meetings as the API has them now: lock the first, move the second to a free cell.
      const moderator = await apiAs(browser, 'moderation')
      let meetings
      let registrations
      try {
        meetings = (await moderator.call('GET', `/api/v1/events/${data.event.id}/meetings?limit=200`)).items ?? []
        registrations = (await moderator.call('GET', `/api/v1/events/${data.event.id}/registrations?limit=100`)).items ?? []
      } finally {
        await moderator.context.close()
      }
      const movable = meetings.filter((m) => !m.locked && !m.confirmed)
      assert.ok(movable.length >= 2, `at least two meetings to lock and move: ${meetings.length}`)
      const [toLock, toMove] = movable

      const lock = page.getByRole('button', { name: `Lock the meeting of ${toLock.a.name} and ${toLock.b.name}` })
      assert.equal(await lock.getAttribute('aria-pressed'), 'false')
      await lock.click()
      await page.getByText(`The meeting of ${toLock.a.name} and ${toLock.b.name} is locked.`).waitFor()
      assert.equal(await lock.getAttribute('aria-pressed'), 'true')

      const target = freeCell(data.event, meetings, registrations, toMove)
      assert.ok(target, 'a free cell where both delegates are free and available')
      await page.getByRole('button', { name: `Move the meeting of ${toMove.a.name} and ${toMove.b.name}` }).click()
      const dialog = page.getByRole('dialog', { name: 'Move a meeting' })
      await dialog.getByRole('combobox', { name: 'New slot' }).selectOption(target.slot)
      await dialog.getByRole('combobox', { name: 'New table' }).selectOption(String(target.table))
      await checkPage(page, output, 'organiser-schedule-move')
      await dialog.getByRole('button', { name: 'Move the meeting' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await page.getByText(new RegExp(`The meeting of ${toMove.a.name} and ${toMove.b.name} is now at .*, table ${target.table}\\.`)).waitFor()
      const moved = grid.getByRole('row').filter({ has: page.getByRole('rowheader') }).nth(target.slotIndex)
      await cellOf(moved, `${toMove.a.name} (`).waitFor()

      // A move into a taken cell is refused, with the server's reason.
      await page.getByRole('button', { name: `Move the meeting of ${toMove.a.name} and ${toMove.b.name}` }).click()
      const again = page.getByRole('dialog', { name: 'Move a meeting' })
      await again.getByRole('combobox', { name: 'New slot' }).selectOption(slotValue(data.event, toLock.starts_at))
      await again.getByRole('combobox', { name: 'New table' }).selectOption(String(toLock.table))
      await again.getByRole('button', { name: 'Move the meeting' }).click()
      await again.getByText('The meeting could not be moved').waitFor()
      await again.getByRole('button', { name: 'Go back' }).click()
      await again.waitFor({ state: 'hidden' })

      // The table plan of a slot, and the whole plan as a PDF.
      await page.getByRole('combobox', { name: 'Slot', exact: true }).selectOption(slotValue(data.event, toLock.starts_at))
      await page.getByRole('table', { name: /^Who sits at which table/ }).getByText(toLock.a.name).waitFor()
      const pdf = await page.request.get(await page.getByRole('link', { name: 'Download the table plan (PDF)' }).getAttribute('href'))
      assert.equal(pdf.status(), 200)
      assert.match(pdf.headers()['content-type'], /^application\/pdf/)
      assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-')

      // Preliminary agendas, with the consequences said first.
      await page.getByRole('button', { name: 'Send preliminary agendas' }).click()
      const send = page.getByRole('dialog', { name: 'Send preliminary agendas?' })
      await send.getByText('Meetings may still move afterwards').waitFor()
      await send.getByRole('button', { name: 'Send the agendas' }).click()
      await page.getByText(/^Preliminary agendas sent\. \d+ emails? (is|are) on (its|their) way\.$/).waitFor()
      await page.getByText('Preliminary agendas have been sent.').waitFor()
      await page.getByText(/\(version \d+\)/).waitFor()
      await checkPage(page, output, 'organiser-schedule-sent')
    } finally {
      await page.context().close()
    }
  })

  test('the schedule page on a phone', async () => {
    const page = await moderatorPage(browser, 'mobile')
    try {
      await visit(page, `/workspace/organiser/events/${data.event.id}/schedule`)
      await page.getByRole('heading', { level: 1, name: `Schedule: ${data.event.name}` }).waitFor()
      await page.getByRole('table', { name: /meetings? by slot and table/ }).waitFor()
      await checkPage(page, output, 'organiser-schedule-mobile')
    } finally {
      await page.context().close()
    }
  })

  test('a signed-in member who is no organiser is told so', async () => {
    const page = await openPage(browser, { baseURL, lang: 'en' })
    try {
      await signIn(page, 'esat.saulnois')
      await visit(page, '/workspace/organiser/events')
      await page.getByRole('heading', { level: 1, name: 'Convention organiser' }).waitFor()
      await page.getByText(/administrators organise conventions/).waitFor()
      assert.equal(await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Organiser' }).count(), 0)
      await checkPage(page, output, 'organiser-forbidden')
    } finally {
      await page.context().close()
    }
  })
})

/** The event's spelling of a slot's start (the selects' values), for an instant spelt any way. */
function slotValue(event, iso) {
  const slot = (event.sessions ?? []).flatMap((s) => s.slots ?? []).find((s) => Date.parse(s.starts_at) === Date.parse(iso))
  assert.ok(slot, `a slot starts at ${iso}`)
  return slot.starts_at
}

/** The date in n days (YYYY-MM-DD, UTC). */
function inDays(n) {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A cell (slot, table) where meeting could go: a slot of the event where
 * neither of its delegates meets anyone and both are available (inside one
 * of their windows, or without any), at a table free then.
 */
function freeCell(event, meetings, registrations, meeting) {
  const slots = (event.sessions ?? []).flatMap((s) => s.slots ?? []).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  const delegates = new Map(registrations.flatMap((r) => r.delegates ?? []).map((d) => [d.id, d]))
  const available = (id, slot) => {
    const windows = delegates.get(id)?.availability ?? []
    return windows.length === 0 || windows.some((w) => Date.parse(w.starts_at) <= Date.parse(slot.starts_at) && Date.parse(slot.ends_at) <= Date.parse(w.ends_at))
  }
  const ids = [meeting.a.delegate_id, meeting.b.delegate_id]
  for (const [slotIndex, slot] of slots.entries()) {
    if (Date.parse(slot.starts_at) === Date.parse(meeting.starts_at)) continue
    const here = meetings.filter((m) => Date.parse(m.starts_at) === Date.parse(slot.starts_at))
    if (here.some((m) => ids.includes(m.a.delegate_id) || ids.includes(m.b.delegate_id))) continue
    if (!ids.every((id) => available(id, slot))) continue
    for (let table = 1; table <= event.tables; table++) {
      if (!here.some((m) => m.table === table)) return { slot: slot.starts_at, slotIndex, table }
    }
  }
  return null
}
