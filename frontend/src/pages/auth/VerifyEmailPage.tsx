import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'
import { ResendVerification } from './ResendVerification'
import { linkToken } from './authForm'

/** /verify-email#token=: confirms the address as soon as the page opens. */
export default function VerifyEmailPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.verify.title'))
  const token = linkToken(useLocation())
  const verify = useMutation({
    mutationFn: async (value: string) =>
      unwrap(await api.POST('/api/v1/auth/verify-email', { body: { token: value } })),
  })
  const { mutate } = verify
  // Once per token: a token works once, and StrictMode runs effects twice.
  const sent = useRef('')
  useEffect(() => {
    if (!token || sent.current === token) return
    sent.current = token
    mutate(token)
  }, [token, mutate])
  const linkDead = verify.error instanceof ApiError && [404, 410].includes(verify.error.status)

  return (
    <div className="auth-page">
      <h1>{t('auth.verify.title')}</h1>
      {!token ? <p>{t('auth.verify.noToken')}</p> : null}
      {verify.isPending ? <Loading /> : null}
      {verify.isError ? (
        <FormError error={verify.error} messages={{ 404: t('auth.link.invalid'), 410: t('auth.link.gone') }} />
      ) : null}
      {!token || linkDead ? (
        <>
          <p>{t('auth.verify.askAgain')}</p>
          <ResendVerification />
        </>
      ) : null}
      {verify.isSuccess ? (
        <p role="status">
          {t('auth.verify.done')} <Link to="/login">{t('account.login')}</Link>
        </p>
      ) : null}
    </div>
  )
}
