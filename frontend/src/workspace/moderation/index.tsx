import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/** The moderation area of the workspace: its own routes under /workspace/moderation/. */
export default function ModerationConsole() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  )
}

function Overview() {
  const { t } = useTranslation()
  usePageTitle(t('moderation.title'))
  return <h1>{t('moderation.title')}</h1>
}
