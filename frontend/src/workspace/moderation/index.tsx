import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, Route, Routes } from 'react-router'
import { Loading } from '../../components/States'
import './moderation.css'
import { usePlatformRole } from './api'
import { AuditPage } from './AuditPage'
import { MetricsPage } from './MetricsPage'
import { OfferDecisionPage } from './OfferDecisionPage'
import { OrganisationModerationPage } from './OrganisationModerationPage'
import { OrganisationsPage } from './OrganisationsPage'
import { QueuePage } from './QueuePage'
import { ReportDecisionPage } from './ReportDecisionPage'
import { StatusDecisionPage } from './StatusDecisionPage'
import { TenderDecisionPage } from './TenderDecisionPage'
import { BlockedWordsPage } from './admin/BlockedWordsPage'
import { RebuildsPage } from './admin/RebuildsPage'
import { UserRolePage } from './admin/UserRolePage'
import './catalogue'

/** The moderation area of the workspace: its own routes under /workspace/moderation/. */
export default function ModerationConsole() {
  return (
    <Routes>
      <Route element={<ModerationLayout />}>
        <Route index element={<QueuePage />} />
        <Route path="offers/:id" element={<OfferDecisionPage />} />
        <Route path="tenders/:id" element={<TenderDecisionPage />} />
        <Route path="sse-statuses/:orgID/:statusID" element={<StatusDecisionPage />} />
        <Route path="reports/:targetType/:targetID/:reportID" element={<ReportDecisionPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="organisations/:orgID" element={<OrganisationModerationPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="figures" element={<MetricsPage />} />
        <Route path="admin/blocked-words" element={<AdminOnly><BlockedWordsPage /></AdminOnly>} />
        <Route path="admin/search" element={<AdminOnly><RebuildsPage /></AdminOnly>} />
        <Route path="admin/roles" element={<AdminOnly><UserRolePage /></AdminOnly>} />
        <Route path="*" element={<NotInArea />} />
      </Route>
    </Routes>
  )
}

/** The area's heading and tabs; moderators and admins only (the server refuses others anyway). */
function ModerationLayout() {
  const { t } = useTranslation()
  const { isModerator, isAdmin, isLoading } = usePlatformRole()
  return (
    <div className="moderation">
      <h1>{t('moderation.title')}</h1>
      {isLoading ? (
        <Loading />
      ) : !isModerator ? (
        <Alert color="orange" role="note" title={t('moderation.forbidden.title')}>
          {t('moderation.forbidden.body')}
        </Alert>
      ) : (
        <>
          <nav className="area-nav" aria-label={t('moderation.nav.label')}>
            <ul>
              <li>
                <NavLink to="/workspace/moderation" end>
                  {t('moderation.nav.queue')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/workspace/moderation/organisations">{t('moderation.nav.organisations')}</NavLink>
              </li>
              <li>
                <NavLink to="/workspace/moderation/audit">{t('moderation.nav.audit')}</NavLink>
              </li>
              <li>
                <NavLink to="/workspace/moderation/figures">{t('moderation.nav.figures')}</NavLink>
              </li>
              {isAdmin ? (
                <>
                  <li>
                    <NavLink to="/workspace/moderation/admin/blocked-words">{t('moderation.nav.blockedWords')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/workspace/moderation/admin/search">{t('moderation.nav.search')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/workspace/moderation/admin/roles">{t('moderation.nav.roles')}</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
          <Outlet />
        </>
      )}
    </div>
  )
}

/** Admin pages: hidden from moderators (the server refuses them anyway). */
function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { isAdmin } = usePlatformRole()
  if (!isAdmin) {
    return (
      <Alert color="orange" role="note" title={t('moderation.adminOnly.title')}>
        {t('moderation.adminOnly.body')}
      </Alert>
    )
  }
  return <>{children}</>
}

function NotInArea() {
  const { t } = useTranslation()
  return (
    <Alert color="gray" role="note" title={t('state.notFoundTitle')}>
      {t('state.notFoundBody')}
    </Alert>
  )
}
