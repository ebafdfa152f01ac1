import { Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation, useSearchParams } from 'react-router'
import { LanguageSwitcher } from '../LanguageSwitcher'
import { languageFromSearch } from '../i18n'
import { Loading } from '../components/States'
import { AccountMenu } from './AccountMenu'

export const PRODUCT_NAME = 'Passerelle'

/** The frame of every page: skip link, header, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation()
  useLanguageFromURL()
  useFocusMainOnNavigation()

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {PRODUCT_NAME}
        </Link>
        <nav aria-label={t('nav.label')} className="site-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/search">{t('nav.search')}</NavLink>
          <NavLink to="/events">{t('nav.events')}</NavLink>
        </nav>
        <div className="header-tools">
          <AccountMenu />
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.region')}</p>
        <nav aria-label={t('footer.label')} className="footer-nav">
          <Link to="/statistics">{t('footer.statistics')}</Link>
          <Link to="/developers">{t('footer.developers')}</Link>
        </nav>
      </footer>
    </>
  )
}

/** A ?lang= that appears in the URL (a link followed in the app) switches the interface. */
function useLanguageFromURL() {
  const [params] = useSearchParams()
  const { i18n } = useTranslation()
  const wanted = languageFromSearch(`?${params.toString()}`)
  useEffect(() => {
    if (wanted && wanted !== i18n.resolvedLanguage) void i18n.changeLanguage(wanted)
  }, [wanted, i18n])
}

/** After a navigation to another page, focus goes to <main> as a page load would put it at the top. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    document.getElementById('main')?.focus()
  }, [pathname])
}
