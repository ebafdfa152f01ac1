import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryRouter, useLocation } from 'react-router'
import { Providers, makeQueryClient } from '../../App'
import i18n from '../../i18n'
import en from '../../i18n/locales/organiser/en.json'
import { fakeApi } from '../../test/fakeApi'
import './catalogue'
import { EventFrame } from './EventFrame'
import { oneState, StateFilter, useStateParam } from './StateFilter'

const STATES = ['draft', 'published'] as const

function Where() {
  const location = useLocation()
  return <output data-testid="search">{location.search}</output>
}

function Filtered() {
  const [state, setState] = useStateParam(STATES)
  return (
    <>
      <StateFilter label="State" allLabel="All" states={STATES} stateLabel={(s) => s.toUpperCase()} value={state} onChange={setState} />
      <Where />
    </>
  )
}

function renderAt(url: string, node: React.ReactNode) {
  return render(
    <Providers client={makeQueryClient()}>
      <MemoryRouter initialEntries={[url]}>{node}</MemoryRouter>
    </Providers>,
  )
}

describe('StateFilter', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('narrows a value to the states, anything else meaning all', () => {
    expect(oneState('draft', STATES)).toBe('draft')
    expect(oneState('cancelled', STATES)).toBe('')
    expect(oneState(null, STATES)).toBe('')
  })

  it('reads the state from the address, writes it back as it changes, and keeps the other parameters', () => {
    renderAt('/x?state=published&q=metz', <Filtered />)
    const select = screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement
    expect(select.value).toBe('published')
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'DRAFT', 'PUBLISHED'])
    fireEvent.change(select, { target: { value: 'draft' } })
    expect(new URLSearchParams(screen.getByTestId('search').textContent ?? '').get('state')).toBe('draft')
    fireEvent.change(select, { target: { value: '' } })
    const params = new URLSearchParams(screen.getByTestId('search').textContent ?? '')
    expect(params.has('state')).toBe(false)
    expect(params.get('q')).toBe('metz')
  })

  it('shows all for a state it does not know', () => {
    renderAt('/x?state=cancelled', <Filtered />)
    expect((screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement).value).toBe('')
  })
})

describe('EventFrame', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('titles the page with the event’s name, then shows the event’s navigation and the page', async () => {
    fakeApi({
      'GET /api/v1/events/e1': () => ({ body: { id: 'e1', name: 'Rencontres 2027', time_zone: 'Europe/Luxembourg' } }),
    })
    renderAt(
      '/workspace/organiser/events/e1/schedule',
      <EventFrame eventID="e1" title={(event) => (event ? `Schedule: ${event.name}` : 'Schedule')}>
        {(event) => <p>Zone {event.time_zone}</p>}
      </EventFrame>,
    )
    expect(await screen.findByRole('heading', { level: 1, name: 'Schedule: Rencontres 2027' })).toBeTruthy()
    expect(screen.getByText('Zone Europe/Luxembourg')).toBeTruthy()
    const nav = screen.getByRole('navigation', { name: en.eventNav.label })
    expect(within(nav).getByRole('link', { name: en.eventNav.all }).getAttribute('href')).toBe('/workspace/organiser/events')
    expect(document.title).toContain('Schedule: Rencontres 2027')
  })

  it('shows the page’s error instead of the page when the event cannot be read', async () => {
    fakeApi({})
    renderAt(
      '/workspace/organiser/events/gone/schedule',
      <EventFrame eventID="gone" title={(event) => (event ? `Schedule: ${event.name}` : 'Schedule')}>
        {() => <p>the page</p>}
      </EventFrame>,
    )
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy()
    expect(screen.queryByRole('heading', { level: 1, name: /Schedule/ })).toBeNull()
    expect(screen.queryByText('the page')).toBeNull()
    expect(screen.queryByRole('navigation', { name: en.eventNav.label })).toBeNull()
  })
})
