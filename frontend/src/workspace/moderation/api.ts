import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { currentLanguage } from '../../i18n'
import { useMe } from '../../layout/AccountMenu'
import { useMyOrganisations } from '../organisations'

export type QueueItem = Schemas['ModerationQueueItem']
export type QueueKind = QueueItem['kind']
export type ReasonTemplate = Schemas['ReasonTemplateBody']
export type Report = Schemas['ReportBody']
export type SSEStatus = Schemas['SSEStatusBody']
export type AuditEntry = Schemas['AuditEntryBody']

/** The kinds of item the queue holds, in the order the filter offers them. */
export const QUEUE_KINDS: QueueKind[] = ['offer', 'tender', 'sse_status', 'report']

/** The platform role of the signed-in user: moderators and admins use this area. */
export function usePlatformRole() {
  const me = useMe()
  const role = me.data?.platform_role
  return {
    role,
    isModerator: role === 'moderator' || role === 'admin',
    isAdmin: role === 'admin',
    isLoading: me.isLoading,
  }
}

/**
 * Whether an organisation is one the moderator belongs to: the decision
 * routes answer 403 on its items (another moderator must decide).
 */
export function useIsOwnOrganisation() {
  const orgs = useMyOrganisations()
  const ids = new Set((orgs.data ?? []).map((o) => o.id))
  return (organisationID: string | undefined) => !!organisationID && ids.has(organisationID)
}

/** The queue, a page at a time, with its kind and country filters. */
export function useQueue(kind: string, country: string) {
  return useCursorList({
    queryKey: ['moderation', 'queue', kind, country, currentLanguage()],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/moderation/queue', {
          params: {
            query: queryParams({
              kind: kind || undefined,
              country: country || undefined,
              cursor: cursor,
              limit: 20,
            }),
          },
        }),
      ),
  })
}

/** The ready-made reasons, each in the moderator's language. */
export function useReasonTemplates() {
  const language = currentLanguage()
  return useQuery({
    queryKey: ['moderation', 'reason-templates', language],
    queryFn: async () => unwrap(await api.GET('/api/v1/moderation/reason-templates')).items ?? [],
    staleTime: 10 * 60_000,
  })
}

/** An organisation, as moderators see it (suspended ones too). */
export function useOrganisation(orgID: string) {
  return useQuery({
    queryKey: ['moderation', 'organisation', orgID],
    queryFn: async () => unwrap(await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID } } })),
    enabled: !!orgID,
  })
}

/** Where an item of the queue is decided, in this area. */
export function decisionPath(item: Pick<QueueItem, 'kind' | 'id' | 'organisation_id' | 'target_type' | 'target_id'>) {
  switch (item.kind) {
    case 'offer':
      return `/workspace/moderation/offers/${item.id}`
    case 'tender':
      return `/workspace/moderation/tenders/${item.id}`
    case 'sse_status':
      return `/workspace/moderation/sse-statuses/${item.organisation_id}/${item.id}`
    case 'report':
      return `/workspace/moderation/reports/${item.target_type ?? 'offer'}/${item.target_id ?? ''}/${item.id}`
  }
}
