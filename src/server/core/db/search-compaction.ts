import { sql } from 'kysely';
import { dbKind, type Db } from './connect.js';
import { pollingLoop, type PollingLoop } from '../polling-loop.js';

/**
 * Keeps SQLite's full-text indexes (FTS5, one per searchable kind: core/search.ts) in few pieces.
 *
 * FTS5 writes each transaction's new words as a new segment and merges segments only when four of
 * a size pile up, so a workspace that grew by many small writes (or a bulk load) holds its index in
 * six to ten segments, and every search reads each of them for each word. Measured on the
 * benchmark's workspace (100 000 deals, 20 000 accounts): a company name looked up in accounts took
 * 197 µs against 82 µs once the index was one segment; a word in no deal's name, 84 µs against 26.
 *
 * A round merges an index that has COMPACT_FROM segments or more into one, in steps of STEP_PAGES
 * pages — each step its own short write, so requests keep running between them (FTS5's `merge`
 * command with a negative page count: it merges segments of any level, which `optimize` does in one
 * long write). A round ends after MAX_STEPS steps; the next carries on. PostgreSQL's GIN indexes
 * need nothing of the kind.
 */
export const COMPACT_FROM = 3;
const STEP_PAGES = 64;
const MAX_STEPS = 400;
/** Between rounds: a new segment costs a search little; rewriting a large index often would not be free. */
export const COMPACT_EVERY_MS = 15 * 60 * 1000;

export const SEARCH_INDEXES = ['accounts_fts', 'contacts_fts', 'opportunities_fts', 'plans_fts'] as const;

/** How many segments an FTS5 index is in (each has rows in its `_idx` table, one per leaf page). */
export async function segmentCount(db: Db, fts: (typeof SEARCH_INDEXES)[number]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct segid) as n from ${sql.table(`${fts}_idx`)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** One round: merges each index in COMPACT_FROM segments or more. Answers the steps taken. */
export async function compactSearchIndexes(db: Db, opts: { from?: number; maxSteps?: number } = {}): Promise<number> {
  if (dbKind(db) !== 'sqlite') return 0;
  const from = opts.from ?? COMPACT_FROM;
  let steps = 0;
  for (const fts of SEARCH_INDEXES) {
    if ((await segmentCount(db, fts)) < from) continue;
    while (steps < (opts.maxSteps ?? MAX_STEPS)) {
      const table = sql.table(fts);
      await sql`insert into ${table} (${table}, rank) values ('merge', ${-STEP_PAGES})`.execute(db);
      steps++;
      if ((await segmentCount(db, fts)) <= 1) break;
      // Let the requests that arrived meanwhile run before the next step.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return steps;
}

/** Runs `compactSearchIndexes` soon after start and every COMPACT_EVERY_MS (nothing on PostgreSQL). */
export function searchCompaction(db: Db, log?: { error: (o: object, m: string) => void }): PollingLoop {
  const loop = pollingLoop({ round: () => compactSearchIndexes(db), pollMs: COMPACT_EVERY_MS, failure: 'compacting the search indexes failed', log });
  return {
    start() {
      if (dbKind(db) !== 'sqlite') return;
      loop.start();
      loop.kick();
    },
    kick: loop.kick,
    stop: loop.stop,
  };
}
