import { render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import AreaMap, { mapTilesURL } from './AreaMap'

describe('mapTilesURL', () => {
  afterEach(() => document.head.querySelectorAll('meta[name="passerelle:map-tiles"]').forEach((m) => m.remove()))

  it('uses OpenStreetMap unless the page names other tiles, or none', () => {
    expect(mapTilesURL()).toContain('openstreetmap')
    const meta = document.createElement('meta')
    meta.name = 'passerelle:map-tiles'
    meta.content = 'https://tiles.example/{z}/{x}/{y}.png'
    document.head.append(meta)
    expect(mapTilesURL()).toBe('https://tiles.example/{z}/{x}/{y}.png')
    meta.content = ''
    expect(mapTilesURL()).toBe('')
  })
})

describe('AreaMap', () => {
  it('draws the place and the radius served, named for assistive technologies, without tiles', () => {
    const meta = document.createElement('meta')
    meta.name = 'passerelle:map-tiles'
    meta.content = ''
    document.head.append(meta)
    const { getByRole, container } = render(
      <AreaMap latitude={49.12} longitude={6.18} radiusKm={30} label="Map: ESAT in Metz" />,
    )
    expect(getByRole('region', { name: 'Map: ESAT in Metz' })).toBeTruthy()
    expect(container.querySelectorAll('path.leaflet-interactive').length).toBe(2)
    expect(container.querySelector('.leaflet-tile-pane img')).toBeNull()
    meta.remove()
  })

  it('names its zoom buttons in the reader’s language, not Leaflet’s English', () => {
    const { getByRole } = render(
      <AreaMap
        latitude={49.12}
        longitude={6.18}
        label="Carte"
        texts={{ zoomIn: 'Vergrößern', zoomOut: 'Verkleinern', closePopup: 'Schließen' }}
      />,
    )
    expect(getByRole('button', { name: 'Vergrößern' }).getAttribute('title')).toBe('Vergrößern')
    expect(getByRole('button', { name: 'Verkleinern' })).toBeTruthy()
  })
})
