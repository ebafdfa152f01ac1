import { Alert, Button, Group, Loader, NativeSelect, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { countryName, formatMoney, formatNumber } from '../../components/format'
import { FormProblem } from '../FormProblem'
import { fieldError, serverFieldErrors } from '../forms'
import {
  downloadImpact,
  filterErrors,
  type Impact,
  type ImpactFilter,
  type ImpactFormat,
  type ImpactScope,
  useImpact,
} from './api'
import { BarsCard, MonthsCard, ShareCard } from './ImpactCharts'
import './impact.css'

/** The countries of the Grande Région, the cluster's buyers. */
const COUNTRIES = ['FR', 'DE', 'BE', 'LU']

const noFilter: ImpactFilter = { from: '', to: '', country: '' }

/**
 * The impact figures of a scope: the period (and, for the cluster, the
 * buyers' country) to look at, the key figures, a chart per dimension with
 * its table view, and the downloads of the same figures.
 */
export function ImpactDashboard({ scope }: { scope: ImpactScope }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const [draft, setDraft] = useState<ImpactFilter>(noFilter)
  const [applied, setApplied] = useState<ImpactFilter>(noFilter)
  const [touched, setTouched] = useState<{ from?: boolean; to?: boolean }>({})
  const impact = useImpact(scope, applied)
  const client = filterErrors(draft)
  const server = impact.isError ? serverFieldErrors(impact.error) : {}
  const message = (field: 'from' | 'to') => {
    const code = client[field]
    return fieldError(touched[field] && code ? t(`impact.filters.${code}`) : null, server, field)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched({ from: true, to: true })
    if (client.from || client.to) return
    setApplied(draft)
  }

  return (
    <div className="impact">
      <form className="impact-filters" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('impact.filters.legend')}</legend>
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              type="date"
              label={t('impact.filters.from')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              onBlur={() => setTouched((v) => ({ ...v, from: true }))}
              error={message('from')}
            />
            <TextInput
              type="date"
              label={t('impact.filters.to')}
              value={draft.to}
              onChange={(e) => {
                setDraft({ ...draft, to: e.currentTarget.value })
                setTouched((v) => ({ ...v, to: true }))
              }}
              error={message('to')}
            />
            {scope.kind === 'cluster' ? (
              <NativeSelect
                label={t('impact.filters.country')}
                value={draft.country}
                onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
                data={[
                  { value: '', label: t('impact.filters.allCountries') },
                  ...COUNTRIES.map((c) => ({ value: c, label: countryName(c, language) })),
                ]}
                error={server.country}
              />
            ) : null}
          </Group>
          <Group gap="sm" mt="md">
            <Button type="submit" loading={impact.isFetching}>
              {t('impact.filters.apply')}
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(noFilter)
                setApplied(noFilter)
                setTouched({})
              }}
            >
              {t('impact.filters.reset')}
            </Button>
          </Group>
        </fieldset>
      </form>
      <FormProblem error={impact.isError && Object.keys(server).length === 0 ? null : impact.error} fieldErrors={server} />
      {impact.isPending ? (
        <Loading />
      ) : impact.isError ? (
        Object.keys(server).length > 0 ? null : <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />
      ) : (
        <Figures impact={impact.data} language={language} scope={scope} filter={applied} />
      )}
    </div>
  )
}

