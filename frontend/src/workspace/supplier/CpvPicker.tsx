import { Button, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'

/**
 * Chooses CPV codes: a search by words (in the reader's language) or by
 * the first digits of a code, its results as "add" buttons, the chosen
 * codes as a list with "remove" buttons. Plain buttons and a text field:
 * usable with the keyboard and a screen reader without a custom combobox.
 */
export function CpvPicker({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[]
  onChange: (codes: string[]) => void
  error?: string | undefined
  disabled: boolean
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q.trim(), 300)
  const results = useQuery({
    queryKey: ['supplier', 'cpv', debounced, i18n.resolvedLanguage],
    enabled: debounced.length >= 2,
    queryFn: async () => unwrap(await api.GET('/api/v1/cpv', { params: { query: { q: debounced, limit: 10 } } })).items ?? [],
  })
  const labels = useQuery({
    queryKey: ['supplier', 'cpv-labels', value.join(','), i18n.resolvedLanguage],
    enabled: value.length > 0,
    queryFn: async () => {
      const entries = await Promise.all(
        value.map(async (code) => {
          const r = await api.GET('/api/v1/cpv/{code}', { params: { path: { code } } })
          return [code, r.data?.label ?? ''] as const
        }),
      )
      return new Map(entries)
    },
    staleTime: Infinity,
  })
  const chosen = new Set(value.map((c) => c.slice(0, 8)))
  return (
    <div className="cpv-picker" role="group" aria-labelledby={`${id}-title`}>
      <Text fw={600} id={`${id}-title`}>
        {t('supplier.cpv.title')}
      </Text>
      {value.length === 0 ? (
        <Text size="sm">{t('supplier.cpv.none')}</Text>
      ) : (
        <ul aria-label={t('supplier.cpv.chosen')}>
          {value.map((code) => (
            <li key={code}>
              <span translate="no">{code}</span> {labels.data?.get(code) ?? ''}{' '}
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={disabled}
                onClick={() => onChange(value.filter((c) => c !== code))}
                aria-label={t('supplier.cpv.remove', { code })}
              >
                {t('supplier.cpv.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TextInput
        label={t('supplier.cpv.search')}
        description={t('supplier.cpv.searchHint')}
        value={q}
        disabled={disabled}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
        type="search"
      />
      {debounced.length >= 2 ? (
        <div aria-live="polite">
          {results.isFetching ? (
            <Text size="sm">{t('state.loading')}</Text>
          ) : results.isError ? (
            <Text size="sm" c="red.9">
              {t('state.errorBody')}
            </Text>
          ) : (results.data ?? []).length === 0 ? (
            <Text size="sm">{t('supplier.cpv.noResult')}</Text>
          ) : (
            <ul aria-label={t('supplier.cpv.results')}>
              {(results.data ?? []).map((cpv) => (
                <li key={cpv.code}>
                  <Button
                    size="compact-sm"
                    variant="light"
                    disabled={disabled || chosen.has(cpv.code8) || value.length >= 50}
                    onClick={() => onChange([...value, cpv.code])}
                  >
                    {t('supplier.cpv.add', { code: cpv.code, label: cpv.label })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  )
}
