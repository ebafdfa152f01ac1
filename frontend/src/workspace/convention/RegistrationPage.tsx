import { Alert, Badge, Button, Loader } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { languageName } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverMessage } from '../forms'
import { useActiveOrganisation, type MemberOrganisation } from '../organisations'
import { useCancelRegistration, useCheckout, useEvent, useRegistration, useRemoveDelegate } from './api'
import { ConventionFrame } from './ConventionFrame'
import { DelegateEditor } from './DelegateEditor'
import { feeText, oneOf, REFUND_STATES, REGISTRATION_STATES, registrationColor } from './display'
import { RegistrationForm } from './RegistrationForm'
import { formatEventDateTime, formatEventDates, formatEventRange } from './time'
import type { ConventionEvent, Delegate, Registration } from './types'

/**
 * /workspace/convention/{eventID}: the organisation's registration: the
 * form while it has none, else its state (payment, refund), its delegates
 * (edit, add, remove) and cancellation. Back from Stripe Checkout
 * (?checkout=success) it waits for the webhook's confirmation.
 */
export default function RegistrationPage() {
  const { t } = useTranslation()
  const { eventID = '' } = useParams()
  const [params] = useSearchParams()
  const checkout = params.get('checkout')
  const { organisation } = useActiveOrganisation()
  const event = useEvent(eventID)
  const registration = useRegistration(eventID, { pollWhilePending: checkout === 'success' })
  const title = t('convention.registration.title')
  if (event.isPending || registration.isPending) {
    return (
      <ConventionFrame title={title}>
        <Loading />
      </ConventionFrame>
    )
  }
  if (event.isError || registration.isError) {
    return (
      <ConventionFrame title={title}>
        <ErrorState
          error={event.error ?? registration.error}
          onRetry={() => {
            void event.refetch()
            void registration.refetch()
          }}
        />
      </ConventionFrame>
    )
  }
  const e = event.data
  const r = registration.data
  const live = r && r.state !== 'cancelled' ? r : null
  return (
    <ConventionFrame title={title} event={e} confirmed={live?.state === 'confirmed'}>
      <EventFacts event={e} />
      {live ? (
        <RegistrationView event={e} registration={live} checkout={checkout} organisation={organisation} />
      ) : e.state === 'cancelled' ? (
        <Empty title={t('convention.eventState.cancelled')} hint={t('convention.registration.eventCancelled')} />
      ) : !e.registration_open ? (
        <Empty title={t('convention.registration.closed')} hint={t('convention.registration.closedHint')} />
      ) : organisation ? (
        <>
          {r?.state === 'cancelled' ? (
            <Alert color="gray" role="note">
              {t('convention.registration.cancelledBefore')}
              {r.refund_state ? ` ${t(`convention.registration.refund.${oneOf(r.refund_state, REFUND_STATES, 'pending')}`)}` : null}
            </Alert>
          ) : null}
          <RegistrationForm event={e} organisation={organisation} />
        </>
      ) : null}
    </ConventionFrame>
  )
}

/** The event's dates, place and deadlines, in its own time zone. */
export function EventFacts({ event }: { event: ConventionEvent }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const zone = event.time_zone
  return (
    <dl className="conv-dl">
      <dt>{t('convention.facts.dates')}</dt>
      <dd>{formatEventDates(event.starts_at, event.ends_at, ui, zone)}</dd>
      <dt>{t('convention.facts.venue')}</dt>
      <dd lang={event.lang}>
        {event.venue}
        {event.address ? `, ${event.address}` : ''}
      </dd>
      <dt>{t('convention.facts.deadline')}</dt>
      <dd>{formatEventDateTime(event.registration_deadline, ui, zone)}</dd>
      <dt>{t('convention.facts.cutoff')}</dt>
      <dd>{formatEventDateTime(event.cancellation_cutoff, ui, zone)}</dd>
    </dl>
  )
}

