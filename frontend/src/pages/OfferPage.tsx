import { Badge } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { Loading, PageError } from '../components/States'
import { formatDate, formatMoney, languageName } from '../components/format'
import { pickText } from '../components/localized'
import { usePageTitle } from '../components/usePageTitle'
import { RegionName, useRegionNames } from '../components/regions'
import { useSectorLabels } from '../components/useSectorLabels'

type Offer = Schemas['OfferBody']

/** /offers/{id}: a published offer in the reader's language when its author translated it. */
export default function OfferPage() {
  const { id = '' } = useParams()
  const offer = useQuery({
    queryKey: ['offer', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/offers/{offerID}', { params: { path: { offerID: id } } })),
  })
  if (offer.isPending) return <Loading />
  if (offer.isError) return <PageError error={offer.error} onRetry={() => void offer.refetch()} />
  return <OfferView offer={offer.data} />
}

function OfferView({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const sectorLabel = useSectorLabels()
  const regionName = useRegionNames()
  const original = { lang: offer.language, title: offer.title, description_html: offer.description_html }
  const text = pickText(
    (offer.translations ?? []).map((tr) => ({ lang: tr.lang, title: tr.title, description_html: tr.description_html })),
    (tr) => tr.lang,
    ui,
    original,
  )
  usePageTitle(text.title)
  const supplier = useQuery({
    queryKey: ['organisation', offer.organisation_id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID: offer.organisation_id } } }),
      ),
  })
  const supplierName = supplier.data ? supplier.data.trade_name || supplier.data.legal_name : t('offer.supplierLink')

  return (
    <article className="listing-page" lang={text.lang}>
      <p className="listing-kind" lang={ui}>
        <Badge variant="light" color="teal">
          {t('kind.offer')}
        </Badge>{' '}
        <Badge variant="light" color="gray">
          {t(`offer.type.${offer.type}`)}
        </Badge>
      </p>
      <h1>{text.title}</h1>
      {text.lang !== ui ? (
        <p className="language-note" lang={ui}>
          {t('listing.writtenIn', { language: languageName(text.lang, ui) })}
        </p>
      ) : null}
      {/* description_html is rendered and sanitized by the server: no raw HTML, scripts or images. */}
      <div className="listing-description" dangerouslySetInnerHTML={{ __html: text.description_html ?? '' }} />
      <section aria-labelledby="offer-facts" lang={ui}>
        <h2 id="offer-facts">{t('offer.facts')}</h2>
        <dl className="facts">
          <dt>{t('offer.supplier')}</dt>
          <dd>
            <Link to={`/organisations/${offer.organisation_id}`}>{supplierName}</Link>
          </dd>
          {offer.sectors && offer.sectors.length > 0 ? (
            <>
              <dt>{t('offer.sectors')}</dt>
              <dd>
                <ul className="inline-list">
                  {offer.sectors.map((code) => (
                    <li key={code}>
                      <Link to={`/search?sector=${encodeURIComponent(code)}`}>{sectorLabel(code)}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {offer.area ? (
            <>
              <dt>{t('offer.area')}</dt>
              <dd>
                {t(`offer.areaMode.${offer.area.mode}`, { km: offer.area.radius_km ?? 0 })}
                {offer.area.mode === 'regions' ? (
                  <ul className="inline-list">
                    {(offer.area.regions ?? []).map((code) => (
                      <li key={code}>
                        <RegionName label={regionName(code)} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {offer.area.accepts_cross_border ? ` ${t('offer.crossBorder')}` : ''}
              </dd>
            </>
          ) : null}
          {offer.price && (offer.price.amount_cents || offer.price.text) ? (
            <>
              <dt>{t('offer.price')}</dt>
              <dd>
                {offer.price.amount_cents
                  ? formatMoney(offer.price.amount_cents, offer.price.currency ?? 'EUR', ui)
                  : null}
                {offer.price.unit ? ` / ${offer.price.unit}` : ''}
                {offer.price.text ? ` ${offer.price.text}` : ''}
              </dd>
            </>
          ) : null}
          {offer.lead_time_days ? (
            <>
              <dt>{t('offer.leadTime')}</dt>
              <dd>{t('offer.days', { count: offer.lead_time_days })}</dd>
            </>
          ) : null}
          {offer.capacity ? (
            <>
              <dt>{t('offer.capacity')}</dt>
              <dd>{offer.capacity}</dd>
            </>
          ) : null}
          {offer.labels && offer.labels.length > 0 ? (
            <>
              <dt>{t('offer.labels')}</dt>
              <dd translate="no">{offer.labels.join(', ')}</dd>
            </>
          ) : null}
          {offer.published_at ? (
            <>
              <dt>{t('offer.published')}</dt>
              <dd>{formatDate(offer.published_at, ui)}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </article>
  )
}
