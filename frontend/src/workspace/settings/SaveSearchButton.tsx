import { Button, Checkbox, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../layout/AccountMenu'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import { firstError, useTouched } from './formState'
import { MAX_NAME, queryErrors, useCreateSavedSearch } from './savedSearches'
import './settings.css'
import './catalogue'

/**
 * "Save this search" for the search page: the search's query string (as in
 * /search?…, without cursor) is saved under a name, with daily alerts on
 * or off. Shown to signed-in users only.
 */
export function SaveSearchButton({ query }: { query: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [alerts, setAlerts] = useState(true)
  const touched = useTouched()
  const create = useCreateSavedSearch()
  const cleanQuery = (() => {
    const params = new URLSearchParams(query.replace(/^\?/, ''))
    params.delete('cursor')
    return params.toString()
  })()
  if (!me.data) return null

  const nameError = firstError(name, rules.required(t), rules.maxLength(t, MAX_NAME))
  const server = serverFieldErrors(create.error)
  const aboutQuery = queryErrors(server)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (nameError) return
    create.mutate({ name: name.trim(), query: cleanQuery, alerts })
  }

  if (create.isSuccess) {
    return (
      <p role="status" className="save-search">
        {t('settings.saved.savedAs', { name: create.data.name })}{' '}
        <Link to="/workspace/account/saved-searches">{t('settings.saved.seeAll')}</Link>
      </p>
    )
  }
  if (!open) {
    return (
      <Button
        variant="outline"
        onClick={() => {
          setName(new URLSearchParams(cleanQuery).get('q') ?? '')
          setOpen(true)
        }}
      >
        {t('settings.saved.saveThis')}
      </Button>
    )
  }
  return (
    <form className="settings-form save-search" onSubmit={onSubmit} noValidate aria-label={t('settings.saved.saveThis')}>
      <TextInput
        label={t('settings.saved.name')}
        required
        autoFocus
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value)
          touched.touch('name')
          create.reset()
        }}
        error={fieldError(touched.show('name') ? nameError : null, server, 'name')}
      />
      <Checkbox
        label={t('settings.saved.alerts')}
        description={t('settings.saved.alertsHint')}
        checked={alerts}
        onChange={(e) => setAlerts(e.currentTarget.checked)}
      />
      {aboutQuery.length > 0 ? (
        <div role="alert" className="settings-error">
          <p>{t('settings.saved.queryRefused')}</p>
          <ul>
            {aboutQuery.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : create.isError && !server.name ? (
        <p role="alert" className="settings-error">
          {serverMessage(create.error, t)}
        </p>
      ) : null}
      <div className="settings-actions">
        <Button type="submit" loading={create.isPending}>
          {t('settings.saved.save')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('settings.cancel')}
        </Button>
      </div>
    </form>
  )
}

export default SaveSearchButton
