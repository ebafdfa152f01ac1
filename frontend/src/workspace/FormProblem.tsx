import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { serverMessage } from './forms'

/**
 * The server's refusal of a form when it names no field (a conflict, an
 * outage…), as an alert in the reader's language; refusals that name
 * fields are shown on those fields instead (serverFieldErrors).
 */
export function FormProblem({ error, fieldErrors }: { error: unknown; fieldErrors: Record<string, string> }) {
  const { t } = useTranslation()
  if (!error || Object.keys(fieldErrors).length > 0) return null
  return (
    <Alert color="red" role="alert">
      {serverMessage(error, t)}
    </Alert>
  )
}
