import type { WhyLadder, WhyLadderList, WhyLadderListQuery, WhyLadderSummary } from '../../../shared/goals.js';
import { ladderState } from '../../../domain/why-ladder.js';
import type { Actor } from '../../core/actor.js';
import type { WhyRungTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { canEditWhy, canReadWhy, sharedWhysVisibleTo } from './access.js';

/** A ladder with who owns it and the team they are in (who "their manager" is). */
export function selectLadders(scope: Scope) {
  return scope
    .selectFrom('why_ladders')
    .innerJoin('users as owner', 'owner.id', 'why_ladders.owner_id')
    .selectAll('why_ladders')
    .select(['owner.name as owner_name', 'owner.team_id as owner_team_id']);
}

export type LadderRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectLadders>['executeTakeFirst']>>>;

/** The same 404 for a ladder that does not exist and one that is not the reader's to see. */
export const ladderNotFound = () => notFound('Why ladder');

/** The ladder if the actor may read it, else the 404 of a ladder that does not exist. */
export async function readableLadder(scope: Scope, actor: Actor, id: string): Promise<LadderRow> {
  const row = await selectLadders(scope).where('why_ladders.id', '=', id).executeTakeFirst();
  if (!row || !canReadWhy(actor, row)) throw ladderNotFound();
  return row;
}

export async function rungsOf(scope: Scope, ladderIds: readonly string[]): Promise<Map<string, WhyRungTable[]>> {
  const out = new Map<string, WhyRungTable[]>();
  if (ladderIds.length === 0) return out;
  const rows = await scope.selectFrom('why_rungs').selectAll('why_rungs').where('why_rungs.ladder_id', 'in', [...ladderIds]).orderBy('why_rungs.ladder_id').orderBy('why_rungs.position').execute();
  for (const r of rows) {
    const list = out.get(r.ladder_id);
    if (list) list.push(r);
    else out.set(r.ladder_id, [r]);
  }
  return out;
}

function summaryOf(actor: Actor, row: LadderRow, rungs: readonly WhyRungTable[]): { summary: WhyLadderSummary; repeats: (number | null)[] } {
  const state = ladderState(
    rungs.map((r) => r.answer),
    row.stopped_changing === 1,
  );
  return {
    repeats: state.rungs.map((r) => r.repeatOf),
    summary: {
      id: row.id,
      owner: { id: row.owner_id, name: row.owner_name },
      state: state.status,
      endedBy: state.status === 'ended' ? state.endedBy : null,
      askAbout: state.status === 'climbing' ? state.askAbout : null,
      proposedWhy: state.status === 'ended' ? state.proposedWhy : null,
      why: row.why,
      whySavedAt: row.why_saved_at,
      sharedWithManager: row.shared_with_manager === 1,
      rungCount: rungs.length,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      permissions: { canEdit: canEditWhy(actor, row) },
    },
  };
}

export function presentLadder(actor: Actor, row: LadderRow, rungs: readonly WhyRungTable[]): WhyLadder {
  const { summary, repeats } = summaryOf(actor, row, rungs);
  return { ...summary, rungs: rungs.map((r, i) => ({ id: r.id, position: r.position, answer: r.answer, repeatOf: repeats[i], createdAt: r.created_at })) };
}

export async function findLadder(scope: Scope, actor: Actor, id: string): Promise<WhyLadder> {
  const row = await readableLadder(scope, actor, id);
  return presentLadder(actor, row, (await rungsOf(scope, [id])).get(id) ?? []);
}

/** Whether the ladder has ended, as its rungs and the rep's word say. */
export function hasEnded(row: Pick<LadderRow, 'stopped_changing'>, rungs: readonly WhyRungTable[]): boolean {
  return ladderState(
    rungs.map((r) => r.answer),
    row.stopped_changing === 1,
  ).status === 'ended';
}

/**
 * A person's ladders, newest first: all of your own; of a rep of a team you manage, only those they
 * shared; of anyone else, none — the same empty page as a person without ladders.
 */
export async function listLadders(scope: Scope, actor: Actor, query: WhyLadderListQuery): Promise<WhyLadderList> {
  const ownerId = query.ownerId ?? actor.id;
  const owner = await scope.selectFrom('users').select(['id', 'team_id']).where('users.id', '=', ownerId).executeTakeFirst();
  const visible = owner ? sharedWhysVisibleTo(actor, owner) : 'none';
  if (visible === 'none') return { data: [], nextCursor: null };
  let q = selectLadders(scope).where('why_ladders.owner_id', '=', ownerId);
  if (visible === 'shared') q = q.where('why_ladders.shared_with_manager', '=', 1);
  const rows = await keyset(q, { column: 'why_ladders.id', idColumn: 'why_ladders.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const rungs = await rungsOf(
    scope,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => summaryOf(actor, r, rungs.get(r.id) ?? []).summary,
  );
}
