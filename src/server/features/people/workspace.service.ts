import type { UpdateWorkspaceBody, Workspace } from '../../../shared/people.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { columnsOf } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { presentWorkspace } from './presenters.js';
import { judgeCustomerWordOfWorkspace } from '../commitments/customer-word.js';
import { moveOpenCommitmentsToRule } from '../commitments/zones.js';

// The workspace row is the tenant itself, not a table inside it: it is read by the scope's own id.
async function loadWorkspace(scope: Scope) {
  const row = await scope.db.selectFrom('workspaces').selectAll().where('id', '=', scope.workspaceId).executeTakeFirst();
  if (!row) throw notFound('Workspace');
  return row;
}

export async function getWorkspace(scope: Scope): Promise<Workspace> {
  return presentWorkspace(await loadWorkspace(scope));
}

/** Same rules as `writeVersioned` (version required, 409 with the current settings when stale). */
export async function updateWorkspace({ scope, actor, input, version }: { scope: Scope; actor: Actor; input: Omit<UpdateWorkspaceBody, 'version'>; version?: number }): Promise<Workspace> {
  return scope.transaction(async (tx) => {
    const current = await loadWorkspace(tx);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(presentWorkspace(current));
    const patch = columnsOf(input, { name: 'name', defaultTimeZone: 'default_time_zone' });
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => current[k as keyof typeof current] !== v));
    if (Object.keys(changed).length === 0) return presentWorkspace(current);
    const result = await tx.db
      .updateTable('workspaces')
      .set({ ...changed, version: current.version + 1, updated_at: nowIso() })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(await getWorkspace(tx));
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof typeof current]]));
    await audit(tx, actor, { entityType: 'workspace', entityId: current.id, action: 'update', before, after: changed });
    // People and plans without a zone of their own: their open commitments still ahead move to the new default (commitments/zones.ts),
    // and a plan without a customer zone of its own judges its customer's days in the workspace's.
    if ('default_time_zone' in changed) {
      await moveOpenCommitmentsToRule(tx, 'workspace');
      await judgeCustomerWordOfWorkspace(tx, { withoutOwnZone: true });
    }
    return getWorkspace(tx);
  });
}
