import { randomUUID } from 'node:crypto';
import type { ImportMapping, ImportOptions } from '../../../shared/imports.js';
import type { Db } from '../../core/db/connect.js';
import type { Selectable } from 'kysely';
import type { ImportTable as ImportColumns } from '../../core/db/schema.js';
import { nowIso } from '../../core/ids.js';
import { pollingLoop } from '../../core/polling-loop.js';
import { Scope } from '../../core/scope.js';
import { decide, planChunk, writeChunk, writesBlind, type Decision, type PlannedChunk } from './apply.js';
import { parseCsv } from './csv.js';
import { loadLookups, type Lookups } from './lookups.js';
import { openChunkWriter, type WriteOutcome } from './sqlite-writer.js';
import { getFocusThresholds } from '../focus/thresholds.js';
import { rowReader } from './rows.js';
import { fileOf } from './service.js';

/**
 * The import worker: runs inside every app instance, like the mail worker, and any number of them
 * can share one database. A queued (or abandoned) import is claimed with a conditional update — a
 * lease (`claimed_until`) and a claim token — and processed in chunks; each chunk is one
 * transaction that writes the rows' records, their audit events and results, and the import's
 * progress, the latter only while the claim still stands. A worker that dies mid-import loses its
 * lease; the next one resumes after the last chunk written. A chunk that fails as a whole (a
 * database error, not a row's validation: those rows are skipped with their reasons) is retried
 * row by row, so one bad row never loses the others.
 */

export type ImportWorkerOptions = {
  db: Db;
  log?: { info: (o: object, m: string) => void; error: (o: object, m: string) => void };
  /** Rows per transaction. */
  chunkSize?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Tests and the benchmark: after each chunk. Throwing here stops the worker like a crash would. */
  afterChunk?: (progress: { importId: string; processedRows: number; rowCount: number }) => Promise<void> | void;
};

export type ImportWorker = {
  /** Claims and runs what is due; resolves when those imports are finished (or lost to another worker). */
  tick: () => Promise<number>;
  /** Runs a round now (after a start), without waiting for the next poll. */
  kick: () => void;
  start: () => void;
  stop: () => Promise<void>;
};

type ImportTable = Selectable<ImportColumns>;

class LeaseLost extends Error {}

