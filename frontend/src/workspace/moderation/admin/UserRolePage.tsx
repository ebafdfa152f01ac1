import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { usePageTitle } from '../../../components/usePageTitle'
import { fieldError, serverFieldErrors, serverMessage } from '../../forms'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ROLES = ['moderator', 'user'] as const

/**
 * /workspace/moderation/admin/roles: make a user a moderator or a plain
 * user again (admins). The API has no user lookup: the user is named by id,
 * as the audit log shows it.
 */
export function UserRolePage() {
  const { t } = useTranslation()
  usePageTitle(t('moderation.roles.title'))
  const [userID, setUserID] = useState('')
  const [role, setRole] = useState<(typeof ROLES)[number]>('moderator')
  const [touched, setTouched] = useState(false)
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/admin/users/{userID}/role', {
          params: { path: { userID: userID.trim().toLowerCase() } },
          body: { role },
        }),
      ),
  })
  const clientError = !touched
    ? null
    : userID.trim() === ''
      ? t('workspace.form.required')
      : !UUID.test(userID.trim())
        ? t('moderation.roles.badID')
        : null
  const server = serverFieldErrors(save.error)
  const general = save.isError && !server.userID && !server.role ? serverMessage(save.error, t) : null
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!UUID.test(userID.trim())) return
    save.mutate()
  }
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{t('moderation.roles.title')}</h2>
      <p>{t('moderation.roles.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Stack maw={480}>
          <TextInput
            label={t('moderation.roles.userID')}
            description={t('moderation.roles.userIDHint')}
            value={userID}
            onChange={(event) => {
              setUserID(event.currentTarget.value)
              setTouched(true)
            }}
            error={fieldError(clientError, server, 'userID')}
            maxLength={36}
            required
          />
          <NativeSelect
            label={t('moderation.roles.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as (typeof ROLES)[number])}
            error={server.role}
            data={ROLES.map((value) => ({ value, label: t(`moderation.roles.roleName.${value}`) }))}
          />
          <Button type="submit" loading={save.isPending}>
            {t('moderation.roles.save')}
          </Button>
        </Stack>
      </form>
      {general ? (
        <Alert color="red" role="alert" mt="md" title={t('moderation.decision.refused')}>
          {general}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="green" role="status" mt="md" title={t('moderation.decision.done')}>
          {t('moderation.roles.saved', {
            name: save.data.display_name,
            email: save.data.email,
            role: t(`moderation.roles.roleName.${save.data.platform_role}`),
          })}
        </Alert>
      ) : null}
    </section>
  )
}
