import { defaultFocusScope, type FocusFigures, type FocusList, type FocusQuery } from '../../../shared/focus.js';
import type { Actor } from '../../core/actor.js';
import { decodeCursor, encodeCursor, type Cursor } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { notFound } from '../../core/errors.js';
import type { FocusItem } from '../../../shared/focus.js';
import { presentOpportunity } from '../opportunities/queries.js';
import { peopleInView } from '../plans/views.js';
import { fillPage, hasFlag, judgeRows, type CustomerFigure, type Judged } from './flags.js';
import { focusRows, memberKeys, rowsById } from './queries.js';

/**
 * The Focus list: open, active deals of the people in view that carry at least one flag, soonest
 * close date first (a deal whose decision is near is the one to act on), keyset-paged on
 * (close_date, id). Each walk reads an index that starts at the first open deal (migration 0115):
 * the person's own for "mine", the workspace's for "everyone", and for a team each member's own,
 * merged — a team's deals are a small share of a large workspace, so walking the workspace's
 * range for them would read many rows per row kept, and sorting all of a team's deals would grow
 * with its history.
 */
export async function listFocus(scope: Scope, actor: Actor, query: FocusQuery, now = new Date()): Promise<FocusList> {
  const view = query.scope ?? defaultFocusScope(actor.role);
  // Read with the session (core/auth/sessions.ts): no query of its own.
  const thresholds = actor.focusThresholds;
  const flags = { now: now.toISOString() };
  const owners = view === 'mine' ? [actor.id] : view === 'team' ? await membersInView(scope, actor) : null;

  const at = (after: Cursor | undefined) => ({ afterValue: after ? String(after[0]) : null, afterId: after?.[1] ?? null });

  const walk = async (after: Cursor | undefined, size: number) => {
    const shape = { cursor: !!after, size };
    if (owners === null || owners.length === 1) {
      return focusRows.execute(scope, { ...shape, owner: owners !== null }, { ...flags, owner: owners?.[0] ?? null, ...at(after) });
    }
    // Each member's next `size` keys, merged; then the page's rows in one read.
    const keys = (await Promise.all(owners.map((owner) => memberKeys.execute(scope, shape, { ...flags, owner, ...at(after) }))))
      .flat()
      .sort((a, b) => (a.close_date < b.close_date ? -1 : a.close_date > b.close_date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, size);
    if (keys.length === 0) return [];
    const ids = Object.fromEntries(keys.map((k, i) => [`id${i}`, k.id]));
    const found = new Map((await rowsById.execute(scope, { count: keys.length }, ids)).map((r) => [r.id, r]));
    return keys.flatMap((k) => found.get(k.id) ?? []);
  };

  const judged = new Map<string, Judged>();
  const { rows, next } = await fillPage({
    limit: query.limit,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    walk,
    keep: async (batch) => {
      // Every row with a judged customer commitment gets its figure, flagged or not: the page shows its n.
      for (const [id, j] of await judgeRows(scope, batch, thresholds, now)) judged.set(id, j);
      return batch.map((r) => hasFlag(judged.get(r.id)?.flags, 'any'));
    },
    cursorOf: (r) => [r.close_date, r.id],
  });

  return {
    scope: view,
    thresholds,
    data: rows.map((r) => {
      const j = judged.get(r.id) as Judged;
      return { opportunity: presentOpportunity(r, actor), flags: j.flags, nextMoves: j.nextMoves, figures: figuresOf(j) };
    }),
    nextCursor: next ? encodeCursor(...next) : null,
  };
}

/**
 * One deal's flags, figures and next moves, as a Focus item: read from the deal's row like the list
 * (the customer's word judged again only when its stored counts have aged). A deal that is not open,
 * or archived, is not chased: no flags and no moves, the figures still shown.
 */
export async function opportunityFocus(scope: Scope, actor: Actor, id: string, now = new Date()): Promise<FocusItem> {
  const [row] = await rowsById.execute(scope, { count: 1 }, { id0: id });
  if (!row) throw notFound('Opportunity');
  const j = (await judgeRows(scope, [row], actor.focusThresholds, now)).get(row.id) as Judged;
  const chased = row.status === 'open' && row.archived_at === null;
  return { opportunity: presentOpportunity(row, actor), flags: chased ? j.flags : [], nextMoves: chased ? j.nextMoves : [], figures: figuresOf(j) };
}

/** The people of "my team" (the teams one leads or belongs to, oneself included), by id. */
async function membersInView(scope: Scope, actor: Actor): Promise<string[]> {
  const people = peopleInView(scope, actor, 'team');
  return people ? (await people.execute()).map((p) => p.id) : [actor.id];
}

function figuresOf({ facts, customer }: Judged): FocusFigures {
  return {
    noAdvanceStreak: facts.noAdvanceStreak,
    resultsCount: facts.resultsCount,
    daysOpen: facts.daysOpen,
    changeCommitment: facts.changeCommitment,
    customer: customerFigure(customer),
  };
}

const customerFigure = (r: CustomerFigure | null): FocusFigures['customer'] => ({
  judged: r?.counted ?? 0,
  keptOnTime: r?.keptOnTime ?? 0,
  keptLate: r?.keptLate ?? 0,
  missed: r?.missed ?? 0,
  open: r?.open ?? 0,
  score: r?.score ?? null,
  weightedJudged: r?.weighted.counted ?? 0,
});
