import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ApiError, api, unwrap } from '../api/client'
import { useUnreadCount } from '../workspace/notifications/hooks'

/** The signed-in user, or null for a visitor (401). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/me'))
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null
        throw err
      }
    },
    staleTime: 60_000,
    retry: false,
  })
}

/** Log in and sign up links, or the user's name and a log-out button. */
export function AccountMenu() {
  const location = useLocation()
  const { t } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const logout = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/logout')),
    onSuccess: () => {
      // Nothing of the user stays in memory for whoever uses the browser next.
      client.setQueryData(['me'], null)
      client.removeQueries({ predicate: (query) => !(query.queryKey.length === 1 && query.queryKey[0] === 'me') })
    },
    onSettled: () => client.invalidateQueries(),
  })

  if (me.data) {
    return (
      <div className="account-menu">
        <span>{t('account.signedInAs', { name: me.data.display_name })}</span>
        <Link to="/workspace">{t('workspace.menu.workspace')}</Link>
        <NotificationsLink />
        <button type="button" className="link-button" onClick={() => logout.mutate()}>
          {t('account.logout')}
        </button>
      </div>
    )
  }
  return (
    <div className="account-menu">
      <Link to={loginPath(location.pathname, location.search)}>{t('account.login')}</Link>
      <Link to="/signup">{t('account.signup')}</Link>
    </div>
  )
}

/**
 * "Notifications (3)": the unread count in words, not only a coloured dot,
 * re-read every minute and when the window gets focus.
 */
function NotificationsLink() {
  const { t } = useTranslation()
  const unread = useUnreadCount(true)
  const count = unread.data ?? 0
  return (
    <Link to="/workspace/account/notifications" className="account-notifications">
      {count > 0 ? t('workspace.menu.notificationsUnread', { count }) : t('workspace.menu.notifications')}
    </Link>
  )
}

/** /login with ?next= back to the page the visitor is on (not from the account pages themselves). */
function loginPath(pathname: string, search: string): string {
  if (['/login', '/signup', '/reset-password', '/verify-email'].includes(pathname)) return '/login'
  return `/login?next=${encodeURIComponent(pathname + search)}`
}
