import { useQuery } from '@tanstack/react-query'
import { api, ApiError, type Schemas, unwrap } from '../../api/client'
import { currentLanguage } from '../../i18n'

/** The impact figures as the API answers them. */
export type Impact = Schemas['ImpactBody']
/** One key of a dimension (country, sector, status, month). */
export type ImpactRow = Schemas['ImpactRowBody']

/** Whose figures: the cluster's (moderators) or one buyer organisation's. */
export type ImpactScope = { kind: 'cluster' } | { kind: 'organisation'; orgID: string }

/** The filters the dashboard applies: days as YYYY-MM-DD, a country code; empty means none. */
export interface ImpactFilter {
  from: string
  to: string
  country: string
}

function query(filter: ImpactFilter) {
  return {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.country ? { country: filter.country } : {}),
  }
}

/** The figures of a scope under a filter. */
export function useImpact(scope: ImpactScope, filter: ImpactFilter) {
  return useQuery({
    queryKey: ['impact', scope, filter, currentLanguage()],
    queryFn: async () =>
      scope.kind === 'cluster'
        ? unwrap(await api.GET('/api/v1/impact', { params: { query: query(filter) } }))
        : unwrap(
            await api.GET('/api/v1/organisations/{orgID}/impact', {
              params: { path: { orgID: scope.orgID }, query: query(filter) },
            }),
          ),
  })
}

/** The formats of the downloads. */
export type ImpactFormat = 'csv' | 'xlsx' | 'pdf'

/** The address of a download of the figures. */
export function impactDownloadURL(scope: ImpactScope, filter: ImpactFilter, format: ImpactFormat): string {
  const base = scope.kind === 'cluster' ? '/api/v1/impact' : `/api/v1/organisations/${encodeURIComponent(scope.orgID)}/impact`
  const params = new URLSearchParams(query(filter))
  const qs = params.toString()
  return `${base}.${format}${qs ? `?${qs}` : ''}`
}

/**
 * Downloads a file of the figures in the interface language (the labels
 * of the file follow Accept-Language, which a plain link cannot set) and
 * hands it to the browser under the server's file name.
 */
export async function downloadImpact(scope: ImpactScope, filter: ImpactFilter, format: ImpactFormat): Promise<void> {
  const response = await fetch(impactDownloadURL(scope, filter, format), {
    credentials: 'include',
    headers: { 'Accept-Language': currentLanguage() },
  })
  if (!response.ok) throw new ApiError(response.status, undefined)
  const blob = await response.blob()
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `impact.${format}`
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The longest period the API accepts, in calendar months. */
export const MAX_IMPACT_MONTHS = 120

type FilterError = 'badDate' | 'toBeforeFrom' | 'tooLong'

/**
 * Checks the filter as the API does: dates as YYYY-MM-DD, the end not
 * before the start, at most 120 calendar months from the start to the end
 * (today when the end is open).
 */
export function filterErrors(filter: ImpactFilter, today: Date = new Date()): { from?: FilterError; to?: FilterError } {
  const day = /^\d{4}-\d{2}-\d{2}$/
  const valid = (s: string) => s === '' || (day.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  const out: { from?: FilterError; to?: FilterError } = {}
  if (!valid(filter.from)) out.from = 'badDate'
  if (!valid(filter.to)) out.to = 'badDate'
  else if (filter.from && filter.to && !out.from && filter.to < filter.from) out.to = 'toBeforeFrom'
  if (filter.from && !out.from && !out.to) {
    const [fy, fm] = filter.from.split('-').map(Number)
    const [ty, tm] = filter.to ? filter.to.split('-').map(Number) : [today.getFullYear(), today.getMonth() + 1]
    if ((ty! - fy!) * 12 + (tm! - fm!) + 1 > MAX_IMPACT_MONTHS) {
      out.from = 'tooLong'
      if (filter.to) out.to = 'tooLong'
    }
  }
  return out
}
