import { describe, expect, it } from 'vitest';
import { isBlankAnswer, ladderState, normaliseAnswer } from './why-ladder.js';

describe('normalising an answer', () => {
  it('ignores case, surrounding spaces and punctuation', () => {
    expect(normaliseAnswer('  Security for my family! ')).toBe('security for my family');
    expect(normaliseAnswer('SECURITY, for my family...')).toBe('security for my family');
    expect(normaliseAnswer('“Freedom” — from worry?')).toBe('freedom from worry');
  });

  it('ignores accents and compatibility forms', () => {
    expect(normaliseAnswer('Sécurité pour ma famille')).toBe('securite pour ma famille');
    expect(normaliseAnswer('Zoë’s café')).toBe(normaliseAnswer('Zoes cafe'));
    expect(normaliseAnswer('ﬁnancial freedom')).toBe('financial freedom');
  });

  it('collapses inner white space, and joins words at apostrophes instead of splitting them', () => {
    expect(normaliseAnswer('pay   off\tthe\nmortgage')).toBe('pay off the mortgage');
    expect(normaliseAnswer("don't worry")).toBe(normaliseAnswer('dont worry'));
    expect(normaliseAnswer('don’t worry')).toBe('dont worry');
    expect(normaliseAnswer('pay-off the mortgage')).toBe('pay off the mortgage');
  });

  it('finds answers with no words blank', () => {
    expect(isBlankAnswer('  ?! … ')).toBe(true);
    expect(isBlankAnswer('')).toBe(true);
    expect(isBlankAnswer('a house')).toBe(false);
  });
});

describe('the why ladder', () => {
  // The example of issue 12, point 1.
  const climb = ['hit my quota', 'a bigger commission', 'pay off the mortgage', 'security for my family'];

  it('keeps climbing while each answer is new, asking about the newest', () => {
    expect(ladderState(climb)).toMatchObject({ status: 'climbing', askAbout: 'security for my family' });
    expect(ladderState(climb.slice(0, 1))).toMatchObject({ status: 'climbing', askAbout: 'hit my quota' });
    expect(ladderState([])).toEqual({ status: 'climbing', rungs: [], askAbout: null });
  });

  it('ends when an answer repeats the one before, proposing it in the rep’s first spelling', () => {
    const state = ladderState([...climb, 'Security for my family!']);
    expect(state).toMatchObject({ status: 'ended', endedBy: 'repeat', proposedWhy: 'security for my family', proposedFrom: 3 });
    expect(state.rungs[4]).toEqual({ answer: 'Security for my family!', normalised: 'security for my family', repeatOf: 3 });
  });

  it('ends when an answer repeats ANY earlier rung, and proposes the last distinct answer', () => {
    const state = ladderState([...climb, 'Peace of mind', 'A bigger commission.']);
    expect(state).toMatchObject({ status: 'ended', endedBy: 'repeat', proposedWhy: 'Peace of mind', proposedFrom: 4 });
    expect(state.rungs.map((r) => r.repeatOf)).toEqual([null, null, null, null, null, 1]);
  });

  it('ends when the rep says the answer stopped changing, proposing the newest answer', () => {
    expect(ladderState(climb, true)).toMatchObject({ status: 'ended', endedBy: 'stopped_changing', proposedWhy: 'security for my family', proposedFrom: 3 });
    // Nothing to propose on an empty ladder: it cannot end.
    expect(ladderState([], true)).toMatchObject({ status: 'climbing', askAbout: null });
  });

  it('names a repeat as the reason even when the rep also said it stopped changing', () => {
    expect(ladderState([...climb, 'security for my family'], true)).toMatchObject({ endedBy: 'repeat', proposedWhy: 'security for my family' });
  });

  it('lets a rep continue a ladder that ended: only the newest answer can end it again', () => {
    const continued = [...climb, 'security for my family', 'Freedom to choose'];
    expect(ladderState(continued)).toMatchObject({ status: 'climbing', askAbout: 'Freedom to choose' });
    expect(ladderState([...continued, 'freedom to choose'])).toMatchObject({ status: 'ended', proposedWhy: 'Freedom to choose', proposedFrom: 5 });
  });

  it('keeps each answer as typed, without surrounding spaces', () => {
    expect(ladderState(['  Hit my quota  ']).rungs[0]).toEqual({ answer: 'Hit my quota', normalised: 'hit my quota', repeatOf: null });
  });

  it('refuses a rung with no words', () => {
    expect(() => ladderState(['hit my quota', '...'])).toThrow(RangeError);
  });

  it('climbs the issue’s example rung by rung and ends on the fifth answer, proposing "security for my family"', () => {
    const answers = [...climb, 'security for my family'];
    const states = answers.map((_, i) => ladderState(answers.slice(0, i + 1)));
    expect(states.map((s) => s.status)).toEqual(['climbing', 'climbing', 'climbing', 'climbing', 'ended']);
    expect(states[4]).toMatchObject({ endedBy: 'repeat', proposedWhy: 'security for my family', proposedFrom: 3 });
  });

  it('hears the same answer through accents, case, punctuation and spacing', () => {
    const french = ['Atteindre mon quota', 'Sécurité pour ma famille'];
    for (const again of ['securite pour ma famille', '  SÉCURITÉ, pour ma famille !', 'Sécurité — pour ma... famille?', '"securité pour  ma famille"']) {
      expect(ladderState([...french, again]), again).toMatchObject({ status: 'ended', endedBy: 'repeat', proposedWhy: 'Sécurité pour ma famille' });
    }
    // A different word is a new rung, however close it looks.
    expect(ladderState([...french, 'Sécurité pour mes familles'])).toMatchObject({ status: 'climbing' });
  });
});
