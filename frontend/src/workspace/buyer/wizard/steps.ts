import type { Tender } from '../api'

/** The wizard's steps, in order. */
export const STEPS = ['kind', 'general', 'lots', 'documents', 'review'] as const
export type Step = (typeof STEPS)[number]

export function isStep(value: string | null): value is Step {
  return value !== null && (STEPS as readonly string[]).includes(value)
}

/** Where a draft resumes: the lots while it has none, else the review. */
export function resumeStep(tender: Tender): Step {
  return (tender.lots ?? []).length === 0 ? 'lots' : 'review'
}

/**
 * The step a server field error belongs to: `lots[0].clauses.legal_bases`
 * is on the lots step, `document…` on the documents step, `kind` on the
 * first, anything else on the general step.
 */
export function stepOfField(field: string): Step {
  if (field.startsWith('lots')) return 'lots'
  if (field.startsWith('document')) return 'documents'
  if (field === 'kind') return 'kind'
  return 'general'
}

/** The server's errors for one lot (by index), with the `lots[i].` prefix taken off. */
export function lotErrors(errors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `lots[${index}].`
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(prefix)) out[field.slice(prefix.length)] = message
  }
  return out
}

/** The first message of a field or of anything under it (`clauses.legal_bases[0]` under `clauses.legal_bases`). */
export function errorUnder(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field]
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}[`) || k.startsWith(`${field}.`))
  return key ? errors[key] : undefined
}
