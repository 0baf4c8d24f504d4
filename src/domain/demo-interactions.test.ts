import { describe, expect, it } from 'vitest';
import { seededRng } from './demo-data.js';
import { interactionCounters, sampleOutcome, SAMPLE_OUTCOMES } from './demo-interactions.js';

describe('interaction counters for sample data', () => {
  it('counts results and the latest run without an advance, skipping interactions with no result', () => {
    expect(interactionCounters([])).toEqual({ resultsCount: 0, noAdvanceStreak: 0 });
    // advanced, then continuation, no advance, (pending), continuation: three in a row without an advance.
    expect(interactionCounters(['advanced', 'continuation', 'no_advance', null, 'continuation'])).toEqual({ resultsCount: 4, noAdvanceStreak: 3 });
    // An advance ends the run.
    expect(interactionCounters(['no_advance', 'no_advance', 'advanced'])).toEqual({ resultsCount: 3, noAdvanceStreak: 0 });
    expect(interactionCounters([null, null])).toEqual({ resultsCount: 0, noAdvanceStreak: 0 });
    expect(interactionCounters(['no_advance', 'advanced', 'no_advance'])).toEqual({ resultsCount: 3, noAdvanceStreak: 1 });
  });
});

describe('sample outcomes', () => {
  it('asks early deals for introductions and information, late deals for a commitment', () => {
    const rng = seededRng(1);
    const early = new Set(Array.from({ length: 200 }, () => sampleOutcome(rng, 0).outcome.kind));
    expect(early).toEqual(new Set(['introduction', 'information']));
    const late = new Set(Array.from({ length: 200 }, () => sampleOutcome(rng, 5).outcome.kind));
    expect(late).toEqual(new Set(['commitment_to_change', 'other']));
  });

  it('writes each outcome as what the customer will agree to, and what they agreed to as a sentence', () => {
    for (const list of Object.values(SAMPLE_OUTCOMES)) {
      for (const { statement, agreed } of list) {
        expect(statement).toMatch(/^[A-Z][^.]{15,}[^.]$/);
        expect(agreed).toMatch(/^[A-Z].{15,}\.$/);
      }
    }
  });
});
