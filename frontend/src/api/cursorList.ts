import { useInfiniteQuery, type InfiniteData, type QueryKey, type UseInfiniteQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'

/** A page of one of the API's cursor lists: its items, and the cursor of the next page ('' after the last). */
export interface CursorPage<Item = unknown> {
  items?: Item[] | null
  next_cursor?: string
}

/** The type of the items a page holds. */
export type ItemOf<Page extends CursorPage> = NonNullable<Page['items']>[number]

/** What useCursorList takes. */
export interface CursorListOptions<Page extends CursorPage> {
  /** The query key, as TanStack Query caches and invalidates it. */
  queryKey: QueryKey
  /** Fetches one page; cursor is '' for the first page (leave the parameter out then). */
  fetchPage: (cursor: string, signal: AbortSignal) => Promise<Page>
  /** False to wait (a missing id, an empty search): nothing is fetched. */
  enabled?: boolean
  /** The first page's cursor, when the page starts further down the list (a shared link); '' otherwise. */
  firstCursor?: string
  /**
   * Keeps only the items it accepts in `items` (the pages stay as the API
   * gave them). Pass a stable function (declared outside the component):
   * the items are worked out again whenever it changes. With a filter,
   * type fetchPage's cursor (`async (cursor: string) =>`): TypeScript then
   * infers the page type from fetchPage before it checks the filter.
   */
  filter?: (item: ItemOf<NoInfer<Page>>) => boolean
}

/** The infinite query (for LoadMore, the states, a refetch) plus its pages' items, flattened. */
export type CursorList<Page extends CursorPage> = UseInfiniteQueryResult<InfiniteData<Page, string>> & {
  items: ItemOf<Page>[]
}

/**
 * One of the API's cursor lists, a page at a time: each page's next_cursor
 * fetches the next one, until the API gives '' (then hasNextPage is false).
 */
export function useCursorList<Page extends CursorPage>({
  queryKey,
  fetchPage,
  enabled = true,
  firstCursor = '',
  filter,
}: CursorListOptions<Page>): CursorList<Page> {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: firstCursor,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    getNextPageParam: (last) => last.next_cursor || undefined,
  })
  const data = query.data
  const items = useMemo(() => {
    const all: ItemOf<Page>[] = data?.pages.flatMap((page) => page.items ?? []) ?? []
    return filter ? all.filter(filter) : all
  }, [data, filter])
  // The query is TanStack's proxy, which re-renders the component only when
  // a property it read changes: spreading it would read them all. A proxy
  // over it adds `items` and keeps that.
  return new Proxy(query, {
    get: (target, key) => (key === 'items' ? items : Reflect.get(target, key)),
  }) as CursorList<Page>
}
