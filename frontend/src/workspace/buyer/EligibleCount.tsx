import { Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { serverMessage } from '../forms'
import { MATCH_PREVIEW_LIMIT, useLotMatches } from './api'

/**
 * The number of verified suppliers a lot would be sent to now, with what
 * it means: a preview of the routing, re-read after each save of the lot.
 */
export function EligibleCount({ orgID, tenderID, lotID }: { orgID: string; tenderID: string; lotID: string }) {
  const { t } = useTranslation()
  const matches = useLotMatches(orgID, tenderID, lotID)
  let text: string
  if (matches.isPending) text = t('buyer.matches.counting')
  else if (matches.isError) text = t('buyer.matches.failed', { reason: serverMessage(matches.error, t) })
  else {
    const count = matches.data.items?.length ?? 0
    text = matches.data.next_cursor
      ? t('buyer.matches.atLeast', { count: MATCH_PREVIEW_LIMIT })
      : count === 0
        ? t('buyer.matches.none')
        : t('buyer.matches.count', { count })
  }
  return (
    <div className="buyer-matches">
      <p role="status" aria-live="polite" data-testid="eligible-count">
        {matches.isFetching ? <Loader size="xs" aria-hidden="true" mr="xs" /> : null}
        <strong>{text}</strong>
      </p>
      <p className="buyer-explain-inline">{t('buyer.matches.explain')}</p>
    </div>
  )
}
