import { sql } from 'kysely';
import type { Money } from '../../../shared/common.js';
import { PLANNING_STATUSES, type PlannedObjective, type RepPlanning, type RepPlanningQuery, type TeamPlanning, type TeamPlanningQuery, type TeamPlanningRow, type YearlyTarget } from '../../../shared/targets.js';
import { fiscalYearBounds } from '../../../domain/fiscal-year.js';
import { coverage, teamTotals } from '../../../domain/target-gap.js';
import type { Actor } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { decodeCursor, keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { minorTotal, sumMinor } from '../../core/db/sum-minor.js';
import { canReadPlanning, canReadTeam, canSetTarget, PLANNING_REFUSED, TEAM_REFUSED, type Person } from './access.js';
import { currentFiscalYear, loadCalendar, presentFiscalYear, type Calendar } from './calendar.js';

/**
 * Account planning reads. Each request reads bounded slices through indexes: one person's (or one
 * page of a team's) targets for one year, and sums of the objectives due in that year grouped per
 * currency in SQL — never a whole table, never a list longer than its page.
 */

const COUNTED = [...PLANNING_STATUSES];

function selectTargets(scope: Scope) {
  return scope
    .selectFrom('rep_targets')
    .innerJoin('users as person', 'person.id', 'rep_targets.user_id')
    .leftJoin('users as setter', 'setter.id', 'rep_targets.set_by_id')
    .selectAll('rep_targets')
    .select(['person.name as person_name', 'setter.name as setter_name']);
}

type TargetRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectTargets>['executeTakeFirst']>>>;

const presentTarget = (r: TargetRow): YearlyTarget => ({
  id: r.id,
  user: { id: r.user_id, name: r.person_name },
  fiscalYear: r.fiscal_year,
  amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
  setBy: r.set_by_id && r.setter_name ? { id: r.set_by_id, name: r.setter_name } : null,
  version: r.version,
  updatedAt: r.updated_at,
});

export async function findTarget(scope: Scope, userId: string, fiscalYear: number): Promise<YearlyTarget | null> {
  const row = await selectTargets(scope).where('rep_targets.user_id', '=', userId).where('rep_targets.fiscal_year', '=', fiscalYear).executeTakeFirst();
  return row ? presentTarget(row) : null;
}

/** The objectives of these owners that count toward the year: due in it, not dropped. */
function countedObjectives(scope: Scope, bounds: { start: string; end: string }) {
  return scope
    .selectFrom('account_objectives')
    .where('account_objectives.target_date', '>=', bounds.start)
    .where('account_objectives.target_date', '<=', bounds.end)
    .where('account_objectives.status', 'in', COUNTED);
}

type Sum = { owner_id: string; currency: string | null; n: number | string; total: number | string | null };

/** Per owner and currency: how many counted objectives, and the sum of their amounts (currency null: those without one). */
async function objectiveSums(scope: Scope, ownerIds: readonly string[], bounds: { start: string; end: string }): Promise<Sum[]> {
  if (ownerIds.length === 0) return [];
  return countedObjectives(scope, bounds)
    .where('account_objectives.owner_id', 'in', ownerIds)
    .select((eb) => [
      'account_objectives.owner_id',
      'account_objectives.target_currency as currency',
      eb.fn.countAll<number>().as('n'),
      sumMinor(scope.db, 'account_objectives.target_amount_minor').as('total'),
    ])
    .groupBy(['account_objectives.owner_id', 'account_objectives.target_currency'])
    .execute();
}

function figuresOf(actor: Actor, person: Person, target: YearlyTarget | null, sums: readonly Sum[]) {
  const mine = sums.filter((s) => s.owner_id === person.id);
  const amounts: Money[] = mine.filter((s) => s.currency !== null && s.total !== null).map((s) => ({ amountMinor: minorTotal(s.total), currency: s.currency as string }));
  const c = coverage(target?.amount ?? null, amounts);
  return {
    target,
    objectives: c.objectives,
    gap: c.gap,
    otherCurrencies: c.otherCurrencies,
    objectiveCount: mine.reduce((n, s) => n + Number(s.n), 0),
    canSetTarget: canSetTarget(actor, person),
  };
}

function planningBase(calendar: Calendar, fiscalYear: number) {
  return {
    fiscalYear: presentFiscalYear(calendar, fiscalYear),
    fiscalYearStartMonth: calendar.startMonth,
    targetCurrency: calendar.targetCurrency,
    countedStatuses: COUNTED,
  };
}

/** One rep's planning for a fiscal year (default: yourself, this fiscal year). */
export async function repPlanning(scope: Scope, actor: Actor, query: RepPlanningQuery): Promise<RepPlanning> {
  const calendar = await loadCalendar(scope);
  const fiscalYear = query.fiscalYear ?? currentFiscalYear(calendar);
  const bounds = fiscalYearBounds(fiscalYear, calendar.startMonth);
  const userId = query.userId ?? actor.id;
  const person = await scope.selectFrom('users').select(['id', 'name', 'team_id', 'status']).where('users.id', '=', userId).executeTakeFirst();
  if (!person) throw notFound('Person');
  if (!canReadPlanning(actor, person)) throw forbidden(PLANNING_REFUSED);

  const listed = keyset(
    countedObjectives(scope, bounds)
      .innerJoin('accounts as account', 'account.id', 'account_objectives.account_id')
      .where('account_objectives.owner_id', '=', person.id)
      .select([
        'account_objectives.id',
        'account_objectives.title',
        'account_objectives.account_id',
        'account.name as account_name',
        'account_objectives.target_amount_minor',
        'account_objectives.target_currency',
        'account_objectives.status',
        'account_objectives.target_date',
      ]),
    { column: 'account_objectives.target_date', idColumn: 'account_objectives.id', descending: false, cursor: query.cursor, limit: query.limit },
  );
  const [target, sums, rows] = await Promise.all([findTarget(scope, person.id, fiscalYear), objectiveSums(scope, [person.id], bounds), listed.execute()]);
  const objectiveList = toPage(
    rows,
    query.limit,
    (r) => [r.target_date, r.id],
    (r): PlannedObjective => ({
      id: r.id,
      title: r.title,
      account: { id: r.account_id, name: r.account_name },
      amount: r.target_amount_minor !== null && r.target_currency ? { amountMinor: Number(r.target_amount_minor), currency: r.target_currency } : null,
      status: r.status,
      targetDate: r.target_date,
    }),
  );
  return { ...planningBase(calendar, fiscalYear), rep: { id: person.id, name: person.name }, ...figuresOf(actor, person, target, sums), objectiveList };
}

/** The active members of a team, its manager aside: the reps a team's planning is about. */
function teamMembers(scope: Scope, team: { id: string; manager_id: string | null }) {
  let q = scope.selectFrom('users').where('users.team_id', '=', team.id).where('users.status', '=', 'active');
  if (team.manager_id) q = q.where('users.id', '<>', team.manager_id);
  return q;
}

/** A team's planning: its reps in name order (a page at a time, never ranked) and the whole team's totals per currency. */
export async function teamPlanning(scope: Scope, actor: Actor, teamId: string, query: TeamPlanningQuery): Promise<TeamPlanning> {
  const team = await scope
    .selectFrom('teams')
    .leftJoin('users as manager', 'manager.id', 'teams.manager_id')
    .select(['teams.id', 'teams.name', 'teams.manager_id', 'manager.name as manager_name'])
    .where('teams.id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw notFound('Team');
  if (!canReadTeam(actor, team.id)) throw forbidden(TEAM_REFUSED);
  const calendar = await loadCalendar(scope);
  const fiscalYear = query.fiscalYear ?? currentFiscalYear(calendar);
  const bounds = fiscalYearBounds(fiscalYear, calendar.startMonth);

  // Name order, case-insensitive; keyset on (lower(name), id) so a deep page costs what the first does.
  const nameKey = sql<string>`lower(users.name)`;
  let page = teamMembers(scope, team).select(['users.id', 'users.name', 'users.team_id', 'users.status', nameKey.as('name_key')]);
  if (query.cursor) {
    const [key, id] = decodeCursor(query.cursor);
    page = page.where(sql<boolean>`(lower(users.name), users.id) > (${key}, ${id})`);
  }
  const memberRows = await page.orderBy(nameKey).orderBy('users.id').limit(query.limit + 1).execute();
  const shown = memberRows.slice(0, query.limit);
  const ids = shown.map((m) => m.id);

  const [targets, sums, totalTargets, totalObjectives, counts] = await Promise.all([
    ids.length ? selectTargets(scope).where('rep_targets.user_id', 'in', ids).where('rep_targets.fiscal_year', '=', fiscalYear).execute() : Promise.resolve([]),
    objectiveSums(scope, ids, bounds),
    // The whole team's totals (every page), summed per currency in SQL.
    scope
      .selectFrom('rep_targets')
      .where('rep_targets.fiscal_year', '=', fiscalYear)
      .where('rep_targets.user_id', 'in', teamMembers(scope, team).select('users.id'))
      .select((eb) => ['rep_targets.currency', sumMinor(scope.db, 'rep_targets.amount_minor').as('total'), eb.fn.countAll<number>().as('n')])
      .groupBy('rep_targets.currency')
      .execute(),
    countedObjectives(scope, bounds)
      .where('account_objectives.owner_id', 'in', teamMembers(scope, team).select('users.id'))
      .where('account_objectives.target_amount_minor', 'is not', null)
      .select((eb) => ['account_objectives.target_currency as currency', sumMinor(scope.db, 'account_objectives.target_amount_minor').as('total')])
      .groupBy('account_objectives.target_currency')
      .execute(),
    teamMembers(scope, team)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const targetOf = new Map(targets.map((t) => [t.user_id, presentTarget(t)]));
  const reps = toPage(
    memberRows,
    query.limit,
    (m) => [m.name_key, m.id],
    (m): TeamPlanningRow => ({ rep: { id: m.id, name: m.name }, ...figuresOf(actor, m, targetOf.get(m.id) ?? null, sums) }),
  );
  const repCount = Number(counts.n);
  const withTarget = totalTargets.reduce((n, t) => n + Number(t.n), 0);
  return {
    ...planningBase(calendar, fiscalYear),
    team: { id: team.id, name: team.name, manager: team.manager_id && team.manager_name ? { id: team.manager_id, name: team.manager_name } : null },
    reps,
    totals: teamTotals(
      totalTargets.map((t) => ({ amountMinor: minorTotal(t.total), currency: t.currency })),
      totalObjectives.filter((o) => o.currency !== null).map((o) => ({ amountMinor: minorTotal(o.total), currency: o.currency as string })),
    ),
    repCount,
    repsWithoutTarget: repCount - withTarget,
  };
}
