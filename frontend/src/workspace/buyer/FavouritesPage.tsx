import { Alert, Button, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { countryName, formatDate } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { rules, serverFieldErrors, serverMessage, useRequiredText } from '../forms'
import { useBuyerOrganisation } from './api'
import { BuyerFrame } from './BuyerFrame'
import { LIST_NAME_MAX, useFavouriteLists } from './favourites'
import { LoadMore } from '../LoadMore'

type FavouriteList = Schemas['FavouriteListBody']

/** /workspace/buyer/favourites[/:listID]: the organisation's favourite supplier lists and their suppliers. */
export default function FavouritesPage() {
  const { t } = useTranslation()
  const { listID } = useParams()
  const { organisation } = useBuyerOrganisation()
  const orgID = organisation?.id ?? ''
  const lists = useFavouriteLists(orgID)
  const items = lists.items
  const selected = items.find((l) => l.id === listID)
  return (
    <BuyerFrame title={t('buyer.favourites.title')}>
      <p>{t('buyer.favourites.intro')}</p>
      <CreateList orgID={orgID} />
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('buyer.favourites.lists')}</h2>
        {lists.isPending ? <Loading /> : null}
        {lists.isError ? <ErrorState error={lists.error} onRetry={() => void lists.refetch()} /> : null}
        {lists.isSuccess && items.length === 0 ? (
          <Empty title={t('buyer.favourites.empty')} hint={t('buyer.favourites.emptyHint')} />
        ) : null}
        <ul className="buyer-list">
          {items.map((list) => (
            <ListItem key={list.id} orgID={orgID} list={list} current={list.id === listID} />
          ))}
        </ul>
        <LoadMore query={lists} />
      </section>
      {listID && lists.isSuccess && !selected ? <ErrorState error={{ status: 404 }} /> : null}
      {selected ? <ListSuppliers orgID={orgID} list={selected} /> : null}
    </BuyerFrame>
  )
}

function CreateList({ orgID }: { orgID: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const navigate = useNavigate()
  const name = useRequiredText(LIST_NAME_MAX, { touchOn: 'blur' })
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/favourite-lists', {
          params: { path: { orgID } },
          body: { name: name.value.trim() },
        }),
      ),
    onSuccess: async (list) => {
      name.setValue('')
      name.setTouched(false)
      await client.invalidateQueries({ queryKey: ['buyer', 'favourite-lists', orgID] })
      navigate(`/workspace/buyer/favourites/${list.id}`)
    },
  })
  const server = serverFieldErrors(create.error)
  return (
    <form
      className="buyer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.check()) return
        create.mutate()
      }}
    >
      <TextInput
        label={t('buyer.favourites.newName')}
        {...name.inputProps}
        error={name.error || server.name || (create.isError && !server.name ? serverMessage(create.error, t) : undefined)}
      />
      <div className="buyer-actions">
        <Button type="submit" loading={create.isPending}>
          {t('buyer.favourites.create')}
        </Button>
      </div>
    </form>
  )
}

function ListItem({ orgID, list, current }: { orgID: string; list: FavouriteList; current: boolean }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [renaming, setRenaming] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [name, setName] = useState(list.name)
  const refresh = () => client.invalidateQueries({ queryKey: ['buyer', 'favourite-lists', orgID] })
  const rename = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/favourite-lists/{listID}', {
          params: { path: { orgID, listID: list.id } },
          body: { name: name.trim() },
        }),
      ),
    onSuccess: async () => {
      setRenaming(false)
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/favourite-lists/{listID}', {
          params: { path: { orgID, listID: list.id } },
        }),
      ),
    onSuccess: async () => {
      await refresh()
      if (current) navigate('/workspace/buyer/favourites')
    },
  })
  const nameError = rules.required(t)(name) ?? rules.maxLength(t, LIST_NAME_MAX)(name)
  return (
    <li className="buyer-card">
      {renaming ? (
        <form
          className="buyer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (!nameError) rename.mutate()
          }}
        >
          <TextInput
            label={t('buyer.favourites.renameLabel', { name: list.name })}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError || serverFieldErrors(rename.error).name || (rename.isError ? serverMessage(rename.error, t) : undefined)}
          />
          <div className="buyer-actions">
            <Button type="submit" loading={rename.isPending}>
              {t('buyer.favourites.save')}
            </Button>
            <Button variant="subtle" onClick={() => setRenaming(false)}>
              {t('buyer.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="buyer-actions">
          <Link to={`/workspace/buyer/favourites/${list.id}`} aria-current={current ? 'page' : undefined}>
            {list.name}
          </Link>
          <span>{t('buyer.favourites.count', { count: list.member_count })}</span>
          <Button variant="subtle" size="compact-sm" onClick={() => setRenaming(true)}>
            {t('buyer.favourites.rename')}
            <span className="visually-hidden"> – {list.name}</span>
          </Button>
          {confirmDelete ? (
            <>
              <span role="alert">{t('buyer.favourites.confirmDelete', { name: list.name })}</span>
              <Button color="red" size="compact-sm" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('buyer.favourites.deleteConfirm')}
              </Button>
              <Button variant="subtle" size="compact-sm" onClick={() => setConfirmDelete(false)}>
                {t('buyer.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirmDelete(true)}>
              {t('buyer.favourites.delete')}
              <span className="visually-hidden"> – {list.name}</span>
            </Button>
          )}
        </div>
      )}
      {remove.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
    </li>
  )
}

function ListSuppliers({ orgID, list }: { orgID: string; list: FavouriteList }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const client = useQueryClient()
  const suppliers = useCursorList({
    queryKey: ['buyer', 'favourites', list.id],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers', {
          params: { path: { orgID, listID: list.id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
  const remove = useMutation({
    mutationFn: async (supplierID: string) =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}', {
          params: { path: { orgID, listID: list.id, supplierID } },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['buyer', 'favourites', list.id] })
      await client.invalidateQueries({ queryKey: ['buyer', 'favourite-lists', orgID] })
    },
  })
  const items = suppliers.items
  return (
    <section aria-labelledby="suppliers-heading">
      <h2 id="suppliers-heading">{t('buyer.favourites.suppliersOf', { name: list.name })}</h2>
      {suppliers.isPending ? <Loading /> : null}
      {suppliers.isError ? <ErrorState error={suppliers.error} onRetry={() => void suppliers.refetch()} /> : null}
      {suppliers.isSuccess && items.length === 0 ? (
        <Empty title={t('buyer.favourites.noSupplier')} hint={t('buyer.favourites.noSupplierHint')} />
      ) : null}
      <ul className="buyer-list">
        {items.map((s) => (
          <li key={s.supplier_id} className="buyer-card buyer-actions">
            <Link to={`/organisations/${s.supplier_id}`}>{s.name}</Link>
            <span>{countryName(s.country, ui)}</span>
            <span>{t('buyer.favourites.added', { date: formatDate(s.added_at, ui) })}</span>
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              loading={remove.isPending && remove.variables === s.supplier_id}
              onClick={() => remove.mutate(s.supplier_id)}
            >
              {t('buyer.favourites.removeSupplier')}
              <span className="visually-hidden"> – {s.name}</span>
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
      <LoadMore query={suppliers} />
    </section>
  )
}
