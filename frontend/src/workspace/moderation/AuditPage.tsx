import { Anchor, Button, Group, SimpleGrid, TextInput } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { fieldError, serverFieldErrors } from '../forms'
import type { AuditEntry } from './api'
import {
  AUDIT_FILTER_MAX,
  auditChanges,
  auditDatesReversed,
  auditExportURL,
  auditFiltersFrom,
  auditQuery,
  auditSearchParams,
  auditValue,
  type AuditFilters,
} from './audit'
import { LoadMore } from '../LoadMore'

const TEXT_FILTERS = ['action', 'subject_type', 'subject_id', 'actor', 'organisation'] as const

/** /workspace/moderation/audit: who did what and when, filtered, with a CSV export of the same entries. */
export function AuditPage() {
  const { t } = useTranslation()
  usePageTitle(t('moderation.audit.title'))
  const [params, setParams] = useSearchParams()
  const applied = auditFiltersFrom(params)
  const [draft, setDraft] = useState<AuditFilters>(applied)
  // A link to other filters (an actor's entries) lands on this same page: the fields follow the address.
  const address = params.toString()
  useEffect(() => setDraft(auditFiltersFrom(new URLSearchParams(address))), [address])
  const query = auditQuery(applied)
  const entries = useCursorList({
    queryKey: ['moderation', 'audit', query],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/admin/audit', {
          params: { query: queryParams({ ...query, cursor: cursor, limit: 20 }) },
        }),
      ),
  })
  const server = serverFieldErrors(entries.error)
  const clientError = (name: (typeof TEXT_FILTERS)[number]) =>
    [...draft[name]].length > AUDIT_FILTER_MAX[name] ? t('workspace.form.tooLong', { max: AUDIT_FILTER_MAX[name] }) : null
  const reversed = auditDatesReversed(draft)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (reversed || TEXT_FILTERS.some((name) => clientError(name))) return
    setParams(auditSearchParams(draft))
  }
  const onClear = () => {
    const empty = auditFiltersFrom(new URLSearchParams())
    setDraft(empty)
    setParams({})
  }
  const set = (name: keyof AuditFilters) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [name]: event.currentTarget.value })
  const items = entries.items
  const hasServerFieldErrors = Object.keys(server).length > 0

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('moderation.audit.title')}</h2>
      <p>{t('moderation.audit.intro')}</p>
      <form onSubmit={onSubmit} noValidate aria-label={t('moderation.audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="md">
          {TEXT_FILTERS.map((name) => (
            <TextInput
              key={name}
              label={t(`moderation.audit.filter.${name}`)}
              description={t(`moderation.audit.filterHint.${name}`)}
              value={draft[name]}
              onChange={set(name)}
              error={fieldError(clientError(name), server, name)}
            />
          ))}
          <TextInput type="date" label={t('moderation.audit.filter.from')} value={draft.from} onChange={set('from')} error={server.from} />
          <TextInput
            type="date"
            label={t('moderation.audit.filter.to')}
            value={draft.to}
            onChange={set('to')}
            error={reversed ? t('moderation.audit.reversed') : server.to}
          />
        </SimpleGrid>
        <Group mb="md">
          <Button type="submit">{t('moderation.audit.apply')}</Button>
          <Button variant="default" onClick={onClear}>
            {t('moderation.audit.clear')}
          </Button>
          <Anchor href={auditExportURL(applied)} download>
            {t('moderation.audit.export')}
          </Anchor>
        </Group>
      </form>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError && !hasServerFieldErrors ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.isError ? (
        <p role="alert">{t('moderation.audit.badFilters')}</p>
      ) : items.length === 0 ? (
        <Empty title={t('moderation.audit.empty')} hint={t('moderation.audit.emptyHint')} />
      ) : (
        <>
          <ol className="moderation-list" aria-label={t('moderation.audit.listLabel')}>
            {items.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </ol>
          <LoadMore query={entries} />
        </>
      )}
    </section>
  )
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const changes = auditChanges(
    entry.before as Record<string, unknown> | undefined,
    entry.after as Record<string, unknown> | undefined,
  )
  return (
    <li className="moderation-card audit-entry">
      <p className="audit-head">
        <time dateTime={entry.occurred_at}>{formatDateTime(entry.occurred_at, language)}</time> ·{' '}
        <code translate="no">{entry.action}</code>
      </p>
      <p className="moderation-meta">
        {t('moderation.audit.subject')} <span translate="no">{entry.subject_type}</span>{' '}
        <SubjectLink type={entry.subject_type} id={entry.subject_id} /> ·{' '}
        {entry.actor_kind === 'system' ? (
          t('moderation.audit.bySystem')
        ) : (
          <>
            {t('moderation.audit.byUser')}{' '}
            <Link to={`/workspace/moderation/audit?actor=${encodeURIComponent(entry.actor_user_id ?? '')}`}>
              <code>{entry.actor_user_id}</code>
            </Link>
          </>
        )}
        {entry.organisation_id ? (
          <>
            {' '}
            · {t('moderation.audit.organisation')}{' '}
            <Link to={`/workspace/moderation/organisations/${entry.organisation_id}`}>
              <code>{entry.organisation_id}</code>
            </Link>
          </>
        ) : null}
      </p>
      {changes.length > 0 ? (
        <ul className="audit-diff" aria-label={t('moderation.audit.changes')}>
          {changes.map((change) => (
            <li key={change.field}>
              <code translate="no">{change.field}</code>{' '}
              {'before' in change ? (
                <del title={auditValue(change.before)}>
                  <span className="visually-hidden">{t('moderation.audit.before')} </span>
                  {shorten(auditValue(change.before))}
                </del>
              ) : null}
              {'before' in change && 'after' in change ? ' → ' : null}
              {'after' in change ? (
                <ins title={auditValue(change.after)}>
                  <span className="visually-hidden">{t('moderation.audit.after')} </span>
                  {shorten(auditValue(change.after))}
                </ins>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** A long value cut for the list; the whole of it is in the element's title. */
function shorten(text: string, max = 160): string {
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text
}

/** The subject of an entry, linked to where a moderator looks at it (offers, tenders, organisations). */
function SubjectLink({ type, id }: { type: string; id: string }) {
  const path =
    type === 'offer'
      ? `/workspace/moderation/offers/${id}`
      : type === 'tender'
        ? `/workspace/moderation/tenders/${id}`
        : type === 'organisation'
          ? `/workspace/moderation/organisations/${id}`
          : ''
  return path ? (
    <Link to={path}>
      <code>{id}</code>
    </Link>
  ) : (
    <code>{id}</code>
  )
}
