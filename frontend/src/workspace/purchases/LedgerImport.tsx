import { Alert, Button, Progress, Table, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { serverMessage } from '../forms'
import { formatBytes } from '../upload'
import { MAX_LEDGER_BYTES, errorsCsvURL, isLedgerFile, uploadLedger, useImport, type ImportWithShare } from './api'
import { euros, percent } from './format'

/**
 * The ledger import: a file field that takes a dropped file, the upload's
 * progress bar, then the job's (polled), then the result: the SSE share of
 * the import, or its errors by line.
 */
export function LedgerImport({ orgID, shownImport, onShow }: { orgID: string; shownImport: string | undefined; onShow: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const abort = useRef<AbortController | null>(null)
  const client = useQueryClient()
  const [dragging, setDragging] = useState(false)
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = useImport(orgID, shownImport)
  const finished = current.data && current.data.state !== 'parsing' ? current.data.id : undefined

  // Once the job has finished an import, the lists and shares change.
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: ['purchases', orgID], predicate: (q) => q.queryKey[2] !== 'import' })
  }, [finished, orgID, client])

  async function send(file: File) {
    setError(null)
    if (!isLedgerFile(file.name)) {
      setError(t('purchases.import.wrongType'))
      return
    }
    if (file.size > MAX_LEDGER_BYTES) {
      setError(t('purchases.import.tooLarge', { size: formatBytes(file.size), max: formatBytes(MAX_LEDGER_BYTES) }))
      return
    }
    const controller = new AbortController()
    abort.current = controller
    setSending({ name: file.name, fraction: 0 })
    try {
      const imp = await uploadLedger(orgID, file, (fraction) => setSending({ name: file.name, fraction }), controller.signal)
      onShow(imp.id)
      void client.invalidateQueries({ queryKey: ['purchases', orgID, 'imports'] })
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) {
        setError(t('purchases.import.uploadFailed', { reason: serverMessage(err, t) }))
      }
    } finally {
      setSending(null)
      abort.current = null
      if (input.current) input.current.value = ''
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file && !sending) void send(file)
  }

  const sendPercent = sending ? Math.round(sending.fraction * 100) : 0
  const busy = !!sending || current.data?.state === 'parsing'
  return (
    <section aria-labelledby={`${id}-title`} className="buyer-card">
      <h2 id={`${id}-title`}>{t('purchases.import.title')}</h2>
      <Text size="sm" mb="sm">
        {t('purchases.import.help')}
      </Text>
      <div
        className={`file-upload${dragging ? ' file-upload-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={id} className="file-upload-label">
          {t('purchases.import.fileLabel')}
        </label>
        <Text size="sm" id={`${id}-hint`}>
          {t('purchases.import.drop')} · {t('purchases.import.accepted', { size: formatBytes(MAX_LEDGER_BYTES) })}
        </Text>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) void send(file)
          }}
        />
        {sending ? (
          <div className="file-upload-progress">
            <Progress value={sendPercent} aria-label={t('purchases.import.uploading', { name: sending.name, percent: sendPercent })} />
            <Text size="sm" role="status">
              {t('purchases.import.uploading', { name: sending.name, percent: sendPercent })}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => abort.current?.abort()}>
              {t('purchases.import.cancel')}
            </Button>
          </div>
        ) : null}
        {error ? (
          <Text size="sm" c="red.9" id={`${id}-error`} role="alert">
            {error}
          </Text>
        ) : null}
      </div>
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
