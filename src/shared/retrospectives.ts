import { z } from 'zod';
import { Id, Instant, optionalText, UserRef, Version } from './common.js';
import { CoachingPeriod } from './coaching.js';
import { RateJudgement } from './interactions.js';
import { OpportunityStatus } from './opportunities.js';

/**
 * Retrospectives on closed deals (won, lost, walked away): the deal's owner and, separately, their
 * manager answer process questions BEFORE the app shows the outcome-blind process score it derives
 * from the data; the deal is then placed in a 2×2 of process (sound / weak) and outcome (won / not
 * won). A person's answers are kept from the other side until both are in. The score, its parts and
 * the 2×2 are in src/domain/retrospective.ts.
 */

import { LESSON_MAX, PROCESS_PARTS } from './coaching-words.js';
export { LESSON_MAX, PROCESS_PARTS, PROCESS_QUESTIONS, type ProcessPart } from './coaching-words.js';

export const RetroAnswer = z.enum(['yes', 'partly', 'no']);
export const ProcessJudgement = z.enum(['sound', 'weak']);
export const Perspective = z.enum(['rep', 'manager']);
export type Perspective = z.infer<typeof Perspective>;
export const Quadrant = z.enum(['earned_win', 'lucky_win', 'unlucky_loss', 'earned_loss']);
export type Quadrant = z.infer<typeof Quadrant>;

const Answers = z.strictObject({
  plannedOutcomes: RetroAnswer,
  advancesWon: RetroAnswer,
  customerKept: RetroAnswer,
  mutualPlan: RetroAnswer,
  changeCommitment: RetroAnswer,
});

export const SubmitRetrospectiveBody = z
  .strictObject({
    answers: Answers,
    /** Looking at the process alone: was it sound? */
    processJudgement: ProcessJudgement,
    /** What was learned. */
    lesson: optionalText(LESSON_MAX),
    /** The version of your answers you read: 0 when you had not answered yet. */
    version: z.number().int().min(0).meta({ description: 'The version of your answers you read; 0 when you had not answered yet.' }),
  })
  .meta({ id: 'SubmitRetrospectiveBody' });
export type SubmitRetrospectiveBody = z.infer<typeof SubmitRetrospectiveBody>;

export const RetroAnswerSet = z
  .object({
    perspective: Perspective,
    respondent: UserRef,
    answers: Answers,
    processJudgement: ProcessJudgement,
    lesson: z.string().nullable(),
    version: Version,
    updatedAt: Instant,
  })
  .meta({ id: 'RetroAnswerSet' });
export type RetroAnswerSet = z.infer<typeof RetroAnswerSet>;

export const DealProcess = z
  .object({
    /** The mean of the parts that could be measured, 0 to 1. */
    score: z.number(),
    verdict: ProcessJudgement,
    /** A score from this value on is a sound process. */
    soundFrom: z.number(),
    components: z.array(z.object({ part: z.enum(PROCESS_PARTS), score: z.number().nullable(), successes: z.number().int(), n: z.number().int() })),
  })
  .meta({ id: 'DealProcess', description: 'The outcome-blind process score the data shows: planned outcomes and advances of the deal’s interactions, the customer’s commitments kept on its plan, a mutual plan, an evidenced commitment to change.' });
export type DealProcess = z.infer<typeof DealProcess>;

export const Retrospective = z
  .object({
    opportunity: z.object({ id: Id, name: z.string(), owner: UserRef, status: OpportunityStatus, closedAt: Instant.nullable() }),
    /** Only closed deals (won, lost, walked away) have a retrospective. */
    closed: z.boolean(),
    /** Which answers are yours to give: the deal's owner gives the rep's, their manager the manager's; null for a reader who answers neither. */
    yourPerspective: Perspective.nullable(),
    yours: RetroAnswerSet.nullable(),
    /** Each side's answers: whether they are in, and what they are once you may see them (both in, or you answer neither). */
    sides: z.array(z.object({ perspective: Perspective, submitted: z.boolean(), answers: RetroAnswerSet.nullable() })),
    /** The process score: shown once you have given your answers (at once for a reader who answers neither). */
    process: DealProcess.nullable(),
    /** The deal in the 2×2: by the data's score, and by each side's own judgement once visible. */
    placement: z.object({ byData: Quadrant, byRep: Quadrant.nullable(), byManager: Quadrant.nullable() }).nullable(),
  })
  .meta({ id: 'Retrospective' });
export type Retrospective = z.infer<typeof Retrospective>;

export const TeamRetrospectiveRow = z.object({
  opportunity: z.object({ id: Id, name: z.string(), status: OpportunityStatus, closedAt: Instant }),
  rep: UserRef,
  repAnswered: z.boolean(),
  managerAnswered: z.boolean(),
  /** By the data's score — once you have answered this deal's retrospective (or answer neither side). */
  placement: Quadrant.nullable(),
});
export type TeamRetrospectiveRow = z.infer<typeof TeamRetrospectiveRow>;

const WinCounts = z.object({ won: z.number().int(), n: z.number().int(), judgement: RateJudgement });

export const ProcessWins = z
  .object({
    sound: WinCounts,
    weak: WinCounts,
    test: z.object({ name: z.string(), alpha: z.number(), verdict: z.enum(['different', 'no_detectable_difference', 'too_few_to_tell']), z: z.number().nullable(), pValue: z.number().nullable() }),
    /** The verdict in plain words. */
    summary: z.string(),
  })
  .meta({ id: 'ProcessWins', description: 'Does the process predict wins? Win rate (won ÷ won or lost) of the deals closed in the period with a sound process score against those with a weak one.' });
export type ProcessWins = z.infer<typeof ProcessWins>;

export const TeamRetrospectives = z
  .object({
    team: z.object({ id: Id, name: z.string() }),
    period: CoachingPeriod,
    /** The team's reps' deals closed in the period, by rep name then closing time. */
    deals: z.array(TeamRetrospectiveRow),
    processWins: ProcessWins,
  })
  .meta({ id: 'TeamRetrospectives' });
export type TeamRetrospectives = z.infer<typeof TeamRetrospectives>;

