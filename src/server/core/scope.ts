import { CompiledQuery, sql, type DeleteQueryBuilder, type DeleteResult, type Insertable, type Kysely, type SelectQueryBuilder, type UpdateQueryBuilder, type Transaction, type UpdateResult } from 'kysely';
import { dbKind } from './db/connect.js';
import type { Database } from './db/schema.js';

export type Conn = Kysely<Database> | Transaction<Database>;

/** Tables that belong to a workspace. Every read and write of them goes through `Scope`. */
export type ScopedTable = 'users' | 'teams' | 'invites' | 'accounts' | 'contacts' | 'stages' | 'opportunities' | 'audit_events'
  | 'plans' | 'plan_milestones' | 'commitments' | 'commitment_renegotiations' | 'plan_templates'
  | 'plan_share_links' | 'plan_share_visits' | 'plan_comments' | 'notifications'
  | 'account_objectives' | 'objective_contributors' | 'objective_opportunities' | 'objective_insights'
  | 'interactions' | 'interaction_attendees'
  | 'rep_targets'
  | 'sweet_spot_criteria' | 'opportunity_criteria'
  | 'why_ladders' | 'why_rungs' | 'goals' | 'goal_steps' | 'goal_notes'
  | 'check_in_templates' | 'check_in_series' | 'check_ins' | 'check_in_answers' | 'check_in_notes' | 'check_in_coaching'
  | 'mail_outbox' | 'mail_preferences' | 'password_resets'
  | 'retrospective_answers'
  | 'calendar_feeds'
  | 'imports' | 'import_files' | 'import_rows' | 'import_external_ids'
  | 'api_tokens'
  | 'webhook_endpoints' | 'webhook_deliveries' | 'webhook_attempts';

/** Text without a lone surrogate (String.prototype.isWellFormed, ES2024: Node 20 and later). */
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Rows as one JSON array of arrays (the columns in order, the workspace last), or null when a value
 * would not come back from JSON as the same SQLite value: only well-formed text, finite numbers and
 * null do (better-sqlite3 binds nothing else but blobs and bigints, which take the VALUES path).
 */
export function jsonRows(rows: readonly Record<string, unknown>[], names: readonly string[], workspaceId: string): string | null {
  const out: unknown[][] = [];
  for (const row of rows) {
    const values: unknown[] = [];
    for (const c of names) {
      const v = row[c];
      // A lone surrogate (JSON allows "\ud800") would reach SQLite as invalid UTF-8; bound, it becomes U+FFFD.
      if (typeof v === 'string' ? !wellFormed(v) : v !== null && !(typeof v === 'number' && Number.isFinite(v))) return null;
      values.push(v);
    }
    values.push(workspaceId);
    out.push(values);
  }
  return JSON.stringify(out);
}

/** What a scope that has remembered nothing holds (never written to). */
const EMPTY: Map<string, unknown> = new Map();

/**
 * The one place that confines queries to a workspace: a record of another workspace is simply
 * not there, so it answers exactly like one that does not exist.
 */
export class Scope {
  constructor(
    readonly db: Conn,
    readonly workspaceId: string,
    // Made on the first remember (most requests never do), shared with the scopes of its transactions.
    private known: Map<string, unknown> = EMPTY,
  ) {}

  /**
   * What this request's authorization read (core/permissions.ts), handed on to its service: a route's
   * policy remembers the rows it judged, and the service recalls them instead of reading them again
   * (on PostgreSQL, each read is a round trip). Each is recalled once: a second read in the same
   * request sees the database. A write from such a row stays conditional on the version it carries
   * (core/records.ts), as from a row read inside the transaction: neither locks it.
   */
  remember(key: string, value: unknown): void {
    if (this.known === EMPTY) this.known = new Map();
    this.known.set(key, value);
  }

  recall<T>(key: string): T | undefined {
    if (this.known === EMPTY) return undefined;
    const value = this.known.get(key) as T | undefined;
    this.known.delete(key);
    return value;
  }

