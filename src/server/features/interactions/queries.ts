import type { AdvanceRate, AdvanceRateQuery, Interaction, InteractionAttendee, InteractionList, InteractionListQuery, InteractionSummary } from '../../../shared/interactions.js';
import { interactionState } from '../../../domain/interactions.js';
import { judgeRate } from '../../../domain/proportions.js';
import type { Actor } from '../../core/actor.js';
import { scopedShapes } from '../../core/db/prepared.js';
import { notFound } from '../../core/errors.js';
import { decodeCursor, keysetAfter, toPage } from '../../core/paging.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';
import { byCommitment, presentCommitment, selectCommitments } from '../commitments/queries.js';
import { isClosed, planAccess } from '../plans/access.js';

/** Interactions with the names they show (account, deal, objective, owner): a whole page in one query. */
export function selectInteractions(scope: Scope) {
  return scope
    .selectFrom('interactions')
    .innerJoin('accounts as account', 'account.id', 'interactions.account_id')
    .innerJoin('users as owner', 'owner.id', 'interactions.owner_id')
    .leftJoin('opportunities as opp', 'opp.id', 'interactions.opportunity_id')
    .leftJoin('account_objectives as objective', 'objective.id', 'interactions.objective_id')
    .leftJoin('users as recorder', 'recorder.id', 'interactions.result_recorded_by_id')
    .selectAll('interactions')
    .select([
      'account.name as account_name',
      'owner.name as owner_name',
      'owner.team_id as owner_team_id',
      'opp.name as opportunity_name',
      'objective.title as objective_title',
      'recorder.name as recorder_name',
    ]);
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectInteractions>['executeTakeFirst']>>>;

/**
 * The attendees of `count` interactions, built once per count and kept prepared (core/db/prepared.ts):
 * PostgreSQL then plans it once per connection instead of on every page.
 */
const attendeesById = scopedShapes((scope, p: Record<`id${number}`, string>, s: { count: number }) =>
  scope
    .selectFrom('interaction_attendees')
    .leftJoin('contacts as contact', 'contact.id', 'interaction_attendees.contact_id')
    .leftJoin('users as user', 'user.id', 'interaction_attendees.user_id')
    .select(['interaction_attendees.interaction_id', 'interaction_attendees.contact_id', 'interaction_attendees.user_id', 'contact.name as contact_name', 'user.name as user_name'])
    .where(
      'interaction_attendees.interaction_id',
      'in',
      Array.from({ length: s.count }, (_, i) => p[`id${i}`]),
    ),
);

/** The attendees of these interactions, contacts first, each list by name. */
async function attendeesOf(scope: Scope, ids: readonly string[]): Promise<Map<string, InteractionAttendee[]>> {
  const out = new Map<string, InteractionAttendee[]>();
  if (ids.length === 0) return out;
  const rows = await attendeesById.execute(scope, { count: ids.length }, Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
  const people = rows
    .map((r) => ({
      interactionId: r.interaction_id,
      attendee: r.contact_id ? { kind: 'contact' as const, id: r.contact_id, name: r.contact_name ?? '' } : { kind: 'user' as const, id: r.user_id as string, name: r.user_name ?? '' },
    }))
    .sort((a, b) => (a.attendee.kind !== b.attendee.kind ? (a.attendee.kind === 'contact' ? -1 : 1) : a.attendee.name.localeCompare(b.attendee.name) || a.attendee.id.localeCompare(b.attendee.id)));
  for (const p of people) {
    const list = out.get(p.interactionId);
    if (list) list.push(p.attendee);
    else out.set(p.interactionId, [p.attendee]);
  }
  return out;
}

function present(row: Row, attendees: InteractionAttendee[], actor: Actor, now: Date): InteractionSummary {
  return {
    id: row.id,
    kind: row.kind,
    account: { id: row.account_id, name: row.account_name },
    opportunity: row.opportunity_id ? { id: row.opportunity_id, name: row.opportunity_name ?? '' } : null,
    objective: row.objective_id ? { id: row.objective_id, title: row.objective_title ?? '' } : null,
    owner: { id: row.owner_id, name: row.owner_name },
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    sortAt: row.sort_at,
    plannedOutcome: { kind: row.outcome_kind, statement: row.outcome_statement, needsSeveralCalls: row.needs_several_calls === 1, firstCallGoal: row.first_call_goal },
    planningNotes: row.planning_notes,
    attendees,
    state: interactionState({ sortAt: row.sort_at, result: row.result, cancelledAt: row.cancelled_at }, now),
    result: row.result
      ? {
          result: row.result,
          agreed: row.result_agreed,
          notes: row.result_notes,
          recordedAt: row.result_recorded_at ?? row.updated_at,
          recordedBy: row.result_recorded_by_id ? { id: row.result_recorded_by_id, name: row.recorder_name ?? '' } : null,
        }
      : null,
    cancelledAt: row.cancelled_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions: { canEdit: canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id }) },
  };
}

