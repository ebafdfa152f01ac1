import { lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { useActiveOrganisation } from '../organisations'
import { ConventionFrame } from './ConventionFrame'
import './catalogue'
import './convention.css'

const EventsPage = lazy(() => import('./EventsPage'))
const RegistrationPage = lazy(() => import('./RegistrationPage'))
const DirectoryPage = lazy(() => import('./DirectoryPage'))
const RequestsPage = lazy(() => import('./RequestsPage'))
const AgendaPage = lazy(() => import('./AgendaPage'))

/** The convention area of the workspace (a participant's side): its routes under /workspace/convention/. */
export default function ConventionWorkspace() {
  const { t } = useTranslation()
  const { organisation, isLoading, error } = useActiveOrganisation()
  if (isLoading) return <Loading />
  if (error) return <ErrorState error={error} />
  if (!organisation) {
    return (
      <ConventionFrame title={t('convention.title')}>
        <Empty title={t('convention.noOrganisation')} hint={t('convention.noOrganisationHint')} />
      </ConventionFrame>
    )
  }
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path=":eventID" element={<RegistrationPage />} />
      <Route path=":eventID/directory" element={<DirectoryPage />} />
      <Route path=":eventID/requests" element={<RequestsPage />} />
      <Route path=":eventID/agenda" element={<AgendaPage />} />
      <Route path="*" element={<Navigate to="/workspace/convention" replace />} />
    </Routes>
  )
}
