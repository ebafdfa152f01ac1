import { Badge, Button, Modal, NativeSelect, Table, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { BuyerFrame } from '../buyer/BuyerFrame'
import { useBuyerOrganisation } from '../buyer/api'
import { FormProblem } from '../FormProblem'
import { fieldError, serverFieldErrors } from '../forms'
import { LoadMore } from '../LoadMore'
import {
  useDeleteImport,
  useImports,
  usePurchases,
  useSetLabourCost,
  useSSEShare,
  type Purchase,
  type PurchaseFilter,
  type PurchaseImport,
} from './api'
import { day, euros, money, parsePercent, percent, statusShort } from './format'
import { LedgerImport } from './LedgerImport'
import './catalogue'
import './purchases.css'

/** /workspace/buyer/purchases: import a ledger, its history, the SSE share by year, the invoices. */
export default function PurchasesPage() {
  const { t } = useTranslation()
  const { organisation } = useBuyerOrganisation()
  const [params, setParams] = useSearchParams()
  const shown = params.get('import') ?? undefined
  if (!organisation) return null
  const orgID = organisation.id
  const show = (id: string) => setParams({ import: id }, { replace: true })
  return (
    <BuyerFrame title={t('purchases.title')}>
      <Text mb="md">{t('purchases.intro')}</Text>
      <LedgerImport orgID={orgID} shownImport={shown} onShow={show} />
      <ShareByYear orgID={orgID} />
      <ImportHistory orgID={orgID} onShow={show} onDeleted={(id) => id === shown && setParams({}, { replace: true })} />
      <Invoices orgID={orgID} />
    </BuyerFrame>
  )
}

function ShareByYear({ orgID }: { orgID: string }) {
  const { t, i18n } = useTranslation()
  const share = useSSEShare(orgID)
  return (
    <section aria-labelledby="sse-share-title">
      <h2 id="sse-share-title">{t('purchases.share.title')}</h2>
      <Text size="sm">{t('purchases.share.note')}</Text>
      {share.isLoading ? (
        <Loading />
      ) : share.error ? (
        <ErrorState error={share.error} onRetry={() => void share.refetch()} />
      ) : !share.data?.length ? (
        <Empty title={t('purchases.share.empty')} />
      ) : (
        <Table striped data-testid="sse-share">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('purchases.share.year')}</Table.Th>
              <Table.Th scope="col">{t('purchases.share.purchases')}</Table.Th>
              <Table.Th scope="col">{t('purchases.share.total')}</Table.Th>
              <Table.Th scope="col">{t('purchases.share.sse')}</Table.Th>
              <Table.Th scope="col">{t('purchases.share.share')}</Table.Th>
              <Table.Th scope="col">{t('purchases.share.unknown')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {share.data.map((s) => (
              <Table.Tr key={s.year}>
                <Table.Th scope="row">{s.year}</Table.Th>
                <Table.Td>{s.purchases}</Table.Td>
                <Table.Td>{euros(s.total_cents, i18n.language)}</Table.Td>
                <Table.Td>{euros(s.sse_cents, i18n.language)}</Table.Td>
                <Table.Td>{percent(s.share, i18n.language)}</Table.Td>
                <Table.Td>{s.unknown_supplier}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}

function ImportHistory({ orgID, onShow, onDeleted }: { orgID: string; onShow: (id: string) => void; onDeleted: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const imports = useImports(orgID)
  const items = imports.items
  const [deleting, setDeleting] = useState<PurchaseImport | null>(null)
  return (
    <section aria-labelledby="imports-title">
      <h2 id="imports-title">{t('purchases.history.title')}</h2>
      {imports.isLoading ? (
        <Loading />
      ) : imports.error ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('purchases.history.empty')} />
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('purchases.history.file')}</Table.Th>
                <Table.Th scope="col">{t('purchases.history.date')}</Table.Th>
                <Table.Th scope="col">{t('purchases.history.state')}</Table.Th>
                <Table.Th scope="col">{t('purchases.history.rows')}</Table.Th>
                <Table.Th scope="col">{t('purchases.history.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((imp) => (
                <Table.Tr key={imp.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onShow(imp.id)} aria-label={t('purchases.history.showErrors', { name: imp.filename })}>
                      {imp.filename}
                    </Button>
                  </Table.Td>
                  <Table.Td>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(imp.created_at))}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={imp.state === 'done' ? 'green' : imp.state === 'failed' ? 'red' : 'blue'}>
                      {t(`purchases.history.${imp.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{imp.state === 'done' ? imp.rows_imported : imp.rows_total}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="outline"
                      color="red.9"
                      size="compact-sm"
                      onClick={() => setDeleting(imp)}
                      aria-label={t('purchases.history.deleteNamed', { name: imp.filename })}
                    >
                      {t('purchases.history.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore query={imports} />
        </>
      )}
      {deleting ? (
        <DeleteImport
          orgID={orgID}
          imp={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            onDeleted(deleting.id)
            setDeleting(null)
          }}
        />
      ) : null}
    </section>
  )
}

/** Asks before deleting an import: its purchases leave every figure. */
function DeleteImport({ orgID, imp, onClose, onDeleted }: { orgID: string; imp: PurchaseImport; onClose: () => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation()
  const remove = useDeleteImport(orgID)
  const uploaded = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(imp.created_at))
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('purchases.history.confirmTitle', { name: imp.filename })}
      closeButtonProps={{ 'aria-label': t('purchases.list.cancel') }}
    >
      <Text mb="md">
        {imp.state === 'done'
          ? t('purchases.history.confirmDone', { name: imp.filename, date: uploaded, count: imp.rows_imported })
          : t('purchases.history.confirmOther', { name: imp.filename, date: uploaded })}
      </Text>
      <FormProblem error={remove.error} fieldErrors={{}} />
      <div className="purchases-actions">
        <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(imp.id, { onSuccess: onDeleted })} data-autofocus>
          {t('purchases.history.confirmDelete')}
        </Button>
        <Button variant="outline" onClick={onClose} disabled={remove.isPending}>
          {t('purchases.list.cancel')}
        </Button>
      </div>
    </Modal>
  )
}

function Invoices({ orgID }: { orgID: string }) {
  const { t, i18n } = useTranslation()
  const [filter, setFilter] = useState<PurchaseFilter>({})
  const [editing, setEditing] = useState<Purchase | null>(null)
  const list = usePurchases(orgID, filter)
  const items = list.items
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i)
  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('purchases.list.title')}</h2>
      <div className="purchases-filters">
        <NativeSelect
          label={t('purchases.list.year')}
          value={filter.year ? String(filter.year) : ''}
          onChange={(e) => setFilter({ ...filter, year: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
          data={[{ value: '', label: t('purchases.list.allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
        />
        <NativeSelect
          label={t('purchases.list.suppliers')}
          value={filter.supplier ?? ''}
          onChange={(e) => setFilter({ ...filter, supplier: (e.currentTarget.value || undefined) as PurchaseFilter['supplier'] })}
          data={[
            { value: '', label: t('purchases.list.allSuppliers') },
            { value: 'known', label: t('purchases.list.known') },
            { value: 'unknown', label: t('purchases.list.unknown') },
          ]}
        />
      </div>
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('purchases.list.empty')} hint={t('purchases.list.emptyHint')} />
      ) : (
        <>
          <Table striped data-testid="invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('purchases.list.date')}</Table.Th>
                <Table.Th scope="col">{t('purchases.list.supplier')}</Table.Th>
                <Table.Th scope="col">{t('purchases.list.category')}</Table.Th>
                <Table.Th scope="col">{t('purchases.list.amount')}</Table.Th>
                <Table.Th scope="col">{t('purchases.list.labour')}</Table.Th>
                <Table.Th scope="col">{t('purchases.list.sse')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{day(p.invoice_date, i18n.language)}</Table.Td>
                  <Table.Td>
                    {p.supplier_name ? <span translate="no">{p.supplier_name}</span> : t('purchases.list.unknownSupplier')}
                    <br />
                    <Text span size="xs" translate="no">
                      {p.supplier_identifier}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.category}</Table.Td>
                  <Table.Td>{money(p.amount_cents, p.currency, i18n.language)}</Table.Td>
                  <Table.Td>
                    {p.labour_cost_cents == null ? t('purchases.list.noLabour') : money(p.labour_cost_cents, p.currency, i18n.language)}{' '}
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => setEditing(p)}
                      aria-label={t('purchases.list.edit', { date: day(p.invoice_date, i18n.language), supplier: p.supplier_name || p.supplier_identifier })}
                    >
                      ✎
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    {(p.sse_types ?? []).length === 0
                      ? t('purchases.list.none')
                      : (p.sse_types ?? []).map((s) => (
                          <Badge key={s} variant="light" mr={4} translate="no">
                            {statusShort(s)}
                          </Badge>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore query={list} />
        </>
      )}
      {editing ? <LabourForm orgID={orgID} purchase={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  )
}

function LabourForm({ orgID, purchase, onClose }: { orgID: string; purchase: Purchase; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const initial =
    purchase.labour_cost_cents == null || purchase.amount_cents === 0
      ? ''
      : String(Math.round((purchase.labour_cost_cents / purchase.amount_cents) * 10000) / 100)
  const [value, setValue] = useState(initial)
  const [touched, setTouched] = useState(false)
  const save = useSetLabourCost(orgID)
  const parsed = value.trim() === '' ? null : parsePercent(value)
  const clientError = touched && value.trim() !== '' && parsed === null ? t('purchases.list.percentInvalid') : null
  const server = serverFieldErrors(save.error)
  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (value.trim() !== '' && parsed === null) return
    save.mutate({ purchaseID: purchase.id, percent: parsed }, { onSuccess: onClose })
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('purchases.list.edit', { date: day(purchase.invoice_date, i18n.language), supplier: purchase.supplier_name || purchase.supplier_identifier })}
      closeButtonProps={{ 'aria-label': t('purchases.list.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <TextInput
          label={t('purchases.list.percent')}
          description={t('purchases.list.percentHint')}
          value={value}
          inputMode="decimal"
          onChange={(e) => {
            setValue(e.currentTarget.value)
            setTouched(true)
          }}
          error={fieldError(clientError, server, 'labour_cost_percent')}
          data-autofocus
        />
        <FormProblem error={save.error} fieldErrors={server} />
        <div className="purchases-actions">
          <Button type="submit" loading={save.isPending}>
            {t('purchases.list.save')}
          </Button>
          <Button variant="outline" onClick={onClose}>
            {t('purchases.list.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
