import { randomBytes } from 'node:crypto';
import { uuidV7At, type Rng } from '../src/domain/demo-data.js';
import { CONTINUATION_NOTES, DURATION_MINUTES, NO_ADVANCE_NOTES, sampleOutcome, type SampleResult } from '../src/domain/demo-interactions.js';
import { advanceCounters } from '../src/domain/interactions.js';
import type { TableSpec, Value } from './writers.js';

/**
 * A deal's interactions for the benchmark, with realistic results: spread over its life (calls
 * still ahead on open deals, a few past ones not recorded yet), planned outcomes that follow its
 * stage, results that follow what happened to it (a won deal ends with a commitment, a walked-away
 * one with calls that led nowhere, some open deals are chased), and the two counters the
 * opportunity keeps from them (results_count, no_advance_streak).
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

export const INTERACTIONS: TableSpec = {
  name: 'interactions',
  columns: [
    ['id', 'text'], ['workspace_id', 'text'], ['account_id', 'text'], ['opportunity_id', 'text'], ['owner_id', 'text'], ['kind', 'text'],
    ['starts_at', 'text'], ['time_zone', 'text'], ['duration_minutes', 'int4'], ['sort_at', 'text'], ['outcome_kind', 'text'], ['outcome_statement', 'text'],
    ['needs_several_calls', 'int4'], ['result', 'text'], ['result_agreed', 'text'], ['result_notes', 'text'], ['result_recorded_at', 'text'],
    ['result_recorded_by_id', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text'],
  ],
};

export type Deal = {
  id: string;
  accountId: string;
  ownerId: string;
  status: 'open' | 'won' | 'lost' | 'walked_away';
  stage: number;
  stages: number;
  createdMs: number;
  /** When it closed, or now for an open deal. */
  endMs: number;
};

const iso = (ms: number) => new Date(ms).toISOString();
const ZONES = ['Europe/London', 'Europe/Paris', 'America/New_York'] as const;

/**
 * Appends `count` interactions of `deal` to `out` and returns its counters. A fifth of open deals
 * are chased: their latest results are continuations and no-advances.
 */
export function dealInteractions(rng: Rng, workspaceId: string, deal: Deal, count: number, now: number, out: Value[][]): { resultsCount: number; noAdvanceStreak: number } {
  if (count <= 0) return { resultsCount: 0, noAdvanceStreak: 0 };
  const open = deal.status === 'open';
  // Open deals have a call or two ahead of them (within three weeks).
  const ahead = open ? Math.min(count, rng.weighted([[0, 3], [1, 5], [2, 2]] as const)) : 0;
  const past = count - ahead;
  const chased = open && rng.chance(0.2);
  const span = Math.max(DAY, deal.endMs - deal.createdMs);
  const random = randomBytes(16 * count);
  const results: { sortAt: number; result: SampleResult }[] = [];
  for (let k = 0; k < count; k++) {
    const isAhead = k >= past;
    const at = isAhead ? now + rng.int(1, 21) * DAY + rng.int(0, 480) * MINUTE : deal.createdMs + (span * (k + rng.next())) / (past + 0.5);
    // The stage the deal had then: its stages are spread over its life.
    const stage = isAhead ? deal.stage : Math.min(deal.stage, Math.floor((deal.stage + 1) * ((at - deal.createdMs) / span)));
    const { interaction, outcome } = sampleOutcome(rng, Math.round((stage * 5) / Math.max(1, deal.stages - 1)));
    const last = k === past - 1;
    let result: SampleResult | null =
      isAhead || (open && last && rng.chance(0.08)) ? null // ahead, or its outcome not recorded yet
      : deal.status === 'won' && last ? 'advanced'
      : (deal.status === 'walked_away' || chased) && k >= past - 3 ? (rng.chance(0.55) ? 'continuation' : 'no_advance')
      : rng.weighted([['advanced', 45], ['continuation', 35], ['no_advance', 20]] as const);
    if (deal.status === 'lost' && last && result === 'advanced') result = 'continuation';
    const email = interaction === 'email';
    // An email without a time sorts by when it was written: for a sent one, the moment it went out.
    const created = Math.min(email ? at : at - rng.int(1, 5) * DAY, now - rng.int(1, 600) * MINUTE);
    const createdAt = Math.max(deal.createdMs, created);
    const recorded = result === null ? null : Math.min(now - MINUTE, at + ((DURATION_MINUTES[interaction] ?? 60) + rng.int(5, 180)) * MINUTE);
    const sortAt = email ? createdAt : at;
    if (result !== null) results.push({ sortAt, result });
    const zone = email ? null : rng.pick(ZONES);
    out.push([
      uuidV7At(sortAt, random.subarray(k * 16, k * 16 + 16)), workspaceId, deal.accountId, deal.id, deal.ownerId, interaction,
      email ? null : iso(at), zone, DURATION_MINUTES[interaction], iso(sortAt), outcome.kind, outcome.statement,
      0, result, result === 'advanced' ? outcome.agreed : null,
      result === 'continuation' ? rng.pick(CONTINUATION_NOTES) : result === 'no_advance' ? rng.pick(NO_ADVANCE_NOTES) : null,
      recorded === null ? null : iso(recorded), recorded === null ? null : deal.ownerId, recorded === null ? 1 : 2, iso(createdAt), iso(recorded ?? createdAt),
    ]);
  }
  // As recording each result keeps them (the app's own rule): newest first by when they happened.
  return advanceCounters(results.sort((a, b) => b.sortAt - a.sortAt).map((r) => r.result));
}
