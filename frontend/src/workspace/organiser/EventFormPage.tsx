import { Alert, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { Loading, PageError } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { serverMessage } from '../forms'
import { useEvent, useEventAction, useSaveEvent } from './api'
import { EventForm } from './EventForm'
import { emptyEvent, eventValues } from './eventForm'
import { ConfirmAction } from './fields'
import { EventNav, EventStateBadge } from './EventNav'
import { LANGS, type ConventionEvent, type Lang } from './types'

/** A new event's form, or an existing one's with its publish and cancel actions. */
export function EventFormPage() {
  const { eventID } = useParams()
  const event = useEvent(eventID)
  if (!eventID) return <NewEvent />
  if (event.isPending) return <Loading />
  if (event.isError) return <PageError error={event.error} onRetry={() => void event.refetch()} />
  return <EditEvent key={event.data.id} event={event.data} />
}

function NewEvent() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('organiser.form.newTitle'))
  const navigate = useNavigate()
  const save = useSaveEvent(undefined)
  const lang = (LANGS as string[]).includes(i18n.language) ? (i18n.language as Lang) : 'fr'
  const [initial] = useState(() => emptyEvent(lang))
  return (
    <>
      <h1>{t('organiser.form.newTitle')}</h1>
      <p>{t('organiser.form.newIntro')}</p>
      <EventForm
        initial={initial}
        pending={save.isPending}
        error={save.error}
        submitLabel={t('organiser.form.create')}
        onSubmit={async (body) => {
          const created = await save.mutateAsync(body)
          await navigate(`/workspace/organiser/events/${created.id}`, { state: { created: true } })
        }}
      />
    </>
  )
}

function EditEvent({ event }: { event: ConventionEvent }) {
  const { t, i18n } = useTranslation()
  usePageTitle(event.name)
  const location = useLocation()
  const created = (location.state as { created?: boolean } | null)?.created === true
  const save = useSaveEvent(event.id)
  const action = useEventAction(event.id)
  const [dirty, setDirty] = useState(false)
  const [initial] = useState(() => eventValues(event))
  const [done, setDone] = useState<'' | 'saved' | 'publish' | 'cancel'>(created ? 'saved' : '')
  return (
    <>
      <Group gap="sm" align="center" className="organiser-head">
        <h1 lang={event.lang}>{event.name}</h1>
        <EventStateBadge state={event.state} />
      </Group>
      <EventNav eventID={event.id} />
      <div role="status" className="organiser-status">
        {done === 'saved' && !dirty ? (
          <Alert color="green">{created ? t('organiser.form.created') : t('organiser.form.saved')}</Alert>
        ) : done === 'publish' ? (
          <Alert color="green">{t('organiser.publish.done')}</Alert>
        ) : done === 'cancel' ? (
          <Alert color="green">{t('organiser.cancelEvent.done')}</Alert>
        ) : null}
      </div>
      <section aria-labelledby="event-state" className="organiser-box">
        <h2 id="event-state">{t('organiser.publish.heading')}</h2>
        <p>
          {event.state === 'draft'
            ? t('organiser.publish.draft')
            : event.state === 'published'
              ? t('organiser.publish.published', {
                  deadline: new Intl.DateTimeFormat(i18n.language, {
                    dateStyle: 'long',
                    timeStyle: 'short',
                    timeZone: event.time_zone,
                  }).format(new Date(event.registration_deadline)),
                })
              : t('organiser.publish.cancelled')}
        </p>
        {action.isError ? (
          <Alert color="red" role="alert" mb="sm">
            {serverMessage(action.error, t)}
          </Alert>
        ) : null}
        <Group>
          {event.state === 'draft' ? (
            <ConfirmAction
              label={t('organiser.publish.button')}
              title={t('organiser.publish.title', { name: event.name })}
              confirmLabel={t('organiser.publish.confirm')}
              pending={action.isPending && action.variables === 'publish'}
              disabled={dirty}
              onConfirm={() => action.mutate('publish', { onSuccess: () => setDone('publish') })}
            >
              <p>{t('organiser.publish.body')}</p>
            </ConfirmAction>
          ) : null}
          {event.state !== 'cancelled' ? (
            <ConfirmAction
              label={t('organiser.cancelEvent.button')}
              title={t('organiser.cancelEvent.title', { name: event.name })}
              confirmLabel={t('organiser.cancelEvent.confirm')}
              color="red"
              variant="outline"
              pending={action.isPending && action.variables === 'cancel'}
              onConfirm={() => action.mutate('cancel', { onSuccess: () => setDone('cancel') })}
            >
              <p>{t('organiser.cancelEvent.body', { count: event.registered_organisations })}</p>
              <p>{t('organiser.cancelEvent.refunds')}</p>
              <p>
                <strong>{t('organiser.cancelEvent.final')}</strong>
              </p>
            </ConfirmAction>
          ) : null}
        </Group>
        {dirty && event.state === 'draft' ? <p className="organiser-hint">{t('organiser.publish.saveFirst')}</p> : null}
      </section>
      {event.state === 'cancelled' ? null : (
        <EventForm
          initial={initial}
          pending={save.isPending}
          error={save.error}
          submitLabel={t('organiser.form.save')}
          onDirty={setDirty}
          onSubmit={async (body) => {
            await save.mutateAsync(body)
            setDone('saved')
          }}
        />
      )}
      {event.state === 'cancelled' ? <ErrorNote /> : null}
    </>
  )
}

function ErrorNote() {
  const { t } = useTranslation()
  return <p>{t('organiser.form.cancelledNoEdit')}</p>
}

