import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/buyer/en.json'
import workspace from '../../i18n/locales/workspace/en.json'
import { renderApp } from '../../test/render'
import { ORG, fakeApiWithBodies, fieldProblem, lot, me, myOrganisations, tender } from './testData'

const nuts = () => ({
  body: { items: [{ code: 'FRF33', country: 'FR', level: 3, name: 'Moselle', assignable: true }] },
})

const pad = (n: number) => String(n).padStart(2, '0')
function local(minutes: number) {
  const d = new Date(Date.now() + minutes * 60_000)
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` }
}

function fillDeadline(legend: string, parts: { date: string; time: string }) {
  const group = screen.getByRole('group', { name: legend })
  fireEvent.change(within(group).getByLabelText(en.wizard.general.date, { exact: false }), { target: { value: parts.date } })
  fireEvent.change(within(group).getByLabelText(en.wizard.general.time, { exact: false }), { target: { value: parts.time } })
  fireEvent.blur(within(group).getByLabelText(en.wizard.general.time, { exact: false }))
  return group
}

// Whole-app renders on a busy 2-core machine take longer than vitest's default 5 s.
describe('tender wizard', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('goes from the kind to the general step, checks deadlines as they are typed and puts the server’s field errors on their fields', async () => {
    const { bodies } = fakeApiWithBodies({
      'GET /api/v1/me': me,
      'GET /api/v1/me/organisations': () => myOrganisations(),
      'GET /api/v1/nuts-regions': nuts,
      [`POST /api/v1/organisations/${ORG}/tenders`]: () =>
        fieldProblem([{ location: 'body.place_town', message: 'This town is not in the region' }]),
    })
    renderApp('/workspace/buyer/tenders/new')
    fireEvent.click(await screen.findByRole('radio', { name: en.kind.quote_request }))
    fireEvent.click(screen.getByRole('button', { name: en.wizard.saveContinue }))
    expect(await screen.findByRole('heading', { level: 2, name: en.wizard.step.general })).toBeTruthy()

    // Deadlines: the past is refused as typed, minutes ahead are fine, questions close before responses.
    const questions = fillDeadline(en.wizard.general.questionsDeadline, local(-5))
    expect(within(questions).getByText(en.wizard.general.deadline.past)).toBeTruthy()
    fillDeadline(en.wizard.general.responsesDeadline, local(3))
    fillDeadline(en.wizard.general.questionsDeadline, local(10))
    expect(within(questions).getByText(en.wizard.general.deadline.afterResponses)).toBeTruthy()
    fillDeadline(en.wizard.general.questionsDeadline, local(2))
    expect(within(questions).queryByRole('alert')).toBeNull()

    // Required fields, then the server's verdict on the town.
    fireEvent.click(screen.getByRole('button', { name: en.wizard.createDraft }))
    expect(await screen.findByText(en.wizard.fixErrors)).toBeTruthy()
    const title = screen.getByRole('textbox', { name: en.wizard.general.title })
    expect(title.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(title, { target: { value: 'Entretien des haies' } })
    await waitFor(() => expect(screen.getByRole('option', { name: 'Moselle (FRF33)' })).toBeTruthy())
    fireEvent.change(screen.getByRole('combobox', { name: en.wizard.general.place }), { target: { value: 'FRF33' } })
    fireEvent.change(screen.getByRole('textbox', { name: en.wizard.general.town }), { target: { value: 'Atlantis' } })
    fireEvent.click(screen.getByRole('button', { name: en.wizard.createDraft }))
    const town = screen.getByRole('textbox', { name: en.wizard.general.town })
    await waitFor(() => expect(town.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText('This town is not in the region')).toBeTruthy()
    const sent = bodies[`POST /api/v1/organisations/${ORG}/tenders`]![0] as Record<string, unknown>
    expect(sent.kind).toBe('quote_request')
    expect(new Date(sent.responses_deadline as string).getTime()).toBeGreaterThan(Date.now())
    expect(sent.questions_deadline! <= sent.responses_deadline!).toBe(true)
  })

  it('offers the legal bases of the buyer’s country, explained, and shows the weights’ total live', async () => {
    fakeApiWithBodies({
      'GET /api/v1/me': me,
      'GET /api/v1/me/organisations': () => myOrganisations('DE'),
      'GET /api/v1/tenders/t1': () => ({ body: tender() }),
    })
    renderApp('/workspace/buyer/tenders/t1/edit?step=lots')
    const form = await screen.findByRole('form', { name: en.lot.newLabel })
    fireEvent.click(within(form).getByRole('radio', { name: en.reservation['res-ws'].label }))
    const bases = within(form).getByRole('group', { name: en.lot.legalBases })
    const offered = within(bases).getAllByRole('checkbox').map((c) => c.getAttribute('value'))
    expect(offered).toEqual(['DE_GWB_118', 'EU_ART20'])
    expect(within(form).getByText(en.legalBasis.deGwb118.explain)).toBeTruthy()
    expect(within(form).queryByRole('checkbox', { name: en.legalBasis.frL211312.label })).toBeNull()

    fireEvent.click(within(form).getByRole('button', { name: en.lot.criterionAdd }))
    fireEvent.click(within(form).getByRole('button', { name: en.lot.criterionAdd }))
    const first = within(form).getByRole('group', { name: 'Criterion 1' })
    const second = within(form).getByRole('group', { name: 'Criterion 2' })
    fireEvent.change(within(first).getByRole('textbox', { name: en.lot.criterionWeight }), { target: { value: '60' } })
    fireEvent.change(within(second).getByRole('textbox', { name: en.lot.criterionWeight }), { target: { value: '30' } })
    expect(within(form).getByText('Total: 90 % – must add up to 100 %')).toBeTruthy()
    fireEvent.change(within(second).getByRole('textbox', { name: en.lot.criterionWeight }), { target: { value: '40' } })
    expect(within(form).getByText('Total: 100 % – complete')).toBeTruthy()
  })

  it('shows the server’s field errors of a lot on their fields', async () => {
    fakeApiWithBodies({
      'GET /api/v1/me': me,
      'GET /api/v1/me/organisations': () => myOrganisations(),
      'GET /api/v1/tenders/t1': () => ({ body: tender() }),
      [`POST /api/v1/organisations/${ORG}/tenders/t1/lots`]: () =>
        fieldProblem([{ location: 'body.clauses.legal_bases[0]', message: 'FR_L2113_15 only reserves social services' }]),
    })
    renderApp('/workspace/buyer/tenders/t1/edit?step=lots')
    const form = await screen.findByRole('form', { name: en.lot.newLabel })
    fireEvent.change(within(form).getByRole('textbox', { name: en.lot.title }), { target: { value: 'Parcs' } })
    fireEvent.click(within(form).getByRole('radio', { name: en.reservation['res-pub-ser'].label }))
    fireEvent.click(within(form).getByRole('checkbox', { name: en.legalBasis.frL211315.label }))
    fireEvent.click(within(form).getByRole('button', { name: en.lot.save }))
    const message = await within(form).findByText('FR_L2113_15 only reserves social services')
    const bases = within(form).getByRole('group', { name: en.lot.legalBases })
    expect(bases.getAttribute('aria-describedby')).toContain(message.id)
  })

  it('sends a refused submission back to the step and field the server names', async () => {
    fakeApiWithBodies({
      'GET /api/v1/me': me,
      'GET /api/v1/me/organisations': () => myOrganisations(),
      'GET /api/v1/tenders/t1': () => ({ body: tender({ lots: [lot()] }) }),
      'GET /api/v1/organisations/org-buyer/tenders/t1/lots/lot1/matches': () => ({
        body: { items: [{ organisation_id: 's1', offer_id: 'o1', score: 90, reasons: [] }], next_cursor: '' },
      }),
      [`POST /api/v1/organisations/${ORG}/tenders/t1/submit`]: () =>
        fieldProblem([{ location: 'body.lots[0].title', message: 'The title says too little' }]),
    })
    renderApp('/workspace/buyer/tenders/t1/edit')
    // A draft with a lot resumes at the review, with each lot's eligible count.
    expect(await screen.findByRole('heading', { level: 2, name: en.wizard.step.review })).toBeTruthy()
    expect(await screen.findByText('1 eligible supplier would be told of this lot')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: en.wizard.submit }))
    expect(await screen.findByRole('heading', { level: 2, name: en.wizard.step.lots })).toBeTruthy()
    const form = await screen.findByRole('form', { name: 'Lot Parcs urbains' })
    const title = within(form).getByRole('textbox', { name: en.lot.title })
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(within(form).getByText('The title says too little')).toBeTruthy()
  })

  it('uploads nothing of a wrong type and lists the attached documents', async () => {
    fakeApiWithBodies({
      'GET /api/v1/me': me,
      'GET /api/v1/me/organisations': () => myOrganisations(),
      'GET /api/v1/tenders/t1': () => ({ body: tender({ lots: [lot()], document_ids: ['d1'] }) }),
      'GET /api/v1/documents/d1': () => ({
        body: { id: 'd1', filename: 'cahier.pdf', size_bytes: 2048, content_type: 'application/pdf', purpose: 'tender_document' },
      }),
    })
    renderApp('/workspace/buyer/tenders/t1/edit?step=documents')
    expect(await screen.findByRole('link', { name: 'cahier.pdf' })).toBeTruthy()
    const input = screen.getByLabelText(en.wizard.upload)
    fireEvent.change(input, { target: { files: [new File(['x'], 'virus.exe', { type: 'application/octet-stream' })] } })
    expect(await screen.findByText(workspace.upload.wrongType.replace('{{types}}', 'PDF, PNG, JPEG, WebP, DOCX, XLSX, ODT, ODS'))).toBeTruthy()
  })
})
