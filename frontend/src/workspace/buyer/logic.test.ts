import { describe, expect, it } from 'vitest'
import { totalWeight, weightsComplete } from './criteria'
import { deadlineProblem, fromParts, toParts } from './deadlines'
import { combinable, legalBasesFor } from './legalBases'
import { euroCents } from './OutcomeForm'
import { decisionsFor } from './ResponseDecision'
import { mapServerErrors } from './wizard/GeneralStep'
import { lotFields, lotValues, validateLot } from './wizard/lotValues'
import { errorUnder, lotErrors, resumeStep, stepOfField } from './wizard/steps'

describe('award criteria weights', () => {
  it('add up, to two decimals, and are complete at exactly 100', () => {
    expect(totalWeight([{ weight: 60 }, { weight: 30 }])).toBe(90)
    expect(totalWeight([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }])).toBe(100)
    expect(weightsComplete([{ weight: 60 }, { weight: 30 }])).toBe(false)
    expect(weightsComplete([{ weight: 60 }, { weight: 40 }])).toBe(true)
    expect(weightsComplete([])).toBe(true)
  })
})

describe('deadlines as a date and a time', () => {
  const now = new Date('2026-11-26T10:00:00')
  it('round-trip through the local date and time', () => {
    const parts = { date: '2026-11-26', time: '10:05' }
    expect(toParts(fromParts(parts)!.toISOString())).toEqual(parts)
  })
  it('accept any moment in the future, even minutes ahead, and refuse the past or a missing part', () => {
    expect(deadlineProblem({ date: '2026-11-26', time: '10:01' }, now)).toBeNull()
    expect(deadlineProblem({ date: '2026-11-26', time: '09:59' }, now)).toBe('past')
    expect(deadlineProblem({ date: '2026-11-26', time: '' }, now)).toBe('required')
    expect(deadlineProblem({ date: '', time: '10:30' }, now)).toBe('required')
  })
})

describe('legal bases by country', () => {
  const codes = (country: string, r: 'res-ws' | 'res-pub-ser' | 'none') => legalBasesFor(country, r).map((b) => b.code)
  it('offer a buyer its own country’s law and the Directive', () => {
    expect(codes('FR', 'res-ws')).toEqual(['FR_L2113_12', 'FR_L2113_13', 'EU_ART20'])
    expect(codes('FR', 'res-pub-ser')).toEqual(['FR_L2113_15', 'EU_ART77'])
    expect(codes('DE', 'res-ws')).toEqual(['DE_GWB_118', 'EU_ART20'])
    expect(codes('BE', 'res-ws')).toEqual(['BE_2016_ART15', 'EU_ART20'])
    expect(codes('LU', 'res-ws')).toEqual(['LU_2018_ART20', 'EU_ART20'])
    expect(codes('DE', 'res-pub-ser')).toEqual(['EU_ART77'])
    expect(codes('FR', 'none')).toEqual([])
    expect(codes('CH', 'res-ws')).toEqual([])
  })
  it('combine only L2113-12 with L2113-13', () => {
    expect(combinable(['FR_L2113_12', 'FR_L2113_13'])).toBe(true)
    expect(combinable(['FR_L2113_13', 'FR_L2113_12'])).toBe(true)
    expect(combinable(['FR_L2113_12', 'EU_ART20'])).toBe(false)
    expect(combinable(['DE_GWB_118'])).toBe(true)
  })
})

describe('server field errors in the wizard', () => {
  it('belong to the step of their field', () => {
    expect(stepOfField('lots[0].clauses.legal_bases')).toBe('lots')
    expect(stepOfField('responses_deadline')).toBe('general')
    expect(stepOfField('kind')).toBe('kind')
    expect(stepOfField('document_ids')).toBe('documents')
  })
  it('are split by lot, and found under a field', () => {
    const errors = { 'lots[1].title': 'Required', 'lots[0].clauses.legal_bases[0]': 'Wrong country', title: 'x' }
    expect(lotErrors(errors, 0)).toEqual({ 'clauses.legal_bases[0]': 'Wrong country' })
    expect(lotErrors(errors, 1)).toEqual({ title: 'Required' })
    expect(errorUnder(lotErrors(errors, 0), 'clauses.legal_bases')).toBe('Wrong country')
  })
  it('name the translation they are about', () => {
    expect(mapServerErrors({ 'translations[0].title': 'Too long' }, ['fr', 'de'], true)).toEqual({ 'translation.de.title': 'Too long' })
    expect(mapServerErrors({ 'texts[1].title': 'Too long', title: 'Required' }, ['fr', 'nl'], false)).toEqual({
      'translation.nl.title': 'Too long',
      title: 'Required',
    })
  })
  it('resume a draft at its lots until it has one', () => {
    expect(resumeStep({ lots: [] } as never)).toBe('lots')
    expect(resumeStep({ lots: [{}] } as never)).toBe('review')
  })
})

describe('decisions and outcomes', () => {
  it('offer the decisions a response’s state allows', () => {
    expect(decisionsFor('submitted')).toEqual(['shortlist', 'accept', 'decline'])
    expect(decisionsFor('shortlisted')).toEqual(['accept', 'decline'])
    expect(decisionsFor('accepted')).toEqual([])
  })
  it('read amounts in euros as people type them', () => {
    expect(euroCents('12000')).toBe(1_200_000)
    expect(euroCents('12 000,50')).toBe(1_200_050)
    expect(euroCents('12000.5')).toBe(1_200_050)
    expect(euroCents('douze')).toBeNull()
    expect(euroCents('1.234')).toBeNull()
  })
})

describe('estimated values of a lot', () => {
  const t = ((key: string) => key) as unknown as Parameters<typeof validateLot>[1]
  const lot = (valueMin: string, valueMax: string) => ({ ...lotValues(undefined), title: 'Espaces verts', valueMin, valueMax })
  it('are sent in cents, "12 000,50" as 1,200,050', () => {
    expect(lotFields(lot('12 000,50', '')).value_min_cents).toBe(1_200_050)
    expect(lotFields(lot('12 000,50', '')).value_max_cents).toBe(1_200_050)
  })
  it('refuse a thousands separator rather than read 250.000 € as 250 €', () => {
    expect(validateLot(lot('250.000', '250,000'), t)).toMatchObject({
      value_min_cents: 'buyer.lot.valueInvalid',
      value_max_cents: 'buyer.lot.valueInvalid',
    })
    expect(validateLot(lot('250000', '300000'), t)).toMatchObject({ value_min_cents: null, value_max_cents: null })
  })
})
