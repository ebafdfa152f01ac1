import { PasswordInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * The account's current password, asked again before a sensitive change
 * (email, password, erasure). The form keeps the value and works out the
 * error (its own rule, else the server's).
 */
export function CurrentPasswordInput({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (value: string) => void
  error: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <PasswordInput
      label={t('settings.currentPassword')}
      autoComplete="current-password"
      required
      maxLength={256}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  )
}
