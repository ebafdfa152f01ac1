import { Alert, Badge, Button } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { Countdown as SharedCountdown } from '../../components/Countdown'
import { Empty, ErrorState, Loading, PageError } from '../../components/States'
import { formatDateTime, formatMoney, languageName } from '../../components/format'
import { pickText } from '../../components/localized'
import { usePageTitle } from '../../components/usePageTitle'
import { RegionName, useRegionNames } from '../../components/regions'
import { isSupplier, useActiveOrganisation } from '../../workspace/organisations'
import { Clauses } from './Clauses'

type Tender = Schemas['TenderBody']

/** /tenders/{id}: the tender in the reader's language, its lots and clauses, Q&A, documents. */
export default function TenderPage() {
  const { id = '' } = useParams()
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const tender = useQuery({
    // Clause labels and eligibility reasons come in the reader's language.
    queryKey: ['tender', id, language],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenders/{tenderID}', { params: { path: { tenderID: id } } })),
  })
  if (tender.isPending) return <Loading />
  if (tender.isError) return <PageError error={tender.error} onRetry={() => void tender.refetch()} />
  return <TenderView tender={tender.data} />
}

function TenderView({ tender }: { tender: Tender }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const original: { language: string; title: string; description_html: string | undefined } = {
    language: tender.language,
    title: tender.title,
    description_html: tender.description_html,
  }
  const text = pickText(
    (tender.texts ?? []).map((x) => ({
      language: x.language as string,
      title: x.title,
      description_html: x.description_html,
    })),
    (x) => x.language,
    ui,
    original,
  )
  usePageTitle(text.title)
  const regionName = useRegionNames()
  // Published, but past its deadline (the server's clock decides).
  const responsesClosed = tender.state === 'published' && tender.deadline_passed
  const open = tender.state === 'published' && !tender.deadline_passed

  return (
    <article className="listing-page">
      <p className="listing-kind">
        <Badge variant="light" color="grape">
          {t('kind.tender')}
        </Badge>{' '}
        <Badge variant="light" color="gray">
          {t(`tender.kind.${tender.kind}`)}
        </Badge>{' '}
        <Badge variant="outline" color={open ? 'green' : 'gray'}>
          {responsesClosed ? t('tender.responsesClosed') : t(`tender.state.${tender.state}`)}
        </Badge>
      </p>
      <h1 lang={text.language}>{text.title}</h1>
      {responsesClosed ? (
        <Alert variant="light" color="gray" role="note" className="deadline-notice">
          {t('tender.deadlinePassedNotice')}
        </Alert>
      ) : null}
      <SupplierLink tenderID={tender.id} />
      {text.language !== ui ? (
        <p className="language-note">{t('listing.writtenIn', { language: languageName(text.language, ui) })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t('tender.buyer')}</dt>
        <dd>
          {tender.buyer_anonymous || !tender.buyer ? (
            t('tender.anonymousBuyer')
          ) : (
            <Link to={`/organisations/${tender.buyer.id}`}>{tender.buyer.name}</Link>
          )}
        </dd>
        {tender.place_town || tender.place_nuts ? (
          <>
            <dt>{t('tender.place')}</dt>
            <dd>
              {tender.place_town}
              {tender.place_town && tender.place_nuts ? ', ' : null}
              {tender.place_nuts ? <RegionName label={regionName(tender.place_nuts)} /> : null}
            </dd>
          </>
        ) : null}
        {tender.responses_deadline ? (
          <>
            <dt>{t('tender.deadline')}</dt>
            <dd>
              {formatDateTime(tender.responses_deadline, ui)}{' '}
              <Countdown deadline={tender.responses_deadline} passed={tender.deadline_passed} />
            </dd>
          </>
        ) : null}
        {tender.questions_deadline ? (
          <>
            <dt>{t('tender.questionsDeadline')}</dt>
            <dd>{formatDateTime(tender.questions_deadline, ui)}</dd>
          </>
        ) : null}
        {tender.response_languages && tender.response_languages.length > 0 ? (
          <>
            <dt>{t('tender.responseLanguages')}</dt>
            <dd>{tender.response_languages.map((l) => languageName(l, ui)).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {/* description_html is rendered and sanitized by the server: no raw HTML, scripts or images. */}
      <div
        className="listing-description"
        lang={text.language}
        dangerouslySetInnerHTML={{ __html: text.description_html ?? '' }}
      />
      <Lots tender={tender} />
      <Documents tender={tender} />
      <Questions tenderID={tender.id} />
    </article>
  )
}

/** Time left to respond, refreshed every minute; passed once the server or the clock says so. */
export function Countdown({ deadline, passed = false }: { deadline: string; passed?: boolean }) {
  const { t } = useTranslation()
  return (
    <SharedCountdown
      deadline={deadline}
      passed={passed}
      wrap
      passedVariant="filled"
      texts={{
        passed: t('tender.deadlinePassed'),
        left: ({ days, hours }) =>
          days > 0 ? t('tender.daysLeft', { count: days, hours }) : t('tender.hoursLeft', { count: hours }),
      }}
    />
  )
}

function Lots({ tender }: { tender: Tender }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const lots = tender.lots ?? []
  return (
    <section aria-labelledby="lots-heading">
      <h2 id="lots-heading">{t('tender.lots', { count: lots.length })}</h2>
      {lots.length === 0 ? <Empty title={t('tender.noLots')} /> : null}
      {lots.map((lot) => (
        <section key={lot.id} className="lot" aria-labelledby={`lot-${lot.id}`}>
          <h3 id={`lot-${lot.id}`} lang={tender.language}>
            {lot.title}
          </h3>
          {lot.eligibility ? <EligibilityBadge eligibility={lot.eligibility} /> : null}
          {lot.value_max_cents ? (
            <p>
              {t('tender.value')}{' '}
              {lot.value_min_cents && lot.value_min_cents !== lot.value_max_cents
                ? `${formatMoney(lot.value_min_cents, lot.currency ?? 'EUR', ui)} – `
                : ''}
              {formatMoney(lot.value_max_cents, lot.currency ?? 'EUR', ui)}
            </p>
          ) : null}
          {lot.description_html ? (
            <div lang={tender.language} dangerouslySetInnerHTML={{ __html: lot.description_html }} />
          ) : null}
          <Clauses lot={lot} />
        </section>
      ))}
    </section>
  )
}

function EligibilityBadge({ eligibility }: { eligibility: Schemas['EligibilityBody'] }) {
  const { t } = useTranslation()
  const color = eligibility.result === 'eligible' ? 'green' : eligibility.result === 'not_eligible' ? 'red' : 'gray'
  return (
    <div className="eligibility">
      <Badge color={color}>{t(`tender.eligibility.${eligibility.result}`)}</Badge>
      {eligibility.reasons && eligibility.reasons.length > 0 ? (
        <ul>
          {eligibility.reasons.map((reason) => (
            <li key={reason.code}>{reason.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function Documents({ tender }: { tender: Tender }) {
  const { t } = useTranslation()
  const ids = tender.document_ids ?? []
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('tender.documents')}</h2>
      {ids.length === 0 ? (
        <p>{t('tender.noDocuments')}</p>
      ) : (
        <ul>
          {ids.map((documentID, i) => (
            <li key={documentID}>
              <a href={`/api/v1/tenders/${tender.id}/documents/${documentID}/download`}>
                {t('tender.document', { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Questions({ tenderID }: { tenderID: string }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const questions = useCursorList({
    queryKey: ['tender-questions', tenderID],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/tenders/{tenderID}/questions', {
          params: { path: { tenderID }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  })
  const items = questions.items
  return (
    <section aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t('tender.questions')}</h2>
      {questions.isPending ? <Loading /> : null}
      {questions.isError ? <ErrorState error={questions.error} onRetry={() => void questions.refetch()} /> : null}
      {questions.isSuccess && items.length === 0 ? <p>{t('tender.noQuestions')}</p> : null}
      {items.length > 0 ? (
        <dl className="qa-list">
          {items.map((q) => (
            <div key={q.id}>
              <dt>{q.question}</dt>
              <dd>
                {q.answer ? q.answer : <em>{t('tender.unanswered')}</em>}
                {q.answered_at ? (
                  <span className="qa-date"> ({formatDateTime(q.answered_at, ui)})</span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {questions.hasNextPage ? (
        <Button variant="outline" onClick={() => void questions.fetchNextPage()} loading={questions.isFetchingNextPage}>
          {t('tender.moreQuestions')}
        </Button>
      ) : null}
    </section>
  )
}

/** For a signed-in member of a supplier: the way to this tender in the supplier workspace. */
function SupplierLink({ tenderID }: { tenderID: string }) {
  const { t } = useTranslation()
  const { organisation } = useActiveOrganisation()
  if (!isSupplier(organisation)) return null
  return (
    <p>
      <Link to={`/workspace/supplier/tenders/${tenderID}`}>{t('tender.supplierLink')}</Link>
    </p>
  )
}
