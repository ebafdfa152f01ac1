import { Button, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'
import { NewPasswordInput } from './NewPasswordInput'
import { MAX_EMAIL_LENGTH, authRules, linkToken, useAuthForm } from './authForm'

/** /reset-password: asks for a link by email, or (#token= from that email) sets a new password. */
export default function ResetPasswordPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.reset.title'))
  const token = linkToken(useLocation())
  return (
    <div className="auth-page">
      <h1>{t('auth.reset.title')}</h1>
      {token ? <NewPassword key={token} token={token} /> : <RequestLink />}
    </div>
  )
}

function RequestLink() {
  const { t } = useTranslation()
  const form = useAuthForm({ email: authRules(t).email })
  const request = useMutation({
    mutationFn: async (email: string) => unwrap(await api.POST('/api/v1/auth/password-reset', { body: { email } })),
    onError: (error) => form.showServerErrors(error),
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (form.validate(event)) request.mutate(form.values.email.trim())
  }
  if (request.isSuccess) return <p role="status">{t('auth.reset.sent', { email: request.variables })}</p>
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('auth.reset.intro')}</p>
      <FormError error={request.error} fields={form.names} />
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        maxLength={MAX_EMAIL_LENGTH}
        {...form.field('email')}
      />
      <Button type="submit" loading={request.isPending}>
        {t('auth.reset.send')}
      </Button>
    </form>
  )
}

function NewPassword({ token }: { token: string }) {
  const { t } = useTranslation()
  const form = useAuthForm({ password: authRules(t).newPassword })
  const reset = useMutation({
    mutationFn: async (password: string) =>
      unwrap(await api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onError: (error) => form.showServerErrors(error),
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (form.validate(event)) reset.mutate(form.values.password)
  }
  if (reset.isSuccess) {
    return (
      <p role="status">
        {t('auth.reset.done')} <Link to="/login">{t('account.login')}</Link>
      </p>
    )
  }
  const linkDead = reset.error instanceof ApiError && [404, 410].includes(reset.error.status)
  return (
    <>
      <form onSubmit={onSubmit} noValidate>
        <FormError
          error={reset.error}
          fields={form.names}
          messages={{ 404: t('auth.link.invalid'), 410: t('auth.link.gone') }}
        />
        <NewPasswordInput label={t('auth.newPassword')} {...form.field('password')} />
        <Button type="submit" loading={reset.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </form>
      {linkDead ? (
        <p>
          <Link to="/reset-password">{t('auth.reset.newLink')}</Link>
        </p>
      ) : null}
    </>
  )
}
