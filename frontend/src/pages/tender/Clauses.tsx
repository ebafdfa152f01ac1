import { useTranslation } from 'react-i18next'
import type { Schemas } from '../../api/client'

type Lot = Schemas['LotBody']

/**
 * A lot's social and environmental clauses: each in plain words in the
 * reader's language (our catalogue), with the official eForms label and the
 * legal bases of the reservation as the API names them in that language.
 */
export function Clauses({ lot }: { lot: Lot }) {
  const { t } = useTranslation()
  const clauses = lot.clauses ?? {}
  const labels = lot.clause_labels
  const items: { key: string; plain: string; official?: string | undefined }[] = []

  const participation = clauses.reserved_participation
  if (participation === 'res-ws' || participation === 'res-pub-ser') {
    items.push({
      key: 'participation',
      plain: t(`clauses.plain.reservedParticipation.${participation}`),
      official: labels.reserved_participation,
    })
  }
  if (clauses.reserved_execution === 'yes') {
    items.push({ key: 'execution', plain: t('clauses.plain.reservedExecution'), official: labels.reserved_execution })
  }
  ;(clauses.strategic_procurement ?? []).forEach((code, i) => {
    if (code === 'soc-obj' || code === 'env-imp' || code === 'inn-pur') {
      items.push({
        key: `strategic-${code}`,
        plain: t(`clauses.plain.strategic.${code}`),
        official: labels.strategic_procurement?.[i],
      })
    }
  })
  const insertion = clauses.insertion
  if (insertion && (insertion.hours || insertion.labour_share)) {
    items.push({
      key: 'insertion',
      plain: insertion.hours
        ? t('clauses.plain.insertionHours', { count: insertion.hours })
        : t('clauses.plain.insertionShare', { share: insertion.labour_share ?? 0 }),
    })
  }
  if (clauses.accessibility === 'inc') {
    items.push({ key: 'accessibility', plain: t('clauses.plain.accessibility'), official: labels.accessibility })
  }
  const socialObjectives = labels.social_objectives ?? []
  const greenObjectives = labels.green_objectives ?? []
  const legalBases = labels.legal_bases ?? []
  const socialCriteria = (clauses.award_criteria ?? []).filter((c) => c.social)
  const headingID = `clauses-${lot.id}`

  return (
    <section className="clauses" aria-labelledby={headingID}>
      <h4 id={headingID}>{t('clauses.heading', { lot: lot.title })}</h4>
      {items.length === 0 && socialCriteria.length === 0 ? <p>{t('clauses.none')}</p> : null}
      <ul className="clause-list">
        {items.map((item) => (
          <li key={item.key}>
            <p className="clause-plain">{item.plain}</p>
            {item.official ? (
              <p className="clause-official">
                {t('clauses.official')} {item.official}
              </p>
            ) : null}
          </li>
        ))}
        {socialCriteria.map((criterion) => (
          <li key={`criterion-${criterion.name}`}>
            <p className="clause-plain">
              {t('clauses.plain.socialCriterion', { name: criterion.name, weight: criterion.weight })}
            </p>
          </li>
        ))}
      </ul>
      {socialObjectives.length > 0 ? (
        <p>
          <strong>{t('clauses.socialObjectives')}</strong> {socialObjectives.join(' · ')}
        </p>
      ) : null}
      {greenObjectives.length > 0 ? (
        <p>
          <strong>{t('clauses.greenObjectives')}</strong> {greenObjectives.join(' · ')}
        </p>
      ) : null}
      {legalBases.length > 0 ? (
        <p className="legal-bases">
          <strong>{t('clauses.legalBasis')}</strong> {legalBases.join(' · ')}
        </p>
      ) : null}
    </section>
  )
}
