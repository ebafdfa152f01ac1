import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { languageName } from '../../components/format'
import { FileUpload } from '../FileUpload'
import { serverFieldErrors, serverMessage } from '../forms'
import type { MemberOrganisation } from '../organisations'
import { BASE, StateBadge, SupplierPage, centsToEuros, eurosToCents, useUiLanguage, type Offer } from './common'
import { CpvPicker } from './CpvPicker'
import { DocumentName } from './statuses'

export const LANGUAGES = ['fr', 'de', 'en', 'nl'] as const
type Lang = (typeof LANGUAGES)[number]

/** The offer form's values, as typed. */
export interface OfferValues {
  type: string
  language: Lang
  title: string
  description: string
  /** The author's translations by language (empty: none). */
  translations: Record<string, { title: string; description: string }>
  sectors: string[]
  cpv_codes: string[]
  area_mode: 'country' | 'radius' | 'regions'
  radius_km: number | string
  regions: string
  accepts_cross_border: boolean
  price_amount: string
  price_unit: string
  price_text: string
  lead_time_days: number | string
  capacity: string
  minimum_order: string
  labels: string
}

/** An empty form for a new offer written in language. */
export function emptyOffer(language: Lang): OfferValues {
  return {
    type: 'services',
    language,
    title: '',
    description: '',
    translations: {},
    sectors: [],
    cpv_codes: [],
    area_mode: 'country',
    radius_km: '',
    regions: '',
    accepts_cross_border: false,
    price_amount: '',
    price_unit: '',
    price_text: '',
    lead_time_days: '',
    capacity: '',
    minimum_order: '',
    labels: '',
  }
}

/** The form's values for an offer that exists. */
export function offerValues(offer: Offer): OfferValues {
  const translations: OfferValues['translations'] = {}
  for (const x of offer.translations ?? []) translations[x.lang] = { title: x.title, description: x.description }
  return {
    type: offer.type,
    language: offer.language,
    title: offer.title,
    description: offer.description,
    translations,
    sectors: offer.sectors ?? [],
    cpv_codes: offer.cpv_codes ?? [],
    area_mode: offer.area.mode,
    radius_km: offer.area.radius_km ?? '',
    regions: (offer.area.regions ?? []).join(', '),
    accepts_cross_border: offer.area.accepts_cross_border ?? false,
    price_amount: centsToEuros(offer.price?.amount_cents),
    price_unit: offer.price?.unit ?? '',
    price_text: offer.price?.text ?? '',
    lead_time_days: offer.lead_time_days ?? '',
    capacity: offer.capacity ?? '',
    minimum_order: offer.minimum_order ?? '',
    labels: (offer.labels ?? []).join(', '),
  }
}

const length = (s: string) => [...s].length
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')

/** The form's fields that show their own error (translations aside). */
const FIELDS_WITH_ERRORS = new Set([
  'title',
  'description',
  'sectors',
  'cpv_codes',
  'area.radius_km',
  'area.regions',
  'price.amount',
  'price.unit',
  'price.text',
  'lead_time_days',
  'capacity',
  'minimum_order',
  'labels',
])

/** The languages the offer may be translated into: all but the original. */
export function otherLanguages(original: string): Lang[] {
  return LANGUAGES.filter((l) => l !== original)
}

/**
 * Client-side errors by field (the API's limits: title 200, description
 * 10,000, translations need both texts, radius 1–1000 km, 50 regions,
 * 20 labels of 80 characters…). Fields are named as in serverFieldKey.
 */
