import { Alert, Button, Group, NativeSelect, TextInput, Textarea } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { formatMoney } from '../../components/format'
import { FileUpload } from '../FileUpload'
import { fieldError, serverFieldErrors, serverMessage } from '../forms'
import type { MemberOrganisation } from '../organisations'
import {
  BASE,
  Countdown,
  LoadMore,
  StateBadge,
  SupplierPage,
  centsToEuros,
  eurosToCents,
  formatDateTime,
  useUiLanguage,
  type SupplierResponse,
  type Tender,
} from './common'
import { useResponses, useTender } from './queries'
import { DocumentName } from './statuses'
import { tenderTitle } from './tenders'

export const RESPONSE_STATES = [
  'draft',
  'submitted',
  'reconfirmation_required',
  'withdrawn',
  'shortlisted',
  'accepted',
  'declined',
] as const

/** The lot's title in the tender, if it is still there. */
function lotTitle(tender: Tender | undefined, lotID: string): string {
  const lot = tender?.lots?.find((l) => l.id === lotID)
  return lot ? lot.title : ''
}

/** /workspace/supplier/responses: the organisation's responses by state. */
export function ResponsesPage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.responses.title')}>{(org) => <ResponseList organisation={org} />}</SupplierPage>
}

function ResponseList({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const state = params.get('state') ?? ''
  const responses = useResponses(organisation.id)
  const all = responses.data?.pages.flatMap((p) => p.items ?? []) ?? []
  const items = state ? all.filter((r) => r.state === state) : all
  return (
    <>
      <p>{t('supplier.responses.intro')}</p>
      <NativeSelect
        label={t('supplier.responses.filterState')}
        value={state}
        maw={320}
        mb="md"
        onChange={(e) => {
          const next = e.currentTarget.value
          setParams(next ? { state: next } : {}, { replace: true })
        }}
        data={[
          { value: '', label: t('supplier.responses.allStates') },
          ...RESPONSE_STATES.map((s) => ({ value: s, label: t(`supplier.responses.state.${s}`) })),
        ]}
      />
      {responses.isPending ? (
        <Loading />
      ) : responses.isError ? (
        <ErrorState error={responses.error} onRetry={() => void responses.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('supplier.responses.empty')} hint={t('supplier.responses.emptyHint')} />
      ) : (
        <ul className="supplier-cards">
          {items.map((r) => (
            <ResponseCard key={r.id} response={r} />
          ))}
        </ul>
      )}
      <LoadMore
        hasNextPage={responses.hasNextPage}
        isFetchingNextPage={responses.isFetchingNextPage}
        fetchNextPage={responses.fetchNextPage}
      />
    </>
  )
}

function ResponseCard({ response }: { response: SupplierResponse }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const tender = useTender(response.tender_id)
  const title = tender.data ? tenderTitle(tender.data, ui) : null
  const lot = lotTitle(tender.data, response.lot_id)
  return (
    <li className="supplier-card">
      <h2 lang={title?.lang}>
        <Link to={`${BASE}/responses/${response.id}`}>
          {title ? title.title : tender.isError ? t('supplier.responses.unknownTender') : t('state.loading')}
        </Link>
      </h2>
      {lot ? <p>{t('supplier.responses.lot', { lot })}</p> : null}
      <p>
        <StateBadge state={response.state} label={t(`supplier.responses.state.${response.state}`)} />
        {response.needs_confirmation ? ` ${t('supplier.responses.needsConfirmation')}` : ''}
      </p>
      {tender.data ? (
        <p>
          {t('supplier.responses.deadline', { date: formatDateTime(tender.data.responses_deadline, ui) })}{' '}
          <Countdown deadline={tender.data.responses_deadline} />
        </p>
      ) : null}
    </li>
  )
}

/** /workspace/supplier/responses/:responseID: write, attach, submit, withdraw, re-confirm. */
export function ResponseEditorPage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.editor.title')}>{(org) => <ResponseLoader organisation={org} />}</SupplierPage>
}

function ResponseLoader({ organisation }: { organisation: MemberOrganisation }) {
  const { responseID = '' } = useParams()
  const response = useQuery({
    queryKey: ['supplier', 'response', responseID],
    queryFn: async () => unwrap(await api.GET('/api/v1/responses/{responseID}', { params: { path: { responseID } } })),
  })
  const tender = useTender(response.data?.tender_id)
  if (response.isPending || (response.data && tender.isPending)) return <Loading />
  if (response.isError) return <ErrorState error={response.error} onRetry={() => void response.refetch()} />
  if (tender.isError) return <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
  if (!tender.data) return <Loading />
  return <ResponseEditor organisation={organisation} response={response.data} tender={tender.data} />
}

