import { PasswordInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The API's minimum password length (accounts.go). */
export const MIN_PASSWORD_LENGTH = 12

/**
 * The field where a user chooses a password (sign-up, reset): its rule
 * stated under it, the browser told to suggest a new one.
 */
export function NewPasswordInput({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <PasswordInput
      label={label}
      description={t('auth.passwordRule', { count: MIN_PASSWORD_LENGTH })}
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD_LENGTH}
      maxLength={256}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  )
}
