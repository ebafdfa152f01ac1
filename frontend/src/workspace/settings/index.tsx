import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/** The settings area of the workspace: its own routes under /workspace/account/. */
export default function AccountSettings() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  )
}

function Overview() {
  const { t } = useTranslation()
  usePageTitle(t('settings.title'))
  return <h1>{t('settings.title')}</h1>
}
