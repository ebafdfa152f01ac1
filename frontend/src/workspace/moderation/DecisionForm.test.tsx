import { fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/moderation/en.json'
import { fakeApi } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { ApiError } from '../../api/client'
import { DecisionForm } from './DecisionForm'
import './catalogue' // the area's texts, as the area's routes load them

const templates = [
  { code: 'incomplete_description', title: 'Incomplete description', text: 'The description is incomplete.', texts: {} },
  { code: 'spam', title: 'Spam', text: 'This looks like spam.', texts: {} },
]

const decisions = [
  { value: 'approve', label: en.decision.approve, needsReason: false },
  { value: 'reject', label: en.decision.reject, needsReason: true },
]

function renderForm(submit = vi.fn(async () => ({ state: 'rejected' }))) {
  renderWithProviders(
    <DecisionForm
      title={en.decision.heading}
      decisions={decisions}
      submit={submit}
      describeResult={(_decision, result: { state: string }) => `now ${result.state}`}
    />,
  )
  return submit
}

const reasonBox = () => screen.getByRole('textbox', { name: new RegExp(en.decision.reason.replace(/[()]/g, '.')) })

// Mantine's dialog and the fake API: on a busy 2-core machine longer than vitest's default 5 s.
describe('DecisionForm', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en')
    fakeApi({ 'GET /api/v1/moderation/reason-templates': () => ({ body: { items: templates } }) })
  })

  it('fills the reason from the template picked, and keeps it editable', async () => {
    renderForm()
    fireEvent.click(screen.getByRole('radio', { name: en.decision.reject }))
    const select = await screen.findByRole('combobox', { name: new RegExp(en.decision.template) })
    await screen.findByRole('option', { name: 'Spam' })
    fireEvent.change(select, { target: { value: 'spam' } })
    expect((reasonBox() as HTMLTextAreaElement).value).toBe('This looks like spam.')
    fireEvent.change(reasonBox(), { target: { value: 'This looks like spam. Three shop links.' } })
    expect((reasonBox() as HTMLTextAreaElement).value).toBe('This looks like spam. Three shop links.')
  })

  it('requires a reason to reject, on the reason field, and sends nothing', async () => {
    const submit = renderForm()
    fireEvent.click(screen.getByRole('radio', { name: en.decision.reject }))
    fireEvent.click(screen.getByRole('button', { name: en.decision.submit }))
    await waitFor(() => expect(reasonBox().getAttribute('aria-invalid')).toBe('true'))
    const described = reasonBox().getAttribute('aria-describedby') ?? ''
    const messages = described.split(' ').map((id) => document.getElementById(id)?.textContent ?? '')
    expect(messages).toContain(en.decision.reasonRequired)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(submit).not.toHaveBeenCalled()
  })

  it('sends the template and the added text after confirmation, then shows the result', async () => {
    const submit = renderForm()
    fireEvent.click(screen.getByRole('radio', { name: en.decision.reject }))
    await screen.findByRole('option', { name: 'Spam' })
    fireEvent.change(screen.getByRole('combobox', { name: new RegExp(en.decision.template) }), { target: { value: 'spam' } })
    fireEvent.change(reasonBox(), { target: { value: 'This looks like spam. Three shop links.' } })
    fireEvent.click(screen.getByRole('button', { name: en.decision.submit }))
    const dialog = await screen.findByRole('dialog', { name: en.decision.confirmTitle })
    expect(submit).not.toHaveBeenCalled()
    fireEvent.click(await waitFor(() => screen.getByRole('button', { name: en.decision.confirm })))
    expect(dialog).toBeTruthy()
    expect(await screen.findByText('now rejected')).toBeTruthy()
    expect(submit).toHaveBeenCalledWith('reject', { reason_template: 'spam', reason: 'Three shop links.' })
    expect(screen.getByRole('link', { name: en.decision.backToQueue })).toBeTruthy()
  })

  it('approves without a reason (the reason is optional then)', async () => {
    const submit = renderForm(vi.fn(async () => ({ state: 'published' })))
    fireEvent.click(screen.getByRole('radio', { name: en.decision.approve }))
    expect(reasonBox().hasAttribute('required')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: en.decision.submit }))
    fireEvent.click(await screen.findByRole('button', { name: en.decision.confirm }))
    expect(await screen.findByText('now published')).toBeTruthy()
    expect(submit).toHaveBeenCalledWith('approve', {})
  })

  it('shows the server’s refusal of the reason on the reason field', async () => {
    renderForm(
      vi.fn(async () => {
        throw new ApiError(422, { errors: [{ location: 'body.reason', message: 'The reason is too vague.' }] })
      }),
    )
    fireEvent.click(screen.getByRole('radio', { name: en.decision.reject }))
    fireEvent.change(reasonBox(), { target: { value: 'No.' } })
    fireEvent.click(screen.getByRole('button', { name: en.decision.submit }))
    fireEvent.click(await screen.findByRole('button', { name: en.decision.confirm }))
    await waitFor(() => expect(reasonBox().getAttribute('aria-invalid')).toBe('true'))
    const described = reasonBox().getAttribute('aria-describedby') ?? ''
    const messages = described.split(' ').map((id) => document.getElementById(id)?.textContent ?? '')
    expect(messages).toContain('The reason is too vague.')
  })
})