export function validateOffer(v: OfferValues, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {}
  const req = t('workspace.form.required')
  const tooLong = (max: number) => t('workspace.form.tooLong', { max })
  if (v.title.trim() === '') e.title = req
  else if (length(v.title) > 200) e.title = tooLong(200)
  if (v.description.trim() === '') e.description = req
  else if (length(v.description) > 10000) e.description = tooLong(10000)
  for (const lang of otherLanguages(v.language)) {
    const x = v.translations[lang]
    if (!x) continue
    const hasTitle = x.title.trim() !== ''
    const hasDescription = x.description.trim() !== ''
    if (hasTitle && !hasDescription) e[`translations.${lang}.description`] = t('supplier.offerForm.translationBoth')
    if (hasDescription && !hasTitle) e[`translations.${lang}.title`] = t('supplier.offerForm.translationBoth')
    if (length(x.title) > 200) e[`translations.${lang}.title`] = tooLong(200)
    if (length(x.description) > 10000) e[`translations.${lang}.description`] = tooLong(10000)
  }
  if (v.area_mode === 'radius') {
    const r = v.radius_km
    if (r === '' || typeof r !== 'number' || r < 1 || r > 1000 || !Number.isInteger(r))
      e['area.radius_km'] = t('supplier.offerForm.radiusRange')
  }
  if (v.area_mode === 'regions') {
    const regions = list(v.regions)
    if (regions.length === 0) e['area.regions'] = req
    else if (regions.length > 50) e['area.regions'] = t('supplier.offerForm.tooMany', { max: 50 })
    else if (regions.some((r) => !/^[A-Z]{2}[A-Z0-9]{0,3}$/.test(r))) e['area.regions'] = t('supplier.offerForm.regionFormat')
  }
  if (v.sectors.length > 20) e.sectors = t('supplier.offerForm.tooMany', { max: 20 })
  if (v.cpv_codes.length > 50) e.cpv_codes = t('supplier.offerForm.tooMany', { max: 50 })
  const cents = eurosToCents(v.price_amount)
  if (cents !== null && Number.isNaN(cents)) e['price.amount'] = t('supplier.offerForm.amountFormat')
  if (length(v.price_unit) > 100) e['price.unit'] = tooLong(100)
  if (length(v.price_text) > 300) e['price.text'] = tooLong(300)
  const lead = v.lead_time_days
  if (lead !== '' && (typeof lead !== 'number' || lead < 0 || lead > 3650 || !Number.isInteger(lead)))
    e.lead_time_days = t('supplier.offerForm.leadTimeRange')
  if (length(v.capacity) > 500) e.capacity = tooLong(500)
  if (length(v.minimum_order) > 300) e.minimum_order = tooLong(300)
  const labels = list(v.labels)
  if (labels.length > 20) e.labels = t('supplier.offerForm.tooMany', { max: 20 })
  else if (labels.some((l) => length(l) > 80)) e.labels = tooLong(80)
  return e
}

/** The API body of the form (create and patch take the same fields). */
export function offerBody(v: OfferValues, forPatch: boolean) {
  const translations = otherLanguages(v.language)
    .map((lang) => ({ lang, title: v.translations[lang]?.title.trim() ?? '', description: v.translations[lang]?.description.trim() ?? '' }))
    .filter((x) => x.title !== '' || x.description !== '')
  const cents = eurosToCents(v.price_amount)
  const price = {
    ...(cents !== null && !Number.isNaN(cents) ? { amount_cents: cents, currency: 'EUR' } : {}),
    ...(v.price_unit.trim() ? { unit: v.price_unit.trim() } : {}),
    ...(v.price_text.trim() ? { text: v.price_text.trim() } : {}),
  }
  const body = {
    type: v.type as 'services',
    language: v.language,
    title: v.title.trim(),
    description: v.description,
    translations,
    sectors: v.sectors,
    cpv_codes: v.cpv_codes,
    area: {
      mode: v.area_mode,
      accepts_cross_border: v.accepts_cross_border,
      ...(v.area_mode === 'radius' && typeof v.radius_km === 'number' ? { radius_km: v.radius_km } : {}),
      ...(v.area_mode === 'regions' ? { regions: list(v.regions) } : {}),
    },
    capacity: v.capacity.trim(),
    minimum_order: v.minimum_order.trim(),
    labels: list(v.labels),
    ...(typeof v.lead_time_days === 'number' ? { lead_time_days: v.lead_time_days } : {}),
  }
  if (forPatch) {
    return { ...body, price, ...(typeof v.lead_time_days === 'number' ? {} : { clear_lead_time: true }) }
  }
  return Object.keys(price).length > 0 ? { ...body, price } : body
}

/**
 * The server's field errors under the form's field names: the sent
 * translations[i] becomes translations.<lang>; cpv_codes[3] becomes
 * cpv_codes; price.amount_cents becomes price.amount.
 */
export function serverOfferErrors(error: unknown, sent: { translations: { lang: string }[] } | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(serverFieldErrors(error))) {
    let name = field.replace(/^translations\[(\d+)\]/, (_m, i: string) => `translations.${sent?.translations[Number(i)]?.lang ?? i}`)
    name = name.replace(/^(cpv_codes|sectors|labels|area\.regions)\[\d+\].*$/, '$1')
    name = name.replace(/^price\.amount_cents$/, 'price.amount')
    out[name] ??= message
  }
  return out
}

