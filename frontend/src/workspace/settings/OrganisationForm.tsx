import { Button, Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../../api/client'
import { SUPPORTED_LANGUAGES, currentLanguage } from '../../i18n'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import { firstError, useTouched } from './formState'

export type OrganisationKind = 'sse_supplier' | 'public_buyer' | 'private_buyer'
export type IdentifierKind = Schemas['IdentifierBody']['kind']

/** The EU member states where organisations may be registered (domain.EUCountries). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]

/** The legal identifiers each country registers (the others register none). */
export const IDENTIFIERS: Record<string, IdentifierKind[]> = {
  FR: ['fr_siret', 'fr_siren', 'fr_vat'],
  DE: ['de_hr', 'de_vat'],
  BE: ['be_enterprise', 'be_vat'],
  LU: ['lu_rcs', 'lu_vat'],
}

/** The Grande Région's countries name their NUTS 3 region. */
const NUTS_COUNTRIES = ['FR', 'DE', 'BE', 'LU']

/** Languages an organisation may say it works in (ISO 639-1). */
const WORK_LANGUAGES = ['fr', 'de', 'en', 'nl', 'lb', 'it', 'es', 'pt', 'pl']

/** The values of the organisation form, as the user types them. */
export interface OrganisationValues {
  kind: OrganisationKind
  country: string
  legal_name: string
  trade_name: string
  street: string
  postcode: string
  town: string
  nuts3: string
  website: string
  phone: string
  languages: string[]
  descriptions: Record<string, string>
  identifiers: Partial<Record<IdentifierKind, string>>
}

/** The form's values from an organisation as the API returns it. */
export function valuesFrom(org: Schemas['OrganisationBody']): OrganisationValues {
  return {
    kind: (org.kind === 'cluster' ? 'sse_supplier' : org.kind) as OrganisationKind,
    country: org.country,
    legal_name: org.legal_name,
    trade_name: org.trade_name ?? '',
    street: (org.street_lines ?? []).join('\n'),
    postcode: org.postcode ?? '',
    town: org.town ?? '',
    nuts3: org.nuts3 ?? '',
    website: org.website ?? '',
    phone: org.phone ?? '',
    languages: org.languages ?? [],
    descriptions: Object.fromEntries((org.descriptions ?? []).map((d) => [d.lang, d.text])),
    identifiers: Object.fromEntries((org.identifiers ?? []).map((i) => [i.kind, i.value])),
  }
}

export const EMPTY_ORGANISATION: OrganisationValues = {
  kind: 'sse_supplier',
  country: 'FR',
  legal_name: '',
  trade_name: '',
  street: '',
  postcode: '',
  town: '',
  nuts3: '',
  website: '',
  phone: '',
  languages: [],
  descriptions: {},
  identifiers: {},
}

/** The request body's fields, and where each identifier and description went (for the server's errors). */
export function toBody(v: OrganisationValues) {
  const identifierKinds = (IDENTIFIERS[v.country] ?? []).filter((k) => (v.identifiers[k] ?? '').trim() !== '')
  const descriptionLangs = SUPPORTED_LANGUAGES.filter((l) => (v.descriptions[l] ?? '').trim() !== '')
  const body = {
    country: v.country,
    legal_name: v.legal_name.trim(),
    trade_name: v.trade_name.trim(),
    street_lines: v.street
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    town: v.town.trim(),
    ...(v.postcode.trim() ? { postcode: v.postcode.trim() } : {}),
    ...(v.nuts3 ? { nuts3: v.nuts3 } : {}),
    ...(v.website.trim() ? { website: v.website.trim() } : {}),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    languages: v.languages,
    descriptions: descriptionLangs.map((lang) => ({ lang, text: (v.descriptions[lang] ?? '').trim() })),
    identifiers: identifierKinds.map((kind) => ({ kind, value: (v.identifiers[kind] ?? '').trim() })),
  }
  return { body, identifierKinds, descriptionLangs }
}

/** Names of countries or languages in the reader's language (Intl), by code. */
function displayNames(language: string, type: 'region' | 'language'): (code: string) => string {
  try {
    const names = new Intl.DisplayNames([language], { type })
    return (code) => names.of(code) ?? code
  } catch {
    return (code) => code
  }
}

interface Props {
  mode: 'create' | 'edit'
  initial: OrganisationValues
  submitLabel: string
  pending: boolean
  error: unknown
  /** Set when the last save succeeded. */
  saved?: boolean
  onSubmit: (values: OrganisationValues, sent: { identifierKinds: IdentifierKind[]; descriptionLangs: string[] }) => void
  onChange?: () => void
}

/**
 * The organisation's profile: kind (on creation), country, names, address
 * and region, legal identifiers of its country, contact, languages and the
 * descriptions in the four languages side by side. Checks what it can as the
 * user types; the server's checks (postcode per country, identifiers' check
 * digits…) come back on their fields.
 */
export function OrganisationForm({ mode, initial, submitLabel, pending, error, saved, onSubmit, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const [v, setV] = useState<OrganisationValues>(initial)
  const language = i18n.resolvedLanguage ?? currentLanguage()
  const countries = useMemo(() => {
    const name = displayNames(language, 'region')
    return EU_COUNTRIES.map((c) => ({ value: c, label: name(c) })).sort((a, b) => a.label.localeCompare(b.label, language))
  }, [language])
  const languageName = useMemo(() => displayNames(language, 'language'), [language])
  const touched = useTouched()
  const regions = useQuery({
    queryKey: ['nuts-regions', v.country],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/nuts-regions', { params: { query: { country: v.country, level: 3 } } })).items ?? [],
    enabled: NUTS_COUNTRIES.includes(v.country),
    staleTime: Infinity,
  })
  const assignable = (regions.data ?? []).filter((r) => r.assignable)

  const set = <K extends keyof OrganisationValues>(key: K, value: OrganisationValues[K]) => {
    setV((old) => ({ ...old, [key]: value }))
    touched.touch(key)
    onChange?.()
  }

  // Which server errors belong to which field: identifiers and descriptions
  // are sent as lists in a known order.
  const { identifierKinds, descriptionLangs } = toBody(v)
  const server = serverFieldErrors(error)
  const identifierError = (kind: IdentifierKind) => {
    const i = identifierKinds.indexOf(kind)
    return i < 0 ? undefined : (server[`identifiers[${i}].value`] ?? server[`identifiers[${i}]`])
  }
  const descriptionError = (lang: string) => {
    const i = descriptionLangs.indexOf(lang as (typeof SUPPORTED_LANGUAGES)[number])
    return i < 0 ? undefined : server[`descriptions[${i}].text`]
  }

  const errors = {
    legal_name: firstError(v.legal_name, rules.required(t), rules.maxLength(t, 300)),
    trade_name: firstError(v.trade_name, rules.maxLength(t, 300)),
    town: firstError(v.town, rules.required(t), rules.maxLength(t, 200)),
    street:
      v.street.split('\n').filter((l) => l.trim()).length > 3
        ? t('settings.org.tooManyLines', { max: 3 })
        : v.street.split('\n').some((l) => [...l].length > 200)
          ? t('workspace.form.tooLong', { max: 200 })
          : null,
    postcode: postcodeError(v.country, v.postcode, t),
    nuts3: assignable.length > 0 && !v.nuts3 ? t('workspace.form.required') : null,
    website: firstError(v.website, rules.maxLength(t, 300)),
  }
  const descriptionTooLong = (lang: string) => firstError(v.descriptions[lang] ?? '', rules.maxLength(t, 5000))
  const clientError = (field: keyof typeof errors) => (touched.show(field) ? errors[field] : null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (Object.values(errors).some(Boolean) || SUPPORTED_LANGUAGES.some((l) => descriptionTooLong(l))) return
    onSubmit(v, { identifierKinds, descriptionLangs })
  }
  const general = error && Object.keys(server).length === 0 ? serverMessage(error, t) : null

  return (
    <form className="settings-form settings-form-wide" onSubmit={submit} noValidate>
      {mode === 'create' ? (
        <NativeSelect
          label={t('settings.org.kind')}
          required
          value={v.kind}
          onChange={(e) => set('kind', e.currentTarget.value as OrganisationKind)}
          data={(['sse_supplier', 'public_buyer', 'private_buyer'] as const).map((k) => ({
            value: k,
            label: t(`settings.org.kinds.${k}`),
          }))}
          error={server.kind}
        />
      ) : null}
      <NativeSelect
        label={t('settings.org.country')}
        required
        value={v.country}
        onChange={(e) => {
          set('country', e.currentTarget.value)
          setV((old) => ({ ...old, nuts3: '' }))
        }}
        data={countries}
        error={server.country}
      />
      <TextInput
        label={t('settings.org.legalName')}
        required
        value={v.legal_name}
        onChange={(e) => set('legal_name', e.currentTarget.value)}
        error={fieldError(clientError('legal_name'), server, 'legal_name')}
      />
      <TextInput
        label={t('settings.org.tradeName')}
        description={t('settings.org.tradeNameHint')}
        value={v.trade_name}
        onChange={(e) => set('trade_name', e.currentTarget.value)}
        error={fieldError(clientError('trade_name'), server, 'trade_name')}
      />
      {(IDENTIFIERS[v.country] ?? []).length > 0 ? (
        <fieldset className="settings-fieldset">
          <legend>{t('settings.org.identifiers')}</legend>
          <p>{t('settings.org.identifiersHint')}</p>
          {(IDENTIFIERS[v.country] ?? []).map((kind) => (
            <TextInput
              key={kind}
              label={t(`settings.org.identifier.${kind}`)}
              value={v.identifiers[kind] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value
                setV((old) => ({ ...old, identifiers: { ...old.identifiers, [kind]: value } }))
                onChange?.()
              }}
              error={identifierError(kind)}
            />
          ))}
        </fieldset>
      ) : (
        <p>{t('settings.org.noIdentifiers')}</p>
      )}
      <fieldset className="settings-fieldset">
        <legend>{t('settings.org.address')}</legend>
        <Textarea
          label={t('settings.org.street')}
          description={t('settings.org.streetHint')}
          rows={3}
          resize="vertical"
          value={v.street}
          onChange={(e) => set('street', e.currentTarget.value)}
          error={fieldError(clientError('street'), server, 'street_lines') ?? server['street_lines[0]']}
        />
        <TextInput
          label={t('settings.org.postcode')}
          description={POSTCODE_EXAMPLES[v.country] ? t('settings.org.example', { example: POSTCODE_EXAMPLES[v.country] }) : undefined}
          value={v.postcode}
          onChange={(e) => set('postcode', e.currentTarget.value)}
          error={fieldError(clientError('postcode'), server, 'postcode')}
        />
        <TextInput
          label={t('settings.org.town')}
          required
          value={v.town}
          onChange={(e) => set('town', e.currentTarget.value)}
          error={fieldError(clientError('town'), server, 'town')}
        />
        {NUTS_COUNTRIES.includes(v.country) ? (
          <NativeSelect
            label={t('settings.org.nuts3')}
            description={t('settings.org.nuts3Hint')}
            required={assignable.length > 0}
            value={v.nuts3}
            onChange={(e) => set('nuts3', e.currentTarget.value)}
            data={[
              { value: '', label: regions.isLoading ? t('state.loading') : t('settings.org.chooseRegion') },
              ...assignable.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
            ]}
            error={fieldError(clientError('nuts3'), server, 'nuts3')}
          />
        ) : null}
      </fieldset>
      <TextInput
        label={t('settings.org.website')}
        type="url"
        description={t('settings.org.websiteHint')}
        value={v.website}
        onChange={(e) => set('website', e.currentTarget.value)}
        error={fieldError(clientError('website'), server, 'website')}
      />
      <TextInput
        label={t('settings.org.phone')}
        type="tel"
        autoComplete="tel"
        value={v.phone}
        onChange={(e) => set('phone', e.currentTarget.value)}
        error={server.phone}
      />
      <Checkbox.Group
        label={t('settings.org.languages')}
        value={v.languages}
        onChange={(value) => set('languages', value)}
        error={server.languages}
      >
        <div className="settings-actions">
          {WORK_LANGUAGES.map((l) => (
            <Checkbox key={l} value={l} label={languageName(l)} />
          ))}
        </div>
      </Checkbox.Group>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.org.descriptions')}</legend>
        <p>{t('settings.org.descriptionsHint')}</p>
        <div className="settings-descriptions">
          {SUPPORTED_LANGUAGES.map((lang) => (
            <Textarea
              key={lang}
              lang={lang}
              label={t('settings.org.descriptionIn', { language: languageName(lang) })}
              rows={6}
              resize="vertical"
              value={v.descriptions[lang] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value
                setV((old) => ({ ...old, descriptions: { ...old.descriptions, [lang]: value } }))
                touched.touch(`description-${lang}`)
                onChange?.()
              }}
              error={(touched.show(`description-${lang}`) ? descriptionTooLong(lang) : null) || descriptionError(lang)}
            />
          ))}
        </div>
      </fieldset>
      {general ? (
        <p role="alert" className="settings-error">
          {general}
        </p>
      ) : null}
      {error && Object.keys(server).length > 0 ? (
        <p role="alert" className="settings-error">
          {t('settings.form.fixErrors')}
        </p>
      ) : null}
      {saved ? <p role="status">{t('workspace.form.saved')}</p> : null}
      <div>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}

const POSTCODE_EXAMPLES: Record<string, string> = { FR: '57000', DE: '66111', BE: '6700', LU: 'L-1234' }

const POSTCODE_FORMATS: Record<string, RegExp> = {
  FR: /^\d{5}$/,
  DE: /^\d{5}$/,
  BE: /^\d{4}$/,
  LU: /^(L-?)?\d{4}$/i,
}

/** The postcode's format per country, as the server checks it (other countries: not checked here). */
function postcodeError(country: string, value: string, t: (key: 'settings.org.postcodeFormat', o: { example: string }) => string) {
  const format = POSTCODE_FORMATS[country]
  const trimmed = value.trim()
  if (!format || trimmed === '' || format.test(trimmed.replace(/\s/g, ''))) return null
  return t('settings.org.postcodeFormat', { example: POSTCODE_EXAMPLES[country] ?? '' })
}
