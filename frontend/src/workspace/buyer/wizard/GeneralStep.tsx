import { Button, Checkbox, Group, NativeSelect, Textarea, TextInput } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap } from '../../../api/client'
import { languageName } from '../../../components/format'
import { SUPPORTED_LANGUAGES } from '../../../i18n'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../../forms'
import type { Tender } from '../api'
import { deadlineProblem, fromParts, partsIn, toParts, type DateTimeParts } from '../deadlines'
import type { TenderKind } from './KindStep'
import { DateTimeField } from '../../DateTimeField'
import { FormProblem } from '../../FormProblem'

type Language = (typeof SUPPORTED_LANGUAGES)[number]

/** The API's limits (characters), as the route descriptions state them. */
export const TITLE_MAX = 200
export const DESCRIPTION_MAX = 20000
export const TOWN_MAX = 200

interface TextFields {
  title: string
  description: string
}

export interface GeneralValues {
  language: Language
  title: string
  description: string
  translations: Partial<Record<Language, TextFields>>
  placeNuts: string
  placeTown: string
  responseLanguages: string[]
  responses: DateTimeParts
  questions: DateTimeParts
  anonymous: boolean
}

function initialValues(tender: Tender | undefined, ui: Language): GeneralValues {
  if (!tender) {
    return {
      language: ui,
      title: '',
      description: '',
      translations: {},
      placeNuts: '',
      placeTown: '',
      responseLanguages: [ui],
      responses: partsIn(30 * 24 * 60),
      questions: partsIn(20 * 24 * 60),
      anonymous: false,
    }
  }
  const translations: GeneralValues['translations'] = {}
  for (const text of tender.texts ?? []) {
    if (text.language !== tender.language) translations[text.language] = { title: text.title, description: text.description ?? '' }
  }
  return {
    language: tender.language as Language,
    title: tender.title,
    description: tender.description,
    translations,
    placeNuts: tender.place_nuts,
    placeTown: tender.place_town,
    responseLanguages: tender.response_languages ?? [],
    responses: toParts(tender.responses_deadline),
    questions: toParts(tender.questions_deadline),
    anonymous: tender.buyer_anonymous,
  }
}

/**
 * The errors the form shows as the user types (for touched fields) and on
 * saving (all of them), keyed like the API's fields.
 */
export function validateGeneral(v: GeneralValues, t: (key: string, options?: Record<string, unknown>) => string, now: Date) {
  const required = rules.required(t as never)
  const errors: Record<string, string | null> = {
    title: required(v.title) ?? rules.maxLength(t as never, TITLE_MAX)(v.title),
    description: rules.maxLength(t as never, DESCRIPTION_MAX)(v.description),
    place_nuts: v.placeNuts ? null : t('workspace.form.required'),
    place_town: required(v.placeTown) ?? rules.maxLength(t as never, TOWN_MAX)(v.placeTown),
    response_languages: v.responseLanguages.length > 0 ? null : t('buyer.wizard.general.languagesRequired'),
  }
  const responses = deadlineProblem(v.responses, now)
  const questions = deadlineProblem(v.questions, now)
  errors.responses_deadline = responses ? t(`buyer.wizard.general.deadline.${responses}`) : null
  errors.questions_deadline = questions ? t(`buyer.wizard.general.deadline.${questions}`) : null
  if (!responses && !questions) {
    const r = fromParts(v.responses)
    const q = fromParts(v.questions)
    if (r && q && q.getTime() > r.getTime()) errors.questions_deadline = t('buyer.wizard.general.deadline.afterResponses')
  }
  for (const [lang, text] of Object.entries(v.translations)) {
    if (!text) continue
    errors[`translation.${lang}.title`] = required(text.title) ?? rules.maxLength(t as never, TITLE_MAX)(text.title)
    errors[`translation.${lang}.description`] = rules.maxLength(t as never, DESCRIPTION_MAX)(text.description)
  }
  return errors
}

/**
 * The server's field paths in the form's terms: create names
 * translations[i], update names texts[i] (the original first).
 */
export function mapServerErrors(raw: Record<string, string>, sentLanguages: string[], created: boolean) {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(raw)) {
    const m = /^(translations|texts)\[(\d+)\]\.(title|description)$/.exec(field)
    if (m) {
      const index = Number(m[2]) + (created ? 1 : 0)
      const lang = sentLanguages[index]
      const key = index === 0 ? m[3]! : `translation.${lang}.${m[3]}`
      out[key] ??= message
      continue
    }
    out[field] ??= message
  }
  return out
}

