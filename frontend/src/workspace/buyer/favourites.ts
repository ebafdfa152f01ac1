import { useInfiniteQuery } from '@tanstack/react-query'
import { api, unwrap } from '../../api/client'

/** The API's limit on a list name (characters). */
export const LIST_NAME_MAX = 100

/** The organisation's favourite lists, a page at a time. */
export function useFavouriteLists(orgID: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['buyer', 'favourite-lists', orgID],
    enabled: !!orgID,
    initialPageParam: '',
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/favourite-lists', {
          params: { path: { orgID: orgID ?? '' }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor || undefined,
  })
}
