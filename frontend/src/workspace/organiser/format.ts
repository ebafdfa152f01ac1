/** An amount of integer cents in its currency, in the interface language: 1250 EUR → "12,50 €". */
export function formatMoney(cents: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: currency || 'EUR' }).format(cents / 100)
}

/** A share as a percentage with one decimal ("98.7 %"), or '' when the whole is 0. */
export function formatPercent(part: number, whole: number, language: string): string {
  if (!(whole > 0)) return ''
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole)
}
