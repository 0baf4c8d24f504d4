import type { Reliability } from '../../../shared/plan-reliability.js';
import { defaultFocusScope, type FocusFigures, type FocusList, type FocusQuery } from '../../../shared/focus.js';
import type { Actor } from '../../core/actor.js';
import { decodeCursor, encodeCursor, keysetAfter, type Cursor } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { presentOpportunity, selectOpportunities } from '../opportunities/queries.js';
import { peopleInView } from '../plans/views.js';
import { fillPage, flagParams, flagPredicate, flagSelections, hasFlag, judgeRows, type Judged } from './flags.js';
import { focusThresholds } from './thresholds.js';

/**
 * The Focus list: open, active deals of the people in view that carry at least one flag, soonest
 * close date first (a deal whose decision is near is the one to act on), keyset-paged on
 * (close_date, id) — the (owner, close date) index for a person's own deals, the workspace's
 * close-date index otherwise.
 */
export async function listFocus(scope: Scope, actor: Actor, query: FocusQuery, now = new Date()): Promise<FocusList> {
  const view = query.scope ?? defaultFocusScope(actor.role);
  const thresholds = await focusThresholds(scope);
  const fp = flagParams(scope.workspaceId, thresholds, now);
  const people = view === 'mine' ? null : peopleInView(scope, actor, view);

  const walk = (after: Cursor | undefined, size: number) => {
    let q = selectOpportunities(scope).select(flagSelections(fp)).where('opportunities.archived_at', 'is', null).where(flagPredicate('any', fp));
    if (view === 'mine') q = q.where('opportunities.owner_id', '=', actor.id);
    else if (people) q = q.where('opportunities.owner_id', 'in', people);
    return keysetAfter(q, { column: 'opportunities.close_date', idColumn: 'opportunities.id', descending: false, after, limit: size - 1 }).execute();
  };

  const judged = new Map<string, Judged>();
  const { rows, next } = await fillPage({
    limit: query.limit,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    walk,
    keep: async (batch) => {
      // Every row with a judged customer commitment gets its figure, flagged or not: the page shows its n.
      for (const [id, j] of await judgeRows(scope, batch, thresholds, now, 'figures')) judged.set(id, j);
      return batch.map((r) => hasFlag(judged.get(r.id), 'any'));
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

function figuresOf({ facts, customer }: Judged): FocusFigures {
  return {
    noAdvanceStreak: facts.noAdvanceStreak,
    resultsCount: facts.resultsCount,
    daysOpen: facts.daysOpen,
    changeCommitment: facts.changeCommitment,
    customer: customerFigure(customer),
  };
}

const customerFigure = (r: Reliability | null): FocusFigures['customer'] => ({
  judged: r?.counted ?? 0,
  keptOnTime: r?.keptOnTime ?? 0,
  keptLate: r?.keptLate ?? 0,
  missed: r?.missed ?? 0,
  open: r?.open ?? 0,
  score: r?.score ?? null,
  weightedJudged: r?.weighted.counted ?? 0,
});
