import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError, api, unwrap } from '../api/client'

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
  const { t } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const logout = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/logout')),
    onSettled: () => client.invalidateQueries(),
  })

  if (me.data) {
    return (
      <div className="account-menu">
        <Link to="/workspace">{t('account.signedInAs', { name: me.data.display_name })}</Link>
        <button type="button" className="link-button" onClick={() => logout.mutate()}>
          {t('account.logout')}
        </button>
      </div>
    )
  }
  return (
    <div className="account-menu">
      <Link to="/login">{t('account.login')}</Link>
      <Link to="/signup">{t('account.signup')}</Link>
    </div>
  )
}
