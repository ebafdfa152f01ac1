import { Badge, Group } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { countryName, formatDate, formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { useIsOwnOrganisation, useOrganisation } from './api'
import { DecisionForm } from './DecisionForm'
import { EvidenceViewer } from './EvidenceViewer'
import { ItemFacts } from './ItemFacts'
import { OrganisationLink } from './OrganisationLink'

/**
 * /workspace/moderation/sse-statuses/:orgID/:statusID: an SSE status with
 * its evidence, to verify or reject. There is no route for one status: the
 * organisation's list (members and moderators see them all) holds it.
 */
export function StatusDecisionPage() {
  const { orgID = '', statusID = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const statuses = useQuery({
    queryKey: ['moderation', 'sse-statuses', orgID, language],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organisations/{orgID}/sse-statuses', { params: { path: { orgID } } })).items ?? [],
  })
  const organisation = useOrganisation(orgID)
  const isOwn = useIsOwnOrganisation()
  const status = statuses.data?.find((candidate) => candidate.id === statusID)
  usePageTitle(status ? t('moderation.status.pageTitle', { type: status.type_label }) : t('moderation.status.heading'))
  if (statuses.isPending) return <Loading />
  if (statuses.isError) return <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />
  if (!status) return <ErrorState error={new ApiError(404, undefined)} />
  const orgName = organisation.data ? organisation.data.trade_name || organisation.data.legal_name : ''
  return (
    <article aria-labelledby="status-title">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="blue">
          {t('moderation.kind.sse_status')}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`moderation.statusState.${status.state}`)}
        </Badge>
      </Group>
      <h2 id="status-title">{status.type_label}</h2>
      <ItemFacts
        facts={[
          [t('moderation.facts.organisation'), <OrganisationLink key="org" id={orgID} name={orgName} />],
          [t('moderation.facts.grantedBy'), countryName(status.country, language)],
          [t('moderation.facts.category'), t(`moderation.statusCategory.${status.category}`)],
          [t('moderation.facts.registrationNumber'), status.registration_number],
          [t('moderation.facts.validUntil'), formatDate(status.valid_until, language)],
          [
            t('moderation.facts.disabledShare'),
            status.disabled_share !== undefined
              ? t('moderation.status.share', {
                  share: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(status.disabled_share),
                  date: status.share_measured_on ? formatDate(status.share_measured_on, language) : '—',
                })
              : '',
          ],
          [t('moderation.facts.submitted'), status.submitted_at ? formatDateTime(status.submitted_at, language) : ''],
          [t('moderation.facts.previousReason'), status.rejection_reason ?? ''],
        ]}
      />
      <EvidenceViewer documentIDs={status.evidence_document_ids ?? []} />
      <DecisionForm
        closed={status.state !== 'pending' ? t(`moderation.statusState.${status.state}`) : undefined}
        title={t('moderation.decision.heading')}
        decisions={[
          { value: 'verify', label: t('moderation.decision.verify'), needsReason: false, takesReason: false },
          { value: 'reject', label: t('moderation.decision.reject'), needsReason: true },
        ]}
        blocked={isOwn(orgID) ? t('moderation.ownOrganisation.body') : undefined}
        submit={async (decision, reason) =>
          decision === 'verify'
            ? unwrap(
                await api.POST('/api/v1/moderation/sse-statuses/{statusID}/verify', {
                  params: { path: { statusID } },
                }),
              )
            : unwrap(
                await api.POST('/api/v1/moderation/sse-statuses/{statusID}/reject', {
                  params: { path: { statusID } },
                  body: reason,
                }),
              )
        }
        describeResult={(_decision, result) =>
          t('moderation.decision.resultStatus', { state: t(`moderation.statusState.${result.state}`) })
        }
      />
    </article>
  )
}
