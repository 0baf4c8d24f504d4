import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/States';
import type { PagedList } from './pagedList';

/** How many rows are shown, "Load more" while the server has another page, and a retry if that failed. */
export function ListFooter({ count, list }: { count: number; list: Omit<PagedList<unknown>, 'data' | 'isPending' | 'isFetching' | 'isPlaceholderData'> }) {
  if (count === 0) return null;
  return (
    <>
      <div className="list-footer">
        <span role="status">{list.hasNextPage ? `Showing the first ${count}` : `${count} shown`}</span>
        {list.hasNextPage ? (
          <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        ) : null}
      </div>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
    </>
  );
}
