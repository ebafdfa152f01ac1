import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Outlet, Route, Routes } from 'react-router'
import { Loading } from '../../components/States'
import { usePlatformRole } from '../moderation/api'
import './catalogue'
import { EventFormPage } from './EventFormPage'
import { EventsPage } from './EventsPage'
import './organiser.css'
import { RegistrationsPage } from './RegistrationsPage'
import { SchedulePage } from './SchedulePage'

/** The organiser console of the business convention: its routes under /workspace/organiser/. */
export default function OrganiserConsole() {
  return (
    <Routes>
      <Route element={<OrganiserOnly />}>
        <Route index element={<EventsPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/new" element={<EventFormPage />} />
        <Route path="events/:eventID" element={<EventFormPage />} />
        <Route path="events/:eventID/registrations" element={<RegistrationsPage />} />
        <Route path="events/:eventID/schedule" element={<SchedulePage />} />
        <Route path="*" element={<NotInArea />} />
      </Route>
    </Routes>
  )
}

/** Moderators and admins only (the server refuses others anyway). */
function OrganiserOnly() {
  const { t } = useTranslation()
  const { isModerator, isLoading } = usePlatformRole()
  if (isLoading) return <Loading />
  if (!isModerator) {
    return (
      <div className="organiser">
        <h1>{t('organiser.title')}</h1>
        <Alert color="orange" role="note" title={t('organiser.forbidden.title')}>
          {t('organiser.forbidden.body')}
        </Alert>
      </div>
    )
  }
  return (
    <div className="organiser">
      <Outlet />
    </div>
  )
}

function NotInArea() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('state.notFoundTitle')}</h1>
      <p>{t('state.notFoundBody')}</p>
    </>
  )
}
