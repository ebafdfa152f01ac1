import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'

/** The API's limit on a list name (characters). */
export const LIST_NAME_MAX = 100

/** The organisation's favourite lists, a page at a time. */
export function useFavouriteLists(orgID: string | undefined) {
  return useCursorList({
    queryKey: ['buyer', 'favourite-lists', orgID],
    enabled: !!orgID,
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/favourite-lists', {
          params: { path: { orgID: orgID ?? '' }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
}
