import type { paths } from '../../api/schema'

/** The search API's query parameters, as openapi-fetch takes them. */
export type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>

/** Parameters the search API repeats (several values each). */
export const MULTI_PARAMS = ['kind', 'country', 'nuts', 'sector', 'cpv', 'status_type'] as const
/** Parameters with one value. */
export const SINGLE_PARAMS = [
  'q',
  'lang',
  'eligible',
  'deadline_from',
  'deadline_to',
  'cross_border',
  'near',
  'town',
  'radius_km',
  'sort',
] as const

/** The facets the search page shows as filters. */
export const FACETS = ['kind', 'country', 'nuts', 'sector', 'status_type'] as const

/** The page size of a result page. */
export const PAGE_SIZE = 20

/**
 * Reads the search API's parameters from the page URL (/search uses the
 * API's own names), ignoring anything else; cursor is the pager's business.
 */
export function searchQueryFromURL(params: URLSearchParams): SearchQuery {
  const query: Record<string, string | string[]> = {}
  for (const name of MULTI_PARAMS) {
    const values = params.getAll(name).filter((v) => v !== '')
    if (values.length > 0) query[name] = values
  }
  for (const name of SINGLE_PARAMS) {
    const value = params.get(name)
    if (value) query[name] = value
  }
  return query as SearchQuery
}

/** The same URL with one parameter set (or removed when empty), starting again from the first page. */
export function withParam(params: URLSearchParams, name: string, value: string | string[] | undefined): URLSearchParams {
  const next = new URLSearchParams(params)
  next.delete(name)
  next.delete('cursor')
  const values = Array.isArray(value) ? value : value ? [value] : []
  for (const v of values) next.append(name, v)
  return next
}

/** Adds or removes one value of a repeated parameter. */
export function toggleParam(params: URLSearchParams, name: string, value: string): URLSearchParams {
  const values = params.getAll(name)
  return withParam(params, name, values.includes(value) ? values.filter((v) => v !== value) : [...values, value])
}
