import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Schemas } from '../api/client'
import { Highlight } from './Highlight'
import { countryName, formatDate, formatKm, languageName } from './format'

type Hit = Schemas['SearchHitBody']

/** Where a hit's page lives. */
export function hitPath(hit: Pick<Hit, 'kind' | 'id'>): string {
  switch (hit.kind) {
    case 'offer':
      return `/offers/${hit.id}`
    case 'tender':
      return `/tenders/${hit.id}`
    default:
      return `/organisations/${hit.id}`
  }
}

/** One search result: kind, title, highlighted snippet, who and where, and in which language it matched. */
export function SearchResultCard({ hit }: { hit: Hit }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const matched = hit.matched_language || hit.language
  const place = [hit.town, hit.country ? countryName(hit.country, ui) : ''].filter(Boolean).join(', ')

  return (
    <article className="result-card" lang={hit.language || undefined}>
      <div className="result-meta">
        <Badge variant="light" color={hit.kind === 'tender' ? 'grape' : hit.kind === 'offer' ? 'teal' : 'blue'}>
          <span lang={ui}>{t(`kind.${hit.kind}`)}</span>
        </Badge>
        {hit.translated ? (
          <Badge variant="outline" color="gray" className="translated-hint">
            <span lang={ui}>{t('search.translatedHint')}</span>
          </Badge>
        ) : null}
      </div>
      <h3 className="result-title">
        <Link to={hitPath(hit)}>{hit.title}</Link>
      </h3>
      {hit.snippet ? (
        <p className="result-snippet">
          <Highlight snippet={hit.snippet} />
        </p>
      ) : null}
      <dl className="result-facts" lang={ui}>
        {hit.organisation_name ? (
          <div>
            <dt>{t('result.organisation')}</dt>
            <dd>{hit.organisation_name}</dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>{t('result.place')}</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
        {matched ? (
          <div>
            <dt>{t('result.language')}</dt>
            <dd>{languageName(matched, ui)}</dd>
          </div>
        ) : null}
        {hit.deadline ? (
          <div>
            <dt>{t('result.deadline')}</dt>
            <dd>{formatDate(hit.deadline, ui)}</dd>
          </div>
        ) : null}
        {hit.distance_km !== undefined ? (
          <div>
            <dt>{t('result.distance')}</dt>
            <dd>{formatKm(hit.distance_km, ui)}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  )
}
