import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, unwrap } from '../../api/client'
import type {
  Agenda,
  ConventionEvent,
  Delegate,
  DelegateInput,
  DirectoryEntry,
  EventSummary,
  Exclusion,
  MeetingRequest,
  Outcome,
  Page,
  Registration,
  Suggestion,
} from './types'

// The convention's routes were not in the generated schema when this area
// was written: the calls go through the same openapi-fetch client (cookie,
// Accept-Language, problem+json) with the contract's shapes (types.ts).
interface Init {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | undefined> }
  body?: unknown
}
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>
const client = api as unknown as { GET: Call; POST: Call; PUT: Call; DELETE: Call }

async function read<T>(result: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return unwrap(await result) as T
}

/** Drops empty query values (the API reads "" as a value). */
function query(values: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>
}

/** Published events (upcoming first), a page at a time. */
export function useEvents() {
  return useInfiniteQuery({
    queryKey: ['convention', 'events'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      read<Page<EventSummary>>(client.GET('/api/v1/events', { params: { query: query({ limit: 20, cursor: pageParam }) } })),
    getNextPageParam: (page) => page.next_cursor || undefined,
  })
}

/** One event with its sessions, types and, for a member, the organisation's registration. */
export function useEvent(eventID: string | undefined) {
  return useQuery({ ...eventQuery(eventID ?? ''), enabled: !!eventID })
}

/** The query of one event (for lists that read several). */
export function eventQuery(eventID: string) {
  return {
    queryKey: ['convention', 'event', eventID],
    queryFn: () => read<ConventionEvent>(client.GET('/api/v1/events/{eventID}', { params: { path: { eventID } } })),
  }
}

/**
 * The active organisation's registration, or null when it has none; back
 * from Checkout (pollWhilePending) it is read again every few seconds until
 * the payment's webhook has confirmed it.
 */
export function useRegistration(eventID: string | undefined, options: { pollWhilePending?: boolean } = {}) {
  return useQuery({
    queryKey: ['convention', 'registration', eventID],
    enabled: !!eventID,
    queryFn: async () => {
      try {
        return await read<Registration>(client.GET('/api/v1/events/{eventID}/registration', { params: { path: { eventID: eventID ?? '' } } }))
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    refetchInterval: (q) => (options.pollWhilePending && q.state.data?.state === 'pending_payment' ? 3_000 : false),
  })
}

/** The delegates as the marketplace profile suggests them. */
export function usePrefill(eventID: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['convention', 'prefill', eventID],
    enabled: !!eventID && enabled,
    staleTime: Infinity,
    queryFn: () =>
      read<{ delegates?: Partial<DelegateInput>[] | null }>(
        client.GET('/api/v1/events/{eventID}/registration/prefill', { params: { path: { eventID: eventID ?? '' } } }),
      ),
  })
}

/** Re-reads the event and registration after a change. */
function useRefresh(eventID: string) {
  const queries = useQueryClient()
  return async () => {
    await Promise.all([
      queries.invalidateQueries({ queryKey: ['convention', 'registration', eventID] }),
      queries.invalidateQueries({ queryKey: ['convention', 'event', eventID] }),
      queries.invalidateQueries({ queryKey: ['convention', 'mine'] }),
    ])
  }
}

export function useRegister(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: (body: { participation_type_id: string; delegates: DelegateInput[] }) =>
      read<{ registration: Registration; checkout_url?: string | null }>(
        client.POST('/api/v1/events/{eventID}/registrations', { params: { path: { eventID } }, body }),
      ),
    onSuccess: refresh,
  })
}

export function useCheckout(eventID: string) {
  return useMutation({
    mutationFn: () =>
      read<{ checkout_url: string }>(client.POST('/api/v1/events/{eventID}/registration/checkout', { params: { path: { eventID } } })),
  })
}

export function useCancelRegistration(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: () => read<Registration>(client.POST('/api/v1/events/{eventID}/registration/cancel', { params: { path: { eventID } } })),
    onSuccess: refresh,
  })
}