/** /workspace/supplier/offers/new and /workspace/supplier/offers/:offerID. */
export function OfferEditPage() {
  const { t } = useTranslation()
  const { offerID } = useParams()
  return (
    <SupplierPage title={offerID ? t('supplier.offerForm.editTitle') : t('supplier.offerForm.newTitle')}>
      {(org) => (offerID ? <ExistingOffer organisation={org} offerID={offerID} /> : <OfferForm organisation={org} />)}
    </SupplierPage>
  )
}

function ExistingOffer({ organisation, offerID }: { organisation: MemberOrganisation; offerID: string }) {
  const offer = useQuery({
    queryKey: ['supplier', 'offer', offerID],
    queryFn: async () => unwrap(await api.GET('/api/v1/offers/{offerID}', { params: { path: { offerID } } })),
  })
  if (offer.isPending) return <Loading />
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
  return <OfferForm organisation={organisation} offer={offer.data} key={offer.data.id} />
}

/** The offer's state in words, with the moderator's reason when there is one. */
function OfferStateNote({ offer }: { offer: Offer }) {
  const { t } = useTranslation()
  return (
    <div className="supplier-state">
      <p>
        {t('supplier.offers.stateLabel')} <StateBadge state={offer.state} label={t(`supplier.offers.state.${offer.state}`)} />
      </p>
      <p>{t(`supplier.offers.explain.${offer.state}`)}</p>
      {offer.decision_reason && (offer.state === 'changes_requested' || offer.state === 'rejected') ? (
        <Alert color={offer.state === 'rejected' ? 'red' : 'orange'} title={t('supplier.offers.moderatorSaid')}>
          {offer.decision_reason}
        </Alert>
      ) : null}
    </div>
  )
}

