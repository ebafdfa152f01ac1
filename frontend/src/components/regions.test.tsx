import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi } from '../test/fakeApi'
import { renderWithProviders } from '../test/render'
import { RegionName, regionName, useRegionNames } from './regions'

const regions = {
  items: [
    { code: 'FRF33', level: 3, name: 'Moselle', country: 'FR', parent: 'FRF3', assignable: true },
    { code: 'BE3', level: 1, name: 'RÉGION WALLONNE', country: 'BE', parent: 'BE', assignable: false },
    { code: 'DEC0', level: 2, name: 'Saarland', country: 'DE', parent: 'DEC', assignable: false },
  ],
}

function Regions({ codes }: { codes: string[] }) {
  const names = useRegionNames()
  return (
    <ul>
      {codes.map((code) => (
        <li key={code}>
          <RegionName label={names(code)} />
        </li>
      ))}
    </ul>
  )
}

describe('regionName', () => {
  it('writes Eurostat’s capitals as names are written, and leaves other names alone', () => {
    expect(regionName('RÉGION WALLONNE')).toBe('Région Wallonne')
    expect(regionName('ALSACE-CHAMPAGNE-ARDENNE-LORRAINE')).toBe('Alsace-Champagne-Ardenne-Lorraine')
    expect(regionName('LUXEMBOURG')).toBe('Luxembourg')
    expect(regionName('Prov. Luxembourg (BE)')).toBe('Prov. Luxembourg (BE)')
  })
})

describe('useRegionNames', () => {
  it('names NUTS codes in their own language, keeps unknown codes, and asks the API once', async () => {
    const seen = fakeApi({ 'GET /api/v1/nuts-regions': () => ({ body: regions }) })
    renderWithProviders(
      <>
        <Regions codes={['FRF33', 'be3']} />
        <Regions codes={['DEC0', 'XX999']} />
      </>,
    )
    const moselle = await screen.findByText('Moselle')
    expect(moselle.getAttribute('lang')).toBe('fr')
    expect(screen.getByText('Région Wallonne').getAttribute('lang')).toBe('fr')
    expect(screen.getByText('Saarland').getAttribute('lang')).toBe('de')
    expect(screen.getByText('XX999').getAttribute('lang')).toBeNull()
    expect(seen.filter((r) => r.url.pathname === '/api/v1/nuts-regions')).toHaveLength(1)
  })

  it('shows the codes when the regions cannot be read', async () => {
    fakeApi({ 'GET /api/v1/nuts-regions': () => ({ status: 500, body: { status: 500 } }) })
    renderWithProviders(<Regions codes={['FRF33']} />)
    expect(await screen.findByText('FRF33')).toBeTruthy()
  })
})
