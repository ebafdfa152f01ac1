import { Alert, Button, Group, NativeSelect } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverMessage } from '../forms'
import type { MemberOrganisation } from '../organisations'
import { BASE, StateBadge, SupplierPage, formatDate, useUiLanguage, type Offer } from './common'
import { useOffers } from './queries'
import { LoadMore } from '../LoadMore'

export const OFFER_STATES = ['draft', 'pending', 'changes_requested', 'published', 'rejected', 'archived'] as const

/** The offer's title in the reader's language when the author translated it. */
export function offerTitle(offer: Offer, ui: string): { title: string; lang: string } {
  const translated = (offer.translations ?? []).find((x) => x.lang === ui)
  return translated ? { title: translated.title, lang: ui } : { title: offer.title, lang: offer.language }
}

/** /workspace/supplier/offers: the organisation's offers by state. */
export function OffersPage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.offers.title')}>{(org) => <OfferList organisation={org} />}</SupplierPage>
}

function OfferList({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const [params, setParams] = useSearchParams()
  const state = params.get('state') ?? ''
  const offers = useOffers(organisation.id, state)
  const client = useQueryClient()
  const archive = useMutation({
    mutationFn: async (offerID: string) =>
      unwrap(await api.POST('/api/v1/offers/{offerID}/archive', { params: { path: { offerID } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['supplier', organisation.id, 'offers'] }),
  })
  const items = offers.items
  return (
    <>
      <Group align="end" mb="md">
        <Button component={Link} to={`${BASE}/offers/new`}>
          {t('supplier.offers.new')}
        </Button>
        <NativeSelect
          label={t('supplier.offers.filterState')}
          value={state}
          onChange={(e) => {
            const next = e.currentTarget.value
            setParams(next ? { state: next } : {}, { replace: true })
          }}
          data={[
            { value: '', label: t('supplier.offers.allStates') },
            ...OFFER_STATES.map((s) => ({ value: s, label: t(`supplier.offers.state.${s}`) })),
          ]}
        />
      </Group>
      {archive.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(archive.error, t)}
        </Alert>
      ) : null}
      {offers.isPending ? (
        <Loading />
      ) : offers.isError ? (
        <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          title={state ? t('supplier.offers.emptyState') : t('supplier.offers.empty')}
          hint={t('supplier.offers.emptyHint')}
        />
      ) : (
        <ul className="supplier-cards">
          {items.map((offer) => {
            const title = offerTitle(offer, ui)
            return (
              <li key={offer.id} className="supplier-card">
                <h2 lang={title.lang}>
                  <Link to={`${BASE}/offers/${offer.id}`}>{title.title}</Link>
                </h2>
                <p>
                  <StateBadge state={offer.state} label={t(`supplier.offers.state.${offer.state}`)} />{' '}
                  <span>{t('supplier.offers.updated', { date: formatDate(offer.updated_at, ui) })}</span>
                </p>
                {offer.decision_reason && (offer.state === 'changes_requested' || offer.state === 'rejected') ? (
                  <p>
                    <strong>{t('supplier.offers.moderatorSaid')}</strong> {offer.decision_reason}
                  </p>
                ) : null}
                <Group gap="xs">
                  {offer.state === 'published' ? (
                    <Link to={`/offers/${offer.id}`}>{t('supplier.offers.viewPublic')}</Link>
                  ) : null}
                  {(offer.allowed_actions ?? []).includes('archive') ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      loading={archive.isPending && archive.variables === offer.id}
                      onClick={() => archive.mutate(offer.id)}
                      aria-label={t('supplier.offers.archiveNamed', { title: title.title })}
                    >
                      {t('supplier.offers.archive')}
                    </Button>
                  ) : null}
                </Group>
              </li>
            )
          })}
        </ul>
      )}
      <LoadMore query={offers} />
    </>
  )
}
