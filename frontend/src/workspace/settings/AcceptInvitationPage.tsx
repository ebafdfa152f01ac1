import { Button } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ApiError, api, unwrap } from '../../api/client'
import { Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import { serverMessage } from '../forms'
import './settings.css'
import { forgetInvitation, pendingInvitationToken } from './invitationToken'
import './catalogue'

/**
 * /invitations/accept#token=… (the link of the invitation email; the token
 * stays in the fragment, never sent to a server in a URL): a signed-in user
 * joins the organisation; a visitor is asked to log in or sign up with the
 * invited address first. Also served in the workspace, where its heading is
 * an h2 under the account's h1.
 */
export default function AcceptInvitationPage({ level = 1 }: { level?: 1 | 2 }) {
  const { t } = useTranslation()
  usePageTitle(t('settings.accept.title'))
  const location = useLocation()
  const me = useMe()
  const client = useQueryClient()
  const [token, setToken] = useState('')
  useEffect(() => setToken(pendingInvitationToken(location.hash)), [location.hash])
  const accept = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/invitations/accept', { body: { token } })),
    onSuccess: async () => {
      forgetInvitation()
      await client.invalidateQueries({ queryKey: ['me'] })
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 410) forgetInvitation()
    },
  })
  const Heading = level === 1 ? 'h1' : 'h2'

  let body
  if (me.isLoading) {
    body = <Loading />
  } else if (!token) {
    body = <p>{t('settings.accept.noToken')}</p>
  } else if (!me.data) {
    body = (
      <>
        <p>{t('settings.accept.signInFirst')}</p>
        <p className="settings-actions">
          <Link to="/login">{t('settings.accept.login')}</Link>
          <Link to="/signup">{t('settings.accept.signup')}</Link>
        </p>
      </>
    )
  } else if (accept.isSuccess) {
    body = (
      <>
        <p role="status">{t(`settings.accept.done.${accept.data.role}`)}</p>
        <p className="settings-actions">
          <Link to={`/workspace/account/organisations/${accept.data.organisation_id}`}>{t('settings.accept.openOrganisation')}</Link>
          <Link to="/workspace">{t('settings.accept.openWorkspace')}</Link>
        </p>
      </>
    )
  } else {
    const status = accept.error instanceof ApiError ? accept.error.status : 0
    body = (
      <>
        <p>{t('settings.accept.explain', { email: me.data.email })}</p>
        {accept.isError ? (
          <p role="alert" className="settings-error">
            {status === 403
              ? t('settings.accept.wrongAccount', { email: me.data.email })
              : status === 410
                ? t('settings.accept.gone')
                : serverMessage(accept.error, t)}
          </p>
        ) : null}
        <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={status === 410}>
          {t('settings.accept.submit')}
        </Button>
      </>
    )
  }
  return (
    <section aria-labelledby="accept-heading">
      <Heading id="accept-heading">{t('settings.accept.title')}</Heading>
      {body}
    </section>
  )
}
