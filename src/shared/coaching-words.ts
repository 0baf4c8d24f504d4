// Names and words of coaching measures and retrospective questions, without zod: the web pages read
// them and must not pull the schemas in with them. The contracts re-export these.

export const COACHING_MEASURES = ['plannedAhead', 'advances', 'sellerKept', 'customerKept', 'checkInKept', 'wins'] as const;
export type CoachingMeasureKey = (typeof COACHING_MEASURES)[number];
/** The process measures, shown first; outcomes (wins) come last. */
export const PROCESS_MEASURES = ['plannedAhead', 'advances', 'sellerKept', 'customerKept', 'checkInKept'] as const satisfies readonly CoachingMeasureKey[];

export const PROCESS_PARTS = ['plannedOutcomes', 'advancesWon', 'customerKept', 'mutualPlan', 'changeCommitment'] as const;
export type ProcessPart = (typeof PROCESS_PARTS)[number];

/** The retrospective's questions, in the method's words: each is about the process, none about the outcome. */
export const PROCESS_QUESTIONS: Record<ProcessPart, string> = {
  plannedOutcomes: 'Did each call have its outcome planned before it happened?',
  advancesWon: 'Did the calls win advances the customer agreed to?',
  customerKept: 'Did the customer keep their commitments?',
  mutualPlan: 'Was there a mutual plan agreed with the customer?',
  changeCommitment: 'Had the customer committed to change, with evidence?',
};

export const LESSON_MAX = 2000;
