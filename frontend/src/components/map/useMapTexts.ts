import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MapTexts } from './controls'

/** The map controls' words in the reader's language (the same object while the language stays). */
export function useMapTexts(): MapTexts {
  const { t } = useTranslation()
  return useMemo(() => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), closePopup: t('map.closePopup') }), [t])
}
