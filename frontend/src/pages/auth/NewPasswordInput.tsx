import { PasswordInput } from '@mantine/core'
import type { ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './authForm'

export { MIN_PASSWORD_LENGTH } from './authForm'

/**
 * The field where a user chooses a password (sign-up, reset): its rule
 * stated under it, the browser told to suggest a new one.
 */
export function NewPasswordInput({
  label,
  ...field
}: {
  label: string
  name: string
  value: string
  error: string | undefined
  onChange: (event: ChangeEvent<HTMLInputElement>) => void
  onBlur: () => void
}) {
  const { t } = useTranslation()
  return (
    <PasswordInput
      label={label}
      description={t('auth.passwordRule', { count: MIN_PASSWORD_LENGTH })}
      autoComplete="new-password"
      required
      maxLength={MAX_PASSWORD_LENGTH}
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
      // Mantine marks the wrapper (data-invalid) but not the input itself.
      aria-invalid={field.error ? true : undefined}
      {...field}
    />
  )
}
