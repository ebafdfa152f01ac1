import { Button, CloseButton, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'

export interface CpvChoice {
  code: string
  label?: string
}

/** The API's limit on CPV codes per lot. */
export const CPV_MAX = 20

interface Props {
  value: CpvChoice[]
  onChange: (value: CpvChoice[]) => void
  error?: string | undefined
}

/** Searches the CPV codes by words or digits (GET /api/v1/cpv?q=) and keeps the chosen ones. */
export function CpvPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 300)
  const results = useQuery({
    queryKey: ['cpv', debounced],
    enabled: debounced.length >= 2,
    queryFn: async () => unwrap(await api.GET('/api/v1/cpv', { params: { query: { q: debounced, limit: 8 } } })),
  })
  const chosen = new Set(value.map((c) => c.code))
  return (
    <fieldset className="buyer-fieldset">
      <legend>{t('buyer.lot.cpv')}</legend>
      {value.length > 0 ? (
        <ul className="buyer-list" aria-label={t('buyer.lot.cpvChosen')}>
          {value.map((c) => (
            <li key={c.code} className="buyer-actions">
              <span>
                <span translate="no">{c.code}</span> – {c.label ?? <CpvLabel code={c.code} />}
              </span>
              <CloseButton
                aria-label={t('buyer.lot.cpvRemove', { code: c.code })}
                onClick={() => onChange(value.filter((x) => x.code !== c.code))}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('buyer.lot.cpvNone')}</p>
      )}
      <TextInput
        type="search"
        label={t('buyer.lot.cpvSearch')}
        description={t('buyer.lot.cpvSearchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        error={error}
      />
      {debounced.length >= 2 ? (
        <div role="status" aria-live="polite">
          {results.isFetching ? <p>{t('state.loading')}</p> : null}
          {results.isSuccess && (results.data.items ?? []).length === 0 ? <p>{t('buyer.lot.cpvNoResult')}</p> : null}
        </div>
      ) : null}
      {results.isSuccess && (results.data.items ?? []).length > 0 ? (
        <ul className="buyer-list" aria-label={t('buyer.lot.cpvResults')}>
          {(results.data.items ?? []).map((item) => (
            <li key={item.code}>
              <Button
                variant="subtle"
                size="compact-sm"
                disabled={chosen.has(item.code) || value.length >= CPV_MAX}
                onClick={() => onChange([...value, { code: item.code, label: item.label }])}
              >
                {t('buyer.lot.cpvAdd', { code: item.code, label: item.label })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}

/** The label of a code chosen earlier (a saved lot names its codes only), in the reader's language. */
function CpvLabel({ code }: { code: string }) {
  const { i18n } = useTranslation()
  const label = useQuery({
    queryKey: ['cpv-code', code, i18n.resolvedLanguage],
    staleTime: Infinity,
    queryFn: async () => unwrap(await api.GET('/api/v1/cpv/{code}', { params: { path: { code } } })),
  })
  return <>{label.data?.label ?? ''}</>
}
