import type { TFunction } from 'i18next'
import type { Clauses, Lot, LotFields } from '../api'
import { totalWeight } from '../criteria'
import { combinable, type Reservation } from '../legalBases'
import type { CpvChoice } from './CpvPicker'
import { euroCents } from '../money'

export const SOCIAL_OBJECTIVES = ['acc-all', 'et-eq', 'gen-eq', 'hum-right', 'opp', 'work-cond', 'other'] as const
export const GREEN_OBJECTIVES = ['biodiv-eco', 'circ-econ', 'clim-adapt', 'clim-mitig', 'pollu-prev', 'water-mar', 'other'] as const
export const STRATEGIC = ['soc-obj', 'env-imp', 'inn-pur'] as const
export const ELIGIBLE_GROUPS = [
  'long_term_unemployed',
  'minimum_income_recipients',
  'disabled_workers',
  'young_low_qualified',
  'senior_job_seekers',
  'integration_pathway',
  'refugees',
  'other',
] as const
export const MEANS = ['direct_hire', 'subcontracting', 'co_contracting', 'staff_provision'] as const

export const LOT_TITLE_MAX = 200
export const LOT_DESCRIPTION_MAX = 20000

export interface CriterionValues {
  type: 'price' | 'cost' | 'quality'
  name: string
  weight: string
  social: boolean
}

export interface LotValues {
  title: string
  description: string
  cpv: CpvChoice[]
  valueMin: string
  valueMax: string
  reservation: Reservation
  legalBases: string[]
  reservedExecution: 'no' | 'yes' | 'not-known'
  strategic: string[]
  social: string[]
  green: string[]
  accessibility: 'inc' | 'n-inc' | 'n-inc-just'
  accessibilityJustification: string
  executionConditions: string
  insertion: boolean
  insertionMode: 'hours' | 'share'
  insertionAmount: string
  groups: string[]
  means: string[]
  criteria: CriterionValues[]
}

const euros = (cents: number | undefined) => (cents === undefined || cents === null ? '' : String(cents / 100))

export function lotValues(lot: Lot | undefined): LotValues {
  const c: Clauses = lot?.clauses ?? {}
  const strategic = (c.strategic_procurement ?? []).filter((s) => s !== 'none')
  return {
    title: lot?.title ?? '',
    description: lot?.description ?? '',
    cpv: (lot?.cpv ?? []).map((code) => ({ code })),
    valueMin: euros(lot?.value_min_cents),
    valueMax: lot?.value_max_cents !== lot?.value_min_cents ? euros(lot?.value_max_cents) : '',
    reservation: (c.reserved_participation as Reservation) || 'none',
    legalBases: c.legal_bases ?? [],
    reservedExecution: (c.reserved_execution as LotValues['reservedExecution']) || 'no',
    strategic,
    social: c.social_objectives ?? [],
    green: c.green_objectives ?? [],
    accessibility: (c.accessibility as LotValues['accessibility']) || 'inc',
    accessibilityJustification: c.accessibility_justification ?? '',
    executionConditions: c.execution_conditions ?? '',
    insertion: !!c.insertion,
    insertionMode: c.insertion?.labour_share ? 'share' : 'hours',
    insertionAmount: c.insertion ? String(c.insertion.labour_share ?? c.insertion.hours ?? '') : '',
    groups: c.insertion?.eligible_groups ?? [],
    means: c.insertion?.means ?? [],
    criteria: (c.award_criteria ?? []).map((a) => ({
      type: a.type as CriterionValues['type'],
      name: a.name,
      weight: String(a.weight),
      social: !!a.social,
    })),
  }
}

const toCents = (value: string) => (value.trim() === '' ? undefined : (euroCents(value) ?? undefined))

