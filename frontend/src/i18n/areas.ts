import i18n from 'i18next'
import type { Language } from './languages'

/**
 * Adds a workspace area's texts under its key (supplier.… for the supplier area) in every
 * language. Each area's module calls it when it loads, so that a visitor's
 * first download carries the public pages' texts only; the catalogue test
 * checks every area with the others (catalogues.ts).
 */
export function addAreaCatalogue(area: string, byLanguage: Record<Language, Record<string, unknown>>): void {
  for (const [language, texts] of Object.entries(byLanguage)) {
    i18n.addResourceBundle(language, 'translation', { [area]: texts }, true, true)
  }
}
