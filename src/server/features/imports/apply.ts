import { foldText, searchTextOf } from '../../../domain/search-text.js';
import { flaggedFrom } from '../../../domain/focus.js';
import { stageGateRefusal } from '../../../domain/qualification.js';
import type { ImportEntity, ImportOutcome } from '../../../shared/imports.js';
import { audit, diff, type AuditInput } from '../../core/audit.js';
import type { ImportRowTable } from '../../core/db/schema.js';
import { newId, nowIso } from '../../core/ids.js';
import { jsonRows, type Scope } from '../../core/scope.js';
import { refreshFocusFlags } from '../focus/stored.js';
import { getFocusThresholds } from '../focus/thresholds.js';
import { dealKey, EXTERNAL_ENTITY, type Lookups } from './lookups.js';
import { currencyChangeWithoutAmount, type RowPlan, type RowReader } from './rows.js';
import type { WriteStep } from './sqlite-writer.js';
import type { FocusThresholds } from '../../../shared/focus.js';

/**
 * Reading a chunk of rows into decisions, and writing them. Reading registers what a row will
 * create in the lookups at once, so a later row with the same source id (or name) updates it
 * instead of creating it twice. Writing is bulk: one multi-row insert per table for what is new,
 * one conditional update per changed record (its version, as every edit in Advance), and every
 * created or changed record's audit event in one multi-row insert.
 */

export type Decision = { row: number; plan: RowPlan; pendingId: string | null };

type Table = 'accounts' | 'contacts' | 'opportunities';
const TABLE: Record<Exclude<ImportEntity, 'users'>, Table> = { accounts: 'accounts', contacts: 'contacts', opportunities: 'opportunities' };

/** Reads rows in order; a row that would create a record gets its id now, and the lookups learn it. */
export function decide(rows: readonly { row: number; cells: readonly string[] }[], read: RowReader, lookups: Lookups, pending: Set<string>): Decision[] {
  const out: Decision[] = [];
  for (const { row, cells } of rows) {
    const plan = read(cells, row);
    let pendingId: string | null = null;
    if (plan.kind === 'account' || plan.kind === 'contact' || plan.kind === 'opportunity') {
      if (!plan.existingId) {
        pendingId = newId();
        pending.add(pendingId);
        const kind = plan.kind;
        if (plan.externalId) lookups.external[kind].set(plan.externalId, pendingId);
        if (plan.kind === 'account') {
          lookups.accounts.byName.set(foldText(plan.input.name), pendingId);
          lookups.accounts.known.add(pendingId);
        }
        if (plan.kind === 'contact' && plan.input.email) lookups.contactsByEmail.set(plan.input.email, pendingId);
        if (plan.kind === 'opportunity') lookups.opportunitiesByKey.set(dealKey(plan.input.accountId, plan.input.name), pendingId);
      }
      // The currency a later row of the deal reads its amount in.
      if (plan.kind === 'opportunity' && (pendingId || plan.currencyGiven)) lookups.opportunityCurrency.set(pendingId ?? plan.existingId!, plan.input.amount.currency);
    }
    if (plan.kind === 'user') lookups.external.user.set(plan.externalId, plan.userId);
    out.push({ row, plan, pendingId });
  }
  return out;
}

type Counts = Record<ImportOutcome, number>;
type Row = Record<string, unknown> & { id: string; version: number };

