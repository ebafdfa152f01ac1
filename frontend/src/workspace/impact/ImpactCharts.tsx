import { Button } from '@mantine/core'
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatMoney, formatNumber } from '../../components/format'
import type { ImpactRow } from './api'

// Dark enough on white for graphical objects (WCAG 1.4.11, 3:1 and more).
const BAR = '#1c5f9c'
const SECOND = '#b4451f'

/** Euros without cents for the axes ("12 000 €"). */
function axisEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100)
}

/**
 * A figure drawn as a chart, with a button that shows the same numbers as
 * a table instead (the table is what screen readers and keyboard users
 * read; the chart is hidden from them and summarised by its caption).
 */
export function ChartCard({
  title,
  note,
  chart,
  table,
}: {
  title: string
  note?: string | undefined
  chart: ReactNode
  table: ReactNode
}) {
  const { t } = useTranslation()
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <section className="impact-card" aria-labelledby={`${id}-title`}>
      <div className="impact-card-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <Button variant="outline" size="xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('impact.charts.showChart') : t('impact.charts.showTable')}
        </Button>
      </div>
      {asTable ? (
        table
      ) : (
        <div className="impact-chart" role="img" aria-label={t('impact.charts.chartOf', { title })}>
          {chart}
        </div>
      )}
      {note ? <p className="impact-note">{note}</p> : null}
    </section>
  )
}

/** The numbers of a dimension as a table: label, amount, number. */
export function RowsTable({ caption, rows, language }: { caption: string; rows: ImpactRow[]; language: string }) {
  const { t } = useTranslation()
  return (
    <table className="impact-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t('impact.charts.amount')}</th>
          <th scope="col">{t('impact.charts.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{formatMoney(r.amount_cents, 'EUR', language)}</td>
            <td>{formatNumber(r.count, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A dimension as horizontal bars of amounts, largest first. */
export function BarsCard({ title, note, rows, language }: { title: string; note?: string | undefined; rows: ImpactRow[]; language: string }) {
  const height = Math.max(120, rows.length * 44 + 40)
  return (
    <ChartCard
      title={title}
      note={note}
      table={<RowsTable caption={title} rows={rows} language={language} />}
      chart={
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => axisEuros(v, language)} />
            <YAxis type="category" dataKey="label" width={170} />
            <Tooltip formatter={(v) => formatMoney(Number(v), 'EUR', language)} />
            <Bar dataKey="amount_cents" fill={BAR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  )
}

/** Amounts month by month as a line. */
export function MonthsCard({ title, rows, language }: { title: string; rows: ImpactRow[]; language: string }) {
  return (
    <ChartCard
      title={title}
      table={<RowsTable caption={title} rows={rows} language={language} />}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={(v: number) => axisEuros(v, language)} width={90} />
            <Tooltip formatter={(v) => formatMoney(Number(v), 'EUR', language)} />
            <Line type="monotone" dataKey="amount_cents" stroke={BAR} strokeWidth={3} dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
    />
  )
}

/** The cross-border share: a ring of cross-border and domestic amounts. */
export function ShareCard({
  title,
  crossBorderCents,
  totalCents,
  crossBorderCount,
  totalCount,
  language,
}: {
  title: string
  crossBorderCents: number
  totalCents: number
  crossBorderCount: number
  totalCount: number
  language: string
}) {
  const { t } = useTranslation()
  const rows = [
    { key: 'cross', label: t('impact.charts.crossBorderSlice'), amount_cents: crossBorderCents, count: crossBorderCount },
    {
      key: 'domestic',
      label: t('impact.charts.domestic'),
      amount_cents: totalCents - crossBorderCents,
      count: totalCount - crossBorderCount,
    },
  ]
  return (
    <ChartCard
      title={title}
      table={<RowsTable caption={title} rows={rows} language={language} />}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <PieChart>
            <Pie data={rows} dataKey="amount_cents" nameKey="label" innerRadius={60} outerRadius={95} isAnimationActive={false}>
              <Cell fill={SECOND} />
              <Cell fill={BAR} />
            </Pie>
            <Tooltip formatter={(v) => formatMoney(Number(v), 'EUR', language)} />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      }
    />
  )
}
