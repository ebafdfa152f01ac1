import { Alert, Button } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { formatMoney } from '../../../components/format'
import { serverMessage } from '../../forms'
import type { Lot, Tender } from '../api'
import { EligibleCount } from '../EligibleCount'
import { LotForm } from './LotForm'
import { lotErrors } from './steps'

interface Props {
  orgID: string
  country: string
  tender: Tender
  submitErrors: Record<string, string>
  onDone: () => void
}

/** Step 3: the lots, each with its clauses and the live count of eligible suppliers. */
export function LotsStep({ orgID, country, tender, submitErrors, onDone }: Props) {
  const { t, i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const client = useQueryClient()
  const lots = tender.lots ?? []
  // The lot being edited: its id, 'new', or none. A lot the server found
  // wrong on submission opens first, with its errors on its fields.
  const firstWrong = lots.findIndex((_, i) => Object.keys(lotErrors(submitErrors, i)).length > 0)
  const [editing, setEditing] = useState<string | null>(
    firstWrong >= 0 ? lots[firstWrong]!.id : lots.length === 0 ? 'new' : null,
  )
  const [needLot, setNeedLot] = useState(false)
  const remove = useMutation({
    mutationFn: async (lot: Lot) =>
      unwrap(
        await api.DELETE('/api/v1/organisations/{orgID}/tenders/{tenderID}/lots/{lotID}', {
          params: { path: { orgID, tenderID: tender.id, lotID: lot.id } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['buyer', 'tender', tender.id] }),
  })
  return (
    <div>
      <p>{t('buyer.wizard.lotsIntro')}</p>
      {lots.map((lot, i) =>
        editing === lot.id ? (
          <section key={lot.id} className="buyer-card" aria-labelledby={`lot-${lot.id}`}>
            <h3 id={`lot-${lot.id}`}>{t('buyer.lot.heading', { n: lot.position || i + 1 })}</h3>
            <LotForm
              orgID={orgID}
              country={country}
              tender={tender}
              lot={lot}
              initialErrors={lotErrors(submitErrors, i)}
              onSaved={() => setEditing(lot.id)}
              onCancel={() => setEditing(null)}
            />
          </section>
        ) : (
          <section key={lot.id} className="buyer-card" aria-labelledby={`lot-${lot.id}`}>
            <h3 id={`lot-${lot.id}`}>
              {t('buyer.lot.heading', { n: lot.position || i + 1 })}: <span lang={tender.language}>{lot.title}</span>
            </h3>
            <ul>
              {lot.clause_labels?.reserved_participation ? <li>{lot.clause_labels.reserved_participation}</li> : null}
              {(lot.clause_labels?.legal_bases ?? []).map((b) => (
                <li key={b}>{b}</li>
              ))}
              {lot.value_min_cents !== undefined ? (
                <li>
                  {t('buyer.lot.valueShown', {
                    value:
                      lot.value_max_cents !== undefined && lot.value_max_cents !== lot.value_min_cents
                        ? `${formatMoney(lot.value_min_cents, lot.currency ?? 'EUR', ui)} – ${formatMoney(lot.value_max_cents, lot.currency ?? 'EUR', ui)}`
                        : formatMoney(lot.value_min_cents, lot.currency ?? 'EUR', ui),
                  })}
                </li>
              ) : null}
              {(lot.cpv ?? []).length > 0 ? <li translate="no">CPV {(lot.cpv ?? []).join(', ')}</li> : null}
            </ul>
            <EligibleCount orgID={orgID} tenderID={tender.id} lotID={lot.id} />
            <div className="buyer-actions">
              <Button variant="outline" onClick={() => setEditing(lot.id)}>
                {t('buyer.lot.edit')}
                <span className="visually-hidden"> – {lot.title}</span>
              </Button>
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending && remove.variables?.id === lot.id}
                onClick={() => remove.mutate(lot)}
              >
                {t('buyer.lot.delete')}
                <span className="visually-hidden"> – {lot.title}</span>
              </Button>
            </div>
          </section>
        ),
      )}
      {remove.isError ? (
        <Alert color="red" role="alert">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
      {editing === 'new' ? (
        <section className="buyer-card" aria-labelledby="lot-new">
          <h3 id="lot-new">{t('buyer.lot.newHeading')}</h3>
          <LotForm
            orgID={orgID}
            country={country}
            tender={tender}
            lot={undefined}
            onSaved={(saved) => setEditing(saved.id)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <Button variant="outline" onClick={() => setEditing('new')}>
          {t('buyer.lot.add')}
        </Button>
      )}
      {needLot ? (
        <p className="buyer-error" role="alert">
          {t('buyer.wizard.needLot')}
        </p>
      ) : null}
      <div className="buyer-actions" style={{ marginTop: '1.5rem' }}>
        <Button
          onClick={() => {
            if (lots.length === 0) setNeedLot(true)
            else onDone()
          }}
        >
          {t('buyer.wizard.continue')}
        </Button>
      </div>
    </div>
  )
}
