import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'

/** The unread count for the header's badge: re-read every minute and when the window gets focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'notifications', 'unread-count'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications/unread-count')).unread,
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  })
}

/** The user's notifications, newest first, a page at a time. */
export function useNotifications(unreadOnly = false, limit = 20) {
  return useCursorList({
    queryKey: ['me', 'notifications', 'list', unreadOnly, limit],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/me/notifications', {
          params: { query: queryParams({ limit, unread: unreadOnly || undefined, cursor }) },
        }),
      ),
  })
}

/** Marks one notification read, or all of them; the list and the badge are re-read. */
export function useMarkRead() {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: ['me', 'notifications'] })
  const one = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  })
  const all = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/notifications/read-all')),
    onSuccess: refresh,
  })
  return { one, all }
}
