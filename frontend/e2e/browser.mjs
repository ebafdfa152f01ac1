// What every end-to-end test shares: the system Chromium driven by
// playwright-core, pages in a given language and viewport, screenshots and
// the axe-core scan.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium } from 'playwright-core'

/** env reads what run.mjs passes to the tests. */
export function env() {
  const baseURL = process.env.E2E_BASE_URL
  const chromiumPath = process.env.E2E_CHROMIUM
  if (!baseURL || !chromiumPath) {
    throw new Error('E2E_BASE_URL and E2E_CHROMIUM are unset: run the tests with `npm test` (run.mjs)')
  }
  const output = process.env.E2E_OUTPUT ?? join(import.meta.dirname, 'output')
  // The product's own Mailpit (empty when the product runs without one).
  const mailpitURL = process.env.E2E_MAILPIT_URL ?? ''
  return { baseURL, chromiumPath, output, mailpitURL }
}

/** VIEWPORTS are the two widths every page is shown at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
}

/** LANGUAGES are the interface languages, with the browser locale that picks each. */
export const LANGUAGES = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', nl: 'nl-BE' }

/** PRODUCT_NAME is the same in every language. */
export const PRODUCT_NAME = 'Passerelle'

/** ENDONYMS are the names the language switcher shows. */
export const ENDONYMS = { fr: 'Français', de: 'Deutsch', en: 'English', nl: 'Nederlands' }

/**
 * launchBrowser starts the system Chromium. It runs as root on CI machines,
 * hence --no-sandbox; the other flags keep it from reaching out to the
 * network on its own (see GOTCHAS.md).
 */