function RegistrationView({
  event,
  registration,
  checkout,
  organisation,
}: {
  event: ConventionEvent
  registration: Registration
  checkout: string | null
  organisation: MemberOrganisation | undefined
}) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const zone = event.time_zone
  const pay = useCheckout(event.id)
  const delegates = registration.delegates ?? []
  const type = (event.participation_types ?? []).find((x) => x.id === registration.participation_type_id)
  const max = type?.max_delegates ?? delegates.length
  const [editing, setEditing] = useState<string | null>(null)
  const pending = registration.state === 'pending_payment'
  const payAgain = () =>
    pay.mutate(undefined, {
      onSuccess: (answer) => window.location.assign(answer.checkout_url),
    })
  return (
    <>
      <section aria-labelledby="conv-state" className="conv-card">
        <h2 id="conv-state">{t('convention.registration.state')}</h2>
        <div className="conv-meta">
          <Badge variant="light" color={registrationColor(registration.state)}>
            {t(`convention.registrationState.${oneOf(registration.state, REGISTRATION_STATES, 'pending_payment')}`)}
          </Badge>
          <span>{registration.participation_type_name}</span>
          <span>{feeText(registration.fee_cents, registration.currency, ui) ?? t('convention.free')}</span>
        </div>
        {registration.paid_at ? <p>{t('convention.registration.paidAt', { date: formatEventDateTime(registration.paid_at, ui, zone) })}</p> : null}
        {registration.confirmed_at ? (
          <p>{t('convention.registration.confirmedAt', { date: formatEventDateTime(registration.confirmed_at, ui, zone) })}</p>
        ) : null}
        {pending && checkout === 'success' ? (
          <Alert color="blue" role="status" title={t('convention.payment.confirmingTitle')}>
            <p className="conv-actions">
              <Loader size="xs" aria-hidden="true" />
              {t('convention.payment.confirming')}
            </p>
          </Alert>
        ) : null}
        {pending && checkout === 'cancelled' ? (
          <Alert color="orange" role="alert" title={t('convention.payment.cancelledTitle')}>
            {t('convention.payment.cancelled')}
          </Alert>
        ) : null}
        {pending && checkout !== 'success' ? (
          <div className="conv-actions">
            <p>{t('convention.payment.pending')}</p>
            <Button onClick={payAgain} loading={pay.isPending}>
              {t('convention.payment.pay', { fee: feeText(registration.fee_cents, registration.currency, ui) })}
            </Button>
          </div>
        ) : null}
        {pay.isError ? (
          <Alert color="red" role="alert">
            {serverMessage(pay.error, t)}
          </Alert>
        ) : null}
        {registration.state === 'confirmed' && checkout === 'success' ? (
          <Alert color="green" role="status">
            {t('convention.payment.confirmed')}
          </Alert>
        ) : null}
        {registration.state === 'confirmed' ? (
          <p className="conv-actions">
            <Link to={`/workspace/convention/${event.id}/directory`}>{t('convention.registration.goDirectory')}</Link>
            <Link to={`/workspace/convention/${event.id}/requests`}>{t('convention.registration.goRequests')}</Link>
            {event.agenda_state !== 'none' ? (
              <Link to={`/workspace/convention/${event.id}/agenda`}>{t('convention.registration.goAgenda')}</Link>
            ) : null}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="conv-delegates">
        <h2 id="conv-delegates">{t('convention.registration.delegates', { count: delegates.length })}</h2>
        <ul className="conv-list">
          {delegates.map((d, i) =>
            editing === d.id ? (
              <li key={d.id} className="conv-card">
                <DelegateEditor
                  eventID={event.id}
                  delegate={d}
                  legend={t('convention.registration.editDelegate', { name: d.name })}
                  sessions={event.sessions ?? []}
                  timeZone={zone}
                  organisationID={organisation?.id}
                  onDone={() => setEditing(null)}
                />
              </li>
            ) : (
              <DelegateCard
                key={d.id}
                event={event}
                delegate={d}
                canRemove={delegates.length > 1}
                onEdit={() => setEditing(d.id)}
                position={i + 1}
              />
            ),
          )}
        </ul>
        {editing === 'new' ? (
          <div className="conv-card">
            <DelegateEditor
              eventID={event.id}
              template={delegates[0] ? { offers: delegates[0].offers, needs: delegates[0].needs, profile_lang: delegates[0].profile_lang, sectors: delegates[0].sectors ?? [] } : {}}
              legend={t('convention.registration.newDelegate')}
              sessions={event.sessions ?? []}
              timeZone={zone}
              organisationID={organisation?.id}
              onDone={() => setEditing(null)}
            />
          </div>
        ) : delegates.length < max ? (
          <Button variant="outline" onClick={() => setEditing('new')}>
            {t('convention.register.addDelegate')}
          </Button>
        ) : (
          <p>{t('convention.register.maxReached', { count: max })}</p>
        )}
      </section>
      <CancelRegistration event={event} registration={registration} />
    </>
  )
}

function DelegateCard({
  event,
  delegate,
  canRemove,
  onEdit,
  position,
}: {
  event: ConventionEvent
  delegate: Delegate
  canRemove: boolean
  onEdit: () => void
  position: number
}) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const remove = useRemoveDelegate(event.id)
  const [confirming, setConfirming] = useState(false)
  const availability = delegate.availability ?? []
  return (
    <li className="conv-card" aria-label={t('convention.register.delegateN', { n: position })}>
      <h3>{delegate.name}</h3>
      <dl className="conv-dl">
        <dt>{t('convention.delegate.email')}</dt>
        <dd>{delegate.email}</dd>
        {delegate.job_title ? (
          <>
            <dt>{t('convention.delegate.jobTitle')}</dt>
            <dd>{delegate.job_title}</dd>
          </>
        ) : null}
        <dt>{t('convention.delegate.lang')}</dt>
        <dd>{languageName(delegate.lang, ui)}</dd>
        <dt>{t('convention.availability.title')}</dt>
        <dd>
          {availability.length === 0 ? (
            t('convention.availability.wholeEvent')
          ) : (
            <ul className="conv-list">
              {availability.map((s) => (
                <li key={s.starts_at}>{formatEventRange(s.starts_at, s.ends_at, ui, event.time_zone)}</li>
              ))}
            </ul>
          )}
        </dd>
        {delegate.offers ? (
          <>
            <dt>{t('convention.delegate.offers')}</dt>
            <dd lang={delegate.profile_lang} className="conv-quote">
              {delegate.offers}
            </dd>
          </>
        ) : null}
        {delegate.needs ? (
          <>
            <dt>{t('convention.delegate.needs')}</dt>
            <dd lang={delegate.profile_lang} className="conv-quote">
              {delegate.needs}
            </dd>
          </>
        ) : null}
      </dl>
      {confirming ? (
        <Alert color="orange" role="alert" title={t('convention.registration.removeConfirmTitle', { name: delegate.name })}>
          <p>{t('convention.registration.removeConfirm')}</p>
          <div className="conv-actions">
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(delegate.id, { onSuccess: () => setConfirming(false) })}>
              {t('convention.registration.removeYes')}
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)} disabled={remove.isPending}>
              {t('convention.registration.keep')}
            </Button>
          </div>
        </Alert>
      ) : (
        <div className="conv-actions">
          <Button variant="outline" onClick={onEdit}>
            {t('convention.registration.edit')}
            <span className="visually-hidden"> {delegate.name}</span>
          </Button>
          {canRemove ? (
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              {t('convention.registration.remove')}
              <span className="visually-hidden"> {delegate.name}</span>
            </Button>
          ) : null}
        </div>
      )}
      {remove.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
    </li>
  )
}

