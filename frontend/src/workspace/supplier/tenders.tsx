import { Badge, Button, Group, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { queryParams } from '../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../components/States'
import { fieldError, serverFieldErrors, useRequiredText } from '../forms'
import type { MemberOrganisation } from '../organisations'
import {
  BASE,
  Countdown,
  StateBadge,
  SupplierPage,
  formatDateTime,
  useUiLanguage,
  type Lot,
  type SupplierResponse,
  type Tender,
} from './common'
import { useResponses, useTender } from './queries'
import { FormProblem } from '../FormProblem'
import { LoadMore } from '../LoadMore'

/** The tender's title in the reader's language, else the original. */
export function tenderTitle(tender: Tender, ui: string): { title: string; lang: string } {
  const text = (tender.texts ?? []).find((x) => x.language === ui)
  return text ? { title: text.title, lang: ui } : { title: tender.title, lang: tender.language }
}

/** /workspace/supplier/tenders/:tenderID: read a tender's lots, ask, respond or decline. */
export function TenderAnswerPage() {
  const { t } = useTranslation()
  const { tenderID = '' } = useParams()
  return (
    <SupplierPage title={t('supplier.tender.title')}>
      {(org) => <TenderAnswer organisation={org} tenderID={tenderID} />}
    </SupplierPage>
  )
}

function TenderAnswer({ organisation, tenderID }: { organisation: MemberOrganisation; tenderID: string }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const tender = useTender(tenderID)
  const responses = useResponses(organisation.id, 100)
  if (tender.isPending) return <Loading />
  if (tender.isError) return <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
  const data = tender.data
  const title = tenderTitle(data, ui)
  const open = data.state === 'published' && !data.deadline_passed
  const mine = responses.items.filter((r) => r.tender_id === data.id)
  return (
    <>
      <h2 lang={title.lang}>{title.title}</h2>
      <p>
        <Link to={`/tenders/${data.id}`}>{t('supplier.tender.publicPage')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('supplier.tender.buyer')}</dt>
        <dd>{data.buyer_anonymous || !data.buyer ? t('supplier.tender.anonymous') : data.buyer.name}</dd>
        <dt>{t('supplier.tender.state')}</dt>
        <dd>
          <StateBadge state={data.state === 'published' ? 'published' : 'archived'} label={t(`tender.state.${data.state}`)} />
        </dd>
        <dt>{t('supplier.tender.responsesDeadline')}</dt>
        <dd>
          {formatDateTime(data.responses_deadline, ui)} <Countdown deadline={data.responses_deadline} />
        </dd>
        <dt>{t('supplier.tender.questionsDeadline')}</dt>
        <dd>
          {formatDateTime(data.questions_deadline, ui)} <Countdown deadline={data.questions_deadline} />
        </dd>
      </dl>
      <section aria-labelledby="tender-lots">
        <h2 id="tender-lots">{t('supplier.tender.lots')}</h2>
        {responses.isError ? <ErrorState error={responses.error} onRetry={() => void responses.refetch()} /> : null}
        <ul className="supplier-cards">
          {(data.lots ?? []).map((lot) => (
            <LotCard
              key={lot.id}
              tender={data}
              lot={lot}
              open={open}
              response={mine.find((r) => r.lot_id === lot.id)}
              responsesLoading={responses.isPending}
            />
          ))}
        </ul>
      </section>
      <Questions tender={data} />
      {open ? <NotInterested tender={data} /> : null}
    </>
  )
}

function LotCard({
  tender,
  lot,
  open,
  response,
  responsesLoading,
}: {
  tender: Tender
  lot: Lot
  open: boolean
  response: SupplierResponse | undefined
  responsesLoading: boolean
}) {
  const { t } = useTranslation()
  const eligibility = lot.eligibility
  const headingID = `lot-${lot.id}`
  return (
    <li className="supplier-card" aria-labelledby={headingID}>
      <h3 id={headingID}>
        {t('supplier.tender.lotNumber', { position: lot.position + 1 })} <span lang={tender.language}>{lot.title}</span>
      </h3>
      {lot.clause_labels?.reserved_participation ? <p>{lot.clause_labels.reserved_participation}</p> : null}
      {eligibility ? (
        <div>
          <Badge
            variant="light"
            color={eligibility.result === 'eligible' ? 'green' : eligibility.result === 'not_eligible' ? 'red' : 'gray'}
          >
            {t(`supplier.tender.eligibility.${eligibility.result}`)}
          </Badge>
          {(eligibility.reasons ?? []).length > 0 ? (
            <ul>
              {(eligibility.reasons ?? []).map((r) => (
                <li key={r.code}>{r.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {/* description_html is rendered and sanitized by the server. */}
      <div className="listing-description" lang={tender.language} dangerouslySetInnerHTML={{ __html: lot.description_html ?? '' }} />
      {response ? (
        <p>
          <StateBadge state={response.state} label={t(`supplier.responses.state.${response.state}`)} />{' '}
          <Link to={`${BASE}/responses/${response.id}`}>{t('supplier.tender.openResponse', { lot: lot.title })}</Link>
        </p>
      ) : open ? (
        <Button component={Link} to={`${BASE}/tenders/${tender.id}/lots/${lot.id}/respond`} disabled={responsesLoading}>
          {t('supplier.tender.respond', { lot: lot.title })}
        </Button>
      ) : (
        <p>{t('supplier.tender.closed')}</p>
      )}
    </li>
  )
}

function Questions({ tender }: { tender: Tender }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const client = useQueryClient()
  const questions = useCursorList({
    queryKey: ['supplier', 'questions', tender.id],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/tenders/{tenderID}/questions', {
          params: { path: { tenderID: tender.id }, query: queryParams({ cursor, limit: 50 }) },
        }),
      ),
  })
  const question = useRequiredText(4000)
  const [sent, setSent] = useState(false)
  const ask = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenders/{tenderID}/questions', {
          params: { path: { tenderID: tender.id } },
          body: { question: question.value.trim() },
        }),
      ),
    onSuccess: async () => {
      question.setValue('')
      question.setTouched(false)
      setSent(true)
      await client.invalidateQueries({ queryKey: ['supplier', 'questions', tender.id] })
    },
  })
  const canAsk = tender.state === 'published' && new Date(tender.questions_deadline).getTime() > Date.now()
  const server = serverFieldErrors(ask.error)
  const items = questions.items
  return (
    <section aria-labelledby="tender-questions">
      <h2 id="tender-questions">{t('supplier.tender.questions')}</h2>
      {questions.isPending ? (
        <Loading />
      ) : questions.isError ? (
        <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('supplier.tender.noQuestions')} />
      ) : (
        <ul className="supplier-cards">
          {items.map((q) => (
            <li key={q.id} className="supplier-card">
              <p>
                <strong>{q.mine ? t('supplier.tender.yourQuestion') : t('supplier.tender.question')}</strong> {q.question}
              </p>
              {q.answer ? (
                <p>
                  <strong>{t('supplier.tender.answer')}</strong> {q.answer}
                </p>
              ) : (
                <p>{t('supplier.tender.notAnswered', { date: formatDateTime(q.created_at, ui) })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={questions} />
      {canAsk ? (
        <form
          noValidate
          className="supplier-form"
          onSubmit={(e) => {
            e.preventDefault()
            setSent(false)
            if (!question.check()) return
            ask.mutate()
          }}
        >
          <Textarea
            label={t('supplier.tender.ask')}
            description={t('supplier.tender.askHint')}
            {...question.inputProps}
            autosize
            minRows={3}
            maxLength={4000}
            error={fieldError(question.error, server, 'question')}
          />
          <FormProblem error={ask.error} fieldErrors={server} />
          {sent ? <p role="status">{t('supplier.tender.asked')}</p> : null}
          <Button type="submit" loading={ask.isPending}>
            {t('supplier.tender.send')}
          </Button>
        </form>
      ) : (
        <p>{t('supplier.tender.questionsClosed')}</p>
      )}
    </section>
  )
}

function NotInterested({ tender }: { tender: Tender }) {
  const { t } = useTranslation()
  const reason = useRequiredText(2000)
  const say = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/tenders/{tenderID}/not-interested', {
          params: { path: { tenderID: tender.id } },
          body: { reason: reason.value.trim() },
        }),
      ),
  })
  const server = serverFieldErrors(say.error)
  return (
    <section aria-labelledby="tender-decline">
      <h2 id="tender-decline">{t('supplier.tender.notInterested')}</h2>
      <p>{t('supplier.tender.notInterestedHint')}</p>
      <form
        noValidate
        className="supplier-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!reason.check()) return
          say.mutate()
        }}
      >
        <Textarea
          label={t('supplier.tender.notInterestedReason')}
          {...reason.inputProps}
          autosize
          minRows={2}
          maxLength={2000}
          error={fieldError(reason.error, server, 'reason')}
        />
        <FormProblem error={say.error} fieldErrors={server} />
        {say.isSuccess ? <p role="status">{t('supplier.tender.notInterestedSaved')}</p> : null}
        <Group>
          <Button type="submit" variant="outline" loading={say.isPending}>
            {t('supplier.tender.notInterestedSend')}
          </Button>
        </Group>
      </form>
    </section>
  )
}
