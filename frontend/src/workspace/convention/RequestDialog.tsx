import { Button, Modal, NativeSelect, Radio, Stack, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { serverFieldErrors } from '../forms'
import { FormProblem } from '../FormProblem'
import { useRequestMeeting } from './api'
import { LIMITS } from './logic'
import type { Delegate, DirectoryEntry } from './types'

/** Asks one participant for a meeting: from which of my delegates, how much it matters, and a message. */
export function RequestDialog({
  eventID,
  to,
  mine,
  defaultFrom,
  onClose,
  onSent,
}: {
  eventID: string
  to: DirectoryEntry
  mine: Delegate[]
  defaultFrom?: string | undefined
  onClose: () => void
  onSent: (to: DirectoryEntry) => void
}) {
  const { t } = useTranslation()
  const [from, setFrom] = useState(defaultFrom ?? mine[0]?.id ?? '')
  const [priority, setPriority] = useState<'' | 'must_meet' | 'would_like'>('')
  const [message, setMessage] = useState('')
  const [tried, setTried] = useState(false)
  const [touched, setTouched] = useState(false)
  const send = useRequestMeeting(eventID)
  const server = serverFieldErrors(send.error)
  const errors = {
    from: from ? undefined : t('workspace.form.required'),
    priority: priority ? undefined : t('convention.request.choosePriority'),
    message: [...message].length > LIMITS.message ? t('workspace.form.tooLong', { max: LIMITS.message }) : undefined,
  }
  const invalid = Object.values(errors).some(Boolean)
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('convention.request.title', { name: to.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('convention.close') }}
    >
      <form
        className="conv-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (invalid || !priority) return
          send.mutate(
            { from_delegate_id: from, to_delegate_id: to.delegate_id, priority, message: message.trim() },
            { onSuccess: () => onSent(to) },
          )
        }}
      >
        <p>
          {to.name}
          {to.job_title ? `, ${to.job_title}` : ''} – {to.organisation_name}
        </p>
        {mine.length > 1 ? (
          <NativeSelect
            label={t('convention.request.from')}
            required
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data={mine.map((d) => ({ value: d.id, label: d.name }))}
            error={(tried && errors.from) || server.from_delegate_id}
          />
        ) : (
          <p>{t('convention.request.fromOnly', { name: mine[0]?.name ?? '' })}</p>
        )}
        <Radio.Group
          label={t('convention.request.priority')}
          required
          value={priority}
          onChange={(v) => setPriority(v === 'must_meet' || v === 'would_like' ? v : '')}
          error={(tried && errors.priority) || server.priority}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="must_meet" label={t('convention.priority.must_meet')} description={t('convention.request.mustMeetHint')} />
            <Radio value="would_like" label={t('convention.priority.would_like')} description={t('convention.request.wouldLikeHint')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('convention.request.message')}
          description={t('convention.request.messageHint', { count: [...message].length, max: LIMITS.message })}
          rows={4}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value)
            setTouched(true)
          }}
          error={((tried || touched) && errors.message) || server.message}
        />
        <FormProblem error={send.error} fieldErrors={server} />
        <div className="conv-actions">
          <Button type="submit" loading={send.isPending}>
            {t('convention.request.send')}
          </Button>
          <Button variant="subtle" onClick={onClose} disabled={send.isPending}>
            {t('convention.request.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