/** Cancellation, saying first whether the fee comes back (before the cut-off) or not. */
function CancelRegistration({ event, registration }: { event: ConventionEvent; registration: Registration }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const cancel = useCancelRegistration(event.id)
  const [confirming, setConfirming] = useState(false)
  const fee = feeText(registration.fee_cents, registration.currency, ui)
  const cutoff = formatEventDateTime(event.cancellation_cutoff, ui, event.time_zone)
  const consequence =
    registration.state === 'pending_payment' || !fee
      ? t('convention.cancel.nothingToRefund')
      : registration.refundable
        ? t('convention.cancel.refunded', { fee, cutoff })
        : t('convention.cancel.notRefunded', { fee, cutoff })
  return (
    <section aria-labelledby="conv-cancel">
      <h2 id="conv-cancel">{t('convention.cancel.title')}</h2>
      <p>{consequence}</p>
      {confirming ? (
        <Alert color="orange" role="alert" title={t('convention.cancel.confirmTitle')}>
          <p>{t('convention.cancel.confirm')}</p>
          <div className="conv-actions">
            <Button color="red.9" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}>
              {t('convention.cancel.yes')}
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
              {t('convention.cancel.no')}
            </Button>
          </div>
        </Alert>
      ) : (
        <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
          {t('convention.cancel.button')}
        </Button>
      )}
      {cancel.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(cancel.error, t)}
        </Alert>
      ) : null}
    </section>
  )
}
