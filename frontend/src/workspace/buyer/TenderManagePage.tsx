import { Alert, Badge, Button, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { formatDateTime, formatMoney } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { rules, serverFieldErrors, serverMessage, useRequiredText } from '../forms'
import {
  useBuyerOrganisation,
  useLotMatches,
  useOrganisationName,
  useOrganisationNames,
  useTender,
  type TenderResponse, type Lot, type Question, type Tender } from './api'
import { BuyerFrame } from './BuyerFrame'
import { EligibleCount } from './EligibleCount'
import { OutcomeForm } from './OutcomeForm'
import { ResponseDecision } from './ResponseDecision'
import { isEditable, stateColor } from './states'
import { LoadMore } from '../LoadMore'

/** The API's limit on an answer (characters). */
export const ANSWER_MAX = 8000
const CANCELLABLE: Tender['state'][] = ['draft', 'pending', 'changes_requested', 'published']

/** /workspace/buyer/tenders/:id: a tender as its buyer follows it, from moderation to the outcome. */
export default function TenderManagePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const tender = useTender(id)
  if (tender.isPending) return <Loading />
  if (tender.isError) {
    return (
      <BuyerFrame title={t('buyer.tender.title')}>
        <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
      </BuyerFrame>
    )
  }
  return <TenderView tender={tender.data} />
}

