import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'

/** The API's problem (already in the reader's language), or a generic message. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  let message = t('state.errorBody')
  if (error instanceof ApiError) {
    const fields = (error.problem?.errors ?? []).map((e) => e.message).filter(Boolean)
    message = [error.problem?.detail || error.problem?.title, ...fields].filter(Boolean).join(' ') || message
    if (error.status === 429) message = t('auth.tooMany')
  }
  return (
    <Alert color="red" role="alert" title={t('auth.failed')}>
      {message}
    </Alert>
  )
}
