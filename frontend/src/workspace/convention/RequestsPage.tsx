import { Alert, Badge, Button, NativeSelect, Tabs, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { countryName } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverFieldErrors, serverMessage } from '../forms'
import { FormProblem } from '../FormProblem'
import { LoadMore } from '../LoadMore'
import { useAnswerRequest, useEvent, useRegistration, useRequests } from './api'
import { ConventionFrame } from './ConventionFrame'
import { ANSWER_PRIORITIES, oneOf, REQUEST_STATES, requestColor } from './display'
import { LIMITS, requestActions } from './logic'
import { formatEventDateTime, formatEventRange } from './time'
import type { ConventionEvent, MeetingRequest } from './types'

type Box = 'incoming' | 'outgoing'

/**
 * /workspace/convention/{eventID}/requests: the requests my delegates
 * received (accept with a priority, decline with a reason) and sent
 * (withdraw), with their state, and once scheduled the meeting's slot or
 * why it was left out.
 */
export default function RequestsPage() {
  const { t } = useTranslation()
  const { eventID = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const box: Box = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming'
  const event = useEvent(eventID)
  const registration = useRegistration(eventID)
  const confirmed = registration.data?.state === 'confirmed'
  return (
    <ConventionFrame title={t('convention.requests.title')} event={event.data} confirmed={confirmed}>
      {event.isPending || registration.isPending ? <Loading /> : null}
      {event.isError || registration.isError ? <ErrorState error={event.error ?? registration.error} /> : null}
      {registration.isSuccess && !confirmed ? (
        <Alert color="orange" role="note" title={t('convention.directory.notConfirmedTitle')}>
          {t('convention.directory.notConfirmed')}
        </Alert>
      ) : null}
      {confirmed && event.data ? (
        <Tabs value={box} onChange={(v) => setParams(v === 'outgoing' ? { box: 'outgoing' } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List aria-label={t('convention.requests.boxes')}>
            <Tabs.Tab value="incoming">{t('convention.requests.incoming')}</Tabs.Tab>
            <Tabs.Tab value="outgoing">{t('convention.requests.outgoing')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="incoming" pt="md">
            <RequestList event={event.data} box="incoming" />
          </Tabs.Panel>
          <Tabs.Panel value="outgoing" pt="md">
            <RequestList event={event.data} box="outgoing" />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </ConventionFrame>
  )
}

function RequestList({ event, box }: { event: ConventionEvent; box: Box }) {
  const { t } = useTranslation()
  const requests = useRequests(event.id, box)
  const items = requests.items
  return (
    <>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ErrorState error={requests.error} onRetry={() => void requests.refetch()} /> : null}
      {requests.isSuccess && items.length === 0 ? (
        <Empty title={t(`convention.requests.empty.${box}`)} hint={t(`convention.requests.emptyHint.${box}`)} />
      ) : null}
      <ul className="conv-list">
        {items.map((r) => (
          <RequestCard key={r.id} event={event} request={r} box={box} />
        ))}
      </ul>
      <LoadMore query={requests} />
    </>
  )
}

function RequestCard({ event, request, box }: { event: ConventionEvent; request: MeetingRequest; box: Box }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const zone = event.time_zone
  const other = box === 'incoming' ? request.from : request.to
  const me = box === 'incoming' ? request.to : request.from
  const actions = requestActions(request.state, box)
  const answer = useAnswerRequest(event.id)
  const [mode, setMode] = useState<'idle' | 'declining'>('idle')
  const [priority, setPriority] = useState<'must_meet' | 'would_like' | 'ok'>('ok')
  return (
    <li className="conv-card" aria-labelledby={`req-${request.id}`}>
      <h2 id={`req-${request.id}`}>
        {box === 'incoming'
          ? t('convention.requests.from', { name: other.name, organisation: other.organisation_name })
          : t('convention.requests.to', { name: other.name, organisation: other.organisation_name })}
      </h2>
      <div className="conv-meta">
        <Badge variant="light" color={requestColor(request.state)}>
          {t(`convention.requestState.${oneOf(request.state, REQUEST_STATES, 'pending')}`)}
        </Badge>
        <Badge variant="outline" color={request.priority === 'must_meet' ? 'red' : 'blue'}>
          {t(`convention.priority.${request.priority === 'must_meet' ? 'must_meet' : 'would_like'}`)}
        </Badge>
        <span>{countryName(other.country, ui)}</span>
        <span>{t(box === 'incoming' ? 'convention.requests.forDelegate' : 'convention.requests.byDelegate', { name: me.name })}</span>
      </div>
      {request.message ? <blockquote className="conv-quote">{request.message}</blockquote> : null}
      <p>
        {t('convention.requests.sentAt', { date: formatEventDateTime(request.created_at, ui, zone) })}
        {request.state === 'pending' ? ` ${t('convention.requests.expiresAt', { date: formatEventDateTime(request.expires_at, ui, zone) })}` : null}
      </p>
      {request.state === 'accepted' && request.answer_priority ? (
        <p>{t('convention.requests.answered', { priority: t(`convention.answerPriority.${request.answer_priority === 'must_meet' ? 'must_meet' : request.answer_priority === 'would_like' ? 'would_like' : 'ok'}`) })}</p>
      ) : null}
      {request.state === 'declined' && request.decline_reason ? (
        <p>
          <strong>{t('convention.requests.reason')}</strong> {request.decline_reason}
        </p>
      ) : null}
      {request.meeting ? (
        <Alert color="green" role="note" title={t('convention.requests.scheduled')}>
          {t('convention.requests.slot', {
            time: `${formatEventDateTime(request.meeting.starts_at, ui, zone)} (${formatEventRange(request.meeting.starts_at, request.meeting.ends_at, ui, zone)})`,
            table: request.meeting.table,
          })}
        </Alert>
      ) : request.state === 'accepted' && request.unscheduled_reason ? (
        <Alert color="orange" role="note" title={t('convention.requests.leftOut')}>
          {request.unscheduled_reason}
        </Alert>
      ) : null}
      {actions.answer && mode === 'idle' ? (
        <div className="conv-row">
          <NativeSelect
            label={t('convention.requests.myPriority')}
            value={priority}
            onChange={(e) => setPriority(oneOf(e.currentTarget.value, ANSWER_PRIORITIES, 'ok'))}
            data={(['must_meet', 'would_like', 'ok'] as const).map((p) => ({ value: p, label: t(`convention.answerPriority.${p}`) }))}
          />
          <div className="conv-actions">
            <Button
              loading={answer.isPending && answer.variables?.action === 'accept'}
              disabled={answer.isPending}
              onClick={() => answer.mutate({ requestID: request.id, action: 'accept', priority })}
            >
              {t('convention.requests.accept')}
              <span className="visually-hidden"> {other.name}</span>
            </Button>
            <Button variant="outline" color="red.9" disabled={answer.isPending} onClick={() => setMode('declining')}>
              {t('convention.requests.decline')}
              <span className="visually-hidden"> {other.name}</span>
            </Button>
          </div>
        </div>
      ) : null}
      {actions.answer && mode === 'declining' ? <DeclineForm eventID={event.id} request={request} onCancel={() => setMode('idle')} /> : null}
      {actions.withdraw ? (
        <Button
          variant="outline"
          color="red.9"
          loading={answer.isPending}
          onClick={() => answer.mutate({ requestID: request.id, action: 'withdraw' })}
        >
          {t('convention.requests.withdraw')}
          <span className="visually-hidden"> {other.name}</span>
        </Button>
      ) : null}
      {answer.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(answer.error, t)}
        </Alert>
      ) : null}
    </li>
  )
}

function DeclineForm({ eventID, request, onCancel }: { eventID: string; request: MeetingRequest; onCancel: () => void }) {
  const { t } = useTranslation()
  const decline = useAnswerRequest(eventID)
  const [reason, setReason] = useState('')
  const server = serverFieldErrors(decline.error)
  const tooLong = [...reason].length > LIMITS.reason ? t('workspace.form.tooLong', { max: LIMITS.reason }) : undefined
  return (
    <form
      className="conv-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (tooLong) return
        decline.mutate({ requestID: request.id, action: 'decline', reason: reason.trim() })
      }}
    >
      <Textarea
        label={t('convention.requests.declineReason')}
        description={t('convention.requests.declineHint')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={tooLong || server.reason}
      />
      <FormProblem error={decline.error} fieldErrors={server} />
      <div className="conv-actions">
        <Button type="submit" color="red.9" loading={decline.isPending}>
          {t('convention.requests.confirmDecline')}
        </Button>
        <Button variant="subtle" onClick={onCancel} disabled={decline.isPending}>
          {t('convention.requests.back')}
        </Button>
      </div>
    </form>
  )
}
