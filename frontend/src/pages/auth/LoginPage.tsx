import { Button, PasswordInput, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import { FormError } from './FormError'
import { ResendVerification } from './ResendVerification'
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, authRules, safeNext, useAuthForm } from './authForm'

/** /login: email and password; a session cookie, then ?next= (a path of this site) or the workspace. */
export default function LoginPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.login.title'))
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const client = useQueryClient()
  const me = useMe()
  const rules = authRules(t)
  const form = useAuthForm({ email: rules.email, password: rules.currentPassword })
  const [unverified, setUnverified] = useState('')
  const login = useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/login', { body })),
    onSuccess: async (user) => {
      client.setQueryData(['me'], user)
      // Everything read as the previous visitor or user (their organisations,
      // notifications…) is dropped, but the user just set.
      client.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) })
      void navigate(next, { replace: true })
    },
    onError: (error, body) => {
      form.showServerErrors(error)
      setUnverified(error instanceof ApiError && error.status === 403 ? body.email : '')
    },
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!form.validate(event)) return
    login.mutate({ email: form.values.email.trim(), password: form.values.password })
  }
  const next = safeNext(params.get('next'))
  return (
    <div className="auth-page">
      <h1>{t('auth.login.title')}</h1>
      {me.data && !login.isPending && !login.isSuccess ? (
        <p role="status">
          {t('auth.login.already', { name: me.data.display_name })} <Link to={next}>{t('auth.login.continue')}</Link>
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <FormError
          error={login.error}
          fields={form.names}
          messages={{ 401: t('auth.login.wrong'), 403: t('auth.login.unverified') }}
        />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={MAX_EMAIL_LENGTH}
          {...form.field('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          maxLength={MAX_PASSWORD_LENGTH}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
          {...form.field('password')}
        />
        <Button type="submit" loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </form>
      {unverified ? <ResendVerification email={unverified} /> : null}
      <p>
        <Link to="/reset-password">{t('auth.login.forgot')}</Link>
      </p>
      <p>
        {t('auth.login.noAccount')} <Link to="/signup">{t('account.signup')}</Link>
      </p>
    </div>
  )
}

/** The ['me'] query itself (not ['me', 'organisations'] and the like). */
function isMeQuery(key: readonly unknown[]): boolean {
  return key.length === 1 && key[0] === 'me'
}
