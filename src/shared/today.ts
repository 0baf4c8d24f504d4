import { z } from 'zod';
import { CalendarDate, Id, TimeZone, UserRef } from './common.js';
import { Commitment, Renegotiation } from './commitments.js';
import { PlanView } from './team-view.js';

/** A rep's Today page: their own seller-side commitments across plans in progress and open objectives, and answers owed. */

export const TodayPlanRef = z.object({ id: Id, title: z.string(), opportunity: z.object({ id: Id, name: z.string() }) });

export const TodayObjectiveRef = z.object({ id: Id, title: z.string(), account: z.object({ id: Id, name: z.string() }) });

/** 0093: an interaction whose agreed actions were kept on it (its deal had no plan, or it had no deal). */
export const TodayInteractionRef = z.object({ id: Id, kind: z.string(), account: z.object({ id: Id, name: z.string() }) });

/** 0125: the check-in an action was agreed in (its day on the manager's clock, and its two people). */
export const TodayCheckInRef = z.object({ id: Id, localDate: CalendarDate, manager: UserRef, rep: UserRef });

/**
 * A commitment on a plan (plan set), a task on an account objective (objective set), an action agreed
 * in an interaction and kept on it (interaction set), or an action agreed in a check-in (checkIn set).
 */
export const TodayItem = z
  .object({
    plan: TodayPlanRef.nullable(),
    objective: TodayObjectiveRef.nullable(),
    interaction: TodayInteractionRef.nullable().optional(),
    checkIn: TodayCheckInRef.nullable().optional(),
    commitment: Commitment,
  })
  .meta({ id: 'TodayItem' });
export type TodayItem = z.infer<typeof TodayItem>;

export const TodayAnswer = z.object({ plan: TodayPlanRef, commitment: Commitment, renegotiation: Renegotiation }).meta({ id: 'TodayAnswer' });
export type TodayAnswer = z.infer<typeof TodayAnswer>;

export const Today = z
  .object({
    /** Whose commitments these are (see PlanView). */
    view: PlanView,
    /** Today in the signed-in person's time zone. */
    date: CalendarDate,
    timeZone: TimeZone,
    /** Due today, unless listed under confirmOrRedate (no commitment is listed twice). */
    dueToday: z.array(TodayItem),
    /** Oldest first. */
    overdue: z.array(TodayItem),
    /** Due tomorrow up to 7 days ahead, unless listed under confirmOrRedate. */
    next7Days: z.array(TodayItem),
    /** Due within 2 days, with no new date proposed yet: "confirm or re-date". */
    confirmOrRedate: z.array(TodayItem),
    /** New dates the customer proposed that wait for this person's answer. */
    waitingForAnswer: z.array(TodayAnswer),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof Today>;
