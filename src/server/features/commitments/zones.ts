import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { todayIn } from '../../../domain/dates.js';
import type { Scope } from '../../core/scope.js';

/**
 * The time zone a commitment's due day is judged in (missed, kept on time, re-dated in advance),
 * stored on the commitment (migration 0205) and fixed when it is made:
 *
 *   the rule      on the seller side its owner's own zone, else the workspace's default; on the
 *                 customer side the plan's customer zone, else the workspace's default.
 *   fixed         a verdict never moves because someone changed a setting later. Read live, a rep
 *                 who set their zone to Pacific/Pago_Pago turned yesterday's misses into "due today"
 *                 and late ticks into "on time", and switched back once the figures were taken.
 *   moving on     when the rule gives another zone (the owner's zone, the workspace's default or the
 *                 plan's customer zone changed, or the commitment changed hands), open commitments due
 *                 after today take the new zone: their day is still ahead wherever it is judged. Those
 *                 due today or earlier, done and dropped ones keep theirs, so nothing already judged,
 *                 nor today's deadline, can be moved by a setting.
 *
 * This derived column is kept like search text, not audited per commitment: the setting that moved
 * it (a person, the workspace, the plan) has its own audit event.
 */

/** The rule, over the owner's zone, the plan's customer zone and the workspace's default. */
export function zoneRule(side: Expression<string>, ownerZone: Expression<string | null>, planZone: Expression<string | null>, workspaceZone: Expression<string>): RawBuilder<string> {
  return sql<string>`coalesce(case when ${side} = 'seller' then ${ownerZone} else ${planZone} end, ${workspaceZone})`;
}

/** The zone a commitment's due day is judged in: the one fixed on it, else (rows written around the engine) the rule now. */
export function judgedZone(commitments: string, ownerZone: Expression<string | null>, planZone: Expression<string | null>, workspaceZone: Expression<string>): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(`${commitments}.time_zone`)}, ${zoneRule(sql.ref(`${commitments}.side`), ownerZone, planZone, workspaceZone)})`;
}

/** The rule for the `commitments` row being updated, from its owner, plan and workspace as they are now. */
const ruleNow = zoneRule(
  sql.ref('commitments.side'),
  sql`(select users.time_zone from users where users.id = commitments.owner_user_id)`,
  sql`(select plans.customer_time_zone from plans where plans.id = commitments.plan_id)`,
  sql`(select workspaces.default_time_zone from workspaces where workspaces.id = commitments.workspace_id)`,
);

/** New commitments (or the demo's, loaded in bulk: every row without a zone) take the rule's zone; returns each id's zone. */
export async function fixZones(tx: Scope, which: { ids: readonly string[] } | 'unset'): Promise<Map<string, string>> {
  const fix = () => tx.updateTable('commitments').set({ time_zone: ruleNow });
  const updates =
    which === 'unset'
      ? [fix().where('commitments.time_zone', 'is', null)]
      : Array.from({ length: Math.ceil(which.ids.length / 500) }, (_, i) => fix().where('commitments.id', 'in', which.ids.slice(i * 500, i * 500 + 500) as string[]));
  const zones = new Map<string, string>();
  for (const q of updates) for (const r of await q.returning(['commitments.id', 'commitments.time_zone']).execute()) zones.set(r.id, r.time_zone ?? '');
  return zones;
}

export type OpenCommitments = { ownerUserId: string } | { planId: string } | { ids: readonly string[] } | 'workspace';

function openOnes(which: OpenCommitments) {
  return (eb: ExpressionBuilder<Database, 'commitments'>): Expression<SqlBool> => {
    const open = eb('commitments.status', '=', 'open');
    if (which === 'workspace') return open;
    if ('ownerUserId' in which) return eb.and([open, eb('commitments.owner_user_id', '=', which.ownerUserId), eb('commitments.side', '=', 'seller')]);
    if ('planId' in which) return eb.and([open, eb('commitments.subject_kind', '=', 'plan'), eb('commitments.subject_id', '=', which.planId), eb('commitments.side', '=', 'customer')]);
    return eb.and([open, eb('commitments.id', 'in', which.ids as string[])]);
  };
}

/**
 * After the rule may give another zone: those of these open commitments that are due after today, in
 * the zone each is held to, take the rule's zone (see above). One update per zone they are held to.
 */
export async function moveOpenCommitmentsToRule(tx: Scope, which: OpenCommitments, now = new Date()): Promise<void> {
  if (typeof which === 'object' && 'ids' in which && which.ids.length === 0) return;
  const held = await tx.selectFrom('commitments').select('commitments.time_zone').distinct().where(openOnes(which)).execute();
  for (const { time_zone: zone } of held) {
    if (!zone) continue;
    await tx
      .updateTable('commitments')
      .set({ time_zone: ruleNow })
      .where(openOnes(which))
      .where('commitments.time_zone', '=', zone)
      .where('commitments.due_date', '>', todayIn(zone, now))
      .execute();
  }
}
