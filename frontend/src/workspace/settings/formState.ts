import type { TFunction } from 'i18next'
import { useCallback, useState } from 'react'

/**
 * Which fields show their client-side error: a field once the user has
 * typed in it, every field once the form was submitted. Errors thus follow
 * the typing without greeting the user on an empty form.
 */
export function useTouched() {
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const touch = useCallback((field: string) => {
    setTouched((old) => (old.has(field) ? old : new Set(old).add(field)))
  }, [])
  const show = (field: string) => submitted || touched.has(field)
  const reset = useCallback(() => {
    setTouched(new Set())
    setSubmitted(false)
  }, [])
  return { touch, show, submit: () => setSubmitted(true), reset }
}

/** The first rule that fails, or null. */
export function firstError(value: string, ...checks: ((value: string) => string | null)[]): string | null {
  for (const check of checks) {
    const error = check(value)
    if (error) return error
  }
  return null
}

/** An email address as the API accepts it (one @, a dotted domain, no spaces), at most 254 characters. */
export const emailRule = (t: TFunction) => (value: string) =>
  value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('settings.form.email')

/** At least min characters. */
export const minLengthRule = (t: TFunction, min: number) => (value: string) =>
  value !== '' && [...value].length < min ? t('settings.form.tooShort', { min }) : null
