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

interface Props {
  organisationID: string
  /** The API's document purpose: sse_evidence, tender_document, response_document, offer_photo, logo, other. */
  purpose: string
  /** The field's visible label. */
  label: string
  onUploaded: (document: UploadedDocument) => void
  maxBytes?: number
}

/**
 * A file field that also takes a dropped file: type and size are checked
 * before anything is sent, the upload shows its progress and can be
 * cancelled, and the server's refusal is shown in the reader's language.
 */
export function FileUpload({ organisationID, purpose, label, onUploaded, maxBytes = MAX_UPLOAD_BYTES }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const abort = useRef<AbortController | null>(null)
  const types = acceptedLabels(purpose)

  async function send(file: File) {
    setError(null)
    setDone(null)
    const refused = checkFile(file, purpose, maxBytes)
    if (refused === 'type') {
      setError(t('workspace.upload.wrongType', { types }))
      return
    }
    if (refused === 'size') {
      setError(t('workspace.upload.tooLarge', { size: formatBytes(file.size), max: formatBytes(maxBytes) }))
      return
    }
    const controller = new AbortController()
    abort.current = controller
    setProgress({ name: file.name, fraction: 0 })
    try {
      const document = await uploadDocument({
        organisationID,
        purpose,
        file,
        signal: controller.signal,
        onProgress: (fraction) => setProgress({ name: file.name, fraction }),
      })
      setDone(t('workspace.upload.done', { name: file.name }))
      onUploaded(document)
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) {
        setError(t('workspace.upload.failed', { reason: serverMessage(err, t) }))
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
        {t('workspace.upload.drop')} · {t('workspace.upload.accepted', { types, size: formatBytes(maxBytes) })}
      </Text>
      <input
        ref={input}
        id={id}
        type="file"
        accept={acceptAttribute(purpose)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        disabled={!!progress}
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
