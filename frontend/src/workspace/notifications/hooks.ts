import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCursorList } from '../../api/cursorList'
import { request, type Notification, type Page } from './api'

/** The unread count for the header's badge: re-read every minute and when the window gets focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'notifications', 'unread-count'],
    queryFn: async () => (await request<{ unread: number }>('GET', '/api/v1/me/notifications/unread-count')).unread,
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
    fetchPage: async (cursor) => {
      const params = new URLSearchParams({ limit: String(limit) })
      if (unreadOnly) params.set('unread', 'true')
      if (cursor) params.set('cursor', cursor)
      return request<Page<Notification>>('GET', `/api/v1/me/notifications?${params.toString()}`)
    },
  })
}

/** Marks one notification read, or all of them; the list and the badge are re-read. */
export function useMarkRead() {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: ['me', 'notifications'] })
  const one = useMutation({
    mutationFn: (id: string) => request<Notification>('POST', `/api/v1/me/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: refresh,
  })
  const all = useMutation({
    mutationFn: () => request<{ marked: number }>('POST', '/api/v1/me/notifications/read-all'),
    onSuccess: refresh,
  })
  return { one, all }
}