function TenderView({ tender }: { tender: Tender }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const { organisation } = useBuyerOrganisation()
  const orgID = organisation?.id ?? ''
  const location = useLocation()
  const submitted = (location.state as { submitted?: boolean } | null)?.submitted && tender.state === 'pending'
  const publicState = ['published', 'closed', 'awarded', 'not_awarded'].includes(tender.state)
  const lots = tender.lots ?? []
  return (
    <BuyerFrame title={tender.title}>
      {submitted ? (
        <Alert color="green" title={t('buyer.tender.submittedTitle')} role="status" mb="md">
          {t('buyer.tender.submittedBody')}
        </Alert>
      ) : null}
      <div className="buyer-actions">
        <Badge variant="light" color={stateColor(tender.state)} size="lg">
          {t(`buyer.state.${tender.state}`)}
        </Badge>
        <span>{t(`buyer.kind.${tender.kind}`)}</span>
        {isEditable(tender.state) ? (
          <Link to={`/workspace/buyer/tenders/${tender.id}/edit`}>{t('buyer.tender.edit')}</Link>
        ) : null}
        {publicState ? <Link to={`/tenders/${tender.id}`}>{t('buyer.tender.publicPage')}</Link> : null}
      </div>
      {tender.reason && ['changes_requested', 'rejected', 'cancelled'].includes(tender.state) ? (
        <Alert color="orange" title={t('buyer.tender.reason')} mb="md">
          {tender.reason}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t('buyer.wizard.general.responsesDeadline')}</dt>
        <dd>
          {formatDateTime(tender.responses_deadline, ui)}
          {tender.deadline_passed ? ` (${t('buyer.tender.passed')})` : ''}
        </dd>
        <dt>{t('buyer.wizard.general.questionsDeadline')}</dt>
        <dd>{formatDateTime(tender.questions_deadline, ui)}</dd>
        <dt>{t('buyer.wizard.general.place')}</dt>
        <dd>
          {tender.place_town} ({tender.place_nuts})
        </dd>
        {tender.submitted_at ? (
          <>
            <dt>{t('buyer.tender.submittedAt')}</dt>
            <dd>{formatDateTime(tender.submitted_at, ui)}</dd>
          </>
        ) : null}
        {tender.published_at ? (
          <>
            <dt>{t('buyer.tender.publishedAt')}</dt>
            <dd>{formatDateTime(tender.published_at, ui)}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="lots-heading">
        <h2 id="lots-heading">{t('buyer.tender.lots')}</h2>
        {lots.length === 0 ? <Empty title={t('buyer.tender.noLots')} /> : null}
        {lots.map((lot) => (
          <LotSummary key={lot.id} orgID={orgID} tender={tender} lot={lot} />
        ))}
      </section>

      {tender.state !== 'draft' && tender.state !== 'pending' ? <Questions orgID={orgID} tender={tender} /> : null}
      {publicState ? <NotInterested orgID={orgID} tender={tender} /> : null}
      {tender.deadline_passed && publicState ? <Responses orgID={orgID} tender={tender} /> : null}
      {CANCELLABLE.includes(tender.state) && !tender.deadline_passed ? <CancelTender orgID={orgID} tender={tender} /> : null}
    </BuyerFrame>
  )
}

function LotSummary({ orgID, tender, lot }: { orgID: string; tender: Tender; lot: Lot }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <section className="buyer-card" aria-labelledby={`lot-${lot.id}`}>
      <h3 id={`lot-${lot.id}`} lang={tender.language}>
        {lot.title}
      </h3>
      <ul>
        {lot.clause_labels?.reserved_participation ? <li>{lot.clause_labels.reserved_participation}</li> : null}
        {(lot.clause_labels?.legal_bases ?? []).map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
      {!tender.deadline_passed ? (
        <>
          <EligibleCount orgID={orgID} tenderID={tender.id} lotID={lot.id} />
          <Button variant="subtle" size="compact-sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? t('buyer.matches.hide') : t('buyer.matches.show')}
          </Button>
          {open ? <MatchList orgID={orgID} tenderID={tender.id} lotID={lot.id} /> : null}
        </>
      ) : null}
    </section>
  )
}

function MatchList({ orgID, tenderID, lotID }: { orgID: string; tenderID: string; lotID: string }) {
  const { t } = useTranslation()
  const matches = useLotMatches(orgID, tenderID, lotID)
  if (matches.isPending) return <Loading />
  if (matches.isError) return <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />
  const items = matches.data.items ?? []
  if (items.length === 0) return <Empty title={t('buyer.matches.none')} />
  return (
    <ol aria-label={t('buyer.matches.listLabel')}>
      {items.map((m) => (
        <li key={m.organisation_id}>
          <OrganisationLink id={m.organisation_id} /> – {t('buyer.matches.score', { score: m.score })}
        </li>
      ))}
    </ol>
  )
}

/** A supplier's name linking to its public profile. */
export function OrganisationLink({ id }: { id: string }) {
  const { t } = useTranslation()
  const name = useOrganisationName(id)
  return <Link to={`/organisations/${id}`}>{name.data ?? t('buyer.supplier')}</Link>
}

function Questions({ orgID, tender }: { orgID: string; tender: Tender }) {
  const { t } = useTranslation()
  const questions = useCursorList({
    queryKey: ['buyer', 'questions', tender.id],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/tenders/{tenderID}/questions', {
          params: { path: { tenderID: tender.id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
  const items = questions.items
  const canAnswer = tender.state === 'published' && !tender.deadline_passed
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('buyer.questions.title')}</h2>
      {questions.isPending ? <Loading /> : null}
      {questions.isError ? <ErrorState error={questions.error} onRetry={() => void questions.refetch()} /> : null}
      {questions.isSuccess && items.length === 0 ? <Empty title={t('buyer.questions.empty')} /> : null}
      <ul className="buyer-list">
        {items.map((q) => (
          <QuestionItem key={q.id} orgID={orgID} tender={tender} question={q} canAnswer={canAnswer} />
        ))}
      </ul>
      <LoadMore query={questions} />
    </section>
  )
}

function QuestionItem({ orgID, tender, question, canAnswer }: { orgID: string; tender: Tender; question: Question; canAnswer: boolean }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const client = useQueryClient()
  const [editing, setEditing] = useState(!question.answer)
  const answer = useRequiredText(ANSWER_MAX, { initial: question.answer ?? '', touchOn: 'blur' })
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/tenders/{tenderID}/questions/{questionID}/answer', {
          params: { path: { orgID, tenderID: tender.id, questionID: question.id } },
          body: { answer: answer.value.trim() },
        }),
      ),
    onSuccess: async () => {
      setEditing(false)
      answer.setTouched(false)
      await client.invalidateQueries({ queryKey: ['buyer', 'questions', tender.id] })
    },
  })
  const error = answer.error || serverFieldErrors(save.error).answer
  return (
    <li className="buyer-card">
      <p>
        <strong>{t('buyer.questions.asked', { date: formatDateTime(question.created_at, ui) })}</strong>{' '}
        {question.organisation_id ? (
          <>
            {t('buyer.questions.by')} <OrganisationLink id={question.organisation_id} />
          </>
        ) : null}
      </p>
      <blockquote>{question.question}</blockquote>
      {question.answer && !editing ? (
        <>
          <p>
            <strong>{t('buyer.questions.answer')}</strong>{' '}
            {question.answered_at ? `(${formatDateTime(question.answered_at, ui)})` : null}
          </p>
          <p>{question.answer}</p>
          {canAnswer ? (
            <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
              {t('buyer.questions.correct')}
            </Button>
          ) : null}
        </>
      ) : null}
      {!question.answer && !canAnswer ? <p>{t('buyer.questions.unanswered')}</p> : null}
      {editing && canAnswer ? (
        <form
          className="buyer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (!answer.check()) return
            save.mutate()
          }}
        >
          <Textarea
            label={t('buyer.questions.answerLabel')}
            description={t('buyer.questions.answerHint')}
            {...answer.inputProps}
            rows={3}
            error={error}
          />
          {save.isError && !serverFieldErrors(save.error).answer ? (
            <Alert color="red" role="alert">
              {serverMessage(save.error, t)}
            </Alert>
          ) : null}
          <div className="buyer-actions">
            <Button type="submit" loading={save.isPending}>
              {question.answer ? t('buyer.questions.saveCorrection') : t('buyer.questions.send')}
            </Button>
            {question.answer ? (
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('buyer.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </li>
  )
}

function NotInterested({ orgID, tender }: { orgID: string; tender: Tender }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const list = useCursorList({
    queryKey: ['buyer', 'not-interested', tender.id],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/tenders/{tenderID}/not-interested', {
          params: { path: { orgID, tenderID: tender.id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
  const items = list.items
  return (
    <section aria-labelledby="interest-heading">
      <h2 id="interest-heading">{t('buyer.interest.title')}</h2>
      <p>{t('buyer.interest.intro')}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? <Empty title={t('buyer.interest.empty')} /> : null}
      <ul className="buyer-list">
        {items.map((n) => (
          <li key={n.organisation_id} className="buyer-card">
            <OrganisationLink id={n.organisation_id} /> – {formatDateTime(n.created_at, ui)}
            {n.decline_reason ? <p>{t(`buyer.interest.reason.${n.decline_reason}`, { defaultValue: n.decline_reason })}</p> : null}
            {n.reason ? <p>{n.reason}</p> : null}
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
    </section>
  )
}

function Responses({ orgID, tender }: { orgID: string; tender: Tender }) {
  const { t } = useTranslation()
  const responses = useCursorList({
    queryKey: ['buyer', 'responses', tender.id],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/tenders/{tenderID}/responses', {
          params: { path: { orgID, tenderID: tender.id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
  const items = responses.items
  const lots = tender.lots ?? []
  const withoutOutcome = lots.filter((l) => !l.outcome).length
  return (
    <section aria-labelledby="responses-heading">
      <h2 id="responses-heading">{t('buyer.responses.title')}</h2>
      <p>{t('buyer.responses.intro')}</p>
      {responses.isPending ? <Loading /> : null}
      {responses.isError ? <ErrorState error={responses.error} onRetry={() => void responses.refetch()} /> : null}
      {responses.isSuccess
        ? lots.map((lot) => {
            const forLot = items.filter((r) => r.lot_id === lot.id)
            return (
              <div key={lot.id} className="buyer-card">
                <h3 lang={tender.language}>
                  {lot.title}
                </h3>
                {forLot.length === 0 ? <Empty title={t('buyer.responses.empty')} /> : null}
                <ul className="buyer-list">
                  {forLot.map((r) => (
                    <ResponseItem key={r.id} orgID={orgID} tender={tender} response={r} />
                  ))}
                </ul>
                <LotOutcome orgID={orgID} tender={tender} lot={lot} responders={forLot.map((r) => r.organisation_id)} last={withoutOutcome === 1} />
              </div>
            )
          })
        : null}
      <LoadMore query={responses} />
    </section>
  )
}

function ResponseItem({ orgID, tender, response }: { orgID: string; tender: Tender; response: TenderResponse }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const name = useOrganisationName(response.organisation_id)
  const supplierName = name.data ?? t('buyer.supplier')
  return (
    <li className="buyer-card" aria-label={t('buyer.responses.from', { name: supplierName })}>
      <div className="buyer-actions">
        <Link to={`/organisations/${response.organisation_id}`}>{supplierName}</Link>
        <Badge variant="light" color={response.state === 'accepted' ? 'green' : response.state === 'declined' ? 'red' : 'blue'}>
          {t(`buyer.responses.state.${response.state}`)}
        </Badge>
      </div>
      <dl className="facts">
        {response.price_cents !== undefined ? (
          <>
            <dt>{t('buyer.responses.price')}</dt>
            <dd>{formatMoney(response.price_cents, response.currency || 'EUR', ui)}</dd>
          </>
        ) : null}
        {response.price_text ? (
          <>
            <dt>{t('buyer.responses.priceText')}</dt>
            <dd>{response.price_text}</dd>
          </>
        ) : null}
        {response.submitted_at ? (
          <>
            <dt>{t('buyer.responses.submittedAt')}</dt>
            <dd>{formatDateTime(response.submitted_at, ui)}</dd>
          </>
        ) : null}
      </dl>
      <p>{response.message}</p>
      {(response.document_ids ?? []).length > 0 ? (
        <ul aria-label={t('buyer.responses.documents')}>
          {(response.document_ids ?? []).map((doc, i) => (
            <li key={doc}>
              <a href={`/api/v1/responses/${response.id}/documents/${doc}/download`}>
                {t('buyer.responses.download', { n: i + 1, name: supplierName })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {response.decision_reason ? (
        <p>
          <strong>{t('buyer.responses.reason')}</strong> {response.decision_reason}
        </p>
      ) : null}
      <ResponseDecision orgID={orgID} tenderID={tender.id} response={response} supplierName={supplierName} />
    </li>
  )
}

function LotOutcome({ orgID, tender, lot, responders, last }: { orgID: string; tender: Tender; lot: Lot; responders: string[]; last: boolean }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const [changing, setChanging] = useState(false)
  const suppliers = useOrganisationNames(responders)
  const outcome = lot.outcome
  const final = tender.state === 'awarded' || tender.state === 'not_awarded'
  return (
    <div className="buyer-outcome">
      <h4>{t('buyer.outcome.title')}</h4>
      {outcome && !changing ? (
        <>
          <p role="status">
            {t(`buyer.outcome.${outcome.result}`)}
            {outcome.amount_cents !== undefined ? ` – ${formatMoney(outcome.amount_cents, outcome.currency, ui)}` : ''}
            {outcome.supplier_id ? (
              <>
                {' – '}
                <OrganisationLink id={outcome.supplier_id} />
              </>
            ) : null}
          </p>
          {final ? (
            <p>{t('buyer.outcome.final')}</p>
          ) : (
            <Button variant="subtle" size="compact-sm" onClick={() => setChanging(true)}>
              {t('buyer.outcome.change')}
            </Button>
          )}
        </>
      ) : null}
      {(!outcome || changing) && !final ? (
        <OutcomeForm
          orgID={orgID}
          tenderID={tender.id}
          lot={lot}
          suppliers={suppliers}
          last={last && !outcome}
          onRecorded={() => setChanging(false)}
        />
      ) : null}
    </div>
  )
}

function CancelTender({ orgID, tender }: { orgID: string; tender: Tender }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/tenders/{tenderID}/cancel', {
          params: { path: { orgID, tenderID: tender.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: async (saved) => {
      client.setQueryData(['buyer', 'tender', saved.id], saved)
      await client.invalidateQueries({ queryKey: ['buyer', 'tenders'] })
      setOpen(false)
    },
  })
  const reasonError = rules.maxLength(t, 2000)(reason) ?? serverFieldErrors(cancel.error).reason
  const allowed = cancel.error instanceof ApiError ? (cancel.error.problem as { allowed?: string[] } | undefined)?.allowed : undefined
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('buyer.cancelTender.title')}</h2>
      {!open ? (
        <Button variant="outline" color="red" onClick={() => setOpen(true)}>
          {t('buyer.cancelTender.open')}
        </Button>
      ) : (
        <form
          className="buyer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (reasonError) return
            cancel.mutate()
          }}
        >
          <p>{t('buyer.cancelTender.warning')}</p>
          <Textarea
            label={t('buyer.cancelTender.reason')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
          />
          {cancel.isError && !serverFieldErrors(cancel.error).reason ? (
            <Alert color="red" role="alert">
              <p>{serverMessage(cancel.error, t)}</p>
              {allowed ? <p>{t('buyer.allowed', { actions: allowed.join(', ') })}</p> : null}
            </Alert>
          ) : null}
          <div className="buyer-actions">
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t('buyer.cancelTender.confirm')}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('buyer.cancelTender.keep')}
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
