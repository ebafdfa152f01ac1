import { Badge, Button } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Suspense, lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useCursorList } from '../api/cursorList'
import { Empty, ErrorState, Loading, PageError } from '../components/States'
import { countryName, formatDate } from '../components/format'
import { pickText } from '../components/localized'
import { usePageTitle } from '../components/usePageTitle'
import { useMapTexts } from '../components/map/useMapTexts'
import { RegionName, useRegionNames } from '../components/regions'

type Organisation = Schemas['OrganisationBody']

// Leaflet loads only when a profile has coordinates to show.
const AreaMap = lazy(() => import('../components/map/AreaMap'))
// For a signed-in buyer: put the supplier on a favourite list (the buyer area's own control).
const FavouriteButton = lazy(() => import('../workspace/buyer/FavouriteButton'))

/** The supplier's published offers, a page at a time (shared by the list and the map). */
function useOrganisationOffers(orgID: string) {
  return useCursorList({
    queryKey: ['organisation-offers', orgID],
    fetchPage: async (cursor: string) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/offers', {
          params: {
            path: { orgID },
            query: { state: 'published', limit: OFFERS_PAGE, ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    filter: isPublished,
  })
}

// The profile lists published offers only.
function isPublished(offer: { state: string }) {
  return offer.state === 'published'
}

const OFFERS_PAGE = 20

/** /organisations/{id}: a supplier's profile, its verified SSE statuses, its area and its offers. */
export default function OrganisationPage() {
  const { id = '' } = useParams()
  const organisation = useQuery({
    queryKey: ['organisation', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID: id } } })),
  })
  if (organisation.isPending) return <Loading />
  if (organisation.isError) return <PageError error={organisation.error} onRetry={() => void organisation.refetch()} />
  return <OrganisationView organisation={organisation.data} />
}

function OrganisationView({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const name = organisation.trade_name || organisation.legal_name
  usePageTitle(name)
  const descriptions = organisation.descriptions ?? []
  const description = descriptions.length > 0 ? pickText(descriptions, (d) => d.lang, ui, descriptions[0]!) : undefined
  const place = [organisation.postcode, organisation.town].filter(Boolean).join(' ')
  const regionName = useRegionNames()

  return (
    <article className="listing-page">
      <p className="listing-kind">
        <Badge variant="light" color="blue">
          {t(`organisation.kind.${organisation.kind}`)}
        </Badge>
      </p>
      <h1>{name}</h1>
      {organisation.trade_name && organisation.trade_name !== organisation.legal_name ? (
        <p>{organisation.legal_name}</p>
      ) : null}
      {description ? <p lang={description.lang}>{description.text}</p> : null}
      {organisation.kind === 'sse_supplier' ? (
        <Suspense fallback={null}>
          <FavouriteButton supplierID={organisation.id} supplierName={name} />
        </Suspense>
      ) : null}
      <section aria-labelledby="area-heading">
        <h2 id="area-heading">{t('organisation.area')}</h2>
        <dl className="facts">
          <dt>{t('organisation.address')}</dt>
          <dd>{[place, countryName(organisation.country, ui)].filter(Boolean).join(', ')}</dd>
          {organisation.nuts3 ? (
            <>
              <dt>{t('organisation.region')}</dt>
              <dd>
                <RegionName label={regionName(organisation.nuts3)} />
              </dd>
            </>
          ) : null}
          {organisation.languages && organisation.languages.length > 0 ? (
            <>
              <dt>{t('organisation.languages')}</dt>
              <dd>
                {organisation.languages
                  .map((l) => new Intl.DisplayNames([ui], { type: 'language' }).of(l) ?? l)
                  .join(', ')}
              </dd>
            </>
          ) : null}
          {organisation.website ? (
            <>
              <dt>{t('organisation.website')}</dt>
              <dd>
                <a href={organisation.website} rel="nofollow noopener" target="_blank">
                  {organisation.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {organisation.latitude !== undefined && organisation.longitude !== undefined ? (
          <OrganisationMap organisation={organisation} name={name} place={place || organisation.country} />
        ) : null}
      </section>
      {organisation.kind === 'sse_supplier' ? <Statuses orgID={organisation.id} /> : null}
      {organisation.kind === 'sse_supplier' ? <Offers orgID={organisation.id} /> : null}
    </article>
  )
}

function Statuses({ orgID }: { orgID: string }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const statuses = useQuery({
    queryKey: ['sse-statuses', orgID, ui],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}/sse-statuses', { params: { path: { orgID } } })),
  })
  const verified = (statuses.data?.items ?? []).filter((s) => s.counts)
  return (
    <section aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">{t('organisation.statuses')}</h2>
      {statuses.isPending ? <Loading /> : null}
      {statuses.isError ? <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} /> : null}
      {statuses.isSuccess && verified.length === 0 ? <p>{t('organisation.noStatuses')}</p> : null}
      {verified.length > 0 ? (
        <ul className="status-list">
          {verified.map((status) => (
            <li key={status.id}>
              <Badge color="green" variant="light">
                {t('organisation.verified')}
              </Badge>{' '}
              {status.type_label || status.type}
              {status.valid_until ? (
                <span> {t('organisation.validUntil', { date: formatDate(status.valid_until, ui) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function Offers({ orgID }: { orgID: string }) {
  const { t } = useTranslation()
  const offers = useOrganisationOffers(orgID)
  const items = offers.items
  return (
    <section aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('organisation.offers')}</h2>
      {offers.isPending ? <Loading /> : null}
      {offers.isError ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      {offers.isSuccess && items.length === 0 ? <Empty title={t('organisation.noOffers')} /> : null}
      {items.length > 0 ? (
        <ul>
          {items.map((offer) => (
            <li key={offer.id} lang={offer.language}>
              <Link to={`/offers/${offer.id}`}>{offer.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {offers.hasNextPage ? (
        <Button variant="outline" onClick={() => void offers.fetchNextPage()} loading={offers.isFetchingNextPage}>
          {t('organisation.moreOffers')}
        </Button>
      ) : null}
    </section>
  )
}

/** Where the organisation is and, for a supplier, the widest radius its offers serve. */
function OrganisationMap({ organisation, name, place }: { organisation: Organisation; name: string; place: string }) {
  const { t } = useTranslation()
  const texts = useMapTexts()
  const offers = useOrganisationOffers(organisation.id)
  const radii = offers.items.map((offer) => (offer.area?.mode === 'radius' ? (offer.area.radius_km ?? 0) : 0))
  const radiusKm = Math.max(0, ...radii)
  return (
    <Suspense fallback={<Loading />}>
      <AreaMap
        latitude={organisation.latitude ?? 0}
        longitude={organisation.longitude ?? 0}
        radiusKm={radiusKm || undefined}
        texts={texts}
        label={
          radiusKm
            ? t('organisation.mapLabelRadius', { name, place, km: radiusKm })
            : t('organisation.mapLabel', { name, place })
        }
      />
    </Suspense>
  )
}
