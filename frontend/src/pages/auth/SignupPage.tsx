import { Button, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { currentLanguage } from '../../i18n'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'
import { NewPasswordInput } from './NewPasswordInput'


/** /signup: an account in the interface language; a verification email follows. */
export default function SignupPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.signup.title'))
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const signup = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/auth/signup', {
          body: { display_name: name, email, password, language: currentLanguage() },
        }),
      ),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    signup.mutate()
  }
  if (signup.isSuccess) {
    return (
      <div className="auth-page">
        <h1>{t('auth.signup.title')}</h1>
        <p role="status">{t('auth.signup.done', { email })}</p>
      </div>
    )
  }
  return (
    <div className="auth-page">
      <h1>{t('auth.signup.title')}</h1>
      <form onSubmit={onSubmit}>
        <FormError error={signup.error} />
        <TextInput
          label={t('auth.displayName')}
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <NewPasswordInput label={t('auth.password')} value={password} onChange={setPassword} />
        <Button type="submit" loading={signup.isPending}>
          {t('auth.signup.submit')}
        </Button>
      </form>
      <p>
        {t('auth.signup.haveAccount')} <Link to="/login">{t('account.login')}</Link>
      </p>
    </div>
  )
}
