import { lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { useBuyerOrganisation } from './api'
import { BuyerFrame } from './BuyerFrame'
import './buyer.css'
import './catalogue'

const TendersPage = lazy(() => import('./TendersPage'))
const TenderWizard = lazy(() => import('./wizard/TenderWizard'))
const TenderManagePage = lazy(() => import('./TenderManagePage'))
const FavouritesPage = lazy(() => import('./FavouritesPage'))
const BuyerImpactPage = lazy(() => import('../impact/BuyerImpactPage'))
// Purchase ledgers and levy offsets (issue 10): an area of their own.
const PurchasesPage = lazy(() => import('../purchases/PurchasesPage'))
const LevyPage = lazy(() => import('../purchases/LevyPage'))

/** The buyer area of the workspace: its own routes under /workspace/buyer/. */
export default function BuyerWorkspace() {
  const { t } = useTranslation()
  const { organisation, isLoading, error } = useBuyerOrganisation()
  if (isLoading) return <Loading />
  if (error) return <ErrorState error={error} />
  if (!organisation) {
    return (
      <BuyerFrame title={t('buyer.title')}>
        <Empty title={t('buyer.notBuyer')} hint={t('buyer.notBuyerHint')} />
      </BuyerFrame>
    )
  }
  return (
    <Routes>
      <Route index element={<Navigate to="tenders" replace />} />
      <Route path="tenders" element={<TendersPage />} />
      <Route path="tenders/new" element={<TenderWizard />} />
      <Route path="tenders/:id/edit" element={<TenderWizard />} />
      <Route path="tenders/:id" element={<TenderManagePage />} />
      <Route path="favourites" element={<FavouritesPage />} />
      <Route path="favourites/:listID" element={<FavouritesPage />} />
      <Route path="impact" element={<BuyerImpactPage />} />
      <Route path="purchases" element={<PurchasesPage />} />
      <Route path="levy" element={<LevyPage />} />
      <Route path="*" element={<Navigate to="tenders" replace />} />
    </Routes>
  )
}
