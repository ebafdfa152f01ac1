// The account pages with real emails: sign up, open the confirmation link
// from the email (its token after #), log in and land where the login was
// asked from; forget the password, open the reset link, log in with the new
// one. The emails are read from the run's Mailpit.

import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { env, launchBrowser, openPage, visit } from '../browser.mjs'

const { baseURL, chromiumPath } = env()
const mailpitURL = process.env.E2E_MAILPIT_URL

/** emailLink waits (up to 30 s) for the email to address and returns its link to path. */
async function emailLink(address, path) {
  const deadline = Date.now() + 30_000
  const pattern = new RegExp(`https?://[^\\s"'<>]+${path}#token=[\\w-]+`)
  for (;;) {
    const res = await fetch(`${mailpitURL}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`)
    const { messages = [] } = await res.json()
    for (const { ID } of messages) {
      const message = await (await fetch(`${mailpitURL}/api/v1/message/${ID}`)).json()
      const link = `${message.Text}\n${message.HTML}`.match(pattern)?.[0]
      if (link) return link
    }
    if (Date.now() > deadline) throw new Error(`no email to ${address} with a link to ${path} within 30 s`)
    await sleep(500)
  }
}

/** pathOf turns a link of the product into a path (the run's origin may differ from PUBLIC_URL's form). */
function pathOf(link) {
  const url = new URL(link)
  return `${url.pathname}${url.search}${url.hash}`
}

describe('accounts, with the emails they send', () => {
  let browser
  before(async () => {
    assert.ok(mailpitURL, 'E2E_MAILPIT_URL is unset: run.mjs starts a Mailpit, or set it with E2E_BASE_URL')
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  const address = `e2e-${Date.now()}@example.org`
  const password = 'Sept-lanternes-sur-la-Moselle'

  test('sign up, confirm the address from the email, log in and go back to ?next=', async () => {
    const page = await openPage(browser, { baseURL, lang: 'en' })
    try {
      await visit(page, '/signup')
      const main = page.getByRole('main')
      await main.getByLabel('Your name').fill('Claire E2E')
      await main.getByLabel('Email address').fill(address)
      await main.getByLabel('Password', { exact: false }).first().fill(password)
      await main.getByRole('button', { name: 'Create my account' }).click()
      await main.getByText(`we sent a link to ${address}`).waitFor()

      const link = await emailLink(address, '/verify-email')
      await visit(page, pathOf(link))
      await main.getByText('Your email address is confirmed.').waitFor()

      await visit(page, `/login?next=${encodeURIComponent('/search?q=Reinigung')}`)
      await main.getByLabel('Email address').fill(address)
      await main.getByLabel('Password', { exact: false }).first().fill(password)
      await main.getByRole('button', { name: 'Log in' }).click()
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'Reinigung')
      await page.getByText('Signed in as Claire E2E').waitFor()
      assert.deepEqual(page.errors, [])
    } finally {
      await page.context().close()
    }
  })

  test('a wrong password is refused in the reader’s language, and the reset link from the email sets a new one', async () => {
    const page = await openPage(browser, { baseURL, lang: 'fr' })
    try {
      const main = page.getByRole('main')
      await visit(page, '/login')
      await main.getByLabel('Adresse e-mail').fill(address)
      await main.getByLabel('Mot de passe', { exact: false }).first().fill('pas le bon mot de passe')
      await main.getByRole('button', { name: 'Se connecter' }).click()
      await main.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor()

      await visit(page, '/reset-password')
      await main.getByLabel('Adresse e-mail').fill(address)
      await main.getByRole('button', { name: 'M’envoyer un lien' }).click()
      await main.getByRole('status').waitFor()
      const link = await emailLink(address, '/reset-password')
      await visit(page, pathOf(link))
      const newPassword = 'Neuf-lanternes-sur-la-Sarre'
      await main.getByLabel('Nouveau mot de passe', { exact: false }).first().fill(newPassword)
      await main.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click()
      await main.getByText('Votre mot de passe a été changé.', { exact: false }).waitFor()

      await visit(page, '/login')
      await main.getByLabel('Adresse e-mail').fill(address)
      await main.getByLabel('Mot de passe', { exact: false }).first().fill(newPassword)
      await main.getByRole('button', { name: 'Se connecter' }).click()
      // No ?next=: the workspace.
      await page.waitForURL((url) => url.pathname === '/workspace')
      assert.deepEqual(page.errors, [])
    } finally {
      await page.context().close()
    }
  })
})
