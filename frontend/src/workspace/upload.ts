import { ApiError, type Problem, type Schemas } from '../api/client'
import { currentLanguage } from '../i18n'

export type UploadedDocument = Schemas['DocumentBody']

export interface UploadOptions {
  organisationID: string
  purpose: string
  file: File
  /** Called with 0..1 as the bytes go out. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Uploads a file to POST /api/v1/organisations/{orgID}/documents as
 * multipart/form-data (purpose first, then the file, as the API asks).
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 * Errors come back as ApiError with the server's problem (413 too large,
 * 422 type refused with the field named).
 */
export function uploadDocument({ organisationID, purpose, file, onProgress, signal }: UploadOptions): Promise<UploadedDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/organisations/${encodeURIComponent(organisationID)}/documents`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept-Language', currentLanguage())
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1)
        resolve(body as UploadedDocument)
      } else {
        reject(new ApiError(xhr.status, body && typeof body === 'object' ? (body as Problem) : undefined))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, undefined))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('purpose', purpose)
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

/** A file type a purpose accepts: its media type and the extensions it may carry. */
interface FileKind {
  type: string
  extensions: string[]
  label: string
}

const PDF: FileKind = { type: 'application/pdf', extensions: ['.pdf'], label: 'PDF' }
const PNG: FileKind = { type: 'image/png', extensions: ['.png'], label: 'PNG' }
const JPEG: FileKind = { type: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG' }
const WEBP: FileKind = { type: 'image/webp', extensions: ['.webp'], label: 'WebP' }
const OFFICE: FileKind[] = [
  { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], label: 'DOCX' },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], label: 'XLSX' },
  { type: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], label: 'ODT' },
  { type: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], label: 'ODS' },
]

/**
 * The types each purpose accepts, as the server checks them
 * (domain.DocumentPurpose.AcceptedTypes; the server sniffs the content, this
 * only spares the user a useless upload).
 */
export const ACCEPTED: Record<string, FileKind[]> = {
  sse_evidence: [PDF, PNG, JPEG, WEBP],
  logo: [PNG, JPEG, WEBP],
  offer_photo: [PNG, JPEG, WEBP],
  tender_document: [PDF, PNG, JPEG, WEBP, ...OFFICE],
  response_document: [PDF, PNG, JPEG, WEBP, ...OFFICE],
  other: [PDF, PNG, JPEG, WEBP, ...OFFICE],
}

/** The server's upload limit (core.DefaultMaxDocumentSize). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024

/** Why a file would be refused before sending it: 'type', 'size' or null. */
export function checkFile(file: File, purpose: string, maxBytes = MAX_UPLOAD_BYTES): 'type' | 'size' | null {
  const kinds = ACCEPTED[purpose] ?? ACCEPTED.other ?? []
  const name = file.name.toLowerCase()
  const byExtension = kinds.some((k) => k.extensions.some((ext) => name.endsWith(ext)))
  if (!byExtension) return 'type'
  if (file.size > maxBytes) return 'size'
  return null
}

/** The accept attribute of a file input for a purpose. */
export function acceptAttribute(purpose: string): string {
  return (ACCEPTED[purpose] ?? []).flatMap((k) => [k.type, ...k.extensions]).join(',')
}

/** The accepted types' names, for the hint under the field. */
export function acceptedLabels(purpose: string): string {
  return (ACCEPTED[purpose] ?? []).map((k) => k.label).join(', ')
}

/** A size in bytes as people read it (25 MB, 812 kB), in the reader's language. */
export function formatBytes(bytes: number, language = currentLanguage()): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}
