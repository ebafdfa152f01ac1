import { NativeSelect } from '@mantine/core'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { Loading } from '../components/States'
import './workspace.css'
import { useMe } from '../layout/AccountMenu'
import { isBuyer, isSupplier, useActiveOrganisation, useSetActiveOrganisation } from './organisations'

/**
 * The frame of the signed-in pages (inside the site's <main>): the areas the
 * user may open (supplier or buyer for the organisation acted for,
 * moderation for moderators, the account always), the organisation switcher,
 * then the page.
 */
export function WorkspaceLayout() {
  const { t } = useTranslation()
  const me = useMe()
  const { organisation, organisations } = useActiveOrganisation()
  const setActive = useSetActiveOrganisation()
  const role = me.data?.platform_role
  // A member of several organisations who never chose one acts for none on
  // the server (its routes "for the organisation you act for" answer 403):
  // choose the first for them, as the switcher shows, so both agree.
  const unchosen = !!me.data && !me.data.active_organisation_id && organisations.length > 1
  const { mutate: choose, isPending: choosing, isError: chooseFailed } = setActive
  useEffect(() => {
    if (unchosen && !choosing && !chooseFailed && organisations[0]) choose(organisations[0].id)
  }, [unchosen, choosing, chooseFailed, organisations, choose])
  return (
    <div className="workspace">
      <nav aria-label={t('workspace.nav.label')} className="workspace-nav">
        <ul>
          <li>
            <NavLink to="/workspace" end>
              {t('workspace.nav.home')}
            </NavLink>
          </li>
          {isSupplier(organisation) ? (
            <li>
              <NavLink to="/workspace/supplier">{t('workspace.nav.supplier')}</NavLink>
            </li>
          ) : null}
          {isBuyer(organisation) ? (
            <li>
              <NavLink to="/workspace/buyer">{t('workspace.nav.buyer')}</NavLink>
            </li>
          ) : null}
          {role === 'moderator' || role === 'admin' ? (
            <li>
              <NavLink to="/workspace/moderation">{t('workspace.nav.moderation')}</NavLink>
            </li>
          ) : null}
          {role === 'moderator' || role === 'admin' ? (
            <li>
              <NavLink to="/workspace/impact">{t('workspace.nav.impact')}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/workspace/account">{t('workspace.nav.account')}</NavLink>
          </li>
        </ul>
        {organisations.length > 1 ? (
          <NativeSelect
            label={t('workspace.orgSwitcher.label')}
            value={organisation?.id ?? ''}
            disabled={setActive.isPending}
            onChange={(event) => setActive.mutate(event.currentTarget.value)}
            data={organisations.map((o) => ({ value: o.id, label: o.trade_name || o.legal_name }))}
          />
        ) : organisation ? (
          <p className="workspace-org">
            {t('workspace.orgSwitcher.label')} <strong>{organisation.trade_name || organisation.legal_name}</strong>
          </p>
        ) : null}
      </nav>
      <div className="workspace-content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  )
}
