import { sql, type RawBuilder } from 'kysely';
import { MONEY_TOTAL_MAX } from '../../../shared/common.js';
import { dbKind, type Db } from './connect.js';

/**
 * The sum of an amount column (minor units) that never fails. SQLite's sum() stops the query with
 * "integer overflow" past 2^63; its total() adds in floating point instead, exactly while the sum
 * stays below 2^53 (all a response can carry, see MoneyTotal) — so it is total(), kept NULL when no
 * row has an amount, as sum() would be. PostgreSQL's sum() of a bigint is a numeric, which does not
 * overflow.
 */
export function sumMinor(db: Pick<Db, 'getExecutor'>, column: string): RawBuilder<number | string | null> {
  const c = sql.ref(column);
  return dbKind(db) === 'postgres' ? sql`sum(${c})` : sql`case when count(${c}) = 0 then null else total(${c}) end`;
}

/** A sum as the API answers it: a whole number of minor units, at most MONEY_TOTAL_MAX. */
export function minorTotal(value: number | string | bigint | null): number {
  const n = Number(value ?? 0);
  if (Number.isNaN(n)) throw new TypeError(`not a sum of amounts: ${String(value)}`);
  return Math.min(Math.round(n), MONEY_TOTAL_MAX);
}
