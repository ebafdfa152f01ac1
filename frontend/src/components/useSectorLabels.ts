import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'

/** Labels of the sector catalogue in the reader's language; a code until they arrive. */
export function useSectorLabels(): (code: string) => string {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const sectors = useQuery({
    queryKey: ['sectors', language],
    queryFn: async () => unwrap(await api.GET('/api/v1/sectors')),
    staleTime: 3_600_000,
  })
  const labels = new Map<string, string>()
  for (const group of sectors.data?.items ?? []) {
    labels.set(group.code, group.label)
    for (const sector of group.sectors ?? []) labels.set(sector.code, sector.label)
  }
  return (code) => labels.get(code) ?? code
}
