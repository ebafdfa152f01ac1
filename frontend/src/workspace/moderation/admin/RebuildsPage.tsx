import { Alert, Badge, Button, Progress } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../../../api/client'
import { useCursorList } from '../../../api/cursorList'
import { queryParams } from '../../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../../components/States'
import { formatDateTime, formatNumber } from '../../../components/format'
import { usePageTitle } from '../../../components/usePageTitle'
import { serverMessage } from '../../forms'
import { LoadMore } from '../../LoadMore'

type Rebuild = Schemas['SearchRebuildBody']

/** Whether a rebuild has yet to end. */
export function isUnderway(rebuild: Pick<Rebuild, 'state'>) {
  return rebuild.state === 'queued' || rebuild.state === 'running'
}

/** /workspace/moderation/admin/search: search index rebuilds, and the progress of the running one (admins). */
export function RebuildsPage() {
  const { t } = useTranslation()
  usePageTitle(t('moderation.rebuilds.title'))
  const client = useQueryClient()
  const rebuilds = useCursorList({
    queryKey: ['moderation', 'rebuilds'],
    fetchPage: async (cursor) =>
      unwrap(await api.GET('/api/v1/admin/search/rebuilds', { params: { query: queryParams({ cursor: cursor, limit: 20 }) } })),
  })
  const start = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/search/rebuilds')),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['moderation', 'rebuilds'] })
    },
  })
  const items = rebuilds.items
  const underway = items.find(isUnderway)
  return (
    <section aria-labelledby="rebuilds-title">
      <h2 id="rebuilds-title">{t('moderation.rebuilds.title')}</h2>
      <p>{t('moderation.rebuilds.intro')}</p>
      <Button onClick={() => start.mutate()} loading={start.isPending} disabled={!!underway} mb="md">
        {t('moderation.rebuilds.start')}
      </Button>
      {start.isError ? (
        <Alert color="red" role="alert" mb="md" title={t('moderation.decision.refused')}>
          {serverMessage(start.error, t)}
        </Alert>
      ) : null}
      {underway ? <RunningRebuild id={underway.id} /> : null}
      {rebuilds.isPending ? (
        <Loading />
      ) : rebuilds.isError ? (
        <ErrorState error={rebuilds.error} onRetry={() => void rebuilds.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('moderation.rebuilds.empty')} />
      ) : (
        <>
          <h3>{t('moderation.rebuilds.history')}</h3>
          <ul className="moderation-list" aria-label={t('moderation.rebuilds.history')}>
            {items.map((item) => (
              <RebuildRow key={item.id} rebuild={item} />
            ))}
          </ul>
          <LoadMore query={rebuilds} />
        </>
      )}
    </section>
  )
}

/** The rebuild under way, read again every second until it ends. */
function RunningRebuild({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const client = useQueryClient()
  const rebuild = useQuery({
    queryKey: ['moderation', 'rebuild', id],
    queryFn: async () => {
      const body = unwrap(await api.GET('/api/v1/admin/search/rebuilds/{rebuildID}', { params: { path: { rebuildID: id } } }))
      if (!isUnderway(body)) await client.invalidateQueries({ queryKey: ['moderation', 'rebuilds'] })
      return body
    },
    refetchInterval: (query) => (query.state.data && !isUnderway(query.state.data) ? false : 1000),
  })
  if (!rebuild.data) return null
  const r = rebuild.data
  const percent = r.total > 0 ? Math.min(100, Math.round((r.done / r.total) * 100)) : 0
  return (
    <div className="rebuild-progress" role="status" aria-live="polite">
      <p>
        {t(`moderation.rebuilds.state.${r.state}`)} ·{' '}
        {t('moderation.rebuilds.progress', { done: formatNumber(r.done, language), total: formatNumber(r.total, language) })}
      </p>
      <Progress value={percent} aria-label={t('moderation.rebuilds.progressLabel')} animated={isUnderway(r)} />
    </div>
  )
}

function RebuildRow({ rebuild }: { rebuild: Rebuild }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const color = rebuild.state === 'succeeded' ? 'green' : rebuild.state === 'failed' ? 'red' : 'blue'
  return (
    <li className="moderation-card">
      <Badge variant="light" color={color}>
        {t(`moderation.rebuilds.state.${rebuild.state}`)}
      </Badge>{' '}
      <code translate="no">{rebuild.index}</code>
      <p className="moderation-meta">
        {t('moderation.rebuilds.created', { date: formatDateTime(rebuild.created_at, language) })}
        {rebuild.finished_at ? ` · ${t('moderation.rebuilds.finished', { date: formatDateTime(rebuild.finished_at, language) })}` : ''}
        {' · '}
        {t('moderation.rebuilds.progress', { done: formatNumber(rebuild.done, language), total: formatNumber(rebuild.total, language) })}
      </p>
      {rebuild.error ? <p className="moderation-error">{rebuild.error}</p> : null}
    </li>
  )
}
