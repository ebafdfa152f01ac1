import { Badge } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import type { Schemas } from '../../api/client'
import { Countdown as SharedCountdown } from '../../components/Countdown'
import { Empty, ErrorState, Loading } from '../../components/States'
import { formatDate, formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { isSupplier, useActiveOrganisation, type MemberOrganisation } from '../organisations'

export type Offer = Schemas['OfferBody']
export type SSEStatus = Schemas['SSEStatusBody']
export type Need = Schemas['NeedBody']
export type SupplierResponse = Schemas['ResponseBody']
export type Tender = Schemas['TenderBody']
export type Lot = Schemas['LotBody']

/** The supplier area's base path. */
export const BASE = '/workspace/supplier'

/** The area's tabs, shown under each page's heading. */
export function SupplierNav() {
  const { t } = useTranslation()
  const links = [
    { to: BASE, label: t('supplier.nav.overview'), end: true },
    { to: `${BASE}/needs`, label: t('supplier.nav.needs') },
    { to: `${BASE}/responses`, label: t('supplier.nav.responses') },
    { to: `${BASE}/offers`, label: t('supplier.nav.offers') },
    { to: `${BASE}/statuses`, label: t('supplier.nav.statuses') },
  ]
  return (
    <nav className="area-nav" aria-label={t('supplier.nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * A page of the supplier area: its title (h1 and document title), the
 * area's tabs, then the content, given the supplier organisation acted
 * for. A user acting for a buyer is told the area is for suppliers.
 */
export function SupplierPage({
  title,
  children,
}: {
  title: string
  children: (organisation: MemberOrganisation) => ReactNode
}) {
  const { t } = useTranslation()
  const active = useActiveOrganisation()
  usePageTitle(title)
  let content: ReactNode
  if (active.isLoading) content = <Loading />
  else if (active.error) content = <ErrorState error={active.error} />
  else if (!active.organisation || !isSupplier(active.organisation))
    content = <Empty title={t('supplier.notSupplier.title')} hint={t('supplier.notSupplier.hint')} />
  else content = children(active.organisation)
  return (
    <>
      <h1>{title}</h1>
      <SupplierNav />
      {content}
    </>
  )
}

const STATE_COLOURS: Record<string, string> = {
  draft: 'gray',
  unverified: 'gray',
  pending: 'yellow',
  published: 'green',
  verified: 'green',
  submitted: 'blue',
  shortlisted: 'cyan',
  accepted: 'green',
  declined: 'red',
  rejected: 'red',
  changes_requested: 'orange',
  reconfirmation_required: 'orange',
  withdrawn: 'gray',
  archived: 'gray',
}

/** A state as a light badge (dark text on a tint: AA contrast). */
export function StateBadge({ state, label }: { state: string; label: string }) {
  return (
    <Badge variant="light" color={STATE_COLOURS[state] ?? 'gray'}>
      {label}
    </Badge>
  )
}

/** Time left to respond, in the supplier area's words (down to the minute on the last hours). */
export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation()
  return (
    <SharedCountdown
      deadline={deadline}
      texts={{
        passed: t('supplier.deadline.passed'),
        left: ({ days, hours, minutes }) =>
          days > 0
            ? t('supplier.deadline.days', { count: days, hours })
            : hours > 0
              ? t('supplier.deadline.hours', { count: hours, minutes })
              : t('supplier.deadline.minutes', { count: minutes }),
      }}
    />
  )
}

/** The reader's interface language, for dates and numbers. */
export function useUiLanguage(): string {
  const { i18n } = useTranslation()
  return i18n.resolvedLanguage ?? 'en'
}

export { formatDate, formatDateTime }

/** Euros as typed ("12,50" or "12.50") to cents; null when empty, NaN when not a number. */
export function eurosToCents(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '')
  if (trimmed === '') return null
  if (!/^\d+([.,]\d{1,2})?$/.test(trimmed)) return Number.NaN
  return Math.round(Number(trimmed.replace(',', '.')) * 100)
}

/** Cents as an editable amount ("12.50"). */
export function centsToEuros(cents: number | undefined | null): string {
  if (cents === undefined || cents === null) return ''
  return (cents / 100).toFixed(2)
}
