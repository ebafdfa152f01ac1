import { Alert, Button, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api, unwrap } from '../../api/client'
import { rules, serverFieldErrors, serverMessage } from '../forms'
import type { TenderResponse } from './api'

type Decision = 'shortlist' | 'accept' | 'decline'

/** The API's limit on a decline reason (characters). */
export const REASON_MAX = 2000

/** Which decisions a response in this state may take (the server has the last word: a 409 lists its own). */
export function decisionsFor(state: TenderResponse['state']): Decision[] {
  switch (state) {
    case 'submitted':
      return ['shortlist', 'accept', 'decline']
    case 'shortlisted':
      return ['accept', 'decline']
    default:
      return []
  }
}

interface Props {
  orgID: string
  tenderID: string
  response: TenderResponse
  supplierName: string
}

/** Shortlist, accept or decline (with a reason) one response; a 409 shows what is allowed instead. */
export function ResponseDecision({ orgID, tenderID, response, supplierName }: Props) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const decide = useMutation({
    mutationFn: async ({ decision, reason }: { decision: Decision; reason?: string }) =>
      unwrap(
        await api.POST('/api/v1/organisations/{orgID}/tenders/{tenderID}/responses/{responseID}/decision', {
          params: { path: { orgID, tenderID, responseID: response.id } },
          body: reason ? { decision, reason } : { decision },
        }),
      ),
    onSuccess: async () => {
      setDeclining(false)
      setReason('')
      await client.invalidateQueries({ queryKey: ['buyer', 'responses', tenderID] })
    },
  })
  const allowed =
    decide.error instanceof ApiError && decide.error.status === 409
      ? ((decide.error.problem as { allowed?: string[] } | undefined)?.allowed ?? [])
      : undefined
  const reasonError =
    (touched ? (rules.required(t)(reason) ?? rules.maxLength(t, REASON_MAX)(reason)) : null) ??
    serverFieldErrors(decide.error).reason
  const available = decisionsFor(response.state)
  const pending = (d: Decision) => decide.isPending && decide.variables?.decision === d
  return (
    <div className="buyer-decision">
      <div className="buyer-actions" role="group" aria-label={t('buyer.responses.decideFor', { name: supplierName })}>
        {available.includes('shortlist') ? (
          <Button variant="outline" loading={pending('shortlist')} onClick={() => decide.mutate({ decision: 'shortlist' })}>
            {t('buyer.responses.decision.shortlist')}
          </Button>
        ) : null}
        {available.includes('accept') ? (
          <Button loading={pending('accept')} onClick={() => decide.mutate({ decision: 'accept' })}>
            {t('buyer.responses.decision.accept')}
          </Button>
        ) : null}
        {available.includes('decline') && !declining ? (
          <Button variant="outline" color="red" onClick={() => setDeclining(true)}>
            {t('buyer.responses.decision.decline')}
          </Button>
        ) : null}
      </div>
      {declining ? (
        <form
          className="buyer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            setTouched(true)
            if (rules.required(t)(reason) || rules.maxLength(t, REASON_MAX)(reason)) return
            decide.mutate({ decision: 'decline', reason: reason.trim() })
          }}
        >
          <Textarea
            label={t('buyer.responses.declineReason')}
            description={t('buyer.responses.declineReasonHint')}
            required
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={reasonError}
          />
          <div className="buyer-actions">
            <Button type="submit" color="red" loading={pending('decline')}>
              {t('buyer.responses.confirmDecline')}
            </Button>
            <Button variant="subtle" onClick={() => setDeclining(false)}>
              {t('buyer.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {decide.isError && !serverFieldErrors(decide.error).reason ? (
        <Alert color="red" role="alert" mt="sm">
          <p>{serverMessage(decide.error, t)}</p>
          {allowed ? (
            <p>
              {allowed.length > 0
                ? t('buyer.allowed', {
                    actions: allowed.map((a) => (isDecision(a) ? t(`buyer.responses.decision.${a}`) : a)).join(', '),
                  })
                : t('buyer.noneAllowed')}
            </p>
          ) : null}
        </Alert>
      ) : null}
    </div>
  )
}

function isDecision(value: string): value is Decision {
  return value === 'shortlist' || value === 'accept' || value === 'decline'
}
