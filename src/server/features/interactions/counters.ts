import { advanceCounters } from '../../../domain/interactions.js';
import { lockRow } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { refreshFocusFlags } from '../focus/stored.js';

/**
 * An opportunity's `results_count` and `no_advance_streak` (migration 0093), recomputed from its
 * interactions in the transaction that changed one of their results, times or deals — so the focus
 * flags and the list filter read one row and never disagree with the interactions; the deal's
 * `flagged_from` follows them (focus/stored.ts). Derived figures:
 * no version change and no audit event of the opportunity (the interaction's event says what changed).
 *
 * Call `lockOpportunity` first in the transaction (before writing the interaction): on PostgreSQL two
 * results recorded at once on one deal then count each other, in the same order every time.
 */
export async function lockOpportunity(tx: Scope, opportunityId: string | null): Promise<void> {
  if (opportunityId) await lockRow(tx, 'opportunities', opportunityId);
}

export async function recomputeCounters(tx: Scope, opportunityIds: readonly (string | null | undefined)[]): Promise<void> {
  for (const opportunityId of new Set(opportunityIds.filter((id): id is string => !!id))) {
    const rows = await tx
      .selectFrom('interactions')
      .select('interactions.result')
      .where('interactions.opportunity_id', '=', opportunityId)
      .where('interactions.result', 'is not', null)
      .where('interactions.cancelled_at', 'is', null)
      .orderBy('interactions.sort_at', 'desc')
      .orderBy('interactions.id', 'desc')
      .execute();
    const counters = advanceCounters(rows.map((r) => r.result!));
    await tx
      .updateTable('opportunities')
      .set({ results_count: counters.resultsCount, no_advance_streak: counters.noAdvanceStreak })
      .where('opportunities.id', '=', opportunityId)
      .execute();
  }
  await refreshFocusFlags(tx, opportunityIds);
}
