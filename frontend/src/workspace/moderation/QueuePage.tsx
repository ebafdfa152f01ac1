import { Badge, Group, NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { countryName, formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { QUEUE_KINDS, decisionPath, useIsOwnOrganisation, useQueue, type QueueItem } from './api'
import { FlagBadges } from './Flags'
import { formatAge } from './format'
import { LoadMore } from '../LoadMore'

/** The countries of the Grande Région, whose organisations the queue may be narrowed to. */
export const QUEUE_COUNTRIES = ['FR', 'DE', 'LU', 'BE']

/** The queue's filters as read from the address: unknown values are ignored. */
export function queueFilters(params: URLSearchParams): { kind: string; country: string } {
  const kind = params.get('kind') ?? ''
  const country = (params.get('country') ?? '').toUpperCase()
  return {
    kind: (QUEUE_KINDS as string[]).includes(kind) ? kind : '',
    country: QUEUE_COUNTRIES.includes(country) ? country : '',
  }
}

/** /workspace/moderation: what waits for a decision, oldest first. */
export function QueuePage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(t('moderation.queue.title'))
  const [params, setParams] = useSearchParams()
  const { kind, country } = queueFilters(params)
  const queue = useQueue(kind, country)
  const isOwn = useIsOwnOrganisation()
  const setFilter = (name: 'kind' | 'country', value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next, { replace: true })
  }
  const items = queue.items
  const now = Date.now()

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('moderation.queue.title')}</h2>
      <p>{t('moderation.queue.intro')}</p>
      <Group align="flex-end" mb="md" role="search" aria-label={t('moderation.queue.filters')}>
        <NativeSelect
          label={t('moderation.queue.kind')}
          value={kind}
          onChange={(event) => setFilter('kind', event.currentTarget.value)}
          data={[
            { value: '', label: t('moderation.queue.allKinds') },
            ...QUEUE_KINDS.map((value) => ({ value, label: t(`moderation.kind.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t('moderation.queue.country')}
          value={country}
          onChange={(event) => setFilter('country', event.currentTarget.value)}
          data={[
            { value: '', label: t('moderation.queue.allCountries') },
            ...QUEUE_COUNTRIES.map((value) => ({ value, label: countryName(value, language) })),
          ]}
        />
      </Group>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('moderation.queue.empty')} hint={t('moderation.queue.emptyHint')} />
      ) : (
        <>
          <ul className="moderation-list" aria-label={t('moderation.queue.listLabel')}>
            {items.map((item) => (
              <QueueRow key={`${item.kind}-${item.id}`} item={item} own={isOwn(item.organisation_id)} now={now} />
            ))}
          </ul>
          <LoadMore query={queue} />
        </>
      )}
    </section>
  )
}

function QueueRow({ item, own, now }: { item: QueueItem; own: boolean; now: number }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const flags = item.flags ?? []
  return (
    <li className="moderation-card">
      <Group gap="xs" mb={4}>
        <Badge variant="light" color="blue">
          {t(`moderation.kind.${item.kind}`)}
        </Badge>
        {item.kind === 'report' && item.target_type ? (
          <Badge variant="outline" color="gray">
            {t(`moderation.target.${item.target_type}`)}
          </Badge>
        ) : null}
        <FlagBadges flags={flags} />
        {own ? (
          <Badge variant="light" color="red">
            {t('moderation.ownOrganisation.badge')}
          </Badge>
        ) : null}
      </Group>
      <h3 className="moderation-card-title">
        <Link to={decisionPath(item)} state={{ flags }}>
          {item.title}
        </Link>
      </h3>
      <p className="moderation-meta">
        {item.organisation_name} · {countryName(item.organisation_country, language)} ·{' '}
        <time dateTime={item.submitted_at} title={formatDateTime(item.submitted_at, language)}>
          {t('moderation.queue.waiting', { age: formatAge(item.submitted_at, now, language) })}
        </time>
      </p>
      {own ? <p className="moderation-own">{t('moderation.ownOrganisation.body')}</p> : null}
    </li>
  )
}
