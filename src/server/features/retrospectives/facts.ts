import { sql } from 'kysely';
import { classifyCommitment } from '../../../domain/commitments.js';
import type { ChangeCommitment, DealProcessFacts } from '../../../domain/retrospective.js';
import type { Scope } from '../../core/scope.js';
import { reliabilityFactsOf, selectCommitments } from '../commitments/queries.js';
import { historyOf } from '../commitments/reliability.js';
import { plannedAhead } from '../coaching/queries.js';

export type ClosedDeal = { id: string; closed_at: string | null; change_commitment: ChangeCommitment };

const CHUNK = 500;
const chunks = <T>(list: readonly T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const num = (v: unknown) => Number(v ?? 0);

/**
 * What the data shows about each deal's process up to its closing (src/domain/retrospective.ts):
 * its interactions (counted in SQL per deal, those up to the moment it closed), the customer's
 * commitments on its plan (judged by the reliability rule as they stood when it closed), whether a
 * mutual plan was agreed, and its commitment to change. Reads only these deals' rows.
 */
export async function dealProcessFacts(scope: Scope, deals: readonly ClosedDeal[], now = new Date()): Promise<Map<string, DealProcessFacts>> {
  const out = new Map<string, DealProcessFacts>(
    deals.map((d) => [d.id, { held: 0, plannedAhead: 0, results: 0, advances: 0, customerJudged: 0, customerKept: 0, hasPlan: false, changeCommitment: d.change_commitment }]),
  );
  const closedAt = new Map(deals.map((d) => [d.id, d.closed_at ? new Date(d.closed_at) : now]));
  for (const ids of chunks(deals.map((d) => d.id))) {
    const interactions = await scope
      .selectFrom('interactions')
      .innerJoin('opportunities as deal', 'deal.id', 'interactions.opportunity_id')
      .where('interactions.opportunity_id', 'in', ids)
      .where('interactions.cancelled_at', 'is', null)
      .where(sql<boolean>`interactions.sort_at <= coalesce(deal.closed_at, ${now.toISOString()})`)
      .select((eb) => [
        'interactions.opportunity_id',
        eb.fn.countAll<number>().as('held'),
        eb.fn.sum<number>(sql`case when ${plannedAhead(scope)} then 1 else 0 end`).as('planned'),
        eb.fn.sum<number>(sql`case when interactions.result is not null then 1 else 0 end`).as('results'),
        eb.fn.sum<number>(sql`case when interactions.result = 'advanced' then 1 else 0 end`).as('advances'),
      ])
      .groupBy('interactions.opportunity_id')
      .execute();
    for (const r of interactions) {
      const f = out.get(r.opportunity_id as string);
      if (!f) continue;
      Object.assign(f, { held: num(r.held), plannedAhead: num(r.planned), results: num(r.results), advances: num(r.advances) });
    }
    const plans = await scope.selectFrom('plans').select(['plans.opportunity_id', 'plans.status']).where('plans.opportunity_id', 'in', ids).execute();
    for (const p of plans) {
      const f = out.get(p.opportunity_id);
      if (f) f.hasPlan = p.status === 'active' || p.status === 'completed';
    }
    const commitments = await selectCommitments(scope)
      .select('plan.opportunity_id as deal_id')
      .where('plan.opportunity_id', 'in', ids)
      .where('commitments.side', '=', 'customer')
      .where('commitments.subject_kind', '=', 'plan')
      .execute();
    const history = await historyOf(scope, commitments);
    for (const c of commitments) {
      const f = out.get(c.deal_id as string);
      if (!f) continue;
      const verdict = classifyCommitment(reliabilityFactsOf(c, history.get(c.id) ?? []), closedAt.get(c.deal_id as string) ?? now);
      if (verdict.outcome === 'kept_on_time' || verdict.outcome === 'kept_late' || verdict.outcome === 'missed') {
        f.customerJudged += 1;
        if (verdict.outcome === 'kept_on_time') f.customerKept += 1;
      }
    }
  }
  return out;
}
