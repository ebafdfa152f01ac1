import { Badge, Button, NativeSelect, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { useCursorList } from '../../api/cursorList'
import { Empty, ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useMe } from '../../layout/AccountMenu'
import { fieldError, rules, serverFieldErrors, serverMessage } from '../forms'
import { useMyOrganisations } from '../organisations'
import { ConfirmButton } from './ConfirmButton'
import { emailRule, firstError, useTouched } from './formState'
import { FormProblem } from '../FormProblem'
import { LoadMore } from '../LoadMore'

type Role = 'owner' | 'member'

/** /workspace/account/organisations/:orgID/members: members and their roles; owners also invite. */
export default function MembersPage() {
  const { t } = useTranslation()
  const { orgID = '' } = useParams()
  const mine = useMyOrganisations()
  const membership = (mine.data ?? []).find((o) => o.id === orgID)
  const name = membership ? membership.trade_name || membership.legal_name : ''
  usePageTitle(t('settings.members.title', { name }))
  if (mine.isLoading) return <Loading />
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
  const isOwner = membership?.role === 'owner'
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('settings.members.title', { name })}</h2>
      <p>
        <Link to={`/workspace/account/organisations/${orgID}`}>{t('settings.members.backToProfile')}</Link>
      </p>
      <Members orgID={orgID} isOwner={isOwner} />
      {isOwner ? <Invitations orgID={orgID} /> : <p>{t('settings.members.ownersInvite')}</p>}
    </section>
  )
}

