import { Alert, Badge, Button, Group, Modal, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { countryName, formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { fieldError, serverFieldErrors, serverMessage } from '../forms'
import { useIsOwnOrganisation, useOrganisation, useReasonTemplates } from './api'
import { ItemFacts } from './ItemFacts'
import { ReasonFields } from './ReasonFields'
import { reasonError, reasonPayload, type ReasonChoice } from './reasons'

/** /workspace/moderation/organisations/:orgID: an organisation's standing, to suspend or reinstate it. */
export function OrganisationModerationPage() {
  const { orgID = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const organisation = useOrganisation(orgID)
  const isOwn = useIsOwnOrganisation()
  const [dialog, setDialog] = useState<'suspend' | 'reinstate' | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const name = organisation.data ? organisation.data.trade_name || organisation.data.legal_name : ''
  usePageTitle(name || t('moderation.organisations.title'))
  if (organisation.isPending) return <Loading />
  if (organisation.isError) return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />
  const o = organisation.data
  const suspended = o.status === 'suspended'
  const own = isOwn(o.id)
  return (
    <article aria-labelledby="org-title">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="blue">
          {t(`moderation.orgKind.${o.kind}`)}
        </Badge>
        <Badge variant={suspended ? 'filled' : 'outline'} color={suspended ? 'red' : 'gray'}>
          {t(`moderation.orgStatus.${o.status}`)}
        </Badge>
      </Group>
      <h2 id="org-title">{name}</h2>
      <ItemFacts
        facts={[
          [t('moderation.facts.legalName'), o.legal_name],
          [t('moderation.facts.country'), countryName(o.country, language)],
          [t('moderation.facts.town'), [o.postcode, o.town].filter(Boolean).join(' ')],
          [t('moderation.facts.identifiers'), (o.identifiers ?? []).map((i) => `${i.kind}: ${i.value}`).join(', ')],
          [t('moderation.facts.created'), formatDateTime(o.created_at, language)],
          [t('moderation.facts.id'), <code key="id">{o.id}</code>],
        ]}
      />
      <p>
        {!suspended ? <Link to={`/organisations/${o.id}`}>{t('moderation.organisation.publicPage')}</Link> : null}{' '}
        <Link to={`/workspace/moderation/audit?organisation=${o.id}`}>{t('moderation.organisation.history')}</Link>
      </p>
      {result ? (
        <Alert color="green" role="status" title={t('moderation.decision.done')} mb="md">
          {result}
        </Alert>
      ) : null}
      {own ? (
        <Alert color="orange" role="note" title={t('moderation.ownOrganisation.title')}>
          {t('moderation.ownOrganisation.body')}
        </Alert>
      ) : (
        <Group>
          {suspended ? (
            <Button onClick={() => setDialog('reinstate')}>{t('moderation.organisation.reinstate')}</Button>
          ) : (
            <Button color="red" onClick={() => setDialog('suspend')}>
              {t('moderation.organisation.suspend')}
            </Button>
          )}
        </Group>
      )}
      <StandingDialog
        orgID={o.id}
        name={name}
        action={dialog}
        onClose={() => setDialog(null)}
        onDone={(status) => {
          setDialog(null)
          setResult(t('moderation.organisation.result', { name, status: t(`moderation.orgStatus.${status}`) }))
        }}
      />
    </article>
  )
}

interface DialogProps {
  orgID: string
  name: string
  action: 'suspend' | 'reinstate' | null
  onClose: () => void
  onDone: (status: 'active' | 'suspended') => void
}

/** The suspension (a reason required) or reinstatement (a reason optional) of an organisation, in a dialog. */
function StandingDialog({ orgID, name, action, onClose, onDone }: DialogProps) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const templates = useReasonTemplates()
  const templateList = action === 'suspend' ? (templates.data ?? []) : []
  const [choice, setChoice] = useState<ReasonChoice>({ template: '', text: '' })
  const [touched, setTouched] = useState(false)
  const required = action === 'suspend'
  const mutation = useMutation({
    mutationFn: async () => {
      const body = reasonPayload(choice, templateList)
      const result =
        action === 'suspend'
          ? await api.POST('/api/v1/moderation/organisations/{orgID}/suspension', { params: { path: { orgID } }, body })
          : await api.POST('/api/v1/moderation/organisations/{orgID}/reinstatement', { params: { path: { orgID } }, body })
      return unwrap(result)
    },
    onSuccess: async (data) => {
      setChoice({ template: '', text: '' })
      setTouched(false)
      onDone(data.status)
      await client.invalidateQueries({ queryKey: ['moderation'] })
    },
  })
  const server = serverFieldErrors(mutation.error)
  const clientError = touched ? reasonError(choice, templateList, required, t) : null
  const general = mutation.isError && Object.keys(server).length === 0 ? serverMessage(mutation.error, t) : null
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (reasonError(choice, templateList, required, t)) return
    mutation.mutate()
  }
  const close = () => {
    if (mutation.isPending) return
    mutation.reset()
    setTouched(false)
    onClose()
  }
  return (
    <Modal
      opened={action !== null}
      onClose={close}
      closeButtonProps={{ 'aria-label': t('moderation.decision.close') }}
      title={
        action === 'suspend'
          ? t('moderation.organisation.suspendTitle', { name })
          : t('moderation.organisation.reinstateTitle', { name })
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <p>{action === 'suspend' ? t('moderation.organisation.suspendBody') : t('moderation.organisation.reinstateBody')}</p>
          <ReasonFields
            value={choice}
            onChange={setChoice}
            templates={templateList}
            required={required}
            templateError={server.reason_template}
            textError={fieldError(clientError, server, 'reason')}
          />
          {general ? (
            <Alert color="red" role="alert" title={t('moderation.decision.refused')}>
              {general}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              {t('moderation.decision.cancel')}
            </Button>
            <Button type="submit" color={action === 'suspend' ? 'red' : 'blue'} loading={mutation.isPending}>
              {action === 'suspend' ? t('moderation.organisation.suspendConfirm') : t('moderation.organisation.reinstateConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