export function launchBrowser(chromiumPath) {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

/**
 * openPage opens a page in a context of its own (what @axe-core/playwright
 * needs) whose browser prefers language lang. Uncaught script errors are
 * collected in page.errors, console errors in page.consoleErrors,
 * Content-Security-Policy violations in page.cspViolations.
 */
export async function openPage(browser, { baseURL, lang = 'en', viewport = 'desktop' }) {
  const context = await browser.newContext({
    baseURL,
    locale: LANGUAGES[lang],
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === 'mobile',
    hasTouch: viewport === 'mobile',
    reducedMotion: 'reduce',
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  const page = await context.newPage()
  page.errors = []
  page.on('pageerror', (err) => page.errors.push(err.message))
  // Console errors, but for two that are no fault of the page: a visitor's
  // GET /api/v1/me answers 401 (how the app learns nobody is signed in), and
  // map tiles come from another site, unreachable on a machine offline.
  page.consoleErrors = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const where = msg.location().url ?? ''
    if (msg.text().startsWith('Failed to load resource')) {
      const url = new URL(where, baseURL)
      if (url.origin !== new URL(baseURL).origin) return
      if (url.pathname === '/api/v1/me' && msg.text().includes('401')) return
    }
    page.consoleErrors.push(`${msg.text()}${where ? ` (${where})` : ''}`)
  })
  // Content-Security-Policy violations: the browser reports each as a
  // securitypolicyviolation event (recorded by an init script, so that none
  // is missed before the app's code runs) and as a console message.
  page.cspViolations = []
  await context.exposeBinding('__passerelleCSPViolation', (_source, text) => page.cspViolations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = globalThis.__passerelleCSPViolation
      if (report) report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || document.location.href}:${e.lineNumber})`)
    })
  })
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) page.cspViolations.push(msg.text())
  })
  // Every string of every API answer the page read: the data shown, as
  // opposed to the interface's own texts.
  const reads = []
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/') && res.headers()['content-type']?.includes('json')) {
      reads.push(res.json().then(strings, () => []))
    }
  })
  page.dataTexts = async () => new Set((await Promise.all(reads)).flat())
  return page
}

function strings(value) {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/**
 * visit loads path and waits until the app has rendered: a <main> is there,
 * the network has been quiet a moment and nothing says it is still loading.
 */
export async function visit(page, path) {
  const response = await page.goto(path, { waitUntil: 'load' })
  await page.locator('main').first().waitFor({ state: 'visible' })
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 })
    .catch(() => {})
  return response
}

/** screenshot writes the whole page to output/screenshots/name.png. */
export async function screenshot(page, output, name) {
  const dir = join(output, 'screenshots')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

/** BLOCKING_IMPACTS are the axe impacts that fail a test. */
export const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

/**
 * scan runs every axe-core rule (WCAG 2.0/2.1 A and AA and best practices)
 * on the page and returns the violations, the blocking ones first.
 */
export async function scan(page) {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact))
  const other = results.violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact))
  return { blocking, other, passes: results.passes.length }
}

/** describeViolations turns axe violations into readable lines. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ').trim()}`)
        .join('\n')
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${where}\n    ${v.helpUrl}`
    })
    .join('\n')
}

const SWITCHER_NAME = /language|langue|sprache|taal/i

/**
 * switchLanguage picks lang in the page's language switcher, whatever form
 * it takes: a native <select>, a combobox with options, or a button opening
 * a menu (or a list) of the languages by their own names.
 */
export async function switchLanguage(page, lang) {
  const combobox = page.getByRole('combobox', { name: SWITCHER_NAME }).first()
  if (await combobox.count()) {
    if ((await combobox.evaluate((el) => el.tagName)) === 'SELECT') {
      await combobox.selectOption(lang)
      return
    }
    await combobox.click()
    await page.getByRole('option', { name: ENDONYMS[lang] }).first().click()
    return
  }
  const button = page.getByRole('button', { name: SWITCHER_NAME }).first()
  if (await button.count()) await button.click()
  const choice = page
    .getByRole('menuitemradio', { name: ENDONYMS[lang] })
    .or(page.getByRole('menuitem', { name: ENDONYMS[lang] }))
    .or(page.getByRole('option', { name: ENDONYMS[lang] }))
    .or(page.getByRole('link', { name: ENDONYMS[lang] }))
    .or(page.getByRole('button', { name: ENDONYMS[lang] }))
    .first()
  await choice.click()
}

/** languageSwitcher finds the switcher (for presence checks). */
export function languageSwitcher(page) {
  return page
    .getByRole('combobox', { name: SWITCHER_NAME })
    .or(page.getByRole('button', { name: SWITCHER_NAME }))
    .or(page.getByRole('navigation', { name: SWITCHER_NAME }))
    .or(page.getByRole('group', { name: SWITCHER_NAME }))
    .first()
}

/**
 * visibleTexts lists the texts a reader sees, one per element that holds
 * text directly, leaving out what is not interface text: the product's
 * and the languages' names, anything inside an element in another language
 * than the page's (listings are shown in their own language, marked with
 * lang) or marked translate="no", the map's attribution, and texts without
 * a letter (numbers, symbols).
 */
export function visibleTexts(page) {
  return page.evaluate((names) => {
    const pageLang = document.documentElement.lang
    const texts = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\s+/g, ' ').trim()
      const el = node.parentElement
      if (!el || !/\p{L}/u.test(text) || names.includes(text)) continue
      if (el.closest('script, style, noscript, option, [translate="no"], .leaflet-control-attribution')) continue
      const langOf = el.closest('[lang]')
      if (langOf && langOf !== document.documentElement && langOf.lang !== pageLang) continue
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue
      texts.push(text)
    }
    return texts
  }, [PRODUCT_NAME, ...Object.values(ENDONYMS)])
}

/** DEMO_PASSWORD is every demo user's password (see `passerelle seed`). */
export const DEMO_PASSWORD = 'Passerelle-Demo-2026'

/** demoEmail is the address of a demo user: demoEmail('esat.saulnois'). */
export function demoEmail(user) {
  return `${user}@demo.passerelle.example`
}

/**
 * signIn logs the page's browser context in as a demo user (or any account,
 * given email and password) through the API, as the login form does: the
 * session cookie lands in the context, so every later page is signed in.
 */
export async function signIn(page, user, password = DEMO_PASSWORD) {
  const email = user.includes('@') ? user : demoEmail(user)
  const res = await page.request.post('/api/v1/auth/login', {
    data: { email, password },
    headers: { 'Content-Type': 'application/json' },
  })
  if (!res.ok()) throw new Error(`log in as ${email}: ${res.status()} ${await res.text()}`)
  return res.json()
}

/**
 * checkPage is what every page test ends with: a screenshot named name, no
 * uncaught script error and no serious or critical axe violation (the
 * others printed).
 */
export async function checkPage(page, output, name) {
  await screenshot(page, output, name)
  const { blocking, other } = await scan(page)
  if (other.length > 0) console.log(`${name}: minor or moderate axe findings (not failing):\n${describeViolations(other)}`)
  if (page.errors.length > 0) throw new Error(`${name}: uncaught script errors: ${page.errors.join(' | ')}`)
  if (page.cspViolations?.length > 0) {
    throw new Error(`${name}: Content-Security-Policy violations: ${[...new Set(page.cspViolations)].join(' | ')}`)
  }
  if (blocking.length > 0) throw new Error(`${name}: serious or critical axe violations:\n${describeViolations(blocking)}`)
}
