import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * "Load more" under a cursor-paginated list (a TanStack infinite query:
 * pass it whole), shown while the API has a next page.
 */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }
}) {
  const { t } = useTranslation()
  if (!query.hasNextPage) return null
  return (
    <Button variant="outline" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
      {t('workspace.loadMore')}
    </Button>
  )
}
