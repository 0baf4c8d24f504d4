import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { ListStates } from './ListStates';
import type { PagedList } from './pagedList';

/** A short list inside a card (an account's contacts or deals): one line a record, "Load more" below. */
export function RecordRows<T extends { id: string }>({ list, empty, children }: { list: PagedList<T>; empty: string; children: (row: T) => ReactNode }) {
  return (
    <ListStates list={list} loading={<SkeletonLines lines={3} padded />} empty={<p className="empty-inline">{empty}</p>}>
      {(rows) => (
        <div className="rows">
          {rows.map((row) => (
            <div className="row-item" key={row.id}>
              {children(row)}
            </div>
          ))}
          {list.hasNextPage ? (
            <div className="timeline-more">
              <Button size="sm" variant="ghost" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Load more
              </Button>
            </div>
          ) : null}
          {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        </div>
      )}
    </ListStates>
  );
}
