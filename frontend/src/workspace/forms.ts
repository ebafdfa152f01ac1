import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'

/**
 * The server's field errors by field path: a problem's errors[].location
 * `body.lots[0].title` becomes `lots[0].title` (the field's name in the
 * form). Messages are already in the reader's language (Accept-Language).
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(error instanceof ApiError)) return out
  for (const e of error.problem?.errors ?? []) {
    if (!e.location || !e.message) continue
    const field = e.location.replace(/^(body|query|path)\./, '')
    out[field] ??= e.message
  }
  return out
}

/** The problem's general message (detail, else title), or a generic text. */
export function serverMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('auth.tooMany')
    return error.problem?.detail || error.problem?.title || t('state.errorBody')
  }
  return t('state.errorBody')
}

/**
 * A field's error to show: what the user typed first (client-side rule,
 * once the field was touched), else what the server said about it.
 */
export function fieldError(
  client: string | null | undefined,
  server: Record<string, string>,
  field: string,
): string | undefined {
  return client || server[field] || undefined
}

/** Client-side rules that mirror the API's limits. */
export const rules = {
  required: (t: TFunction) => (value: string) => (value.trim() === '' ? t('workspace.form.required') : null),
  maxLength: (t: TFunction, max: number) => (value: string) =>
    [...value].length > max ? t('workspace.form.tooLong', { max }) : null,
}
