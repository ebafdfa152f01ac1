import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** The organisation's moderation page, where it can be suspended or reinstated. */
export function OrganisationLink({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation()
  if (!id) return <>{name}</>
  return (
    <>
      {name} (<Link to={`/workspace/moderation/organisations/${id}`}>{t('moderation.organisation.manage')}</Link>)
    </>
  )
}
