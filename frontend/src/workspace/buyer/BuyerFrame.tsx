import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle'

/** A page of the buyer area: its one h1, the area's sub-navigation, then the page. */
export function BuyerFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  usePageTitle(title)
  return (
    <div className="buyer-area">
      <h1>{title}</h1>
      <nav className="area-nav" aria-label={t('buyer.nav.label')}>
        <ul>
          <li>
            <NavLink to="/workspace/buyer/tenders" end>
              {t('buyer.nav.tenders')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/workspace/buyer/tenders/new">{t('buyer.nav.newTender')}</NavLink>
          </li>
          <li>
            <NavLink to="/workspace/buyer/favourites">{t('buyer.nav.favourites')}</NavLink>
          </li>
          <li>
            <NavLink to="/workspace/buyer/impact">{t('buyer.nav.impact')}</NavLink>
          </li>
          <li>
            <NavLink to="/workspace/buyer/purchases">{t('buyer.purchasesNav.purchases')}</NavLink>
          </li>
          <li>
            <NavLink to="/workspace/buyer/levy">{t('buyer.purchasesNav.levy')}</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  )
}
