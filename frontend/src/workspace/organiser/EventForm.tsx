import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { FormProblem } from '../FormProblem'
import { fieldError, serverFieldErrors } from '../forms'
import {
  capacity,
  eventBody,
  LIMITS,
  newBreak,
  newSession,
  newType,
  slotCount,
  validateEvent,
  type EventValues,
  type SessionValues,
  type TypeValues,
} from './eventForm'
import { DateTimeField } from '../DateTimeField'
import { TimeZoneField } from './fields'
import { FOR_KINDS, LANGS, type EventInput, type Lang } from './types'

interface Props {
  initial: EventValues
  /** Sends the body; rejects with the API's error. */
  onSubmit: (body: EventInput) => Promise<unknown>
  pending: boolean
  error: unknown
  submitLabel: string
  onDirty?: (dirty: boolean) => void
}

/**
 * The event's fields: what it is, where and when, its sessions with their
 * breaks (and the meeting slots they make, counted as the organiser types),
 * its participation types. Each field shows its own problem as it is typed
 * and the server's about it after sending.
 */
export function EventForm({ initial, onSubmit, pending, error, submitLabel, onDirty }: Props) {
  const { t, i18n } = useTranslation()
  const [values, setValues] = useState(initial)
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const client = validateEvent(values, t)
  const server = serverFieldErrors(error)
  const err = (path: string) => fieldError(submitted || touched.has(path) ? client[path] : null, server, path)

  const update = (paths: string[], next: (v: EventValues) => EventValues) => {
    setValues((v) => next(v))
    setTouched((s) => new Set([...s, ...paths]))
    onDirty?.(true)
  }
  const set = <K extends keyof EventValues>(key: K, path: string) => (value: EventValues[K]) =>
    update([path], (v) => ({ ...v, [key]: value }))
  const setSession = (i: number, paths: string[], change: Partial<SessionValues>) =>
    update(paths, (v) => ({ ...v, sessions: v.sessions.map((s, k) => (k === i ? { ...s, ...change } : s)) }))
  const setType = (i: number, paths: string[], change: Partial<TypeValues>) =>
    update(paths, (v) => ({ ...v, types: v.types.map((ty, k) => (k === i ? { ...ty, ...change } : ty)) }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(client).length > 0) {
      // Focus the first field with a problem.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.organiser-form [aria-invalid="true"]')?.focus())
      return
    }
    onSubmit(eventBody(values)).then(
      () => onDirty?.(false),
      () => undefined,
    )
  }
  const total = capacity(values)
  const invalidCount = Object.keys(client).length
  return (
    <form className="organiser-form" onSubmit={submit} noValidate aria-busy={pending}>
      <Stack>
        <section aria-labelledby="event-about">
          <h2 id="event-about">{t('organiser.form.about')}</h2>
          <Stack>
            <TextInput
              name="name"
              label={t('organiser.form.name')}
              value={values.name}
              onChange={(e) => set('name', 'name')(e.currentTarget.value)}
              error={err('name')}
              required
            />
            <NativeSelect
              name="lang"
              label={t('organiser.form.lang')}
              description={t('organiser.form.langHint')}
              value={values.lang}
              onChange={(e) => set('lang', 'lang')(e.currentTarget.value as Lang)}
              data={LANGS.map((l) => ({ value: l, label: t(`organiser.languages.${l}`) }))}
              error={err('lang')}
            />
            <Textarea
              name="description"
              label={t('organiser.form.description')}
              value={values.description}
              onChange={(e) => set('description', 'description')(e.currentTarget.value)}
              error={err('description')}
              resize="vertical"
              rows={4}
              lang={values.lang}
            />
            <TextInput
              name="venue"
              label={t('organiser.form.venue')}
              value={values.venue}
              onChange={(e) => set('venue', 'venue')(e.currentTarget.value)}
              error={err('venue')}
              required
            />
            <TextInput
              name="address"
              label={t('organiser.form.address')}
              value={values.address}
              onChange={(e) => set('address', 'address')(e.currentTarget.value)}
              error={err('address')}
            />
            <Checkbox.Group
              label={t('organiser.form.languages')}
              description={t('organiser.form.languagesHint')}
              value={values.languages}
              onChange={(value) => set('languages', 'languages')(value as Lang[])}
              error={err('languages')}
              required
            >
              <Group mt="xs">
                {LANGS.map((l) => (
                  <Checkbox key={l} value={l} label={t(`organiser.languages.${l}`)} name="languages" />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </section>

        <section aria-labelledby="event-when">
          <h2 id="event-when">{t('organiser.form.when')}</h2>
          <Stack>
            <TimeZoneField value={values.timeZone} onChange={set('timeZone', 'time_zone')} error={err('time_zone')} />
            <div className="organiser-row">
              <TextInput
                name="tables"
                label={t('organiser.form.tables')}
                description={t('organiser.form.tablesHint', { max: LIMITS.tables[1] })}
                inputMode="numeric"
                value={values.tables}
                onChange={(e) => set('tables', 'tables')(e.currentTarget.value)}
                error={err('tables')}
                required
              />
              <TextInput
                name="request_expiry_days"
                label={t('organiser.form.expiry')}
                description={t('organiser.form.expiryHint', { max: LIMITS.expiryDays[1] })}
                inputMode="numeric"
                value={values.requestExpiryDays}
                onChange={(e) => set('requestExpiryDays', 'request_expiry_days')(e.currentTarget.value)}
                error={err('request_expiry_days')}
                required
              />
            </div>
            <DateTimeField
              legend={t('organiser.form.deadline')}
              description={t('organiser.form.deadlineHint')}
              name="registration_deadline"
              value={values.registrationDeadline}
              onChange={set('registrationDeadline', 'registration_deadline')}
              error={err('registration_deadline')}
            />
            <DateTimeField
              legend={t('organiser.form.cutoff')}
              description={t('organiser.form.cutoffHint')}
              name="cancellation_cutoff"
              value={values.cancellationCutoff}
              onChange={set('cancellationCutoff', 'cancellation_cutoff')}
              error={err('cancellation_cutoff')}
            />
          </Stack>
        </section>

        <section aria-labelledby="event-sessions">
          <h2 id="event-sessions">{t('organiser.form.sessions')}</h2>
          <p className="organiser-hint">{t('organiser.form.sessionsHint', { zone: values.timeZone })}</p>
          {err('sessions') ? <p className="organiser-error">{err('sessions')}</p> : null}
          <ol className="organiser-rows">
            {values.sessions.map((s, i) => (
              <li key={s.key}>
                <SessionFields
                  index={i}
                  session={s}
                  slots={slotCount(s, values.timeZone)}
                  tables={values.tables}
                  err={err}
                  onChange={(paths, change) => setSession(i, paths, change)}
                  onRemove={
                    values.sessions.length > 1
                      ? () => update(['sessions'], (v) => ({ ...v, sessions: v.sessions.filter((_, k) => k !== i) }))
                      : undefined
                  }
                  language={i18n.language}
                />
              </li>
            ))}
          </ol>
          <Button
            variant="outline"
            disabled={values.sessions.length >= LIMITS.sessions}
            onClick={() =>
              update([], (v) => ({ ...v, sessions: [...v.sessions, newSession(v.sessions.at(-1)?.date ?? '')] }))
            }
          >
            {t('organiser.form.addSession')}
          </Button>
          <p className="organiser-capacity" aria-live="polite">
            {t('organiser.form.capacity', {
              slots: total.slots,
              tables: values.tables.trim() || '0',
              meetings: total.meetings,
            })}
          </p>
        </section>

        <section aria-labelledby="event-types">
          <h2 id="event-types">{t('organiser.form.types')}</h2>
          <p className="organiser-hint">{t('organiser.form.typesHint')}</p>
          {err('participation_types') ? <p className="organiser-error">{err('participation_types')}</p> : null}
          <ol className="organiser-rows">
            {values.types.map((ty, i) => (
              <li key={ty.key}>
                <TypeFields
                  index={i}
                  type={ty}
                  err={err}
                  onChange={(paths, change) => setType(i, paths, change)}
                  onRemove={
                    values.types.length > 1
                      ? () => update(['participation_types'], (v) => ({ ...v, types: v.types.filter((_, k) => k !== i) }))
                      : undefined
                  }
                />
              </li>
            ))}
          </ol>
          <Button
            variant="outline"
            disabled={values.types.length >= LIMITS.types}
            onClick={() => update([], (v) => ({ ...v, types: [...v.types, newType()] }))}
          >
            {t('organiser.form.addType')}
          </Button>
        </section>

        <FormProblem error={error} fieldErrors={server} />
        {submitted && invalidCount > 0 ? (
          <Alert color="red" role="alert">
            {t('organiser.form.fix', { count: invalidCount })}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

type Err = (path: string) => string | undefined

function SessionFields({
  index,
  session: s,
  slots,
  tables,
  err,
  onChange,
  onRemove,
}: {
  index: number
  session: SessionValues
  slots: number
  tables: string
  err: Err
  onChange: (paths: string[], change: Partial<SessionValues>) => void
  onRemove: (() => void) | undefined
  language: string
}) {
  const { t } = useTranslation()
  const p = `sessions[${index}]`
  const n = index + 1
  const perTable = Number.parseInt(tables, 10)
  const dateID = useId()
  const startError = err(`${p}.starts_at`)
  return (
    <fieldset className="organiser-fieldset">
      <legend>{t('organiser.form.session', { n })}</legend>
      <Stack gap="sm">
        <TextInput
          name={`${p}.name`}
          label={t('organiser.form.sessionName')}
          description={t('organiser.form.sessionNameHint')}
          value={s.name}
          onChange={(e) => onChange([`${p}.name`], { name: e.currentTarget.value })}
          error={err(`${p}.name`)}
        />
        <div className="organiser-row">
          <TextInput
            type="date"
            id={dateID}
            name={`${p}.date`}
            label={t('organiser.form.date')}
            value={s.date}
            onChange={(e) => onChange([`${p}.starts_at`], { date: e.currentTarget.value })}
            error={startError}
            required
          />
          <TextInput
            type="time"
            name={`${p}.start`}
            label={t('organiser.form.start')}
            value={s.start}
            onChange={(e) => onChange([`${p}.starts_at`], { start: e.currentTarget.value })}
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? `${dateID}-error` : undefined}
            required
          />
          <TextInput
            type="time"
            name={`${p}.end`}
            label={t('organiser.form.end')}
            value={s.end}
            onChange={(e) => onChange([`${p}.ends_at`], { end: e.currentTarget.value })}
            error={err(`${p}.ends_at`)}
            required
          />
          <TextInput
            name={`${p}.meeting_minutes`}
            label={t('organiser.form.meetingMinutes')}
            inputMode="numeric"
            value={s.meetingMinutes}
            onChange={(e) => onChange([`${p}.meeting_minutes`], { meetingMinutes: e.currentTarget.value })}
            error={err(`${p}.meeting_minutes`)}
            required
          />
        </div>
        <p className="organiser-capacity" aria-live="polite">
          {t('organiser.form.sessionSlots', {
            count: slots,
            meetings: Number.isFinite(perTable) && perTable > 0 ? slots * perTable : 0,
          })}
        </p>
        <fieldset className="organiser-fieldset organiser-breaks">
          <legend>{t('organiser.form.breaks')}</legend>
          {s.breaks.length === 0 ? <p className="organiser-hint">{t('organiser.form.noBreaks')}</p> : null}
          {s.breaks.map((b, j) => {
            const bp = `${p}.breaks[${j}]`
            return (
              <div className="organiser-row" key={b.key}>
                <TextInput
                  type="time"
                  name={`${bp}.start`}
                  label={t('organiser.form.breakStart', { n: j + 1 })}
                  value={b.start}
                  onChange={(e) =>
                    onChange([`${bp}.starts_at`], {
                      breaks: s.breaks.map((x, k) => (k === j ? { ...x, start: e.currentTarget.value } : x)),
                    })
                  }
                  error={err(`${bp}.starts_at`)}
                  required
                />
                <TextInput
                  type="time"
                  name={`${bp}.end`}
                  label={t('organiser.form.breakEnd', { n: j + 1 })}
                  value={b.end}
                  onChange={(e) =>
                    onChange([`${bp}.ends_at`], {
                      breaks: s.breaks.map((x, k) => (k === j ? { ...x, end: e.currentTarget.value } : x)),
                    })
                  }
                  error={err(`${bp}.ends_at`)}
                  required
                />
                <Button
                  variant="subtle"
                  color="red"
                  className="organiser-remove"
                  onClick={() => onChange([], { breaks: s.breaks.filter((_, k) => k !== j) })}
                >
                  {t('organiser.form.removeBreak', { n: j + 1 })}
                </Button>
              </div>
            )
          })}
          {err(`${p}.breaks`) ? <p className="organiser-error">{err(`${p}.breaks`)}</p> : null}
          <Button
            variant="subtle"
            disabled={s.breaks.length >= LIMITS.breaks}
            onClick={() => onChange([], { breaks: [...s.breaks, newBreak()] })}
          >
            {t('organiser.form.addBreak')}
          </Button>
        </fieldset>
        {onRemove ? (
          <Group>
            <Button variant="outline" color="red" onClick={onRemove}>
              {t('organiser.form.removeSession', { n })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </fieldset>
  )
}

function TypeFields({
  index,
  type: ty,
  err,
  onChange,
  onRemove,
}: {
  index: number
  type: TypeValues
  err: Err
  onChange: (paths: string[], change: Partial<TypeValues>) => void
  onRemove: (() => void) | undefined
}) {
  const { t } = useTranslation()
  const p = `participation_types[${index}]`
  const n = index + 1
  return (
    <fieldset className="organiser-fieldset">
      <legend>{t('organiser.form.type', { n })}</legend>
      <Stack gap="sm">
        <div className="organiser-grid">
          {LANGS.map((l) => (
            <TextInput
              key={l}
              name={`${p}.names.${l}`}
              label={t(`organiser.form.typeName.${l}`)}
              lang={l}
              value={ty.names[l]}
              onChange={(e) => onChange([`${p}.names.${l}`], { names: { ...ty.names, [l]: e.currentTarget.value } })}
              error={err(`${p}.names.${l}`) ?? (l === 'fr' ? err(`${p}.names`) : undefined)}
              required
            />
          ))}
        </div>
        <div className="organiser-row">
          <NativeSelect
            name={`${p}.for_kind`}
            label={t('organiser.form.forKind')}
            value={ty.forKind}
            onChange={(e) => onChange([`${p}.for_kind`], { forKind: e.currentTarget.value as TypeValues['forKind'] })}
            data={FOR_KINDS.map((k) => ({ value: k, label: t(`organiser.forKind.${k}`) }))}
            error={err(`${p}.for_kind`)}
          />
          <TextInput
            name={`${p}.fee`}
            label={t('organiser.form.fee')}
            description={t('organiser.form.feeHint')}
            inputMode="decimal"
            value={ty.fee}
            onChange={(e) => onChange([`${p}.fee_cents`], { fee: e.currentTarget.value })}
            error={err(`${p}.fee_cents`)}
            required
          />
          <TextInput
            name={`${p}.max_delegates`}
            label={t('organiser.form.maxDelegates')}
            inputMode="numeric"
            value={ty.maxDelegates}
            onChange={(e) => onChange([`${p}.max_delegates`], { maxDelegates: e.currentTarget.value })}
            error={err(`${p}.max_delegates`)}
            required
          />
        </div>
        {onRemove ? (
          <Group>
            <Button variant="outline" color="red" onClick={onRemove}>
              {t('organiser.form.removeType', { n })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </fieldset>
  )
}
