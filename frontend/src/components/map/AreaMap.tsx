import 'leaflet/dist/leaflet.css'
import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { localizeControls, type MapTexts } from './controls'

/** The OpenStreetMap tiles, unless the page names others (or none) in <meta name="passerelle:map-tiles">. */
const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
const DEFAULT_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

/** Tile URL template for the maps; empty means no tiles (the map still shows the places). */
export function mapTilesURL(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="passerelle:map-tiles"]')
  return meta ? meta.content.trim() : DEFAULT_TILES
}

export interface AreaMapProps {
  latitude: number
  longitude: number
  /** Radius of the area served, in km; none shows the place only. */
  radiusKm?: number | undefined
  /** What the map shows, in words (the accessible name; the page lists the same facts as text). */
  label: string
  /** The controls' words in the reader's language. */
  texts?: MapTexts | undefined
}

/**
 * A supplier's place and the radius it serves, on a Leaflet map. Leaflet is
 * in this lazily loaded chunk only; without tiles the marker and the
 * circle are still drawn on a blank background.
 */
export default function AreaMap({ latitude, longitude, radiusKm, label, texts }: AreaMapProps) {
  const container = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!container.current) return
    const map = L.map(container.current, { scrollWheelZoom: false, zoomControl: false }).setView([latitude, longitude], 10)
    localizeControls(map, texts)
    const tiles = mapTilesURL()
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 18,
        attribution: tiles === DEFAULT_TILES ? DEFAULT_ATTRIBUTION : '',
      }).addTo(map)
    }
    L.circleMarker([latitude, longitude], { radius: 8, color: '#1d5c4d', weight: 2, fillOpacity: 0.9 }).addTo(map)
    let fit: ReturnType<typeof setTimeout> | undefined
    if (radiusKm && radiusKm > 0) {
      const area = L.circle([latitude, longitude], {
        radius: radiusKm * 1000,
        color: '#1d5c4d',
        weight: 2,
        fillOpacity: 0.08,
      }).addTo(map)
      // Fit once the container is laid out; one of size 0 has no zoom that fits.
      fit = setTimeout(() => {
        map.invalidateSize()
        if (map.getSize().x > 0) map.fitBounds(area.getBounds(), { padding: [12, 12] })
      }, 0)
    }
    return () => {
      clearTimeout(fit)
      map.remove()
    }
  }, [latitude, longitude, radiusKm, texts])
  return <div ref={container} className="area-map" role="region" aria-label={label} />
}
