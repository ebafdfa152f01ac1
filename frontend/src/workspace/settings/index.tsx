import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Route, Routes } from 'react-router'
import { Empty, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import './settings.css'
import './catalogue'

const ProfilePage = lazy(() => import('./ProfilePage'))
const PreferencesPage = lazy(() => import('./PreferencesPage'))
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'))
const OrganisationsPage = lazy(() => import('./OrganisationsPage'))
const CreateOrganisationPage = lazy(() => import('./CreateOrganisationPage'))
const OrganisationEditPage = lazy(() => import('./OrganisationEditPage'))
const MembersPage = lazy(() => import('./MembersPage'))
const SavedSearchesPage = lazy(() => import('./SavedSearchesPage'))
const DataPage = lazy(() => import('./DataPage'))
const AcceptInvitationPage = lazy(() => import('./AcceptInvitationPage'))

/**
 * The account area of the workspace (/workspace/account/…): its heading,
 * its own navigation, then the page (each page's heading is an h2).
 */
export default function AccountSettings() {
  const { t } = useTranslation()
  usePageTitle(t('settings.title'))
  const links: [string, string][] = [
    ['', t('settings.nav.profile')],
    ['notifications', t('settings.nav.notifications')],
    ['preferences', t('settings.nav.preferences')],
    ['organisations', t('settings.nav.organisations')],
    ['saved-searches', t('settings.nav.savedSearches')],
    ['data', t('settings.nav.data')],
  ]
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <nav className="area-nav" aria-label={t('settings.nav.label')}>
        <ul>
          {links.map(([path, label]) => (
            <li key={path}>
              <NavLink to={path ? `/workspace/account/${path}` : '/workspace/account'} end={!path}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<ProfilePage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="preferences" element={<PreferencesPage />} />
          <Route path="organisations" element={<OrganisationsPage />} />
          <Route path="organisations/new" element={<CreateOrganisationPage />} />
          <Route path="organisations/:orgID" element={<OrganisationEditPage />} />
          <Route path="organisations/:orgID/members" element={<MembersPage />} />
          <Route path="saved-searches" element={<SavedSearchesPage />} />
          <Route path="data" element={<DataPage />} />
          <Route path="invitation" element={<AcceptInvitationPage level={2} />} />
          <Route path="*" element={<Empty title={t('state.notFoundTitle')} hint={t('state.notFoundBody')} />} />
        </Routes>
      </Suspense>
    </div>
  )
}
