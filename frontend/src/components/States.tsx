import { Alert, Button, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'

/** A polite, announced loading state. */
export function Loading() {
  const { t } = useTranslation()
  return (
    <div className="state-loading" role="status">
      <Loader size="sm" aria-hidden="true" />
      <span>{t('state.loading')}</span>
    </div>
  )
}

/** Nothing to show, with an optional hint on what to do. */
export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="state-empty" role="status">
      <p className="state-title">{title}</p>
      {hint ? <p>{hint}</p> : null}
    </div>
  )
}

/** An error explained in the reader's language, with a retry when one may help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const status = error instanceof ApiError ? error.status : 0
  let title = t('state.errorTitle')
  let body = t('state.errorBody')
  if (status === 404) {
    title = t('state.notFoundTitle')
    body = t('state.notFoundBody')
  } else if (status === 503) {
    title = t('state.unavailableTitle')
    body = t('state.unavailableBody')
  }
  return (
    <Alert color="red" title={title} role="alert" className="state-error">
      <p>{body}</p>
      {onRetry && status !== 404 ? (
        <Button variant="outline" color="red" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      ) : null}
    </Alert>
  )
}
