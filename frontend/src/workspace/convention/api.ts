import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import type { DelegateInput } from './types'

/** The body of PUT …/meetings/{meetingID}/outcome. */
export interface OutcomeInput {
  outcome: 'held' | 'no_show' | 'follow_up' | 'deal'
  amount_cents?: number
  currency: string
  note: string
}

/** The cursor of a page to ask for ("" for the first: not sent). */
const cursorParam = (cursor: string) => (cursor ? { cursor } : {})

/**
 * Published events (upcoming first), a page at a time: asked for by state,
 * as the API lists organisers' drafts too by default.
 */
export function useEvents() {
  return useCursorList({
    queryKey: ['convention', 'events'],
    fetchPage: async (cursor, signal) =>
      unwrap(await api.GET('/api/v1/events', { params: { query: { state: 'published', limit: 20, ...cursorParam(cursor) } }, signal })),
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
    queryFn: async () => unwrap(await api.GET('/api/v1/events/{eventID}', { params: { path: { eventID } } })),
  }
}

/**
 * The active organisation's registration (the live one, else the latest
 * cancelled), or null when it never registered; back from Checkout
 * (pollWhilePending) it is read again every few seconds until the
 * payment's webhook has confirmed it.
 */
export function useRegistration(eventID: string | undefined, options: { pollWhilePending?: boolean } = {}) {
  return useQuery({
    queryKey: ['convention', 'registration', eventID],
    enabled: !!eventID,
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/events/{eventID}/registration', { params: { path: { eventID: eventID ?? '' } } }))
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
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/events/{eventID}/registration/prefill', { params: { path: { eventID: eventID ?? '' } } })),
  })
}

/** Re-reads the event and registration after a change. */
function useRefresh(eventID: string) {
  const queries = useQueryClient()
  return async () => {
    await Promise.all([
      queries.invalidateQueries({ queryKey: ['convention', 'registration', eventID] }),
      queries.invalidateQueries({ queryKey: ['convention', 'event', eventID] }),
    ])
  }
}

export function useRegister(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: async (body: { participation_type_id: string; delegates: DelegateInput[] }) =>
      unwrap(await api.POST('/api/v1/events/{eventID}/registrations', { params: { path: { eventID } }, body })),
    // Also on an error: when Stripe's Checkout could not be created (503),
    // the registration exists, waiting for its payment, and the page then
    // offers to pay (POST …/registration/checkout).
    onSettled: refresh,
  })
}

/** A new Checkout for a registration waiting for its payment. */
export function useCheckout(eventID: string) {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/events/{eventID}/registration/checkout', { params: { path: { eventID } } })),
  })
}

export function useCancelRegistration(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/events/{eventID}/registration/cancel', { params: { path: { eventID } } })),
    onSuccess: refresh,
  })
}

