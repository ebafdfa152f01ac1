import { Alert, Button, Group, NativeSelect, TextInput, Textarea } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { formatMoney } from '../../components/format'
import { FileUpload } from '../FileUpload'
import { fieldError, serverFieldErrors, serverMessage } from '../forms'
import type { MemberOrganisation } from '../organisations'
import {
  BASE,
  Countdown,
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
import { LoadMore } from '../LoadMore'

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
  const all = responses.items
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
      <LoadMore query={responses} />
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

/** /workspace/supplier/tenders/:tenderID/lots/:lotID/respond: a response not saved yet. */
export function NewResponsePage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.editor.newTitle')}>{(org) => <NewResponse organisation={org} />}</SupplierPage>
}

function NewResponse({ organisation }: { organisation: MemberOrganisation }) {
  const { tenderID = '', lotID = '' } = useParams()
  const tender = useTender(tenderID)
  if (tender.isPending) return <Loading />
  if (tender.isError) return <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />
  return <ResponseEditor organisation={organisation} tender={tender.data} lotID={lotID} />
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
  return (
    <ResponseEditor
      key={response.data.id}
      organisation={organisation}
      response={response.data}
      tender={tender.data}
      lotID={response.data.lot_id}
    />
  )
}

/** The editor's values, as typed. */
export interface ResponseValues {
  message: string
  price: string
  price_text: string
}

/** Client-side errors of the response (the API's limits: a message of at most 20,000 characters, details 500). */
export function validateResponse(v: ResponseValues, t: (k: string, o?: Record<string, unknown>) => string) {
  const e: Record<string, string> = {}
  if (v.message.trim() === '') e.message = t('workspace.form.required')
  else if ([...v.message].length > 20000) e.message = t('workspace.form.tooLong', { max: 20000 })
  const cents = eurosToCents(v.price)
  if (cents !== null && Number.isNaN(cents)) e.price_cents = t('supplier.editor.amountFormat')
  if ([...v.price_text].length > 500) e.price_text = t('workspace.form.tooLong', { max: 500 })
  return e
}

/** What the editor shows for a response (none yet: a new one) in a state, given the deadline. */
export function responseMode(
  response: SupplierResponse | undefined,
  deadlinePassed: boolean,
): 'edit' | 'sent' | 'confirm' | 'closed' | 'decided' {
  if (response && ['shortlisted', 'accepted', 'declined'].includes(response.state)) return 'decided'
  if (deadlinePassed) return 'closed'
  if (!response) return 'edit'
  if (response.state === 'reconfirmation_required' || (response.state === 'submitted' && response.needs_confirmation)) return 'confirm'
  if (response.state === 'submitted') return 'sent'
  return 'edit'
}

/**
 * The response editor: message and price saved explicitly (the draft is
 * created by the first save), documents attached once the draft exists,
 * then sent, withdrawn or re-confirmed as the state allows; read-only
 * after the deadline, with the buyer's decision when there is one.
 */
