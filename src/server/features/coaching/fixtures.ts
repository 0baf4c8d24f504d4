import { newId } from '../../core/ids.js';
import { rejudgeCommitmentDeal } from '../commitments/customer-word.js';
import type { Db } from '../../core/db/connect.js';
import type { InteractionResult } from '../../core/db/schema.js';
import type { Client } from '../../test/factories.js';

/**
 * Test factories for coaching figures: history placed in chosen weeks. Records are made through the
 * API where the API can make them; what happened in the past (an interaction planned the week
 * before, a deal closed in May) then gets its dates in the database — time cannot be waited for.
 */

const DAY = 86_400_000;

/**
 * A past interaction at `at`, with its result recorded. `plannedAhead`: it was planned the day before
 * (created then); otherwise it was logged after the fact, as the API records it.
 */
export async function pastInteraction(
  client: Client,
  accountId: string,
  opts: { at: string; plannedAhead: boolean; result?: InteractionResult | null; cancelled?: boolean; opportunityId?: string },
): Promise<string> {
  const res = await client.post('/api/v1/interactions', {
    kind: 'call',
    accountId,
    ...(opts.opportunityId ? { opportunityId: opts.opportunityId } : {}),
    startsAt: opts.at,
    timeZone: 'Europe/Paris',
    alreadyHappened: true,
    outcomeKind: 'trial',
    outcomeStatement: 'They agree to a pilot at the Lyon plant',
  });
  if (res.statusCode !== 201) throw new Error(`log an interaction: ${res.statusCode} ${res.body}`);
  let version = res.data.version as number;
  if (opts.result) {
    const body = opts.result === 'advanced' ? { result: 'advanced', agreed: 'A pilot in July', version } : { result: opts.result, version };
    const recorded = await client.post(`/api/v1/interactions/${res.data.id}/result`, body);
    if (recorded.statusCode !== 200) throw new Error(`record a result: ${recorded.statusCode} ${recorded.body}`);
    version = recorded.data.version;
  }
  if (opts.cancelled) {
    const cancelled = await client.post(`/api/v1/interactions/${res.data.id}/cancel`, { version });
    if (cancelled.statusCode !== 200) throw new Error(`cancel: ${cancelled.statusCode} ${cancelled.body}`);
  }
  if (opts.plannedAhead) {
    await client.app.db
      .updateTable('interactions')
      .set({ created_at: new Date(Date.parse(opts.at) - DAY).toISOString() })
      .where('id', '=', res.data.id)
      .execute();
  }
  return res.data.id;
}

/**
 * Many interactions with a result at once, written straight to the table (a team's quarter): each
 * planned the day before, `advanced` of them advances and the rest continuations.
 */
export async function interactionsWithResults(db: Db, w: { workspaceId: string; ownerId: string; accountId: string }, at: string, counts: { advanced: number; of: number }): Promise<void> {
  const rows = Array.from({ length: counts.of }, (_, i) => {
    const created = new Date(Date.parse(at) - DAY).toISOString();
    return {
      id: newId(),
      workspace_id: w.workspaceId,
      account_id: w.accountId,
      opportunity_id: null,
      objective_id: null,
      owner_id: w.ownerId,
      kind: 'call' as const,
      starts_at: at,
      time_zone: 'Europe/Paris',
      duration_minutes: 30,
      sort_at: at,
      outcome_kind: 'trial' as const,
      outcome_statement: 'They agree to a pilot',
      needs_several_calls: 0,
      first_call_goal: null,
      planning_notes: null,
      result: (i < counts.advanced ? 'advanced' : 'continuation') as InteractionResult,
      result_agreed: i < counts.advanced ? 'A pilot' : null,
      result_notes: null,
      result_recorded_at: at,
      result_recorded_by_id: w.ownerId,
      cancelled_at: null,
      version: 2,
      created_at: created,
      updated_at: at,
    };
  });
  await db.insertInto('interactions').values(rows).execute();
}

/** Moves a commitment's dates into the past: due (and first due) on `due`, done at `doneAt` if given. */
export async function placeCommitment(db: Db, id: string, due: string, doneAt?: string): Promise<void> {
  await db
    .updateTable('commitments')
    .set({ due_date: due, original_due_date: due, ...(doneAt ? { status: 'done', done_at: doneAt } : {}) })
    .where('id', '=', id)
    .execute();
  await rejudgeCommitmentDeal(db, id);
}

/** Closes a deal through the API, then dates the closing to `at`. */
export async function closeDeal(client: Client, deal: { id: string; version: number }, status: 'won' | 'lost' | 'walked_away', at: string): Promise<void> {
  const res = await client.patch(`/api/v1/opportunities/${deal.id}`, { status, version: deal.version, ...(status === 'won' ? {} : { closeReason: 'They chose to wait a year' }) });
  if (res.statusCode !== 200) throw new Error(`close a deal: ${res.statusCode} ${res.body}`);
  await client.app.db.updateTable('opportunities').set({ closed_at: at }).where('id', '=', deal.id).execute();
}
