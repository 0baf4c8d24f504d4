import { LimitNode, OffsetNode, SqliteDialect, SqliteQueryCompiler, ValueNode, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { GroupCommitSqliteDriver, type TransactionState } from './group-commit.js';

/**
 * Kysely's SQLite dialect, compiling statements that SQLite can run again without planning them again.
 *
 * better-sqlite3 clears a statement's bindings after every run, and SQLite then re-prepares (parses
 * and plans anew) every statement whose plan it had marked as depending on a parameter's value: every
 * join (the planner's estimate of an unindexed `= ?` term), every `LIMIT ?`, and with ANALYZE's
 * samples every `= ?` on an indexed column. That was most queries of a request, and it made the
 * statement cache useless for them: re-preparing was the largest part of SQLite's time on reads.
 *
 * So parameters are written `+?` — the same value (unary plus changes nothing, and a parameter has
 * no affinity to drop), which an index can still use, but which the planner does not look inside —
 * and a whole-number LIMIT or OFFSET is written as a literal, so the planner still knows how many
 * rows a page wants (the paged lists' plans depend on it). Plans no longer vary with the values
 * bound; they follow the statistics, like PostgreSQL's generic plans.
 *
 * Its driver commits transactions in groups (group-commit.ts).
 */
export class StableSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: SqliteDatabase & TransactionState };

  constructor(config: SqliteDialectConfig & { database: SqliteDatabase & TransactionState }) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    const database = this.#config.database;
    return new GroupCommitSqliteDriver(this.#config, () => database);
  }

  override createQueryCompiler(): SqliteQueryCompiler {
    return new StableSqliteCompiler();
  }
}

const wholeNumber = (node: unknown): number | undefined => {
  if (!ValueNode.is(node as never)) return undefined;
  const value = (node as ValueNode).value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
};

export class StableSqliteCompiler extends SqliteQueryCompiler {
  protected override getCurrentParameterPlaceholder(): string {
    return '+?';
  }

  protected override visitLimit(node: LimitNode): void {
    const n = wholeNumber(node.limit);
    if (n === undefined) return super.visitLimit(node);
    this.append(`limit ${n}`);
  }

  protected override visitOffset(node: OffsetNode): void {
    const n = wholeNumber(node.offset);
    if (n === undefined) return super.visitOffset(node);
    this.append(`offset ${n}`);
  }
}
