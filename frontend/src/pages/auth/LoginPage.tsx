import { Button, PasswordInput, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'

/** /login: email and password; a session cookie on success. */
export default function LoginPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.login.title'))
  const navigate = useNavigate()
  const client = useQueryClient()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const login = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async (user) => {
      client.setQueryData(['me'], user)
      await client.invalidateQueries()
      void navigate('/')
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate()
  }
  return (
    <div className="auth-page">
      <h1>{t('auth.login.title')}</h1>
      <form onSubmit={onSubmit} noValidate={false}>
        <FormError error={login.error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </form>
      <p>
        <Link to="/reset-password">{t('auth.login.forgot')}</Link>
      </p>
      <p>
        {t('auth.login.noAccount')} <Link to="/signup">{t('account.signup')}</Link>
      </p>
    </div>
  )
}
