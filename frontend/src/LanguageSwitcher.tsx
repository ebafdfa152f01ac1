import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isSupportedLanguage, setLanguage } from './i18n'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const current = isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value
    if (isSupportedLanguage(value)) void setLanguage(value)
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