export function useSaveDelegate(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: ({ delegateID, body }: { delegateID: string | null; body: DelegateInput }) =>
      delegateID
        ? read<Delegate>(
            client.PUT('/api/v1/events/{eventID}/registration/delegates/{delegateID}', { params: { path: { eventID, delegateID } }, body }),
          )
        : read<Delegate>(client.POST('/api/v1/events/{eventID}/registration/delegates', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRemoveDelegate(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: (delegateID: string) =>
      read<unknown>(client.DELETE('/api/v1/events/{eventID}/registration/delegates/{delegateID}', { params: { path: { eventID, delegateID } } })),
    onSuccess: refresh,
  })
}

/** Filters of the directory. */
export interface DirectoryFilters {
  q: string
  country: string
  kind: string
}

export function useDirectory(eventID: string, filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: ['convention', 'directory', eventID, filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      read<Page<DirectoryEntry>>(
        client.GET('/api/v1/events/{eventID}/delegates', {
          params: { path: { eventID }, query: query({ ...filters, limit: 30, cursor: pageParam }) },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor || undefined,
  })
}

export function useSuggestions(eventID: string, delegateID: string | undefined) {
  return useQuery({
    queryKey: ['convention', 'suggestions', eventID, delegateID],
    enabled: !!delegateID,
    queryFn: () =>
      read<{ items?: Suggestion[] | null }>(
        client.GET('/api/v1/events/{eventID}/suggestions', { params: { path: { eventID }, query: query({ delegate_id: delegateID }) } }),
      ),
  })
}

/** After anything that changes requests, exclusions or the directory's marks. */
function useRefreshMeetings(eventID: string) {
  const queries = useQueryClient()
  return async () => {
    await Promise.all(
      ['directory', 'suggestions', 'requests', 'exclusions'].map((part) =>
        queries.invalidateQueries({ queryKey: ['convention', part, eventID] }),
      ),
    )
  }
}

export function useRequestMeeting(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: (body: { from_delegate_id: string; to_delegate_id: string; priority: string; message: string }) =>
      read<MeetingRequest>(client.POST('/api/v1/events/{eventID}/meeting-requests', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRequests(eventID: string, box: 'incoming' | 'outgoing') {
  return useInfiniteQuery({
    queryKey: ['convention', 'requests', eventID, box],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      read<Page<MeetingRequest>>(
        client.GET('/api/v1/events/{eventID}/meeting-requests', {
          params: { path: { eventID }, query: query({ box, limit: 30, cursor: pageParam }) },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor || undefined,
  })
}

/** accept (with the recipient's priority), decline (with a reason) or withdraw a request. */
export function useAnswerRequest(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: ({ requestID, action, body }: { requestID: string; action: 'accept' | 'decline' | 'withdraw'; body?: unknown }) =>
      read<MeetingRequest>(
        client.POST(`/api/v1/events/{eventID}/meeting-requests/{requestID}/${action}`, {
          params: { path: { eventID, requestID } },
          ...(body ? { body } : {}),
        }),
      ),
    onSuccess: refresh,
  })
}

export function useExclusions(eventID: string) {
  return useQuery({
    queryKey: ['convention', 'exclusions', eventID],
    queryFn: () =>
      read<Page<Exclusion>>(client.GET('/api/v1/events/{eventID}/exclusions', { params: { path: { eventID } } })),
  })
}

export function useExclude(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: (body: { organisation_id: string; kind: string }) =>
      read<unknown>(client.POST('/api/v1/events/{eventID}/exclusions', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRemoveExclusion(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: (organisationID: string) =>
      read<unknown>(
        client.DELETE('/api/v1/events/{eventID}/exclusions/{organisationID}', { params: { path: { eventID, organisationID } } }),
      ),
    onSuccess: refresh,
  })
}

export function useAgenda(eventID: string, delegateID: string | undefined) {
  return useQuery({
    queryKey: ['convention', 'agenda', eventID, delegateID],
    enabled: !!delegateID,
    queryFn: () =>
      read<Agenda>(client.GET('/api/v1/events/{eventID}/agenda', { params: { path: { eventID }, query: query({ delegate_id: delegateID }) } })),
  })
}

export function useRecordOutcome(eventID: string, delegateID: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: ({ meetingID, body }: { meetingID: string; body: unknown }) =>
      read<Outcome>(client.PUT('/api/v1/events/{eventID}/meetings/{meetingID}/outcome', { params: { path: { eventID, meetingID } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['convention', 'agenda', eventID, delegateID] }),
  })
}

/** The links of a delegate's agenda files (same origin: the session cookie goes along). */
export function agendaFileURL(eventID: string, delegateID: string, kind: 'ics' | 'pdf'): string {
  return `/api/v1/events/${encodeURIComponent(eventID)}/agenda.${kind}?delegate_id=${encodeURIComponent(delegateID)}`
}

/** The members of an organisation (to link a delegate to an account). */
export function useMembers(orgID: string | undefined) {
  return useQuery({
    queryKey: ['convention', 'members', orgID],
    enabled: !!orgID,
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}/members', { params: { path: { orgID: orgID ?? '' }, query: { limit: 100 } } })),
  })
}
