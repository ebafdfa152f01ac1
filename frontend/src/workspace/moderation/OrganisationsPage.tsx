import { Button, Group, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../components/States'
import { countryName } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../LoadMore'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * /workspace/moderation/organisations: find a supplier through the public
 * search, or open any organisation (a buyer, a suspended one) by its id.
 */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(t('moderation.organisations.title'))
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [text, setText] = useState(q)
  const [id, setID] = useState('')
  const [idTouched, setIDTouched] = useState(false)
  const navigate = useNavigate()
  const results = useCursorList({
    queryKey: ['moderation', 'organisation-search', q, language],
    enabled: q.trim() !== '',
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/search', {
          params: { query: queryParams({ q, kind: ['supplier'], limit: '20', cursor: cursor }) },
        }),
      ),
  })
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    setParams(text.trim() ? { q: text.trim() } : {})
  }
  const idError = idTouched && !UUID.test(id.trim()) ? t('moderation.organisations.badID') : undefined
  const onOpen = (event: FormEvent) => {
    event.preventDefault()
    setIDTouched(true)
    if (UUID.test(id.trim())) void navigate(`/workspace/moderation/organisations/${id.trim().toLowerCase()}`)
  }
  const items = results.items
  return (
    <section aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('moderation.organisations.title')}</h2>
      <p>{t('moderation.organisations.intro')}</p>
      <form onSubmit={onSearch} role="search" aria-label={t('moderation.organisations.searchLabel')}>
        <Group align="flex-end">
          <TextInput
            label={t('moderation.organisations.query')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={200}
          />
          <Button type="submit">{t('moderation.organisations.search')}</Button>
        </Group>
      </form>
      {q.trim() === '' ? null : results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('moderation.organisations.none')} hint={t('moderation.organisations.noneHint')} />
      ) : (
        <>
          <ul className="moderation-list" aria-label={t('moderation.organisations.results')}>
            {items.map((hit) => (
              <li key={hit.id} className="moderation-card">
                <Link to={`/workspace/moderation/organisations/${hit.id}`}>{hit.title}</Link>
                <p className="moderation-meta">
                  {[hit.town, hit.country ? countryName(hit.country, language) : ''].filter(Boolean).join(' · ')}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore query={results} />
        </>
      )}
      <h3>{t('moderation.organisations.byID')}</h3>
      <form onSubmit={onOpen} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('moderation.organisations.id')}
            description={t('moderation.organisations.idHint')}
            value={id}
            onChange={(event) => setID(event.currentTarget.value)}
            onBlur={() => setIDTouched(true)}
            error={idError}
            maxLength={36}
            required
          />
          <Button type="submit" mt={46}>
            {t('moderation.organisations.open')}
          </Button>
        </Group>
      </form>
    </section>
  )
}
