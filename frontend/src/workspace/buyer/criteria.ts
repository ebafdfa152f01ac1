import type { Clauses } from './api'

export type AwardCriterion = NonNullable<Clauses['award_criteria']>[number]

/** The award criterion types (BT-539). */
export const CRITERION_TYPES = ['price', 'cost', 'quality'] as const

/** The sum of the weights, rounded to two decimals (percentages must reach 100). */
export function totalWeight(criteria: Pick<AwardCriterion, 'weight'>[]): number {
  return Math.round(criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0) * 100) / 100
}

/** Whether the percentages may be sent: none at all, or adding up to exactly 100. */
export function weightsComplete(criteria: Pick<AwardCriterion, 'weight'>[]): boolean {
  return criteria.length === 0 || totalWeight(criteria) === 100
}
