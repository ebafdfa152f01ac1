import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { serverMessage } from '../forms'
import './settings.css'
import './catalogue'

/**
 * /confirm-email#token=… (the link emailed to the new address after an
 * email change): the change takes effect as soon as the page opens; no
 * sign-in needed, the token is the proof. The token stays in the fragment.
 */
export default function ConfirmEmailChangePage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.confirmEmail.title'))
  const location = useLocation()
  const client = useQueryClient()
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? ''
  const confirm = useMutation({
    mutationFn: async (value: string) =>
      unwrap(await api.POST('/api/v1/auth/confirm-email-change', { body: { token: value } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  })
  const { mutate } = confirm
  // Once per token: a token works once, and StrictMode runs effects twice.
  const sent = useRef('')
  useEffect(() => {
    if (!token || sent.current === token) return
    sent.current = token
    mutate(token)
  }, [token, mutate])

  return (
    <section aria-labelledby="confirm-email-heading">
      <h1 id="confirm-email-heading">{t('settings.confirmEmail.title')}</h1>
      {!token ? <p>{t('settings.confirmEmail.noToken')}</p> : null}
      {confirm.isPending ? <Loading /> : null}
      {confirm.isError ? (
        <p role="alert" className="settings-error">
          {serverMessage(confirm.error, t)}
        </p>
      ) : null}
      {confirm.isSuccess ? (
        <p role="status">
          {t('settings.confirmEmail.done')} <Link to="/workspace/account">{t('settings.confirmEmail.toAccount')}</Link>
        </p>
      ) : null}
    </section>
  )
}
