import { sql, type RawBuilder } from 'kysely';
import type { CoachingMeasureKey, Outcomes, RepGoalProgress, WeekCounts } from '../../../shared/coaching.js';
import { mondayOf } from '../../../domain/coaching.js';
import { classifyCommitment } from '../../../domain/commitments.js';
import { dbKind } from '../../core/db/connect.js';
import type { Scope } from '../../core/scope.js';
import { reliabilityFactsOf, selectCommitments } from '../commitments/queries.js';
import { historyOf } from '../commitments/reliability.js';
import { GRACE_MINUTES } from '../interactions/timing.js';
import type { ResolvedPeriod } from './period.js';

/**
 * The counts behind coaching figures, for a set of people over a period, per person and week.
 *
 * Interactions and deals are counted in SQL, grouped by person and week: each query reads the
 * people's rows of the period through an index on (workspace, owner, time) and returns one row per
 * person, week (and status) — never the rows themselves, never a whole table. A week is the CASE
 * below over the instants the weeks start at (in the workspace's zone, so a week starts at local
 * midnight, daylight saving included); instants are UTC text and compare as text on both engines.
 *
 * Commitments are judged by the one reliability rule (src/domain/commitments.ts), which reads each
 * commitment's renegotiation history and its owner's time zone — neither of which SQL can evaluate
 * the same way on SQLite and PostgreSQL. So SQL narrows them to the people's commitments whose dates
 * reach into the period (an index range on (workspace, owner, due date)), and the rule judges that
 * slice. A commitment counts in the week of the date it was held to.
 */

export type PerOwner = Map<string, Record<CoachingMeasureKey, WeekCounts[]>>;

/** Which week (0-based) an instant column falls in; the caller keeps the column inside bounds[0]..bounds[last). */
function weekOf(column: string, bounds: readonly string[]): RawBuilder<number> {
  const whens = bounds.slice(1).map((b, i) => sql`when ${sql.ref(column)} < ${b} then ${sql.lit(i)}`);
  return sql<number>`case ${sql.join(whens, sql` `)} end`;
}

/**
 * Planned before it happened: created no later than GRACE_MINUTES after its start (the grace a "call
 * right now" gets when it is planned). One logged after the fact had its outcome written in hindsight.
 */
export function plannedAhead(scope: Scope): RawBuilder<boolean> {
  // Most were created before their time, which text comparison of UTC instants tells at once; only
  // the others need the clock arithmetic (each engine spells it its own way).
  return dbKind(scope.db) === 'postgres'
    ? sql<boolean>`(interactions.created_at <= interactions.sort_at or interactions.created_at::timestamptz <= interactions.sort_at::timestamptz + ${sql.lit(GRACE_MINUTES)} * interval '1 minute')`
    : sql<boolean>`(interactions.created_at <= interactions.sort_at or julianday(interactions.created_at) <= julianday(interactions.sort_at) + ${sql.lit(GRACE_MINUTES)} / 1440.0)`;
}

const num = (v: unknown) => Number(v ?? 0);

type InteractionWeek = { ownerId: string; week: number; held: number; planned: number; results: number; advances: number };

/** Per person and week: interactions held (their time has come) and planned ahead of them; results and advances. */
export async function interactionWeeks(scope: Scope, ownerIds: readonly string[], r: ResolvedPeriod): Promise<InteractionWeek[]> {
  if (ownerIds.length === 0) return [];
  const now = r.now.toISOString();
  const rows = scope
    .selectFrom('interactions')
    .where('interactions.owner_id', 'in', [...ownerIds])
    .where('interactions.sort_at', '>=', r.bounds[0])
    .where('interactions.sort_at', '<', r.bounds[r.bounds.length - 1])
    .where('interactions.cancelled_at', 'is', null)
    .select([
      'interactions.owner_id as owner_id',
      weekOf('interactions.sort_at', r.bounds).as('week'),
      sql<number>`case when interactions.sort_at <= ${now} then 1 else 0 end`.as('held'),
      sql<number>`case when interactions.sort_at <= ${now} and ${plannedAhead(scope)} then 1 else 0 end`.as('planned'),
      sql<number>`case when interactions.result is not null then 1 else 0 end`.as('resulted'),
      sql<number>`case when interactions.result = 'advanced' then 1 else 0 end`.as('advanced'),
    ]);
  const grouped = await scope.db
    .selectFrom(rows.as('t'))
    .select((eb) => [
      't.owner_id',
      't.week',
      eb.fn.sum<number>('t.held').as('held'),
      eb.fn.sum<number>('t.planned').as('planned'),
      eb.fn.sum<number>('t.resulted').as('results'),
      eb.fn.sum<number>('t.advanced').as('advances'),
    ])
    .groupBy(['t.owner_id', 't.week'])
    .execute();
  return grouped.map((g) => ({ ownerId: g.owner_id, week: num(g.week), held: num(g.held), planned: num(g.planned), results: num(g.results), advances: num(g.advances) }));
}

