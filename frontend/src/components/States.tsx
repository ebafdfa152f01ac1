import { Alert, Button, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../api/client'
import { usePageTitle } from './usePageTitle'

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

/** A message of the API ("la fin … précède son début") as a sentence. */
export function sentence(message: string): string {
  const text = message.trim()
  if (!text) return ''
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?…]$/.test(text) ? '' : '.')
}

/** The title and text that explain an error, by its status. */
function useErrorTexts(error: unknown) {
  const { t } = useTranslation()
  const status = error instanceof ApiError ? error.status : 0
  if (status === 422 && error instanceof ApiError) {
    // The API's messages come in the reader's language.
    const messages = (error.problem?.errors ?? []).map((e) => sentence(e.message ?? '')).filter(Boolean)
    return { status, title: t('state.invalidTitle'), body: messages.join(' ') || t('state.errorBody') }
  }
  if (status === 404) return { status, title: t('state.notFoundTitle'), body: t('state.notFoundBody') }
  if (status === 503) return { status, title: t('state.unavailableTitle'), body: t('state.unavailableBody') }
  return { status, title: t('state.errorTitle'), body: t('state.errorBody') }
}

/**
 * A page that could not be shown (an offer, tender or profile that is not
 * public, or an error): its level-one heading and title say why.
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const { status, title, body } = useErrorTexts(error)
  usePageTitle(title)
  return (
    <div className="state-error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {onRetry && status !== 404 ? (
        <Button variant="outline" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      ) : (
        <p>
          <Link to="/search">{t('state.searchInstead')}</Link>
        </p>
      )}
    </div>
  )
}

/** An error explained in the reader's language, with a retry when one may help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const { status, title, body } = useErrorTexts(error)
  return (
    <Alert color="red" title={title} role="alert" className="state-error">
      <p>{body}</p>
      {onRetry && status !== 404 && status !== 422 ? (
        <Button variant="outline" color="red" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      ) : null}
    </Alert>
  )
}
