import type { TFunction } from 'i18next'
import type { ReasonTemplate } from './api'

/** The API's limit on a reason's own text (a template adds its own). */
export const REASON_MAX = 2000

/** What the moderator chose: a template's code ('' for none) and the text in the box. */
export interface ReasonChoice {
  template: string
  text: string
}

/** The reason fields of a decision, as the API takes them. */
export interface ReasonPayload {
  reason_template?: string
  reason?: string
}

/**
 * What to send for a reason. A template left as it is goes as its code, so
 * that each recipient reads it in their own language; text added after it
 * goes as the reason (the API appends it to the template); a template
 * rewritten is the moderator's own text and goes as written.
 */
export function reasonPayload(choice: ReasonChoice, templates: readonly ReasonTemplate[]): ReasonPayload {
  const text = choice.text.trim()
  const template = templates.find((candidate) => candidate.code === choice.template)
  if (!template) return text ? { reason: text } : {}
  const templateText = template.text.trim()
  if (text === templateText) return { reason_template: template.code }
  if (templateText && text.startsWith(templateText)) {
    const extra = text.slice(templateText.length).trim()
    return extra ? { reason_template: template.code, reason: extra } : { reason_template: template.code }
  }
  return text ? { reason: text } : {}
}

/** The client-side rule for a reason: required when the decision needs one, within the API's limit. */
export function reasonError(
  choice: ReasonChoice,
  templates: readonly ReasonTemplate[],
  required: boolean,
  t: TFunction,
): string | null {
  const payload = reasonPayload(choice, templates)
  if (required && !payload.reason && !payload.reason_template) return t('moderation.decision.reasonRequired')
  if (payload.reason && [...payload.reason].length > REASON_MAX) return t('workspace.form.tooLong', { max: REASON_MAX })
  return null
}
