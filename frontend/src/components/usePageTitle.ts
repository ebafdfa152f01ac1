import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets the document title to "<page> – Passerelle" while the page is shown. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation()
  useEffect(() => {
    if (!title) return
    document.title = `${title} – Passerelle`
    return () => {
      document.title = t('meta.title')
    }
  }, [title, t])
}
