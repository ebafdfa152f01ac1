/** The audit log's filters as the form holds them (dates as YYYY-MM-DD, in the reader's time zone). */
export interface AuditFilters {
  action: string
  subject_type: string
  subject_id: string
  actor: string
  organisation: string
  from: string
  to: string
}

export const AUDIT_FILTER_NAMES = ['action', 'subject_type', 'subject_id', 'actor', 'organisation', 'from', 'to'] as const

/** The API's limits on each text filter. */
export const AUDIT_FILTER_MAX: Record<Exclude<keyof AuditFilters, 'from' | 'to'>, number> = {
  action: 100,
  subject_type: 64,
  subject_id: 128,
  actor: 40,
  organisation: 40,
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The filters read from the page's address; unknown parameters are ignored. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const get = (name: string) => params.get(name) ?? ''
  return {
    action: get('action'),
    subject_type: get('subject_type'),
    subject_id: get('subject_id'),
    actor: get('actor'),
    organisation: get('organisation'),
    from: DAY.test(get('from')) ? get('from') : '',
    to: DAY.test(get('to')) ? get('to') : '',
  }
}

/** The filters as the page's address keeps them (empty ones left out). */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name].trim()
    if (value) params.set(name, value)
  }
  return params
}

/** The start of a day in the reader's time zone, as the API's RFC 3339 time. */
function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!).toISOString()
}

/** The start of the day after, for an inclusive "to" day (the API's "to" is exclusive). */
function startOfNextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d! + 1).toISOString()
}

/**
 * The API's query for these filters: text filters as typed (trimmed), the
 * "from" day from its start, the "to" day up to its end.
 */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const name of ['action', 'subject_type', 'subject_id', 'actor', 'organisation'] as const) {
    const value = filters[name].trim()
    if (value) query[name] = value
  }
  if (DAY.test(filters.from)) query.from = startOfDay(filters.from)
  if (DAY.test(filters.to)) query.to = startOfNextDay(filters.to)
  return query
}

/** The CSV export of the entries these filters match (the same filters as the list). */
export function auditExportURL(filters: AuditFilters): string {
  const query = new URLSearchParams(auditQuery(filters)).toString()
  return `/api/v1/admin/audit/export${query ? `?${query}` : ''}`
}

/** Whether the "to" day comes before the "from" day. */
export function auditDatesReversed(filters: AuditFilters): boolean {
  return DAY.test(filters.from) && DAY.test(filters.to) && filters.to < filters.from
}

/** One changed field of an audit entry: its value before and after (absent when it did not exist). */
export interface FieldChange {
  field: string
  before?: unknown
  after?: unknown
}

/** The fields that differ between before and after, in a stable order; unchanged ones are left out. */
export function auditChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  const changes: FieldChange[] = []
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const field of [...fields].sort()) {
    const had = before !== undefined && field in before
    const has = after !== undefined && field in after
    const b = had ? before[field] : undefined
    const a = has ? after[field] : undefined
    if (had && has && JSON.stringify(b) === JSON.stringify(a)) continue
    const change: FieldChange = { field }
    if (had) change.before = b
    if (has) change.after = a
    changes.push(change)
  }
  return changes
}

/** A value of an audit entry, shortly: strings as they are, anything else as JSON. */
export function auditValue(value: unknown): string {
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
