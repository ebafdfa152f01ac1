import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from './App'
import i18n, { STORAGE_KEY } from './i18n'
import de from './i18n/locales/de.json'
import en from './i18n/locales/en.json'

describe('App', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('renders the product name, tagline and landmarks', () => {
    render(<App />)
    expect(screen.getByRole('heading', { level: 1, name: 'Passerelle' })).toBeTruthy()
    expect(screen.getByText(en.home.tagline)).toBeTruthy()
    expect(screen.getByText(en.home.status)).toBeTruthy()
    expect(screen.getByRole('banner')).toBeTruthy()
    expect(screen.getByRole('main')).toBeTruthy()
    expect(screen.getByRole('contentinfo')).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })

  it('switches to German, updating the text, <html lang> and the stored choice', async () => {
    render(<App />)
    const select = screen.getByRole('combobox', { name: en.languageSwitcher.label })

    fireEvent.change(select, { target: { value: 'de' } })

    expect(await screen.findByText(de.home.tagline)).toBeTruthy()
    expect(screen.queryByText(en.home.tagline)).toBeNull()
    expect(document.documentElement.lang).toBe('de')
    expect(document.title).toBe(de.meta.title)
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('de')
    expect(screen.getByRole('combobox', { name: de.languageSwitcher.label })).toHaveProperty('value', 'de')
  })
})
