import { useTranslation } from 'react-i18next'
import { BuyerFrame } from '../buyer/BuyerFrame'
import { useBuyerOrganisation } from '../buyer/api'
import './catalogue'
import { ImpactDashboard } from './ImpactDashboard'

/** /workspace/buyer/impact: the impact of the buyer organisation's own purchases. */
export default function BuyerImpactPage() {
  const { t } = useTranslation()
  const { organisation } = useBuyerOrganisation()
  return (
    <BuyerFrame title={t('impact.buyerTitle')}>
      <p>{t('impact.buyerIntro')}</p>
      {organisation ? <ImpactDashboard scope={{ kind: 'organisation', orgID: organisation.id }} /> : null}
    </BuyerFrame>
  )
}
