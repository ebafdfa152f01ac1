import { useQueries, useQuery } from '@tanstack/react-query'
import { api, unwrap, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { isBuyer, useActiveOrganisation } from '../organisations'

export type Tender = Schemas['TenderBody']
export type Lot = Schemas['LotBody']
export type LotFields = Schemas['LotFields']
export type Clauses = Schemas['ClausesBody']
export type TenderResponse = Schemas['ResponseBody']
export type Question = Schemas['QuestionBody']

/** The buyer organisation the user acts for, or undefined when it is no buyer. */
export function useBuyerOrganisation() {
  const active = useActiveOrganisation()
  return { ...active, organisation: isBuyer(active.organisation) ? active.organisation : undefined }
}

/** Every tender of the organisation, a page at a time (oldest first, as the API sorts). */
export function useOrganisationTenders(orgID: string | undefined) {
  return useCursorList({
    queryKey: ['buyer', 'tenders', orgID],
    enabled: !!orgID,
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/tenders', {
          params: { path: { orgID: orgID ?? '' }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
}

/** One tender as its buyer sees it (drafts included). */
export function useTender(tenderID: string | undefined) {
  return useQuery({
    queryKey: ['buyer', 'tender', tenderID],
    enabled: !!tenderID,
    queryFn: async () => unwrap(await api.GET('/api/v1/tenders/{tenderID}', { params: { path: { tenderID: tenderID ?? '' } } })),
  })
}

/** An organisation's public name, for the suppliers named by id (questions, responses, matches). */
export function useOrganisationName(orgID: string | undefined) {
  return useQuery({
    queryKey: ['organisation', orgID],
    enabled: !!orgID,
    staleTime: 5 * 60_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID: orgID ?? '' } } })),
    select: (o) => o.trade_name || o.legal_name,
  })
}

/** Several organisations' names (the responders of a lot), in the order of ids, without repeats. */
export function useOrganisationNames(ids: string[]) {
  const unique = [...new Set(ids)]
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: ['organisation', id],
      staleTime: 5 * 60_000,
      queryFn: async () => unwrap(await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID: id } } })),
    })),
    combine: (results) =>
      unique.map((id, i) => {
        const o = results[i]?.data
        return { id, name: o ? o.trade_name || o.legal_name : id }
      }),
  })
}

/** The page size of the eligible-supplier preview: beyond it the count says "at least". */
export const MATCH_PREVIEW_LIMIT = 100

/**
 * The suppliers a lot would be routed to now (a preview before
 * publication): how many, "at least" when there are more than one page.
 */
export function useLotMatches(orgID: string | undefined, tenderID: string | undefined, lotID: string | undefined) {
  return useQuery({
    queryKey: ['buyer', 'matches', tenderID, lotID],
    enabled: !!orgID && !!tenderID && !!lotID,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/matches', {
          params: { path: { orgID: orgID ?? '', tenderID: tenderID ?? '', lotID: lotID ?? '' }, query: { limit: MATCH_PREVIEW_LIMIT } },
        }),
      ),
  })
}
