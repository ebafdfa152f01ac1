import { Button, Switch, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import type { SavedSearch } from '../notifications/api'
import { ConfirmButton } from './ConfirmButton'
import { firstError, useTouched } from './formState'
import { MAX_NAME, SAVED_KEY, readableQuery } from './savedSearches'
import { LoadMore } from '../LoadMore'

/** /workspace/account/saved-searches: each saved search in words, to open, rename, alert on or off, or delete. */
export default function SavedSearchesPage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.saved.title'))
  const list = useCursorList({
    queryKey: SAVED_KEY,
    fetchPage: async (cursor) =>
      unwrap(await api.GET('/api/v1/me/saved-searches', { params: { query: queryParams({ limit: 20, cursor }) } })),
  })
  const items = list.items
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('settings.saved.title')}</h2>
      <p>{t('settings.saved.explain')}</p>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('settings.saved.none')} hint={t('settings.saved.noneHint')} />
      ) : (
        <ul className="settings-list">
          {items.map((s) => (
            <SavedSearchItem key={s.id} saved={s} />
          ))}
        </ul>
      )}
      <LoadMore query={list} />
      <p>
        <Link to="/search">{t('settings.saved.newSearch')}</Link>
      </p>
    </section>
  )
}

function SavedSearchItem({ saved }: { saved: SavedSearch }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [renaming, setRenaming] = useState(false)
  // When the rename form closes (saved or cancelled) with the focus in it,
  // the focus goes back to the Rename button instead of the page's body.
  const renameButton = useRef<HTMLButtonElement>(null)
  const wasRenaming = useRef(false)
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus()
    wasRenaming.current = renaming
  }, [renaming])
  const [name, setName] = useState(saved.name)
  // The switch follows the click at once; a refusal puts it back.
  const [alerts, setAlerts] = useState(saved.alerts)
  useEffect(() => setAlerts(saved.alerts), [saved.alerts])
  const touched = useTouched()
  const patch = useMutation({
    mutationFn: async (body: { name?: string; alerts?: boolean }) =>
      unwrap(await api.PATCH('/api/v1/me/saved-searches/{id}', { params: { path: { id: saved.id } }, body })),
    onSuccess: async (_data, body) => {
      if (body.name !== undefined) setRenaming(false)
      await client.invalidateQueries({ queryKey: SAVED_KEY })
    },
    onError: () => setAlerts(saved.alerts),
  })
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/me/saved-searches/{id}', { params: { path: { id: saved.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: SAVED_KEY }),
  })
  const nameError = firstError(name, rules.required(t), rules.maxLength(t, MAX_NAME))
  const server = serverFieldErrors(patch.error)
  const rename = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (nameError) return
    patch.mutate({ name: name.trim() })
  }
  const lines = readableQuery(saved.query, t)
  return (
    <li>
      <div>
        {renaming ? (
          <form className="settings-form" onSubmit={rename} noValidate aria-label={t('settings.saved.renameOne', { name: saved.name })}>
            <TextInput
              label={t('settings.saved.name')}
              required
              autoFocus
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value)
                touched.touch('name')
                patch.reset()
              }}
              error={fieldError(touched.show('name') ? nameError : null, server, 'name')}
            />
            <div className="settings-actions">
              <Button type="submit" size="compact-sm" loading={patch.isPending}>
                {t('settings.saved.save')}
              </Button>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => {
                  setRenaming(false)
                  setName(saved.name)
                  patch.reset()
                }}
              >
                {t('settings.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <strong>{saved.name}</strong>
        )}
        {lines.length > 0 ? (
          <ul className="settings-query">
            {lines.map(([label, value]) => (
              <li key={label}>
                {t('settings.saved.line', { label, value })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="settings-query">{t('settings.saved.everything')}</p>
        )}
        {(patch.isError && !server.name) || remove.isError ? (
          <p role="alert" className="settings-error">
            {serverMessage(patch.error ?? remove.error, t)}
          </p>
        ) : null}
      </div>
      <div className="settings-actions">
        <Link to={`/search?${saved.query}`} aria-label={t('settings.saved.openOne', { name: saved.name })}>
          {t('settings.saved.open')}
        </Link>
        <Switch
          label={t('settings.saved.alertsOne', { name: saved.name })}
          checked={alerts}
          disabled={patch.isPending}
          onChange={(e) => {
            const on = e.currentTarget.checked
            setAlerts(on)
            patch.mutate({ alerts: on })
          }}
        />
        {!renaming ? (
          <Button
            ref={renameButton}
            variant="subtle"
            size="compact-sm"
            aria-label={t('settings.saved.renameOne', { name: saved.name })}
            onClick={() => {
              setName(saved.name)
              setRenaming(true)
            }}
          >
            {t('settings.saved.rename')}
          </Button>
        ) : null}
        <ConfirmButton
          label={t('settings.saved.delete')}
          ariaLabel={t('settings.saved.deleteOne', { name: saved.name })}
          title={t('settings.saved.deleteOne', { name: saved.name })}
          confirmLabel={t('settings.saved.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
        >
          <p>{t('settings.saved.deleteConfirm', { name: saved.name })}</p>
        </ConfirmButton>
      </div>
    </li>
  )
}
