import { act, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import en from '../../i18n/locales/convention/en.json'
import { renderWithProviders } from '../../test/render'
import '../../workspace/convention/catalogue'
import type { EventSummary } from '../../workspace/convention/types'
import { EventCard } from './EventCard'

function summary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 'ev1',
    state: 'published',
    name: 'Convention Grande Région',
    lang: 'fr',
    venue: 'Centre des congrès',
    // 23:30 to 03:00 UTC: all of 3 March in Paris, all of 2 March in New York.
    starts_at: '2027-03-02T23:30:00Z',
    ends_at: '2027-03-03T03:00:00Z',
    registration_deadline: '2027-02-20T16:00:00Z',
    registration_open: true,
    registered_organisations: 3,
    ...overrides,
  } as EventSummary
}

describe('EventCard', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('links the name under the heading the page chose, in the event’s language, with venue and open state', () => {
    renderWithProviders(
      <ul>
        <EventCard event={summary()} to="/events/ev1" heading="h2" zone="Europe/Paris" />
      </ul>,
    )
    const heading = screen.getByRole('heading', { level: 2 })
    const link = within(heading).getByRole('link', { name: 'Convention Grande Région' })
    expect(link.getAttribute('href')).toBe('/events/ev1')
    expect(link.getAttribute('lang')).toBe('fr')
    expect(screen.getByText('Centre des congrès').getAttribute('lang')).toBe('fr')
    expect(screen.getByText(en.events.open)).toBeTruthy()
    // The deadline, 16:00 UTC, reads 17:00 in Paris.
    expect(screen.getByText(/^Register by February 20, 2027 at 5:00\sPM$/)).toBeTruthy()
  })

  it('reads the dates in the event’s zone, not the reader’s', () => {
    const { unmount } = renderWithProviders(
      <ul>
        <EventCard event={summary()} to="/x" heading="h3" zone="Europe/Paris" />
      </ul>,
    )
    expect(screen.getByText('March 3, 2027')).toBeTruthy()
    unmount()
    renderWithProviders(
      <ul>
        <EventCard event={summary()} to="/x" heading="h3" zone="America/New_York" />
      </ul>,
    )
    expect(screen.getByText('March 2, 2027')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 3 })).toBeTruthy()
  })

  it('says when registration is closed or the event cancelled, without a deadline', () => {
    const { unmount } = renderWithProviders(
      <ul>
        <EventCard event={summary({ registration_open: false })} to="/x" heading="h2" zone="Europe/Paris" />
      </ul>,
    )
    expect(screen.getByText(en.events.closed)).toBeTruthy()
    expect(screen.queryByText(/^Register by/)).toBeNull()
    unmount()
    renderWithProviders(
      <ul>
        <EventCard event={summary({ state: 'cancelled', registration_open: false })} to="/x" heading="h2" zone="Europe/Paris" />
      </ul>,
    )
    expect(screen.getByText(en.eventState.cancelled)).toBeTruthy()
    expect(screen.queryByText(en.events.closed)).toBeNull()
  })

  it('adds the page’s badge and lines, and hides the deadline when the page asks', () => {
    renderWithProviders(
      <ul>
        <EventCard event={summary()} to="/x" heading="h3" zone="Europe/Paris" showDeadline={false} badge={<span>Confirmed</span>}>
          <p>Registered as Buyer</p>
        </EventCard>
      </ul>,
    )
    expect(screen.getByText('Confirmed')).toBeTruthy()
    expect(screen.getByText('Registered as Buyer')).toBeTruthy()
    expect(screen.getByText(en.events.open)).toBeTruthy()
    expect(screen.queryByText(/^Register by/)).toBeNull()
  })
})
