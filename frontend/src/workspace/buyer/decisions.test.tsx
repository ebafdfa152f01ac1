import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/buyer/en.json'
import workspace from '../../i18n/locales/workspace/en.json'
import { renderApp } from '../../test/render'
import { ORG, fakeApiWithBodies, lot, me, myOrganisations, tender } from './testData'

const closed = () =>
  tender({
    state: 'closed',
    deadline_passed: true,
    lots: [lot({ outcome: undefined })],
    responses_deadline: new Date(Date.now() - 3_600_000).toISOString(),
    questions_deadline: new Date(Date.now() - 7_200_000).toISOString(),
  })

const response = (state = 'submitted') => ({
  id: 'r1',
  tender_id: 't1',
  lot_id: 'lot1',
  organisation_id: 's1',
  state,
  message: 'Notre ESAT assure ce type de prestation.',
  price_cents: 1_250_000,
  currency: 'EUR',
  counts: true,
  confirmed_version: 1,
  needs_confirmation: false,
  document_ids: ['d1'],
  submitted_at: new Date(Date.now() - 86_400_000).toISOString(),
  updated_at: new Date().toISOString(),
})

function routes(extra: Parameters<typeof fakeApiWithBodies>[0] = {}) {
  return {
    'GET /api/v1/me': me,
    'GET /api/v1/me/organisations': () => myOrganisations(),
    'GET /api/v1/tenders/t1': () => ({ body: closed() }),
    'GET /api/v1/tenders/t1/questions': () => ({ body: { items: [], next_cursor: '' } }),
    [`GET /api/v1/organisations/${ORG}/tenders/t1/not-interested`]: () => ({ body: { items: [], next_cursor: '' } }),
    [`GET /api/v1/organisations/${ORG}/tenders/t1/responses`]: () => ({ body: { items: [response()], next_cursor: '' } }),
    'GET /api/v1/organisations/s1': () => ({ body: { id: 's1', kind: 'sse_supplier', legal_name: 'ESAT du Saulnois', country: 'FR' } }),
    ...extra,
  }
}

// Whole-app renders on a busy 2-core machine take longer than vitest's default 5 s.
describe('responses and outcomes', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows a response with its document, asks a reason to decline and lists the allowed decisions on a conflict', async () => {
    const { bodies } = fakeApiWithBodies(
      routes({
        [`POST /api/v1/organisations/${ORG}/tenders/t1/responses/r1/decision`]: () => ({
          status: 409,
          body: { title: 'Conflict', status: 409, detail: 'The response was withdrawn meanwhile.', allowed: ['accept'] },
        }),
      }),
    )
    renderApp('/workspace/buyer/tenders/t1')
    const item = await screen.findByRole('listitem', { name: 'Response from ESAT du Saulnois' })
    expect(within(item).getByRole('link', { name: 'Download document 1 from ESAT du Saulnois' }).getAttribute('href')).toBe(
      '/api/v1/responses/r1/documents/d1/download',
    )
    expect(within(item).getByText(en.responses.state.submitted)).toBeTruthy()

    fireEvent.click(within(item).getByRole('button', { name: en.responses.decision.decline }))
    fireEvent.click(within(item).getByRole('button', { name: en.responses.confirmDecline }))
    const reason = within(item).getByRole('textbox', { name: en.responses.declineReason })
    expect(reason.getAttribute('aria-invalid')).toBe('true')
    expect(within(item).getByText(workspace.form.required)).toBeTruthy()
    expect(bodies[`POST /api/v1/organisations/${ORG}/tenders/t1/responses/r1/decision`]).toBeUndefined()

    fireEvent.change(reason, { target: { value: 'Price above our budget' } })
    fireEvent.click(within(item).getByRole('button', { name: en.responses.confirmDecline }))
    expect(await within(item).findByText('The response was withdrawn meanwhile.')).toBeTruthy()
    expect(within(item).getByText('What you can do instead: Accept.')).toBeTruthy()
    expect(bodies[`POST /api/v1/organisations/${ORG}/tenders/t1/responses/r1/decision`]).toEqual([
      { decision: 'decline', reason: 'Price above our budget' },
    ])
  })

  it('records the outcome of the last lot only once confirmed, with the supplier and the amount', async () => {
    const { bodies } = fakeApiWithBodies(
      routes({
        [`PUT /api/v1/organisations/${ORG}/tenders/t1/lots/lot1/outcome`]: () => ({
          body: { result: 'awarded_passerelle', supplier_id: 's1', amount_cents: 1_200_000, currency: 'EUR', recorded_at: new Date().toISOString() },
        }),
      }),
    )
    renderApp('/workspace/buyer/tenders/t1')
    const form = await screen.findByRole('form', { name: 'Outcome of Parcs urbains' })
    await waitFor(() => expect(within(form).getByRole('option', { name: 'ESAT du Saulnois' })).toBeTruthy())
    const amount = within(form).getByRole('textbox', { name: 'Amount awarded (EUR)' })
    fireEvent.change(amount, { target: { value: 'douze mille' } })
    fireEvent.click(within(form).getByRole('button', { name: en.outcome.record }))
    expect(amount.getAttribute('aria-invalid')).toBe('true')
    expect(within(form).queryByText(en.outcome.confirmFinal)).toBeNull()

    fireEvent.change(amount, { target: { value: '12 000' } })
    fireEvent.click(within(form).getByRole('button', { name: en.outcome.record }))
    expect(within(form).getByText(en.outcome.confirmFinal)).toBeTruthy()
    expect(bodies[`PUT /api/v1/organisations/${ORG}/tenders/t1/lots/lot1/outcome`]).toBeUndefined()
    fireEvent.click(within(form).getByRole('button', { name: en.outcome.confirm }))
    await waitFor(() =>
      expect(bodies[`PUT /api/v1/organisations/${ORG}/tenders/t1/lots/lot1/outcome`]).toEqual([
        { result: 'awarded_passerelle', currency: 'EUR', amount_cents: 1_200_000, supplier_id: 's1' },
      ]),
    )
  })

  it('sends a not-awarded outcome without an amount', async () => {
    const { bodies } = fakeApiWithBodies(
      routes({
        [`PUT /api/v1/organisations/${ORG}/tenders/t1/lots/lot1/outcome`]: () => ({
          body: { result: 'not_awarded', currency: 'EUR', recorded_at: new Date().toISOString() },
        }),
      }),
    )
    renderApp('/workspace/buyer/tenders/t1')
    const form = await screen.findByRole('form', { name: 'Outcome of Parcs urbains' })
    fireEvent.click(within(form).getByRole('radio', { name: en.outcome.not_awarded }))
    expect(within(form).queryByRole('textbox')).toBeNull()
    fireEvent.click(within(form).getByRole('button', { name: en.outcome.record }))
    fireEvent.click(within(form).getByRole('button', { name: en.outcome.confirm }))
    await waitFor(() =>
      expect(bodies[`PUT /api/v1/organisations/${ORG}/tenders/t1/lots/lot1/outcome`]).toEqual([{ result: 'not_awarded', currency: 'EUR' }]),
    )
  })
})
