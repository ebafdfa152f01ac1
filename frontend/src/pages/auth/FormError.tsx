import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { serverFieldErrors } from './authForm'

/**
 * Why the form's request failed, in the reader's language: the page's own
 * text for a status it knows (messages; the API words some of them in
 * English only), "too many attempts" for a 429, for a 422 the field
 * errors that no field of the form shows (fields) or a pointer to the
 * fields, else a generic message.
 */
export function FormError({
  error,
  fields = [],
  messages = {},
}: {
  error: unknown
  fields?: readonly string[]
  messages?: Partial<Record<number, string>>
}) {
  const { t } = useTranslation()
  if (!error) return null
  let message = t('state.errorBody')
  if (error instanceof ApiError) {
    const onFields = Object.keys(serverFieldErrors(error, fields))
    const others = (error.problem?.errors ?? [])
      .filter((e) => !onFields.includes((e.location ?? '').replace(/^body\./, '')))
      .map((e) => e.message)
      .filter(Boolean)
    if (messages[error.status]) message = messages[error.status]!
    else if (error.status === 429) message = t('auth.tooMany')
    // The field messages come in the reader's language; other details may not.
    else if (error.status === 422) message = others.length > 0 ? others.join(' ') : t('auth.check.fields')
  }
  return (
    <Alert color="red" role="alert" title={t('auth.failed')}>
      {message}
    </Alert>
  )
}
