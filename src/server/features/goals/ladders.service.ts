import { LADDER_RUNGS_MAX, type CreateWhyLadderBody, type UpdateWhyLadderBody, type WhyLadder } from '../../../shared/goals.js';
import type { Actor } from '../../core/actor.js';
import { audit, type AuditActor, type AuditInput } from '../../core/audit.js';
import { conflict, forbidden, invalid, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { canEditWhy, WHY_CHANGE_REFUSED } from './access.js';
import { findLadder, hasEnded, readableLadder, rungsOf, type LadderRow } from './ladders.queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/**
 * The why ladder's writes. Each is its owner's (a manager reading a shared ladder is refused with
 * 403; anyone else meets the 404 of a ladder that does not exist), conditional on the version read
 * (409 with the ladder as it is), and audited in the same transaction — under the private entity
 * types `why_ladder` and `why_rung`, which no shared history lists (features/audit/queries.ts).
 */

async function editable(tx: Scope, actor: Actor, id: string, version: number | undefined): Promise<LadderRow> {
  const row = await readableLadder(tx, actor, id);
  if (!canEditWhy(actor, row)) throw forbidden(WHY_CHANGE_REFUSED);
  if (version === undefined) throw invalid('version', 'Send the version you read (the "version" field or an If-Match header).');
  if (version !== row.version) throw conflict(await findLadder(tx, actor, id));
  return row;
}

/**
 * Writes a new ladder owned by `ownerId` with its first rung. The owner starts their own; their
 * manager starts one for them while coaching in a check-in (features/check-ins/coaching.ts) — it is
 * the rep's ladder all the same, private to them unless they share it. `by` is who wrote it (audit).
 */
export async function startLadderFor(tx: Scope, by: AuditActor, ownerId: string, start: string): Promise<{ ladderId: string; rungId: string }> {
  const now = nowIso();
  const ladder = { id: newId(), owner_id: ownerId, why: null, why_saved_at: null, stopped_changing: 0, shared_with_manager: 0, shared_at: null, version: 1, created_at: now, updated_at: now };
  const rung = { id: newId(), ladder_id: ladder.id, position: 0, answer: start, created_at: now };
  await tx.insert('why_ladders', ladder);
  await tx.insert('why_rungs', rung);
  await audit(tx, by, [
    { entityType: 'why_ladder', entityId: ladder.id, action: 'create', before: null, after: { owner_id: ownerId, shared_with_manager: 0 } },
    { entityType: 'why_rung', entityId: rung.id, action: 'create', before: null, after: { ladder_id: ladder.id, position: 0, answer: rung.answer } },
  ]);
  return { ladderId: ladder.id, rungId: rung.id };
}

export async function createLadder({ scope, actor, input }: Op<{ input: CreateWhyLadderBody }>): Promise<WhyLadder> {
  return scope.transaction(async (tx) => {
    const { ladderId } = await startLadderFor(tx, actor, actor.id, input.start);
    return findLadder(tx, actor, ladderId);
  });
}

/**
 * The next rung: the answer to "What will that get you?". A repeat of an earlier rung ends the
 * ladder (read from the rungs); on an ended ladder a new rung continues it — the rep's "it stopped
 * changing" is cleared, and a saved why stays until they save another.
 */
/**
 * Appends a rung to a ladder read at `row` (its version), whoever may write it — the owner, or their
 * manager coaching in a check-in. False when another writer changed the ladder first (409 for the caller).
 */
export async function appendRung(tx: Scope, by: AuditActor, row: Pick<LadderRow, 'id' | 'version' | 'stopped_changing'>, answer: string): Promise<string | null> {
  const id = row.id;
  // The conditional write holds the ladder's row until the end of the transaction: a racing second
  // rung waits, then finds the version moved (409), so the count below is the one it stands for.
  if (!(await updateAtVersion(tx, 'why_ladders', id, row.version, { stopped_changing: 0 }))) return null;
  const rungs = (await rungsOf(tx, [id])).get(id) ?? [];
  if (rungs.length >= LADDER_RUNGS_MAX) throw ruleViolation(`A ladder holds ${LADDER_RUNGS_MAX} answers. If the answer still changes, start a new ladder from where you are.`);
  const rung = { id: newId(), ladder_id: id, position: rungs.length, answer, created_at: nowIso() };
  await tx.insert('why_rungs', rung);
  const events: AuditInput[] = [{ entityType: 'why_rung', entityId: rung.id, action: 'create', before: null, after: { ladder_id: id, position: rung.position, answer } }];
  if (row.stopped_changing === 1) events.push({ entityType: 'why_ladder', entityId: id, action: 'update', before: { stopped_changing: 1 }, after: { stopped_changing: 0 } });
  await audit(tx, by, events);
  return rung.id;
}

/** The rep said the answer has stopped changing (noted by them, or by their manager in a check-in). False when the ladder changed first. */
export async function markStoppedChanging(tx: Scope, by: AuditActor, row: Pick<LadderRow, 'id' | 'version' | 'stopped_changing'>): Promise<boolean> {
  if (row.stopped_changing === 1) return true;
  if (!(await updateAtVersion(tx, 'why_ladders', row.id, row.version, { stopped_changing: 1 }))) return false;
  await audit(tx, by, { entityType: 'why_ladder', entityId: row.id, action: 'update', before: { stopped_changing: 0 }, after: { stopped_changing: 1 } });
  return true;
}

export async function addRung({ scope, actor, id, answer, version }: Op<{ id: string; answer: string; version: number | undefined }>): Promise<WhyLadder> {
  return scope.transaction(async (tx) => {
    const row = await editable(tx, actor, id, version);
    if (!(await appendRung(tx, actor, row, answer))) throw conflict(await findLadder(tx, actor, id));
    return findLadder(tx, actor, id);
  });
}

/** The rep says the answer has stopped changing: the ladder ends and proposes its last distinct answer. */
export async function endLadder({ scope, actor, id, version }: Op<{ id: string; version: number | undefined }>): Promise<WhyLadder> {
  return scope.transaction(async (tx) => {
    const row = await editable(tx, actor, id, version);
    return writeVersioned({ scope: tx, actor, table: 'why_ladders', entityType: 'why_ladder', action: 'update', current: row, expectedVersion: version, patch: { stopped_changing: 1 }, present: () => findLadder(tx, actor, id) });
  });
}

/** Saves the why (once the ladder has ended, or editing one already saved), and shares or unshares it. */
export async function updateLadder({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<UpdateWhyLadderBody, 'version'>; version: number | undefined }>): Promise<WhyLadder> {
  return scope.transaction(async (tx) => {
    const row = await editable(tx, actor, id, version);
    const patch: Partial<LadderRow> = {};
    const now = nowIso();
    if (input.why !== undefined && input.why !== row.why) {
      if (row.why === null && !hasEnded(row, (await rungsOf(tx, [id])).get(id) ?? [])) {
        throw ruleViolation('Keep asking “What will that get you?” until the answer stops changing — or say it has — before you save your why.', [{ path: 'why', message: 'The ladder has not ended yet.' }]);
      }
      patch.why = input.why;
      patch.why_saved_at = now;
    }
    if (input.sharedWithManager !== undefined && input.sharedWithManager !== (row.shared_with_manager === 1)) {
      patch.shared_with_manager = input.sharedWithManager ? 1 : 0;
      patch.shared_at = input.sharedWithManager ? now : null;
    }
    return writeVersioned({ scope: tx, actor, table: 'why_ladders', entityType: 'why_ladder', action: 'update', current: row, expectedVersion: version, patch, present: () => findLadder(tx, actor, id) });
  });
}
