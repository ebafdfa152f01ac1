import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, unwrap, type Problem, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { currentLanguage } from '../../i18n'

export type PurchaseImport = Schemas['PurchaseImportBody']
export type ImportWithShare = Schemas['PurchaseImportOutputBody']
export type Purchase = Schemas['PurchaseBody']
export type SSEShare = Schemas['SSEShareBody']

/** The largest ledger the API takes (core.DefaultMaxLedgerSize). */
export const MAX_LEDGER_BYTES = 16 * 1024 * 1024

/** Whether a file looks like a ledger by its name (the server sniffs the content). */
export function isLedgerFile(name: string): boolean {
  return /\.(csv|txt|xlsx)$/i.test(name)
}

/**
 * Sends a ledger to POST …/purchases/imports as multipart/form-data with
 * XMLHttpRequest, the only browser API that reports upload progress. The
 * answer is the import in state parsing (202).
 */
export function uploadLedger(
  orgID: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<PurchaseImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/organisations/${encodeURIComponent(orgID)}/purchases/imports`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept-Language', currentLanguage())
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as PurchaseImport)
      else reject(new ApiError(xhr.status, body && typeof body === 'object' ? (body as Problem) : undefined))
    }
    xhr.onerror = () => reject(new ApiError(0, undefined))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

/** One import, polled while the job checks it (its progress bar). */
export function useImport(orgID: string, importID: string | undefined) {
  return useQuery({
    queryKey: ['purchases', orgID, 'import', importID],
    enabled: !!importID,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/purchases/imports/{importID}', {
          params: { path: { orgID, importID: importID ?? '' } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.state === 'parsing' ? 500 : false),
  })
}

/** The organisation's imports, newest first, a page at a time. */
export function useImports(orgID: string) {
  return useCursorList({
    queryKey: ['purchases', orgID, 'imports'],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/purchases/imports', {
          params: { path: { orgID }, query: queryParams({ limit: 10, cursor }) },
        }),
      ),
  })
}

/** Deletes an import and its purchases; every purchase figure changes. */
export function useDeleteImport(orgID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (importID: string) =>
      unwrap(await api.DELETE('/api/v1/organisations/{orgID}/purchases/imports/{importID}', { params: { path: { orgID, importID } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['purchases', orgID] }),
  })
}

export interface PurchaseFilter {
  year?: number | undefined
  supplier?: 'known' | 'unknown' | undefined
}

/** The organisation's invoices, latest first, a page at a time. */
export function usePurchases(orgID: string, filter: PurchaseFilter) {
  return useCursorList({
    queryKey: ['purchases', orgID, 'list', filter],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/purchases', {
          params: {
            path: { orgID },
            query: queryParams({ limit: 20, year: filter.year, supplier: filter.supplier, cursor }),
          },
        }),
      ),
  })
}

/** What the organisation bought by year, in all and from SSE suppliers. */
export function useSSEShare(orgID: string) {
  return useQuery({
    queryKey: ['purchases', orgID, 'sse-share'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}/purchases/sse-share', { params: { path: { orgID } } })).items,
  })
}

/** Sets an invoice's labour cost as a percentage of its amount (null clears it). */
export function useSetLabourCost(orgID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ purchaseID, percent }: { purchaseID: string; percent: number | null }) =>
      unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/purchases/{purchaseID}', {
          params: { path: { orgID, purchaseID } },
          body: percent === null ? {} : { labour_cost_percent: percent },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['purchases', orgID] }),
  })
}

export interface LevyQuery {
  country: 'FR' | 'DE'
  year: number
  contribution_cents: number
  employment_rate: number
}

/** A levy offset statement, computed by the API for the inputs. */
export function useLevy(orgID: string, query: LevyQuery | null) {
  return useQuery({
    queryKey: ['purchases', orgID, 'levy', query],
    enabled: !!query,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/purchases/levy-offset', {
          params: { path: { orgID }, query: query ?? { country: 'FR', year: 0 } },
        }),
      ),
  })
}

/** The address of the statement's PDF for the inputs. */
export function levyPdfURL(orgID: string, q: LevyQuery): string {
  const params = new URLSearchParams({
    country: q.country,
    year: String(q.year),
    contribution_cents: String(q.contribution_cents),
    employment_rate: String(q.employment_rate),
  })
  return `/api/v1/organisations/${encodeURIComponent(orgID)}/purchases/levy-offset.pdf?${params}`
}

/** The address of a failed import's errors as CSV. */
export function errorsCsvURL(orgID: string, importID: string): string {
  return `/api/v1/organisations/${encodeURIComponent(orgID)}/purchases/imports/${encodeURIComponent(importID)}/errors.csv`
}