type DealWeek = { ownerId: string; week: number; status: 'won' | 'lost' | 'walked_away'; n: number };

/** Per person, week and result: deals closed (won, lost, walked away) in the period; archived ones left out. */
export async function dealWeeks(scope: Scope, ownerIds: readonly string[], r: ResolvedPeriod): Promise<DealWeek[]> {
  if (ownerIds.length === 0) return [];
  const rows = scope
    .selectFrom('opportunities')
    .where('opportunities.owner_id', 'in', [...ownerIds])
    .where('opportunities.closed_at', '>=', r.bounds[0])
    .where('opportunities.closed_at', '<', r.bounds[r.bounds.length - 1])
    .where('opportunities.status', 'in', ['won', 'lost', 'walked_away'])
    .where('opportunities.archived_at', 'is', null)
    .select(['opportunities.owner_id as owner_id', 'opportunities.status as status', weekOf('opportunities.closed_at', r.bounds).as('week')]);
  const grouped = await scope.db
    .selectFrom(rows.as('t'))
    .select((eb) => ['t.owner_id', 't.week', 't.status', eb.fn.countAll<number>().as('n')])
    .groupBy(['t.owner_id', 't.week', 't.status'])
    .execute();
  return grouped.map((g) => ({ ownerId: g.owner_id, week: num(g.week), status: g.status as DealWeek['status'], n: num(g.n) }));
}

type JudgedCommitment = { ownerId: string; weekStart: string; kept: boolean; checkIn: boolean };

/**
 * Commitments judged (kept on time, kept late or missed) whose held-to date falls in the period:
 * the seller side's by their owner, the customer side's on the plans of the people's deals. Read
 * are those due on or after the period's first day and first due on or before its last (a date
 * moves by re-dates, later as a rule, and the held-to date lies between the two).
 */
export async function judgedCommitments(scope: Scope, side: 'seller' | 'customer', ownerIds: readonly string[], r: ResolvedPeriod): Promise<JudgedCommitment[]> {
  if (ownerIds.length === 0) return [];
  const { firstDay, lastDay } = r.period;
  const base = selectCommitments(scope).where('commitments.due_date', '>=', firstDay).where('commitments.original_due_date', '<=', lastDay);
  const rows =
    side === 'seller'
      ? (await base.where('commitments.side', '=', 'seller').where('commitments.owner_user_id', 'in', [...ownerIds]).execute()).map((row) => ({ row, ownerId: row.owner_user_id as string }))
      : (
          await base
            .innerJoin('opportunities as deal', 'deal.id', 'plan.opportunity_id')
            .select('deal.owner_id as deal_owner_id')
            .where('commitments.side', '=', 'customer')
            .where('commitments.subject_kind', '=', 'plan')
            // Driven from the people's deals (an index on owner), their plans (one per deal) and
            // each plan's commitments (an index on plan): never the workspace's commitments.
            .where(
              'commitments.plan_id',
              'in',
              scope.selectFrom('plans').innerJoin('opportunities as own', 'own.id', 'plans.opportunity_id').select('plans.id').where('own.owner_id', 'in', [...ownerIds]),
            )
            .execute()
        ).map((row) => ({ row, ownerId: row.deal_owner_id }));
  const history = await historyOf(
    scope,
    rows.map((x) => x.row),
  );
  const out: JudgedCommitment[] = [];
  for (const { row, ownerId } of rows) {
    const verdict = classifyCommitment(reliabilityFactsOf(row, history.get(row.id) ?? []), r.now);
    if (verdict.outcome !== 'kept_on_time' && verdict.outcome !== 'kept_late' && verdict.outcome !== 'missed') continue;
    if (verdict.heldTo < firstDay || verdict.heldTo > lastDay) continue;
    out.push({ ownerId, weekStart: mondayOf(verdict.heldTo), kept: verdict.outcome === 'kept_on_time', checkIn: row.subject_kind === 'check_in' });
  }
  return out;
}

const emptyWeeks = (weekStarts: readonly string[]): WeekCounts[] => weekStarts.map((weekStart) => ({ weekStart, successes: 0, n: 0 }));

