/**
 * The query parameters that are set: the entries of values that are neither
 * undefined nor '' (an empty filter or the first page's cursor). The API
 * client's query types take a parameter or leave it out, never undefined,
 * and the API should not see empty parameters.
 */
export function queryParams<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
