import { describe, expect, it } from 'vitest';
import { PART_WORDS, RETRO_CHANGED_ELSEWHERE } from './words';

describe('what each part of the process score counted', () => {
  it('says advances and results in the singular for one, in the plural for none or two', () => {
    const advances = PART_WORDS.advancesWon.counted;
    expect(advances(0, 0)).toBe('no result recorded');
    expect(advances(0, 1)).toBe('0 advances of 1 result');
    expect(advances(1, 1)).toBe('1 advance of 1 result');
    expect(advances(1, 2)).toBe('1 advance of 2 results');
    expect(advances(2, 2)).toBe('2 advances of 2 results');
  });

  it('counts interactions and customer commitments the same way', () => {
    expect(PART_WORDS.plannedOutcomes.counted(0, 0)).toBe('no interaction held');
    expect(PART_WORDS.plannedOutcomes.counted(1, 1)).toBe('1 of 1 interaction planned before it happened');
    expect(PART_WORDS.plannedOutcomes.counted(1, 2)).toBe('1 of 2 interactions planned before they happened');
    expect(PART_WORDS.customerKept.counted(0, 0)).toBe('no customer commitment due');
    expect(PART_WORDS.customerKept.counted(1, 1)).toBe('1 of 1 customer commitment kept on time');
    expect(PART_WORDS.customerKept.counted(2, 2)).toBe('2 of 2 customer commitments kept on time');
  });
});

describe('answers saved elsewhere meanwhile', () => {
  it('says what was chosen here is kept and saving again keeps it, never to reload', () => {
    expect(RETRO_CHANGED_ELSEWHERE).toMatch(/still holds what you chose/);
    expect(RETRO_CHANGED_ELSEWHERE).toMatch(/save again to keep it/);
    expect(RETRO_CHANGED_ELSEWHERE).not.toMatch(/reload/i);
  });
});
