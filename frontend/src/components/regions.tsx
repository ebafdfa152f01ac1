import { useQuery } from '@tanstack/react-query'
import { api, unwrap, type Schemas } from '../api/client'

type Region = Schemas['NUTSRegionBody']

/**
 * Eurostat writes the names of countries and large regions in capitals
 * ("RÉGION WALLONNE"): shown as a name is usually written ("Région Wallonne").
 */
export function regionName(name: string): string {
  if (name !== name.toUpperCase()) return name
  return name.toLowerCase().replace(/(^|[\s\-'’(/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/**
 * The NUTS regions by code (all levels, every country Passerelle has them
 * for: about a hundred), read once: they change with Eurostat's versions.
 */
export function useRegions() {
  return useQuery({
    queryKey: ['nuts-regions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/nuts-regions')),
    select: (body) => new Map((body.items ?? []).map((region): [string, Region] => [region.code, region])),
    staleTime: 24 * 3_600_000,
    gcTime: 24 * 3_600_000,
  })
}

/** The language Eurostat names a country's regions in (Wallonia's in French). */
const NAME_LANGUAGES: Record<string, string> = { FR: 'fr', DE: 'de', LU: 'lb', BE: 'fr', NL: 'nl' }

/** A region's name as people write it and its language; the code itself while unknown. */
export interface RegionLabel {
  name: string
  lang: string | undefined
}

/**
 * A NUTS code's name, for the codes the API gives (an organisation's,
 * an offer's area, a tender's place, the search's region facet); the code
 * itself while unknown (not loaded yet, regions not imported, retired code).
 */
export function useRegionNames(): (code: string) => RegionLabel {
  const regions = useRegions()
  return (code) => {
    const region = regions.data?.get(code.toUpperCase())
    return region ? { name: regionName(region.name), lang: NAME_LANGUAGES[region.country] } : { name: code, lang: undefined }
  }
}

/** A region's name, marked with its language (Eurostat's names are not translated). */
export function RegionName({ label }: { label: RegionLabel }) {
  return <span lang={label.lang}>{label.name}</span>
}
