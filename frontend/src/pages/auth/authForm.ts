import { useState, type ChangeEvent, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { ApiError } from '../../api/client'

/** A field's rule: an error message, or null when the value is fine. */
export type Rule = (value: string) => string | null

/** The API's bounds (accounts.go): an email of at most 254 bytes, a password of 12 to 256, a name up to 200. */
export const MAX_EMAIL_LENGTH = 254
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256
export const MAX_NAME_LENGTH = 200

// The shape the server accepts (net/mail plus a dot in the domain), without
// its corner cases: the server has the last word.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

/** Whether value looks like an email address the API accepts. */
export function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value)
}

/**
 * The server's field errors of a 422 (problem+json errors[].location,
 * "body.email" or "email"), by field name among names; the others are left
 * to the form's alert.
 */
export function serverFieldErrors<K extends string>(error: unknown, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  if (!(error instanceof ApiError) || error.status !== 422) return out
  for (const detail of error.problem?.errors ?? []) {
    const name = (detail.location ?? '').replace(/^body\./, '') as K
    if (names.includes(name) && detail.message && !out[name]) out[name] = detail.message
  }
  return out
}

/**
 * The state of a small form: values, the rules checked as the user types
 * (shown once a field has been left or the form submitted, then at every
 * key), and the server's field errors until the field changes.
 */
export function useAuthForm<K extends string>(rules: Record<K, Rule>) {
  const names = Object.keys(rules) as K[]
  const [values, setValues] = useState(() => Object.fromEntries(names.map((n) => [n, ''])) as Record<K, string>)
  const [left, setLeft] = useState<ReadonlySet<K>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<Partial<Record<K, string>>>({})

  const errorOf = (name: K): string | undefined =>
    server[name] ?? ((submitted || left.has(name) ? rules[name](values[name]) : null) || undefined)

  /** The props of the field name's input (Mantine's error prop ties the message to it). */
  const field = (name: K) => ({
    name,
    value: values[name],
    error: errorOf(name),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value
      setValues((v) => ({ ...v, [name]: value }))
      setServer((s) => ({ ...s, [name]: undefined }))
    },
    onBlur: () => setLeft((l) => (l.has(name) ? l : new Set(l).add(name))),
  })

  /**
   * Checks every rule on submit: true when all pass; otherwise the errors
   * show and the first wrong field takes the focus.
   */
  const validate = (event: FormEvent<HTMLFormElement>): boolean => {
    event.preventDefault()
    setSubmitted(true)
    const wrong = names.find((n) => rules[n](values[n]) !== null)
    if (wrong === undefined) return true
    const input = event.currentTarget.elements.namedItem(wrong)
    if (input instanceof HTMLElement) input.focus()
    return false
  }

  /** Puts a 422's field errors on their fields; true when at least one landed. */
  const showServerErrors = (error: unknown): boolean => {
    const found = serverFieldErrors(error, names)
    setServer(found)
    return Object.keys(found).length > 0
  }

  return { values, field, validate, showServerErrors, names }
}

/** The rules of the account forms, in the reader's language. */
export function authRules(t: TFunction) {
  return {
    email: (value: string) =>
      value.trim() === '' ? t('auth.check.emailRequired') : isEmail(value.trim()) ? null : t('auth.check.emailFormat'),
    currentPassword: (value: string) => (value === '' ? t('auth.check.passwordRequired') : null),
    newPassword: (value: string) =>
      value === ''
        ? t('auth.check.passwordRequired')
        : value.length < MIN_PASSWORD_LENGTH
          ? t('auth.check.passwordShort', { min: MIN_PASSWORD_LENGTH, length: value.length })
          : value.length > MAX_PASSWORD_LENGTH
            ? t('auth.check.passwordLong', { max: MAX_PASSWORD_LENGTH })
            : null,
    displayName: (value: string) =>
      value.trim() === ''
        ? t('auth.check.nameRequired')
        : value.trim().length > MAX_NAME_LENGTH
          ? t('auth.check.nameLong', { max: MAX_NAME_LENGTH })
          : null,
  } satisfies Record<string, Rule>
}

/** Where the app goes after logging in when the URL does not say. */
export const AFTER_LOGIN = '/workspace'

/**
 * The ?next= of the login page when it is a path of this site ("/search?q=x"),
 * else AFTER_LOGIN: never another site ("https://…", "//evil", "/\\evil"),
 * which would make the login page an open redirect.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return AFTER_LOGIN
  // Control characters and backslashes are read as slashes by some browsers.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return AFTER_LOGIN
  try {
    const base = 'https://passerelle.invalid'
    const url = new URL(next, base)
    if (url.origin !== base) return AFTER_LOGIN
    // Parsing tidies "/.//evil.com" into "//evil.com": check what comes out too.
    if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return AFTER_LOGIN
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return AFTER_LOGIN
  }
}

/**
 * The token of an emailed link: the links carry it after # (never sent to
 * servers, nor in a Referer); ?token= works too.
 */
export function linkToken(location: { hash: string; search: string }): string {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token')
  return fromHash || new URLSearchParams(location.search).get('token') || ''
}
