import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../test/render'
import { Countdown, type CountdownTexts } from './Countdown'

const HOUR = 3_600_000
const texts: CountdownTexts = {
  passed: 'closed',
  left: ({ days, hours, minutes }) => `${days} d ${hours} h ${minutes} min`,
}
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()

describe('Countdown', () => {
  it('gives the area’s words the days, hours and minutes left', () => {
    // 5 days, 2 hours and 30 minutes ahead: a few milliseconds pass before the render.
    renderWithProviders(<Countdown deadline={inHours(5 * 24 + 2.5)} texts={texts} />)
    const badge = screen.getByText(/^5 d 2 h (29|30) min$/)
    expect(badge.closest('[data-variant]')?.getAttribute('data-variant')).toBe('light')
  })

  it('says passed once the deadline is behind, or when the server says so', () => {
    renderWithProviders(
      <>
        <Countdown deadline={inHours(-1)} texts={texts} />
        <Countdown deadline={inHours(48)} passed texts={texts} passedVariant="filled" />
      </>,
    )
    const [byClock, byServer] = screen.getAllByText('closed')
    expect(byClock?.closest('[data-variant]')?.getAttribute('data-variant')).toBe('light')
    expect(byServer?.closest('[data-variant]')?.getAttribute('data-variant')).toBe('filled')
  })
})
