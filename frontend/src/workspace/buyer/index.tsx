import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/** The buyer area of the workspace: its own routes under /workspace/buyer/. */
export default function BuyerWorkspace() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  )
}

function Overview() {
  const { t } = useTranslation()
  usePageTitle(t('buyer.title'))
  return <h1>{t('buyer.title')}</h1>
}
