import { Button, Progress, Text } from '@mantine/core'
import { useId, useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { serverMessage } from './forms'
import {
  MAX_UPLOAD_BYTES,
  acceptAttribute,
  acceptedLabels,
  checkFile,
  formatBytes,
  uploadDocument,
  type UploadedDocument,
} from './upload'

interface DocumentProps {
  organisationID: string
  /** The API's document purpose: sse_evidence, tender_document, response_document, offer_photo, logo, other. */
  purpose: string
  /** The field's visible label. */
  label: string
  onUploaded: (document: UploadedDocument) => void
  maxBytes?: number
  custom?: undefined
}

/**
 * A file sent elsewhere than to the documents (a purchase ledger): the
 * caller checks the file, sends it and takes the answer; the field, the drop
 * zone, the progress and the refusal shown in the reader's language are the
 * same.
 */
export interface CustomUpload {
  /** The refusal of a file before it is sent (type, size), null to send it. */
  check: (file: File) => string | null
  /** Sends the file, reporting progress; resolves once the server took it. */
  send: (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<void>
  /** The input's accept attribute. */
  accept: string
  /** What the field takes, under its label. */
  hint: string
  /** The message for a refused upload, given the server's reason. */
  failed: (reason: string) => string
  /** Disables the field (another step is still running). */
  disabled?: boolean
}

interface CustomProps {
  label: string
  custom: CustomUpload
}

/**
 * A file field that also takes a dropped file: type and size are checked
 * before anything is sent, the upload shows its progress and can be
 * cancelled, and the server's refusal is shown in the reader's language.
 */
export function FileUpload(props: DocumentProps | CustomProps) {
  return props.custom ? <Upload label={props.label} custom={props.custom} /> : <DocumentUpload {...props} />
}

function DocumentUpload({ organisationID, purpose, label, onUploaded, maxBytes = MAX_UPLOAD_BYTES }: DocumentProps) {
  const { t } = useTranslation()
  const types = acceptedLabels(purpose)
  const custom: CustomUpload = {
    check: (file) => {
      const refused = checkFile(file, purpose, maxBytes)
      if (refused === 'type') return t('workspace.upload.wrongType', { types })
      if (refused === 'size') return t('workspace.upload.tooLarge', { size: formatBytes(file.size), max: formatBytes(maxBytes) })
      return null
    },
    send: async (file, onProgress, signal) => {
      onUploaded(await uploadDocument({ organisationID, purpose, file, signal, onProgress }))
    },
    accept: acceptAttribute(purpose),
    hint: `${t('workspace.upload.drop')} · ${t('workspace.upload.accepted', { types, size: formatBytes(maxBytes) })}`,
    failed: (reason) => t('workspace.upload.failed', { reason }),
  }
  return <Upload label={label} custom={custom} showDone />
}

function Upload({ label, custom, showDone = false }: CustomProps & { showDone?: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const abort = useRef<AbortController | null>(null)

  async function send(file: File) {
    setError(null)
    setDone(null)
    const refused = custom.check(file)
    if (refused) {
      setError(refused)
      return
    }
    const controller = new AbortController()
    abort.current = controller
    setProgress({ name: file.name, fraction: 0 })
    try {
      await custom.send(file, (fraction) => setProgress({ name: file.name, fraction }), controller.signal)
      if (showDone) setDone(t('workspace.upload.done', { name: file.name }))
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) {
        setError(custom.failed(serverMessage(err, t)))
      }
    } finally {
      setProgress(null)
      abort.current = null
      if (input.current) input.current.value = ''
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file && !progress) void send(file)
  }

  const percent = progress ? Math.round(progress.fraction * 100) : 0
  return (
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
        {label}
      </label>
      <Text size="sm" id={`${id}-hint`}>
        {custom.hint}
      </Text>
      <input
        ref={input}
        id={id}
        type="file"
        accept={custom.accept}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        disabled={!!progress || custom.disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          if (file) void send(file)
        }}
      />
      {progress ? (
        <div className="file-upload-progress">
          <Progress value={percent} aria-label={t('workspace.upload.progress', { name: progress.name, percent })} />
          <Text size="sm" role="status">
            {t('workspace.upload.progress', { name: progress.name, percent })}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => abort.current?.abort()}>
            {t('workspace.upload.cancel')}
          </Button>
        </div>
      ) : null}
      {error ? (
        <Text size="sm" c="red.9" id={`${id}-error`} role="alert">
          {error}
        </Text>
      ) : null}
      {done ? (
        <Text size="sm" role="status">
          {done}
        </Text>
      ) : null}
    </div>
  )
}
