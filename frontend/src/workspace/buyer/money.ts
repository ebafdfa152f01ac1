/**
 * Parses an amount in euros as people type it ("1 234,50", "1234.5") to
 * cents, or null. Strict on purpose: "250.000" or "250,000" (a thousands
 * separator in German or English) is refused rather than read as 250 €.
 */
export function euroCents(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  return Math.round(Number(cleaned) * 100)
}
