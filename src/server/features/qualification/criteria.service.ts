import type { CreateSweetSpotCriterionBody, SweetSpotCriterion, SweetSpotCriterionList, UpdateSweetSpotCriterionBody } from '../../../shared/qualification.js';
import { MOVE_NEEDS_BASIS } from '../../../shared/common.js';
import type { Actor } from '../../core/actor.js';
import { audit, type AuditInput } from '../../core/audit.js';
import type { SweetSpotCriterionTable } from '../../core/db/schema.js';
import { conflict, duplicate, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { inOrderRead, updateAtVersion, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';

type Op<T> = { scope: Scope; actor: Actor } & T;
type CriterionRow = Omit<SweetSpotCriterionTable, 'workspace_id'>;

const present = (row: CriterionRow): SweetSpotCriterion => ({ id: row.id, label: row.label, position: row.position, archivedAt: row.archived_at, version: row.version });

export function allCriteria(scope: Scope): Promise<CriterionRow[]> {
  return scope
    .selectFrom('sweet_spot_criteria')
    .select(['id', 'label', 'position', 'archived_at', 'version', 'created_at', 'updated_at'])
    .orderBy('sweet_spot_criteria.position')
    .orderBy('sweet_spot_criteria.id')
    .execute();
}

/** Every criterion, archived ones too (deals keep their answers to them), in checklist order. */
export async function listCriteria(scope: Scope): Promise<SweetSpotCriterionList> {
  return { data: (await allCriteria(scope)).map(present) };
}

async function findCriterion(scope: Scope, id: string): Promise<SweetSpotCriterion> {
  const row = (await allCriteria(scope)).find((c) => c.id === id);
  if (!row) throw notFound('Criterion');
  return present(row);
}

/** Two criteria with one label would make the checklist ambiguous; an archived one can be restored instead. */
function assertLabelFree(criteria: CriterionRow[], label: string, exceptId?: string): void {
  const same = criteria.find((c) => c.id !== exceptId && c.label.trim().toLowerCase() === label.trim().toLowerCase());
  if (!same) return;
  throw duplicate('label', same.archived_at ? 'An archived criterion has this wording. Restore it instead.' : 'A criterion with this wording already exists.');
}

export async function createCriterion({ scope, actor, input }: Op<{ input: CreateSweetSpotCriterionBody }>): Promise<SweetSpotCriterion> {
  return scope.transaction(async (tx) => {
    // Positions and unique labels are workspace-wide rules: one writer at a time (PostgreSQL).
    await tx.lockWorkspace();
    const criteria = await allCriteria(tx);
    assertLabelFree(criteria, input.label);
    const now = nowIso();
    const row = { id: newId(), label: input.label, position: criteria.reduce((max, c) => Math.max(max, c.position + 1), 0), archived_at: null, version: 1, created_at: now, updated_at: now };
    await tx.insert('sweet_spot_criteria', row);
    await audit(tx, actor, { entityType: 'sweet_spot_criterion', entityId: row.id, action: 'create', before: null, after: row });
    return present(row);
  });
}

/**
 * Rename, move, archive or restore a criterion, like a stage: a move, from the order read (`basis`;
 * else 409 and nothing moves), renumbers every criterion
 * 0..n-1 in the same transaction (each renumbered one gets a new version and an audit event).
 * Archiving keeps every deal's answer to it; it only leaves the checklist of deals not answering it.
 */
export async function updateCriterion({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<UpdateSweetSpotCriterionBody, 'version'>; version?: number }>): Promise<SweetSpotCriterion> {
  return scope.transaction(async (tx) => {
    await tx.lockWorkspace();
    const criteria = await allCriteria(tx);
    const current = criteria.find((c) => c.id === id);
    if (!current) throw notFound('Criterion');
    if (input.label !== undefined) assertLabelFree(criteria, input.label, id);
    const archiving = input.archived === true && current.archived_at === null;
    const restoring = input.archived === false && current.archived_at !== null;

    let order = criteria;
    if (input.position !== undefined) {
      // From the order its author read, like a stage's move: someone else's move or addition meanwhile is a conflict.
      if (input.basis === undefined) throw invalid('basis', MOVE_NEEDS_BASIS);
      if (!inOrderRead(input.basis, criteria)) throw conflict(present(current));
      order = criteria.filter((c) => c.id !== id);
      order.splice(Math.min(input.position, order.length), 0, current);
    }
    const criterion = await writeVersioned({
      scope: tx,
      actor,
      table: 'sweet_spot_criteria',
      entityType: 'sweet_spot_criterion',
      action: archiving ? 'archive' : restoring ? 'restore' : 'update',
      current,
      expectedVersion: version,
      patch: {
        label: input.label,
        position: input.position !== undefined ? order.indexOf(current) : undefined,
        archived_at: archiving ? nowIso() : restoring ? null : undefined,
      },
      present: () => findCriterion(tx, id),
    });
    if (input.position === undefined) return criterion;

    const events: AuditInput[] = [];
    for (const [position, other] of order.entries()) {
      if (other.id === id || other.position === position) continue;
      if (!(await updateAtVersion(tx, 'sweet_spot_criteria', other.id, other.version, { position }))) throw conflict(await findCriterion(tx, other.id));
      events.push({ entityType: 'sweet_spot_criterion', entityId: other.id, action: 'update', before: { position: other.position }, after: { position } });
    }
    if (events.length) await audit(tx, actor, events);
    return criterion;
  });
}
