import { Alert, Button, Radio, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverFieldErrors } from '../forms'
import { FormProblem } from '../FormProblem'
import type { MemberOrganisation } from '../organisations'
import { usePrefill, useRegister } from './api'
import { DelegateFields } from './DelegateFields'
import { useTouched, visibleErrors } from './DelegateEditor'
import { feeText } from './display'
import { delegateErrors, delegateInput, delegateServerErrors, draftFrom, typesFor, type DelegateDraft } from './logic'
import type { ConventionEvent, DelegateInput } from './types'

/** Registration of the organisation: a participation type, then its delegates. */
export function RegistrationForm({ event, organisation }: { event: ConventionEvent; organisation: MemberOrganisation }) {
  const prefill = usePrefill(event.id, true)
  if (prefill.isPending) return <Loading />
  // Without the marketplace profile the form still works, empty.
  return <Form event={event} organisation={organisation} prefill={prefill.data?.delegates ?? []} prefillError={prefill.error} />
}

function Form({
  event,
  organisation,
  prefill,
  prefillError,
}: {
  event: ConventionEvent
  organisation: MemberOrganisation
  prefill: Partial<DelegateInput>[]
  prefillError: unknown
}) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const sessions = event.sessions ?? []
  const zone = event.time_zone
  const types = typesFor(event.participation_types ?? [], organisation.kind)
  const [typeID, setTypeID] = useState(types.length === 1 ? (types[0]?.id ?? '') : '')
  const [drafts, setDrafts] = useState<DelegateDraft[]>(() => [draftFrom(prefill[0], sessions, zone, ui)])
  const touched = useTouched()
  const register = useRegister(event.id)
  const type = types.find((x) => x.id === typeID)
  const max = type?.max_delegates ?? 1
  const server = serverFieldErrors(register.error)
  // What a new delegate starts with: the organisation's profile, not the first delegate's identity.
  const template = prefill[0]

  if (types.length === 0) return <Empty title={t('convention.register.noType')} hint={t('convention.register.noTypeHint')} />

  const clientErrors = drafts.map((d) => delegateErrors(d, sessions, zone, t))
  const typeError = typeID ? undefined : t('convention.register.chooseType')
  const tooMany = drafts.length > max ? t('convention.register.tooMany', { count: max }) : undefined
  const invalid = !!typeError || !!tooMany || clientErrors.some((e) => Object.keys(e).length > 0)

  return (
    <form
      className="conv-form"
      noValidate
      aria-labelledby="conv-register-title"
      onSubmit={(e) => {
        e.preventDefault()
        touched.setTried(true)
        if (invalid || register.isPending) return
        register.mutate(
          { participation_type_id: typeID, delegates: drafts.map((d) => delegateInput(d, sessions, zone)) },
          {
            onSuccess: (answer) => {
              if (answer.checkout_url) window.location.assign(answer.checkout_url)
            },
          },
        )
      }}
    >
      <h2 id="conv-register-title">{t('convention.register.title')}</h2>
      {prefillError ? (
        <Alert color="yellow" role="note">
          {t('convention.register.prefillFailed')}
        </Alert>
      ) : (
        <p>{t('convention.register.prefilled')}</p>
      )}
      <Radio.Group
        label={t('convention.register.type')}
        required
        value={typeID}
        onChange={(v) => {
          setTypeID(v)
          touched.touch('type')
        }}
        error={(touched.shown('type') && typeError) || server.participation_type_id}
      >
        <Stack gap="xs" mt="xs">
          {types.map((x) => (
            <Radio
              key={x.id}
              value={x.id}
              label={x.name}
              description={`${feeText(x.fee_cents, x.currency, ui) ?? t('convention.free')} · ${t('convention.register.maxDelegates', { count: x.max_delegates })}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {type && type.fee_cents > 0 ? (
        <Alert color="blue" role="note">
          {t('convention.register.paidNote', { fee: feeText(type.fee_cents, type.currency, ui) })}
        </Alert>
      ) : null}
      <h3>{t('convention.register.delegates')}</h3>
      {drafts.map((draft, i) => {
        const server_i = delegateServerErrors(server, i)
        const errors = visibleErrors(clientErrors[i] ?? {}, server_i, (f) => touched.shown(`${draft.key}.${f}`) || touched.tried)
        return (
          <DelegateFields
            key={draft.key}
            legend={t('convention.register.delegateN', { n: i + 1 })}
            value={draft}
            onChange={(v) => setDrafts((all) => all.map((d, j) => (j === i ? v : d)))}
            errors={errors}
            onTouch={(f) => touched.touch(`${draft.key}.${f}`)}
            sessions={sessions}
            timeZone={zone}
            organisationID={organisation.id}
            action={
              drafts.length > 1 ? (
                <div>
                  <Button variant="outline" color="red.9" onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>
                    {t('convention.register.removeDelegate', { n: i + 1 })}
                  </Button>
                </div>
              ) : null
            }
          />
        )
      })}
      {tooMany && touched.tried ? (
        <p className="conv-error" role="alert">
          {tooMany}
        </p>
      ) : null}
      <div>
        <Button
          variant="outline"
          onClick={() =>
            setDrafts((all) => [
              ...all,
              draftFrom({ ...template, name: '', email: '', job_title: '', user_id: null, availability: [] }, sessions, zone, ui),
            ])
          }
          disabled={drafts.length >= max}
        >
          {t('convention.register.addDelegate')}
        </Button>
        {drafts.length >= max && type ? <p>{t('convention.register.maxReached', { count: max })}</p> : null}
      </div>
      <FormProblem error={register.error} fieldErrors={server} />
      {register.isError ? null : touched.tried && invalid ? (
        <p className="conv-error" role="alert">
          {t('convention.register.fixErrors')}
        </p>
      ) : null}
      {register.error && Object.keys(server).length > 0 ? <ErrorState error={register.error} /> : null}
      <div className="conv-actions">
        <Button type="submit" loading={register.isPending}>
          {type && type.fee_cents > 0 ? t('convention.register.submitPay') : t('convention.register.submit')}
        </Button>
      </div>
    </form>
  )
}
