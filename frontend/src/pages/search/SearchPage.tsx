import { Button, Checkbox, NativeSelect, TextInput } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { Suspense, lazy, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError, api, unwrap, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { SearchResultCard, hitPath } from '../../components/SearchResultCard'
import { Empty, ErrorState, Loading, sentence } from '../../components/States'
import { countryName, formatNumber } from '../../components/format'
import { RegionName, useRegionNames } from '../../components/regions'
import { usePageTitle } from '../../components/usePageTitle'
import { useMapTexts } from '../../components/map/useMapTexts'
import { FACETS, PAGE_SIZE, searchQueryFromURL, toggleParam, withParam, type SearchQuery } from './searchParams'

// Signed-in users save a search (and its alerts); a chunk of its own.
const SaveSearchButton = lazy(() => import('../../workspace/settings/SaveSearchButton'))

/** How long typing must pause before the query runs. */
export const DEBOUNCE_MS = 300

const KINDS = ['offer', 'tender', 'supplier'] as const

// Leaflet and its clusters load only when the map view is chosen.
const ResultsMap = lazy(() => import('../../components/map/ResultsMap'))
const SORTS = ['relevance', 'date', 'deadline'] as const

/** /search: query box, kind tabs, facet filters, deadline range, sort, results by cursor. */
export default function SearchPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const query = useMemo(() => searchQueryFromURL(params), [params])
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(query.q ? t('search.titleWithQuery', { q: query.q }) : t('search.title'))

  const results = useCursorList({
    queryKey: ['search', query, language],
    firstCursor: params.get('cursor') ?? '',
    fetchPage: async (cursor, signal) =>
      unwrap(
        await api.GET('/api/v1/search', {
          params: {
            query: {
              ...query,
              facets: [...FACETS],
              limit: String(PAGE_SIZE),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
  })

  // The view is the page's own parameter (?view=map), never sent to the API.
  const view = params.get('view') === 'map' ? 'map' : 'list'
  const setView = (next: 'list' | 'map') => {
    const updated = new URLSearchParams(params)
    if (next === 'map') updated.set('view', 'map')
    else updated.delete('view')
    setParams(updated, { replace: true })
  }
  const navigate = useNavigate()
  const openListing = useCallback((href: string) => void navigate(href), [navigate])
  const first = results.data?.pages[0]
  const hits = results.items
  const update = (next: URLSearchParams) => setParams(next, { replace: true })
  // On a phone the filters come before the results: folded until asked for.
  const narrow = useMediaQuery('(max-width: 48rem)', false, { getInitialValueInEffect: false }) ?? false
  const [filtersOpen, setFiltersOpen] = useState(false)
  // A 422 names the parameters it refuses (query.deadline_to…): their fields say why.
  const invalid = (name: string) =>
    results.error instanceof ApiError && results.error.status === 422
      ? sentence(results.error.problem?.errors?.find((e) => e.location === `query.${name}`)?.message ?? '') || undefined
      : undefined
  const active =
    (['country', 'nuts', 'sector', 'status_type'] as const).reduce((n, facet) => n + (query[facet]?.length ?? 0), 0) +
    (query.deadline_from ? 1 : 0) +
    (query.deadline_to ? 1 : 0)

  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      <div role="search" className="search-form">
        <QueryBox value={query.q ?? ''} error={invalid('q')} onChange={(q) => update(withParam(params, 'q', q))} />
        <KindTabs
          selected={query.kind?.[0]}
          counts={first?.facets['kind'] ?? null}
          onSelect={(kind) => update(withParam(params, 'kind', kind))}
        />
      </div>
      <div className="search-columns">
        <aside className="search-filters" aria-labelledby="filters-heading">
          <FiltersHeading
            narrow={narrow}
            open={filtersOpen}
            active={active}
            onToggle={() => setFiltersOpen((o) => !o)}
          />
          <div id="search-filter-fields" hidden={narrow && !filtersOpen}>
            <Sort query={query} onChange={(sort) => update(withParam(params, 'sort', sort))} />
            <DeadlineRange
              from={query.deadline_from ?? ''}
              to={query.deadline_to ?? ''}
              errors={{ from: invalid('deadline_from'), to: invalid('deadline_to') }}
              onChange={(name, value) => update(withParam(params, name, value))}
            />
            {(['country', 'nuts', 'sector', 'status_type'] as const).map((facet) => (
              <FacetFilter
                key={facet}
                facet={facet}
                values={first?.facets[facet] ?? null}
                selected={query[facet] ?? []}
                language={language}
                onToggle={(value) => update(toggleParam(params, facet, value))}
              />
            ))}
          </div>
        </aside>
        <section className="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('search.results')}
          </h2>
          <p className="result-count" role="status" aria-live="polite">
            {first ? t('search.count', { count: first.total, formatted: formatNumber(first.total, language) }) : ''}
          </p>
          {results.isPending ? <Loading /> : null}
          {results.isError ? <ErrorState error={results.error} onRetry={() => void results.refetch()} /> : null}
          {results.isSuccess && hits.length === 0 ? (
            <Empty title={t('search.emptyTitle')} hint={t('search.emptyHint')} />
          ) : null}
          <Suspense fallback={null}>
            <SaveSearchButton query={params.toString()} />
          </Suspense>
          {hits.length > 0 ? <ViewSwitch view={view} onChange={setView} /> : null}
          {hits.length > 0 && view === 'map' ? <MapView hits={hits} onOpen={openListing} /> : null}
          {hits.length > 0 && view === 'list' ? (
            <ol className="result-list">
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <SearchResultCard hit={hit} />
                </li>
              ))}
            </ol>
          ) : null}
          {results.hasNextPage ? (
            <Button
              variant="outline"
              onClick={() => void results.fetchNextPage()}
              loading={results.isFetchingNextPage}
            >
              {t('search.more')}
            </Button>
          ) : null}
        </section>
      </div>
    </div>
  )
}

/** The filters' heading; on a narrow screen, a button that shows or hides them, saying how many are set. */
function FiltersHeading({
  narrow,
  open,
  active,
  onToggle,
}: {
  narrow: boolean
  open: boolean
  active: number
  onToggle: () => void
}) {
  const { t } = useTranslation()
  const label = active > 0 ? t('search.filtersActive', { count: active }) : t('search.filters')
  if (!narrow) return <h2 id="filters-heading">{t('search.filters')}</h2>
  return (
    <h2 id="filters-heading">
      <Button variant="outline" fullWidth aria-expanded={open} aria-controls="search-filter-fields" onClick={onToggle}>
        {open ? t('search.hideFilters') : label}
      </Button>
    </h2>
  )
}

/** The query box: the URL (and so the search) follows the text once typing pauses. */
function QueryBox({
  value,
  error,
  onChange,
}: {
  value: string
  error: string | undefined
  onChange: (q: string) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  const [lastURLValue, setLastURLValue] = useState(value)
  if (value !== lastURLValue) {
    // The URL changed from outside (back button, a link): show its query.
    setLastURLValue(value)
    setText(value)
  }
  useEffect(() => {
    if (text.trim() === value.trim()) return
    const timer = setTimeout(() => onChange(text.trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, value, onChange])

  return (
    <TextInput
      type="search"
      label={t('search.queryLabel')}
      description={t('search.queryHint')}
      error={error}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(text.trim())
      }}
      maxLength={500}
    />
  )
}

function KindTabs({
  selected,
  counts,
  onSelect,
}: {
  selected: string | undefined
  counts: Schemas['SearchFacetBody'][] | null
  onSelect: (kind: string | undefined) => void
}) {
  const { t } = useTranslation()
  const count = (kind: string) => counts?.find((c) => c.value === kind)?.count
  return (
    <div className="kind-tabs" role="group" aria-label={t('search.kindLabel')}>
      <button type="button" aria-pressed={!selected} onClick={() => onSelect(undefined)}>
        {t('search.allKinds')}
      </button>
      {KINDS.map((kind) => {
        const n = count(kind)
        return (
          <button key={kind} type="button" aria-pressed={selected === kind} onClick={() => onSelect(kind)}>
            {t(`kind.${kind}`)}
            {n !== undefined && !selected ? <span className="kind-count"> ({n})</span> : null}
          </button>
        )
      })}
    </div>
  )
}

function Sort({ query, onChange }: { query: SearchQuery; onChange: (sort: string) => void }) {
  const { t } = useTranslation()
  const fallback = query.q ? 'relevance' : 'date'
  return (
    <NativeSelect
      label={t('search.sortLabel')}
      value={query.sort ?? fallback}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={SORTS.map((sort) => ({ value: sort, label: t(`search.sort.${sort}`) }))}
    />
  )
}

function DeadlineRange({
  from,
  to,
  errors,
  onChange,
}: {
  from: string
  to: string
  errors: { from: string | undefined; to: string | undefined }
  onChange: (name: 'deadline_from' | 'deadline_to', value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="filter-group">
      <legend>{t('search.deadline')}</legend>
      <TextInput
        type="date"
        label={t('search.deadlineFrom')}
        error={errors.from}
        value={from}
        onChange={(event) => onChange('deadline_from', event.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('search.deadlineTo')}
        error={errors.to}
        value={to}
        onChange={(event) => onChange('deadline_to', event.currentTarget.value)}
      />
    </fieldset>
  )
}

function FacetFilter({
  facet,
  values,
  selected,
  language,
  onToggle,
}: {
  facet: 'country' | 'nuts' | 'sector' | 'status_type'
  values: Schemas['SearchFacetBody'][] | null
  selected: string[]
  language: string
  onToggle: (value: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const regionName = useRegionNames()
  // The region facet counts every level of a listing's NUTS codes: countries
  // have their own facet, and Extra-Regio codes (…Z) are nobody's place.
  const offered = (values ?? []).filter((v) => facet !== 'nuts' || (v.value.length > 2 && !v.value.endsWith('Z')))
  if (facet === 'nuts') {
    // Saarland (DEC) holds only Saarland (DEC0): one line is enough.
    const codes = new Set(offered.map((v) => v.value))
    const same = (v: Schemas['SearchFacetBody']) => {
      const parent = v.value.slice(0, -1)
      return codes.has(parent) && regionName(parent).name === regionName(v.value).name
    }
    offered.splice(0, offered.length, ...offered.filter((v) => !same(v)))
  }
  // Selected values stay listed even when the other filters leave none of them.
  const shown = [...offered]
  for (const value of selected) {
    if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 })
  }
  if (shown.length === 0) return null
  const label = (v: Schemas['SearchFacetBody']) =>
    facet === 'country' ? (
      countryName(v.value, language)
    ) : facet === 'nuts' ? (
      <RegionName label={regionName(v.value)} />
    ) : (
      v.label || v.value
    )
  return (
    <fieldset className="filter-group" aria-describedby={id}>
      <legend>{t(`search.facet.${facet}`)}</legend>
      <span id={id} className="visually-hidden">
        {t('search.facetHint')}
      </span>
      {listed(facet, shown).map((v) => (
        <Checkbox
          key={v.value}
          // A region indented under the larger one it lies in (level 1 to 3).
          style={facet === 'nuts' ? { paddingInlineStart: `${Math.max(0, v.value.length - 3)}rem` } : undefined}
          label={
            <>
              {label(v)} ({formatNumber(v.count, language)})
            </>
          }
          checked={selected.includes(v.value)}
          onChange={() => onToggle(v.value)}
        />
      ))}
    </fieldset>
  )
}

/**
 * The values a facet lists: the 12 most frequent; regions then in code
 * order, so that each follows the larger region it lies in.
 */
function listed(facet: string, values: Schemas['SearchFacetBody'][]) {
  const top = values.slice(0, 12)
  return facet === 'nuts' ? top.sort((a, b) => a.value.localeCompare(b.value)) : top
}

function ViewSwitch({ view, onChange }: { view: 'list' | 'map'; onChange: (view: 'list' | 'map') => void }) {
  const { t } = useTranslation()
  return (
    <div className="kind-tabs view-switch" role="group" aria-label={t('search.view.label')}>
      {(['list', 'map'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={view === v} onClick={() => onChange(v)}>
          {t(`search.view.${v}`)}
        </button>
      ))}
    </div>
  )
}

function MapView({ hits, onOpen }: { hits: Schemas['SearchHitBody'][]; onOpen: (href: string) => void }) {
  const { t } = useTranslation()
  const texts = useMapTexts()
  const points = useMemo(
    () =>
      hits.flatMap((hit) =>
        hit.latitude !== undefined && hit.longitude !== undefined
          ? [{ id: `${hit.kind}:${hit.id}`, title: hit.title, href: hitPath(hit), latitude: hit.latitude, longitude: hit.longitude }]
          : [],
      ),
    [hits],
  )
  return (
    <>
      <p>{t('search.mapNote', { shown: points.length, loaded: hits.length })}</p>
      <Suspense fallback={<Loading />}>
        <ResultsMap points={points} label={t('search.mapLabel')} onOpen={onOpen} texts={texts} />
      </Suspense>
    </>
  )
}
