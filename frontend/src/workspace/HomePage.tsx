import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../components/usePageTitle'

/** /workspace: the signed-in user's overview. */
export default function WorkspaceHomePage() {
  const { t } = useTranslation()
  usePageTitle(t('workspace.title'))
  return <h1>{t('workspace.title')}</h1>
}
