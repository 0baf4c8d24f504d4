import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  archiveAccount,
  createAccount,
  getAccount,
  listAccountHistory,
  listAccounts,
  restoreAccount,
  updateAccount,
} from '../../shared/routes/operations/accounts';
import {
  archiveContact,
  createContact,
  getContact,
  listContactHistory,
  listContacts,
  restoreContact,
  updateContact,
} from '../../shared/routes/operations/contacts';
import {
  archiveOpportunity,
  createOpportunity,
  getOpportunity,
  listOpportunities,
  listOpportunityHistory,
  restoreOpportunity,
  updateOpportunity,
} from '../../shared/routes/operations/opportunities';
import { getObjective, listObjectiveHistory, updateObjective } from '../../shared/routes/operations/objectives';
import { getInteraction, listInteractionHistory, updateInteraction } from '../../shared/routes/operations/interactions';
import { listPlanHistory } from '../../shared/routes/operations/plans';
import { listGoalHistory } from '../../shared/routes/operations/goals';
import type { CallArgs, CallResult, OperationRef } from '../../shared/routes/client';
import { call, type AddressFilters } from './api';

/**
 * The record kinds share one HTTP shape (list with keyset paging, detail, history, PATCH with
 * a version, archive/restore). These hooks speak it once, each typed by its operation's contract.
 */
const operations = {
  accounts: { list: listAccounts, get: getAccount, create: createAccount, update: updateAccount, archive: archiveAccount, restore: restoreAccount, history: listAccountHistory },
  contacts: { list: listContacts, get: getContact, create: createContact, update: updateContact, archive: archiveContact, restore: restoreContact, history: listContactHistory },
  opportunities: {
    list: listOpportunities,
    get: getOpportunity,
    create: createOpportunity,
    update: updateOpportunity,
    archive: archiveOpportunity,
    restore: restoreOpportunity,
    history: listOpportunityHistory,
  },
  // An objective is read, edited and audited like the others; it is listed and created under its
  // account and never archived (features/objectives/api.ts), so it has no list/create/archive here.
  objectives: { get: getObjective, update: updateObjective, history: listObjectiveHistory },
  // Likewise an interaction: listed, planned, cancelled and given its result in features/interactions/api.ts.
  interactions: { get: getInteraction, update: updateInteraction, history: listInteractionHistory },
} as const;

export type RecordResource = keyof typeof operations;
/** The kinds with their own list, create and archive/restore. */
export type ListedResource = Exclude<RecordResource, 'objectives' | 'interactions'>;
type Kind = keyof (typeof operations)['accounts'];
type Input<O extends OperationRef> = NonNullable<CallArgs<O>[0]>;
type KindTypes<O extends Record<Kind, OperationRef>> = {
  filters: AddressFilters<O['list']>;
  createBody: Input<O['create']>['body'];
  updateBody: Input<O['update']>['body'];
  list: CallResult<O['list']>;
  get: CallResult<O['get']>;
  history: CallResult<O['history']>;
};
// Each kind's inputs and answers, spelled out per kind so that code generic over the kind can still
// read them (TypeScript does not resolve the contracts' types through a mapped type here).
type Types = {
  accounts: KindTypes<(typeof operations)['accounts']>;
  contacts: KindTypes<(typeof operations)['contacts']>;
  opportunities: KindTypes<(typeof operations)['opportunities']>;
  objectives: {
    filters: never;
    createBody: never;
    updateBody: Input<typeof updateObjective>['body'];
    list: never;
    get: CallResult<typeof getObjective>;
    history: CallResult<typeof listObjectiveHistory>;
  };
  interactions: {
    filters: never;
    createBody: never;
    updateBody: Input<typeof updateInteraction>['body'];
    list: never;
    get: CallResult<typeof getInteraction>;
    history: CallResult<typeof listInteractionHistory>;
  };
};
/** A record as its kind's contract returns it. */
export type RecordOf<R extends RecordResource> = Types[R]['get'];
/** What creating or changing a record of a kind sends, as its contracts take it. */
export type CreateBodyOf<R extends RecordResource> = Types[R]['createBody'];
export type UpdateBodyOf<R extends RecordResource> = Types[R]['updateBody'];
/** A list's filters, named as its kind's contract names them (values as text, from the page's address). */
export type ListParams<R extends RecordResource> = Types[R]['filters'];

type Write = 'create' | 'update' | 'archive' | 'restore';
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type WritesAnswer<R extends ListedResource> = IsSame<CallResult<(typeof operations)[R][Write]>, RecordOf<R>>;
type Assert<T extends true> = T;
/** Checked by tsc: each kind's writes answer with the record as its GET returns it (the hooks below rely on it). */
export type WritesAnswerTheRecord = Assert<[WritesAnswer<'accounts'>, WritesAnswer<'contacts'>, WritesAnswer<'opportunities'>, IsSame<CallResult<typeof updateObjective>, RecordOf<'objectives'>>, IsSame<CallResult<typeof updateInteraction>, RecordOf<'interactions'>>] extends [true, true, true, true, true] ? true : false>;

/**
 * One operation of a kind, answering as that operation's contract says. TypeScript cannot follow a
 * call through the union of the three kinds' operations, so the hooks below go through here: their
 * own parameters carry each contract's input types, their results its output.
 */
