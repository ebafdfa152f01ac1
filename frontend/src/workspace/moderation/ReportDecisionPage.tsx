import { Badge, Group } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../components/format'
import { usePageTitle } from '../../components/usePageTitle'
import { useIsOwnOrganisation, useOrganisation } from './api'
import { DecisionForm } from './DecisionForm'
import { ItemFacts } from './ItemFacts'
import { OrganisationLink } from './OrganisationLink'

type TargetType = 'offer' | 'tender' | 'organisation'
const TARGETS: TargetType[] = ['offer', 'tender', 'organisation']

/** Where the reported item is looked at in this area. */
function targetPath(type: TargetType, id: string) {
  if (type === 'offer') return `/workspace/moderation/offers/${id}`
  if (type === 'tender') return `/workspace/moderation/tenders/${id}`
  return `/workspace/moderation/organisations/${id}`
}

/**
 * /workspace/moderation/reports/:targetType/:targetID/:reportID: a report,
 * what it is about, and its resolution. The reports of one target are few:
 * the page reads them and finds this one.
 */
export function ReportDecisionPage() {
  const { targetType = '', targetID = '', reportID = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const type = (TARGETS as string[]).includes(targetType) ? (targetType as TargetType) : 'offer'
  const reports = useQuery({
    queryKey: ['moderation', 'reports', type, targetID, language],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/moderation/reports', {
          params: { query: { target_type: type, target_id: targetID, limit: 100 } },
        }),
      ).items ?? [],
  })
  const report = reports.data?.find((candidate) => candidate.id === reportID)
  const organisation = useOrganisation(report?.organisation_id ?? '')
  const isOwn = useIsOwnOrganisation()
  usePageTitle(report ? t('moderation.report.pageTitle', { reason: report.reason_label }) : t('moderation.report.heading'))
  if (reports.isPending) return <Loading />
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
  if (!report) return <ErrorState error={new ApiError(404, undefined)} />
  const orgName = organisation.data ? organisation.data.trade_name || organisation.data.legal_name : ''
  return (
    <article aria-labelledby="report-title">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="blue">
          {t('moderation.kind.report')}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`moderation.reportState.${report.state}`)}
        </Badge>
      </Group>
      <h2 id="report-title">{t('moderation.report.pageTitle', { reason: report.reason_label })}</h2>
      <ItemFacts
        facts={[
          [
            t('moderation.facts.target'),
            <Link key="target" to={targetPath(type, report.target_id)}>
              {t(`moderation.report.see.${type}`)}
            </Link>,
          ],
          [
            t('moderation.facts.organisation'),
            report.organisation_id ? (
              <OrganisationLink key="org" id={report.organisation_id} name={orgName} />
            ) : (
              ''
            ),
          ],
          [t('moderation.facts.filed'), formatDateTime(report.created_at, language)],
          [t('moderation.facts.reporter'), report.reporter_user_id ?? ''],
          [t('moderation.facts.note'), report.note],
          [t('moderation.facts.resolved'), report.resolved_at ? formatDateTime(report.resolved_at, language) : ''],
          [t('moderation.facts.resolutionNote'), report.resolution_note ?? ''],
        ]}
      />
      <DecisionForm
        closed={report.state !== 'open' ? t(`moderation.reportState.${report.state}`) : undefined}
        title={t('moderation.report.resolve')}
        withTemplates={false}
        reasonLabel={t('moderation.report.note')}
        decisions={[
          { value: 'dismissed', label: t('moderation.reportState.dismissed'), needsReason: false },
          { value: 'action_taken', label: t('moderation.reportState.action_taken'), needsReason: false },
        ]}
        blocked={isOwn(report.organisation_id) ? t('moderation.ownOrganisation.body') : undefined}
        submit={async (outcome, reason) =>
          unwrap(
            await api.POST('/api/v1/moderation/reports/{reportID}/resolution', {
              params: { path: { reportID } },
              body: { outcome, ...(reason.reason ? { note: reason.reason } : {}) },
            }),
          )
        }
        describeResult={(_outcome, result) =>
          t('moderation.decision.resultReport', { state: t(`moderation.reportState.${result.state}`) })
        }
      />
    </article>
  )
}
