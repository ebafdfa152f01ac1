import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime, formatNumber } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { formatDuration } from './format'

/** /workspace/moderation/figures: what waits per kind and how fast decisions come. */
export function MetricsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(t('moderation.figures.title'))
  const metrics = useQuery({
    queryKey: ['moderation', 'metrics'],
    queryFn: async () => unwrap(await api.GET('/api/v1/moderation/metrics')),
    refetchInterval: 60_000,
  })
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{t('moderation.figures.title')}</h2>
      {metrics.isPending ? (
        <Loading />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : (
        <MetricsTable kinds={metrics.data.kinds ?? []} since={metrics.data.since} language={language} />
      )}
    </section>
  )
}

interface KindMetrics {
  kind: 'offer' | 'tender' | 'sse_status' | 'report'
  pending: number
  median_decision_seconds: number | null
}

function MetricsTable({ kinds, since, language }: { kinds: KindMetrics[]; since: string; language: string }) {
  const { t } = useTranslation()
  const most = Math.max(1, ...kinds.map((k) => k.pending))
  return (
    <>
      <p>{t('moderation.figures.since', { date: formatDateTime(since, language) })}</p>
      <table className="figures-table">
        <caption className="visually-hidden">{t('moderation.figures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('moderation.figures.kind')}</th>
            <th scope="col">{t('moderation.figures.pending')}</th>
            <th scope="col">{t('moderation.figures.median')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">
                <Link to={`/workspace/moderation?kind=${k.kind}`}>{t(`moderation.kind.${k.kind}`)}</Link>
              </th>
              <td>
                <span className="figures-bar-cell">
                  <span className="figures-number">{formatNumber(k.pending, language)}</span>
                  {/* The bar repeats the number for the eye; the number is what is read out. */}
                  <span className="figures-bar-track" aria-hidden="true">
                    <span className="figures-bar" style={{ width: `${(k.pending / most) * 100}%` }} />
                  </span>
                </span>
              </td>
              <td>
                {k.median_decision_seconds === null
                  ? t('moderation.figures.noDecision')
                  : formatDuration(k.median_decision_seconds, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
