import type { TFunction } from 'i18next'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
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

/**
 * A required text of at most max characters (the API's limit) with the
 * touched state that decides when its error shows: from the first key
 * typed (touchOn 'change', the default) or once the user leaves the field
 * ('blur'), and always once the form is submitted (check). Spread
 * inputProps on a Mantine TextInput or Textarea and give it
 * fieldError(field.error, server, name) as its error.
 */
export function useRequiredText(max: number, { initial = '', touchOn = 'change' }: { initial?: string; touchOn?: 'change' | 'blur' } = {}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  const [touched, setTouched] = useState(false)
  const problem = rules.required(t)(value) ?? rules.maxLength(t, max)(value)
  const touch = () => setTouched(true)
  return {
    value,
    setValue,
    touched,
    setTouched,
    /** The rule the value breaks, once the field was touched. */
    error: touched ? problem : null,
    /** On submit: shows the error if there is one; whether the value may be sent. */
    check: () => {
      touch()
      return problem === null
    },
    inputProps: {
      required: true,
      value,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        setValue(event.currentTarget.value)
        if (touchOn === 'change') touch()
      },
      ...(touchOn === 'blur' ? { onBlur: touch } : {}),
    },
  }
}
