import { describe, expect, it } from 'vitest';
import { seededRng } from './demo-data.js';
import { sampleOutcome, SAMPLE_OUTCOMES } from './demo-interactions.js';

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
