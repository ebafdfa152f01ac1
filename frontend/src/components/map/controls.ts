import L from 'leaflet'

/** The words of the map's own controls, in the reader's language (Leaflet's are English). */
export interface MapTexts {
  zoomIn: string
  zoomOut: string
  closePopup: string
}

/**
 * Adds the zoom buttons named in the reader's language, and names the
 * popups' close button likewise. The map must be made with zoomControl: false.
 */
export function localizeControls(map: L.Map, texts: MapTexts | undefined) {
  L.control.zoom(texts ? { zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut } : {}).addTo(map)
  if (!texts) return
  map.on('popupopen', (event) => {
    const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button')
    close?.setAttribute('aria-label', texts.closePopup)
    close?.setAttribute('title', texts.closePopup)
  })
}
