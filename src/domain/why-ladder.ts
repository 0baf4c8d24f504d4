/**
 * The why ladder: a rep answers "What will that get you?" again and again; each answer is the next
 * rung and the question is asked of it. The ladder ends
 *   - when the rep says the answer has stopped changing, or
 *   - by itself when the newest answer repeats ANY earlier rung (not only the one before it),
 * and then proposes the last distinct answer — the newest rung that repeats no earlier one, in the
 * rep's own spelling — as the why goal (the rep can still edit it).
 *
 * Answers are compared normalised (`normaliseAnswer`), so "Security for my family!" repeats
 * "security for my family". Rungs are kept: a rep can come back and continue a ladder that ended, so
 * only the newest answer decides whether it has ended by repetition; an earlier repeat stays as a
 * rung of the history.
 */
import { foldText } from './search-text.js';

// Apostrophes join a word ("don't" = "dont"); other punctuation separates words.
const APOSTROPHES = /['’‘`ʼ´]/g;

/**
 * An answer as compared between rungs: lowercase, accents and other marks removed (NFKD), apostrophes
 * dropped, every other run of punctuation or white space turned into one space, and trimmed — the
 * same folding search uses, so both agree on what "the same words" means.
 */
export function normaliseAnswer(text: string): string {
  return foldText(text.replace(APOSTROPHES, ''));
}

/** An answer with no letters or digits says nothing: it is not a rung (the service refuses it). */
export function isBlankAnswer(text: string): boolean {
  return normaliseAnswer(text) === '';
}

export type LadderRung = {
  /** As the rep typed it, without surrounding spaces. */
  answer: string;
  normalised: string;
  /** Index of the first earlier rung this one repeats; null when it is new. */
  repeatOf: number | null;
};

export type LadderState =
  | {
      status: 'climbing';
      rungs: LadderRung[];
      /** The answer the next "What will that get you?" is asked of; null before the first answer. */
      askAbout: string | null;
    }
  | {
      status: 'ended';
      endedBy: 'repeat' | 'stopped_changing';
      rungs: LadderRung[];
      /** The proposed why goal: the last distinct answer, in the rep's spelling. */
      proposedWhy: string;
      /** Index of the rung it comes from. */
      proposedFrom: number;
    };

/**
 * Where a ladder stands, given its rungs in order and whether the rep has said the answer stopped
 * changing. Blank answers are refused; a ladder with no rungs cannot end, whatever the rep says.
 */
export function ladderState(answers: readonly string[], stoppedChanging = false): LadderState {
  const firstAt = new Map<string, number>();
  const rungs: LadderRung[] = answers.map((raw, index) => {
    const normalised = normaliseAnswer(raw);
    if (normalised === '') throw new RangeError(`rung ${index + 1} has no words`);
    const earlier = firstAt.get(normalised);
    if (earlier === undefined) firstAt.set(normalised, index);
    return { answer: raw.trim(), normalised, repeatOf: earlier ?? null };
  });
  if (rungs.length === 0) return { status: 'climbing', rungs, askAbout: null };

  const newest = rungs[rungs.length - 1];
  const endedBy = newest.repeatOf !== null ? 'repeat' : stoppedChanging ? 'stopped_changing' : null;
  if (endedBy === null) return { status: 'climbing', rungs, askAbout: newest.answer };

  // The first rung is always distinct, so there is one to propose.
  const proposedFrom = rungs.findLastIndex((r) => r.repeatOf === null);
  return { status: 'ended', endedBy, rungs, proposedWhy: rungs[proposedFrom].answer, proposedFrom };
}