/** The values of `o` that are given (not null): what an update takes of a row's optional fields. */
function given(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== null && o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * The columns a plan sets, as stored (the same fields the API's create and update write). A create
 * sets them all (an empty cell is null, an empty amount 0, no currency the file's). An update sets
 * only what the row gives: a column not mapped, or a cell left empty, keeps the record's value —
 * nothing typed in Advance is lost to a file that does not say it (as Salesforce's Data Loader and
 * HubSpot's import do by default). A deal's currency changes only when the row has a currency cell.
 */
function columnsOf(plan: RowPlan, update: boolean): Record<string, unknown> {
  const optional = (o: Record<string, unknown>) => (update ? given(o) : o);
  switch (plan.kind) {
    case 'account':
      return { name: plan.input.name, ...optional({ domain: plan.input.domain ?? null, industry: plan.input.industry ?? null, notes: plan.input.notes ?? null }), ...(plan.ownerGiven ? { owner_id: plan.input.ownerId } : {}) };
    case 'contact':
      return { account_id: plan.input.accountId, name: plan.input.name, ...optional({ title: plan.input.title ?? null, email: plan.input.email ?? null, phone: plan.input.phone ?? null }) };
    case 'opportunity':
      return {
        account_id: plan.input.accountId,
        name: plan.input.name,
        ...(!update || plan.amountGiven ? { amount_minor: plan.input.amount.amountMinor } : {}),
        ...(!update || plan.currencyGiven ? { currency: plan.input.amount.currency } : {}),
        close_date: plan.input.closeDate,
        ...(plan.stageGiven ? { stage_id: plan.input.stageId } : {}),
        ...(plan.ownerGiven ? { owner_id: plan.input.ownerId } : {}),
      };
    default:
      return {};
  }
}

/**
 * Why a row cannot update a deal as it is now, for its currency: its amount was read in the deal's
 * currency, which changed since (someone edited it meanwhile); or it changes the currency without
 * an amount (the amount would be relabelled). Null when it can.
 */
function currencyConflict(plan: Extract<RowPlan, { kind: 'opportunity' }>, before: Record<string, unknown>): string | null {
  const currency = plan.input.amount.currency;
  if (before.currency === currency) return null;
  if (plan.currencyGiven && !plan.amountGiven) return currencyChangeWithoutAmount(String(before.currency), currency);
  if (!plan.currencyGiven && plan.amountGiven) return 'The deal’s currency changed while importing; import the file again to apply this row.';
  return null;
}

/**
 * How a row the file says is won or lost closes the deal, by the app's rules (features/opportunities):
 * closing stamps closed_at — here the file's close date, the day it closed in the source (never
 * later than now) — and a deal that stays in the same outcome keeps its stamp and its reason (a
 * reason the file gives replaces it). A row of a deal still open in the file changes nothing: an
 * import never reopens a deal someone closed here.
 */
function closingOf(plan: Extract<RowPlan, { kind: 'opportunity' }>, before: Record<string, unknown> | null, now: string): Record<string, unknown> {
  const status = plan.input.status;
  if (!status || status === 'open') return {};
  if (before && before.status === status) return plan.reasonGiven ? { close_reason: plan.input.closeReason } : {};
  const day = `${plan.input.closeDate}T00:00:00.000Z`;
  return { status, close_reason: plan.input.closeReason ?? null, closed_at: day < now ? day : now };
}

function searchTextFor(entity: ImportEntity, r: Record<string, unknown>): string {
  if (entity === 'accounts') return searchTextOf.account(r as { name: string; domain: string | null });
  if (entity === 'contacts') return searchTextOf.contact(r as { name: string; email: string | null; title: string | null });
  return searchTextOf.opportunity(r as { name: string });
}

export type ChunkInput = {
  scope: Scope;
  actor: { id: string; name: string };
  importId: string;
  entity: ImportEntity;
  lookups: Lookups;
  decisions: Decision[];
  pending: Set<string>;
};

type Result = Omit<ImportRowTable, 'workspace_id'>;
type ExternalRow = { system: string; entity: string; external_id: string; record_id: string; created_at: string };

/** What a chunk's rows do, given the records they change as they are now: pure, no database. */
type Outcomes = {
  counts: Counts;
  results: Result[];
  externalRows: ExternalRow[];
  creates: Map<string, Row>;
  updates: Map<string, { before: Row; after: Row }>;
};

/** A chunk's row results as they are decided, and the count of each outcome. */
function resultsOf(importId: string) {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const results: Result[] = [];
  const result = (row: number, outcome: ImportOutcome, recordId: string | null, externalId: string | null, reason: string | null) => {
    counts[outcome] += 1;
    results.push({ import_id: importId, row_number: row, outcome, record_id: recordId, external_id: externalId, reason });
  };
  return { counts, results, result };
}

function outcomesOf({ importId, entity, lookups, decisions }: Pick<ChunkInput, 'importId' | 'entity' | 'lookups' | 'decisions'>, current: Map<string, Row>, now: string): Outcomes {
  const { counts, results, result } = resultsOf(importId);
  const externalRows: ExternalRow[] = [];
  const linked = new Set<string>();
  const link = (externalId: string | null, recordId: string) => {
    const key = `${externalId}`;
    if (!externalId || linked.has(key)) return;
    linked.add(key);
    externalRows.push({ system: lookups.source, entity: EXTERNAL_ENTITY[entity], external_id: externalId, record_id: recordId, created_at: now });
  };
  const creates = new Map<string, Row>();
  const updates = new Map<string, { before: Row; after: Row }>();
  for (const d of decisions) {
    const plan = d.plan;
    if (plan.kind === 'skip' || plan.kind === 'user') {
      if (plan.kind === 'skip') result(d.row, 'skipped', null, plan.externalId, plan.issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join(' '));
      continue;
    }
    if (d.pendingId) {
      const columns = columnsOf(plan, false);
      const base: Row = { id: d.pendingId, version: 1, archived_at: null, created_at: now, updated_at: now };
      if (plan.kind === 'account') Object.assign(base, { owner_id: plan.input.ownerId, size: null });
      if (plan.kind === 'contact') Object.assign(base, { buying_role: null });
      if (plan.kind === 'opportunity') Object.assign(base, { owner_id: plan.input.ownerId, stage_id: plan.input.stageId, status: 'open', close_reason: null, closed_at: null }, closingOf(plan, null, now));
      creates.set(d.pendingId, Object.assign(base, columns));
      link(plan.externalId, d.pendingId);
      result(d.row, 'created', d.pendingId, plan.externalId, null);
      continue;
    }
    const id = plan.existingId!;
    const columns = columnsOf(plan, true);
    // A later row of the file naming a record this run creates: it changes what will be inserted.
    const fresh = creates.get(id);
    const conflict = plan.kind === 'opportunity' ? currencyConflict(plan, fresh ?? updates.get(id)?.after ?? current.get(id) ?? { currency: plan.input.amount.currency }) : null;
    if (conflict) {
      result(d.row, 'skipped', id, plan.externalId, conflict);
      continue;
    }
    if (fresh) {
      Object.assign(fresh, columns, plan.kind === 'opportunity' ? closingOf(plan, fresh, now) : {});
      result(d.row, 'updated', id, plan.externalId, null);
      continue;
    }
    const before = updates.get(id)?.after ?? current.get(id);
    if (!before) {
      result(d.row, 'skipped', null, plan.externalId, 'The record this row updates is gone.');
      continue;
    }
    if (plan.kind === 'opportunity' && plan.stageGiven && plan.input.stageId !== before.stage_id) {
      const from = lookups.stages.find((s) => s.id === before.stage_id) ?? null;
      const to = lookups.stages.find((s) => s.id === plan.input.stageId)!;
      const refusal = stageGateRefusal({ gate: lookups.gate, from, to, changeCommitment: before.change_commitment as 'none' | 'stated' | 'evidenced' });
      if (refusal) {
        result(d.row, 'skipped', id, plan.externalId, `${plan.stageGiven ? 'Stage: ' : ''}${refusal.message}`);
        continue;
      }
    }
    if (plan.kind === 'opportunity') Object.assign(columns, closingOf(plan, before, now));
    const changed = Object.entries(columns).some(([k, v]) => (before[k] ?? null) !== (v ?? null));
    // Matched by name or email: its source id is kept, so the next import matches it by id.
    if (plan.externalId && lookups.external[plan.kind].get(plan.externalId) !== id) {
      lookups.external[plan.kind].set(plan.externalId, id);
      link(plan.externalId, id);
    }
    if (!changed) {
      result(d.row, 'unchanged', id, plan.externalId, null);
      continue;
    }
    const after: Row = { ...before, ...columns };
    updates.set(id, { before: updates.get(id)?.before ?? before, after });
    result(d.row, 'updated', id, plan.externalId, null);
  }
  return { counts, results, externalRows, creates, updates };
}

/**
 * The rows to insert for the records a chunk creates. A deal created here has no interactions,
 * commitment to change or customer word yet: its focus flags follow from its status and creation
 * alone, by the rule every write keeps (domain/focus.ts), with the workspace's thresholds — set as
 * it is inserted, not updated after.
 */
function insertedRows(entity: ImportEntity, creates: Map<string, Row>, now: string, thresholds: FocusThresholds | null): Record<string, unknown>[] {
  const inserted = [...creates.values()].map((r) => ({
    ...r,
    search_text: searchTextFor(entity, r),
    ...(thresholds ? { flagged_from: flaggedFrom({ status: String(r.status), createdAt: now, noAdvanceStreak: 0, resultsCount: 0, changeCommitment: 'none', customerUnreliableFrom: null }, thresholds) } : {}),
  }));
  // Deals go in by close date: five of a deal's indexes order it by close date (after the
  // workspace, the owner, the stage or the status), and rows inserted in that order land on
  // neighbouring index pages one after the other instead of all over them. The order of the rows in
  // the table means nothing (every list pages on its own index).
  if (entity === 'opportunities') inserted.sort(byCloseDate);
  return inserted;
}

/** Writes one chunk's decisions (call inside a transaction); returns the counts of each outcome. */
export async function writeChunk({ scope, actor, importId, entity, lookups, decisions, pending }: ChunkInput): Promise<Counts> {
  const now = nowIso();
  if (entity === 'users') {
    const { counts, results, result } = resultsOf(importId);
    const externalRows: ExternalRow[] = [];
    const known = new Set((await scope.selectFrom('import_external_ids').select('external_id').where('import_external_ids.system', '=', lookups.source).where('entity', '=', 'user').where('external_id', 'in', decisions.filter((d) => d.plan.externalId).map((d) => d.plan.externalId!).concat([''])).execute()).map((r) => r.external_id));
    for (const d of decisions) {
      if (d.plan.kind === 'skip') result(d.row, 'skipped', null, d.plan.externalId, d.plan.issues.map((i) => i.message).join(' '));
      else if (d.plan.kind === 'user') {
        if (known.has(d.plan.externalId)) {
          await scope.updateTable('import_external_ids').set({ record_id: d.plan.userId }).where('system', '=', lookups.source).where('entity', '=', 'user').where('external_id', '=', d.plan.externalId).execute();
          result(d.row, 'unchanged', d.plan.userId, d.plan.externalId, `Linked to ${lookups.users.byId.get(d.plan.userId)?.name ?? 'a person'}.`);
        } else {
          externalRows.push({ system: lookups.source, entity: 'user', external_id: d.plan.externalId, record_id: d.plan.userId, created_at: now });
          known.add(d.plan.externalId);
          result(d.row, 'created', d.plan.userId, d.plan.externalId, `Linked to ${lookups.users.byId.get(d.plan.userId)?.name ?? 'a person'}.`);
        }
      }
    }
    await scope.insert('import_external_ids', externalRows);
    await scope.insert('import_rows', results);
    return counts;
  }

  const table = TABLE[entity];
  // The records this chunk changes, as they are now (created earlier in this run or long before).
  const existingIds = [...new Set(decisions.map((d) => (d.plan.kind !== 'skip' && d.plan.kind !== 'user' ? d.plan.existingId : null)).filter((id): id is string => !!id && !pending.has(id)))];
  const current = new Map<string, Row>();
  for (let i = 0; i < existingIds.length; i += 500) {
    // By primary key, the workspace checked on each row: given `workspace_id = ? and id in (…)`,
    // SQLite walks a workspace index over every record of the workspace instead (a re-import of
    // 100 000 deals read ten billion rows). The ids come from this workspace's own lookups anyway.
    const rows = (await scope.db.selectFrom(table).selectAll().where('id', 'in', existingIds.slice(i, i + 500)).execute()) as unknown as (Row & { workspace_id: string })[];
    for (const r of rows) if (r.workspace_id === scope.workspaceId) current.set(r.id, { ...r, ...('amount_minor' in r ? { amount_minor: Number(r.amount_minor) } : {}) });
  }

  const { counts, results, externalRows, creates, updates } = outcomesOf({ importId, entity, lookups, decisions }, current, now);
  const events: AuditInput[] = [];
  // The thresholds as this transaction sees them.
  const thresholds = entity === 'opportunities' && creates.size > 0 ? await getFocusThresholds(scope) : null;
  await scope.insertMany(table, insertedRows(entity, creates, now, thresholds) as never[]);
  for (const r of creates.values()) {
    pending.delete(r.id);
    events.push({ entityType: EXTERNAL_ENTITY[entity] as 'account', entityId: r.id, action: 'create', before: null, after: r });
  }
  for (const [id, { before, after }] of updates) {
    const res = await scope
      .updateTable(table)
      .set({ ...stripKeys(after), search_text: searchTextFor(entity, after), version: before.version + 1, updated_at: now } as never)
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      // Someone edited it since it was read: their edit stands, this row is reported.
      for (const r of results) if (r.record_id === id && r.outcome === 'updated') Object.assign(r, { outcome: 'skipped', reason: 'The record changed while importing; import the file again to apply this row.' });
      continue;
    }
    events.push({ entityType: EXTERNAL_ENTITY[entity] as 'account', entityId: id, action: 'update', before, after });
  }
  for (const r of results) if (r.reason?.startsWith('The record changed')) { counts.updated -= 1; counts.skipped += 1; }
  // Deals the file closed: their focus flags as every write keeps them.
  if (entity === 'opportunities') await refreshFocusFlags(scope, events.filter((e) => e.action === 'update').map((e) => e.entityId));
  await audit(scope, actor, events);
  await scope.insertMany('import_external_ids', externalRows);
  await scope.insertMany('import_rows', results);
  return counts;
}

/**
 * Whether a chunk can be written without reading the database first: it creates records and skips
 * rows, and every record a row of it updates is one it creates itself. (A record created by an
 * earlier chunk, or before the import, is read as it is now, once that chunk is written.)
 */
export function writesBlind(entity: ImportEntity, decisions: readonly Decision[]): boolean {
  if (entity === 'users') return false;
  const own = new Set<string>();
  for (const d of decisions) if (d.pendingId) own.add(d.pendingId);
  for (const d of decisions) {
    const plan = d.plan;
    if (plan.kind === 'user') return false;
    if (plan.kind !== 'skip' && plan.existingId && !own.has(plan.existingId)) return false;
  }
  return true;
}

export type PlannedChunk = { counts: Counts; steps: WriteStep[]; created: string[] };

/** A multi-row insert from one JSON parameter (the same statement `Scope.insertMany` runs), or null when JSON cannot carry a value. */
function insertSteps(table: string, rows: readonly Record<string, unknown>[], workspaceId: string): WriteStep[] | null {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = Object.keys(row).filter((c) => row[c] !== undefined).join('\u0001');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const steps: WriteStep[] = [];
  for (const [key, group] of groups) {
    const names = key.split('\u0001');
    const values = jsonRows(group, names, workspaceId);
    if (values === null) return null;
    const columns = [...names, 'workspace_id'];
    // jsonb_each: each row's array reaches `->>` in SQLite's binary JSON, instead of being printed
    // as text and parsed again for every column.
    steps.push({ sql: `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select ${columns.map((_, k) => `value ->> ${k}`).join(', ')} from jsonb_each(?)`, params: [values] });
  }
  return steps;
}

/**
 * A chunk that `writesBlind`, as the statements that write it (ChunkWriter): the same records, audit
 * events, source ids and results as `writeChunk`, with the focus thresholds given — the steps check,
 * in their transaction, that the workspace still has them (else they fail as 'thresholds'). Null
 * when JSON cannot carry a value of it (then `writeChunk` writes it).
 */
export function planChunk({ workspaceId, actor, importId, entity, lookups, decisions, thresholds }: Omit<ChunkInput, 'scope' | 'pending'> & { workspaceId: string; thresholds: FocusThresholds | null }): PlannedChunk | null {
  const now = nowIso();
  const { counts, results, externalRows, creates } = outcomesOf({ importId, entity, lookups, decisions }, new Map(), now);
  const steps: WriteStep[] = [];
  const flagged = entity === 'opportunities' && creates.size > 0;
  if (flagged) {
    if (!thresholds) return null;
    steps.push({
      sql: 'select 1 from "workspaces" where "id" = ? and "focus_no_advance_streak" = ? and "focus_no_commitment_days" = ? and "focus_no_commitment_interactions" = ?',
      params: [workspaceId, thresholds.noAdvanceStreak, thresholds.noCommitmentDays, thresholds.noCommitmentInteractions],
      expectRow: true,
      failAs: 'thresholds',
    });
  }
  const records = insertSteps(TABLE[entity as Exclude<ImportEntity, 'users'>], insertedRows(entity, creates, now, flagged ? thresholds : null), workspaceId);
  const at = nowIso();
  const events = [...creates.values()].map((r) => ({
    id: newId(),
    actor_id: actor.id,
    actor_name: actor.name,
    entity_type: EXTERNAL_ENTITY[entity],
    entity_id: r.id,
    action: 'create',
    changes: JSON.stringify(diff(null, r)),
    occurred_at: at,
  }));
  const history = insertSteps('audit_events', events, workspaceId);
  const sources = insertSteps('import_external_ids', externalRows, workspaceId);
  const rows = insertSteps('import_rows', results, workspaceId);
  if (!records || !history || !sources || !rows) return null;
  steps.push(...records, ...history, ...sources, ...rows);
  return { counts, steps, created: [...creates.keys()] };
}

function byCloseDate(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const x = String(a.close_date);
  const y = String(b.close_date);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The columns an update may set: never the id, the workspace or the creation time. */
function stripKeys(row: Row): Record<string, unknown> {
  const { id: _id, workspace_id: _ws, created_at: _c, version: _v, updated_at: _u, search_text: _s, ...rest } = row;
  return rest;
}
