import { Alert, Badge, Button, NativeSelect, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { countryName } from '../../components/format'
import { Empty, ErrorState, Loading } from '../../components/States'
import { serverMessage } from '../forms'
import { LoadMore } from '../LoadMore'
import {
  useDirectory,
  useEvent,
  useExclude,
  useExclusions,
  useRegistration,
  useRemoveExclusion,
  useSuggestions,
  type DirectoryFilters,
} from './api'
import { ConventionFrame } from './ConventionFrame'
import { oneOf, ORGANISATION_KINDS, REQUEST_STATES, requestColor } from './display'
import { RequestDialog } from './RequestDialog'
import type { Delegate, DirectoryEntry } from './types'

const COUNTRIES = ['FR', 'DE', 'LU', 'BE']
const KINDS = ['sse_supplier', 'public_buyer', 'private_buyer'] as const

/**
 * /workspace/convention/{eventID}/directory: the participants (search,
 * country, kind), suggestions for one of my delegates with their reasons,
 * meeting requests, and the organisations excluded (met before, no thanks).
 */
export default function DirectoryPage() {
  const { t } = useTranslation()
  const { eventID = '' } = useParams()
  const event = useEvent(eventID)
  const registration = useRegistration(eventID)
  const title = t('convention.directory.title')
  const confirmed = registration.data?.state === 'confirmed'
  const mine = registration.data?.delegates ?? []
  const [asking, setAsking] = useState<{ to: DirectoryEntry; from?: string | undefined } | null>(null)
  const [sent, setSent] = useState('')
  return (
    <ConventionFrame title={title} event={event.data} confirmed={confirmed}>
      {event.isPending || registration.isPending ? <Loading /> : null}
      {event.isError || registration.isError ? <ErrorState error={event.error ?? registration.error} /> : null}
      {registration.isSuccess && !confirmed ? (
        <Alert color="orange" role="note" title={t('convention.directory.notConfirmedTitle')}>
          {t('convention.directory.notConfirmed')}
        </Alert>
      ) : null}
      {confirmed ? (
        <>
          {sent ? (
            <Alert color="green" role="status" withCloseButton onClose={() => setSent('')} closeButtonLabel={t('convention.close')}>
              {t('convention.request.sent', { name: sent })}
            </Alert>
          ) : null}
          <Suggestions eventID={eventID} mine={mine} onAsk={(to, from) => setAsking({ to, from })} />
          <Participants eventID={eventID} onAsk={(to) => setAsking({ to })} />
          <Exclusions eventID={eventID} />
        </>
      ) : null}
      {asking ? (
        <RequestDialog
          eventID={eventID}
          to={asking.to}
          mine={mine}
          defaultFrom={asking.from}
          onClose={() => setAsking(null)}
          onSent={(to) => {
            setAsking(null)
            setSent(to.name)
          }}
        />
      ) : null}
    </ConventionFrame>
  )
}

function Suggestions({ eventID, mine, onAsk }: { eventID: string; mine: Delegate[]; onAsk: (to: DirectoryEntry, from: string) => void }) {
  const { t } = useTranslation()
  const [delegateID, setDelegateID] = useState(mine[0]?.id ?? '')
  const chosen = mine.find((d) => d.id === delegateID) ?? mine[0]
  const suggestions = useSuggestions(eventID, chosen?.id)
  const items = suggestions.data?.items ?? []
  return (
    <section aria-labelledby="conv-suggestions">
      <h2 id="conv-suggestions">{t('convention.directory.suggestions')}</h2>
      <p>{t('convention.directory.suggestionsHint')}</p>
      {mine.length > 1 ? (
        <NativeSelect
          label={t('convention.directory.for')}
          value={chosen?.id ?? ''}
          onChange={(e) => setDelegateID(e.currentTarget.value)}
          data={mine.map((d) => ({ value: d.id, label: d.name }))}
          maw={320}
        />
      ) : null}
      {suggestions.isPending && chosen ? <Loading /> : null}
      {suggestions.isError ? <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} /> : null}
      {suggestions.isSuccess && items.length === 0 ? <Empty title={t('convention.directory.noSuggestions')} /> : null}
      <ul className="conv-list">
        {items.map((s) => (
          <li key={s.delegate.delegate_id} className="conv-card">
            <EntryHeading entry={s.delegate} level={3} />
            {(s.reasons ?? []).length > 0 ? (
              <>
                <p>{t('convention.directory.why')}</p>
                <ul className="conv-reasons">
                  {(s.reasons ?? []).map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <Button onClick={() => chosen && onAsk(s.delegate, chosen.id)}>
              {t('convention.directory.ask')}
              <span className="visually-hidden"> {s.delegate.name}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function Participants({ eventID, onAsk }: { eventID: string; onAsk: (to: DirectoryEntry) => void }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const [typed, setTyped] = useState<DirectoryFilters>({ q: '', country: '', kind: '' })
  const [filters, setFilters] = useState<DirectoryFilters>(typed)
  const directory = useDirectory(eventID, filters)
  const items = directory.items
  return (
    <section aria-labelledby="conv-participants">
      <h2 id="conv-participants">{t('convention.directory.participants')}</h2>
      <form
        role="search"
        aria-label={t('convention.directory.searchLabel')}
        className="conv-row"
        onSubmit={(e) => {
          e.preventDefault()
          setFilters({ ...typed, q: typed.q.trim() })
        }}
      >
        <TextInput
          label={t('convention.directory.search')}
          type="search"
          value={typed.q}
          onChange={(e) => setTyped({ ...typed, q: e.currentTarget.value })}
          maxLength={200}
        />
        <NativeSelect
          label={t('convention.directory.country')}
          value={typed.country}
          onChange={(e) => {
            const next = { ...typed, country: e.currentTarget.value }
            setTyped(next)
            setFilters(next)
          }}
          data={[{ value: '', label: t('convention.directory.anyCountry') }, ...COUNTRIES.map((c) => ({ value: c, label: countryName(c, ui) }))]}
        />
        <NativeSelect
          label={t('convention.directory.kind')}
          value={typed.kind}
          onChange={(e) => {
            const next = { ...typed, kind: e.currentTarget.value as DirectoryFilters['kind'] }
            setTyped(next)
            setFilters(next)
          }}
          data={[{ value: '', label: t('convention.directory.anyKind') }, ...KINDS.map((k) => ({ value: k, label: t(`convention.kind.${k}`) as string }))]}
        />
        <div>
          <Button type="submit">{t('convention.directory.searchButton')}</Button>
        </div>
      </form>
      {directory.isPending ? <Loading /> : null}
      {directory.isError ? <ErrorState error={directory.error} onRetry={() => void directory.refetch()} /> : null}
      {directory.isSuccess && items.length === 0 ? (
        <Empty title={t('convention.directory.empty')} hint={t('convention.directory.emptyHint')} />
      ) : null}
      <ul className="conv-list">
        {items.map((entry) => (
          <Participant key={entry.delegate_id} eventID={eventID} entry={entry} onAsk={onAsk} />
        ))}
      </ul>
      <LoadMore query={directory} />
    </section>
  )
}

/** A participant's name, job, organisation, kind and country, as a heading and a line. */
function EntryHeading({ entry, level }: { entry: DirectoryEntry; level: 3 | 4 }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const Heading = level === 3 ? 'h3' : 'h4'
  return (
    <>
      <Heading>
        {entry.name}
        {entry.job_title ? <span className="conv-job">, {entry.job_title}</span> : null}
      </Heading>
      <div className="conv-meta">
        <strong>{entry.organisation_name}</strong>
        <span>{t(`convention.kind.${oneOf(entry.organisation_kind, ORGANISATION_KINDS, 'sse_supplier')}`)}</span>
        <span>{countryName(entry.country, ui)}</span>
      </div>
      {(entry.sector_labels ?? []).length > 0 ? (
        <div className="conv-meta">
          {(entry.sector_labels ?? []).map((label) => (
            <Badge key={label} variant="light" color="gray">
              {label}
            </Badge>
          ))}
        </div>
      ) : null}
    </>
  )
}

function Participant({ eventID, entry, onAsk }: { eventID: string; entry: DirectoryEntry; onAsk: (to: DirectoryEntry) => void }) {
  const { t } = useTranslation()
  const exclude = useExclude(eventID)
  return (
    <li className="conv-card">
      <EntryHeading entry={entry} level={3} />
      {entry.offers ? (
        <div>
          <strong>{t('convention.delegate.offers')}</strong>
          <p lang={entry.profile_lang} className="conv-quote">
            {entry.offers}
          </p>
        </div>
      ) : null}
      {entry.needs ? (
        <div>
          <strong>{t('convention.delegate.needs')}</strong>
          <p lang={entry.profile_lang} className="conv-quote">
            {entry.needs}
          </p>
        </div>
      ) : null}
      <div className="conv-actions">
        {entry.mine ? (
          <Badge variant="outline" color="gray">
            {t('convention.directory.mine')}
          </Badge>
        ) : entry.excluded ? (
          <Badge variant="outline" color="gray">
            {t(`convention.exclusion.${entry.excluded === 'met_before' ? 'met_before' : entry.excluded === 'no_thanks' ? 'no_thanks' : 'unavailable'}`)}
          </Badge>
        ) : entry.request ? (
          <Badge variant="light" color={requestColor(entry.request.state)}>
            {t(`convention.directory.request.${entry.request.direction === 'incoming' ? 'incoming' : 'outgoing'}`, {
              state: t(`convention.requestState.${oneOf(entry.request.state, REQUEST_STATES, 'pending')}`),
            })}
          </Badge>
        ) : null}
        {!entry.mine && !entry.excluded && (!entry.request || !['pending', 'accepted'].includes(entry.request.state)) ? (
          <Button onClick={() => onAsk(entry)}>
            {t('convention.directory.ask')}
            <span className="visually-hidden"> {entry.name}</span>
          </Button>
        ) : null}
        {!entry.mine && !entry.excluded ? (
          <>
            <Button
              variant="subtle"
              loading={exclude.isPending && exclude.variables?.kind === 'met_before'}
              disabled={exclude.isPending}
              onClick={() => exclude.mutate({ organisation_id: entry.organisation_id, kind: 'met_before' })}
            >
              {t('convention.directory.metBefore')}
              <span className="visually-hidden"> {entry.organisation_name}</span>
            </Button>
            <Button
              variant="subtle"
              loading={exclude.isPending && exclude.variables?.kind === 'no_thanks'}
              disabled={exclude.isPending}
              onClick={() => exclude.mutate({ organisation_id: entry.organisation_id, kind: 'no_thanks' })}
            >
              {t('convention.directory.noThanks')}
              <span className="visually-hidden"> {entry.organisation_name}</span>
            </Button>
          </>
        ) : null}
      </div>
      {exclude.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(exclude.error, t)}
        </Alert>
      ) : null}
    </li>
  )
}

function Exclusions({ eventID }: { eventID: string }) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const exclusions = useExclusions(eventID)
  const remove = useRemoveExclusion(eventID)
  const items = exclusions.data?.items ?? []
  return (
    <section aria-labelledby="conv-exclusions">
      <h2 id="conv-exclusions">{t('convention.directory.exclusions')}</h2>
      <p>{t('convention.directory.exclusionsHint')}</p>
      {exclusions.isPending ? <Loading /> : null}
      {exclusions.isError ? <ErrorState error={exclusions.error} onRetry={() => void exclusions.refetch()} /> : null}
      {exclusions.isSuccess && items.length === 0 ? <Empty title={t('convention.directory.noExclusions')} /> : null}
      <ul className="conv-list">
        {items.map((x) => (
          <li key={x.organisation_id} className="conv-actions">
            <strong>{x.organisation_name}</strong>
            <span>{t(`convention.exclusion.${x.kind === 'met_before' ? 'met_before' : 'no_thanks'}`)}</span>
            <span>{new Intl.DateTimeFormat(ui, { dateStyle: 'medium' }).format(new Date(x.created_at))}</span>
            <Button
              variant="subtle"
              size="xs"
              loading={remove.isPending && remove.variables === x.organisation_id}
              onClick={() => remove.mutate(x.organisation_id)}
            >
              {t('convention.directory.undoExclusion')}
              <span className="visually-hidden"> {x.organisation_name}</span>
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
    </section>
  )
}
