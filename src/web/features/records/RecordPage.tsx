import type { ReactNode } from 'react';
import type { RecordResource } from '../../app/records';
import { useTitle } from '../../lib/hooks';
import { PageLoading } from '../../ui/States';
import { RecordError } from './RecordStates';
import { useEditToggle, type EditToggle } from './useEditToggle';

export type RecordQuery<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => Promise<unknown> };

/** What the parts of a record page share: the record, its noun, the edit toggle, and its API kind when it has one. */
export type RecordPageContext<T> = { record: T; noun: string; edit: EditToggle; resource?: RecordResource };

export type RecordPageProps<T> = {
  query: RecordQuery<T>;
  noun: string;
  /** The tab's title. */
  title: string;
  /** Where "not found" leads. */
  back: { to: string; label: string };
  /** Accounts, contacts and opportunities: their header offers Archive, their details save through the records API. */
  resource?: RecordResource;
  className?: string;
  /** The page, drawn from the record. */
  children: (record: T, page: RecordPageContext<T>) => ReactNode;
};

/**
 * Every record page: titled, a loading page until the record is there or why it could not load,
 * then the page drawn from the record, with the edit toggle its header and details share.
 */
export function RecordPage<T>({ query, noun, title, back, resource, className = 'page', children }: RecordPageProps<T>) {
  useTitle(title);
  const edit = useEditToggle();
  if (query.isPending) return <PageLoading />;
  if (query.isError || query.data === undefined) return <RecordError error={query.error} noun={noun} back={back} onRetry={() => void query.refetch()} />;
  return <div className={className}>{children(query.data, { record: query.data, noun, edit, resource })}</div>;
}
