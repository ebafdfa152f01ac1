import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { api, unwrap, type Schemas } from '../../api/client'
import { Empty, Loading, PageError } from '../../components/States'
import { countryName, formatDateTime, formatMoney, formatNumber } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { ChartSection } from './ChartSection'
import en from '../../i18n/locales/opendata/en.json'
import './catalogue'

type Statistics = Schemas['StatisticsBody']
type ColumnKey = keyof typeof en.statistics.columns

// Theme colours dark enough to stand out from white (3:1 or more).
const BLUE = '#1864ab'
const TEAL = '#087f5b'
const GRAPE = '#862e9c'

/** /statistics: the public figures of the marketplace, each chart with a table view. */
export default function StatisticsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(t('opendata.statistics.title'))
  const stats = useQuery({
    queryKey: ['statistics', language],
    queryFn: async () => unwrap(await api.GET('/api/v1/statistics')),
  })
  if (stats.isPending) return <Loading />
  if (stats.isError) return <PageError error={stats.error} onRetry={() => void stats.refetch()} />
  return <StatisticsView stats={stats.data} language={language} />
}

function StatisticsView({ stats: raw, language }: { stats: Statistics; language: string }) {
  const { t } = useTranslation()
  const stats = {
    ...raw,
    awards: raw.awards ?? [],
    tenders_by_month: raw.tenders_by_month ?? [],
    suppliers_by_country: raw.suppliers_by_country ?? [],
    suppliers_by_status: raw.suppliers_by_status ?? [],
    offers_by_sector: raw.offers_by_sector ?? [],
  }
  const n = (v: number) => formatNumber(v, language)
  const euros = stats.awards.filter((a) => a.currency === 'EUR')
  const awardedCents = euros.reduce((sum, a) => sum + a.amount_cents, 0)
  const awardedLots = stats.awards.reduce((sum, a) => sum + a.lots, 0)
  const month = (m: string) =>
    new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`))
  const months = stats.tenders_by_month.map((m) => ({ ...m, label: month(m.month) }))
  const countries = stats.suppliers_by_country.map((c) => ({ ...c, label: countryName(c.country, language) }))
  // The chart names a status by its short name (before its explanation in
  // brackets); the table view gives the whole label.
  const statuses = stats.suppliers_by_status.map((x) => ({ ...x, short: x.label.split(' (')[0] ?? x.label }))
  const awards = stats.awards.map((a) => ({
    ...a,
    label: `${t(`opendata.statistics.result.${a.result}`)} (${a.currency})`,
    amount: a.amount_cents / 100,
  }))
  const c = (key: ColumnKey) => t(`opendata.statistics.columns.${key}`)

  return (
    <article className="statistics-page">
      <h1>{t('opendata.statistics.title')}</h1>
      <p>{t('opendata.statistics.intro')}</p>
      <p className="muted">{t('opendata.statistics.computedAt', { date: formatDateTime(stats.computed_at, language) })}</p>

      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{t('opendata.statistics.figures')}</h2>
        <dl className="kpis">
          <Kpi label={t('opendata.statistics.kpi.tenders')} value={n(stats.tenders)} />
          <Kpi label={t('opendata.statistics.kpi.reservedTenders')} value={n(stats.reserved_tenders)} />
          <Kpi label={t('opendata.statistics.kpi.socialTenders')} value={n(stats.social_tenders)} />
          <Kpi label={t('opendata.statistics.kpi.offers')} value={n(stats.offers)} />
          <Kpi label={t('opendata.statistics.kpi.suppliers')} value={n(stats.suppliers)} />
          <Kpi
            label={t('opendata.statistics.kpi.awarded')}
            value={formatMoney(awardedCents, 'EUR', language)}
            note={t('opendata.statistics.kpi.awardedLots', { count: awardedLots })}
          />
          <Kpi
            label={t('opendata.statistics.kpi.meetings')}
            value={n(stats.meetings_held)}
            note={t('opendata.statistics.kpi.deals', { count: stats.meeting_deals })}
          />
        </dl>
        <p className="muted">{t('opendata.statistics.amountsNote')}</p>
      </section>

      <ChartSection
        title={t('opendata.statistics.charts.tendersByMonth')}
        chart={
          <Bars data={months} category="label" series={[
            { key: 'tenders', name: c('tenders'), color: BLUE },
            { key: 'reserved_tenders', name: c('reserved'), color: TEAL },
          ]} />
        }
        table={
          <FigureTable
            caption={t('opendata.statistics.charts.tendersByMonth')}
            columns={[c('month'), c('tenders'), c('reserved')]}
            rows={months.map((m) => [m.label, n(m.tenders), n(m.reserved_tenders)])}
          />
        }
      />
      <ChartSection
        title={t('opendata.statistics.charts.suppliersByCountry')}
        chart={
          <Bars data={countries} category="label" series={[
            { key: 'suppliers', name: c('suppliers'), color: BLUE },
            { key: 'verified', name: c('verified'), color: TEAL },
          ]} />
        }
        table={
          <FigureTable
            caption={t('opendata.statistics.charts.suppliersByCountry')}
            columns={[c('country'), c('suppliers'), c('verified')]}
            rows={countries.map((x) => [x.label, n(x.suppliers), n(x.verified)])}
          />
        }
      />
      <ChartSection
        title={t('opendata.statistics.charts.suppliersByStatus')}
        chart={<Bars data={statuses} category="short" horizontal series={[{ key: 'count', name: c('suppliers'), color: GRAPE }]} />}
        table={
          <FigureTable
            caption={t('opendata.statistics.charts.suppliersByStatus')}
            columns={[c('status'), c('suppliers')]}
            rows={stats.suppliers_by_status.map((x) => [x.label, n(x.count)])}
          />
        }
      />
      <ChartSection
        title={t('opendata.statistics.charts.offersBySector')}
        chart={<Bars data={stats.offers_by_sector} category="label" horizontal series={[{ key: 'count', name: c('offers'), color: BLUE }]} />}
        table={
          <FigureTable
            caption={t('opendata.statistics.charts.offersBySector')}
            columns={[c('sector'), c('offers')]}
            rows={stats.offers_by_sector.map((x) => [x.label, n(x.count)])}
          />
        }
      />
      <ChartSection
        title={t('opendata.statistics.charts.awards')}
        chart={<Bars data={awards} category="label" money={language} series={[{ key: 'amount', name: c('amount'), color: TEAL }]} />}
        table={
          <FigureTable
            caption={t('opendata.statistics.charts.awards')}
            columns={[c('result'), c('lots'), c('amount')]}
            rows={awards.map((a) => [a.label, n(a.lots), formatMoney(a.amount_cents, a.currency, language)])}
          />
        }
      />
      <p>
        <Link to="/developers#open-data">{t('opendata.statistics.openData')}</Link>
      </p>
    </article>
  )
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>
        <span className="kpi-value">{value}</span>
        {note ? <span className="kpi-note">{note}</span> : null}
      </dd>
    </div>
  )
}

interface Series {
  key: string
  name: string
  color: string
}

/** A bar chart of rows by category; horizontal for long labels. */
function Bars({
  data,
  category,
  series,
  horizontal = false,
  money,
}: {
  data: object[]
  category: string
  series: Series[]
  horizontal?: boolean
  money?: string
}) {
  const { t } = useTranslation()
  const narrow = useNarrow()
  if (data.length === 0) return <Empty title={t('opendata.statistics.noData')} />
  const height = horizontal ? Math.max(200, data.length * (narrow ? 48 : 40) + 60) : 300
  const format = (v: number) => (money ? formatMoney(Math.round(v * 100), 'EUR', money) : String(v))
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tickFormatter={format} />
            <YAxis type="category" dataKey={category} width={narrow ? 120 : 220} />
          </>
        ) : (
          <>
            <XAxis dataKey={category} />
            <YAxis allowDecimals={false} tickFormatter={format} width={money ? 100 : 40} />
          </>
        )}
        <Tooltip formatter={(v) => format(Number(v))} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Whether the screen is phone-narrow: axis labels then get less room. */
function useNarrow(): boolean {
  const query = '(max-width: 600px)'
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(query).matches === true)
  useEffect(() => {
    const list = window.matchMedia?.(query)
    if (!list) return
    const update = () => setNarrow(list.matches)
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [])
  return narrow
}

/** The accessible view of a chart: the same figures in a table. */
function FigureTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Empty title={t('opendata.statistics.noData')} />
  return (
    <div className="table-scroll">
      <table className="figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((col, i) => (
              <th key={col} scope="col" className={i > 0 ? 'num' : undefined}>
                {col}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
