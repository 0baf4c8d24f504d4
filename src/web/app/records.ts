import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEventList } from '../../shared/audit';
import { api, qs } from './api';

/**
 * The three record kinds share one HTTP shape (list with keyset paging, detail, history, PATCH with
 * a version, archive/restore). These hooks speak it once; each feature binds them to its shared types.
 */
export type RecordResource = 'accounts' | 'contacts' | 'opportunities';

type Page<T> = { data: T[]; nextCursor: string | null };
export type ListParams = Record<string, string | undefined>;

export const recordKeys = {
  all: (r: RecordResource) => [r] as const,
  list: (r: RecordResource, params: ListParams) => [r, 'list', params] as const,
  detail: (r: RecordResource, id: string) => [r, 'detail', id] as const,
  history: (r: RecordResource, id: string) => [r, 'history', id] as const,
};

/** A list of records, page by page: what a page reads and what navigation prefetches (one definition). */
export function recordListQuery<T>(resource: RecordResource, params: ListParams, limit = 50) {
  return infiniteQueryOptions({
    queryKey: recordKeys.list(resource, { ...params, limit: String(limit) }),
    queryFn: ({ pageParam }) => api.get<Page<T>>(`/${resource}${qs({ ...params, limit, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
}

/** One record, for its page and for the prefetch that starts with the page's code. */
export function recordQuery<T>(resource: RecordResource, id: string) {
  return queryOptions({ queryKey: recordKeys.detail(resource, id), queryFn: () => api.get<T>(`/${resource}/${id}`) });
}

export function useRecordList<T>(resource: RecordResource, params: ListParams, opts: { limit?: number; enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useInfiniteQuery({
    ...recordListQuery<T>(resource, params, opts.limit),
    // On list pages, while a new filter loads the previous rows stay (dimmed) instead of flashing a
    // skeleton. Off elsewhere: an account page must never show the previous account's contacts.
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    enabled: opts.enabled ?? true,
  });
}

export function useRecord<T>(resource: RecordResource, id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({ ...recordQuery<T>(resource, id), enabled: opts.enabled ?? true });
}

export function useRecordHistory(resource: RecordResource, id: string) {
  return useInfiniteQuery({
    queryKey: recordKeys.history(resource, id),
    queryFn: ({ pageParam }) => api.get<AuditEventList>(`/${resource}/${id}/history${qs({ limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Records embed each other's names (a contact shows its account), so any change refreshes all three. */
function useAfterWrite() {
  const client = useQueryClient();
  return <T extends { id: string }>(resource: RecordResource, record: T) => {
    client.setQueryData(recordKeys.detail(resource, record.id), record);
    for (const r of ['accounts', 'contacts', 'opportunities'] as const) {
      void client.invalidateQueries({ queryKey: recordKeys.all(r), predicate: (q) => !(q.queryKey[0] === resource && q.queryKey[1] === 'detail' && q.queryKey[2] === record.id) });
    }
    void client.invalidateQueries({ queryKey: recordKeys.history(resource, record.id) });
  };
}

export function useCreateRecord<T extends { id: string }, B>(resource: RecordResource) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: B) => api.post<T>(`/${resource}`, body),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

export function useUpdateRecord<T extends { id: string }, B>(resource: RecordResource, id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: B) => api.patch<T>(`/${resource}/${id}`, body),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

export function useArchiveRecord<T extends { id: string }>(resource: RecordResource, id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) => api.post<T>(`/${resource}/${id}/${archived ? 'archive' : 'restore'}`, { version }),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

/** Puts the fresh record a 409 carried into the cache, so the page shows the latest. */
export function useAcceptCurrent<T>(resource: RecordResource, id: string) {
  const client = useQueryClient();
  return (current: T) => {
    client.setQueryData(recordKeys.detail(resource, id), current);
    void client.invalidateQueries({ queryKey: recordKeys.history(resource, id) });
  };
}
