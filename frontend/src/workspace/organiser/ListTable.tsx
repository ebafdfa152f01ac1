import { Table } from '@mantine/core'
import { useId, type ReactNode } from 'react'
import { ErrorState, Loading } from '../../components/States'
import { LoadMore } from '../LoadMore'

interface ListTableProps {
  /** The list's query (useCursorList): its states and its next page. */
  query: {
    isPending: boolean
    isError: boolean
    error: unknown
    refetch: () => unknown
    hasNextPage: boolean
    isFetchingNextPage: boolean
    fetchNextPage: () => unknown
  }
  /** How many rows there are (0: the empty state instead of the table). */
  count: number
  /** What an empty list says. */
  empty: ReactNode
  /** The table's caption, which also names its scrolling region. */
  caption: string
  /** The column headers. */
  columns: string[]
  /** The rows. */
  children: ReactNode
}

/**
 * One of the organiser's lists as a table: loading, error and empty states,
 * then the table in a region that scrolls sideways on narrow screens
 * (focusable, named by the caption), then "Load more".
 */
export function ListTable({ query, count, empty, caption, columns, children }: ListTableProps) {
  const captionID = useId()
  return (
    <>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : count === 0 ? (
        empty
      ) : (
        <div className="organiser-scroll" tabIndex={0} role="region" aria-labelledby={captionID}>
          <Table className="organiser-table" striped>
            <Table.Caption id={captionID}>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore query={query} />
    </>
  )
}