export function createImportWorker(opts: ImportWorkerOptions): ImportWorker {
  const { db } = opts;
  // 10 000 rows per transaction: a chunk's rows land on pages all over each index of a deal, and
  // a commit writes every page it changed once, so fewer, larger commits write much less (100 000
  // deals: about 16 s in chunks of 5 000, 12 s in chunks of 10 000, `npm run bench:import`). The
  // price is the pause: SQLite has one connection, so other requests wait for a chunk to commit
  // (about a second on a 2-core machine).
  const chunkSize = opts.chunkSize ?? 10_000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 2_000;
  const me = randomUUID();
  /** Set by stop(): a run in progress lets go after its current chunk, for another instance to resume. */
  let halting = false;

  const leaseEnd = () => new Date(Date.now() + leaseMs).toISOString();

  async function claim(id: string): Promise<ImportTable | null> {
    const now = nowIso();
    const row = await db
      .updateTable('imports')
      .set({ status: 'running', claim_token: me, claimed_until: leaseEnd(), updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    if (row && !row.started_at) await db.updateTable('imports').set({ started_at: now }).where('id', '=', id).where('claim_token', '=', me).execute();
    return row ?? null;
  }

  async function fail(row: ImportTable, message: string) {
    await db.updateTable('imports').set({ status: 'failed', error: message, claimed_until: null, finished_at: nowIso(), updated_at: nowIso() }).where('id', '=', row.id).where('claim_token', '=', me).execute();
  }

  /** One chunk in one transaction, with the import's progress; throws LeaseLost when another worker holds it now. */
  async function commit(row: ImportTable, actor: { id: string; name: string }, decisions: Decision[], lookups: Lookups, pending: Set<string>, processedTo: number) {
    await db.transaction().execute(async (trx) => {
      const scope = new Scope(trx, row.workspace_id);
      const counts = await writeChunk({ scope, actor, importId: row.id, entity: row.entity, lookups, decisions, pending });
      const res = await trx
        .updateTable('imports')
        .set((eb) => ({
          processed_rows: processedTo,
          created_count: eb('created_count', '+', counts.created),
          updated_count: eb('updated_count', '+', counts.updated),
          unchanged_count: eb('unchanged_count', '+', counts.unchanged),
          skipped_count: eb('skipped_count', '+', counts.skipped),
          claimed_until: leaseEnd(),
          updated_at: nowIso(),
        }))
        .where('id', '=', row.id)
        .where('claim_token', '=', me)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new LeaseLost();
    });
  }

  /** A chunk that failed as a whole (a database error, not a row's validation), retried row by row. */
  async function retryRows(row: ImportTable, actor: { id: string; name: string }, decisions: Decision[], lookups: Lookups, pending: Set<string>, from: number, err: unknown) {
    opts.log?.error({ err, importId: row.id }, 'import chunk failed; retrying its rows one by one');
    for (let i = 0; i < decisions.length; i += 1) {
      const d = decisions[i];
      try {
        await commit(row, actor, [d], lookups, pending, from + i + 1);
      } catch (rowErr) {
        if (rowErr instanceof LeaseLost) throw rowErr;
        opts.log?.error({ err: rowErr, importId: row.id, row: d.row }, 'import row could not be saved');
        const skip: Decision = { row: d.row, pendingId: null, plan: { kind: 'skip', externalId: d.plan.kind === 'skip' ? d.plan.externalId : (d.plan.externalId ?? null), issues: [{ row: d.row, column: null, field: 'row', message: 'This row could not be saved; the others were imported.' }] } };
        await commit(row, actor, [skip], lookups, pending, from + i + 1);
      }
    }
  }

  async function run(row: ImportTable): Promise<void> {
    const creator = row.created_by_id ? await db.selectFrom('users').select(['id', 'name', 'role', 'status']).where('id', '=', row.created_by_id).where('workspace_id', '=', row.workspace_id).executeTakeFirst() : undefined;
    if (!creator || creator.role !== 'admin' || creator.status !== 'active') {
      await fail(row, 'The admin who started this import is no longer an active admin: upload the file again.');
      return;
    }
    const actor = { id: creator.id, name: creator.name };
    const scope = new Scope(db, row.workspace_id);
    const parsed = parseCsv(await fileOf(scope, row.id));
    const lookups = await loadLookups(scope, row.source, row.entity);
    const read = rowReader(row.entity, parsed.headers, JSON.parse(row.mapping) as ImportMapping, JSON.parse(row.options) as ImportOptions, lookups, actor.id);
    const pending = new Set<string>();
    // On SQLite, chunks that need no reading first go to a writer of their own (sqlite-writer.ts):
    // while it writes one, this thread reads the next. Each chunk is written, its progress saved
    // and `afterChunk` called before the next one is handed over, so chunks stay in file order.
    // The focus thresholds a deal created through the writer gets its flags by (its transaction checks they still hold).
    let thresholds = row.entity === 'opportunities' ? await getFocusThresholds(scope) : null;
    const writer = row.entity === 'users' ? null : await openChunkWriter(db);
    /** The chunk being written meanwhile: resolves once it is written and `afterChunk` has run. */
    let inflight: Promise<void> | null = null;
    const settle = async () => {
      const previous = inflight;
      inflight = null;
      if (previous) await previous;
    };
    /** The chunk written by this thread, in a transaction of the app's connection. */
    const writeHere = async (decisions: Decision[], from: number, to: number) => {
      try {
        await commit(row, actor, decisions, lookups, pending, to);
      } catch (err) {
        if (err instanceof LeaseLost) throw err;
        await retryRows(row, actor, decisions, lookups, pending, from, err);
      }
    };
    const writeAside = (decisions: Decision[], planned: PlannedChunk, from: number, to: number) => {
      const now = nowIso();
      const { posted, outcome } = writer!.write([
        ...planned.steps,
        {
          sql: 'update "imports" set "processed_rows" = ?, "created_count" = "created_count" + ?, "updated_count" = "updated_count" + ?, "unchanged_count" = "unchanged_count" + ?, "skipped_count" = "skipped_count" + ?, "claimed_until" = ?, "updated_at" = ? where "id" = ? and "workspace_id" = ? and "claim_token" = ? and "status" = \'running\'',
          params: [to, planned.counts.created, planned.counts.updated, planned.counts.unchanged, planned.counts.skipped, leaseEnd(), now, row.id, row.workspace_id, me],
          expectChanges: 1,
          failAs: 'lease',
        },
      ]);
      return { posted, written: outcome.then((o) => settleWrite(decisions, planned, from, to, o)) };
    };
    const settleWrite = async (decisions: Decision[], planned: PlannedChunk, from: number, to: number, outcome: WriteOutcome) => {
      if (outcome.ok) {
        for (const id of planned.created) pending.delete(id);
      } else if ('failed' in outcome && outcome.failed === 'lease') {
        throw new LeaseLost();
      } else if ('failed' in outcome) {
        // The workspace's focus thresholds changed since they were read: written here, with them as they are now.
        thresholds = await getFocusThresholds(scope);
        await writeHere(decisions, from, to);
      } else {
        await retryRows(row, actor, decisions, lookups, pending, from, outcome.error);
      }
    };
    try {
      const start = Number(row.processed_rows);
      for (let next = start; next < parsed.rows.length; ) {
        const from = next;
        // A first chunk of at most 2 000 rows: the writer starts on it while this thread reads the next.
        const to = Math.min(from + (writer && from === start ? Math.min(chunkSize, 2_000) : chunkSize), parsed.rows.length);
        next = to;
        const decisions = decide(parsed.rows.slice(from, to).map((cells, i) => ({ row: from + i + 2, cells })), read, lookups, pending);
        const planned = writer && writesBlind(row.entity, decisions) ? planChunk({ workspaceId: row.workspace_id, actor, importId: row.id, entity: row.entity, lookups, decisions, thresholds }) : null;
        await settle();
        if (halting) {
          await db.updateTable('imports').set({ claimed_until: null, claim_token: null }).where('id', '=', row.id).where('claim_token', '=', me).execute();
          throw new LeaseLost();
        }
        const done = async () => {
          await opts.afterChunk?.({ importId: row.id, processedRows: to, rowCount: parsed.rows.length });
        };
        if (planned) {
          const { posted, written } = writeAside(decisions, planned, from, to);
          inflight = written.then(done);
          // Awaited before the next chunk is handed over; until then, a failure must not count as unhandled.
          inflight.catch(() => {});
          await posted;
          continue;
        }
        await writeHere(decisions, from, to);
        await done();
        // SQLite answers synchronously: without a turn of the event loop between chunks, requests
        // (the page asking for progress) would wait for the whole import.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await settle();
    } finally {
      await inflight?.catch(() => {});
      await writer?.close();
    }
    const now = nowIso();
    await db.updateTable('imports').set({ status: 'done', claimed_until: null, finished_at: now, updated_at: now, version: (eb) => eb('version', '+', 1) }).where('id', '=', row.id).where('claim_token', '=', me).execute();
    opts.log?.info({ importId: row.id, rows: parsed.rows.length }, 'import finished');
  }

  async function tick(): Promise<number> {
    const now = nowIso();
    const due = await db
      .selectFrom('imports')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('created_at')
      .limit(5)
      .execute();
    let done = 0;
    for (const { id } of due) {
      const row = await claim(id);
      if (!row) continue;
      try {
        await run(row);
        done += 1;
      } catch (err) {
        if (err instanceof LeaseLost) continue;
        opts.log?.error({ err, importId: row.id }, 'import failed');
        await fail(row, 'The import stopped on an unexpected error; the rows already imported stay. Upload the file again to import the rest.');
      }
    }
    return done;
  }

  const loop = pollingLoop({ round: tick, pollMs, failure: 'import round failed', log: opts.log });
  return {
    tick,
    kick: loop.kick,
    start() {
      halting = false;
      loop.start();
    },
    async stop() {
      halting = true;
      await loop.stop();
    },
  };
}
