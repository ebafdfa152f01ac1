import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { ErrorState, Loading } from '../components/States'
import { useMe } from '../layout/AccountMenu'

/**
 * Shows its children to a signed-in user; a visitor goes to /login with
 * ?next= back here. The server checks every route anyway: this only spares
 * a visitor a page of refusals.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe()
  const location = useLocation()
  if (me.isLoading) return <Loading />
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />
  if (!me.data) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return <>{children}</>
}
