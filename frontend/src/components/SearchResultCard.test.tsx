import { act, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import de from '../i18n/locales/de.json'
import en from '../i18n/locales/en.json'
import { hit } from '../test/fakeApi'
import { renderWithProviders } from '../test/render'
import { SearchResultCard, hitPath } from './SearchResultCard'
import type { Schemas } from '../api/client'

const asHit = (overrides: Record<string, unknown> = {}) => hit(overrides) as Schemas['SearchHitBody']

describe('SearchResultCard', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows kind, linked title, highlighted snippet, organisation, place and listing language', () => {
    const { container } = renderWithProviders(<SearchResultCard hit={asHit()} />)
    expect(screen.getByText(en.kind.offer)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Nettoyage de bureaux' }).getAttribute('href')).toBe('/offers/o1')
    expect(container.querySelector('mark')?.textContent).toBe('nettoyage')
    expect(screen.getByText('ESAT du Val')).toBeTruthy()
    expect(screen.getByText('Metz, France')).toBeTruthy()
    expect(screen.getByText('French')).toBeTruthy()
    expect(screen.queryByText(en.search.translatedHint)).toBeNull()
    // The listing keeps its own language for assistive technologies.
    expect(container.querySelector('article')?.getAttribute('lang')).toBe('fr')
  })

  it('says when the match went through a translation, in the reader’s language', async () => {
    await act(() => i18n.changeLanguage('de'))
    renderWithProviders(<SearchResultCard hit={asHit({ translated: true, matched_language: 'fr' })} />)
    expect(screen.getByText(de.search.translatedHint)).toBeTruthy()
    expect(screen.getByText('Französisch')).toBeTruthy()
    expect(screen.getByText(de.kind.offer)).toBeTruthy()
  })

  it('links each kind to its page', () => {
    expect(hitPath({ kind: 'offer', id: 'a' })).toBe('/offers/a')
    expect(hitPath({ kind: 'tender', id: 'b' })).toBe('/tenders/b')
    expect(hitPath({ kind: 'supplier', id: 'c' })).toBe('/organisations/c')
  })
})
