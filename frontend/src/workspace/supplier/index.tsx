import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/** The supplier area of the workspace: its own routes under /workspace/supplier/. */
export default function SupplierWorkspace() {
  return (
    <Routes>
      <Route index element={<Overview />} />
    </Routes>
  )
}

function Overview() {
  const { t } = useTranslation()
  usePageTitle(t('supplier.title'))
  return <h1>{t('supplier.title')}</h1>
}
