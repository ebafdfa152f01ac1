import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { AppAt, Providers, makeQueryClient } from '../App'

/** Renders the whole app at a URL with a fresh query client (no retries). */
export function renderApp(url: string) {
  const client = makeQueryClient()
  client.setDefaultOptions({ queries: { retry: false, staleTime: 0 } })
  return render(<AppAt url={url} client={client} />)
}

/** Renders one component inside the app's providers and a router. */
export function renderWithProviders(node: ReactNode, url = '/') {
  return render(
    <Providers client={makeQueryClient()}>
      <MemoryRouter initialEntries={[url]}>{node}</MemoryRouter>
    </Providers>,
  )
}