function Members({ orgID, isOwner }: { orgID: string; isOwner: boolean }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const navigate = useNavigate()
  const list = useCursorList({
    queryKey: ['organisation', orgID, 'members'],
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/members', {
          params: { path: { orgID }, query: cursor ? { cursor } : {} },
        }),
      ),
  })
  const changeRole = useMutation({
    mutationFn: async ({ userID, role }: { userID: string; role: Role }) =>
      unwrap(
        await api.PATCH('/api/v1/organisations/{orgID}/members/{userID}', {
          params: { path: { orgID, userID } },
          body: { role },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisation', orgID, 'members'] }),
  })
  const remove = useMutation({
    mutationFn: async (userID: string) =>
      unwrap(await api.DELETE('/api/v1/organisations/{orgID}/members/{userID}', { params: { path: { orgID, userID } } })),
    onSuccess: async (_data, userID) => {
      if (userID === me.data?.id) {
        await client.invalidateQueries({ queryKey: ['me'] })
        void navigate('/workspace/account/organisations')
        return
      }
      await client.invalidateQueries({ queryKey: ['organisation', orgID, 'members'] })
    },
  })
  const items = list.items
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' })
  const failure = changeRole.error ?? remove.error
  return (
    <section aria-labelledby="members-list-heading">
      <h3 id="members-list-heading">{t('settings.members.list')}</h3>
      {failure ? (
        <p role="alert" className="settings-error">
          {serverMessage(failure, t)}
        </p>
      ) : null}
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('settings.members.none')} />
      ) : (
        <ul className="settings-list">
          {items.map((m) => {
            const self = m.user_id === me.data?.id
            return (
              <li key={m.user_id}>
                <div>
                  <strong>{m.display_name}</strong> {self ? `(${t('settings.members.you')})` : null}
                  <div>{m.email}</div>
                  <div>{t('settings.members.joined', { date: date.format(new Date(m.joined_at)) })}</div>
                </div>
                <div className="settings-actions">
                  {isOwner ? (
                    <NativeSelect
                      label={t('settings.members.roleOf', { name: m.display_name })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userID: m.user_id, role: e.currentTarget.value as Role })}
                      data={(['owner', 'member'] as const).map((r) => ({ value: r, label: t(`settings.members.roles.${r}`) }))}
                    />
                  ) : (
                    <Badge variant="outline" color="gray">
                      {t(`settings.members.roles.${m.role}`)}
                    </Badge>
                  )}
                  {self ? (
                    <ConfirmButton
                      label={t('settings.members.leave')}
                      title={t('settings.members.leave')}
                      confirmLabel={t('settings.members.leave')}
                      pending={remove.isPending && remove.variables === m.user_id}
                      onConfirm={() => remove.mutate(m.user_id)}
                    >
                      <p>{t('settings.members.leaveConfirm')}</p>
                    </ConfirmButton>
                  ) : isOwner ? (
                    <ConfirmButton
                      label={t('settings.members.remove')}
                      ariaLabel={t('settings.members.removeOne', { name: m.display_name })}
                      title={t('settings.members.removeOne', { name: m.display_name })}
                      confirmLabel={t('settings.members.remove')}
                      pending={remove.isPending && remove.variables === m.user_id}
                      onConfirm={() => remove.mutate(m.user_id)}
                    >
                      <p>{t('settings.members.removeConfirm', { name: m.display_name })}</p>
                    </ConfirmButton>
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

function Invitations({ orgID }: { orgID: string }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('member')
  const touched = useTouched()
  const key = ['organisation', orgID, 'invitations']
  const list = useCursorList({
    queryKey: key,
    fetchPage: async (cursor) =>
      unwrap(
        await api.GET('/api/v1/organisations/{orgID}/invitations', {
          params: { path: { orgID }, query: cursor ? { cursor } : {} },
        }),
      ),
  })
  const invite = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/invitations', {
          params: { path: { orgID } },
          body: { email: email.trim(), role },
        }),
      ),
    onSuccess: async () => {
      setEmail('')
      touched.reset()
      await client.invalidateQueries({ queryKey: key })
    },
  })
  const withdraw = useMutation({
    mutationFn: async (invitationID: string) =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/invitations/{invitationID}', {
          params: { path: { orgID, invitationID } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  })
  const emailError = firstError(email, rules.required(t), rules.maxLength(t, 254), emailRule(t))
  const server = serverFieldErrors(invite.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (emailError) return
    invite.mutate()
  }
  const items = list.items
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' })
  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">{t('settings.invitations.title')}</h3>
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <p>{t('settings.invitations.explain')}</p>
        <TextInput
          label={t('settings.invitations.email')}
          type="email"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value)
            touched.touch('email')
            invite.reset()
          }}
          error={fieldError(touched.show('email') ? emailError : null, server, 'email')}
        />
        <NativeSelect
          label={t('settings.invitations.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={(['member', 'owner'] as const).map((r) => ({ value: r, label: t(`settings.members.roles.${r}`) }))}
          error={server.role}
        />
        <FormProblem error={invite.error} fieldErrors={server} />
        {invite.isSuccess ? <p role="status">{t('settings.invitations.sent', { email: invite.data.email })}</p> : null}
        <div>
          <Button type="submit" loading={invite.isPending}>
            {t('settings.invitations.submit')}
          </Button>
        </div>
      </form>
      <h4>{t('settings.invitations.open')}</h4>
      {withdraw.isError ? (
        <p role="alert" className="settings-error">
          {serverMessage(withdraw.error, t)}
        </p>
      ) : null}
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('settings.invitations.none')} />
      ) : (
        <ul className="settings-list">
          {items.map((inv) => (
            <li key={inv.id}>
              <div>
                <strong>{inv.email}</strong> · {t(`settings.members.roles.${inv.role}`)}{' '}
                <Badge variant="outline" color={inv.state === 'expired' ? 'red' : 'gray'}>
                  {t(`settings.invitations.states.${inv.state}`)}
                </Badge>
                <div>{t('settings.invitations.expires', { date: date.format(new Date(inv.expires_at)) })}</div>
              </div>
              <ConfirmButton
                label={t('settings.invitations.withdraw')}
                ariaLabel={t('settings.invitations.withdrawOne', { email: inv.email })}
                title={t('settings.invitations.withdrawOne', { email: inv.email })}
                confirmLabel={t('settings.invitations.withdraw')}
                pending={withdraw.isPending && withdraw.variables === inv.id}
                onConfirm={() => withdraw.mutate(inv.id)}
              >
                <p>{t('settings.invitations.withdrawConfirm', { email: inv.email })}</p>
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={list} />
    </section>
  )
}
