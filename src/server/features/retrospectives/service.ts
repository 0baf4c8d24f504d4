import { sql } from 'kysely';
import type { CoachingQuery } from '../../../shared/coaching.js';
import type { Perspective, RetroAnswerSet, Retrospective, SubmitRetrospectiveBody, TeamRetrospectives } from '../../../shared/retrospectives.js';
import { judgeRate, twoProportionTest, TWO_PROPORTION_TEST_NAME } from '../../../domain/proportions.js';
import { placeDeal, processScore, processWinsVerdict, SOUND_FROM, type ChangeCommitment, type DealOutcome } from '../../../domain/retrospective.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { RetrospectiveAnswerTable } from '../../core/db/schema.js';
import { conflict, forbidden, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { canEditOwned } from '../../core/policies.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { canReadTeam, TEAM_REFUSED } from '../coaching/access.js';
import { resolvePeriod } from '../coaching/period.js';
import { dealProcessFacts } from './facts.js';

type Op<T> = { scope: Scope; actor: Actor } & T;
type AnswerRow = RetrospectiveAnswerTable & { respondent_name: string };

export const READ_REFUSED = 'Only the deal’s owner, their manager or an admin sees its retrospective.';
export const ANSWER_REFUSED = 'The deal’s owner answers the rep’s side of its retrospective and their manager the manager’s side.';
const NOT_CLOSED = 'A retrospective is for a closed deal: mark it won, lost or walked away first.';

function loadDeal(scope: Scope, id: string) {
  return scope
    .selectFrom('opportunities')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .leftJoin('teams as team', 'team.id', 'owner.team_id')
    .select([
      'opportunities.id',
      'opportunities.name',
      'opportunities.status',
      'opportunities.closed_at',
      'opportunities.change_commitment',
      'opportunities.owner_id',
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
      'team.manager_id as team_manager_id',
    ])
    .where('opportunities.id', '=', id)
    .executeTakeFirst();
}
type Deal = NonNullable<Awaited<ReturnType<typeof loadDeal>>>;

/**
 * Which side's answers are this person's to give: the deal's owner gives the rep's; the manager of
 * the owner's team (teams.manager_id, whatever their role: an admin may lead a team) the manager's —
 * or an admin, when the owner has no team or that team has no manager. Anyone else answers neither
 * (an admin reading a deal of a team someone else leads, for one).
 */
export function perspectiveOf(actor: Actor, deal: Pick<Deal, 'owner_id' | 'owner_team_id' | 'team_manager_id'>): Perspective | null {
  if (actor.id === deal.owner_id) return 'rep';
  if (deal.owner_team_id !== null && deal.team_manager_id === actor.id) return 'manager';
  if (actor.role === 'admin' && (deal.owner_team_id === null || deal.team_manager_id === null)) return 'manager';
  return null;
}

const answersOf = (scope: Scope, opportunityIds: readonly string[]) =>
  opportunityIds.length === 0
    ? Promise.resolve([] as AnswerRow[])
    : scope
        .selectFrom('retrospective_answers')
        .innerJoin('users as respondent', 'respondent.id', 'retrospective_answers.respondent_id')
        .selectAll('retrospective_answers')
        .select('respondent.name as respondent_name')
        .where('retrospective_answers.opportunity_id', 'in', [...opportunityIds])
        .execute();

const present = (r: AnswerRow): RetroAnswerSet => ({
  perspective: r.perspective,
  respondent: { id: r.respondent_id, name: r.respondent_name },
  answers: { plannedOutcomes: r.planned_outcomes, advancesWon: r.advances_won, customerKept: r.customer_kept, mutualPlan: r.mutual_plan, changeCommitment: r.change_commitment },
  processJudgement: r.process_judgement,
  lesson: r.lesson,
  version: r.version,
  updatedAt: r.updated_at,
});

const isClosed = (status: string): status is DealOutcome => status === 'won' || status === 'lost' || status === 'walked_away';

async function retrospectiveOf(scope: Scope, actor: Actor, deal: Deal): Promise<Retrospective> {
  const rows = await answersOf(scope, [deal.id]);
  const by = (p: Perspective) => rows.find((r) => r.perspective === p) ?? null;
  const mine = perspectiveOf(actor, deal);
  const yours = mine ? by(mine) : null;
  const bothIn = by('rep') !== null && by('manager') !== null;
  // Each side's answers stay with their author until both are in; a reader who answers neither sees what is in.
  const visible = (p: Perspective) => p === mine || bothIn || mine === null;
  const closed = isClosed(deal.status);
  const showProcess = closed && (yours !== null || mine === null);
  let process: Retrospective['process'] = null;
  let placement: Retrospective['placement'] = null;
  if (showProcess && isClosed(deal.status)) {
    const facts = (await dealProcessFacts(scope, [{ id: deal.id, closed_at: deal.closed_at, change_commitment: deal.change_commitment as ChangeCommitment }])).get(deal.id)!;
    const s = processScore(facts);
    process = { score: s.score, verdict: s.verdict, soundFrom: SOUND_FROM, components: s.components };
    const own = (p: Perspective) => {
      const r = by(p);
      return r && visible(p) ? placeDeal(r.process_judgement, deal.status as DealOutcome) : null;
    };
    placement = { byData: placeDeal(s.verdict, deal.status), byRep: own('rep'), byManager: own('manager') };
  }
  return {
    opportunity: { id: deal.id, name: deal.name, owner: { id: deal.owner_id, name: deal.owner_name }, status: deal.status, closedAt: deal.closed_at },
    closed,
    yourPerspective: mine,
    yours: yours ? present(yours) : null,
    sides: (['rep', 'manager'] as const).map((p) => {
      const r = by(p);
      return { perspective: p, submitted: r !== null, answers: r && visible(p) ? present(r) : null };
    }),
    process,
    placement,
  };
}

export async function getRetrospective({ scope, actor, opportunityId }: Op<{ opportunityId: string }>): Promise<Retrospective> {
  const deal = await loadDeal(scope, opportunityId);
  if (!deal) throw notFound('Opportunity');
  if (!canEditOwned(actor, { id: deal.owner_id, teamId: deal.owner_team_id })) throw forbidden(READ_REFUSED);
  return retrospectiveOf(scope, actor, deal);
}

/**
 * Gives (or revises) this person's answers: their side is decided by who they are (perspectiveOf).
 * Created at version 0 ("I had not answered"), changed at the version read; a stale version answers
 * 409 with the retrospective as it is now. One audit event per change, in the same transaction.
 */
export async function submitRetrospective({ scope, actor, opportunityId, input }: Op<{ opportunityId: string; input: SubmitRetrospectiveBody }>): Promise<Retrospective> {
  return scope.transaction(async (tx) => {
    const deal = await loadDeal(tx, opportunityId);
    if (!deal) throw notFound('Opportunity');
    const perspective = perspectiveOf(actor, deal);
    if (!perspective) throw forbidden(ANSWER_REFUSED);
    if (!isClosed(deal.status)) throw ruleViolation(NOT_CLOSED);
    const columns = {
      planned_outcomes: input.answers.plannedOutcomes,
      advances_won: input.answers.advancesWon,
      customer_kept: input.answers.customerKept,
      mutual_plan: input.answers.mutualPlan,
      change_commitment: input.answers.changeCommitment,
      process_judgement: input.processJudgement,
      lesson: input.lesson ?? null,
    };
    const current = await tx
      .selectFrom('retrospective_answers')
      .selectAll('retrospective_answers')
      .where('retrospective_answers.opportunity_id', '=', deal.id)
      .where('retrospective_answers.perspective', '=', perspective)
      .executeTakeFirst();
    const stale = async () => conflict(await retrospectiveOf(tx, actor, deal));
    if (!current) {
      if (input.version !== 0) throw await stale();
      const now = nowIso();
      const row = { id: newId(), opportunity_id: deal.id, perspective, respondent_id: actor.id, ...columns, version: 1, created_at: now, updated_at: now };
      // Two first answers at once: the second inserts nothing and is told about the first.
      const inserted = await tx
        .insertRow('retrospective_answers', row)
        .onConflict((oc) => oc.columns(['workspace_id', 'opportunity_id', 'perspective']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw await stale();
      await audit(tx, actor, { entityType: 'retrospective', entityId: row.id, action: 'create', before: null, after: { opportunity_id: deal.id, perspective, ...columns } });
    } else {
      if (input.version !== current.version) throw await stale();
      if (!(await updateAtVersion(tx, 'retrospective_answers', current.id, current.version, { ...columns, respondent_id: actor.id }))) throw await stale();
      const before = {
        planned_outcomes: current.planned_outcomes,
        advances_won: current.advances_won,
        customer_kept: current.customer_kept,
        mutual_plan: current.mutual_plan,
        change_commitment: current.change_commitment,
        process_judgement: current.process_judgement,
        lesson: current.lesson,
      };
      await audit(tx, actor, { entityType: 'retrospective', entityId: current.id, action: 'update', before: { opportunity_id: deal.id, perspective, ...before }, after: { opportunity_id: deal.id, perspective, ...columns } });
    }
    return retrospectiveOf(tx, actor, deal);
  });
}

/** A team's deals closed in a period, each with where its retrospective stands, and whether the process predicts wins. */
export async function teamRetrospectives({ scope, actor, teamId, query }: Op<{ teamId: string; query: CoachingQuery }>): Promise<TeamRetrospectives> {
  const team = await scope.selectFrom('teams').select(['teams.id', 'teams.name', 'teams.manager_id']).where('teams.id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound('Team');
  if (!canReadTeam(actor, team.id)) throw forbidden(TEAM_REFUSED);
  const r = await resolvePeriod(scope, query);
  let members = scope.selectFrom('users').select('users.id').where('users.team_id', '=', team.id).where('users.status', '=', 'active');
  if (team.manager_id) members = members.where('users.id', '<>', team.manager_id);
  const deals = await scope
    .selectFrom('opportunities')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .select([
      'opportunities.id',
      'opportunities.name',
      'opportunities.status',
      'opportunities.closed_at',
      'opportunities.change_commitment',
      'opportunities.owner_id',
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
    ])
    .where('opportunities.owner_id', 'in', members)
    .where('opportunities.status', 'in', ['won', 'lost', 'walked_away'])
    .where('opportunities.closed_at', '>=', r.bounds[0])
    .where('opportunities.closed_at', '<', r.bounds[r.bounds.length - 1])
    .where('opportunities.archived_at', 'is', null)
    .orderBy(sql`lower(owner.name)`)
    .orderBy('opportunities.owner_id')
    .orderBy('opportunities.closed_at')
    .orderBy('opportunities.id')
    .execute();
  const [facts, answers] = await Promise.all([
    dealProcessFacts(
      scope,
      deals.map((d) => ({ id: d.id, closed_at: d.closed_at, change_commitment: d.change_commitment as ChangeCommitment })),
    ),
    answersOf(
      scope,
      deals.map((d) => d.id),
    ),
  ]);
  const sound = { won: 0, n: 0 };
  const weak = { won: 0, n: 0 };
  const rows = deals.map((d) => {
    const status = d.status as DealOutcome;
    const verdict = processScore(facts.get(d.id)!).verdict;
    if (status !== 'walked_away') {
      const bucket = verdict === 'sound' ? sound : weak;
      bucket.n += 1;
      if (status === 'won') bucket.won += 1;
    }
    const mine = perspectiveOf(actor, { owner_id: d.owner_id, owner_team_id: d.owner_team_id, team_manager_id: team.manager_id });
    const of = (p: Perspective) => answers.some((a) => a.opportunity_id === d.id && a.perspective === p);
    return {
      opportunity: { id: d.id, name: d.name, status: d.status, closedAt: d.closed_at as string },
      rep: { id: d.owner_id, name: d.owner_name },
      repAnswered: of('rep'),
      managerAnswered: of('manager'),
      placement: mine === null || of(mine) ? placeDeal(verdict, status) : null,
    };
  });
  const test = twoProportionTest({ successes: sound.won, n: sound.n }, { successes: weak.won, n: weak.n });
  const ran = test.verdict !== 'too_few_to_tell';
  return {
    team: { id: team.id, name: team.name },
    period: r.period,
    deals: rows,
    processWins: {
      sound: { ...sound, judgement: judgeRate(sound.won, sound.n) },
      weak: { ...weak, judgement: judgeRate(weak.won, weak.n) },
      test: { name: TWO_PROPORTION_TEST_NAME, alpha: 0.05, verdict: test.verdict, z: ran ? test.z : null, pValue: ran ? test.pValue : null },
      summary: processWinsVerdict(test),
    },
  };
}
