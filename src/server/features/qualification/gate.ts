import { stageGateRefusal, type ChangeCommitmentLevel, type StagePlace } from '../../../domain/qualification.js';
import type { StageGate } from '../../../shared/qualification.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';

/**
 * The workspace's stage gate: a setting on the workspace row (its version, its audit), and the one
 * check every path that puts a deal in a stage goes through (creating and changing an opportunity).
 */

// The workspace row is the tenant itself, not a table inside it: it is read by the scope's own id.
async function gateRow(scope: Scope) {
  const row = await scope.db
    .selectFrom('workspaces')
    .leftJoin('stages as gate', 'gate.id', 'workspaces.stage_gate_stage_id')
    .select(['workspaces.id', 'workspaces.version', 'workspaces.stage_gate_stage_id', 'gate.name', 'gate.position', 'gate.archived_at'])
    .where('workspaces.id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('Workspace');
  return row;
}

export async function getStageGate(scope: Scope): Promise<StageGate> {
  const row = await gateRow(scope);
  const stage = row.stage_gate_stage_id && row.name !== null && row.position !== null ? { id: row.stage_gate_stage_id, name: row.name, position: row.position, archivedAt: row.archived_at ?? null } : null;
  return { stage, version: row.version };
}

/** The gate stage where it is in the pipeline, or null when the gate is off. */
export async function gateStage(scope: Scope): Promise<StagePlace | null> {
  const row = await gateRow(scope);
  return row.stage_gate_stage_id && row.name !== null && row.position !== null ? { id: row.stage_gate_stage_id, name: row.name, position: row.position } : null;
}

/** Choose the gate (an active stage) or turn it off: a versioned write of the workspace, audited. */
export async function updateStageGate({ scope, actor, stageId, version }: { scope: Scope; actor: Actor; stageId: string | null; version?: number }): Promise<StageGate> {
  return scope.transaction(async (tx) => {
    const current = await gateRow(tx);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(await getStageGate(tx));
    if (stageId === current.stage_gate_stage_id) return getStageGate(tx);
    if (stageId) {
      const active = await tx.selectFrom('stages').select('id').where('stages.archived_at', 'is', null).orderBy('stages.position').orderBy('stages.id').execute();
      if (!active.some((s) => s.id === stageId)) throw invalid('stageId', 'Choose an active stage of this workspace, or turn the gate off.');
      // New deals start in the first stage with no commitment to change: a gate there would refuse every new deal.
      if (active[0].id === stageId) throw invalid('stageId', 'New deals start in the first stage: choose a later stage for the gate.');
    }
    const result = await tx.db
      .updateTable('workspaces')
      .set({ stage_gate_stage_id: stageId, version: current.version + 1, updated_at: nowIso() })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(await getStageGate(tx));
    await audit(tx, actor, { entityType: 'workspace', entityId: current.id, action: 'update', before: { stage_gate_stage_id: current.stage_gate_stage_id }, after: { stage_gate_stage_id: stageId } });
    return getStageGate(tx);
  });
}

/**
 * Refuses (409 qualification_required, changing nothing) putting a deal in a stage the gate guards
 * without an evidenced commitment to change: `fromStageId` null when the deal is being created. The
 * rule itself, and which moves it judges, is `stageGateRefusal` (src/domain/qualification.ts).
 */
export async function assertStageGate(scope: Scope, move: { fromStageId: string | null; toStageId: string; changeCommitment: ChangeCommitmentLevel }): Promise<void> {
  const gate = await gateStage(scope);
  if (!gate) return;
  const ids = move.fromStageId ? [move.toStageId, move.fromStageId] : [move.toStageId];
  const stages = await scope.selectFrom('stages').select(['id', 'name', 'position']).where('stages.id', 'in', ids).execute();
  const place = (id: string | null) => (id ? (stages.find((s) => s.id === id) ?? null) : null);
  const to = place(move.toStageId);
  if (!to) return; // an unknown stage is the input's problem, said by the stage check
  const refusal = stageGateRefusal({ gate, from: place(move.fromStageId), to, changeCommitment: move.changeCommitment });
  if (refusal) throw new AppError('qualification_required', refusal.message, [{ path: 'changeCommitment', message: refusal.message }]);
}
