import { Button, NativeSelect, Table } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { tablePlanPDF, useTablePlan } from './api'
import { eventSlots } from './grid'
import type { ConventionEvent } from './types'
import { formatIn } from './zoned'

/** Who sits at which table in one slot, and the whole plan as a PDF to print. */
export function TablePlanSection({ event }: { event: ConventionEvent }) {
  const { t, i18n } = useTranslation()
  const slots = eventSlots(event)
  const [slot, setSlot] = useState(slots[0]?.starts_at ?? '')
  const plan = useTablePlan(event.id, slot)
  const rows = plan.data?.slots?.flatMap((s) => s.rows ?? []) ?? []
  const label = (iso: string) => formatIn(iso, event.time_zone, i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section aria-labelledby="schedule-plan" className="organiser-box">
      <h2 id="schedule-plan">{t('organiser.schedule.plan.heading')}</h2>
      <Button component="a" href={tablePlanPDF(event.id)} download variant="outline" mb="sm">
        {t('organiser.schedule.plan.pdf')}
      </Button>
      {slots.length === 0 ? (
        <Empty title={t('organiser.schedule.grid.noSlots')} />
      ) : (
        <>
          <NativeSelect
            className="organiser-filter"
            name="plan-slot"
            label={t('organiser.schedule.plan.slot')}
            value={slot}
            onChange={(e) => setSlot(e.currentTarget.value)}
            data={slots.map((s) => ({ value: s.starts_at, label: label(s.starts_at) }))}
          />
          {plan.isPending ? (
            <Loading />
          ) : plan.isError ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : rows.length === 0 ? (
            <Empty title={t('organiser.schedule.plan.empty')} />
          ) : (
            <Table className="organiser-table" striped>
              <Table.Caption>{t('organiser.schedule.plan.caption', { slot: label(slot) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('organiser.schedule.plan.table')}</Table.Th>
                  <Table.Th scope="col">{t('organiser.schedule.plan.first')}</Table.Th>
                  <Table.Th scope="col">{t('organiser.schedule.plan.second')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.table}>
                    <Table.Th scope="row">{t('organiser.schedule.table', { n: r.table })}</Table.Th>
                    <Table.Td>
                      {r.a.name} <span className="organiser-meta">({r.a.organisation_name})</span>
                    </Table.Td>
                    <Table.Td>
                      {r.b.name} <span className="organiser-meta">({r.b.organisation_name})</span>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </section>
  )
}
