import { render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import ResultsMap from './ResultsMap'

describe('ResultsMap', () => {
  it('clusters the points and names the map', () => {
    const points = [
      { id: 'a', title: 'A <b>', href: '/offers/a', latitude: 49.12, longitude: 6.18 },
      { id: 'b', title: 'B', href: '/offers/b', latitude: 49.13, longitude: 6.19 },
    ]
    const { getByRole } = render(<ResultsMap points={points} label="Map of 2 results" onOpen={vi.fn()} />)
    expect(getByRole('region', { name: 'Map of 2 results' })).toBeTruthy()
  })
})