export function ResponseEditor({
  organisation,
  response,
  tender,
  lotID,
}: {
  organisation: MemberOrganisation
  response?: SupplierResponse | undefined
  tender: Tender
  lotID: string
}) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [values, setValues] = useState<ResponseValues>({
    message: response?.message ?? '',
    price: centsToEuros(response?.price_cents),
    price_text: response?.price_text ?? '',
  })
  const [dirty, setDirty] = useState(false)
  const [touched, setTouched] = useState(false)
  const deadlinePassed = tender.deadline_passed || new Date(tender.responses_deadline).getTime() <= Date.now()
  const mode = responseMode(response, deadlinePassed)
  const setResponse = async (r: SupplierResponse) => {
    client.setQueryData(['supplier', 'response', r.id], r)
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
      response
        ? unwrap(await api.PUT('/api/v1/responses/{responseID}', { params: { path: { responseID: response.id } }, body: body() }))
        : unwrap(
            await api.POST('/api/v1/tenders/{tenderID}/lots/{lotID}/responses', {
              params: { path: { tenderID: tender.id, lotID } },
              body: body(),
            }),
          ),
    onSuccess: async (r) => {
      setDirty(false)
      await setResponse(r)
    },
  })
  const transition = useMutation({
    mutationFn: async ({ kind, responseID }: { kind: 'submit' | 'withdraw' | 'confirm'; responseID: string }) => {
      const path = { params: { path: { responseID } } }
      if (kind === 'submit') return unwrap(await api.POST('/api/v1/responses/{responseID}/submit', path))
      if (kind === 'withdraw') return unwrap(await api.POST('/api/v1/responses/{responseID}/withdraw', path))
      return unwrap(await api.POST('/api/v1/responses/{responseID}/confirm', path))
    },
    onSuccess: async (r) => {
      await setResponse(r)
      if (!response) void navigate(`${BASE}/responses/${r.id}`, { replace: true })
    },
  })
  const attach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.PUT('/api/v1/responses/{responseID}/documents/{documentID}', {
          params: { path: { responseID: response?.id ?? '', documentID } },
        }),
      ),
    onSuccess: setResponse,
  })
  const detach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.DELETE('/api/v1/responses/{responseID}/documents/{documentID}', {
          params: { path: { responseID: response?.id ?? '', documentID } },
        }),
      ),
    onSuccess: setResponse,
  })
  const errors = validateResponse(values, t as never)
  const server = serverFieldErrors(save.error)
  const err = (field: string) => fieldError(touched ? errors[field] : null, server, field)
  const set = (field: keyof ResponseValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setDirty(true)
    setTouched(true)
  }
  /** Saves the typed values; the saved response, or null when refused. */
  async function persist(): Promise<SupplierResponse | null> {
    setTouched(true)
    if (Object.keys(errors).length > 0) return null
    try {
      return await save.mutateAsync()
    } catch {
      return null
    }
  }
  async function onSave(event: React.FormEvent) {
    event.preventDefault()
    const saved = await persist()
    if (saved && !response) void navigate(`${BASE}/responses/${saved.id}`, { replace: true })
  }
  async function onSubmit() {
    const saved = dirty || !response ? await persist() : response
    if (!saved) return
    transition.mutate({ kind: 'submit', responseID: saved.id })
  }
  const title = tenderTitle(tender, ui)
  const lot = lotTitle(tender, lotID)
  const documents = response?.document_ids ?? []
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
          {response ? (
            <StateBadge state={response.state} label={t(`supplier.responses.state.${response.state}`)} />
          ) : (
            <StateBadge state="draft" label={t('supplier.editor.notSaved')} />
          )}
        </p>
        <p>{t(`supplier.editor.explain.${mode}`)}</p>
        {mode === 'decided' && response?.decision_reason ? (
          <Alert color={response.state === 'declined' ? 'red' : 'green'} title={t('supplier.editor.buyerSaid')}>
            {response.decision_reason}
          </Alert>
        ) : null}
        {response?.submitted_at ? (
          <p>{t('supplier.editor.submittedAt', { date: formatDateTime(response.submitted_at, ui) })}</p>
        ) : null}
      </div>

      {mode === 'edit' ? (
        <form onSubmit={(e) => void onSave(e)} noValidate className="supplier-form">
          <Textarea
            label={t('supplier.editor.message')}
            description={t('supplier.editor.messageHint')}
            required
            autosize
            minRows={8}
            maxLength={20000}
            value={values.message}
            onChange={(e) => set('message', e.currentTarget.value)}
            error={err('message')}
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
            <Button type="submit" variant="outline" loading={save.isPending} disabled={busy || (!!response && !dirty)}>
              {t('supplier.editor.save')}
            </Button>
          </Group>
        </form>
      ) : response ? (
        <ReadOnlyResponse response={response} />
      ) : null}

      <section aria-labelledby="response-documents">
        <h3 id="response-documents">{t('supplier.editor.documents')}</h3>
        {documents.length === 0 ? (
          <p>{response ? t('supplier.editor.noDocuments') : t('supplier.editor.saveFirst')}</p>
        ) : (
          <ul>
            {documents.map((docID) => (
              <li key={docID}>
                <DocumentName docID={docID} href={`/api/v1/responses/${response?.id ?? ''}/documents/${docID}/download`} />{' '}
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
        {mode === 'edit' && response ? (
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
          <Button onClick={() => void onSubmit()} loading={transition.isPending} disabled={busy}>
            {t('supplier.editor.submit')}
          </Button>
        </section>
      ) : null}
      {mode === 'sent' && response ? (
        <Group mt="md">
          <Button
            variant="outline"
            onClick={() => transition.mutate({ kind: 'withdraw', responseID: response.id })}
            loading={transition.isPending}
          >
            {t('supplier.editor.withdraw')}
          </Button>
          <span>{t('supplier.editor.withdrawHint')}</span>
        </Group>
      ) : null}
      {mode === 'confirm' && response ? (
        <Group mt="md">
          <Button onClick={() => transition.mutate({ kind: 'confirm', responseID: response.id })} loading={transition.isPending}>
            {t('supplier.editor.confirm')}
          </Button>
          <Button
            variant="outline"
            onClick={() => transition.mutate({ kind: 'withdraw', responseID: response.id })}
            loading={transition.isPending}
          >
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
