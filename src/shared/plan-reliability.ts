import { z } from 'zod';
import { Id, UserRef } from './common.js';
import { CommitmentSide, CommitmentSubjectKind } from './commitments.js';

/** Plan health, length advice and reliability ("keep your word", measured), as the API shows them. */

export const PLAN_HEALTH_STATUSES = ['on_track', 'at_risk', 'stalled'] as const;
export const PlanHealthStatus = z.enum(PLAN_HEALTH_STATUSES);

export const PlanHealth = z
  .object({ status: PlanHealthStatus, reasons: z.array(z.string()) })
  .meta({
    id: 'PlanHealth',
    description:
      'Internal health of an active plan: stalled when anything is overdue 7 days or more, or nothing happened for 14 days; at risk when anything is overdue up to 6 days, a must-do is due within 2 days, or the target date has passed; otherwise on track. Null for drafts (not judged yet) and for completed and abandoned plans.',
  });
export type PlanHealth = z.infer<typeof PlanHealth>;

export const PlanLengthAdvice = z
  .object({ level: z.enum(['ok', 'warn', 'strong_warn']), message: z.string(), commitments: z.number().int() })
  .meta({ id: 'PlanLengthAdvice', description: 'Plans of 6–20 commitments do best: warn above 20, warn strongly above 30 (dropped ones not counted).' });
export type PlanLengthAdvice = z.infer<typeof PlanLengthAdvice>;

/** The three judged buckets' shares of judged weight: they add up to 1. */
const Shares = z.object({ keptOnTime: z.number(), keptLate: z.number(), missed: z.number() });
const JudgedCounts = z.object({ keptOnTime: z.number().int(), keptLate: z.number().int(), missed: z.number().int() });
const Weights = z.object({
  counted: z.number(),
  keptOnTime: z.number(),
  keptLate: z.number(),
  missed: z.number(),
  open: z.number(),
  redatedInAdvance: z.number(),
  redatedLate: z.number(),
});

export const Reliability = z
  .object({
    total: z.number().int(),
    counted: z.number().int(),
    keptOnTime: z.number().int(),
    keptLate: z.number().int(),
    missed: z.number().int(),
    open: z.number().int(),
    dropped: z.number().int(),
    redatedInAdvance: z.number().int(),
    /** Where the re-dated-in-advance ones landed: a count inside each judged bucket. */
    redatedInAdvanceIn: JudgedCounts,
    redatedLate: z.number().int(),
    weighted: Weights,
    score: z.number().nullable(),
    shares: Shares.nullable(),
    smallSample: z.boolean(),
    /** The kinds of commitment this figure counts (what they belong to: plans, objectives, interactions, check-ins). */
    kinds: z.array(CommitmentSubjectKind),
  })
  .meta({
    id: 'Reliability',
    description:
      'Each commitment is kept on time, kept late, missed, open or dropped, judged in its owner’s time zone against the date it was held to (moved only by new dates agreed before the old one ended). Counted = kept on time + kept late + missed; must-do commitments weigh 2, others 1. shares of kept on time, kept late and missed are of weighted counted and add up to 1; score = shares.keptOnTime (null when nothing is counted). Re-dated in advance (asked before the old date ended, to today or later) and re-dated late are counts among counted commitments, never shares; open and dropped are counts apart. smallSample when the weighted count is under 5. kinds lists the kinds of commitment the figure counts: a person’s own word counts every kind; a plan’s and a customer’s count those on plans.',
  });
export type Reliability = z.infer<typeof Reliability>;

export const PersonReliability = z.object({
  side: CommitmentSide,
  owner: z.object({ kind: z.enum(['user', 'contact', 'person']), id: Id.nullable(), name: z.string() }),
  reliability: Reliability,
});
export type PersonReliability = z.infer<typeof PersonReliability>;

export const PlanReliability = z
  .object({
    planId: Id,
    sides: z.object({ seller: Reliability, customer: Reliability }),
    people: z.array(PersonReliability),
  })
  .meta({ id: 'PlanReliability' });
export type PlanReliability = z.infer<typeof PlanReliability>;

export const UserReliability = z
  .object({
    user: UserRef,
    /** Every commitment they own on the seller side, of every kind. */
    overall: Reliability,
    /** The same, one figure per kind they have commitments of. */
    byKind: z.array(z.object({ kind: CommitmentSubjectKind, reliability: Reliability })),
    plans: z.array(z.object({ planId: Id, title: z.string(), reliability: Reliability })),
  })
  .meta({ id: 'UserReliability' });
export type UserReliability = z.infer<typeof UserReliability>;

/** The customer side's word on a deal or across a customer company (a buying signal). */
export const CustomerReliability = z
  .object({
    customer: Reliability,
    people: z.array(PersonReliability),
    planIds: z.array(Id),
  })
  .meta({ id: 'CustomerReliability' });
export type CustomerReliability = z.infer<typeof CustomerReliability>;
