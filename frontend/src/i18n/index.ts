import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import de from './locales/de.json'
import en from './locales/en.json'
import fr from './locales/fr.json'
import nl from './locales/nl.json'
import workspaceDe from './locales/workspace/de.json'
import workspaceEn from './locales/workspace/en.json'
import workspaceFr from './locales/workspace/fr.json'
import workspaceNl from './locales/workspace/nl.json'
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  detectLanguage,
  isSupportedLanguage,
  storeLanguage,
  type Language,
} from './languages'

export * from './languages'

export const resources = {
  en: { translation: { ...en, workspace: workspaceEn } },
  fr: { translation: { ...fr, workspace: workspaceFr } },
  de: { translation: { ...de, workspace: workspaceDe } },
  nl: { translation: { ...nl, workspace: workspaceNl } },
} as const satisfies Record<Language, { translation: unknown }>

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

function browserLanguages(): readonly string[] | undefined {
  if (typeof navigator === 'undefined') return undefined
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language]
}

/** Keeps <html lang> and the document title in step with the language. */
function reflectLanguage(language: string): void {
  if (typeof document === 'undefined') return
  document.documentElement.lang = isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE
  document.title = i18n.t('meta.title')
}

i18n.on('languageChanged', reflectLanguage)

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(
    browserStorage(),
    browserLanguages(),
    typeof window === 'undefined' ? undefined : window.location.search,
  ),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})

reflectLanguage(i18n.language)

/** Switches the interface language and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  storeLanguage(browserStorage(), language)
  await i18n.changeLanguage(language)
}

/** The interface language now, always a supported one. */
export function currentLanguage(): Language {
  return isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
}

export default i18n
