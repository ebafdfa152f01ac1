import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { renderApp } from '../../test/render'
import type { SupplierResponse } from './common'
import { responseMode } from './responses'
import { supplierApi } from './testing'

const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString()
const yesterday = new Date(Date.now() - 86_400_000).toISOString()

function tender(deadline = inTenDays) {
  return {
    id: 't1',
    kind: 'formal_tender',
    state: deadline === inTenDays ? 'published' : 'closed',
    language: 'en',
    title: 'Green spaces upkeep',
    description: '',
    description_html: '',
    texts: [{ language: 'en', original: true, title: 'Green spaces upkeep' }],
    place_nuts: 'FRF33',
    place_town: 'Metz',
    questions_deadline: deadline,
    responses_deadline: deadline,
    deadline_passed: deadline !== inTenDays,
    response_languages: ['en'],
    buyer_anonymous: false,
    lots: [{ id: 'l1', position: 0, title: 'Mowing', description_html: '', clause_labels: {} }],
    document_ids: [],
    substance_version: 1,
    updated_at: '2026-11-01T00:00:00Z',
  }
}

function response(overrides: Partial<SupplierResponse> = {}): SupplierResponse {
  return {
    id: 'r1',
    tender_id: 't1',
    lot_id: 'l1',
    organisation_id: 'org1',
    state: 'draft',
    message: 'We mow.',
    currency: 'EUR',
    document_ids: [],
    confirmed_version: 1,
    needs_confirmation: false,
    counts: false,
    updated_at: '2026-11-01T00:00:00Z',
    ...overrides,
  }
}

function editorApi(r: SupplierResponse, deadline = inTenDays, extra: Parameters<typeof supplierApi>[0] = {}) {
  return supplierApi({
    'GET /api/v1/responses/r1': () => ({ body: r }),
    'GET /api/v1/tenders/t1': () => ({ body: tender(deadline) }),
    ...extra,
  })
}

describe('responseMode', () => {
  it('follows the state and the deadline', () => {
    expect(responseMode(undefined, false)).toBe('edit')
    expect(responseMode(response(), false)).toBe('edit')
    expect(responseMode(response({ state: 'withdrawn' }), false)).toBe('edit')
    expect(responseMode(response({ state: 'submitted' }), false)).toBe('sent')
    expect(responseMode(response({ state: 'submitted', needs_confirmation: true }), false)).toBe('confirm')
    expect(responseMode(response({ state: 'reconfirmation_required' }), false)).toBe('confirm')
    expect(responseMode(response({ state: 'submitted' }), true)).toBe('closed')
    expect(responseMode(response({ state: 'accepted' }), true)).toBe('decided')
  })
})

