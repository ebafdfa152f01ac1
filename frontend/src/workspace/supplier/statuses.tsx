import { Alert, Button, Group, NativeSelect, NumberInput, TextInput } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { FileUpload } from '../FileUpload'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import type { MemberOrganisation } from '../organisations'
import { BASE, StateBadge, SupplierPage, formatDate, useUiLanguage, type SSEStatus } from './common'
import { useDocument, useStatuses } from './queries'
import { FormProblem } from '../FormProblem'

/** A status's state in words: verified until…, rejected, waiting for a moderator. */
export function StatusState({ status }: { status: SSEStatus }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const expired = new Date(`${status.valid_until}T23:59:59`).getTime() < Date.now()
  if (status.state === 'verified') {
    return expired ? (
      <StateBadge state="rejected" label={t('supplier.statuses.state.expired', { date: formatDate(status.valid_until, ui) })} />
    ) : (
      <StateBadge state="verified" label={t('supplier.statuses.state.verifiedUntil', { date: formatDate(status.valid_until, ui) })} />
    )
  }
  return <StateBadge state={status.state} label={t(`supplier.statuses.state.${status.state}`)} />
}

/** /workspace/supplier/statuses: the organisation's SSE statuses and their review. */
export function StatusesPage() {
  const { t } = useTranslation()
  return (
    <SupplierPage title={t('supplier.statuses.title')}>{(org) => <StatusList organisation={org} />}</SupplierPage>
  )
}

