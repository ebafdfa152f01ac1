import { Button, Radio } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { serverFieldErrors } from '../forms'
import { DELIVERIES, type Delivery } from '../notifications/api'
import { FormProblem } from '../FormProblem'

const KEY = ['me', 'notification-preferences']

/** /workspace/account/preferences: per category, an email at once, in the daily summary, or none. */
export default function PreferencesPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('settings.preferences.title'))
  const client = useQueryClient()
  const prefs = useQuery({
    queryKey: [...KEY, i18n.resolvedLanguage],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notification-preferences')).preferences ?? [],
  })
  const [choice, setChoice] = useState<Record<string, Delivery>>({})
  useEffect(() => {
    if (prefs.data) setChoice(Object.fromEntries(prefs.data.map((p) => [p.category, p.delivery])))
  }, [prefs.data])
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/v1/me/notification-preferences', { body: { preferences: choice } })),
    onSuccess: (answer) => {
      client.setQueryData([...KEY, i18n.resolvedLanguage], answer.preferences ?? [])
    },
  })
  const server = serverFieldErrors(save.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }

  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('settings.preferences.title')}</h2>
      <p>{t('settings.preferences.explain')}</p>
      {prefs.isLoading ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (prefs.data ?? []).length === 0 ? (
        <Empty title={t('settings.preferences.none')} />
      ) : (
        <form className="settings-form" onSubmit={onSubmit} noValidate>
          {(prefs.data ?? []).map((p) => (
            <Radio.Group
              key={p.category}
              label={p.label}
              description={p.default ? t('settings.preferences.default') : undefined}
              value={choice[p.category] ?? p.delivery}
              onChange={(value) => {
                setChoice((old) => ({ ...old, [p.category]: value as Delivery }))
                save.reset()
              }}
              error={server[`preferences.${p.category}`]}
            >
              <div className="settings-actions">
                {DELIVERIES.map((d) => (
                  <Radio key={d} value={d} label={t(`settings.preferences.delivery.${d}`)} />
                ))}
              </div>
            </Radio.Group>
          ))}
          <FormProblem error={save.error} fieldErrors={server} />
          {save.isSuccess ? <p role="status">{t('settings.preferences.saved')}</p> : null}
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('settings.preferences.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