const callOf = (resource: RecordResource, kind: Kind, input: object) => (call as (route: OperationRef, input: object) => Promise<unknown>)((operations[resource] as Partial<Record<Kind, OperationRef>>)[kind]!, input);
const read = <R extends RecordResource, K extends 'list' | 'get' | 'history'>(resource: R, kind: K, input: object) => callOf(resource, kind, input) as Promise<Types[R][K]>;
const write = <R extends RecordResource>(resource: R, kind: Write, input: object) => callOf(resource, kind, input) as Promise<RecordOf<R>>;

export const recordKeys = {
  all: (r: RecordResource) => [r] as const,
  list: (r: RecordResource, params: object) => [r, 'list', params] as const,
  detail: (r: RecordResource, id: string) => [r, 'detail', id] as const,
  history: (r: RecordResource | 'plans' | 'goals', id: string) => [r, 'history', id] as const,
};

/** A list of records, page by page: what a page reads and what navigation prefetches (one definition). */
export function recordListQuery<R extends ListedResource>(resource: R, params: ListParams<R>, limit = 50) {
  return infiniteQueryOptions({
    queryKey: recordKeys.list(resource, { ...params, limit: String(limit) }),
    queryFn: ({ pageParam }) => read(resource, 'list', { query: { ...params, limit, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Types[R]['list']) => last.nextCursor ?? undefined,
  });
}

/** One record, for its page and for the prefetch that starts with the page's code. */
export function recordQuery<R extends RecordResource>(resource: R, id: string) {
  return queryOptions({ queryKey: recordKeys.detail(resource, id), queryFn: () => read(resource, 'get', { params: { id } }) });
}

export function useRecordList<R extends ListedResource>(resource: R, params: ListParams<R>, opts: { limit?: number; enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useInfiniteQuery({
    ...recordListQuery(resource, params, opts.limit),
    // On list pages, while a new filter loads the previous rows stay (dimmed) instead of flashing a
    // skeleton. Off elsewhere: an account page must never show the previous account's contacts.
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    enabled: opts.enabled ?? true,
  });
}

export function useRecord<R extends RecordResource>(resource: R, id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({ ...recordQuery(resource, id), enabled: opts.enabled ?? true });
}

/**
 * Whose history the shared history card can show: the record kinds, plans (read, changed and
 * cached by features/plans; their history key ['plans', 'history', id] refreshes with every plan write)
 * and goals (features/goals, the same way).
 */
const historyOperations = {
  accounts: listAccountHistory,
  contacts: listContactHistory,
  opportunities: listOpportunityHistory,
  objectives: listObjectiveHistory,
  interactions: listInteractionHistory,
  plans: listPlanHistory,
  // Goals (features/goals; their history key ['goals', 'history', id] refreshes with every goal write).
  goals: listGoalHistory,
} as const;
export type HistoryResource = keyof typeof historyOperations;
/** A page of history, as the routes answer it (every history route answers AuditEvents; plans and objectives name the part each is about). */
export type HistoryPage = CallResult<typeof listPlanHistory> | Types[RecordResource]['history'];

/** A record's history, 20 events a page: what its page's history card reads and navigation prefetches. */
export const recordHistoryQuery = (resource: HistoryResource, id: string) =>
  infiniteQueryOptions({
    queryKey: recordKeys.history(resource, id),
    queryFn: ({ pageParam }) =>
      (call as (route: OperationRef, input: object) => Promise<HistoryPage>)(historyOperations[resource], { params: { id }, query: { limit: 20, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: HistoryPage) => last.nextCursor ?? undefined,
  });

export function useRecordHistory(resource: HistoryResource, id: string) {
  return useInfiniteQuery(recordHistoryQuery(resource, id));
}

/** Records embed each other's names (a contact shows its account, an objective its deals), so any change refreshes every kind. */
function useAfterWrite() {
  const client = useQueryClient();
  return <T extends { id: string }>(resource: RecordResource, record: T) => {
    client.setQueryData(recordKeys.detail(resource, record.id), record);
    for (const r of ['accounts', 'contacts', 'opportunities', 'objectives', 'interactions'] as const) {
      void client.invalidateQueries({ queryKey: recordKeys.all(r), predicate: (q) => !(q.queryKey[0] === resource && q.queryKey[1] === 'detail' && q.queryKey[2] === record.id) });
    }
    void client.invalidateQueries({ queryKey: recordKeys.history(resource, record.id) });
  };
}

export function useCreateRecord<R extends ListedResource>(resource: R) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: CreateBodyOf<R>) => write(resource, 'create', { body }),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

export function useUpdateRecord<R extends RecordResource>(resource: R, id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: UpdateBodyOf<R>) => write(resource, 'update', { params: { id }, body }),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

export function useArchiveRecord<R extends ListedResource>(resource: R, id: string) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) => write(resource, archived ? 'archive' : 'restore', { params: { id }, body: { version } }),
    onSuccess: (record) => afterWrite(resource, record),
  });
}

/** Puts the fresh record a 409 carried into the cache, so the page shows the latest. */
export function useAcceptCurrent<R extends RecordResource>(resource: R, id: string) {
  const client = useQueryClient();
  return (current: RecordOf<R>) => {
    client.setQueryData(recordKeys.detail(resource, id), current);
    void client.invalidateQueries({ queryKey: recordKeys.history(resource, id) });
  };
}
