import type { FocusThresholds, UpdateFocusThresholdsBody } from '../../../shared/focus.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { prepared } from '../../core/db/prepared.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { refreshFocusFlags, THRESHOLD_COLUMNS } from './stored.js';

/**
 * The workspace's focus thresholds (migration 0094): columns of the workspace row. The flagged
 * lists read them from the actor (the session lookup joins the workspace); this is their settings
 * resource. They change with the workspace's version, like the rest of its settings: a stale edit
 * gets 409 with the current thresholds.
 */

const COLUMNS = THRESHOLD_COLUMNS;

const thresholdsRow = prepared((db, p: { id: string }) =>
  db.selectFrom('workspaces').select(['id', 'version', 'focus_no_advance_streak', 'focus_no_commitment_days', 'focus_no_commitment_interactions']).where('workspaces.id', '=', p.id),
);

type Row = NonNullable<Awaited<ReturnType<typeof thresholdsRow.first>>>;

const present = (row: Row): FocusThresholds => ({
  noAdvanceStreak: Number(row.focus_no_advance_streak),
  noCommitmentDays: Number(row.focus_no_commitment_days),
  noCommitmentInteractions: Number(row.focus_no_commitment_interactions),
  version: row.version,
});

async function load(scope: Scope): Promise<Row> {
  const row = await thresholdsRow.first(scope.db, { id: scope.workspaceId });
  if (!row) throw notFound('Workspace');
  return row;
}

export async function getFocusThresholds(scope: Scope): Promise<FocusThresholds> {
  return present(await load(scope));
}

export async function updateFocusThresholds({ scope, actor, input, version }: { scope: Scope; actor: Actor; input: Omit<UpdateFocusThresholdsBody, 'version'>; version?: number }): Promise<FocusThresholds> {
  return scope.transaction(async (tx) => {
    const current = await load(tx);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(present(current));
    const changed: Partial<Record<(typeof COLUMNS)[keyof typeof COLUMNS], number>> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]][]) {
      const value = input[field];
      if (value !== undefined && value !== Number(current[column])) changed[column] = value;
    }
    if (Object.keys(changed).length === 0) return present(current);
    const result = await tx.db
      .updateTable('workspaces')
      .set({ ...changed, version: current.version + 1, updated_at: nowIso() })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(present(await load(tx)));
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, Number(current[k as keyof Row])]));
    await audit(tx, actor, { entityType: 'workspace', entityId: current.id, action: 'update', before, after: changed });
    const next = present(await load(tx));
    // Every open deal's flags are judged again with the new thresholds, in this transaction: one UPDATE.
    await refreshFocusFlags(tx, 'workspace', next);
    return next;
  });
}
