import { Button, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { currentLanguage } from '../../i18n'
import { usePageTitle } from '../../components/usePageTitle'
import { FormError } from './FormError'
import { NewPasswordInput } from './NewPasswordInput'
import { ResendVerification } from './ResendVerification'
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, authRules, useAuthForm } from './authForm'

/** /signup: an account in the interface language; a verification email follows. */
export default function SignupPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.signup.title'))
  const rules = authRules(t)
  // Named as the API names them, so that its field errors land on them.
  const form = useAuthForm({ display_name: rules.displayName, email: rules.email, password: rules.newPassword })
  const signup = useMutation({
    mutationFn: async (body: { display_name: string; email: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/signup', { body: { ...body, language: currentLanguage() } })),
    onError: (error) => form.showServerErrors(error),
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!form.validate(event)) return
    const { display_name, email, password } = form.values
    signup.mutate({ display_name: display_name.trim(), email: email.trim(), password })
  }
  if (signup.isSuccess) {
    return (
      <div className="auth-page">
        <h1>{t('auth.signup.title')}</h1>
        <p role="status">{t('auth.signup.done', { email: signup.variables.email })}</p>
        <p>{t('auth.signup.noEmail')}</p>
        <ResendVerification email={signup.variables.email} />
      </div>
    )
  }
  return (
    <div className="auth-page">
      <h1>{t('auth.signup.title')}</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError error={signup.error} fields={form.names} />
        <TextInput
          label={t('auth.displayName')}
          autoComplete="name"
          required
          maxLength={MAX_NAME_LENGTH}
          {...form.field('display_name')}
        />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={MAX_EMAIL_LENGTH}
          {...form.field('email')}
        />
        <NewPasswordInput label={t('auth.password')} {...form.field('password')} />
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
