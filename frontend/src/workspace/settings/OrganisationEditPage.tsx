import { Button } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { FileUpload } from '../FileUpload'
import { serverMessage } from '../forms'
import { OrganisationForm, toBody, valuesFrom, type OrganisationValues } from './OrganisationForm'

/** /workspace/account/organisations/:orgID: the organisation's profile and logo. */
export default function OrganisationEditPage() {
  const { t } = useTranslation()
  const { orgID = '' } = useParams()
  const [params] = useSearchParams()
  const client = useQueryClient()
  const org = useQuery({
    queryKey: ['organisation', orgID],
    queryFn: async () => unwrap(await api.GET('/api/v1/organisations/{orgID}', { params: { path: { orgID } } })),
  })
  usePageTitle(org.data ? t('settings.orgEdit.title', { name: org.data.legal_name }) : t('settings.orgs.title'))
  const save = useMutation({
    mutationFn: async (v: OrganisationValues) => {
      const { body } = toBody(v)
      return unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}', {
          params: { path: { orgID } },
          body: { ...body, postcode: body.postcode ?? '', website: body.website ?? '', phone: body.phone ?? '' },
        }),
      )
    },
    onSuccess: async (updated) => {
      client.setQueryData(['organisation', orgID], updated)
      await client.invalidateQueries({ queryKey: ['me', 'organisations'] })
    },
  })
  const setLogo = useMutation({
    mutationFn: async (documentID: string) =>
      unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/logo', {
          params: { path: { orgID } },
          body: { document_id: documentID },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisation', orgID] }),
  })
  const removeLogo = useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/api/v1/organisations/{orgID}/logo', { params: { path: { orgID } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisation', orgID] }),
  })

  if (org.isLoading) return <Loading />
  if (org.isError || !org.data) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />
  const name = org.data.legal_name
  return (
    <section aria-labelledby="org-edit-heading">
      <h2 id="org-edit-heading">{t('settings.orgEdit.title', { name })}</h2>
      {params.get('created') ? <p role="status">{t('settings.orgEdit.created', { name })}</p> : null}
      <p className="settings-actions">
        <Link to={`/workspace/account/organisations/${orgID}/members`}>{t('settings.orgs.members')}</Link>
        <Link to={`/organisations/${orgID}`}>{t('settings.orgs.public')}</Link>
      </p>
      <section aria-labelledby="logo-heading" className="settings-form">
        <h3 id="logo-heading">{t('settings.orgEdit.logo')}</h3>
        {org.data.logo_url ? (
          <>
            <img src={`/api/v1/organisations/${orgID}/logo?v=${org.data.updated_at}`} alt={t('settings.orgEdit.logoAlt', { name })} className="settings-logo" />
            <div>
              <Button variant="outline" color="red" loading={removeLogo.isPending} onClick={() => removeLogo.mutate()}>
                {t('settings.orgEdit.removeLogo')}
              </Button>
            </div>
          </>
        ) : (
          <p>{t('settings.orgEdit.noLogo')}</p>
        )}
        <FileUpload
          organisationID={orgID}
          purpose="logo"
          label={t('settings.orgEdit.uploadLogo')}
          onUploaded={(document) => setLogo.mutate(document.id)}
        />
        {setLogo.isError || removeLogo.isError ? (
          <p role="alert" className="settings-error">
            {serverMessage(setLogo.error ?? removeLogo.error, t)}
          </p>
        ) : null}
        {setLogo.isSuccess ? <p role="status">{t('settings.orgEdit.logoSet')}</p> : null}
      </section>
      <h3>{t('settings.orgEdit.profile')}</h3>
      <OrganisationForm
        key={org.data.id}
        mode="edit"
        initial={valuesFrom(org.data)}
        submitLabel={t('settings.orgEdit.save')}
        pending={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        onChange={() => (save.isError || save.isSuccess) && save.reset()}
        onSubmit={(v) => save.mutate(v)}
      />
    </section>
  )
}
