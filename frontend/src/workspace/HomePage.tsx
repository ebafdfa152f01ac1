import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorState, Loading } from '../components/States'
import { usePageTitle } from '../components/usePageTitle'
import { useMe } from '../layout/AccountMenu'
import { appPath } from './notifications/api'
import { useNotifications, useUnreadCount } from './notifications/hooks'
import { isBuyer, isSupplier, useActiveOrganisation } from './organisations'
import { PENDING_INVITATION_KEY } from './settings/invitationToken'
import './settings/settings.css'
import './settings/catalogue'

/** /workspace: who you are, whom you act for, what is new, and the way to each area you may use. */
export default function WorkspaceHomePage() {
  const { t } = useTranslation()
  usePageTitle(t('workspace.title'))
  const me = useMe()
  const { organisation, isLoading, error } = useActiveOrganisation()
  if (isLoading) return <Loading />
  if (error || !me.data) return <ErrorState error={error} />
  const role = me.data.platform_role
  const shortcuts: [string, string][] = []
  if (isSupplier(organisation)) {
    shortcuts.push(['/workspace/supplier/needs', t('workspace.overview.needs')])
    shortcuts.push(['/workspace/supplier/offers', t('workspace.overview.offers')])
    shortcuts.push(['/workspace/supplier/responses', t('workspace.overview.responses')])
  }
  if (isBuyer(organisation)) shortcuts.push(['/workspace/buyer/tenders', t('workspace.overview.tenders')])
  if (role === 'moderator' || role === 'admin') shortcuts.push(['/workspace/moderation', t('workspace.overview.queue')])
  shortcuts.push(['/workspace/account/saved-searches', t('workspace.overview.savedSearches')])
  shortcuts.push(['/workspace/account', t('workspace.overview.account')])

  return (
    <>
      <h1>{t('workspace.overview.hello', { name: me.data.display_name })}</h1>
      <PendingInvitation />
      <div className="overview-grid">
        <section aria-labelledby="overview-org">
          <h2 id="overview-org">{t('workspace.overview.organisation')}</h2>
          {organisation ? (
            <>
              <p>
                {t('workspace.overview.actingFor')} <strong>{organisation.trade_name || organisation.legal_name}</strong>
              </p>
              <p>
                <Badge variant="light" color="gray">
                  {t(`settings.org.kinds.${organisation.kind}`)}
                </Badge>{' '}
                <Badge variant="outline" color="gray">
                  {t(`settings.members.roles.${organisation.role}`)}
                </Badge>
              </p>
              <p className="settings-actions">
                <Link to={`/workspace/account/organisations/${organisation.id}`}>{t('workspace.overview.editOrganisation')}</Link>
                <Link to="/workspace/account/organisations">{t('workspace.overview.allOrganisations')}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t('workspace.overview.noOrganisation')}</p>
              <p>{t('workspace.overview.noOrganisationHint')}</p>
              <Button component={Link} to="/workspace/account/organisations/new">
                {t('workspace.overview.createOrganisation')}
              </Button>
            </>
          )}
        </section>
        <LatestNotifications />
        <section aria-labelledby="overview-shortcuts">
          <h2 id="overview-shortcuts">{t('workspace.overview.shortcuts')}</h2>
          <ul>
            {shortcuts.map(([to, label]) => (
              <li key={to}>
                <Link to={to}>{label}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}

function LatestNotifications() {
  const { t } = useTranslation()
  const unread = useUnreadCount(true)
  const latest = useNotifications(false, 5)
  const items = latest.data?.pages[0]?.items ?? []
  return (
    <section aria-labelledby="overview-notifications">
      <h2 id="overview-notifications">{t('workspace.overview.notifications')}</h2>
      {unread.data !== undefined ? <p>{t('workspace.overview.unread', { count: unread.data })}</p> : null}
      {latest.isLoading ? (
        <Loading />
      ) : latest.isError ? (
        <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('workspace.overview.noNotifications')}</p>
      ) : (
        <ul>
          {items.map((n) => (
            <li key={n.id}>
              {!n.read_at ? <strong>{t('workspace.overview.new')} </strong> : null}
              <Link to={appPath(n.link)}>{n.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/workspace/account/notifications">{t('workspace.overview.allNotifications')}</Link>
      </p>
    </section>
  )
}

/** An invitation link followed before signing in, to accept now. */
function PendingInvitation() {
  const { t } = useTranslation()
  let pending = false
  try {
    pending = !!window.sessionStorage.getItem(PENDING_INVITATION_KEY)
  } catch {
    pending = false
  }
  if (!pending) return null
  return (
    <p role="status">
      {t('workspace.overview.pendingInvitation')}{' '}
      <Link to="/workspace/account/invitation">{t('workspace.overview.acceptInvitation')}</Link>
    </p>
  )
}
