import 'leaflet/dist/leaflet.css'
import 'leaflet.markercluster/dist/MarkerCluster.css'
import 'leaflet.markercluster/dist/MarkerCluster.Default.css'
import L from './leafletGlobal'
import 'leaflet.markercluster'
import { useEffect, useRef } from 'react'
import { mapTilesURL } from './AreaMap'
import { localizeControls, type MapTexts } from './controls'

/** A place to show: a listing with its coordinates. */
export interface MapPoint {
  id: string
  title: string
  href: string
  latitude: number
  longitude: number
}

const TILES_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

/**
 * Search results on a Leaflet map, nearby markers clustered. Each popup
 * links to the listing; its title is set as text, never as HTML. The list
 * view stays the accessible equivalent.
 */
export default function ResultsMap({
  points,
  label,
  onOpen,
  texts,
}: {
  points: MapPoint[]
  label: string
  onOpen: (href: string) => void
  texts?: MapTexts | undefined
}) {
  const container = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!container.current) return
    // The Grande Région, until the points say otherwise.
    const map = L.map(container.current, { scrollWheelZoom: false, zoomControl: false }).setView([49.6, 6.2], 7)
    localizeControls(map, texts)
    const tiles = mapTilesURL()
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: tiles.includes('openstreetmap') ? TILES_ATTRIBUTION : '' }).addTo(map)
    }
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false })
    for (const point of points) {
      const marker = L.circleMarker([point.latitude, point.longitude], {
        radius: 8,
        color: '#1d5c4d',
        weight: 2,
        fillOpacity: 0.9,
      })
      const link = document.createElement('a')
      link.href = point.href
      link.textContent = point.title
      link.addEventListener('click', (event) => {
        event.preventDefault()
        onOpen(point.href)
      })
      marker.bindPopup(link)
      clusters.addLayer(marker)
    }
    map.addLayer(clusters)
    const fit = setTimeout(() => {
      map.invalidateSize()
      if (points.length > 0 && map.getSize().x > 0) map.fitBounds(clusters.getBounds(), { padding: [24, 24], maxZoom: 12 })
    }, 0)
    return () => {
      clearTimeout(fit)
      map.remove()
    }
  }, [points, onOpen, texts])
  return <div ref={container} className="results-map" role="region" aria-label={label} />
}
