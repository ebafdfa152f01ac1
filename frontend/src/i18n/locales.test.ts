import { describe, expect, it } from 'vitest'
import { SUPPORTED_LANGUAGES } from '.'
import { catalogues } from './catalogues'

type Catalogue = Record<string, unknown>

/** Flattens a nested catalogue into dotted key paths mapped to their leaf values. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Catalogue, path)) out.set(k, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

/** Problems that make `other` differ in shape from `reference`, or hold empty strings. */
function compareCatalogues(reference: Catalogue, other: Catalogue): string[] {
  const ref = flatten(reference)
  const oth = flatten(other)
  const problems: string[] = []
  for (const key of ref.keys()) {
    if (!oth.has(key)) problems.push(`missing: ${key}`)
  }
  for (const key of oth.keys()) {
    if (!ref.has(key)) problems.push(`extra: ${key}`)
  }
  for (const [key, value] of oth) {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`empty or not a string: ${key}`)
  }
  return problems
}

/** {{placeholders}} used by a string, so translations keep the same variables. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort()
}

const catalogue = (language: (typeof SUPPORTED_LANGUAGES)[number]): Catalogue =>
  catalogues[language] as Catalogue

describe('compareCatalogues', () => {
  it('reports nested keys that are missing, extra or empty', () => {
    const reference = { a: 'A', nested: { b: 'B', deeper: { c: 'C' } } }
    expect(compareCatalogues(reference, reference)).toEqual([])
    expect(compareCatalogues(reference, { a: 'A', nested: { b: 'B', deeper: {} } })).toEqual([
      'missing: nested.deeper.c',
    ])
    expect(compareCatalogues(reference, { a: 'A', nested: { b: 'B', deeper: { c: 'C', d: 'D' } } })).toEqual([
      'extra: nested.deeper.d',
    ])
    expect(compareCatalogues(reference, { a: ' ', nested: { b: 'B', deeper: { c: 'C' } } })).toEqual([
      'empty or not a string: a',
    ])
    expect(compareCatalogues(reference, { a: 'A', nested: 'B' })).toEqual([
      'missing: nested.b',
      'missing: nested.deeper.c',
      'extra: nested',
    ])
  })
})

// The texts that are rightly the same as in English (German "Moderation",
// Dutch "Account"…), per area: locales/<area>/identical.json maps a
// language to the keys (relative to the area) allowed to equal English.
const identicalFiles = import.meta.glob('./locales/*/identical.json', { eager: true, import: 'default' }) as Record<
  string,
  Partial<Record<string, string[]>>
>

function identicalAllowed(language: string): Set<string> {
  const keys = new Set<string>()
  for (const [path, byLanguage] of Object.entries(identicalFiles)) {
    const area = path.split('/')[2]
    for (const key of byLanguage[language] ?? []) keys.add(`${area}.${key}`)
  }
  return keys
}

describe('translation catalogues', () => {
  const en = catalogue('en')
  const others = SUPPORTED_LANGUAGES.filter((language) => language !== 'en')

  it('English has no empty strings', () => {
    expect(compareCatalogues(en, en)).toEqual([])
  })

  it.each(others)('%s has exactly the keys of en, none empty', (language) => {
    expect(compareCatalogues(en, catalogue(language))).toEqual([])
  })

  it.each(others)('%s uses the same {{placeholders}} as en', (language) => {
    const translated = flatten(catalogue(language))
    for (const [key, value] of flatten(en)) {
      expect(placeholders(String(translated.get(key))), key).toEqual(placeholders(String(value)))
    }
  })

  it.each(others)('%s is translated, not a copy of en', (language) => {
    const translated = flatten(catalogue(language))
    for (const [key, value] of flatten(en)) {
      if (identicalAllowed(language).has(key)) continue
      expect(translated.get(key), key).not.toBe(value)
    }
  })

  it('every text declared identical to English exists and is identical', () => {
    for (const language of others) {
      const translated = flatten(catalogue(language))
      const english = flatten(en)
      for (const key of identicalAllowed(language)) {
        expect(english.has(key), `${language}: ${key} is not a key`).toBe(true)
        expect(translated.get(key), `${language}: ${key} is translated: drop it from identical.json`).toBe(english.get(key))
      }
    }
  })
})

// Every source file of the app, as text, to find the keys it uses.
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** Keys passed to t() as literals, and the prefixes of template keys such as t(`kind.${kind}`). */
function keysUsedIn(code: string): { literal: string[]; prefixes: string[] } {
  const literal = [...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1] ?? '')
  const prefixes = [...code.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)].map((m) => (m[1] ?? '').replace(/\.$/, ''))
  return { literal, prefixes }
}

describe('keys used in the code', () => {
  const en = flatten(catalogue('en'))
  const files = Object.entries(sources)

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files)('%s uses only keys of the catalogues', (_file, code) => {
    const { literal, prefixes } = keysUsedIn(code)
    for (const key of literal) {
      const found = en.has(key) || en.has(`${key}_one`) || en.has(`${key}_other`)
      expect(found, `t('${key}')`).toBe(true)
    }
    for (const prefix of prefixes) {
      expect(
        [...en.keys()].some((key) => key.startsWith(`${prefix}.`)),
        `t(\`${prefix}.…\`)`,
      ).toBe(true)
    }
  })

  it('every catalogue key with plural forms has them in every language', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const keys = flatten(catalogue(language))
      for (const key of en.keys()) {
        if (key.endsWith('_one')) expect(keys.has(key.replace(/_one$/, '_other')), `${language}: ${key}`).toBe(true)
      }
    }
  })
})
