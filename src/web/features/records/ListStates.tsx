import type { ReactNode } from 'react';
import { ErrorState } from '../../ui/States';
import { rowsOf, type PagedList } from './pagedList';

/**
 * The states every list goes through: loading, failed (with a retry), empty, then its rows. A failure
 * after some rows loaded keeps them; the list's footer offers the retry then.
 */
export function ListStates<T>({ list, loading, empty, children }: { list: PagedList<T>; loading: ReactNode; empty: ReactNode; children: (rows: T[]) => ReactNode }) {
  const rows = rowsOf(list);
  if (list.isPending) return loading;
  if (list.isError && rows.length === 0) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return empty;
  return children(rows);
}
