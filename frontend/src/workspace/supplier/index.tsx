import { Route, Routes } from 'react-router'
import './supplier.css'
import { OfferEditPage } from './OfferForm'
import { OverviewPage } from './Overview'
import { NeedsPage } from './needs'
import { OffersPage } from './offers'
import { NewResponsePage, ResponseEditorPage, ResponsesPage } from './responses'
import { StatusDetailPage, StatusNewPage, StatusesPage } from './statuses'
import { TenderAnswerPage } from './tenders'
import { useTranslation } from 'react-i18next'
import { Empty } from '../../components/States'
import './catalogue'

/** The supplier area of the workspace: its own routes under /workspace/supplier/. */
export default function SupplierWorkspace() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="statuses" element={<StatusesPage />} />
      <Route path="statuses/new" element={<StatusNewPage />} />
      <Route path="statuses/:statusID" element={<StatusDetailPage />} />
      <Route path="offers" element={<OffersPage />} />
      <Route path="offers/new" element={<OfferEditPage />} />
      <Route path="offers/:offerID" element={<OfferEditPage />} />
      <Route path="needs" element={<NeedsPage />} />
      <Route path="tenders/:tenderID" element={<TenderAnswerPage />} />
      <Route path="tenders/:tenderID/lots/:lotID/respond" element={<NewResponsePage />} />
      <Route path="responses" element={<ResponsesPage />} />
      <Route path="responses/:responseID" element={<ResponseEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  )
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('state.notFoundTitle')}</h1>
      <Empty title={t('state.notFoundBody')} />
    </>
  )
}
