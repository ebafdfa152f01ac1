import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { serverFieldErrors } from '../../forms'
import type { Lot, Tender } from '../api'
import { CRITERION_TYPES, totalWeight } from '../criteria'
import { EligibleCount } from '../EligibleCount'
import { legalBasesFor, type Reservation } from '../legalBases'
import { CpvPicker } from './CpvPicker'
import {
  ELIGIBLE_GROUPS,
  GREEN_OBJECTIVES,
  LOT_TITLE_MAX,
  MEANS,
  SOCIAL_OBJECTIVES,
  STRATEGIC,
  lotFields,
  lotValues,
  validateLot,
  type CriterionValues,
  type LotValues,
} from './lotValues'
import { errorUnder } from './steps'
import { FormProblem } from '../../FormProblem'

interface Props {
  orgID: string
  country: string
  tender: Tender
  lot: Lot | undefined
  /** Field errors the server gave for this lot when the tender was submitted. */
  initialErrors?: Record<string, string>
  onSaved: (lot: Lot) => void
  onCancel: () => void
}

/** One lot: title, CPV codes, value, clauses and award criteria; saved with POST or PUT. */
export function LotForm({ orgID, country, tender, lot, initialErrors = {}, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [v, setV] = useState<LotValues>(() => lotValues(lot))
  const [touched, setTouched] = useState<Record<string, boolean>>({})
  const [tried, setTried] = useState(false)
  const [server, setServer] = useState<Record<string, string>>(initialErrors)
  const errors = validateLot(v, t)
  const show = (field: string) => ((tried || touched[field]) && errors[field]) || errorUnder(server, field)
  const touch = (field: string) => () => setTouched((s) => ({ ...s, [field]: true }))
  // A field the user changes no longer carries the server's old verdict on the reservation.
  const set = <K extends keyof LotValues>(key: K, value: LotValues[K]) => {
    setV((s) => ({ ...s, [key]: value }))
    if (key === 'legalBases' || key === 'cpv') setServer((e) => withoutPrefix(e, 'clauses.legal_bases'))
  }
  const prefix = lot ? `lot-${lot.position}` : 'lot-new'

  const save = useMutation({
    mutationFn: async () => {
      const body = lotFields(v)
      if (lot) {
        return unwrap(
          await api.PUT('/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}', {
            params: { path: { orgID, tenderID: tender.id, lotID: lot.id } },
            body,
          }),
        )
      }
      return unwrap(
        await api.POST('/api/v1/organisations/{orgID}/tenders/{tenderID}/lots', {
          params: { path: { orgID, tenderID: tender.id } },
          body,
        }),
      )
    },
    onSuccess: async (saved) => {
      setServer({})
      await client.invalidateQueries({ queryKey: ['buyer', 'tender', tender.id] })
      await client.invalidateQueries({ queryKey: ['buyer', 'matches', tender.id, saved.id] })
      onSaved(saved)
    },
    onError: (error) => setServer(serverFieldErrors(error)),
  })

  const bases = legalBasesFor(country, v.reservation)
  const total = totalWeight(v.criteria.map((c) => ({ weight: Number(c.weight.replace(',', '.')) || 0 })))
  const setCriterion = (i: number, patch: Partial<CriterionValues>) =>
    set(
      'criteria',
      v.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    )

  return (
    <form
      className="buyer-form"
      noValidate
      aria-label={lot ? t('buyer.lot.editLabel', { title: lot.title }) : t('buyer.lot.newLabel')}
      onSubmit={(event) => {
        event.preventDefault()
        setTried(true)
        if (Object.values(errors).some(Boolean)) return
        save.mutate()
      }}
    >
      <TextInput
        label={t('buyer.lot.title')}
        required
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        onBlur={touch('title')}
        error={show('title')}
        description={t('buyer.wizard.charCount', { count: [...v.title].length, max: LOT_TITLE_MAX })}
      />
      <Textarea
        label={t('buyer.lot.description')}
        rows={3}
        value={v.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        onBlur={touch('description')}
        error={show('description')}
      />
      <CpvPicker value={v.cpv} onChange={(cpv) => set('cpv', cpv)} error={errorUnder(server, 'cpv')} />
      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.lot.value')}</legend>
        <p className="buyer-explain-inline">{t('buyer.lot.valueHint')}</p>
        <div className="buyer-datetime">
          <TextInput
            label={t('buyer.lot.valueMin')}
            inputMode="decimal"
            value={v.valueMin}
            onChange={(e) => set('valueMin', e.currentTarget.value)}
            onBlur={touch('value_min_cents')}
            error={show('value_min_cents')}
          />
          <TextInput
            label={t('buyer.lot.valueMax')}
            inputMode="decimal"
            value={v.valueMax}
            onChange={(e) => set('valueMax', e.currentTarget.value)}
            onBlur={touch('value_max_cents')}
            error={show('value_max_cents')}
          />
        </div>
      </fieldset>

      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.lot.reservation')}</legend>
        <Radio.Group
          label={t('buyer.lot.reservedParticipation')}
          value={v.reservation}
          onChange={(r) => {
            setV((s) => ({ ...s, reservation: r as Reservation, legalBases: [] }))
            setServer((e) => withoutPrefix(withoutPrefix(e, 'clauses.legal_bases'), 'clauses.reserved_participation'))
          }}
          error={errorUnder(server, 'clauses.reserved_participation')}
        >
          <Stack gap="xs" mt="xs">
            {(['none', 'res-ws', 'res-pub-ser'] as const).map((r) => (
              <Radio key={r} value={r} label={t(`buyer.reservation.${r}.label`)} description={t(`buyer.reservation.${r}.explain`)} />
            ))}
          </Stack>
        </Radio.Group>
        {v.reservation !== 'none' ? (
          <Checkbox.Group
            mt="md"
            label={t('buyer.lot.legalBases')}
            description={t('buyer.lot.legalBasesHint')}
            required
            value={v.legalBases}
            onChange={(b) => {
              set('legalBases', b)
              setTouched((s) => ({ ...s, 'clauses.legal_bases': true }))
            }}
            error={show('clauses.legal_bases')}
          >
            <Stack gap="sm" mt="xs">
              {bases.length === 0 ? <p>{t('buyer.lot.noLegalBasis')}</p> : null}
              {bases.map((b) => (
                <Checkbox
                  key={b.code}
                  value={b.code}
                  label={t(`buyer.legalBasis.${b.key}.label`)}
                  description={t(`buyer.legalBasis.${b.key}.explain`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <NativeSelect
          mt="md"
          label={t('buyer.lot.reservedExecution')}
          description={t('buyer.lot.reservedExecutionHint')}
          value={v.reservedExecution}
          onChange={(e) => set('reservedExecution', e.currentTarget.value as LotValues['reservedExecution'])}
          data={(['no', 'yes', 'not-known'] as const).map((x) => ({ value: x, label: t(`buyer.reservedExecution.${x}`) }))}
          error={errorUnder(server, 'clauses.reserved_execution')}
        />
      </fieldset>

      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.lot.objectives')}</legend>
        <Checkbox.Group
          label={t('buyer.lot.strategic')}
          description={t('buyer.lot.strategicHint')}
          value={v.strategic}
          onChange={(s) => set('strategic', s)}
          error={errorUnder(server, 'clauses.strategic_procurement')}
        >
          <Stack gap="xs" mt="xs">
            {STRATEGIC.map((s) => (
              <Checkbox key={s} value={s} label={t(`buyer.strategic.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {v.strategic.includes('soc-obj') ? (
          <Checkbox.Group
            mt="md"
            label={t('buyer.lot.socialObjectives')}
            required
            value={v.social}
            onChange={(s) => set('social', s)}
            error={show('clauses.social_objectives')}
          >
            <Stack gap="xs" mt="xs">
              {SOCIAL_OBJECTIVES.map((s) => (
                <Checkbox key={s} value={s} label={t(`buyer.social.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {v.strategic.includes('env-imp') ? (
          <Checkbox.Group
            mt="md"
            label={t('buyer.lot.greenObjectives')}
            required
            value={v.green}
            onChange={(s) => set('green', s)}
            error={show('clauses.green_objectives')}
          >
            <Stack gap="xs" mt="xs">
              {GREEN_OBJECTIVES.map((s) => (
                <Checkbox key={s} value={s} label={t(`buyer.green.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <NativeSelect
          mt="md"
          label={t('buyer.lot.accessibility')}
          value={v.accessibility}
          onChange={(e) => set('accessibility', e.currentTarget.value as LotValues['accessibility'])}
          data={(['inc', 'n-inc', 'n-inc-just'] as const).map((x) => ({ value: x, label: t(`buyer.accessibility.${x}`) }))}
          error={errorUnder(server, 'clauses.accessibility')}
        />
        {v.accessibility === 'n-inc-just' ? (
          <Textarea
            mt="sm"
            label={t('buyer.lot.accessibilityJustification')}
            required
            value={v.accessibilityJustification}
            onChange={(e) => set('accessibilityJustification', e.currentTarget.value)}
            onBlur={touch('clauses.accessibility_justification')}
            error={show('clauses.accessibility_justification')}
          />
        ) : null}
      </fieldset>

      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.lot.execution')}</legend>
        <Textarea
          label={t('buyer.lot.executionConditions')}
          description={t('buyer.lot.executionConditionsHint')}
          rows={3}
          value={v.executionConditions}
          onChange={(e) => set('executionConditions', e.currentTarget.value)}
          error={errorUnder(server, 'clauses.execution_conditions')}
        />
        <Checkbox
          mt="md"
          label={t('buyer.lot.insertion')}
          description={t('buyer.lot.insertionHint')}
          checked={v.insertion}
          onChange={(e) => set('insertion', e.currentTarget.checked)}
        />
        {v.insertion ? (
          <Stack gap="sm" mt="sm">
            <Radio.Group
              label={t('buyer.lot.insertionMode')}
              value={v.insertionMode}
              onChange={(m) => set('insertionMode', m as LotValues['insertionMode'])}
            >
              <Group mt="xs">
                <Radio value="hours" label={t('buyer.lot.insertionHours')} />
                <Radio value="share" label={t('buyer.lot.insertionShare')} />
              </Group>
            </Radio.Group>
            <TextInput
              label={v.insertionMode === 'hours' ? t('buyer.lot.insertionHoursValue') : t('buyer.lot.insertionShareValue')}
              inputMode="decimal"
              required
              value={v.insertionAmount}
              onChange={(e) => set('insertionAmount', e.currentTarget.value)}
              onBlur={touch('clauses.insertion.amount')}
              error={show('clauses.insertion.amount') || errorUnder(server, 'clauses.insertion.hours') || errorUnder(server, 'clauses.insertion.labour_share')}
            />
            <Checkbox.Group
              label={t('buyer.lot.eligibleGroups')}
              required
              value={v.groups}
              onChange={(g) => set('groups', g)}
              error={show('clauses.insertion.eligible_groups')}
            >
              <Stack gap="xs" mt="xs">
                {ELIGIBLE_GROUPS.map((g) => (
                  <Checkbox key={g} value={g} label={t(`buyer.group.${g}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group
              label={t('buyer.lot.means')}
              required
              value={v.means}
              onChange={(m) => set('means', m)}
              error={show('clauses.insertion.means')}
            >
              <Stack gap="xs" mt="xs">
                {MEANS.map((m) => (
                  <Checkbox key={m} value={m} label={t(`buyer.means.${m}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        ) : null}
      </fieldset>

      <fieldset className="buyer-fieldset">
        <legend>{t('buyer.lot.criteria')}</legend>
        <p className="buyer-explain-inline">{t('buyer.lot.criteriaHint')}</p>
        {v.criteria.map((c, i) => (
          <div key={i} className="buyer-criterion" role="group" aria-label={t('buyer.lot.criterionN', { n: i + 1 })}>
            <NativeSelect
              label={t('buyer.lot.criterionType')}
              value={c.type}
              onChange={(e) => setCriterion(i, { type: e.currentTarget.value as CriterionValues['type'] })}
              data={CRITERION_TYPES.map((x) => ({ value: x, label: t(`buyer.criterionType.${x}`) }))}
            />
            <TextInput
              label={t('buyer.lot.criterionName')}
              required
              value={c.name}
              onChange={(e) => setCriterion(i, { name: e.currentTarget.value })}
              onBlur={touch(`clauses.award_criteria[${i}].name`)}
              error={show(`clauses.award_criteria[${i}].name`)}
            />
            <TextInput
              label={t('buyer.lot.criterionWeight')}
              inputMode="decimal"
              required
              value={c.weight}
              onChange={(e) => {
                setCriterion(i, { weight: e.currentTarget.value })
                setTouched((s) => ({ ...s, 'clauses.award_criteria': true }))
              }}
              onBlur={touch(`clauses.award_criteria[${i}].weight`)}
              error={show(`clauses.award_criteria[${i}].weight`)}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => set('criteria', v.criteria.filter((_, j) => j !== i))}
              aria-label={t('buyer.lot.criterionRemove', { n: i + 1 })}
            >
              {t('buyer.remove')}
            </Button>
            {c.type === 'quality' ? (
              <Checkbox
                label={t('buyer.lot.criterionSocial')}
                checked={c.social}
                onChange={(e) => setCriterion(i, { social: e.currentTarget.checked })}
              />
            ) : null}
          </div>
        ))}
        {v.criteria.length > 0 ? (
          <p
            role="status"
            aria-live="polite"
            className={total === 100 ? 'buyer-total-ok' : 'buyer-total-wrong'}
            data-testid="weights-total"
          >
            {total === 100 ? t('buyer.lot.totalOk', { total }) : t('buyer.lot.totalWrong', { total })}
          </p>
        ) : null}
        {server['clauses.award_criteria'] ? (
          <p className="buyer-error" role="alert">
            {server['clauses.award_criteria']}
          </p>
        ) : null}
        <Button
          variant="outline"
          mt="sm"
          onClick={() => set('criteria', [...v.criteria, { type: v.criteria.length === 0 ? 'price' : 'quality', name: '', weight: '', social: false }])}
        >
          {t('buyer.lot.criterionAdd')}
        </Button>
      </fieldset>

      {lot ? <EligibleCount orgID={orgID} tenderID={tender.id} lotID={lot.id} /> : <p>{t('buyer.matches.afterSave')}</p>}

      <FormProblem error={save.error} fieldErrors={server} />
      {save.isError && Object.keys(server).length > 0 ? (
        <p className="buyer-error" role="alert">
          {t('buyer.wizard.serverErrors')}
        </p>
      ) : null}
      {tried && Object.values(errors).some(Boolean) ? (
        <p className="buyer-error" role="alert">
          {t('buyer.wizard.fixErrors')}
        </p>
      ) : null}
      <div className="buyer-actions" id={`${prefix}-actions`}>
        <Button type="submit" loading={save.isPending}>
          {t('buyer.lot.save')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('buyer.cancel')}
        </Button>
      </div>
    </form>
  )
}

function withoutPrefix(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== prefix && !k.startsWith(`${prefix}[`) && !k.startsWith(`${prefix}.`)))
}