/** Every measure's weekly counts for each of these people, and the deals they closed. */
export async function weeklyCounts(scope: Scope, ownerIds: readonly string[], r: ResolvedPeriod): Promise<{ perOwner: PerOwner; outcomes: Map<string, Outcomes> }> {
  const weekStarts = r.period.weekStarts;
  const perOwner: PerOwner = new Map(
    ownerIds.map((id) => [
      id,
      {
        plannedAhead: emptyWeeks(weekStarts),
        advances: emptyWeeks(weekStarts),
        sellerKept: emptyWeeks(weekStarts),
        customerKept: emptyWeeks(weekStarts),
        checkInKept: emptyWeeks(weekStarts),
        wins: emptyWeeks(weekStarts),
      },
    ]),
  );
  const outcomes = new Map<string, Outcomes>(ownerIds.map((id) => [id, { won: 0, lost: 0, walkedAway: 0 }]));
  const [interactions, deals, seller, customer] = await Promise.all([
    interactionWeeks(scope, ownerIds, r),
    dealWeeks(scope, ownerIds, r),
    judgedCommitments(scope, 'seller', ownerIds, r),
    judgedCommitments(scope, 'customer', ownerIds, r),
  ]);
  for (const i of interactions) {
    const m = perOwner.get(i.ownerId);
    if (!m) continue;
    m.plannedAhead[i.week].successes += i.planned;
    m.plannedAhead[i.week].n += i.held;
    m.advances[i.week].successes += i.advances;
    m.advances[i.week].n += i.results;
  }
  for (const d of deals) {
    const m = perOwner.get(d.ownerId);
    const o = outcomes.get(d.ownerId);
    if (!m || !o) continue;
    if (d.status === 'won') {
      o.won += d.n;
      m.wins[d.week].successes += d.n;
      m.wins[d.week].n += d.n;
    } else if (d.status === 'lost') {
      o.lost += d.n;
      m.wins[d.week].n += d.n;
    } else {
      o.walkedAway += d.n;
    }
  }
  const index = new Map(weekStarts.map((w, i) => [w, i]));
  for (const [key, list] of [['sellerKept', seller], ['customerKept', customer]] as const) {
    for (const c of list) {
      const week = index.get(c.weekStart);
      const m = perOwner.get(c.ownerId);
      if (week === undefined || !m) continue;
      m[key][week].n += 1;
      if (c.kept) m[key][week].successes += 1;
      // The actions agreed in check-ins are the person's own word too: counted in both.
      if (key === 'sellerKept' && c.checkIn) {
        m.checkInKept[week].n += 1;
        if (c.kept) m.checkInKept[week].successes += 1;
      }
    }
  }
  return { perOwner, outcomes };
}

/**
 * How each person's goals moved in the period: goals active now, how many of them had a step done
 * in it, the steps done (by the owner's calendar day) and the goals closed as done. Counts only,
 * grouped in SQL through the goals' owner index — never a goal's why, never its notes.
 */
export async function goalProgress(scope: Scope, ownerIds: readonly string[], r: ResolvedPeriod): Promise<Map<string, RepGoalProgress>> {
  const out = new Map<string, RepGoalProgress>(ownerIds.map((id) => [id, { active: 0, activeMoved: 0, stepsDone: 0, closedDone: 0 }]));
  if (ownerIds.length === 0) return out;
  const { firstDay, lastDay } = r.period;
  const stepsIn = (goalId: string) =>
    scope
      .selectFrom('goal_steps')
      .select('goal_steps.id')
      .whereRef('goal_steps.goal_id', '=', sql.ref(goalId))
      .where('goal_steps.status', '=', 'done')
      .where('goal_steps.done_on', '>=', firstDay)
      .where('goal_steps.done_on', '<=', lastDay);
  const [active, steps, done] = await Promise.all([
    scope
      .selectFrom('goals')
      .where('goals.owner_id', 'in', [...ownerIds])
      .where('goals.status', '=', 'active')
      .select((eb) => [
        'goals.owner_id',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.sum<number | string | null>(eb.case().when(eb.exists(stepsIn('goals.id'))).then(1).else(0).end()).as('moved'),
      ])
      .groupBy('goals.owner_id')
      .execute(),
    scope
      .selectFrom('goal_steps')
      .innerJoin('goals', 'goals.id', 'goal_steps.goal_id')
      .where('goals.owner_id', 'in', [...ownerIds])
      .where('goal_steps.status', '=', 'done')
      .where('goal_steps.done_on', '>=', firstDay)
      .where('goal_steps.done_on', '<=', lastDay)
      .select((eb) => ['goals.owner_id', eb.fn.countAll<number | string>().as('n')])
      .groupBy('goals.owner_id')
      .execute(),
    scope
      .selectFrom('goals')
      .where('goals.owner_id', 'in', [...ownerIds])
      .where('goals.status', '=', 'done')
      .where('goals.closed_at', '>=', r.bounds[0])
      .where('goals.closed_at', '<', r.bounds[r.bounds.length - 1])
      .select((eb) => ['goals.owner_id', eb.fn.countAll<number | string>().as('n')])
      .groupBy('goals.owner_id')
      .execute(),
  ]);
  for (const a of active) Object.assign(out.get(a.owner_id)!, { active: num(a.n), activeMoved: num(a.moved) });
  for (const s of steps) out.get(s.owner_id)!.stepsDone = num(s.n);
  for (const d of done) out.get(d.owner_id)!.closedDone = num(d.n);
  return out;
}
