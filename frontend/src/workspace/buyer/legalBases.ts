/**
 * The legal bases of a reserved lot and who may cite them, as the server
 * decides (domain.LegalBasesFor): the buyer's own country's law and the
 * Directive's articles, article 20 bases with res-ws, article 77 ones with
 * res-pub-ser; one basis, or FR_L2113_12 with FR_L2113_13. The API has no
 * route listing them, so the table is kept here; the server still checks
 * every choice and names the wrong one (body.clauses.legal_bases[i]).
 */
export type Reservation = 'none' | 'res-ws' | 'res-pub-ser'

export interface LegalBasis {
  code: string
  reservation: Exclude<Reservation, 'none'>
  /** ISO country whose law it is; '' for the Directive (any EU buyer). */
  country: string
  /** The minimum share of disabled or disadvantaged workers, in percent; 0 when none. */
  minShare: number
  /** i18n key under buyer.legalBasis.<key>: label and explanation. */
  key: 'frL211312' | 'frL211313' | 'frL211315' | 'deGwb118' | 'be2016Art15' | 'lu2018Art20' | 'euArt20' | 'euArt77'
}

export const LEGAL_BASES: LegalBasis[] = [
  { code: 'FR_L2113_12', reservation: 'res-ws', country: 'FR', minShare: 50, key: 'frL211312' },
  { code: 'FR_L2113_13', reservation: 'res-ws', country: 'FR', minShare: 50, key: 'frL211313' },
  { code: 'FR_L2113_15', reservation: 'res-pub-ser', country: 'FR', minShare: 0, key: 'frL211315' },
  { code: 'DE_GWB_118', reservation: 'res-ws', country: 'DE', minShare: 30, key: 'deGwb118' },
  { code: 'BE_2016_ART15', reservation: 'res-ws', country: 'BE', minShare: 30, key: 'be2016Art15' },
  { code: 'LU_2018_ART20', reservation: 'res-ws', country: 'LU', minShare: 30, key: 'lu2018Art20' },
  { code: 'EU_ART20', reservation: 'res-ws', country: '', minShare: 30, key: 'euArt20' },
  { code: 'EU_ART77', reservation: 'res-pub-ser', country: '', minShare: 0, key: 'euArt77' },
]

const EU = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
])

/** The bases a buyer of country may cite for a lot reserved with reservation. */
export function legalBasesFor(country: string, reservation: Reservation): LegalBasis[] {
  const c = country.trim().toUpperCase()
  if (reservation === 'none') return []
  return LEGAL_BASES.filter(
    (b) => b.reservation === reservation && (b.country === '' ? EU.has(c) : b.country === c),
  )
}

/** Whether the bases may be cited together: one alone, or FR_L2113_12 with FR_L2113_13. */
export function combinable(codes: string[]): boolean {
  if (codes.length <= 1) return true
  if (codes.length > 2) return false
  return [...codes].sort().join('+') === 'FR_L2113_12+FR_L2113_13'
}

/** The i18n key of a basis by code (for labels of bases already chosen). */
export function basisKey(code: string): LegalBasis['key'] | undefined {
  return LEGAL_BASES.find((b) => b.code === code)?.key
}
