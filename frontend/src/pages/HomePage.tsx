import { SimpleGrid } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../api/client'
import { SearchResultCard } from '../components/SearchResultCard'
import { Empty, ErrorState, Loading } from '../components/States'
import { formatNumber } from '../components/format'
import { usePageTitle } from '../components/usePageTitle'

/** /: what Passerelle is, live figures, the latest tenders, sectors to browse. */
export default function HomePage() {
  const { t } = useTranslation()
  usePageTitle(undefined)
  return (
    <div className="home-page">
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">Passerelle</h1>
        <p className="tagline">{t('home.tagline')}</p>
        <p>{t('home.what')}</p>
        <Link className="cta" to="/search">
          {t('home.searchCta')}
        </Link>
      </section>
      <Figures />
      <LatestTenders />
      <Sectors />
    </div>
  )
}

/** Listings by kind: the search's facet counts over everything public. */
function Figures() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const figures = useQuery({
    queryKey: ['home', 'figures'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/search', { params: { query: { facets: ['kind'], limit: '1' } } })),
  })
  const count = (kind: string) => figures.data?.facets['kind']?.find((f) => f.value === kind)?.count ?? 0
  return (
    <section aria-labelledby="figures-heading" className="figures">
      <h2 id="figures-heading">{t('home.figuresHeading')}</h2>
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <ErrorState error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.isSuccess ? (
        <dl className="figure-list">
          {(['supplier', 'offer', 'tender'] as const).map((kind) => (
            <div key={kind}>
              <dt>{t(`home.figure.${kind}`, { count: count(kind) })}</dt>
              <dd>
                {/* Named in full: a list of links read alone would say only "31". */}
                <Link
                  to={`/search?kind=${kind}`}
                  aria-label={`${formatNumber(count(kind), language)} ${t(`home.figure.${kind}`, { count: count(kind) })}`}
                >
                  {formatNumber(count(kind), language)}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  )
}

function LatestTenders() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const latest = useQuery({
    queryKey: ['home', 'latest-tenders', language],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/search', { params: { query: { kind: ['tender'], sort: 'date', limit: '4' } } }),
      ),
  })
  const items = latest.data?.items ?? []
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">{t('home.latestHeading')}</h2>
      {latest.isPending ? <Loading /> : null}
      {latest.isError ? <ErrorState error={latest.error} onRetry={() => void latest.refetch()} /> : null}
      {latest.isSuccess && items.length === 0 ? <Empty title={t('home.noTenders')} /> : null}
      {items.length > 0 ? (
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} className="card-grid">
          {items.map((hit) => (
            <li key={hit.id}>
              <SearchResultCard hit={hit} />
            </li>
          ))}
        </SimpleGrid>
      ) : null}
      <p>
        <Link to="/search?kind=tender&sort=deadline">{t('home.allTenders')}</Link>
      </p>
    </section>
  )
}

function Sectors() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const sectors = useQuery({
    queryKey: ['sectors', language],
    queryFn: async () => unwrap(await api.GET('/api/v1/sectors')),
    staleTime: 3_600_000,
  })
  const groups = sectors.data?.items ?? []
  return (
    <section aria-labelledby="sectors-heading">
      <h2 id="sectors-heading">{t('home.sectorsHeading')}</h2>
      {sectors.isPending ? <Loading /> : null}
      {sectors.isError ? <ErrorState error={sectors.error} onRetry={() => void sectors.refetch()} /> : null}
      {groups.length > 0 ? (
        <ul className="sector-list">
          {groups.map((group) => (
            <li key={group.code}>
              <Link to={`/search?sector=${encodeURIComponent(group.code)}`}>{group.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
