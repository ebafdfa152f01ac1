import { Button, MultiSelect, NativeSelect, Radio, Stack, TextInput, Textarea } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { languageName } from '../../components/format'
import { ErrorState } from '../../components/States'
import { SUPPORTED_LANGUAGES } from '../../i18n'
import { useMembers } from './api'
import { LIMITS, type AvailabilityBySession, type DelegateDraft, type SessionAvailability } from './logic'
import { formatEventDay, formatEventRange, zonedParts, zoneLabel } from './time'
import type { Session } from './types'

interface Props {
  /** The fieldset's legend ("Delegate 1"). */
  legend: string
  value: DelegateDraft
  onChange: (value: DelegateDraft) => void
  /** The errors to show now (the client's once touched, else the server's), by field. */
  errors: Record<string, string>
  onTouch: (field: string) => void
  sessions: Session[]
  timeZone: string
  organisationID: string | undefined
  /** A control at the fieldset's end (remove this delegate). */
  action?: React.ReactNode
}

/** One delegate: who they are, their event profile, and when they can meet. */
export function DelegateFields({ legend, value, onChange, errors, onTouch, sessions, timeZone, organisationID, action }: Props) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const members = useMembers(organisationID)
  const sectors = useQuery({
    queryKey: ['sectors', ui],
    queryFn: async () => unwrap(await api.GET('/api/v1/sectors')),
    staleTime: 3_600_000,
  })
  const set = <K extends keyof DelegateDraft>(field: K, v: DelegateDraft[K]) => {
    onChange({ ...value, [field]: v })
    onTouch(String(field))
  }
  const text = (field: 'name' | 'email' | 'job_title', label: string, extra: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput
      label={label}
      value={value[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      onBlur={() => onTouch(field)}
      error={errors[field]}
      maxLength={LIMITS[field] + 50}
      {...extra}
    />
  )
  const languages = SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: languageName(code, ui) }))
  const memberList = members.data?.items ?? []
  const sectorData = (sectors.data?.items ?? []).map((group) => ({
    group: group.label,
    items: (group.sectors ?? []).map((s) => ({ value: s.code, label: s.label })),
  }))
  return (
    <fieldset className="conv-fieldset">
      <legend>{legend}</legend>
      <div className="conv-row">
        {text('name', t('convention.delegate.name'), { required: true, autoComplete: 'name' })}
        {text('email', t('convention.delegate.email'), { required: true, type: 'email', autoComplete: 'email' })}
      </div>
      <div className="conv-row">
        {text('job_title', t('convention.delegate.jobTitle'), { autoComplete: 'organization-title' })}
        <NativeSelect
          label={t('convention.delegate.lang')}
          description={t('convention.delegate.langHint')}
          value={value.lang}
          onChange={(e) => set('lang', e.currentTarget.value)}
          data={languages}
        />
      </div>
      {memberList.length > 0 ? (
        <NativeSelect
          label={t('convention.delegate.account')}
          description={t('convention.delegate.accountHint')}
          value={value.user_id}
          onChange={(e) => {
            const id = e.currentTarget.value
            const member = memberList.find((m) => m.user_id === id)
            onChange({
              ...value,
              user_id: id,
              name: value.name || member?.display_name || '',
              email: value.email || member?.email || '',
            })
          }}
          error={errors.user_id}
          data={[
            { value: '', label: t('convention.delegate.noAccount') },
            ...memberList.map((m) => ({ value: m.user_id, label: `${m.display_name} (${m.email})` })),
          ]}
        />
      ) : null}
      <fieldset className="conv-fieldset">
        <legend>{t('convention.delegate.profile')}</legend>
        <p>{t('convention.delegate.profileHint')}</p>
        <Textarea
          label={t('convention.delegate.offers')}
          description={t('convention.delegate.offersHint')}
          rows={4}
          value={value.offers}
          onChange={(e) => set('offers', e.currentTarget.value)}
          onBlur={() => onTouch('offers')}
          error={errors.offers}
        />
        <Textarea
          label={t('convention.delegate.needs')}
          description={t('convention.delegate.needsHint')}
          rows={4}
          value={value.needs}
          onChange={(e) => set('needs', e.currentTarget.value)}
          onBlur={() => onTouch('needs')}
          error={errors.needs}
        />
        <NativeSelect
          label={t('convention.delegate.profileLang')}
          value={value.profile_lang}
          onChange={(e) => set('profile_lang', e.currentTarget.value)}
          data={languages}
          error={errors.profile_lang}
        />
        {sectors.isError ? <ErrorState error={sectors.error} onRetry={() => void sectors.refetch()} /> : null}
        <MultiSelect
          label={t('convention.delegate.sectors')}
          searchable
          clearable
          data={sectorData}
          value={value.sectors}
          onChange={(v) => set('sectors', v)}
          maxValues={LIMITS.sectors}
          nothingFoundMessage={t('convention.delegate.noSector')}
          error={errors.sectors}
        />
      </fieldset>
      <AvailabilityFields
        value={value.availability}
        onChange={(availability) => set('availability', availability)}
        errors={errors}
        sessions={sessions}
        timeZone={timeZone}
      />
      {action}
    </fieldset>
  )
}

