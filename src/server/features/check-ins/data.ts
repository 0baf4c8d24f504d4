import type { CheckInData } from '../../../shared/check-ins.js';
import { judgeRate } from '../../../domain/proportions.js';
import type { Scope } from '../../core/scope.js';
import type { Actor } from '../../core/actor.js';
import { judge, userReliability } from '../commitments/reliability.js';
import { canReadGoal } from '../goals/access.js';
import { listGoals } from '../goals/goals.queries.js';

const ITEMS_MAX = 20;
const GOALS_MAX = 20;

/**
 * What both people see beside the questions: the rep's process in the period the check-in looks
 * back on — interactions with their planned outcome and what came of them (the advance rate with n
 * and its interval, "too few to judge" below 5 results) — and the rep's word: every commitment they
 * own (the reliability code's figure, which counts every kind) and the check-in actions alone.
 */
export async function checkInData(scope: Scope, actor: Actor, repId: string, period: { from: string; to: string }, now: Date): Promise<CheckInData> {
  const inPeriod = () =>
    scope
      .selectFrom('interactions')
      .where('interactions.owner_id', '=', repId)
      .where('interactions.cancelled_at', 'is', null)
      .where('interactions.sort_at', '>=', period.from)
      .where('interactions.sort_at', '<', period.to);
  const [counts, items, reliability, goals] = await Promise.all([
    inPeriod()
      .select(['interactions.result', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('interactions.result')
      .execute(),
    inPeriod()
      .innerJoin('accounts as account', 'account.id', 'interactions.account_id')
      .select(['interactions.id', 'interactions.kind', 'interactions.sort_at', 'interactions.outcome_statement', 'interactions.result', 'account.id as account_id', 'account.name as account_name'])
      .orderBy('interactions.sort_at', 'desc')
      .orderBy('interactions.id', 'desc')
      .limit(ITEMS_MAX)
      .execute(),
    // As this reader may read it: a former manager of the rep no longer sees the kinds only their manager reads.
    userReliability(scope, repId, now, actor),
    goalsOf(scope, actor, repId, now),
  ]);
  const n = (result: string | null) => Number(counts.find((c) => c.result === result)?.n ?? 0);
  const advanced = n('advanced');
  const continuation = n('continuation');
  const noAdvance = n('no_advance');
  const awaitingResult = n(null);
  const withResult = advanced + continuation + noAdvance;
  const checkIns = reliability.byKind.find((k) => k.kind === 'check_in')?.reliability ?? judge([], ['check_in'], now);
  return {
    period,
    interactions: {
      planned: withResult + awaitingResult,
      advanced,
      continuation,
      noAdvance,
      awaitingResult,
      advanceRate: judgeRate(advanced, withResult),
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind,
        at: i.sort_at,
        account: { id: i.account_id, name: i.account_name },
        plannedOutcome: i.outcome_statement,
        result: i.result,
      })),
    },
    reliability: reliability.overall,
    checkInActions: checkIns,
    goals,
  };
}

/** The rep's active goals with their measure, for a reader the goals rule lets read them (their manager, an admin, the rep). */
async function goalsOf(scope: Scope, actor: Actor, repId: string, now: Date): Promise<CheckInData['goals']> {
  const rep = await scope.selectFrom('users').select(['id', 'team_id']).where('users.id', '=', repId).executeTakeFirstOrThrow();
  if (!canReadGoal(actor, { owner_id: rep.id, owner_team_id: rep.team_id })) return [];
  return (await listGoals(scope, actor, { ownerId: repId, status: 'active', limit: GOALS_MAX }, now)).data;
}
