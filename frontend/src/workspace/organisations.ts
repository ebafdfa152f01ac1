import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap, type Schemas } from '../api/client'
import { useMe } from '../layout/AccountMenu'

export type MemberOrganisation = Schemas['MemberOrganisationBody']

/** The organisations the signed-in user belongs to. */
export function useMyOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['me', 'organisations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/organisations')).items ?? [],
    enabled,
    staleTime: 60_000,
  })
}

/**
 * The organisation the user acts for: the session's active organisation
 * (PUT /api/v1/me/active-organisation), else the first one. Routes that take
 * {orgID} name it in their path; routes that act "for the organisation the
 * caller acts for" read the session's choice, so a switch goes through the
 * server (setActive), never only through local state.
 */
export function useActiveOrganisation() {
  const me = useMe()
  const orgs = useMyOrganisations(!!me.data)
  const list = orgs.data ?? []
  const active = list.find((o) => o.id === me.data?.active_organisation_id) ?? list[0]
  return {
    organisation: active,
    organisations: list,
    isLoading: me.isLoading || orgs.isLoading,
    error: me.error ?? orgs.error,
  }
}

/** Switches the organisation the session acts for; every cached answer is re-read. */
export function useSetActiveOrganisation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (organisationID: string) =>
      unwrap(await api.PUT('/api/v1/me/active-organisation', { body: { organisation_id: organisationID } })),
    onSuccess: async () => {
      await client.invalidateQueries()
    },
  })
}

/** The kinds of organisation that buy (post tenders). */
export function isBuyer(org: MemberOrganisation | undefined): boolean {
  return org?.kind === 'public_buyer' || org?.kind === 'private_buyer'
}

/** SSE suppliers publish offers and answer tenders. */
export function isSupplier(org: MemberOrganisation | undefined): boolean {
  return org?.kind === 'sse_supplier'
}
