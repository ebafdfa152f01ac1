// Security headers on the real product, and its pages under its
// Content-Security-Policy: the public pages (a supplier's page has a map),
// the API documentation (rendered from the OpenAPI document), the
// statistics (charts), the workspace, and an SSE status's evidence viewer
// with a PDF embedded from object storage. Any violation fails (see
// checkPage in browser.mjs); the detector is first proved on a page that
// really violates the policy.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoPages } from '../demo.mjs'
import { checkPage, env, launchBrowser, openPage, signIn, visit } from '../browser.mjs'

const { baseURL, chromiumPath, output } = env()
const pages = await demoPages(baseURL)

/** A small valid PDF, the evidence shown in the viewer. */
function smallPDF() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>',
  ]
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

describe('security headers and Content-Security-Policy', () => {
  let browser
  before(async () => {
    browser = await launchBrowser(chromiumPath)
  })
  after(async () => {
    await browser?.close()
  })

  test('every kind of response carries the security headers', async () => {
    const index = await (await fetch(new URL('/', baseURL), { signal: AbortSignal.timeout(10_000) })).text()
    const asset = index.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]
    assert.ok(asset, 'the page names its script')
    for (const path of ['/', '/search?q=x', asset, '/assets/missing-0000.js', '/api/v1/meta', '/api/v1/me', '/api/v1/nothing', '/robots.txt']) {
      const res = await fetch(new URL(path, baseURL), { signal: AbortSignal.timeout(10_000) })
      await res.arrayBuffer()
      const csp = res.headers.get('content-security-policy') ?? ''
      assert.match(csp, /script-src 'self'(;|$)/, `${path} (${res.status}): script-src`)
      assert.match(csp, /frame-ancestors 'none'/, `${path}: frame-ancestors`)
      assert.doesNotMatch(csp, /unsafe-eval/, `${path}: no unsafe-eval`)
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${path}: nosniff`)
      assert.equal(res.headers.get('x-frame-options'), 'DENY', `${path}: X-Frame-Options`)
      assert.ok(res.headers.get('referrer-policy'), `${path}: Referrer-Policy`)
      assert.ok(res.headers.get('permissions-policy'), `${path}: Permissions-Policy`)
      // The product runs on plain http here: no HSTS.
      assert.equal(res.headers.get('strict-transport-security'), null, `${path}: no HSTS over http`)
    }
  })

  test('the violation detector finds an inline script', async () => {
    const page = await openPage(browser, { baseURL })
    try {
      await visit(page, '/')
      await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.__ran = true'
        document.body.append(s)
      })
      await page.waitForFunction(() => true)
      await assert.rejects(checkPage(page, output, 'csp-self-check'), /Content-Security-Policy violations/)
      assert.equal(await page.evaluate(() => window.__ran === true), false, 'the inline script was blocked')
    } finally {
      await page.context().close()
    }
  })

  const publicPages = [
    ...pages.filter((p) => ['home', 'search', 'offer', 'tender', 'supplier', 'login'].includes(p.name)),
    { name: 'developers', path: '/developers' },
    { name: 'statistics', path: '/statistics' },
  ]
  for (const { name, path } of publicPages) {
    test(`${name} (${path}) runs under the policy`, { timeout: 120_000 }, async () => {
      const page = await openPage(browser, { baseURL })
      try {
        const res = await visit(page, path)
        assert.equal(res.status(), 200)
        await checkPage(page, output, `csp-${name}`)
      } finally {
        await page.context().close()
      }
    })
  }

  test('the workspace and the evidence viewer with a PDF run under the policy', { timeout: 180_000 }, async () => {
    // A supplier attaches a PDF to an SSE status; the moderator's viewer
    // embeds it from object storage.
    const supplier = await openPage(browser, { baseURL })
    const moderator = await openPage(browser, { baseURL })
    try {
      await signIn(supplier, 'ea.lorraine')
      const orgs = await (await supplier.request.get('/api/v1/me/organisations')).json()
      const org = orgs.items[0]
      const up = await supplier.request.post(
        `/api/v1/organisations/${org.id}/documents?purpose=sse_evidence&filename=csp-evidence.pdf`,
        { data: smallPDF(), headers: { 'Content-Type': 'application/pdf' } },
      )
      assert.equal(up.status(), 201, `upload: ${await up.text()}`)
      const doc = await up.json()
      await visit(supplier, '/workspace')
      await checkPage(supplier, output, 'csp-workspace-supplier')

      await signIn(moderator, 'moderation')
      const statuses = `/api/v1/organisations/${org.id}/sse-statuses`
      const list = await (await supplier.request.get(statuses)).json()
      const status = (list.items ?? [])[0]
      assert.ok(status, 'ea.lorraine has an SSE status')
      const attach = await supplier.request.put(`${statuses}/${status.id}/evidence/${doc.id}`)
      assert.ok(attach.ok(), `attach: ${attach.status()} ${await attach.text()}`)
      await visit(moderator, `/workspace/moderation/sse-statuses/${org.id}/${status.id}`)
      const viewer = moderator.getByRole('region', { name: 'Evidence' })
      await viewer.getByText('csp-evidence.pdf').first().waitFor()
      const pdf = viewer.locator('object[type="application/pdf"]').first()
      await pdf.waitFor({ state: 'attached' })
      // The <object> follows the download route's redirect to object
      // storage: wait until that load has happened.
      await moderator.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {})
      await checkPage(moderator, output, 'csp-evidence-viewer')
    } finally {
      await supplier.context().close()
      await moderator.context().close()
    }
  })
})
