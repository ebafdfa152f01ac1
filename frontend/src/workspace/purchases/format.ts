/** Cents as euros in the reader's language ("1 234,50 €"). */
export function euros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

/** Cents in a currency ("EUR", "USD") in the reader's language. */
export function money(cents: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(cents / 100)
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`
  }
}

/** A share from 0 to 1 as a percentage in the reader's language. */
export function percent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share)
}

/** An ISO date (2026-03-31) in the reader's language. */
export function day(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  )
}

/** The short names of the SSE statuses shown next to an invoice (proper names, the same in every language). */
const SHORT: Record<string, string> = {
  fr_esat: 'ESAT',
  fr_ea: 'EA',
  fr_eatt: 'EATT',
  de_wfbm: 'WfbM',
  de_inklusionsbetrieb: 'Inklusionsbetrieb',
  be_eta: 'ETA',
  lu_atelier_protege: 'Atelier protégé',
}

/** A status type's short name, or its code. */
export function statusShort(type: string): string {
  return SHORT[type] ?? type
}

/**
 * Reads an amount in euros as people type it ("12 500,00", "12500.5") to
 * cents, or null. A dot or comma followed by three digits is refused
 * rather than guessed as a thousands separator.
 */
export function parseEuros(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.')
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null
  return Math.round(Number(cleaned) * 100)
}

/** Reads a percentage from 0 to 100 ("40", "12,5"), or null. */
export function parsePercent(value: string): number | null {
  const cleaned = value.replace(/[\s%]/g, '').replace(',', '.')
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null
  const n = Number(cleaned)
  return n >= 0 && n <= 100 ? n : null
}