function StatusList({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const statuses = useStatuses(organisation.id)
  return (
    <>
      <p>{t('supplier.statuses.intro')}</p>
      <p>
        <Button component={Link} to={`${BASE}/statuses/new`}>
          {t('supplier.statuses.add')}
        </Button>
      </p>
      {statuses.isPending ? (
        <Loading />
      ) : statuses.isError ? (
        <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />
      ) : statuses.data.length === 0 ? (
        <Empty title={t('supplier.statuses.empty')} hint={t('supplier.statuses.emptyHint')} />
      ) : (
        <ul className="supplier-cards">
          {statuses.data.map((status) => (
            <li key={status.id} className="supplier-card">
              <h2>
                <Link to={`${BASE}/statuses/${status.id}`}>{status.type_label}</Link>
              </h2>
              <p>
                <StatusState status={status} />
              </p>
              <dl className="facts">
                <dt>{t('supplier.statuses.registration')}</dt>
                <dd>{status.registration_number}</dd>
                <dt>{t('supplier.statuses.validUntil')}</dt>
                <dd>{formatDate(status.valid_until, ui)}</dd>
                <dt>{t('supplier.statuses.evidence')}</dt>
                <dd>{t('supplier.statuses.evidenceCount', { count: status.evidence_document_ids?.length ?? 0 })}</dd>
              </dl>
              {status.state === 'rejected' && status.rejection_reason ? (
                <Alert color="red" title={t('supplier.statuses.rejectedReason')}>
                  {status.rejection_reason}
                </Alert>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** /workspace/supplier/statuses/new: declare a status of the organisation's country. */
export function StatusNewPage() {
  const { t } = useTranslation()
  return (
    <SupplierPage title={t('supplier.statuses.newTitle')}>{(org) => <StatusForm organisation={org} />}</SupplierPage>
  )
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The form's values, as typed. */
interface StatusValues {
  type: string
  registration_number: string
  valid_until: string
  disabled_share: number | string
  share_measured_on: string
}

/** Client-side errors of the status form (the API's limits). */
export function validateStatus(values: StatusValues, t: (key: string, options?: Record<string, unknown>) => string) {
  const errors: Partial<Record<keyof StatusValues, string>> = {}
  if (!values.type) errors.type = t('workspace.form.required')
  const registration =
    rules.required(t as never)(values.registration_number) ?? rules.maxLength(t as never, 200)(values.registration_number)
  if (registration) errors.registration_number = registration
  if (!DATE.test(values.valid_until)) errors.valid_until = t('workspace.form.required')
  else if (new Date(`${values.valid_until}T23:59:59`).getTime() < Date.now()) errors.valid_until = t('supplier.statuses.pastDate')
  const share = values.disabled_share
  if (share !== '' && (typeof share !== 'number' || share < 0 || share > 100)) errors.disabled_share = t('supplier.statuses.shareRange')
  if (share !== '' && !DATE.test(values.share_measured_on)) errors.share_measured_on = t('supplier.statuses.shareDateRequired')
  return errors
}

function StatusForm({ organisation }: { organisation: MemberOrganisation }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const client = useQueryClient()
  const country = organisation.country as 'FR'
  const types = useQuery({
    queryKey: ['supplier', 'sse-status-types', country, i18n.resolvedLanguage],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/sse-status-types', { params: { query: { country } } })).items ?? [],
    staleTime: 3_600_000,
  })
  const [values, setValues] = useState<StatusValues>({
    type: '',
    registration_number: '',
    valid_until: '',
    disabled_share: '',
    share_measured_on: '',
  })
  const [touched, setTouched] = useState<Partial<Record<keyof StatusValues, boolean>>>({})
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/sse-statuses', {
          params: { path: { orgID: organisation.id } },
          body: {
            type: values.type as 'fr_esat',
            registration_number: values.registration_number.trim(),
            valid_until: values.valid_until,
            ...(typeof values.disabled_share === 'number'
              ? { disabled_share: values.disabled_share, share_measured_on: values.share_measured_on }
              : {}),
          },
        }),
      ),
    onSuccess: async (status) => {
      await client.invalidateQueries({ queryKey: ['supplier', organisation.id, 'statuses'] })
      void navigate(`${BASE}/statuses/${status.id}`)
    },
  })
  const errors = validateStatus(values, t as never)
  const server = serverFieldErrors(create.error)
  const shown = (field: keyof StatusValues) => fieldError(touched[field] ? errors[field] : null, server, field)
  const set = (field: keyof StatusValues, value: string | number) => {
    setValues((v) => ({ ...v, [field]: value }))
    setTouched((x) => ({ ...x, [field]: true }))
  }
  function onSubmit(event: React.FormEvent) {
    event.preventDefault()
    setTouched({ type: true, registration_number: true, valid_until: true, disabled_share: true, share_measured_on: true })
    if (Object.keys(errors).length > 0) return
    create.mutate()
  }
  const general = create.isError && Object.keys(server).length === 0 ? serverMessage(create.error, t) : null
  return (
    <form onSubmit={onSubmit} noValidate className="supplier-form">
      <p>{t('supplier.statuses.newIntro')}</p>
      {types.isError ? <ErrorState error={types.error} onRetry={() => void types.refetch()} /> : null}
      <NativeSelect
        label={t('supplier.statuses.type')}
        required
        value={values.type}
        onChange={(e) => set('type', e.currentTarget.value)}
        error={shown('type')}
        data={[
          { value: '', label: types.isPending ? t('state.loading') : t('supplier.statuses.chooseType') },
          ...(types.data ?? []).map((type) => ({ value: type.code, label: type.label })),
        ]}
      />
      <StatusDetailFields values={values} set={set} shown={shown} />
      {general ? (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={create.isPending}>
          {t('supplier.statuses.create')}
        </Button>
        <Button component={Link} to={`${BASE}/statuses`} variant="subtle">
          {t('supplier.cancel')}
        </Button>
      </Group>
    </form>
  )
}

/** /workspace/supplier/statuses/:statusID: one status, its evidence and its review. */
export function StatusDetailPage() {
  const { t } = useTranslation()
  return (
    <SupplierPage title={t('supplier.statuses.detailTitle')}>{(org) => <StatusDetail organisation={org} />}</SupplierPage>
  )
}

function StatusDetail({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const { statusID = '' } = useParams()
  const navigate = useNavigate()
  const client = useQueryClient()
  const statuses = useStatuses(organisation.id)
  const orgID = organisation.id
  const refresh = () => client.invalidateQueries({ queryKey: ['supplier', orgID, 'statuses'] })
  const attach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}', {
          params: { path: { orgID, statusID, documentID } },
        }),
      ),
    onSuccess: refresh,
  })
  const detach = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/sse-statuses/{statusID}/evidence/{documentID}', {
          params: { path: { orgID, statusID, documentID } },
        }),
      ),
    onSuccess: refresh,
  })
  const request = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/sse-statuses/{statusID}/verification-request', {
          params: { path: { orgID, statusID } },
        }),
      ),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/sse-statuses/{statusID}', { params: { path: { orgID, statusID } } }),
      ),
    onSuccess: async () => {
      await refresh()
      void navigate(`${BASE}/statuses`)
    },
  })
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [editing, setEditing] = useState(false)
  if (statuses.isPending) return <Loading />
  if (statuses.isError) return <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />
  const status = statuses.data.find((s) => s.id === statusID)
  if (!status) return <Empty title={t('state.notFoundTitle')} hint={t('state.notFoundBody')} />
  const evidence = status.evidence_document_ids ?? []
  const editable = status.state !== 'pending'
  const canRequest = (status.state === 'unverified' || status.state === 'rejected') && evidence.length > 0
  const failed = [attach, detach, request, remove].find((m) => m.isError)
  return (
    <>
      <h2>{status.type_label}</h2>
      <p>
        <StatusState status={status} />
      </p>
      <p>{t(`supplier.statuses.explain.${status.state}`)}</p>
      {status.state === 'rejected' && status.rejection_reason ? (
        <Alert color="red" title={t('supplier.statuses.rejectedReason')}>
          {status.rejection_reason}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t('supplier.statuses.registration')}</dt>
        <dd>{status.registration_number}</dd>
        <dt>{t('supplier.statuses.validUntil')}</dt>
        <dd>{formatDate(status.valid_until, ui)}</dd>
        {status.disabled_share !== undefined ? (
          <>
            <dt>{t('supplier.statuses.share')}</dt>
            <dd>
              {new Intl.NumberFormat(ui, { maximumFractionDigits: 2 }).format(status.disabled_share)} %
              {status.share_measured_on ? ` (${formatDate(status.share_measured_on, ui)})` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {editable ? (
        editing ? (
          <StatusEditForm organisation={organisation} status={status} onDone={() => setEditing(false)} />
        ) : (
          <Button variant="outline" onClick={() => setEditing(true)} mb="md">
            {t('supplier.statuses.edit')}
          </Button>
        )
      ) : null}
      <section aria-labelledby="evidence-heading">
        <h3 id="evidence-heading">{t('supplier.statuses.evidence')}</h3>
        {evidence.length === 0 ? (
          <p>{t('supplier.statuses.noEvidence')}</p>
        ) : (
          <ul>
            {evidence.map((docID) => (
              <li key={docID}>
                <DocumentName docID={docID} />{' '}
                {editable ? (
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
        {editable ? (
          <FileUpload
            organisationID={orgID}
            purpose="sse_evidence"
            label={t('supplier.statuses.uploadEvidence')}
            onUploaded={(doc) => attach.mutate(doc.id)}
          />
        ) : null}
      </section>
      {failed ? (
        <Alert color="red" role="alert">
          {serverMessage(failed.error, t)}
        </Alert>
      ) : null}
      <Group mt="md">
        {status.state === 'unverified' || status.state === 'rejected' ? (
          <Button onClick={() => request.mutate()} loading={request.isPending} disabled={!canRequest}>
            {t('supplier.statuses.requestVerification')}
          </Button>
        ) : null}
        {confirmDelete ? (
          <>
            <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('supplier.statuses.confirmDelete')}
            </Button>
            <Button variant="subtle" onClick={() => setConfirmDelete(false)}>
              {t('supplier.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="outline" color="red.9" onClick={() => setConfirmDelete(true)}>
            {t('supplier.statuses.delete')}
          </Button>
        )}
      </Group>
      {!canRequest && evidence.length === 0 && editable ? <p>{t('supplier.statuses.needEvidence')}</p> : null}
      <p>
        <Link to={`${BASE}/statuses`}>{t('supplier.statuses.back')}</Link>
      </p>
    </>
  )
}

/** Changes a status's number, dates and share (PATCH); a verified status goes back to a moderator. */
function StatusEditForm({
  organisation,
  status,
  onDone,
}: {
  organisation: MemberOrganisation
  status: SSEStatus
  onDone: () => void
}) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [values, setValues] = useState<StatusValues>({
    type: status.type,
    registration_number: status.registration_number,
    valid_until: status.valid_until,
    disabled_share: status.disabled_share ?? '',
    share_measured_on: status.share_measured_on ?? '',
  })
  const [touched, setTouched] = useState(false)
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/sse-statuses/{statusID}', {
          params: { path: { orgID: organisation.id, statusID: status.id } },
          body: {
            registration_number: values.registration_number.trim(),
            valid_until: values.valid_until,
            ...(typeof values.disabled_share === 'number'
              ? { disabled_share: values.disabled_share, share_measured_on: values.share_measured_on }
              : { clear_share: true }),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['supplier', organisation.id, 'statuses'] })
      onDone()
    },
  })
  const errors = validateStatus(values, t as never)
  const server = serverFieldErrors(save.error)
  const shown = (field: keyof StatusValues) => fieldError(touched ? errors[field] : null, server, field)
  const set = (field: keyof StatusValues, value: string | number) => {
    setValues((v) => ({ ...v, [field]: value }))
    setTouched(true)
  }
  return (
    <form
      noValidate
      className="supplier-form supplier-fieldset"
      onSubmit={(event) => {
        event.preventDefault()
        setTouched(true)
        if (Object.keys(errors).length === 0) save.mutate()
      }}
    >
      {status.state === 'verified' ? <Alert color="yellow">{t('supplier.statuses.editVerifiedWarning')}</Alert> : null}
      <StatusDetailFields values={values} set={set} shown={shown} />
      <FormProblem error={save.error} fieldErrors={server} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('supplier.statuses.saveChanges')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('supplier.cancel')}
        </Button>
      </Group>
    </form>
  )
}

/** A document's file name, with a download link. */
export function DocumentName({ docID, href }: { docID: string; href?: string }) {
  const { t } = useTranslation()
  const doc = useDocument(docID)
  const name = doc.data?.filename ?? (doc.isError ? t('supplier.document') : t('state.loading'))
  return <a href={href ?? `/api/v1/documents/${docID}/download`}>{name}</a>
}

/**
 * The details of a status, the same when it is added and when it is edited:
 * registration number, validity, and the share of disabled workers with
 * the date it was measured on.
 */
function StatusDetailFields({
  values,
  set,
  shown,
}: {
  values: StatusValues
  set: (field: keyof StatusValues, value: string | number) => void
  shown: (field: keyof StatusValues) => string | undefined
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('supplier.statuses.registration')}
        description={t('supplier.statuses.registrationHint')}
        required
        maxLength={200}
        value={values.registration_number}
        onChange={(e) => set('registration_number', e.currentTarget.value)}
        error={shown('registration_number')}
      />
      <TextInput
        type="date"
        label={t('supplier.statuses.validUntil')}
        description={t('supplier.statuses.validUntilHint')}
        required
        value={values.valid_until}
        onChange={(e) => set('valid_until', e.currentTarget.value)}
        error={shown('valid_until')}
      />
      <NumberInput
        label={t('supplier.statuses.share')}
        description={t('supplier.statuses.shareHint')}
        min={0}
        max={100}
        decimalScale={2}
        suffix=" %"
        value={values.disabled_share}
        onChange={(value) => set('disabled_share', value)}
        error={shown('disabled_share')}
      />
      {values.disabled_share !== '' ? (
        <TextInput
          type="date"
          label={t('supplier.statuses.shareDate')}
          required
          value={values.share_measured_on}
          onChange={(e) => set('share_measured_on', e.currentTarget.value)}
          error={shown('share_measured_on')}
        />
      ) : null}
    </>
  )
}