/** The lot as the API takes it (POST …/lots, PUT …/lots/{lotID}). */
export function lotFields(v: LotValues): LotFields {
  const min = toCents(v.valueMin)
  const max = toCents(v.valueMax) ?? min
  const clauses: Clauses = {
    reserved_participation: v.reservation,
    legal_bases: v.reservation === 'none' ? [] : v.legalBases,
    reserved_execution: v.reservedExecution,
    strategic_procurement: v.strategic.length > 0 ? v.strategic : ['none'],
    social_objectives: v.strategic.includes('soc-obj') ? v.social : [],
    green_objectives: v.strategic.includes('env-imp') ? v.green : [],
    accessibility: v.accessibility,
    execution_conditions: v.executionConditions,
    award_criteria: v.criteria.map((c) => ({
      type: c.type,
      name: c.name.trim(),
      weight: Number(c.weight.replace(',', '.')),
      weight_type: 'per-exa',
      social: c.type === 'quality' && c.social,
    })),
  }
  if (v.accessibility === 'n-inc-just') clauses.accessibility_justification = v.accessibilityJustification
  if (v.insertion) {
    const amount = Number(v.insertionAmount.replace(',', '.'))
    clauses.insertion = {
      eligible_groups: v.groups,
      means: v.means,
      ...(v.insertionMode === 'hours' ? { hours: Math.round(amount) } : { labour_share: amount }),
    }
  }
  return {
    title: v.title.trim(),
    description: v.description,
    cpv: v.cpv.map((c) => c.code),
    currency: 'EUR',
    ...(min !== undefined ? { value_min_cents: min } : {}),
    ...(max !== undefined ? { value_max_cents: max } : {}),
    clauses,
  }
}

const amount = (value: string) => {
  if (value.trim() === '') return null
  return euroCents(value) ?? NaN
}

/** The lot's errors as the user types, keyed like the API's fields (clauses.legal_bases…). */
export function validateLot(v: LotValues, t: TFunction): Record<string, string | null> {
  const e: Record<string, string | null> = {}
  const title = v.title.trim()
  e.title = title === '' ? t('workspace.form.required') : [...title].length > LOT_TITLE_MAX ? t('workspace.form.tooLong', { max: LOT_TITLE_MAX }) : null
  e.description = [...v.description].length > LOT_DESCRIPTION_MAX ? t('workspace.form.tooLong', { max: LOT_DESCRIPTION_MAX }) : null
  const min = amount(v.valueMin)
  const max = amount(v.valueMax)
  e.value_min_cents = Number.isNaN(min) ? t('buyer.lot.valueInvalid') : null
  e.value_max_cents = Number.isNaN(max) ? t('buyer.lot.valueInvalid') : min !== null && max !== null && max < min ? t('buyer.lot.valueOrder') : null
  if (v.reservation !== 'none') {
    e['clauses.legal_bases'] =
      v.legalBases.length === 0 ? t('buyer.lot.legalBasisRequired') : !combinable(v.legalBases) ? t('buyer.lot.legalBasisCombine') : null
  }
  if (v.strategic.includes('soc-obj') && v.social.length === 0) e['clauses.social_objectives'] = t('buyer.lot.objectiveRequired')
  if (v.strategic.includes('env-imp') && v.green.length === 0) e['clauses.green_objectives'] = t('buyer.lot.objectiveRequired')
  if (v.accessibility === 'n-inc-just' && v.accessibilityJustification.trim() === '') {
    e['clauses.accessibility_justification'] = t('workspace.form.required')
  }
  if (v.insertion) {
    const n = amount(v.insertionAmount)
    e['clauses.insertion.amount'] =
      n === null || Number.isNaN(n) || n <= 0 || (v.insertionMode === 'share' && n > 100) ? t('buyer.lot.insertionAmountInvalid') : null
    e['clauses.insertion.eligible_groups'] = v.groups.length === 0 ? t('buyer.lot.chooseOne') : null
    e['clauses.insertion.means'] = v.means.length === 0 ? t('buyer.lot.chooseOne') : null
  }
  v.criteria.forEach((c, i) => {
    e[`clauses.award_criteria[${i}].name`] = c.name.trim() === '' ? t('workspace.form.required') : null
    const w = amount(c.weight)
    e[`clauses.award_criteria[${i}].weight`] = w === null || Number.isNaN(w) || w <= 0 ? t('buyer.lot.weightInvalid') : null
  })
  if (v.criteria.length > 0) {
    const total = totalWeight(v.criteria.map((c) => ({ weight: Number(c.weight.replace(',', '.')) })))
    e['clauses.award_criteria'] = total === 100 ? null : t('buyer.lot.weightsTotal', { total })
  }
  return e
}
