import { useTranslation } from 'react-i18next'
import { Empty, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import './catalogue'
import { ImpactDashboard } from './ImpactDashboard'

/** /workspace/impact: the cluster's impact figures, for moderators and admins. */
export default function ClusterImpactPage() {
  const { t } = useTranslation()
  const me = useMe()
  usePageTitle(t('impact.title'))
  if (me.isPending) return <Loading />
  const role = me.data?.platform_role
  if (role !== 'moderator' && role !== 'admin') {
    return (
      <>
        <h1>{t('impact.title')}</h1>
        <Empty title={t('impact.forbidden.title')} hint={t('impact.forbidden.body')} />
      </>
    )
  }
  return (
    <>
      <h1>{t('impact.title')}</h1>
      <p>{t('impact.intro')}</p>
      <ImpactDashboard scope={{ kind: 'cluster' }} />
    </>
  )
}
