import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from './LanguageSwitcher'

export const PRODUCT_NAME = 'Passerelle'

export function App() {
  const { t } = useTranslation()

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <span className="brand">
          {PRODUCT_NAME}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{PRODUCT_NAME}</h1>
        <p className="tagline">{t('home.tagline')}</p>
        <section aria-labelledby="status-heading" className="status">
          <h2 id="status-heading">{t('home.statusHeading')}</h2>
          <p>{t('home.status')}</p>
        </section>
      </main>
      <footer className="site-footer">
        <p>{t('footer.region')}</p>
      </footer>
    </>
  )
}
