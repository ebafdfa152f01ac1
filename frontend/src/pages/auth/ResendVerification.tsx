import { Button, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { FormError } from './FormError'
import { MAX_EMAIL_LENGTH, authRules, useAuthForm } from './authForm'

/**
 * Sends the confirmation link again: with the address the user just typed
 * (email), or asking for it (an expired link tells no address).
 */
export function ResendVerification({ email }: { email?: string }) {
  const { t } = useTranslation()
  const form = useAuthForm({ email: authRules(t).email })
  const resend = useMutation({
    mutationFn: async (address: string) =>
      unwrap(await api.POST('/api/v1/auth/resend-verification', { body: { email: address } })),
    onError: (error) => form.showServerErrors(error),
  })
  if (resend.isSuccess) return <p role="status">{t('auth.resend.sent')}</p>
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (email) {
      event.preventDefault()
      resend.mutate(email)
    } else if (form.validate(event)) {
      resend.mutate(form.values.email.trim())
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="resend-form">
      <FormError error={resend.error} fields={form.names} />
      {email ? null : (
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={MAX_EMAIL_LENGTH}
          {...form.field('email')}
        />
      )}
      <Button type="submit" variant="outline" loading={resend.isPending}>
        {t('auth.resend.submit')}
      </Button>
    </form>
  )
}