describe('response editor', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('a draft: explains the seal, shows the server’s field error on its field, then sends', { timeout: 30_000 }, async () => {
    let state: SupplierResponse = response()
    let refuse = true
    const sent = editorApi(state, inTenDays, {
      'GET /api/v1/responses/r1': () => ({ body: state }),
      'PUT /api/v1/responses/r1': () =>
        refuse
          ? {
              status: 422,
              body: { title: 'Unprocessable Entity', status: 422, errors: [{ location: 'body.price_text', message: 'Not a price' }] },
            }
          : { body: state },
      'POST /api/v1/responses/r1/submit': () => {
        state = response({ state: 'submitted', submitted_at: new Date().toISOString(), counts: true })
        return { body: state }
      },
    })
    renderApp('/workspace/supplier/responses/r1')
    expect(await screen.findByText(/Once sent, the response is sealed: nobody, not even the buyer, reads it before the deadline/)).toBeTruthy()
    expect(screen.getByText('Draft')).toBeTruthy()
    const details = screen.getByRole('textbox', { name: 'Price details' })
    fireEvent.change(details, { target: { value: '???' } })
    expect(screen.getByText('Unsaved changes')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft' }))
    await waitFor(() => expect(details.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText('Not a price')).toBeTruthy()

    // Emptied: required, before anything is sent.
    const message = screen.getByRole('textbox', { name: /Your response/ })
    fireEvent.change(message, { target: { value: ' ' } })
    expect(message.getAttribute('aria-invalid')).toBe('true')
    const puts = sent.filter((r) => r.method === 'PUT').length
    fireEvent.click(screen.getByRole('button', { name: 'Send the response' }))
    expect(sent.filter((r) => r.method === 'PUT').length).toBe(puts)

    // Fixed and sent: the unsaved change is saved first, then the response is submitted.
    fireEvent.change(message, { target: { value: 'We mow.' } })
    fireEvent.change(details, { target: { value: 'per season' } })
    refuse = false
    sent.length = 0
    fireEvent.click(screen.getByRole('button', { name: 'Send the response' }))
    expect(await screen.findByRole('button', { name: 'Withdraw the response' })).toBeTruthy()
    expect(sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/v1/responses/r1',
      'POST /api/v1/responses/r1/submit',
    ])
    expect(sent.find((r) => r.method === 'PUT')?.body).toMatchObject({ message: 'We mow.', price_text: 'per season' })
    expect(screen.getByText('Sent')).toBeTruthy()
  })

  it('sent: read-only, sealed, with a withdraw button', { timeout: 30_000 }, async () => {
    editorApi(response({ state: 'submitted', submitted_at: '2026-11-20T10:00:00Z', counts: true }))
    renderApp('/workspace/supplier/responses/r1')
    expect(await screen.findByRole('button', { name: 'Withdraw the response' })).toBeTruthy()
    expect(screen.getByText('Sent')).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: /Your response/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Send the response' })).toBeNull()
    expect(screen.getByText(/sealed until the deadline/)).toBeTruthy()
  })

  it('changed tender: asks for re-confirmation', { timeout: 30_000 }, async () => {
    const sent = editorApi(response({ state: 'reconfirmation_required', needs_confirmation: true }), inTenDays, {
      'POST /api/v1/responses/r1/confirm': () => ({ body: response({ state: 'submitted', counts: true }) }),
    })
    renderApp('/workspace/supplier/responses/r1')
    const confirm = await screen.findByRole('button', { name: 'Confirm the response' })
    expect(screen.getByText(/changed the tender substantially/)).toBeTruthy()
    fireEvent.click(confirm)
    expect(await screen.findByRole('button', { name: 'Withdraw the response' })).toBeTruthy()
    expect(sent.some((r) => r.path === '/api/v1/responses/r1/confirm')).toBe(true)
  })

  it('after the deadline: the buyer’s decision, read-only', { timeout: 30_000 }, async () => {
    editorApi(
      response({ state: 'accepted', price_cents: 1845050, decision_reason: 'Best social value', decided_at: yesterday }),
      yesterday,
    )
    renderApp('/workspace/supplier/responses/r1')
    expect(await screen.findByText('Best social value')).toBeTruthy()
    expect(screen.getByText('Accepted')).toBeTruthy()
    expect(screen.getByText('The buyer has decided on your response.')).toBeTruthy()
    expect(screen.getByText('€18,450.50')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Withdraw|Send|Confirm/ })).toBeNull()
  })

  it('a new response: nothing is created until a message is written', { timeout: 30_000 }, async () => {
    const sent = supplierApi({
      'GET /api/v1/tenders/t1': () => ({ body: tender() }),
      'GET /api/v1/organisations/org1/responses': () => ({ body: { items: [], next_cursor: '' } }),
      'POST /api/v1/tenders/t1/lots/l1/responses': () => ({ status: 201, body: response({ id: 'r2' }) }),
      'GET /api/v1/responses/r2': () => ({ body: response({ id: 'r2' }) }),
    })
    renderApp('/workspace/supplier/tenders/t1/lots/l1/respond')
    expect(await screen.findByText('Not saved yet')).toBeTruthy()
    expect(screen.getByText('Save the draft first: documents can then be attached.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Send the response' }))
    expect(screen.getByRole('textbox', { name: /Your response/ }).getAttribute('aria-invalid')).toBe('true')
    expect(sent.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.change(screen.getByRole('textbox', { name: /Your response/ }), { target: { value: 'We mow.' } })
    fireEvent.change(screen.getByRole('textbox', { name: /Price in euros/ }), { target: { value: '1200,50' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft' }))
    expect(await screen.findByText('Draft')).toBeTruthy()
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ message: 'We mow.', currency: 'EUR', price_cents: 120050 })
  })
})