/** Client-side errors of the response (the API's limits: 20,000 and 500 characters). */
export function validateResponse(v: { message: string; price: string; price_text: string }, t: (k: string, o?: Record<string, unknown>) => string) {
  const e: Record<string, string> = {}
  if ([...v.message].length > 20000) e.message = t('workspace.form.tooLong', { max: 20000 })
  const cents = eurosToCents(v.price)
  if (cents !== null && Number.isNaN(cents)) e.price_cents = t('supplier.editor.amountFormat')
  if ([...v.price_text].length > 500) e.price_text = t('workspace.form.tooLong', { max: 500 })
  return e
}

/** What the editor shows for a response in a state, given the deadline. */
export function responseMode(response: SupplierResponse, deadlinePassed: boolean): 'edit' | 'sent' | 'confirm' | 'closed' | 'decided' {
  if (['shortlisted', 'accepted', 'declined'].includes(response.state)) return 'decided'
  if (deadlinePassed) return 'closed'
  if (response.state === 'reconfirmation_required' || (response.state === 'submitted' && response.needs_confirmation)) return 'confirm'
  if (response.state === 'submitted') return 'sent'
  return 'edit'
}

export function ResponseEditor({
  organisation,
  response,
  tender,
}: {
  organisation: MemberOrganisation
  response: SupplierResponse
  tender: Tender
}) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const client = useQueryClient()
  const [values, setValues] = useState({
    message: response.message ?? '',
    price: centsToEuros(response.price_cents),
    price_text: response.price_text ?? '',
  })
  const [dirty, setDirty] = useState(false)
  const [touched, setTouched] = useState(false)
  const deadlinePassed = tender.deadline_passed || new Date(tender.responses_deadline).getTime() <= Date.now()
  const mode = responseMode(response, deadlinePassed)
  const key = ['supplier', 'response', response.id]
  const setResponse = async (r: SupplierResponse) => {
    client.setQueryData(key, r)
    await client.invalidateQueries({ queryKey: ['supplier', organisation.id, 'responses'] })
  }
  const body = () => {
    const cents = eurosToCents(values.price)
    return {
      message: values.message,
      currency: 'EUR',
      ...(cents !== null && !Number.isNaN(cents) ? { price_cents: cents } : {}),
      ...(values.price_text.trim() ? { price_text: values.price_text.trim() } : {}),
    }
  }
  const save = useMutation({
    mutationFn: async () =>
      unwrap(await api.PUT('/api/v1/responses/{responseID}', { params: { path: { responseID: response.id } }, body: body() })),
    onSuccess: async (r) => {
      setDirty(false)
      await setResponse(r)
    },
  })
  const transition = useMutation({
    mutationFn: async (kind: 'submit' | 'withdraw' | 'confirm') => {
      const path = { params: { path: { responseID: response.id } } }
      if (kind === 'submit') return unwrap(await api.POST('/api/v1/responses/{responseID}/submit', path))
      if (kind === 'withdraw') return unwrap(await api.POST('/api/v1/responses/{responseID}/withdraw', path))
      return unwrap(await api.POST('/api/v1/responses/{responseID}/confirm', path))
    },
    onSuccess: setResponse,
  })
  const attach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.PUT('/api/v1/responses/{responseID}/documents/{documentID}', {
          params: { path: { responseID: response.id, documentID } },
        }),
      ),
    onSuccess: setResponse,
  })
  const detach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.DELETE('/api/v1/responses/{responseID}/documents/{documentID}', {
          params: { path: { responseID: response.id, documentID } },
        }),
      ),
    onSuccess: setResponse,
  })
  const errors = validateResponse(values, t as never)
  const server = serverFieldErrors(save.error)
  const err = (field: string) => fieldError(touched ? errors[field] : null, server, field)
  const set = (field: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setDirty(true)
    setTouched(true)
  }
  async function onSave(event?: React.FormEvent) {
    event?.preventDefault()
    setTouched(true)
    if (Object.keys(errors).length > 0) return false
    try {
      await save.mutateAsync()
      return true
    } catch {
      return false
    }
  }
  async function onSubmit() {
    setTouched(true)
    if (values.message.trim() === '' && (response.document_ids ?? []).length === 0) return
    if (dirty && !(await onSave())) return
    transition.mutate('submit')
  }
  const emptyError =
    touched && values.message.trim() === '' && (response.document_ids ?? []).length === 0 ? t('supplier.editor.emptyResponse') : null
  const title = tenderTitle(tender, ui)
  const lot = lotTitle(tender, response.lot_id)
  const documents = response.document_ids ?? []
  const failed = [transition, attach, detach].find((m) => m.isError)
  const saveGeneral = save.isError && Object.keys(server).length === 0 ? save.error : null
  const busy = save.isPending || transition.isPending

  return (
    <>
      <h2 lang={title.lang}>
        <Link to={`${BASE}/tenders/${tender.id}`}>{title.title}</Link>
      </h2>
      {lot ? <p>{t('supplier.responses.lot', { lot })}</p> : null}
      <p>
        {t('supplier.responses.deadline', { date: formatDateTime(tender.responses_deadline, ui) })}{' '}
        <Countdown deadline={tender.responses_deadline} />
      </p>
      <div className="supplier-state">
        <p>
          {t('supplier.editor.stateLabel')}{' '}
          <StateBadge state={response.state} label={t(`supplier.responses.state.${response.state}`)} />
        </p>
        <p>{t(`supplier.editor.explain.${mode}`)}</p>
        {mode === 'decided' && response.decision_reason ? (
          <Alert color={response.state === 'declined' ? 'red' : 'green'} title={t('supplier.editor.buyerSaid')}>
            {response.decision_reason}
          </Alert>
        ) : null}
        {response.submitted_at ? (
          <p>{t('supplier.editor.submittedAt', { date: formatDateTime(response.submitted_at, ui) })}</p>
        ) : null}
      </div>

      {mode === 'edit' ? (
        <form onSubmit={(e) => void onSave(e)} noValidate className="supplier-form">
          <Textarea
            label={t('supplier.editor.message')}
            description={t('supplier.editor.messageHint')}
            autosize
            minRows={8}
            maxLength={20000}
            value={values.message}
            onChange={(e) => set('message', e.currentTarget.value)}
            error={err('message') ?? emptyError ?? undefined}
          />
          <Group grow align="start">
            <TextInput
              label={t('supplier.editor.price')}
              description={t('supplier.editor.priceHint')}
              inputMode="decimal"
              value={values.price}
              onChange={(e) => set('price', e.currentTarget.value)}
              error={err('price_cents')}
            />
            <TextInput
              label={t('supplier.editor.priceText')}
              maxLength={500}
              value={values.price_text}
              onChange={(e) => set('price_text', e.currentTarget.value)}
              error={err('price_text')}
            />
          </Group>
          {saveGeneral ? (
            <Alert color="red" role="alert">
              {serverMessage(saveGeneral, t)}
            </Alert>
          ) : null}
          <p role="status">{dirty ? t('workspace.form.unsaved') : save.isSuccess ? t('workspace.form.saved') : ''}</p>
          <Group>
            <Button type="submit" variant="outline" loading={save.isPending} disabled={busy || !dirty}>
              {t('supplier.editor.save')}
            </Button>
          </Group>
        </form>
      ) : (
        <ReadOnlyResponse response={response} />
      )}

      <section aria-labelledby="response-documents">
        <h3 id="response-documents">{t('supplier.editor.documents')}</h3>
        {documents.length === 0 ? (
          <p>{t('supplier.editor.noDocuments')}</p>
        ) : (
          <ul>
            {documents.map((docID) => (
              <li key={docID}>
                <DocumentName docID={docID} href={`/api/v1/responses/${response.id}/documents/${docID}/download`} />{' '}
                {mode === 'edit' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    loading={detach.isPending && detach.variables === docID}
                    onClick={() => detach.mutate(docID)}
                  >
                    {t('supplier.detach')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {mode === 'edit' ? (
          <FileUpload
            organisationID={organisation.id}
            purpose="response_document"
            label={t('supplier.editor.attach')}
            onUploaded={(doc) => attach.mutate(doc.id)}
          />
        ) : null}
      </section>

      {failed ? (
        <Alert color="red" role="alert" mt="md">
          {serverMessage(failed.error, t)}
        </Alert>
      ) : null}

      {mode === 'edit' ? (
        <section aria-labelledby="response-submit" className="supplier-submit">
          <h3 id="response-submit">{t('supplier.editor.submitHeading')}</h3>
          <p>{t('supplier.editor.sealed', { date: formatDateTime(tender.responses_deadline, ui) })}</p>
          <Button color="green" onClick={() => void onSubmit()} loading={transition.isPending} disabled={busy}>
            {t('supplier.editor.submit')}
          </Button>
        </section>
      ) : null}
      {mode === 'sent' ? (
        <Group mt="md">
          <Button variant="outline" onClick={() => transition.mutate('withdraw')} loading={transition.isPending}>
            {t('supplier.editor.withdraw')}
          </Button>
          <span>{t('supplier.editor.withdrawHint')}</span>
        </Group>
      ) : null}
      {mode === 'confirm' ? (
        <Group mt="md">
          <Button color="orange" onClick={() => transition.mutate('confirm')} loading={transition.isPending}>
            {t('supplier.editor.confirm')}
          </Button>
          <Button variant="outline" onClick={() => transition.mutate('withdraw')} loading={transition.isPending}>
            {t('supplier.editor.withdraw')}
          </Button>
        </Group>
      ) : null}
    </>
  )
}

function ReadOnlyResponse({ response }: { response: SupplierResponse }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  return (
    <dl className="facts">
      <dt>{t('supplier.editor.message')}</dt>
      <dd className="response-message">{response.message || '—'}</dd>
      <dt>{t('supplier.editor.price')}</dt>
      <dd>
        {response.price_cents !== undefined ? formatMoney(response.price_cents, response.currency, ui) : '—'}
        {response.price_text ? ` (${response.price_text})` : ''}
      </dd>
    </dl>
  )
}