interface Props {
  orgID: string
  country: string
  tender: Tender | undefined
  kind: TenderKind
  submitErrors: Record<string, string>
  onDone: () => void
}

/** Step 2: texts, place, languages and deadlines; creates the draft, or saves it. */
export function GeneralStep({ orgID, country, tender, kind, submitErrors, onDone }: Props) {
  const { t, i18n } = useTranslation()
  const ui = (i18n.resolvedLanguage ?? 'en') as Language
  const client = useQueryClient()
  const navigate = useNavigate()
  const [values, setValues] = useState(() => initialValues(tender, ui))
  const [touched, setTouched] = useState<Record<string, boolean>>({})
  const [tried, setTried] = useState(false)
  const [server, setServer] = useState<Record<string, string>>(submitErrors)
  const regions = useQuery({
    queryKey: ['nuts', country],
    staleTime: Infinity,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/nuts-regions', { params: { query: country ? { country, level: 3 } : { level: 3 } } })),
    select: (page) => (page.items ?? []).filter((r) => r.assignable),
  })
  const clientErrors = validateGeneral(values, t as never, new Date())
  const show = (field: string) => fieldError(tried || touched[field] ? clientErrors[field] : null, server, field)
  const touch = (field: string) => () => setTouched((s) => ({ ...s, [field]: true }))
  const set = <K extends keyof GeneralValues>(key: K, value: GeneralValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
  }
  const otherLanguages = SUPPORTED_LANGUAGES.filter((l) => l !== values.language)
  const sentLanguages = [values.language, ...otherLanguages.filter((l) => values.translations[l])]

  const save = useMutation({
    mutationFn: async () => {
      const translations = otherLanguages
        .filter((l) => values.translations[l])
        .map((l) => ({ language: l, title: values.translations[l]!.title.trim(), description: values.translations[l]!.description }))
      const common = {
        place_nuts: values.placeNuts,
        place_town: values.placeTown.trim(),
        response_languages: values.responseLanguages,
        responses_deadline: fromParts(values.responses)!.toISOString(),
        questions_deadline: fromParts(values.questions)!.toISOString(),
        buyer_anonymous: values.anonymous,
        language: values.language,
      }
      if (!tender) {
        return unwrap(
          await api.POST('/api/v1/organisations/{orgID}/tenders', {
            params: { path: { orgID } },
            body: { ...common, kind, title: values.title.trim(), description: values.description, translations },
          }),
        )
      }
      return unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/tenders/{tenderID}', {
          params: { path: { orgID, tenderID: tender.id } },
          body: {
            ...common,
            kind,
            texts: [{ language: values.language, title: values.title.trim(), description: values.description }, ...translations],
          },
        }),
      )
    },
    onSuccess: (saved) => {
      client.setQueryData(['buyer', 'tender', saved.id], saved)
      void client.invalidateQueries({ queryKey: ['buyer', 'tenders'] })
      if (!tender) navigate(`/workspace/buyer/tenders/${saved.id}/edit?step=lots`)
      else onDone()
    },
    onError: (error) => setServer(mapServerErrors(serverFieldErrors(error), sentLanguages, !tender)),
  })

  return (
    <form
      className="buyer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        setTried(true)
        setServer({})
        if (Object.values(clientErrors).some(Boolean)) return
        save.mutate()
      }}
    >
      <NativeSelect
        label={t('buyer.wizard.general.language')}
        description={t('buyer.wizard.general.languageHint')}
        value={values.language}
        onChange={(e) => set('language', e.currentTarget.value as Language)}
        data={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: languageName(l, ui) }))}
        error={server.language}
      />
      <TextInput
        label={t('buyer.wizard.general.title')}
        required
        value={values.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        onBlur={touch('title')}
        error={show('title')}
        description={t('buyer.wizard.charCount', { count: [...values.title].length, max: TITLE_MAX })}
      />
      <Textarea
        label={t('buyer.wizard.general.description')}
        description={t('buyer.wizard.general.descriptionHint')}
        rows={5}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        onBlur={touch('description')}
        error={show('description')}
      />
      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.wizard.general.translations')}</legend>
        <p>{t('buyer.wizard.general.translationsHint')}</p>
        {otherLanguages.map((lang) => {
          const text = values.translations[lang]
          return (
            <div key={lang}>
              <Checkbox
                label={t('buyer.wizard.general.addTranslation', { language: languageName(lang, ui) })}
                checked={!!text}
                onChange={(e) => {
                  const on = e.currentTarget.checked
                  setValues((v) => ({
                    ...v,
                    translations: { ...v.translations, [lang]: on ? { title: '', description: '' } : undefined },
                  }))
                }}
              />
              {text ? (
                <div className="buyer-form" lang={lang} style={{ marginTop: '0.5rem' }}>
                  <TextInput
                    label={t('buyer.wizard.general.titleIn', { language: languageName(lang, ui) })}
                    required
                    value={text.title}
                    onChange={(e) => {
                      const title = e.currentTarget.value
                      setValues((v) => ({ ...v, translations: { ...v.translations, [lang]: { ...text, title } } }))
                    }}
                    onBlur={touch(`translation.${lang}.title`)}
                    error={show(`translation.${lang}.title`)}
                  />
                  <Textarea
                    label={t('buyer.wizard.general.descriptionIn', { language: languageName(lang, ui) })}
                    rows={3}
                    value={text.description}
                    onChange={(e) => {
                      const description = e.currentTarget.value
                      setValues((v) => ({ ...v, translations: { ...v.translations, [lang]: { ...text, description } } }))
                    }}
                    error={show(`translation.${lang}.description`)}
                  />
                </div>
              ) : null}
            </div>
          )
        })}
      </fieldset>
      <NativeSelect
        label={t('buyer.wizard.general.place')}
        description={t('buyer.wizard.general.placeHint')}
        required
        value={values.placeNuts}
        onChange={(e) => set('placeNuts', e.currentTarget.value)}
        onBlur={touch('place_nuts')}
        error={show('place_nuts') ?? (regions.isError ? serverMessage(regions.error, t) : undefined)}
        data={[
          { value: '', label: regions.isPending ? t('state.loading') : t('buyer.wizard.general.placeChoose') },
          ...(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        ]}
      />
      <TextInput
        label={t('buyer.wizard.general.town')}
        required
        value={values.placeTown}
        onChange={(e) => set('placeTown', e.currentTarget.value)}
        onBlur={touch('place_town')}
        error={show('place_town')}
      />
      <Checkbox.Group
        label={t('buyer.wizard.general.responseLanguages')}
        description={t('buyer.wizard.general.responseLanguagesHint')}
        required
        value={values.responseLanguages}
        onChange={(v) => {
          set('responseLanguages', v)
          setTouched((s) => ({ ...s, response_languages: true }))
        }}
        error={show('response_languages')}
      >
        <Group mt="xs">
          {SUPPORTED_LANGUAGES.map((l) => (
            <Checkbox key={l} value={l} label={languageName(l, ui)} />
          ))}
        </Group>
      </Checkbox.Group>
      <DeadlineFieldRow
        values={values}
        setValues={setValues}
        show={show}
        touch={touch}
      />
      <Checkbox
        label={t('buyer.wizard.general.anonymous')}
        description={t('buyer.wizard.general.anonymousHint')}
        checked={values.anonymous}
        onChange={(e) => set('anonymous', e.currentTarget.checked)}
      />
      <FormProblem error={save.error} fieldErrors={server} />
      {tried && Object.values(clientErrors).some(Boolean) ? (
        <p className="buyer-error" role="alert">
          {t('buyer.wizard.fixErrors')}
        </p>
      ) : null}
      <div className="buyer-actions">
        <Button type="submit" loading={save.isPending}>
          {tender ? t('buyer.wizard.saveContinue') : t('buyer.wizard.createDraft')}
        </Button>
      </div>
    </form>
  )
}

function DeadlineFieldRow({
  values,
  setValues,
  show,
  touch,
}: {
  values: GeneralValues
  setValues: (update: (v: GeneralValues) => GeneralValues) => void
  show: (field: string) => string | undefined
  touch: (field: string) => () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <DateTimeField
        name="responses-deadline"
        legend={t('buyer.wizard.general.responsesDeadline')}
        value={values.responses}
        onChange={(responses) => setValues((v) => ({ ...v, responses }))}
        onBlur={touch('responses_deadline')}
        error={show('responses_deadline')}
      />
      <DateTimeField
        name="questions-deadline"
        legend={t('buyer.wizard.general.questionsDeadline')}
        value={values.questions}
        onChange={(questions) => setValues((v) => ({ ...v, questions }))}
        onBlur={touch('questions_deadline')}
        error={show('questions_deadline')}
      />
    </>
  )
}

