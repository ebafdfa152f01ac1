import { Button, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'
import { NewPasswordInput } from './NewPasswordInput'

/** /reset-password: asks for a link by email, or (?token= from that email) sets a new password. */
export default function ResetPasswordPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.reset.title'))
  const [params] = useSearchParams()
  const token = params.get('token')
  return (
    <div className="auth-page">
      <h1>{t('auth.reset.title')}</h1>
      {token ? <NewPassword token={token} /> : <RequestLink />}
    </div>
  )
}

function RequestLink() {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const request = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/password-reset', { body: { email } })),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    request.mutate()
  }
  if (request.isSuccess) return <p role="status">{t('auth.reset.sent', { email })}</p>
  return (
    <form onSubmit={onSubmit}>
      <p>{t('auth.reset.intro')}</p>
      <FormError error={request.error} />
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
      />
      <Button type="submit" loading={request.isPending}>
        {t('auth.reset.send')}
      </Button>
    </form>
  )
}

function NewPassword({ token }: { token: string }) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const reset = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    reset.mutate()
  }
  if (reset.isSuccess) {
    return (
      <p role="status">
        {t('auth.reset.done')} <Link to="/login">{t('account.login')}</Link>
      </p>
    )
  }
  return (
    <form onSubmit={onSubmit}>
      <FormError error={reset.error} />
      <NewPasswordInput label={t('auth.newPassword')} value={password} onChange={setPassword} />
      <Button type="submit" loading={reset.isPending}>
        {t('auth.reset.submit')}
      </Button>
    </form>
  )
}
