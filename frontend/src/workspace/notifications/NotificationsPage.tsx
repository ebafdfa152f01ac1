import { Badge, Button, Checkbox } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { serverMessage } from '../forms'
import { appPath } from './api'
import { useMarkRead, useNotifications } from './hooks'
import { LoadMore } from '../LoadMore'
import '../settings/catalogue'

/** /workspace/account/notifications: every notification, unread ones marked in words, each linking to its subject. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('settings.notifications.title'))
  const [unreadOnly, setUnreadOnly] = useState(false)
  const list = useNotifications(unreadOnly)
  const { one, all } = useMarkRead()
  const items = list.items
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('settings.notifications.title')}</h2>
      <div className="settings-toolbar">
        <Checkbox
          label={t('settings.notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        />
        <Button variant="outline" onClick={() => all.mutate()} loading={all.isPending}>
          {t('settings.notifications.readAll')}
        </Button>
      </div>
      {all.isError || one.isError ? (
        <p role="alert" className="settings-error">
          {serverMessage(all.error ?? one.error, t)}
        </p>
      ) : null}
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          title={unreadOnly ? t('settings.notifications.noneUnread') : t('settings.notifications.none')}
          hint={t('settings.notifications.noneHint')}
        />
      ) : (
        <ul className="notification-list">
          {items.map((n) => {
            const unread = !n.read_at
            return (
              <li key={n.id} className={unread ? 'notification notification-unread' : 'notification'}>
                <div>
                  {unread ? (
                    <Badge variant="light" color="blue" className="notification-state">
                      {t('settings.notifications.unread')}
                    </Badge>
                  ) : null}{' '}
                  <Link to={appPath(n.link)} onClick={() => unread && one.mutate(n.id)}>
                    {n.title}
                  </Link>
                </div>
                <div className="notification-meta">
                  <time dateTime={n.created_at}>{dateFormat.format(new Date(n.created_at))}</time>
                  {unread ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => one.mutate(n.id)}
                      disabled={one.isPending && one.variables === n.id}
                      aria-label={t('settings.notifications.markReadOne', { title: n.title })}
                    >
                      {t('settings.notifications.markRead')}
                    </Button>
                  ) : null}
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <LoadMore query={list} />
    </section>
  )
}
