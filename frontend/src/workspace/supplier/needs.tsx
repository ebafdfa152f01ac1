import { Button, Group, NativeSelect, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../../api/client'
import { Empty, ErrorState, Loading } from '../../components/States'
import { countryName, languageName } from '../../components/format'
import { useSectorLabels } from '../../components/useSectorLabels'
import { fieldError, serverFieldErrors } from '../forms'
import type { MemberOrganisation } from '../organisations'
import { BASE, Countdown, StateBadge, SupplierPage, formatDateTime, useUiLanguage, type Need } from './common'
import { useNeeds } from './queries'
import { FormProblem } from '../FormProblem'
import { LoadMore } from '../LoadMore'

export const DECLINE_REASONS = [
  'not_our_activity',
  'outside_our_area',
  'no_capacity',
  'deadline_too_short',
  'too_small',
  'too_large',
  'not_eligible',
  'other',
] as const

const REASON_CODES = new Set([
  'cpv_exact',
  'cpv_ancestor',
  'cpv_descendant',
  'cpv_division',
  'sector',
  'area_country',
  'area_cross_border',
  'area_radius',
  'area_region',
  'area_sub_region',
  'eligible',
  'not_reserved',
  'language_tender',
  'language_response',
  'language_none',
  'profile_completeness',
])

/** Why the lot was routed to us, in plain words. */
export function MatchReasons({ reasons }: { reasons: Need['reasons'] }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const sector = useSectorLabels()
  const items = (reasons ?? []).filter((r) => REASON_CODES.has(r.code))
  if (items.length === 0) return null
  return (
    <ul className="match-reasons" aria-label={t('supplier.needs.why')}>
      {items.map((r, i) => {
        const v = (r.values ?? {}) as Record<string, string>
        const values = {
          ...v,
          sector: v.sector ? sector(v.sector) : '',
          country: v.country ? countryName(v.country, ui) : '',
          place_country: v.place_country ? countryName(v.place_country, ui) : '',
          language: v.language ? languageName(v.language, ui) : '',
          legal_bases: v.legal_bases ?? '',
        }
        return <li key={`${r.code}-${i}`}>{t(`supplier.reasons.${r.code as 'sector'}`, values)}</li>
      })}
    </ul>
  )
}

/** /workspace/supplier/needs: the lots Passerelle routed to the organisation. */
export function NeedsPage() {
  const { t } = useTranslation()
  return <SupplierPage title={t('supplier.needs.title')}>{(org) => <NeedList organisation={org} />}</SupplierPage>
}

function NeedList({ organisation }: { organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const answer = params.get('answer') ?? ''
  const needs = useNeeds(organisation.id, answer)
  const items = needs.items
  return (
    <>
      <p>{t('supplier.needs.intro')}</p>
      <NativeSelect
        label={t('supplier.needs.filter')}
        value={answer}
        mb="md"
        maw={320}
        onChange={(e) => {
          const next = e.currentTarget.value
          setParams(next ? { answer: next } : {}, { replace: true })
        }}
        data={[
          { value: '', label: t('supplier.needs.filters.all') },
          { value: 'unanswered', label: t('supplier.needs.filters.unanswered') },
          { value: 'interested', label: t('supplier.needs.filters.interested') },
          { value: 'not_interested', label: t('supplier.needs.filters.not_interested') },
        ]}
      />
      {needs.isPending ? (
        <Loading />
      ) : needs.isError ? (
        <ErrorState error={needs.error} onRetry={() => void needs.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('supplier.needs.empty')} hint={t('supplier.needs.emptyHint')} />
      ) : (
        <ul className="supplier-cards">
          {items.map((need) => (
            <NeedCard key={need.lot_id} need={need} organisation={organisation} />
          ))}
        </ul>
      )}
      <LoadMore query={needs} />
    </>
  )
}

function NeedCard({ need, organisation }: { need: Need; organisation: MemberOrganisation }) {
  const { t } = useTranslation()
  const ui = useUiLanguage()
  const client = useQueryClient()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)
  const answer = useMutation({
    mutationFn: async (body: { answer: 'interested' | 'not_interested'; reason?: string; note?: string }) =>
      unwrap(
        await api.PUT('/api/v1/organisations/{orgID}/needs/{lotID}/answer', {
          params: { path: { orgID: organisation.id, lotID: need.lot_id } },
          body: body as { answer: 'interested' },
        }),
      ),
    onSuccess: async () => {
      setDeclining(false)
      await client.invalidateQueries({ queryKey: ['supplier', organisation.id, 'needs'] })
    },
  })
  const server = serverFieldErrors(answer.error)
  const reasonError = fieldError(touched && !reason ? t('workspace.form.required') : null, server, 'reason')
  const noteError = fieldError([...note].length > 500 ? t('workspace.form.tooLong', { max: 500 }) : null, server, 'note')
  const headingID = `need-${need.lot_id}`
  return (
    <li className="supplier-card" aria-labelledby={headingID}>
      <h2 id={headingID}>{need.lot_title}</h2>
      <p>
        {t('supplier.needs.tender')} <Link to={`${BASE}/tenders/${need.tender_id}`}>{need.tender_title}</Link>
        {need.buyer ? ` · ${need.buyer.name}` : ''}
      </p>
      <p>
        {t('supplier.needs.deadline', { date: formatDateTime(need.responses_deadline, ui) })}{' '}
        <Countdown deadline={need.responses_deadline} />
      </p>
      <MatchReasons reasons={need.reasons} />
      <p>
        {need.answer ? (
          <StateBadge
            state={need.answer.answer === 'interested' ? 'published' : 'withdrawn'}
            label={t(`supplier.needs.answer.${need.answer.answer}`)}
          />
        ) : (
          <StateBadge state="pending" label={t('supplier.needs.answer.none')} />
        )}
        {need.answer?.reason ? ` ${t(`supplier.needs.declineReasons.${need.answer.reason as 'other'}`)}` : ''}
        {need.answer?.note ? ` — ${need.answer.note}` : ''}
      </p>
      <FormProblem error={answer.error} fieldErrors={server} />
      {need.open ? (
        declining ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              setTouched(true)
              if (!reason || [...note].length > 500) return
              answer.mutate({ answer: 'not_interested', reason, ...(note.trim() ? { note: note.trim() } : {}) })
            }}
          >
            <NativeSelect
              label={t('supplier.needs.declineReason')}
              required
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value)
                setTouched(true)
              }}
              error={reasonError}
              data={[
                { value: '', label: t('supplier.needs.chooseReason') },
                ...DECLINE_REASONS.map((r) => ({ value: r, label: t(`supplier.needs.declineReasons.${r}`) })),
              ]}
            />
            <Textarea
              label={t('supplier.needs.note')}
              description={t('supplier.needs.noteHint')}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError}
            />
            <Group mt="sm">
              <Button type="submit" loading={answer.isPending}>
                {t('supplier.needs.confirmDecline')}
              </Button>
              <Button variant="subtle" onClick={() => setDeclining(false)}>
                {t('supplier.cancel')}
              </Button>
            </Group>
          </form>
        ) : (
          <Group>
            <Button
              onClick={() => answer.mutate({ answer: 'interested' })}
              loading={answer.isPending}
              disabled={need.answer?.answer === 'interested'}
              aria-label={t('supplier.needs.interestedIn', { lot: need.lot_title })}
            >
              {t('supplier.needs.interested')}
            </Button>
            <Button
              variant="outline"
              onClick={() => setDeclining(true)}
              aria-label={t('supplier.needs.notInterestedIn', { lot: need.lot_title })}
            >
              {t('supplier.needs.notInterested')}
            </Button>
            <Link to={`${BASE}/tenders/${need.tender_id}`}>{t('supplier.needs.open')}</Link>
          </Group>
        )
      ) : (
        <p>{t('supplier.needs.closed')}</p>
      )}
    </li>
  )
}
