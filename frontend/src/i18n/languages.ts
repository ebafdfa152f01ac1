/** Languages of the Grande Région offered by the interface, in display order. */
export const SUPPORTED_LANGUAGES = ['fr', 'de', 'en', 'nl'] as const

export type Language = (typeof SUPPORTED_LANGUAGES)[number]

/** Used when neither a stored choice nor the browser names a supported language. */
export const DEFAULT_LANGUAGE: Language = 'en'

/** localStorage key holding the language the user picked. */
export const STORAGE_KEY = 'passerelle.language'

/** Each language's name in that language (endonym), shown in the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
  nl: 'Nederlands',
}

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value)
}

/** Maps a BCP 47 tag such as "de-LU" or "nl_BE" to a supported language, if any. */
export function toSupportedLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
  return isSupportedLanguage(primary) ? primary : undefined
}

/** Reads the remembered choice; storage may be unavailable (privacy modes). */
export function readStoredLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language | undefined {
  try {
    const value = storage?.getItem(STORAGE_KEY)
    return isSupportedLanguage(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function storeLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(STORAGE_KEY, language)
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}

/** The language named by a URL's ?lang= parameter, if supported. */
export function languageFromSearch(search: string | undefined): Language | undefined {
  const value = new URLSearchParams(search ?? '').get('lang')
  return isSupportedLanguage(value) ? value : undefined
}

/**
 * The language to start with: the URL's ?lang= (shared links and hreflang
 * alternates name it), else the remembered choice, else the first of the
 * browser's preferred languages that is supported, else English.
 */
export function detectLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  browserLanguages: readonly string[] | undefined,
  search?: string,
): Language {
  const fromURL = languageFromSearch(search)
  if (fromURL) return fromURL
  const stored = readStoredLanguage(storage)
  if (stored) return stored
  for (const tag of browserLanguages ?? []) {
    const language = toSupportedLanguage(tag)
    if (language) return language
  }
  return DEFAULT_LANGUAGE
}
