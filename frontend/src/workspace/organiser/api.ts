// The organiser console's calls to the convention API and their queries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import type { ConventionEvent, EventInput, EventState, Meeting, MeetingRequest, RegistrationState } from './types'

const PAGE = 50

/** The events (drafts included for organisers), a page at a time, of one state or all. */
export function useEvents(state: EventState | '') {
  return useCursorList({
    queryKey: ['organiser', 'events', state],
    fetchPage: async (cursor, signal) =>
      unwrap(
        await api.GET('/api/v1/events', {
          params: { query: { limit: PAGE, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
  })
}

/** One event with its sessions, slots and participation types. */
export function useEvent(eventID: string | undefined) {
  return useQuery({
    queryKey: ['organiser', 'event', eventID],
    enabled: !!eventID,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/events/{eventID}', { params: { path: { eventID: eventID ?? '' } } })),
  })
}

/** Creates an event (a draft) or replaces one. */
export function useSaveEvent(eventID: string | undefined) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: EventInput) =>
      (eventID
        ? unwrap(await api.PUT('/api/v1/events/{eventID}', { params: { path: { eventID } }, body }))
        : unwrap(await api.POST('/api/v1/events', { body }))),
    onSuccess: async (saved) => {
      client.setQueryData(['organiser', 'event', saved.id], saved)
      await client.invalidateQueries({ queryKey: ['organiser', 'events'] })
    },
  })
}

/** Publishes or cancels an event. */
export function useEventAction(eventID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (action: 'publish' | 'cancel') =>
      (action === 'publish'
        ? unwrap(await api.POST('/api/v1/events/{eventID}/publish', { params: { path: { eventID } } }))
        : unwrap(await api.POST('/api/v1/events/{eventID}/cancel', { params: { path: { eventID } } }))),
    onSuccess: async (saved) => {
      client.setQueryData(['organiser', 'event', saved.id], saved)
      await client.invalidateQueries({ queryKey: ['organiser', 'events'] })
    },
  })
}

/** The registrations of an event, of one state or all. */
export function useRegistrations(eventID: string, state: RegistrationState | '') {
  return useCursorList({
    queryKey: ['organiser', 'registrations', eventID, state],
    fetchPage: async (cursor, signal) =>
      unwrap(
        await api.GET('/api/v1/events/{eventID}/registrations', {
          params: {
            path: { eventID },
            query: { limit: PAGE, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
  })
}

/** The last scheduler run of an event, or null before the first. */
export function useScheduleRun(eventID: string) {
  return useQuery({
    queryKey: ['organiser', 'schedule', eventID],
    queryFn: async () => {
      const result = await api.GET('/api/v1/events/{eventID}/schedule', { params: { path: { eventID } } })
      if (result.response.status === 404) return null
      return unwrap(result)
    },
  })
}

/** Runs the scheduler; the meetings and the table plan are read again after. */
export function useRunScheduler(eventID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/events/{eventID}/schedule', { params: { path: { eventID } } })),
    onSuccess: async (run) => {
      client.setQueryData(['organiser', 'schedule', eventID], run)
      await client.invalidateQueries({ queryKey: ['organiser', 'meetings', eventID] })
      await client.invalidateQueries({ queryKey: ['organiser', 'table-plan', eventID] })
    },
  })
}

/** The most meetings the grid reads (every page of them, up to this bound). */
export const MAX_GRID_MEETINGS = 5000

/**
 * Every meeting of an event (the grid shows them all at once), read page
 * after page; truncated says the bound was reached.
 */
export function useMeetings(eventID: string) {
  return useQuery({
    queryKey: ['organiser', 'meetings', eventID],
    queryFn: async () => {
      const meetings: Meeting[] = []
      let cursor = ''
      for (;;) {
        const page = unwrap(
          await api.GET('/api/v1/events/{eventID}/meetings', {
            params: { path: { eventID }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          }),
        )
        meetings.push(...(page.items ?? []))
        cursor = page.next_cursor ?? ''
        if (!cursor || meetings.length >= MAX_GRID_MEETINGS) return { meetings, truncated: !!cursor }
      }
    },
  })
}

/** The accepted meeting requests of an event by id (organisers read all), to name the parties of those left out. */
export function useAcceptedRequests(eventID: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organiser', 'accepted-requests', eventID],
    enabled,
    queryFn: async ({ signal }) => {
      const byID = new Map<string, MeetingRequest>()
      let cursor = ''
      for (;;) {
        const page = unwrap(
          await api.GET('/api/v1/events/{eventID}/meeting-requests', {
            params: { path: { eventID }, query: { state: 'accepted', limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        )
        for (const r of page.items ?? []) byID.set(r.id, r)
        cursor = page.next_cursor ?? ''
        if (!cursor || byID.size >= MAX_GRID_MEETINGS) return byID
      }
    },
  })
}

/** Locks, unlocks or moves a meeting. */
export function usePatchMeeting(eventID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ meetingID, ...body }: { meetingID: string; locked?: boolean; starts_at?: string; table?: number }) =>
      unwrap(
        await api.PATCH('/api/v1/events/{eventID}/meetings/{meetingID}', { params: { path: { eventID, meetingID } }, body }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['organiser', 'meetings', eventID] })
      await client.invalidateQueries({ queryKey: ['organiser', 'table-plan', eventID] })
    },
  })
}

/** The table plan of one slot. */
export function useTablePlan(eventID: string, startsAt: string) {
  return useQuery({
    queryKey: ['organiser', 'table-plan', eventID, startsAt],
    enabled: !!startsAt,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/events/{eventID}/table-plan', {
          params: { path: { eventID }, query: { starts_at: startsAt } },
        }),
      ),
  })
}

/** The address of the whole table plan as a PDF (the browser downloads it with the session). */
export function tablePlanPDF(eventID: string): string {
  return `/api/v1/events/${encodeURIComponent(eventID)}/table-plan.pdf`
}

/** Sends the preliminary or final agendas to every delegate; the event's agenda state follows. */
export function useSendAgendas(eventID: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (kind: 'preliminary' | 'final') =>
      unwrap(
        await api.POST('/api/v1/events/{eventID}/agendas/send', { params: { path: { eventID } }, body: { kind } }),
      ),
    onSuccess: async (sent) => {
      client.setQueryData<ConventionEvent>(['organiser', 'event', eventID], (event) =>
        event ? { ...event, agenda_state: sent.agenda_state, agenda_version: sent.agenda_version } : event,
      )
      await client.invalidateQueries({ queryKey: ['organiser', 'event', eventID] })
      await client.invalidateQueries({ queryKey: ['organiser', 'meetings', eventID] })
    },
  })
}
