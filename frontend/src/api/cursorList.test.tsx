import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../test/render'
import { LoadMore } from '../workspace/LoadMore'
import { useCursorList, type CursorPage } from './cursorList'

// A list of five numbers served two at a time, as the API pages its lists:
// the cursor names the first item of the page, '' is the start. A pure
// function standing for the server (the helper is what is under test).
const ALL = [1, 2, 3, 4, 5]
function listServer() {
  const cursors: string[] = []
  const fetchPage = async (cursor: string): Promise<CursorPage<number>> => {
    cursors.push(cursor)
    const start = cursor === '' ? 0 : Number(cursor.slice(1))
    const items = ALL.slice(start, start + 2)
    return { items, next_cursor: start + 2 < ALL.length ? `c${start + 2}` : '' }
  }
  return { cursors, fetchPage }
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

const isOdd = (n: number) => n % 2 === 1

describe('useCursorList', () => {
  it('fetches the first page with an empty cursor, then each next_cursor, until the API gives none', async () => {
    const server = listServer()
    const { result } = renderHook(() => useCursorList({ queryKey: ['numbers'], fetchPage: server.fetchPage }), { wrapper })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.items).toEqual([1, 2])
    expect(result.current.hasNextPage).toBe(true)

    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4]))
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4, 5]))
    expect(result.current.hasNextPage).toBe(false)
    expect(result.current.data?.pages).toHaveLength(3)
    expect(server.cursors).toEqual(['', 'c2', 'c4'])
  })

  it('treats a page without items (null) as empty', async () => {
    const { result } = renderHook(
      () => useCursorList({ queryKey: ['empty'], fetchPage: async (): Promise<CursorPage<number>> => ({ items: null, next_cursor: '' }) }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.items).toEqual([])
    expect(result.current.hasNextPage).toBe(false)
  })

  it('starts from firstCursor when given one', async () => {
    const server = listServer()
    const { result } = renderHook(() => useCursorList({ queryKey: ['from-c2'], fetchPage: server.fetchPage, firstCursor: 'c2' }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.items).toEqual([3, 4])
    expect(server.cursors).toEqual(['c2'])
  })

  it('fetches nothing while disabled, and the first page once enabled', async () => {
    const server = listServer()
    const { result, rerender } = renderHook(
      ({ enabled }: { enabled: boolean }) => useCursorList({ queryKey: ['later'], fetchPage: server.fetchPage, enabled }),
      { wrapper, initialProps: { enabled: false } },
    )
    expect(result.current.fetchStatus).toBe('idle')
    expect(result.current.isPending).toBe(true)
    expect(result.current.items).toEqual([])
    expect(server.cursors).toEqual([])

    rerender({ enabled: true })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.items).toEqual([1, 2])
    expect(server.cursors).toEqual([''])
  })

  it('keeps only the items the filter accepts, the pages as the API gave them', async () => {
    const server = listServer()
    const { result } = renderHook(() => useCursorList({ queryKey: ['odd'], fetchPage: server.fetchPage, filter: isOdd }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    await act(() => result.current.fetchNextPage())
    await waitFor(() => expect(result.current.items).toEqual([1, 3]))
    expect(result.current.data?.pages.flatMap((page) => page.items ?? [])).toEqual([1, 2, 3, 4])
  })

  it('gives the same items array while the pages do not change', async () => {
    const server = listServer()
    const { result, rerender } = renderHook(() => useCursorList({ queryKey: ['stable'], fetchPage: server.fetchPage }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    const first = result.current.items
    rerender()
    expect(result.current.items).toBe(first)
  })

  it('drives LoadMore: the button fetches the next page and goes away after the last', async () => {
    const server = listServer()
    function Numbers() {
      const list = useCursorList({ queryKey: ['load-more'], fetchPage: server.fetchPage })
      return (
        <>
          <ul>
            {list.items.map((n) => (
              <li key={n}>{`number ${n}`}</li>
            ))}
          </ul>
          <LoadMore query={list} />
        </>
      )
    }
    renderWithProviders(<Numbers />)
    expect(await screen.findByText('number 2')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('number 4')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('number 5')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull())
    expect(screen.getAllByRole('listitem')).toHaveLength(5)
    expect(server.cursors).toEqual(['', 'c2', 'c4'])
  })
})
