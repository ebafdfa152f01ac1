import { Button, Group, Modal } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import { CurrentPasswordInput } from './CurrentPasswordInput'
import { firstError, useTouched } from './formState'

/** /workspace/account/data: download everything stored about me; erase my account. */
export default function DataPage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.data.title'))
  return (
    <>
      <section aria-labelledby="export-heading" className="settings-form">
        <h2 id="export-heading">{t('settings.data.exportTitle')}</h2>
        <p>{t('settings.data.exportExplain')}</p>
        <div>
          <Button component="a" href="/api/v1/me/export" download="passerelle-export.json" variant="outline">
            {t('settings.data.export')}
          </Button>
        </div>
      </section>
      <DeleteAccount />
    </>
  )
}

function DeleteAccount() {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [confirming, setConfirming] = useState(false)
  const touched = useTouched()
  const erase = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/me', { body: { password } })),
    onSuccess: () => {
      // A fresh load of the home page: nothing of the account stays in
      // memory, and the workspace does not get the chance to send the
      // now signed-out visitor to /login first.
      window.location.assign('/')
    },
  })
  const passwordError = firstError(password, rules.required(t))
  const server = serverFieldErrors(erase.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (passwordError) return
    setConfirming(true)
  }
  return (
    <section aria-labelledby="delete-heading">
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <h2 id="delete-heading">{t('settings.data.deleteTitle')}</h2>
        <p>{t('settings.data.deleteExplain')}</p>
        <ul>
          <li>{t('settings.data.erased')}</li>
          <li>{t('settings.data.kept')}</li>
          <li>{t('settings.data.lastOwner')}</li>
        </ul>
        <CurrentPasswordInput
          value={password}
          onChange={(value) => {
            setPassword(value)
            touched.touch('password')
            erase.reset()
          }}
          error={fieldError(touched.show('password') ? passwordError : null, server, 'password')}
        />
        {erase.isError && !server.password ? (
          <p role="alert" className="settings-error">
            {serverMessage(erase.error, t)}
          </p>
        ) : null}
        <div>
          <Button type="submit" color="red" loading={erase.isPending}>
            {t('settings.data.delete')}
          </Button>
        </div>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('settings.data.confirmTitle')}
        centered
        className="settings-dialog"
        closeButtonProps={{ 'aria-label': t('settings.close') }}
      >
        <p>{t('settings.data.confirmBody')}</p>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('settings.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false)
              erase.mutate()
            }}
          >
            {t('settings.data.confirm')}
          </Button>
        </Group>
      </Modal>
    </section>
  )
}
