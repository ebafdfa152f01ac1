import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isSupportedLanguage, setLanguage } from './i18n'

/**
 * Picks the interface language. When the URL names one (?lang=, as shared
 * links and hreflang alternates do), the URL follows the choice so that a
 * reload or a copied link keeps it.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const id = useId()
  const current = isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value
    if (!isSupportedLanguage(value)) return
    if (params.has('lang')) {
      const next = new URLSearchParams(params)
      next.set('lang', value)
      setParams(next, { replace: true })
    }
    void setLanguage(value)
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('languageSwitcher.label')}</label>
      <select id={id} value={current} onChange={onChange}>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  )
}
