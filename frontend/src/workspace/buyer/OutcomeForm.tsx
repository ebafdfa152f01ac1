import { Alert, Button, NativeSelect, Radio, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { serverFieldErrors } from '../forms'
import type { Lot } from './api'
import { euroCents } from './money'
import { FormProblem } from '../FormProblem'

type Result = 'awarded_passerelle' | 'awarded_other' | 'not_awarded'

interface Props {
  orgID: string
  tenderID: string
  lot: Lot
  /** The Passerelle suppliers that responded to this lot, by id, with their names. */
  suppliers: { id: string; name: string }[]
  /** Whether this is the last lot without an outcome: recording it makes every outcome final. */
  last: boolean
  onRecorded?: () => void
}

export { euroCents } from './money'

/**
 * The outcome of a lot: awarded to a Passerelle supplier (with the amount),
 * to another company (with the amount), or not awarded. The user confirms
 * before it is sent; the last lot's outcome makes them all final.
 */
export function OutcomeForm({ orgID, tenderID, lot, suppliers, last, onRecorded }: Props) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [result, setResult] = useState<Result>(suppliers.length > 0 ? 'awarded_passerelle' : 'awarded_other')
  const [supplier, setSupplier] = useState(suppliers[0]?.id ?? '')
  const [amount, setAmount] = useState('')
  const [tried, setTried] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const record = useMutation({
    mutationFn: async () => {
      const cents = euroCents(amount)
      return unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}/outcome', {
          params: { path: { orgID, tenderID, lotID: lot.id } },
          body: {
            result,
            currency: lot.currency || 'EUR',
            ...(result !== 'not_awarded' && cents !== null ? { amount_cents: cents } : {}),
            ...(result === 'awarded_passerelle' ? { supplier_id: supplier } : {}),
          },
        }),
      )
    },
    onSuccess: async () => {
      setConfirming(false)
      await client.invalidateQueries({ queryKey: ['buyer', 'tender', tenderID] })
      onRecorded?.()
    },
    onError: () => setConfirming(false),
  })
  const server = serverFieldErrors(record.error)
  const errors = {
    amount: result === 'not_awarded' ? null : euroCents(amount) === null || euroCents(amount) === 0 ? t('buyer.outcome.amountInvalid') : null,
    supplier: result === 'awarded_passerelle' && !supplier ? t('workspace.form.required') : null,
  }
  const invalid = Object.values(errors).some(Boolean)
  return (
    <form
      className="buyer-form"
      noValidate
      aria-label={t('buyer.outcome.formLabel', { lot: lot.title })}
      onSubmit={(event) => {
        event.preventDefault()
        setTried(true)
        if (invalid) return
        if (!confirming) setConfirming(true)
        else record.mutate()
      }}
    >
      <Radio.Group label={t('buyer.outcome.result')} value={result} onChange={(r) => setResult(r as Result)} error={server.result}>
        <Stack gap="xs" mt="xs">
          <Radio value="awarded_passerelle" label={t('buyer.outcome.awarded_passerelle')} disabled={suppliers.length === 0} />
          <Radio value="awarded_other" label={t('buyer.outcome.awarded_other')} />
          <Radio value="not_awarded" label={t('buyer.outcome.not_awarded')} />
        </Stack>
      </Radio.Group>
      {result === 'awarded_passerelle' ? (
        <NativeSelect
          label={t('buyer.outcome.supplier')}
          required
          value={supplier}
          onChange={(e) => setSupplier(e.currentTarget.value)}
          data={suppliers.map((s) => ({ value: s.id, label: s.name }))}
          error={(tried && errors.supplier) || server.supplier_id}
        />
      ) : null}
      {result !== 'not_awarded' ? (
        <TextInput
          label={t('buyer.outcome.amount', { currency: lot.currency || 'EUR' })}
          description={t('buyer.outcome.amountHint')}
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          onBlur={() => setTried(true)}
          error={(tried && errors.amount) || server.amount_cents}
        />
      ) : null}
      {confirming ? (
        <Alert color="orange" title={t('buyer.outcome.confirmTitle')} role="alert">
          <p>{last ? t('buyer.outcome.confirmFinal') : t('buyer.outcome.confirmOne')}</p>
        </Alert>
      ) : null}
      <FormProblem error={record.error} fieldErrors={server} />
      <div className="buyer-actions">
        <Button type="submit" loading={record.isPending}>
          {confirming ? t('buyer.outcome.confirm') : t('buyer.outcome.record')}
        </Button>
        {confirming ? (
          <Button variant="subtle" onClick={() => setConfirming(false)}>
            {t('buyer.outcome.back')}
          </Button>
        ) : null}
      </div>
    </form>
  )
}
