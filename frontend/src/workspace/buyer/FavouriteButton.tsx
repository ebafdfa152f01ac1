import { Button, NativeSelect, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { rules, serverMessage } from '../forms'
import { useBuyerOrganisation } from './api'
import { LIST_NAME_MAX, useFavouriteLists } from './favourites'
import './buyer.css'
import './catalogue'

/**
 * On a supplier's public profile, for a signed-in member of a buyer
 * organisation: put the supplier on one of the organisation's favourite
 * lists (or on a new one). Renders nothing for anyone else.
 */
export default function FavouriteButton({ supplierID, supplierName }: { supplierID: string; supplierName: string }) {
  const { organisation } = useBuyerOrganisation()
  if (!organisation) return null
  return <FavouriteControl orgID={organisation.id} supplierID={supplierID} supplierName={supplierName} />
}

function FavouriteControl({ orgID, supplierID, supplierName }: { orgID: string; supplierID: string; supplierName: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const lists = useFavouriteLists(orgID)
  const items = lists.items
  const [chosen, setChosen] = useState('')
  const [newName, setNewName] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const listID = chosen || items[0]?.id || ''
  const creating = items.length === 0 || chosen === 'new'
  const add = useMutation({
    mutationFn: async () => {
      let id = listID
      let name = items.find((l) => l.id === id)?.name ?? ''
      if (creating) {
        const list = unwrap(
          await api.POST('/api/v1/organisations/{orgID}/favourite-lists', {
            params: { path: { orgID } },
            body: { name: newName.trim() },
          }),
        )
        id = list.id
        name = list.name
      }
      await unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/favourite-lists/{listID}/suppliers/{supplierID}', {
          params: { path: { orgID, listID: id, supplierID } },
        }),
      )
      return name
    },
    onSuccess: async (name) => {
      setDone(t('buyer.favourites.addedTo', { supplier: supplierName, list: name }))
      setNewName('')
      setChosen('')
      await client.invalidateQueries({ queryKey: ['buyer', 'favourite-lists', orgID] })
    },
  })
  const nameError = creating && newName !== '' ? rules.maxLength(t, LIST_NAME_MAX)(newName) : null
  if (lists.isPending) return null
  return (
    <section aria-labelledby="favourite-heading" className="buyer-card">
      <h2 id="favourite-heading">{t('buyer.favourites.addTitle')}</h2>
      <form
        className="buyer-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setDone(null)
          if (creating && (rules.required(t)(newName) || nameError)) return
          add.mutate()
        }}
      >
        {items.length > 0 ? (
          <NativeSelect
            label={t('buyer.favourites.chooseList')}
            value={chosen || listID}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={[...items.map((l) => ({ value: l.id, label: l.name })), { value: 'new', label: t('buyer.favourites.newList') }]}
          />
        ) : null}
        {creating ? (
          <TextInput
            label={t('buyer.favourites.newName')}
            required
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            error={nameError}
          />
        ) : null}
        <div className="buyer-actions">
          <Button type="submit" loading={add.isPending}>
            {t('buyer.favourites.add')}
          </Button>
          <Link to="/workspace/buyer/favourites">{t('buyer.favourites.manage')}</Link>
        </div>
        {done ? <p role="status">{done}</p> : null}
        {add.isError ? (
          <p className="buyer-error" role="alert">
            {serverMessage(add.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  )
}
