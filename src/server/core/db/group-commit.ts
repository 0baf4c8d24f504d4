import { setImmediate } from 'node:timers';
import { CompiledQuery, SelectQueryNode, SqliteDriver, type DatabaseConnection, type QueryResult, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver with group commit: the transactions that requests start within one turn of
 * the event loop share one SQLite transaction, and so one COMMIT — one fsync of the write-ahead log
 * with `synchronous=FULL` — instead of one each.
 *
 * Each Kysely transaction runs inside a savepoint of the group's transaction: its rollback undoes
 * its own writes only, and it sees what earlier members wrote, as it would have after their commits.
 * Its `execute()` resolves only once the group's COMMIT has returned, so a caller is never told
 * "saved" before its writes are durable; if the COMMIT fails, or SQLite itself rolls the whole
 * transaction back (a full disk, an I/O error), every member of the group fails with that error.
 *
 * The group commits at the end of the turn in which it began (setImmediate); at once after
 * MAX_MEMBERS members or once it has been open MAX_OPEN_MS; and before any statement outside a
 * transaction that is not a plain read (a write on its own, a pragma), so that such a write is never
 * acknowledged before it is durable. A plain read may run while a group waits, and see what its members wrote: the same
 * data, a few milliseconds before it is on disk (as with PostgreSQL's synchronous replication, what
 * others see can be ahead of what a crash would keep; what a writer was told is never).
 *
 * The connection is handed to waiters in arrival order. (Kysely's own lock wakes every waiter at
 * each release and lets the quickest win, so under load one request could wait behind many later
 * ones.)
 */

/** How many transactions one COMMIT may carry, and for how long a group may stay open. */
const MAX_MEMBERS = 64;
const MAX_OPEN_MS = 25;

const MEMBER = 'advance_group_member';

const rolledBack = () => new Error('SQLite rolled the transaction back; nothing in it was saved.');

/** A statement that only reads: it may run while a group waits for its COMMIT. */
const isRead = (query: CompiledQuery) => SelectQueryNode.is(query.query) || /^\s*select\b/i.test(query.sql);

type Waiting = { resolve: () => void; reject: (err: unknown) => void; promise: Promise<void> };

function waiting(): Waiting {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A member whose own caller is gone must not surface as an unhandled rejection.
  promise.catch(() => {});
  return { resolve, reject, promise };
}

/** A lock that hands the connection to the longest waiter. */
class FifoLock {
  #held = false;
  #queue: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  unlock(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#held = false;
  }
}

type Group = { members: Waiting[]; openedAt: number; scheduled: boolean };

/** The raw handle's one property the driver reads: whether SQLite still has a transaction open. */
export type TransactionState = {
  readonly inTransaction: boolean;
  /** Settles when everything the database's close started has finished (connect.ts: the checkpoint thread). */
  readonly closed?: Promise<void>;
};

export class GroupCommitSqliteDriver extends SqliteDriver {
  readonly #lock = new FifoLock();
  readonly #state: () => TransactionState;
  #group: Group | null = null;
  /** The transaction running on the connection now (between its begin and its commit or rollback). */
  #inMember = false;
  /** The holder of the connection committed its transaction into the group: it waits for the group's COMMIT when it lets go. */
  #committed: Waiting | null = null;
  /** Kysely's connection, which the driver's own statements use; the app gets `#connection`, which commits an open group before a statement outside a transaction. */
  #inner: DatabaseConnection | null = null;
  #connection: DatabaseConnection | null = null;

  constructor(config: SqliteDialectConfig, state: () => TransactionState) {
    super(config);
    this.#state = state;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.lock();
    // Kysely's own lock is never contended now: only the holder of ours reaches it.
    const inner = await super.acquireConnection();
    if (!this.#connection) {
      this.#inner = inner;
      this.#connection = {
        executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
          if (this.#group && !this.#inMember && !isRead(query)) await this.#commitGroup();
          return inner.executeQuery<R>(query);
        },
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => inner.streamQuery<R>(query, chunkSize),
      };
    }
    return this.#connection;
  }

  override async beginTransaction(): Promise<void> {
    const connection = this.#inner!;
    if (this.#group && !this.#state().inTransaction) this.#failGroup(rolledBack());
    if (!this.#group) {
      await connection.executeQuery(CompiledQuery.raw('begin'));
      this.#group = { members: [], openedAt: performance.now(), scheduled: false };
    }
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${MEMBER}`));
    // Only once the savepoint is there: a begin that failed leaves no transaction for Kysely to end.
    this.#inMember = true;
  }

  override async commitTransaction(): Promise<void> {
    const connection = this.#inner!;
    await connection.executeQuery(CompiledQuery.raw(`release ${MEMBER}`));
    this.#inMember = false;
    const member = waiting();
    this.#group!.members.push(member);
    this.#committed = member;
  }

  override async rollbackTransaction(): Promise<void> {
    const connection = this.#inner!;
    this.#inMember = false;
    if (this.#state().inTransaction) {
      await connection.executeQuery(CompiledQuery.raw(`rollback to ${MEMBER}`));
      await connection.executeQuery(CompiledQuery.raw(`release ${MEMBER}`));
      if (this.#group?.members.length === 0) {
        // Nothing else rides on the group's transaction: end it, as a plain rollback would.
        await connection.executeQuery(CompiledQuery.raw('rollback'));
        this.#group = null;
      }
      return;
    }
    // SQLite rolled the whole transaction back: what earlier members wrote is gone with it.
    this.#failGroup(rolledBack());
  }

  override async releaseConnection(): Promise<void> {
    const mine = this.#committed;
    this.#committed = null;
    const group = this.#group;
    if (group && (group.members.length >= MAX_MEMBERS || performance.now() - group.openedAt >= MAX_OPEN_MS)) {
      await this.#commitGroup();
    } else if (group && !group.scheduled) {
      // better-sqlite3 answers synchronously, so a whole transaction runs within one turn of the
      // event loop and no other request ever waits for the connection meanwhile. The COMMIT is
      // left to the end of this turn: the requests whose data arrived in it run their
      // transactions first, into the same group.
      group.scheduled = true;
      setImmediate(() => void this.#commitWhenFree(group));
    }
    await super.releaseConnection();
    this.#lock.unlock();
    if (mine) await mine.promise;
  }

  async #commitWhenFree(group: Group): Promise<void> {
    await this.#lock.lock();
    try {
      if (this.#group === group) await this.#commitGroup();
    } finally {
      this.#lock.unlock();
    }
  }

  override async destroy(): Promise<void> {
    if (this.#group) await this.#commitWhenFree(this.#group);
    await super.destroy();
    // Destroyed means no connection left on the files: whoever removes or copies them next may.
    await this.#state().closed;
  }

  /**
   * COMMIT the group; its members learn the outcome. A failed COMMIT is theirs to report (their
   * requests fail with it), not the error of whoever holds the connection now: this never throws.
   */
  async #commitGroup(): Promise<void> {
    const connection = this.#inner!;
    const group = this.#group!;
    this.#group = null;
    try {
      if (!this.#state().inTransaction) throw rolledBack();
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } catch (err) {
      if (this.#state().inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      for (const m of group.members) m.reject(err);
      return;
    }
    for (const m of group.members) m.resolve();
  }

  #failGroup(err: Error): void {
    const group = this.#group;
    this.#group = null;
    for (const m of group?.members ?? []) m.reject(err);
  }
}