/** Edits a delegate (delegateID) or adds one (null). */
export function useSaveDelegate(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: async ({ delegateID, body }: { delegateID: string | null; body: DelegateInput }) =>
      delegateID
        ? unwrap(
            await api.PUT('/api/v1/events/{eventID}/registration/delegates/{delegateID}', { params: { path: { eventID, delegateID } }, body }),
          )
        : unwrap(await api.POST('/api/v1/events/{eventID}/registration/delegates', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRemoveDelegate(eventID: string) {
  const refresh = useRefresh(eventID)
  return useMutation({
    mutationFn: async (delegateID: string) =>
      unwrap(await api.DELETE('/api/v1/events/{eventID}/registration/delegates/{delegateID}', { params: { path: { eventID, delegateID } } })),
    onSuccess: refresh,
  })
}

/** Filters of the directory. */
export interface DirectoryFilters {
  q: string
  country: string
  kind: '' | 'sse_supplier' | 'public_buyer' | 'private_buyer'
}

export function useDirectory(eventID: string, filters: DirectoryFilters) {
  return useCursorList({
    queryKey: ['convention', 'directory', eventID, filters],
    fetchPage: async (cursor, signal) =>
      unwrap(
        await api.GET('/api/v1/events/{eventID}/delegates', {
          params: {
            path: { eventID },
            query: {
              limit: 30,
              ...cursorParam(cursor),
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.country ? { country: filters.country } : {}),
              ...(filters.kind ? { kind: filters.kind } : {}),
            },
          },
          signal,
        }),
      ),
  })
}

export function useSuggestions(eventID: string, delegateID: string | undefined) {
  return useQuery({
    queryKey: ['convention', 'suggestions', eventID, delegateID],
    enabled: !!delegateID,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/events/{eventID}/suggestions', { params: { path: { eventID }, query: { delegate_id: delegateID ?? '' } } }),
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
    mutationFn: async (body: { from_delegate_id: string; to_delegate_id: string; priority: 'must_meet' | 'would_like'; message: string }) =>
      unwrap(await api.POST('/api/v1/events/{eventID}/meeting-requests', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRequests(eventID: string, box: 'incoming' | 'outgoing') {
  return useCursorList({
    queryKey: ['convention', 'requests', eventID, box],
    fetchPage: async (cursor, signal) =>
      unwrap(
        await api.GET('/api/v1/events/{eventID}/meeting-requests', {
          params: { path: { eventID }, query: { box, limit: 30, ...cursorParam(cursor) } },
          signal,
        }),
      ),
  })
}

/** What the recipient (accept, decline) or the sender (withdraw) does with a request. */
export type RequestAnswer =
  | { requestID: string; action: 'accept'; priority: 'must_meet' | 'would_like' | 'ok' }
  | { requestID: string; action: 'decline'; reason: string }
  | { requestID: string; action: 'withdraw' }

export function useAnswerRequest(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: async (answer: RequestAnswer) => {
      const path = { eventID, requestID: answer.requestID }
      switch (answer.action) {
        case 'accept':
          return unwrap(
            await api.POST('/api/v1/events/{eventID}/meeting-requests/{requestID}/accept', {
              params: { path },
              body: { priority: answer.priority },
            }),
          )
        case 'decline':
          return unwrap(
            await api.POST('/api/v1/events/{eventID}/meeting-requests/{requestID}/decline', {
              params: { path },
              body: answer.reason ? { reason: answer.reason } : {},
            }),
          )
        case 'withdraw':
          return unwrap(await api.POST('/api/v1/events/{eventID}/meeting-requests/{requestID}/withdraw', { params: { path } }))
      }
    },
    onSuccess: refresh,
  })
}

/** The organisations my organisation set aside at the event (the API lists them whole). */
export function useExclusions(eventID: string) {
  return useQuery({
    queryKey: ['convention', 'exclusions', eventID],
    queryFn: async () => unwrap(await api.GET('/api/v1/events/{eventID}/exclusions', { params: { path: { eventID } } })),
  })
}

export function useExclude(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: async (body: { organisation_id: string; kind: 'met_before' | 'no_thanks' }) =>
      unwrap(await api.POST('/api/v1/events/{eventID}/exclusions', { params: { path: { eventID } }, body })),
    onSuccess: refresh,
  })
}

export function useRemoveExclusion(eventID: string) {
  const refresh = useRefreshMeetings(eventID)
  return useMutation({
    mutationFn: async (organisationID: string) =>
      unwrap(await api.DELETE('/api/v1/events/{eventID}/exclusions/{organisationID}', { params: { path: { eventID, organisationID } } })),
    onSuccess: refresh,
  })
}

export function useAgenda(eventID: string, delegateID: string | undefined) {
  return useQuery({
    queryKey: ['convention', 'agenda', eventID, delegateID],
    enabled: !!delegateID,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/events/{eventID}/agenda', { params: { path: { eventID }, query: { delegate_id: delegateID ?? '' } } })),
  })
}

export function useRecordOutcome(eventID: string, delegateID: string) {
  const queries = useQueryClient()
  return useMutation({
    mutationFn: async ({ meetingID, body }: { meetingID: string; body: OutcomeInput }) =>
      unwrap(await api.PUT('/api/v1/events/{eventID}/meetings/{meetingID}/outcome', { params: { path: { eventID, meetingID } }, body })),
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
