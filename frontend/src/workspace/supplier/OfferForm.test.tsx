import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { renderApp } from '../../test/render'
import { emptyOffer, offerBody, serverOfferErrors, validateOffer } from './OfferForm'
import { ApiError } from '../../api/client'
import { supplierApi } from './testing'
import './catalogue' // the area's texts, as the area's routes load them

const t = i18n.t.bind(i18n)

describe('offer form rules', () => {
  it('asks for both texts of a translation, and mirrors the API limits', () => {
    const v = { ...emptyOffer('fr'), title: 'Repassage', description: 'Du linge' }
    expect(validateOffer(v, t)).toEqual({})
    v.translations = { de: { title: 'Bügeln', description: '' } }
    expect(validateOffer(v, t)).toEqual({ 'translations.de.description': 'A translation needs both a title and a description' })
    const long = { ...v, translations: {}, title: 'x'.repeat(201), area_mode: 'radius' as const, radius_km: 0, price_amount: '12,345' }
    expect(validateOffer(long, t)).toEqual({
      title: 'At most 200 characters',
      'area.radius_km': 'A whole number of km between 1 and 1000',
      'price.amount': 'An amount such as 25 or 25.50',
    })
  })

  it('sends only the filled translations and names server errors after the form’s fields', () => {
    const v = {
      ...emptyOffer('fr'),
      title: 'Repassage',
      description: 'Du linge',
      translations: { en: { title: 'Ironing', description: 'Linen' }, de: { title: '', description: '' } },
      price_amount: '12,50',
    }
    const body = offerBody(v, false)
    expect(body.translations).toEqual([{ lang: 'en', title: 'Ironing', description: 'Linen' }])
    expect(body).toMatchObject({ price: { amount_cents: 1250, currency: 'EUR' }, area: { mode: 'country' } })
    const error = new ApiError(422, {
      errors: [
        { location: 'body.translations[0].title', message: 'too long' },
        { location: 'body.cpv_codes[2]', message: 'unknown code' },
        { location: 'body.price.amount_cents', message: 'too high' },
      ],
    })
    expect(serverOfferErrors(error, body)).toEqual({
      'translations.en.title': 'too long',
      cpv_codes: 'unknown code',
      'price.amount': 'too high',
    })
  })
})

describe('offer form', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('shows the original beside its translations, checks as the user types and shows the server’s field errors', { timeout: 30_000 }, async () => {
    const sent = supplierApi({
      'POST /api/v1/organisations/org1/offers': () => ({
        status: 422,
        body: {
          title: 'Unprocessable Entity',
          status: 422,
          errors: [{ location: 'body.translations[0].title', message: 'Der Titel enthält ein verbotenes Wort' }],
        },
      }),
    })
    renderApp('/workspace/supplier/offers/new')
    expect(await screen.findByRole('heading', { level: 1, name: 'New offer' })).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: /Written in/ }), { target: { value: 'fr' } })
    // The original and the three other languages, each in its own group, side by side.
    const original = screen.getByRole('group', { name: 'Original (French)' })
    const german = screen.getByRole('group', { name: 'Translation (German)' })
    expect(screen.getByRole('group', { name: 'Translation (English)' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Translation (Dutch)' })).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Translation (French)' })).toBeNull()

    // Typed then emptied: required, at once.
    const title = within(original).getByRole('textbox', { name: /Title in French/ })
    fireEvent.change(title, { target: { value: 'R' } })
    fireEvent.change(title, { target: { value: '' } })
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(within(original).getByText('Required')).toBeTruthy()
    fireEvent.change(title, { target: { value: 'Repassage' } })
    fireEvent.change(within(original).getByRole('textbox', { name: /Description in French/ }), { target: { value: 'Du linge repassé' } })

    // A German title alone: the description beside it is asked for.
    fireEvent.change(within(german).getByRole('textbox', { name: 'Title in German' }), { target: { value: 'Bügeln' } })
    const germanDescription = within(german).getByRole('textbox', { name: 'Description in German' })
    expect(germanDescription.getAttribute('aria-invalid')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft' }))
    expect(sent.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.change(germanDescription, { target: { value: 'Gebügelte Wäsche' } })

    // The server refuses the German title: its message shows under that field.
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft' }))
    const germanTitle = within(german).getByRole('textbox', { name: 'Title in German' })
    await waitFor(() => expect(germanTitle.getAttribute('aria-invalid')).toBe('true'))
    expect(within(german).getByText('Der Titel enthält ein verbotenes Wort')).toBeTruthy()
    const post = sent.find((r) => r.method === 'POST')
    expect(post?.body).toMatchObject({
      language: 'fr',
      title: 'Repassage',
      translations: [{ lang: 'de', title: 'Bügeln', description: 'Gebügelte Wäsche' }],
    })
  })
})