/** The create/edit form: original texts beside their translations, classification, area, terms. */
export function OfferForm({ organisation, offer }: { organisation: MemberOrganisation; offer?: Offer }) {
  const { t, i18n } = useTranslation()
  const ui = useUiLanguage()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [values, setValues] = useState<OfferValues>(() =>
    offer ? offerValues(offer) : emptyOffer((LANGUAGES as readonly string[]).includes(ui) ? (ui as Lang) : 'fr'),
  )
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [sent, setSent] = useState<ReturnType<typeof offerBody> | null>(null)
  const [saved, setSaved] = useState(false)
  const allowed = offer?.allowed_actions ?? ['edit']
  const editable = !offer || allowed.includes('edit')

  const sectors = useQuery({
    queryKey: ['sectors', i18n.resolvedLanguage],
    queryFn: async () => unwrap(await api.GET('/api/v1/sectors')),
    staleTime: 3_600_000,
  })

  const invalidate = () => client.invalidateQueries({ queryKey: ['supplier'] })
  const save = useMutation({
    mutationFn: async () => {
      const body = offerBody(values, !!offer)
      setSent(body)
      if (offer) {
        return unwrap(await api.PATCH('/api/v1/offers/{offerID}', { params: { path: { offerID: offer.id } }, body }))
      }
      return unwrap(
        await api.POST('/api/v1/organisations/{orgID}/offers', {
          params: { path: { orgID: organisation.id } },
          body: body as Schemas['OfferCreateInputBody'],
        }),
      )
    },
  })
  const submit = useMutation({
    mutationFn: async (offerID: string) =>
      unwrap(await api.POST('/api/v1/offers/{offerID}/submit', { params: { path: { offerID } } })),
  })
  const action = useMutation({
    mutationFn: async (kind: 'archive' | 'delete') => {
      if (!offer) return
      if (kind === 'archive') unwrap(await api.POST('/api/v1/offers/{offerID}/archive', { params: { path: { offerID: offer.id } } }))
      else unwrap(await api.DELETE('/api/v1/offers/{offerID}', { params: { path: { offerID: offer.id } } }))
    },
    onSuccess: async (_r, kind) => {
      await invalidate()
      if (kind === 'delete') void navigate(`${BASE}/offers`)
    },
  })
  const attach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(await api.PUT('/api/v1/offers/{offerID}/documents/{documentID}', { params: { path: { offerID: offer?.id ?? '', documentID } } })),
    onSuccess: invalidate,
  })
  const detach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(await api.DELETE('/api/v1/offers/{offerID}/documents/{documentID}', { params: { path: { offerID: offer?.id ?? '', documentID } } })),
    onSuccess: invalidate,
  })
  const [confirmDelete, setConfirmDelete] = useState(false)

  const errors = validateOffer(values, t)
  const server = serverOfferErrors(save.error, sent)
  const err = (field: string) => (touched.has(field) || touched.has('*') ? errors[field] : undefined) ?? server[field]
  const touch = (field: string) => setTouched((s) => (s.has(field) ? s : new Set(s).add(field)))
  function set<K extends keyof OfferValues>(field: K, value: OfferValues[K], errorField: string = field) {
    setValues((v) => ({ ...v, [field]: value }))
    touch(errorField)
    setSaved(false)
  }
  function setTranslation(lang: string, part: 'title' | 'description', text: string) {
    setValues((v) => {
      const current = v.translations[lang] ?? { title: '', description: '' }
      return { ...v, translations: { ...v.translations, [lang]: { ...current, [part]: text } } }
    })
    touch(`translations.${lang}.title`)
    touch(`translations.${lang}.description`)
    setSaved(false)
  }

  async function persist(): Promise<Offer | null> {
    setTouched(new Set(['*']))
    if (Object.keys(validateOffer(values, t)).length > 0) return null
    try {
      const result = await save.mutateAsync()
      setSaved(true)
      return result
    } catch {
      return null
    }
  }
  async function onSave(event: React.FormEvent) {
    event.preventDefault()
    const result = await persist()
    if (!result) return
    await invalidate()
    if (!offer) void navigate(`${BASE}/offers/${result.id}`, { state: { created: true } })
  }
  async function onSubmitForModeration() {
    const result = editable ? await persist() : offer
    if (!result) return
    try {
      await submit.mutateAsync(result.id)
    } finally {
      await invalidate()
      if (!offer) void navigate(`${BASE}/offers/${result.id}`)
    }
  }

  const generalError =
    (save.isError && Object.keys(server).length === 0 ? save.error : null) ??
    (submit.isError ? submit.error : null) ??
    (action.isError ? action.error : null) ??
    (attach.isError ? attach.error : null) ??
    (detach.isError ? detach.error : null)
  const original = values.language
  // Server errors on no field of the form (the type, the language…) are listed in the alert.
  const unplaced = Object.entries(server).filter(
    ([field]) => !FIELDS_WITH_ERRORS.has(field) && !/^translations\.(fr|de|en|nl)\.(title|description)$/.test(field),
  )
  const canSubmit = !offer || allowed.includes('submit')
  const busy = save.isPending || submit.isPending || action.isPending

  const sectorData = (sectors.data?.items ?? []).map((group) => ({
    group: group.label,
    items: (group.sectors ?? []).map((s) => ({ value: s.code, label: s.label })),
  }))

  return (
    <form onSubmit={onSave} noValidate className="supplier-form">
      {offer ? <OfferStateNote offer={offer} /> : <p>{t('supplier.offerForm.intro')}</p>}
      {offer?.state === 'published' && editable ? (
        <Alert color="yellow">{t('supplier.offerForm.publishedEditWarning')}</Alert>
      ) : null}
      <fieldset disabled={!editable || busy} className="supplier-fieldset">
        <legend>{t('supplier.offerForm.about')}</legend>
        <Group grow align="start">
          <NativeSelect
            label={t('supplier.offerForm.type')}
            value={values.type}
            onChange={(e) => set('type', e.currentTarget.value)}
            data={(['supplies', 'services', 'works'] as const).map((k) => ({ value: k, label: t(`supplier.offerForm.types.${k}`) }))}
          />
          <NativeSelect
            label={t('supplier.offerForm.language')}
            description={t('supplier.offerForm.languageHint')}
            value={values.language}
            onChange={(e) => set('language', e.currentTarget.value as Lang)}
            data={LANGUAGES.map((l) => ({ value: l, label: languageName(l, ui) }))}
          />
        </Group>
      </fieldset>

      <fieldset disabled={!editable || busy} className="supplier-fieldset">
        <legend>{t('supplier.offerForm.texts')}</legend>
        <p>{t('supplier.offerForm.textsHint')}</p>
        <div className="offer-texts">
          <fieldset className="offer-text offer-text-original" lang={original}>
            <legend lang={ui}>{t('supplier.offerForm.original', { language: languageName(original, ui) })}</legend>
            <TextInput
              label={t('supplier.offerForm.titleIn', { language: languageName(original, ui) })}
              required
              maxLength={200}
              value={values.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={err('title')}
            />
            <Textarea
              label={t('supplier.offerForm.descriptionIn', { language: languageName(original, ui) })}
              description={t('supplier.offerForm.markdownHint')}
              required
              autosize
              minRows={6}
              maxLength={10000}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={err('description')}
            />
          </fieldset>
          {otherLanguages(original).map((lang) => (
            <fieldset key={lang} className="offer-text" lang={lang}>
              <legend lang={ui}>{t('supplier.offerForm.translation', { language: languageName(lang, ui) })}</legend>
              <TextInput
                label={t('supplier.offerForm.titleIn', { language: languageName(lang, ui) })}
                maxLength={200}
                value={values.translations[lang]?.title ?? ''}
                onChange={(e) => setTranslation(lang, 'title', e.currentTarget.value)}
                error={err(`translations.${lang}.title`)}
              />
              <Textarea
                label={t('supplier.offerForm.descriptionIn', { language: languageName(lang, ui) })}
                autosize
                minRows={3}
                maxLength={10000}
                value={values.translations[lang]?.description ?? ''}
                onChange={(e) => setTranslation(lang, 'description', e.currentTarget.value)}
                error={err(`translations.${lang}.description`)}
              />
            </fieldset>
          ))}
        </div>
      </fieldset>

      <fieldset disabled={!editable || busy} className="supplier-fieldset">
        <legend>{t('supplier.offerForm.classification')}</legend>
        <p>{t('supplier.offerForm.classificationHint')}</p>
        {sectors.isError ? <ErrorState error={sectors.error} onRetry={() => void sectors.refetch()} /> : null}
        <MultiSelect
          label={t('supplier.offerForm.sectors')}
          placeholder={values.sectors.length === 0 ? t('supplier.offerForm.sectorsPlaceholder') : undefined}
          searchable
          clearable
          data={sectorData}
          value={values.sectors}
          onChange={(value) => set('sectors', value)}
          error={err('sectors')}
          maxValues={20}
          nothingFoundMessage={t('supplier.offerForm.nothingFound')}
          disabled={!editable || busy}
        />
        <CpvPicker
          value={values.cpv_codes}
          onChange={(codes) => set('cpv_codes', codes)}
          error={err('cpv_codes')}
          disabled={!editable || busy}
        />
      </fieldset>

      <fieldset disabled={!editable || busy} className="supplier-fieldset">
        <legend>{t('supplier.offerForm.area')}</legend>
        <Radio.Group
          label={t('supplier.offerForm.areaMode')}
          value={values.area_mode}
          onChange={(value) => set('area_mode', value as OfferValues['area_mode'])}
        >
          <Group mt="xs">
            <Radio value="country" label={t('supplier.offerForm.areaModes.country')} />
            <Radio value="radius" label={t('supplier.offerForm.areaModes.radius')} />
            <Radio value="regions" label={t('supplier.offerForm.areaModes.regions')} />
          </Group>
        </Radio.Group>
        {values.area_mode === 'radius' ? (
          <NumberInput
            label={t('supplier.offerForm.radius')}
            description={t('supplier.offerForm.radiusHint')}
            required
            min={1}
            max={1000}
            allowDecimal={false}
            value={values.radius_km}
            onChange={(value) => set('radius_km', value, 'area.radius_km')}
            error={err('area.radius_km')}
          />
        ) : null}
        {values.area_mode === 'regions' ? (
          <TextInput
            label={t('supplier.offerForm.regions')}
            description={t('supplier.offerForm.regionsHint')}
            required
            value={values.regions}
            onChange={(e) => set('regions', e.currentTarget.value.toUpperCase(), 'area.regions')}
            error={err('area.regions')}
          />
        ) : null}
        <Checkbox
          mt="sm"
          label={t('supplier.offerForm.crossBorder')}
          checked={values.accepts_cross_border}
          onChange={(e) => set('accepts_cross_border', e.currentTarget.checked)}
        />
      </fieldset>

      <fieldset disabled={!editable || busy} className="supplier-fieldset">
        <legend>{t('supplier.offerForm.terms')}</legend>
        <Group grow align="start">
          <TextInput
            label={t('supplier.offerForm.priceAmount')}
            description={t('supplier.offerForm.priceAmountHint')}
            inputMode="decimal"
            value={values.price_amount}
            onChange={(e) => set('price_amount', e.currentTarget.value, 'price.amount')}
            error={err('price.amount')}
          />
          <TextInput
            label={t('supplier.offerForm.priceUnit')}
            maxLength={100}
            value={values.price_unit}
            onChange={(e) => set('price_unit', e.currentTarget.value, 'price.unit')}
            error={err('price.unit')}
          />
        </Group>
        <TextInput
          label={t('supplier.offerForm.priceText')}
          maxLength={300}
          value={values.price_text}
          onChange={(e) => set('price_text', e.currentTarget.value, 'price.text')}
          error={err('price.text')}
        />
        <NumberInput
          label={t('supplier.offerForm.leadTime')}
          min={0}
          max={3650}
          allowDecimal={false}
          value={values.lead_time_days}
          onChange={(value) => set('lead_time_days', value)}
          error={err('lead_time_days')}
        />
        <Textarea
          label={t('supplier.offerForm.capacity')}
          maxLength={500}
          autosize
          minRows={2}
          value={values.capacity}
          onChange={(e) => set('capacity', e.currentTarget.value)}
          error={err('capacity')}
        />
        <TextInput
          label={t('supplier.offerForm.minimumOrder')}
          maxLength={300}
          value={values.minimum_order}
          onChange={(e) => set('minimum_order', e.currentTarget.value)}
          error={err('minimum_order')}
        />
        <TextInput
          label={t('supplier.offerForm.labels')}
          description={t('supplier.offerForm.labelsHint')}
          value={values.labels}
          onChange={(e) => set('labels', e.currentTarget.value)}
          error={err('labels')}
        />
      </fieldset>

      {offer ? (
        <section aria-labelledby="offer-photos" className="supplier-fieldset">
          <h2 id="offer-photos">{t('supplier.offerForm.photos')}</h2>
          {(offer.documents ?? []).length === 0 ? (
            <p>{t('supplier.offerForm.noPhotos')}</p>
          ) : (
            <ul>
              {(offer.documents ?? []).map((doc) => (
                <li key={doc.document_id}>
                  <DocumentName docID={doc.document_id} />{' '}
                  {editable ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      loading={detach.isPending && detach.variables === doc.document_id}
                      onClick={() => detach.mutate(doc.document_id)}
                    >
                      {t('supplier.detach')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable ? (
            <FileUpload
              organisationID={organisation.id}
              purpose="offer_photo"
              label={t('supplier.offerForm.addPhoto')}
              onUploaded={(doc) => attach.mutate(doc.id)}
            />
          ) : null}
        </section>
      ) : null}

      {generalError ? (
        <Alert color="red" role="alert" title={t('supplier.offerForm.failed')}>
          {serverMessage(generalError, t)}
        </Alert>
      ) : null}
      {Object.keys(server).length > 0 ? (
        <Alert color="red" role="alert">
          {t('supplier.offerForm.fixFields')}
          {unplaced.length > 0 ? (
            <ul>
              {unplaced.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {saved && !save.isPending ? <p role="status">{t('workspace.form.saved')}</p> : null}

      <Group mt="md">
        {editable ? (
          <Button type="submit" loading={save.isPending} disabled={busy}>
            {offer ? t('supplier.offerForm.save') : t('supplier.offerForm.saveDraft')}
          </Button>
        ) : null}
        {canSubmit ? (
          <Button variant="filled" onClick={() => void onSubmitForModeration()} loading={submit.isPending} disabled={busy}>
            {t('supplier.offerForm.submit')}
          </Button>
        ) : null}
        {allowed.includes('archive') ? (
          <Button variant="outline" onClick={() => action.mutate('archive')} loading={action.isPending} disabled={busy}>
            {t('supplier.offers.archive')}
          </Button>
        ) : null}
        {offer && allowed.includes('delete') ? (
          confirmDelete ? (
            <>
              <Button color="red.9" onClick={() => action.mutate('delete')} loading={action.isPending}>
                {t('supplier.offerForm.confirmDelete')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirmDelete(false)}>
                {t('supplier.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="outline" color="red.9" onClick={() => setConfirmDelete(true)} disabled={busy}>
              {t('supplier.offerForm.delete')}
            </Button>
          )
        ) : null}
        <Link to={`${BASE}/offers`}>{t('supplier.offerForm.backToList')}</Link>
      </Group>
      {canSubmit ? <p>{t('supplier.offerForm.submitHint')}</p> : null}
    </form>
  )
}
