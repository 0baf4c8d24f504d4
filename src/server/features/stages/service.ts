import { MOVE_NEEDS_BASIS } from '../../../shared/common.js';
import type { CreateStageBody, Stage, StageList, UpdateStageBody } from '../../../shared/stages.js';
import type { Actor } from '../../core/actor.js';
import { audit, type AuditInput } from '../../core/audit.js';
import type { StageTable } from '../../core/db/schema.js';
import { conflict, invalid, notFound, ruleViolation, duplicate } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { inOrderRead, updateAtVersion, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';

type Op<T> = { scope: Scope; actor: Actor } & T;
type StageRow = Omit<StageTable, 'workspace_id'>;

const presentStage = (row: StageRow): Stage => ({ id: row.id, name: row.name, position: row.position, archivedAt: row.archived_at, version: row.version });

function allStages(scope: Scope): Promise<StageRow[]> {
  return scope
    .selectFrom('stages')
    .select(['id', 'name', 'position', 'archived_at', 'version', 'created_at', 'updated_at'])
    .orderBy('stages.position')
    .orderBy('stages.id')
    .execute();
}

/** Every stage, archived ones too (old opportunities still sit in them), in pipeline order. */
export async function listStages(scope: Scope): Promise<StageList> {
  return { data: (await allStages(scope)).map(presentStage) };
}

export async function findStage(scope: Scope, id: string): Promise<Stage> {
  const row = (await allStages(scope)).find((s) => s.id === id);
  if (!row) throw notFound('Stage');
  return presentStage(row);
}

/** Two stages with one name would make the pipeline ambiguous; an archived one can be restored instead. */
function assertNameFree(stages: StageRow[], name: string, exceptId?: string): void {
  const same = stages.find((s) => s.id !== exceptId && s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!same) return;
  throw duplicate('name', same.archived_at ? 'An archived stage has this name. Restore it instead.' : 'A stage with this name already exists.');
}

export async function createStage({ scope, actor, input }: Op<{ input: CreateStageBody }>): Promise<Stage> {
  return scope.transaction(async (tx) => {
    await tx.lockWorkspace();
    const stages = await allStages(tx);
    assertNameFree(stages, input.name);
    const now = nowIso();
    const row = { id: newId(), name: input.name, position: stages.reduce((max, s) => Math.max(max, s.position + 1), 0), archived_at: null, version: 1, created_at: now, updated_at: now };
    await tx.insert('stages', row);
    await audit(tx, actor, { entityType: 'stage', entityId: row.id, action: 'create', before: null, after: row });
    return presentStage(row);
  });
}

/**
 * Rename, move and archive or restore a stage. A move is made from the order read (`basis`; else
 * 409 and nothing moves) and renumbers every stage 0..n-1 in the same transaction (each renumbered
 * stage gets a new version and an audit event), so positions never collide or leave gaps.
 */
export async function updateStage({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<UpdateStageBody, 'version'>; version?: number }>): Promise<Stage> {
  return scope.transaction(async (tx) => {
    await tx.lockWorkspace();
    const stages = await allStages(tx);
    const current = stages.find((s) => s.id === id);
    if (!current) throw notFound('Stage');
    if (input.name !== undefined) assertNameFree(stages, input.name, id);
    const archiving = input.archived === true && current.archived_at === null;
    const restoring = input.archived === false && current.archived_at !== null;
    if (archiving && !stages.some((s) => s.id !== id && s.archived_at === null)) {
      throw ruleViolation('Keep at least one active stage: opportunities need a stage to be in.');
    }

    let order = stages;
    if (input.position !== undefined) {
      // From the order its author read, like a plan's layout: a move or an addition made meanwhile is a
      // conflict, not a move applied to an order they never saw.
      if (input.basis === undefined) throw invalid('basis', MOVE_NEEDS_BASIS);
      if (!inOrderRead(input.basis, stages)) throw conflict(presentStage(current));
      order = stages.filter((s) => s.id !== id);
      order.splice(Math.min(input.position, order.length), 0, current);
    }
    const patch: Partial<StageRow> = {
      name: input.name,
      position: input.position !== undefined ? order.indexOf(current) : undefined,
      archived_at: archiving ? nowIso() : restoring ? null : undefined,
    };
    const stage = await writeVersioned({
      scope: tx,
      actor,
      table: 'stages',
      entityType: 'stage',
      action: archiving ? 'archive' : restoring ? 'restore' : 'update',
      current,
      expectedVersion: version,
      patch,
      present: () => findStage(tx, id),
    });
    if (input.position === undefined) return stage;

    const events: AuditInput[] = [];
    for (const [position, other] of order.entries()) {
      if (other.id === id || other.position === position) continue;
      if (!(await updateAtVersion(tx, 'stages', other.id, other.version, { position }))) throw conflict(await findStage(tx, other.id));
      events.push({ entityType: 'stage', entityId: other.id, action: 'update', before: { position: other.position }, after: { position } });
    }
    await audit(tx, actor, events);
    return stage;
  });
}
