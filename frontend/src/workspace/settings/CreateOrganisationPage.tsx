import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap } from '../../api/client'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import { EMPTY_ORGANISATION, OrganisationForm, toBody, type OrganisationValues } from './OrganisationForm'

/** /workspace/account/organisations/new: the user becomes the owner of a new organisation. */
export default function CreateOrganisationPage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.orgs.createTitle'))
  const me = useMe()
  const client = useQueryClient()
  const navigate = useNavigate()
  const create = useMutation({
    mutationFn: async (v: OrganisationValues) =>
      unwrap(await api.POST('/api/v1/organisations', { body: { ...toBody(v).body, kind: v.kind } })),
    onSuccess: async (org) => {
      await client.invalidateQueries({ queryKey: ['me'] })
      void navigate(`/workspace/account/organisations/${org.id}?created=1`)
    },
  })
  return (
    <section aria-labelledby="create-org-heading">
      <h2 id="create-org-heading">{t('settings.orgs.createTitle')}</h2>
      <p>{t('settings.orgs.createExplain')}</p>
      {me.data && !me.data.email_verified ? (
        <p role="alert" className="settings-error">
          {t('settings.orgs.verifyFirst')}
        </p>
      ) : null}
      <OrganisationForm
        mode="create"
        initial={EMPTY_ORGANISATION}
        submitLabel={t('settings.orgs.createSubmit')}
        pending={create.isPending}
        error={create.error}
        onChange={() => create.isError && create.reset()}
        onSubmit={(v) => create.mutate(v)}
      />
    </section>
  )
}
