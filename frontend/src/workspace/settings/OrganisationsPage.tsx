import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LoadMore } from '../LoadMore'

/** /workspace/account/organisations: the organisations the user belongs to, with their role. */
export default function OrganisationsPage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.orgs.title'))
  const list = useCursorList({
    queryKey: ['me', 'organisations', 'pages'],
    fetchPage: async (cursor) =>
      unwrap(await api.GET('/api/v1/me/organisations', { params: { query: cursor ? { cursor } : {} } })),
  })
  const items = list.items
  return (
    <section aria-labelledby="orgs-heading">
      <div className="settings-toolbar">
        <h2 id="orgs-heading">{t('settings.orgs.title')}</h2>
        <Button component={Link} to="/workspace/account/organisations/new">
          {t('settings.orgs.create')}
        </Button>
      </div>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('settings.orgs.none')} hint={t('settings.orgs.noneHint')} />
      ) : (
        <ul className="settings-list">
          {items.map((o) => (
            <li key={o.id}>
              <div>
                <Link to={`/workspace/account/organisations/${o.id}`}>{o.trade_name || o.legal_name}</Link>{' '}
                <Badge variant="light" color="gray">
                  {t(`settings.org.kinds.${o.kind}`)}
                </Badge>{' '}
                <Badge variant="outline" color={o.role === 'owner' ? 'teal' : 'gray'}>
                  {t(`settings.members.roles.${o.role}`)}
                </Badge>
                {o.status === 'suspended' ? (
                  <>
                    {' '}
                    <Badge variant="light" color="red">
                      {t('settings.orgs.suspended')}
                    </Badge>
                  </>
                ) : null}
              </div>
              <div className="settings-actions">
                <Link to={`/workspace/account/organisations/${o.id}`} aria-label={t('settings.orgs.editOne', { name: o.legal_name })}>
                  {t('settings.orgs.edit')}
                </Link>
                <Link
                  to={`/workspace/account/organisations/${o.id}/members`}
                  aria-label={t('settings.orgs.membersOne', { name: o.legal_name })}
                >
                  {t('settings.orgs.members')}
                </Link>
                <Link to={`/organisations/${o.id}`} aria-label={t('settings.orgs.publicOne', { name: o.legal_name })}>
                  {t('settings.orgs.public')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={list} />
    </section>
  )
}
