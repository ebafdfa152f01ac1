import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import de from '../../i18n/locales/de.json'
import { fakeApi } from '../../test/fakeApi'
import { renderApp } from '../../test/render'

const inTenDays = new Date(Date.now() + 10 * 86_400_000 + 3 * 3_600_000 + 60_000).toISOString()

function tender(lang: string) {
  return {
    id: 't1',
    kind: 'formal_tender',
    state: 'published',
    language: 'fr',
    title: 'Entretien des espaces verts',
    description_html: '<p>Description en français</p>',
    texts: [
      { language: 'fr', original: true, title: 'Entretien des espaces verts', description: '' },
      {
        language: 'de',
        original: false,
        title: 'Grünflächenpflege',
        description: '',
        description_html: '<p>Beschreibung auf Deutsch</p>',
      },
    ],
    buyer_anonymous: false,
    buyer: { id: 'b1', name: 'Ville de Metz', country: 'FR' },
    deadline_passed: false,
    responses_deadline: inTenDays,
    place_town: 'Metz',
    place_nuts: 'FRF33',
    substance_version: 1,
    document_ids: ['d1'],
    updated_at: '2026-11-01T00:00:00Z',
    lots: [
      {
        id: 'l1',
        position: 0,
        title: 'Tonte',
        clauses: {
          reserved_participation: 'res-ws',
          reserved_execution: 'no',
          strategic_procurement: ['soc-obj'],
          accessibility: 'inc',
          legal_bases: ['FR_L2113_12'],
          insertion: { hours: 400 },
        },
        clause_labels: {
          reserved_participation: lang === 'de' ? 'Die Teilnahme ist geschützten Werkstätten … vorbehalten.' : 'Reserved',
          legal_bases: [lang === 'de' ? 'Art. L2113-12 Code de la commande publique (Frankreich)' : 'Art. L2113-12'],
          strategic_procurement: ['Erfüllung sozialer Ziele'],
        },
        eligibility: { result: 'eligible', reasons: [] },
      },
    ],
  }
}

describe('TenderPage', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('de'))
  })

  it('shows the tender in the reader’s language with clauses in plain words, legal basis, countdown, documents and Q&A', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/v1/tenders/t1': () => ({ body: tender('de') }),
      'GET /api/v1/nuts-regions': () => ({
        body: { items: [{ code: 'FRF33', level: 3, name: 'Moselle', country: 'FR', assignable: true }] },
      }),
      'GET /api/v1/tenders/t1/questions': () => ({
        body: {
          items: [{ id: 'q1', question: 'Faut-il du matériel ?', answer: 'Oui.', created_at: '2026-11-01T00:00:00Z', mine: false }],
          next_cursor: '',
        },
      }),
    })
    renderApp('/tenders/t1')
    expect(await screen.findByRole('heading', { level: 1, name: 'Grünflächenpflege' })).toBeTruthy()
    expect(screen.getByText('Beschreibung auf Deutsch')).toBeTruthy()
    const clauses = screen.getByRole('region', { name: de.clauses.heading.replace('{{lot}}', 'Tonte') })
    expect(within(clauses).getByText(de.clauses.plain.reservedParticipation['res-ws'])).toBeTruthy()
    expect(within(clauses).getByText(de.clauses.plain.strategic['soc-obj'])).toBeTruthy()
    expect(within(clauses).getByText(de.clauses.plain.accessibility)).toBeTruthy()
    expect(within(clauses).getByText(de.clauses.plain.insertionHours_other.replace('{{count}}', '400'))).toBeTruthy()
    expect(within(clauses).getByText(/Code de la commande publique/)).toBeTruthy()
    expect(screen.getByText(de.tender.eligibility.eligible)).toBeTruthy()
    expect(screen.getByText('Noch 10 Tage 3 Std.')).toBeTruthy()
    expect(screen.getByText(de.tender.state.published)).toBeTruthy()
    expect(screen.queryByRole('note')).toBeNull()
    // The place of performance: its town and its region's name (not FRF33).
    expect((await screen.findByText('Moselle')).closest('dd')?.textContent).toBe('Metz, Moselle')
    expect(screen.getByRole('link', { name: 'Unterlage 1' }).getAttribute('href')).toBe(
      '/api/v1/tenders/t1/documents/d1/download',
    )
    expect(await screen.findByText('Faut-il du matériel ?')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Ville de Metz' }).getAttribute('href')).toBe('/organisations/b1')
  })

  it('shows a not-found state for a tender that is not public', async () => {
    fakeApi({ 'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }) })
    renderApp('/tenders/nope')
    // Its own level-one heading and title, and a way on.
    expect(await screen.findByRole('heading', { level: 1, name: de.state.notFoundTitle })).toBeTruthy()
    expect(document.title).toBe(`${de.state.notFoundTitle} – Passerelle`)
    expect(screen.getByRole('link', { name: de.state.searchInstead }).getAttribute('href')).toBe('/search')
  })

  it('says that a published tender past its deadline no longer takes responses', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/v1/tenders/t1': () => ({
        body: { ...tender('de'), deadline_passed: true, responses_deadline: yesterday, buyer_anonymous: true, buyer: undefined },
      }),
      'GET /api/v1/tenders/t1/questions': (url) =>
        url.searchParams.get('cursor') === 'q2'
          ? { body: { items: [{ id: 'q2', question: 'Zweite Frage?', answer: 'Ja.', created_at: yesterday }], next_cursor: '' } }
          : { body: { items: [{ id: 'q1', question: 'Erste Frage?', created_at: yesterday }], next_cursor: 'q2' } },
    })
    renderApp('/tenders/t1')
    expect(await screen.findByRole('heading', { level: 1, name: 'Grünflächenpflege' })).toBeTruthy()
    expect(screen.getByRole('note').textContent).toBe(de.tender.deadlinePassedNotice)
    expect(screen.getByText(de.tender.responsesClosed)).toBeTruthy()
    expect(screen.queryByText(de.tender.state.published)).toBeNull()
    expect(screen.getByText(de.tender.deadlinePassed)).toBeTruthy()
    // An anonymous buyer is named nowhere, and linked nowhere.
    expect(screen.getByText(de.tender.anonymousBuyer)).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Ville de Metz' })).toBeNull()
    // Questions a page at a time; an open question says so.
    expect(await screen.findByText('Erste Frage?')).toBeTruthy()
    expect(screen.getByText(de.tender.unanswered)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: de.tender.moreQuestions }))
    expect(await screen.findByText('Zweite Frage?')).toBeTruthy()
  })
})
