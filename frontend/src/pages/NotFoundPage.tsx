import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../components/usePageTitle'

/** Any path the app does not know. */
export default function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('state.notFoundTitle'))
  return (
    <div>
      <h1>{t('state.notFoundTitle')}</h1>
      <p>{t('state.notFoundBody')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </div>
  )
}