/** Per session: the whole session, not at all, or time windows (wall clock in the event's zone). */
function AvailabilityFields({
  value,
  onChange,
  errors,
  sessions,
  timeZone,
}: {
  value: AvailabilityBySession
  onChange: (value: AvailabilityBySession) => void
  errors: Record<string, string>
  sessions: Session[]
  timeZone: string
}) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const id = useId()
  const allError = errors['availability.all']
  const update = (sessionID: string, next: SessionAvailability) => onChange({ ...value, [sessionID]: next })
  return (
    <fieldset className="conv-fieldset" aria-describedby={allError ? `${id}-all` : undefined}>
      <legend>{t('convention.availability.title')}</legend>
      <p>{t('convention.availability.hint', { zone: sessions[0] ? zoneLabel(sessions[0].starts_at, ui, timeZone) : timeZone })}</p>
      {sessions.map((session) => {
        const entry = value[session.id] ?? { mode: 'all', windows: [] }
        const label = `${session.name ? `${session.name}, ` : ''}${formatEventDay(session.starts_at, ui, timeZone)}, ${formatEventRange(session.starts_at, session.ends_at, ui, timeZone)}`
        return (
          <div key={session.id}>
            <Radio.Group
              label={label}
              value={entry.mode}
              onChange={(mode) =>
                update(session.id, {
                  mode: mode as SessionAvailability['mode'],
                  windows:
                    mode === 'windows' && entry.windows.length === 0
                      ? [{ from: zonedParts(session.starts_at, timeZone).time, to: zonedParts(session.ends_at, timeZone).time }]
                      : entry.windows,
                })
              }
            >
              <Stack gap={4} mt={4}>
                <Radio value="all" label={t('convention.availability.all')} />
                <Radio value="windows" label={t('convention.availability.windows')} />
                <Radio value="none" label={t('convention.availability.none')} />
              </Stack>
            </Radio.Group>
            {entry.mode === 'windows' ? (
              <ul className="conv-list">
                {entry.windows.map((window, i) => {
                  const error = errors[`availability.${session.id}.${i}`]
                  const errorID = `${id}-${session.id}-${i}`
                  const setWindow = (field: 'from' | 'to', v: string) =>
                    update(session.id, { ...entry, windows: entry.windows.map((w, j) => (j === i ? { ...w, [field]: v } : w)) })
                  return (
                    <li key={i}>
                      <div className="conv-window" role="group" aria-label={t('convention.availability.window', { n: i + 1 })}>
                        <TextInput
                          type="time"
                          label={t('convention.availability.from')}
                          value={window.from}
                          onChange={(e) => setWindow('from', e.currentTarget.value)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorID : undefined}
                        />
                        <TextInput
                          type="time"
                          label={t('convention.availability.to')}
                          value={window.to}
                          onChange={(e) => setWindow('to', e.currentTarget.value)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorID : undefined}
                        />
                        <Button
                          variant="subtle"
                          onClick={() => update(session.id, { ...entry, windows: entry.windows.filter((_, j) => j !== i) })}
                          disabled={entry.windows.length === 1}
                        >
                          {t('convention.availability.removeWindow')}
                          <span className="visually-hidden"> {t('convention.availability.window', { n: i + 1 })}</span>
                        </Button>
                      </div>
                      {error ? (
                        <p id={errorID} className="conv-error">
                          {error}
                        </p>
                      ) : null}
                    </li>
                  )
                })}
                <li>
                  <Button
                    variant="outline"
                    size="xs"
                    onClick={() => update(session.id, { ...entry, windows: [...entry.windows, { from: '', to: '' }] })}
                  >
                    {t('convention.availability.addWindow')}
                  </Button>
                </li>
              </ul>
            ) : null}
          </div>
        )
      })}
      {allError ? (
        <p id={`${id}-all`} className="conv-error" role="alert">
          {allError}
        </p>
      ) : null}
    </fieldset>
  )
}