async function summaries(scope: Scope, actor: Actor, rows: readonly Row[], now = new Date()): Promise<InteractionSummary[]> {
  const attendees = await attendeesOf(
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, attendees.get(r.id) ?? [], actor, now));
}

/** Filters of lists and rates: cancelled interactions are shown (state cancelled) but never judged. */
type Filters = Pick<InteractionListQuery, 'accountId' | 'opportunityId' | 'objectiveId' | 'ownerId' | 'state'>;

/** `now` is asked for only by the states that compare with it (a prepared query reads only the placeholders it uses). */
function filtered<Q extends ReturnType<typeof selectInteractions>>(q: Q, f: Filters, now: () => string): Q {
  let out = q;
  if (f.accountId) out = out.where('interactions.account_id', '=', f.accountId) as Q;
  if (f.opportunityId) out = out.where('interactions.opportunity_id', '=', f.opportunityId) as Q;
  if (f.objectiveId) out = out.where('interactions.objective_id', '=', f.objectiveId) as Q;
  if (f.ownerId) out = out.where('interactions.owner_id', '=', f.ownerId) as Q;
  switch (f.state) {
    case 'cancelled':
      return out.where('interactions.cancelled_at', 'is not', null) as Q;
    case 'done':
      return out.where('interactions.cancelled_at', 'is', null).where('interactions.result', 'is not', null) as Q;
    case 'awaiting_result':
      return out.where('interactions.cancelled_at', 'is', null).where('interactions.result', 'is', null).where('interactions.sort_at', '<=', now()) as Q;
    case 'upcoming':
      return out.where('interactions.cancelled_at', 'is', null).where('interactions.result', 'is', null).where('interactions.sort_at', '>', now()) as Q;
    default:
      return out;
  }
}

type ListShape = {
  /** Which filters and whether a cursor are present: their values go in the placeholders. */
  filters: { account: boolean; opportunity: boolean; objective: boolean; owner: boolean; cursor: boolean };
  state: InteractionListQuery['state'] | null;
  descending: boolean;
  limit: number;
};
type ListValues = { accountId: string | null; opportunityId: string | null; objectiveId: string | null; ownerId: string | null; now: string; afterValue: string | null; afterId: string | null };

/**
 * A page's rows, built once per shape (filters present, state, order, page size) and kept prepared:
 * PostgreSQL spent about 5 ms planning this six-table join on every request, against 1–2 ms running it.
 */
const listPage = scopedShapes((scope, p: ListValues, s: ListShape) =>
  keysetAfter(
    filtered(
      selectInteractions(scope),
      {
        accountId: s.filters.account ? (p.accountId as string) : undefined,
        opportunityId: s.filters.opportunity ? (p.opportunityId as string) : undefined,
        objectiveId: s.filters.objective ? (p.objectiveId as string) : undefined,
        ownerId: s.filters.owner ? (p.ownerId as string) : undefined,
        state: s.state ?? undefined,
      },
      () => p.now,
    ),
    {
      column: 'interactions.sort_at',
      idColumn: 'interactions.id',
      descending: s.descending,
      after: s.filters.cursor ? [p.afterValue as string, p.afterId as string] : undefined,
      limit: s.limit,
    },
  ),
);

