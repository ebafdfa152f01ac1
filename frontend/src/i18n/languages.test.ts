import { describe, expect, it } from 'vitest'
import { STORAGE_KEY, detectLanguage, toSupportedLanguage } from './languages'

function storageWith(value: string | null): Pick<Storage, 'getItem'> {
  return { getItem: (key) => (key === STORAGE_KEY ? value : null) }
}

describe('detectLanguage', () => {
  it('uses the first supported browser language', () => {
    expect(detectLanguage(storageWith(null), ['lb-LU', 'de-LU', 'fr'])).toBe('de')
    expect(detectLanguage(storageWith(null), ['nl-BE'])).toBe('nl')
    expect(detectLanguage(storageWith(null), ['FR_be'])).toBe('fr')
  })

  it('falls back to English', () => {
    expect(detectLanguage(storageWith(null), ['es-ES', 'it'])).toBe('en')
    expect(detectLanguage(undefined, undefined)).toBe('en')
    expect(detectLanguage(undefined, [])).toBe('en')
  })

  it('takes ?lang= from the URL before anything else', () => {
    expect(detectLanguage(storageWith('nl'), ['de-DE'], '?q=velo&lang=fr')).toBe('fr')
    expect(detectLanguage(storageWith('nl'), ['de-DE'], '?lang=xx')).toBe('nl')
    expect(detectLanguage(storageWith(null), ['de-DE'], '')).toBe('de')
  })

  it('prefers the remembered choice, ignoring unsupported values', () => {
    expect(detectLanguage(storageWith('nl'), ['de-DE'])).toBe('nl')
    expect(detectLanguage(storageWith('xx'), ['de-DE'])).toBe('de')
  })

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(detectLanguage(broken, ['fr-FR'])).toBe('fr')
  })
})

describe('toSupportedLanguage', () => {
  it('keeps only fr, de, en and nl', () => {
    expect(toSupportedLanguage('en-GB')).toBe('en')
    expect(toSupportedLanguage('lb')).toBeUndefined()
    expect(toSupportedLanguage('')).toBeUndefined()
  })
})
