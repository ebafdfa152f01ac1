import { Button } from '@mantine/core'
import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A figure shown as a chart or, at the reader's choice, as a table with
 * the same numbers: the chart is an image for screen readers (its label
 * says the table exists), the table is the accessible view.
 */
export function ChartSection({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  const [asTable, setAsTable] = useState(false)
  const headingId = useId()
  const bodyId = useId()
  return (
    <section className="chart-section" aria-labelledby={headingId}>
      <div className="chart-section-head">
        <h2 id={headingId}>{title}</h2>
        <Button variant="outline" size="xs" aria-controls={bodyId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('opendata.statistics.showChart') : t('opendata.statistics.showTable')}
        </Button>
      </div>
      <div id={bodyId}>
        {asTable ? (
          table
        ) : (
          <figure className="chart" role="img" aria-label={t('opendata.statistics.chartLabel', { title })}>
            {chart}
          </figure>
        )}
      </div>
    </section>
  )
}