/** A page of interactions, keyset-paged on (sort_at, id): soonest first with `sortAt`, latest first by default. */
export async function listInteractions(scope: Scope, actor: Actor, query: InteractionListQuery): Promise<InteractionList> {
  const now = new Date();
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const shape: ListShape = {
    filters: { account: !!query.accountId, opportunity: !!query.opportunityId, objective: !!query.objectiveId, owner: !!query.ownerId, cursor: !!after },
    state: query.state ?? null,
    descending: query.sort === '-sortAt',
    limit: query.limit,
  };
  const rows = (await listPage.execute(scope, shape, {
    accountId: query.accountId ?? null,
    opportunityId: query.opportunityId ?? null,
    objectiveId: query.objectiveId ?? null,
    ownerId: query.ownerId ?? null,
    now: now.toISOString(),
    afterValue: after ? String(after[0]) : null,
    afterId: after?.[1] ?? null,
  })) as Row[];
  const page = toPage(rows, query.limit, (r) => [r.sort_at, r.id], (r) => r);
  return { data: await summaries(scope, actor, page.data, now), nextCursor: page.nextCursor };
}

export async function findInteraction(scope: Scope, actor: Actor, id: string): Promise<Interaction> {
  const row = await selectInteractions(scope).where('interactions.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Interaction');
  const [summary] = await summaries(scope, actor, [row]);
  const plan = row.opportunity_id
    ? await scope.selectFrom('plans').select(['plans.id', 'plans.title', 'plans.status']).where('plans.opportunity_id', '=', row.opportunity_id).executeTakeFirst()
    : undefined;
  const actions = await selectCommitments(scope)
    .where((eb) => eb.or([eb('commitments.agreed_in_interaction_id', '=', id), eb.and([eb('commitments.subject_kind', '=', 'interaction'), eb('commitments.subject_id', '=', id)])]))
    .orderBy('commitments.created_at')
    .orderBy('commitments.position')
    .orderBy('commitments.id')
    .execute();
  const history = actions.length
    ? byCommitment(await scope.selectFrom('commitment_renegotiations').selectAll('commitment_renegotiations').where('commitment_renegotiations.commitment_id', 'in', actions.map((a) => a.id)).execute())
    : new Map();
  // Actions on a plan are changed by the plan's editors; those kept here by the interaction's.
  const planEdits = new Map<string, boolean>();
  for (const planId of new Set(actions.flatMap((a) => (a.plan_id ? [a.plan_id] : [])))) planEdits.set(planId, (await planAccess(scope, actor, planId)).canEdit);
  const agreedActions = actions.map((a) =>
    presentCommitment(a, history.get(a.id) ?? [], { canEdit: a.plan_id ? (planEdits.get(a.plan_id) ?? false) : summary.permissions.canEdit }, actor),
  );
  return { ...summary, agreedActions, opportunityPlan: plan ? { id: plan.id, title: plan.title, closed: isClosed(plan.status) } : null };
}

/** Advances ÷ interactions with a recorded result (not cancelled), with n and the 95 % Wilson interval, or "too few to judge". */
export async function advanceRate(scope: Scope, query: AdvanceRateQuery): Promise<AdvanceRate> {
  let q = scope
    .selectFrom('interactions')
    .select(['interactions.result', (eb) => eb.fn.countAll<number>().as('n')])
    .where('interactions.result', 'is not', null)
    .where('interactions.cancelled_at', 'is', null);
  if (query.ownerId) q = q.where('interactions.owner_id', '=', query.ownerId);
  if (query.accountId) q = q.where('interactions.account_id', '=', query.accountId);
  if (query.opportunityId) q = q.where('interactions.opportunity_id', '=', query.opportunityId);
  const rows = await q.groupBy('interactions.result').execute();
  const count = (result: string) => Number(rows.find((r) => r.result === result)?.n ?? 0);
  const advances = count('advanced');
  const continuations = count('continuation');
  const noAdvances = count('no_advance');
  const n = advances + continuations + noAdvances;
  return { n, advances, continuations, noAdvances, judgement: judgeRate(advances, n) };
}
