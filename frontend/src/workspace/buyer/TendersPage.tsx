import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { useBuyerOrganisation, useOrganisationTenders, type Tender } from './api'
import { BuyerFrame } from './BuyerFrame'
import { STATE_GROUPS, isEditable, stateColor } from './states'
import { LoadMore } from '../LoadMore'

/** /workspace/buyer/tenders: the organisation's tenders, grouped by state. */
export default function TendersPage() {
  const { t } = useTranslation()
  const { organisation } = useBuyerOrganisation()
  const tenders = useOrganisationTenders(organisation?.id)
  const items = tenders.items
  return (
    <BuyerFrame title={t('buyer.tenders.title')}>
      <p>
        <Button component={Link} to="/workspace/buyer/tenders/new">
          {t('buyer.tenders.create')}
        </Button>
      </p>
      {tenders.isPending ? <Loading /> : null}
      {tenders.isError ? <ErrorState error={tenders.error} onRetry={() => void tenders.refetch()} /> : null}
      {tenders.isSuccess && items.length === 0 ? (
        <Empty title={t('buyer.tenders.empty')} hint={t('buyer.tenders.emptyHint')} />
      ) : null}
      {STATE_GROUPS.map((group) => {
        const inGroup = items.filter((tender) => group.states.includes(tender.state))
        if (inGroup.length === 0) return null
        return (
          <section key={group.key} aria-labelledby={`tenders-${group.key}`}>
            <h2 id={`tenders-${group.key}`}>
              {t(`buyer.tenders.group.${group.key}`)} ({inGroup.length})
            </h2>
            <ul className="buyer-list">
              {inGroup.map((tender) => (
                <TenderRow key={tender.id} tender={tender} />
              ))}
            </ul>
          </section>
        )
      })}
      <LoadMore query={tenders} />
    </BuyerFrame>
  )
}

function TenderRow({ tender }: { tender: Tender }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const lots = tender.lots ?? []
  return (
    <li className="buyer-card">
      <h3>
        <Link to={`/workspace/buyer/tenders/${tender.id}`} lang={tender.language}>
          {tender.title}
        </Link>
      </h3>
      <div className="buyer-actions">
        <Badge variant="light" color={stateColor(tender.state)}>
          {t(`buyer.state.${tender.state}`)}
        </Badge>
        <span>{t(`buyer.kind.${tender.kind}`)}</span>
        <span>{t('buyer.tenders.lots', { count: lots.length })}</span>
        <span>{t('buyer.tenders.deadline', { date: formatDateTime(tender.responses_deadline, ui) })}</span>
      </div>
      {tender.state === 'changes_requested' && tender.reason ? (
        <p>
          <strong>{t('buyer.tenders.reason')}</strong> {tender.reason}
        </p>
      ) : null}
      {isEditable(tender.state) ? (
        <p>
          <Link to={`/workspace/buyer/tenders/${tender.id}/edit`}>
            {t('buyer.tenders.continueEditing')}
            <span className="visually-hidden"> – {tender.title}</span>
          </Link>
        </p>
      ) : null}
    </li>
  )
}
