import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../../i18n'
import { renderApp } from '../../test/render'
import { supplierApi } from './testing'

function status(overrides: Record<string, unknown> = {}) {
  return {
    id: 's1',
    organisation_id: 'org1',
    type: 'fr_ea',
    type_label: 'EA (adapted enterprise)',
    country: 'FR',
    category: 'sheltered',
    registration_number: 'EA-57-2021-014',
    valid_until: '2030-06-30',
    state: 'unverified',
    counts: false,
    evidence_document_ids: [],
    updated_at: '2026-11-01T00:00:00Z',
    ...overrides,
  }
}

/**
 * A stand-in for XMLHttpRequest (what the upload uses, for its progress
 * events): it records what was opened and lets the test drive the upload.
 */
class FakeXHR {
  static last: FakeXHR | null = null
  static opened = 0
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  status = 0
  responseText = ''
  withCredentials = false
  sentBody: unknown = null
  open() {
    FakeXHR.opened++
    FakeXHR.last = this
  }
  setRequestHeader() {}
  send(body: unknown) {
    this.sentBody = body
  }
  abort() {
    this.onabort?.()
  }
}

function chooseFile(file: File) {
  const input = screen.getByLabelText('Evidence document (approval, certificate)')
  fireEvent.change(input, { target: { files: [file] } })
}

describe('SSE status evidence', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
    FakeXHR.last = null
    FakeXHR.opened = 0
    vi.stubGlobal('XMLHttpRequest', FakeXHR)
  })

  it('refuses a wrong type or a too large file before sending anything', { timeout: 30_000 }, async () => {
    supplierApi({ 'GET /api/v1/organisations/org1/sse-statuses': () => ({ body: { items: [status()] } }) })
    renderApp('/workspace/supplier/statuses/s1')
    expect(await screen.findByText('Not yet sent for verification')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Request verification' }).hasAttribute('disabled')).toBe(true)

    chooseFile(new File(['hello'], 'notes.txt', { type: 'text/plain' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/This type of file is not accepted here/)
    const big = new File(['%PDF-1.4'], 'agrement.pdf', { type: 'application/pdf' })
    Object.defineProperty(big, 'size', { value: 30 * 1024 * 1024 })
    chooseFile(big)
    expect((await screen.findByRole('alert')).textContent).toMatch(/This file is 30 MB: at most 25 MB is accepted/)
    expect(FakeXHR.opened).toBe(0)
  })

  it('shows the upload’s progress, attaches the document and then allows the verification request', { timeout: 30_000 }, async () => {
    let attached = false
    const sent = supplierApi({
      'GET /api/v1/organisations/org1/sse-statuses': () => ({
        body: { items: [status(attached ? { evidence_document_ids: ['d1'] } : {})] },
      }),
      'PUT /api/v1/organisations/org1/sse-statuses/s1/evidence/d1': () => {
        attached = true
        return { body: status({ evidence_document_ids: ['d1'] }) }
      },
      'GET /api/v1/documents/d1': () => ({
        body: { id: 'd1', organisation_id: 'org1', purpose: 'sse_evidence', filename: 'agrement.pdf', content_type: 'application/pdf', size_bytes: 9, sha256: 'x', created_at: '2026-11-01T00:00:00Z' },
      }),
      'POST /api/v1/organisations/org1/sse-statuses/s1/verification-request': () => ({ body: status({ state: 'pending', evidence_document_ids: ['d1'] }) }),
    })
    renderApp('/workspace/supplier/statuses/s1')
    await screen.findByText('Not yet sent for verification')
    chooseFile(new File(['%PDF-1.4 x'], 'agrement.pdf', { type: 'application/pdf' }))
    const xhr = FakeXHR.last
    expect(xhr).not.toBeNull()
    const form = xhr?.sentBody as FormData
    expect(form.get('purpose')).toBe('sse_evidence')
    act(() => xhr?.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 }))
    expect(screen.getByRole('progressbar', { name: 'Uploading agrement.pdf: 50 %' })).toBeTruthy()
    expect(screen.getByLabelText('Evidence document (approval, certificate)').hasAttribute('disabled')).toBe(true)
    act(() => {
      if (!xhr) return
      xhr.status = 201
      xhr.responseText = JSON.stringify({ id: 'd1', filename: 'agrement.pdf', purpose: 'sse_evidence' })
      xhr.onload?.()
    })
    expect(await screen.findByRole('link', { name: 'agrement.pdf' })).toBeTruthy()
    expect(sent.some((r) => r.method === 'PUT' && r.path.endsWith('/evidence/d1'))).toBe(true)
    const request = screen.getByRole('button', { name: 'Request verification' })
    await waitFor(() => expect(request.hasAttribute('disabled')).toBe(false))
    fireEvent.click(request)
    await waitFor(() => expect(sent.some((r) => r.path.endsWith('/verification-request'))).toBe(true))
  })
})
