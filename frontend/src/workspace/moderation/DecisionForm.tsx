import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { fieldError, serverFieldErrors, serverMessage } from '../forms'
import { useReasonTemplates } from './api'
import { ReasonFields } from './ReasonFields'
import { reasonError, reasonPayload, type ReasonChoice, type ReasonPayload } from './reasons'

/** One decision the form offers. */
export interface DecisionOption {
  value: string
  label: string
  /** Whether the API requires a reason for it. */
  needsReason: boolean
  /** Whether a reason may be given at all (verification takes none). */
  takesReason?: boolean | undefined
}

interface Props<T> {
  /** The form's heading, also its accessible name. */
  title: string
  decisions: DecisionOption[]
  /** Whether the reason may start from a ready-made template (offers, tenders, statuses). */
  withTemplates?: boolean
  reasonLabel?: string | undefined
  /** Sends the decision; its answer is given to describeResult. */
  submit: (decision: string, reason: ReasonPayload) => Promise<T>
  describeResult: (decision: string, result: T) => string
  /** Why the moderator may not decide here (their own organisation), if so. */
  blocked?: string | undefined
  /**
   * Set when the item waits for no decision (its state, in words). The form
   * stays mounted across the item's refresh, so a decision just taken keeps
   * showing its result rather than this.
   */
  closed?: string | undefined
}

/**
 * A moderation decision: pick it, give a reason (from a template, edited at
 * will) when the API wants one, confirm, then see what came of it and go
 * back to the queue. The server's refusals are shown on their fields.
 */
export function DecisionForm<T>({
  title,
  decisions,
  withTemplates = true,
  reasonLabel,
  submit,
  describeResult,
  blocked,
  closed,
}: Props<T>) {
  const { t } = useTranslation()
  const headingID = useId()
  const client = useQueryClient()
  const templates = useReasonTemplates()
  const templateList = withTemplates ? (templates.data ?? []) : []
  const [decision, setDecision] = useState('')
  const [choice, setChoice] = useState<ReasonChoice>({ template: '', text: '' })
  const [touched, setTouched] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  // The form that held the focus is gone once decided: the focus moves to its result.
  const resultRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (result) resultRef.current?.focus()
  }, [result])
  const option = decisions.find((candidate) => candidate.value === decision)
  const takesReason = option ? (option.takesReason ?? true) : false
  const mutation = useMutation({
    mutationFn: () => submit(decision, takesReason ? reasonPayload(choice, templateList) : {}),
    onSuccess: async (data) => {
      setConfirming(false)
      setResult(describeResult(decision, data))
      await client.invalidateQueries({ queryKey: ['moderation'] })
    },
    onError: () => setConfirming(false),
  })
  const server = serverFieldErrors(mutation.error)
  const decisionError = touched && !decision ? t('moderation.decision.pickOne') : undefined
  const clientReasonError = touched && option ? reasonError(choice, templateList, option.needsReason, t) : null
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!option || reasonError(choice, templateList, option.needsReason, t)) return
    mutation.reset()
    setConfirming(true)
  }

  if (result) {
    return (
      <section aria-labelledby={headingID} className="moderation-decision">
        <h3 id={headingID}>{title}</h3>
        <Alert
          color="green"
          title={t('moderation.decision.done')}
          role="status"
          tabIndex={-1}
          ref={resultRef}
        >
          <p>{result}</p>
          <Link to="/workspace/moderation">{t('moderation.decision.backToQueue')}</Link>
        </Alert>
      </section>
    )
  }

  if (closed !== undefined) {
    return (
      <Alert color="gray" role="status" title={t('moderation.decision.nothingPending')} mt="md">
        {t('moderation.decision.nothingPendingBody', { state: closed })}
      </Alert>
    )
  }

  const general = mutation.isError && Object.keys(server).length === 0 ? serverMessage(mutation.error, t) : null
  return (
    <section aria-labelledby={headingID} className="moderation-decision">
      <h3 id={headingID}>{title}</h3>
      {blocked ? (
        <Alert color="orange" title={t('moderation.ownOrganisation.title')} role="note" mb="md">
          {blocked}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label={t('moderation.decision.label')}
            value={decision}
            onChange={setDecision}
            error={fieldError(decisionError, server, 'decision') ?? server.outcome}
            required
          >
            <Group mt="xs">
              {decisions.map((candidate) => (
                <Radio key={candidate.value} value={candidate.value} label={candidate.label} disabled={!!blocked} />
              ))}
            </Group>
          </Radio.Group>
          {takesReason ? (
            <ReasonFields
              value={choice}
              onChange={setChoice}
              templates={templateList}
              required={option?.needsReason ?? false}
              label={reasonLabel}
              templateError={server.reason_template}
              textError={fieldError(clientReasonError, server, 'reason') ?? server.note}
              disabled={!!blocked}
            />
          ) : null}
          {general ? (
            <Alert color="red" role="alert" title={t('moderation.decision.refused')}>
              {general}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" disabled={!!blocked}>
              {t('moderation.decision.submit')}
            </Button>
            <Button component={Link} to="/workspace/moderation" variant="subtle">
              {t('moderation.decision.backToQueue')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => !mutation.isPending && setConfirming(false)}
        title={t('moderation.decision.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('moderation.decision.close') }}
      >
        <Stack>
          <Text>{t('moderation.decision.confirmBody', { decision: option?.label ?? '' })}</Text>
          {takesReason && choice.text.trim() ? <blockquote className="moderation-quote">{choice.text.trim()}</blockquote> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={mutation.isPending}>
              {t('moderation.decision.cancel')}
            </Button>
            <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
              {t('moderation.decision.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  )
}