function Figures({
  impact,
  language,
  scope,
  filter,
}: {
  impact: Impact
  language: string
  scope: ImpactScope
  filter: ImpactFilter
}) {
  const { t } = useTranslation()
  const money = (cents: number) => formatMoney(cents, 'EUR', language)
  const percent = (ratio: number) =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio)
  const hours = (h: number | null | undefined) => formatNumber(Math.round((h ?? 0) * 10) / 10, language)
  const fi = impact.first_interest
  return (
    <>
      <section aria-labelledby="impact-summary" className="impact-section">
        <h2 id="impact-summary">{t('impact.summary.title')}</h2>
        <dl className="impact-stats">
          <Stat label={t('impact.summary.total')} value={money(impact.total.amount_cents)}
            detail={t('impact.summary.purchases', { count: impact.total.count })} />
          <Stat label={t('impact.summary.awards')} value={money(impact.awards.amount_cents)}
            detail={t('impact.summary.purchases', { count: impact.awards.count })} />
          <Stat label={t('impact.summary.deals')} value={money(impact.deals.amount_cents)}
            detail={t('impact.summary.purchases', { count: impact.deals.count })} />
          <Stat label={t('impact.summary.crossBorder')} value={percent(impact.cross_border_share_by_amount)}
            detail={t('impact.summary.crossBorderDetail', {
              amount: percent(impact.cross_border_share_by_amount),
              count: percent(impact.cross_border_share_by_count),
            })} />
          <Stat label={t('impact.summary.reached')} value={formatNumber(impact.suppliers.reached, language)} />
          <Stat label={t('impact.summary.interested')} value={formatNumber(impact.suppliers.interested, language)} />
          <Stat label={t('impact.summary.responding')} value={formatNumber(impact.suppliers.responding, language)} />
          <Stat label={t('impact.summary.meetingsHeld')} value={formatNumber(impact.meetings.held, language)} />
          <Stat label={t('impact.summary.meetingDeals')} value={formatNumber(impact.meetings.deals, language)} />
          <Stat
            label={t('impact.summary.firstInterest')}
            value={fi.median_hours == null ? '—' : `${hours(fi.median_hours)} h`}
            detail={
              fi.median_hours == null
                ? t('impact.summary.noInterest')
                : t('impact.summary.firstInterestDetail', {
                    median: hours(fi.median_hours),
                    p90: hours(fi.p90_hours),
                    count: fi.tenders_with_interest,
                  })
            }
          />
        </dl>
        <p className="impact-note">
          {t('impact.summary.tenders', { published: fi.tenders_published, interested: fi.tenders_with_interest })}
        </p>
      </section>
      {impact.total.count === 0 ? (
        <Empty title={t('impact.charts.empty')} hint={t('impact.charts.emptyHint')} />
      ) : (
        <div className="impact-grid">
          <BarsCard title={t('impact.charts.byCountry')} rows={impact.by_country ?? []} language={language} />
          <ShareCard title={t('impact.charts.crossBorder')} crossBorderCents={impact.cross_border.amount_cents}
            totalCents={impact.total.amount_cents} crossBorderCount={impact.cross_border.count}
            totalCount={impact.total.count} language={language} />
          <BarsCard title={t('impact.charts.bySector')} rows={impact.by_sector ?? []} language={language} />
          <BarsCard title={t('impact.charts.byStatus')} note={t('impact.charts.statusNote')}
            rows={impact.by_status ?? []} language={language} />
          <MonthsCard title={t('impact.charts.byMonth')} rows={impact.by_month ?? []} language={language} />
        </div>
      )}
      <Downloads scope={scope} filter={filter} />
    </>
  )
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="impact-stat">
      <dt>{label}</dt>
      <dd>
        <span className="impact-stat-value">{value}</span>
        {detail ? <span className="impact-stat-detail">{detail}</span> : null}
      </dd>
    </div>
  )
}

/** The downloads of the figures shown (same filters), each with its progress. */
function Downloads({ scope, filter }: { scope: ImpactScope; filter: ImpactFilter }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<ImpactFormat | null>(null)
  const [failed, setFailed] = useState(false)
  const start = async (format: ImpactFormat) => {
    setBusy(format)
    setFailed(false)
    try {
      await downloadImpact(scope, filter, format)
    } catch {
      setFailed(true)
    } finally {
      setBusy(null)
    }
  }
  const formats: ImpactFormat[] = ['csv', 'xlsx', 'pdf']
  return (
    <section aria-labelledby="impact-downloads" className="impact-section">
      <h2 id="impact-downloads">{t('impact.downloads.title')}</h2>
      <Group gap="sm">
        {formats.map((f) => (
          <Button key={f} variant="outline" disabled={busy !== null} onClick={() => void start(f)}
            leftSection={busy === f ? <Loader size="xs" aria-hidden="true" /> : null}>
            {t(`impact.downloads.${f}`)}
          </Button>
        ))}
      </Group>
      <p aria-live="polite" className="impact-note">
        {busy ? t('impact.downloads.downloading', { format: t(`impact.downloads.${busy}`) }) : ''}
      </p>
      {failed ? (
        <Alert color="red" role="alert">
          {t('impact.downloads.failed')}
        </Alert>
      ) : null}
    </section>
  )
}
