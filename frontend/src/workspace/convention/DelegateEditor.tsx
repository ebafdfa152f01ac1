import { Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { serverFieldErrors } from '../forms'
import { FormProblem } from '../FormProblem'
import { useSaveDelegate } from './api'
import { DelegateFields } from './DelegateFields'
import { delegateErrors, delegateInput, delegateServerErrors, draftFrom, type DelegateDraft } from './logic'
import type { Delegate, DelegateInput, Session } from './types'

/**
 * The errors to show: the client's on fields touched (or all once the form
 * was sent), else the server's for that field.
 */
export function visibleErrors(
  client: Record<string, string>,
  server: Record<string, string>,
  shown: (field: string) => boolean,
): Record<string, string> {
  const out: Record<string, string> = { ...server }
  for (const [field, message] of Object.entries(client)) if (shown(field)) out[field] = message
  return out
}

/** Fields touched by the user, for errors shown as they type. */
export function useTouched() {
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [tried, setTried] = useState(false)
  return {
    tried,
    setTried,
    touch: (field: string) => setTouched((s) => (s.has(field) ? s : new Set(s).add(field))),
    shown: (field: string) =>
      tried || touched.has(field) || (field.startsWith('availability.') && [...touched].some((f) => f.startsWith('availability'))),
  }
}

/** Edits a delegate already registered, or adds one (delegate undefined). */
export function DelegateEditor({
  eventID,
  delegate,
  template,
  legend,
  sessions,
  timeZone,
  organisationID,
  onDone,
}: {
  eventID: string
  delegate?: Delegate
  /** A new delegate's profile (the organisation's offers, needs and sectors). */
  template?: Partial<DelegateInput>
  legend: string
  sessions: Session[]
  timeZone: string
  organisationID: string | undefined
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const [draft, setDraft] = useState<DelegateDraft>(() =>
    draftFrom(
      delegate ?? { ...template, name: '', email: '', job_title: '', user_id: null, availability: [] },
      sessions,
      timeZone,
      ui,
    ),
  )
  const touched = useTouched()
  const save = useSaveDelegate(eventID)
  const client = delegateErrors(draft, sessions, timeZone, t)
  const server = delegateServerErrors(serverFieldErrors(save.error), null)
  const errors = visibleErrors(client, server, touched.shown)
  return (
    <form
      className="conv-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        touched.setTried(true)
        if (Object.keys(client).length > 0) return
        save.mutate({ delegateID: delegate?.id ?? null, body: delegateInput(draft, sessions, timeZone) }, { onSuccess: onDone })
      }}
    >
      <DelegateFields
        legend={legend}
        value={draft}
        onChange={setDraft}
        errors={errors}
        onTouch={touched.touch}
        sessions={sessions}
        timeZone={timeZone}
        organisationID={organisationID}
      />
      <FormProblem error={save.error} fieldErrors={server} />
      <div className="conv-actions">
        <Button type="submit" loading={save.isPending}>
          {delegate ? t('convention.delegate.save') : t('convention.delegate.add')}
        </Button>
        <Button variant="subtle" onClick={onDone} disabled={save.isPending}>
          {t('convention.delegate.cancelEdit')}
        </Button>
      </div>
    </form>
  )
}