  selectFrom<T extends ScopedTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    return (this.db.selectFrom(table) as unknown as SelectQueryBuilder<Database, ScopedTable, {}>).where(
      sql.ref(`${table}.workspace_id`),
      '=',
      this.workspaceId,
    ) as unknown as SelectQueryBuilder<Database, T, {}>;
  }

  updateTable<T extends ScopedTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return (this.db.updateTable(table) as unknown as UpdateQueryBuilder<Database, ScopedTable, ScopedTable, UpdateResult>).where(
      sql.ref(`${table}.workspace_id`),
      '=',
      this.workspaceId,
    ) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  }

  /** Deletes only ever reach this workspace's rows (links between records, e.g. an objective's contributors). */
  deleteFrom<T extends ScopedTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return (this.db.deleteFrom(table) as unknown as DeleteQueryBuilder<Database, ScopedTable, DeleteResult>).where(
      sql.ref(`${table}.workspace_id`),
      '=',
      this.workspaceId,
    ) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
  }

  /** One row carrying this workspace's id, as a query to run (or to prepare: core/db/prepared.ts). */
  insertRow<T extends ScopedTable>(table: T, row: Omit<Insertable<Database[T]>, 'workspace_id'>) {
    return this.db.insertInto(table).values({ ...row, workspace_id: this.workspaceId } as never);
  }

  /** Inserts always carry this workspace's id. */
  async insert<T extends ScopedTable>(table: T, rows: Omit<Insertable<Database[T]>, 'workspace_id'> | Omit<Insertable<Database[T]>, 'workspace_id'>[]): Promise<void> {
    const list = (Array.isArray(rows) ? rows : [rows]).map((r) => ({ ...r, workspace_id: this.workspaceId }));
    if (list.length === 0) return;
    // Chunk to stay under SQLite's bound-parameter limit.
    for (let i = 0; i < list.length; i += 200) {
      await this.db
        .insertInto(table)
        .values(list.slice(i, i + 200) as never)
        .execute();
    }
  }

  /**
   * Many rows at once (an import's chunk), without building a query per batch: the statement's text
   * is made once per shape. PostgreSQL gets multi-row VALUES lists, as many rows as its parameter
   * limit allows (at most 500), to save round trips. SQLite gets all the rows of a shape in one
   * statement that reads them from one JSON parameter (`json_each`): inside a transaction, a
   * statement that may fail halfway (a foreign key, or a trigger that writes the full-text index)
   * keeps a copy of each page it changes first, so that it can undo only itself — and an import's
   * rows land on pages all over each index, so every statement copied hundreds of pages per index.
   * One statement per chunk copies each page once: the import of 100 000 deals went from 25–27 s to
   * 20.5 s on a 2-core machine (`npm run bench:import`; 500 rows per statement before).
   */
  async insertMany<T extends ScopedTable>(table: T, rows: readonly Omit<Insertable<Database[T]>, 'workspace_id'>[]): Promise<void> {
    if (rows.length === 0) return;
    const postgres = dbKind(this.db) === 'postgres';
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const row of rows as readonly Record<string, unknown>[]) {
      // A column left undefined takes its default, as with insert().
      const key = Object.keys(row).filter((c) => row[c] !== undefined).join('\u0001');
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    for (const [key, group] of groups) {
      const columns = [...key.split('\u0001'), 'workspace_id'];
      const names = columns.slice(0, -1);
      const into = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
      if (!postgres) {
        const values = jsonRows(group, names, this.workspaceId);
        if (values !== null) {
          await this.db.executeQuery(CompiledQuery.raw(`${into} select ${columns.map((_, k) => `value ->> ${k}`).join(', ')} from json_each(?)`, [values]));
          continue;
        }
      }
      // As many rows per statement as the engine's parameter limit allows (PostgreSQL 65 535, SQLite
      // 32 766), at most 500. (On SQLite, only rows JSON cannot carry come this way. There the count
      // matters beyond round trips: a statement that touches a full-text index through the search
      // triggers opens a savepoint, and FTS5 writes what it holds in memory to a new segment at
      // each one — 8 rows per statement made an import of 100 000 deals write 12 500 tiny segments.)
      const per = Math.max(1, Math.min(500, Math.floor((postgres ? 60_000 : 32_000) / columns.length)));
      const texts = new Map<number, string>();
      const textFor = (n: number) => {
        let text = texts.get(n);
        if (text === undefined) {
          let p = 0;
          text = `${into} values ` + Array.from({ length: n }, () => `(${columns.map(() => (postgres ? `$${++p}` : '?')).join(', ')})`).join(', ');
          texts.set(n, text);
        }
        return text;
      };
      for (let i = 0; i < group.length; i += per) {
        const part = group.slice(i, i + per);
        const params: unknown[] = [];
        for (const row of part) {
          for (const c of names) params.push(row[c]);
          params.push(this.workspaceId);
        }
        await this.db.executeQuery(CompiledQuery.raw(textFor(part.length), params));
      }
    }
  }

  /**
   * Serializes changes that guard a workspace-wide rule (at least one admin, one active stage, stage
   * positions): on PostgreSQL two transactions could otherwise each see the other's row as still
   * there. SQLite already runs one write transaction at a time. Call inside a transaction.
   */
  async lockWorkspace(): Promise<void> {
    if (dbKind(this.db) !== 'postgres') return;
    await sql`select id from workspaces where id = ${this.workspaceId} for update`.execute(this.db);
  }

  /** Run `fn` in a transaction with a scope bound to it. */
  async transaction<R>(fn: (scope: Scope) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => fn(new Scope(trx, this.workspaceId, this.known)));
  }
}
