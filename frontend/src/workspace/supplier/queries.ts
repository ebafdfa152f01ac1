import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'

// The supplier area's reads. Keys start with 'supplier' so that a change
// invalidates only what it touches; labels follow the interface language.

/** The organisation's SSE statuses (every state: members see them all). */
export function useStatuses(orgID: string) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['supplier', orgID, 'statuses', i18n.resolvedLanguage],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}/sse-statuses', { params: { path: { orgID } } })).items ?? [],
  })
}

/** The organisation's offers in one state (or all), a page at a time. */
export function useOffers(orgID: string, state: string) {
  return useCursorList({
    queryKey: ['supplier', orgID, 'offers', state],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/offers', {
          params: {
            path: { orgID },
            query: queryParams({ state: state as 'draft', cursor, limit: 20 }),
          },
        }),
      ),
  })
}

/** The needs routed to the organisation, optionally by answer, a page at a time. */
export function useNeeds(orgID: string, answer: string, limit = 20) {
  const { i18n } = useTranslation()
  return useCursorList({
    queryKey: ['supplier', orgID, 'needs', answer, limit, i18n.resolvedLanguage],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/needs', {
          params: {
            path: { orgID },
            query: queryParams({ answer: answer as 'unanswered', cursor, limit }),
          },
        }),
      ),
  })
}

/** The organisation's responses, oldest first, a page at a time. */
export function useResponses(orgID: string, limit = 50) {
  return useCursorList({
    queryKey: ['supplier', orgID, 'responses', limit],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/responses', {
          params: { path: { orgID }, query: queryParams({ cursor, limit }) },
        }),
      ),
  })
}

/** A tender as a signed-in supplier reads it (with its lots' eligibility). */
export function useTender(tenderID: string | undefined) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['supplier', 'tender', tenderID, i18n.resolvedLanguage],
    enabled: !!tenderID,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenders/{tenderID}', { params: { path: { tenderID: tenderID ?? '' } } })),
  })
}

/** A document's record (its file name and size). */
export function useDocument(docID: string) {
  return useQuery({
    queryKey: ['supplier', 'document', docID],
    queryFn: async () => unwrap(await api.GET('/api/v1/documents/{docID}', { params: { path: { docID } } })),
    staleTime: Infinity,
  })
}
