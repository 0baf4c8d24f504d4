/**
 * What the list components need from a keyset-paged query (react-query's infinite query result has
 * it): the pages so far, their state, and how to ask for the next one or retry.
 */
export type PagedList<T> = {
  data?: { pages: { data: T[] }[] };
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

/** Every row loaded so far, in order. */
export const rowsOf = <T>(list: Pick<PagedList<T>, 'data'>): T[] => list.data?.pages.flatMap((p) => p.data) ?? [];
