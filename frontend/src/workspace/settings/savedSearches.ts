import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { api, unwrap } from '../../api/client'
import { currentLanguage } from '../../i18n'

/** The query key of the saved searches. */
export const SAVED_KEY = ['me', 'saved-searches']

/** The server's limit on a saved search's name (characters). */
export const MAX_NAME = 120

/** Parameters of a search query the page names in words; others are shown as they are. */
const NAMED_PARAMS = [
  'q',
  'lang',
  'kind',
  'country',
  'nuts',
  'sector',
  'cpv',
  'status_type',
  'eligible',
  'deadline_from',
  'deadline_to',
  'cross_border',
  'near',
  'town',
  'radius_km',
  'sort',
] as const

const KINDS = ['offer', 'tender', 'supplier'] as const
const isKind = (value: string): value is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(value)
const isNamedParam = (name: string): name is (typeof NAMED_PARAMS)[number] => (NAMED_PARAMS as readonly string[]).includes(name)

/** One line per parameter of a saved query, in the reader's words: [label, values]. */
export function readableQuery(query: string, t: TFunction): [string, string][] {
  const params = new URLSearchParams(query)
  const names = [...new Set(params.keys())]
  const regions = (() => {
    try {
      return new Intl.DisplayNames([currentLanguage()], { type: 'region' })
    } catch {
      return undefined
    }
  })()
  return names.map((name) => {
    const values = params.getAll(name).map((value) => {
      if (name === 'kind' && isKind(value)) return t(`settings.saved.kinds.${value}`)
      if (name === 'country') return regions?.of(value.toUpperCase()) ?? value
      if (name === 'q') return `“${value}”`
      if (value === 'true') return t('settings.saved.yes')
      if (value === 'false') return t('settings.saved.no')
      return value
    })
    const label = isNamedParam(name) ? t(`settings.saved.params.${name}`) : name
    return [label, values.join(', ')] as [string, string]
  })
}

/** Creates a saved search; the list is re-read. */
export function useCreateSavedSearch() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (input: { name: string; query: string; alerts: boolean }) =>
      unwrap(await api.POST('/api/v1/me/saved-searches', { body: { ...input, lang: currentLanguage() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: SAVED_KEY }),
  })
}

/** The server's complaints about the query itself (body.query.<parameter>), as lines. */
export function queryErrors(fields: Record<string, string>): string[] {
  return Object.entries(fields)
    .filter(([field]) => field === 'query' || field.startsWith('query.'))
    .map(([, message]) => message)
}
