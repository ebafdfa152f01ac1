import { Alert, Progress, Table, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { FileUpload, type CustomUpload } from '../FileUpload'
import { formatBytes } from '../upload'
import { MAX_LEDGER_BYTES, errorsCsvURL, isLedgerFile, uploadLedger, useImport, type ImportWithShare } from './api'
import { euros, percent } from './format'

/**
 * The ledger import: the shared file field (drop zone, the upload's
 * progress bar, the server's refusal — a file already imported among them),
 * then the job's progress (polled), then the result: the SSE share of the
 * import with a warning for rows another import holds too, or its errors by
 * line.
 */
export function LedgerImport({ orgID, shownImport, onShow }: { orgID: string; shownImport: string | undefined; onShow: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const client = useQueryClient()
  const current = useImport(orgID, shownImport)
  const finished = current.data && current.data.state !== 'parsing' ? current.data.id : undefined

  // Once the job has finished an import, the lists and shares change.
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: ['purchases', orgID], predicate: (q) => q.queryKey[2] !== 'import' })
  }, [finished, orgID, client])

  const upload: CustomUpload = {
    check: (file) => {
      if (!isLedgerFile(file.name)) return t('purchases.import.wrongType')
      if (file.size > MAX_LEDGER_BYTES) return t('purchases.import.tooLarge', { size: formatBytes(file.size), max: formatBytes(MAX_LEDGER_BYTES) })
      return null
    },
    send: async (file, onProgress, signal) => {
      const imp = await uploadLedger(orgID, file, onProgress, signal)
      onShow(imp.id)
      void client.invalidateQueries({ queryKey: ['purchases', orgID, 'imports'] })
    },
    accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    hint: `${t('purchases.import.drop')} · ${t('purchases.import.accepted', { size: formatBytes(MAX_LEDGER_BYTES) })}`,
    failed: (reason) => t('purchases.import.uploadFailed', { reason }),
    disabled: current.data?.state === 'parsing',
  }
  return (
    <section aria-labelledby={`${id}-title`} className="buyer-card">
      <h2 id={`${id}-title`}>{t('purchases.import.title')}</h2>
      <Text size="sm" mb="sm">
        {t('purchases.import.help')}
      </Text>
      <FileUpload label={t('purchases.import.fileLabel')} custom={upload} />
      {current.data ? <ImportResult orgID={orgID} imp={current.data} language={i18n.language} /> : null}
    </section>
  )
}

function ImportResult({ orgID, imp, language }: { orgID: string; imp: ImportWithShare; language: string }) {
  const { t } = useTranslation()
  const errors = imp.errors ?? []
  if (imp.state === 'parsing') {
    const value = imp.rows_total > 0 ? Math.round((imp.rows_done / imp.rows_total) * 100) : 0
    const label = imp.rows_total > 0 ? t('purchases.import.checking', { done: imp.rows_done, total: imp.rows_total }) : t('purchases.import.checkingStart')
    return (
      <div className="file-upload-progress">
        <Progress value={value} animated aria-label={label} />
        <Text size="sm" role="status">
          {label}
        </Text>
      </div>
    )
  }
  if (imp.state === 'done') {
    const total = (imp.sse_share ?? []).reduce((sum, s) => sum + s.total_cents, 0)
    const sse = (imp.sse_share ?? []).reduce((sum, s) => sum + s.sse_cents, 0)
    return (
      <>
        <Alert color="green" mt="md" role="status">
          <p>
            {t('purchases.import.done', {
              name: imp.filename,
              imported: imp.rows_imported,
              matched: imp.rows_matched,
              unknown: imp.rows_unknown_supplier,
            })}
          </p>
          {total > 0 ? (
            <p data-testid="import-sse-share">
              {t('purchases.share.importShare', { share: percent(sse / total, language), sse: euros(sse, language), total: euros(total, language) })}
            </p>
          ) : null}
        </Alert>
        {imp.rows_duplicate > 0 ? (
          <Alert color="yellow" mt="sm" data-testid="import-duplicates">
            {t('purchases.import.duplicates', { count: imp.rows_duplicate })}
          </Alert>
        ) : null}
      </>
    )
  }
  if (imp.failure) {
    return (
      <Alert color="red" mt="md" role="alert">
        {t('purchases.import.failedFile', { name: imp.filename, reason: imp.failure })}
      </Alert>
    )
  }
  return (
    <div>
      <Alert color="red" mt="md" role="alert">
        {t('purchases.import.failed', { name: imp.filename, count: imp.error_count })}
      </Alert>
      <h3>{t('purchases.errors.title', { name: imp.filename })}</h3>
      {imp.error_count > errors.length ? <Text size="sm">{t('purchases.errors.more', { shown: errors.length, count: imp.error_count })}</Text> : null}
      <Table striped className="ledger-errors">
        <caption>{t('purchases.errors.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('purchases.errors.line')}</Table.Th>
            <Table.Th scope="col">{t('purchases.errors.column')}</Table.Th>
            <Table.Th scope="col">{t('purchases.errors.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={`${e.line}-${e.column}-${i}`}>
              <Table.Td>{e.line}</Table.Td>
              <Table.Td>{t(`purchases.columns.${e.column}`)}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <a href={errorsCsvURL(orgID, imp.id)} download>
        {t('purchases.errors.csv')}
      </a>
    </div>
  )
}
