import { z } from 'zod';
import { CalendarDate, Currency, Id, Instant, LIST_LIMIT_MAX, Money, MoneyTotal, Text, UserRef, Version } from './common.js';
import { ObjectiveStatus, type ObjectiveStatus as Status } from './objectives.js';

/**
 * Yearly targets and account planning. Each rep has one yearly target per fiscal year; the
 * account-planning view sets it against the financial targets of the rep's objectives due in that
 * year, per currency (never added across currencies, never converted), and the gap between them.
 *
 * A fiscal year is named by the calendar year it STARTS in: with a start month of April, FY2026 runs
 * from 2026-04-01 to 2027-03-31 (src/domain/fiscal-year.ts).
 */

export const FISCAL_YEAR_MIN = 2000;
export const FISCAL_YEAR_MAX = 2100;
const fiscalYearOf = (n: z.ZodNumber) =>
  n
    .int('A fiscal year is a year such as 2026.')
    .min(FISCAL_YEAR_MIN, `Choose a year from ${FISCAL_YEAR_MIN} to ${FISCAL_YEAR_MAX}.`)
    .max(FISCAL_YEAR_MAX, `Choose a year from ${FISCAL_YEAR_MIN} to ${FISCAL_YEAR_MAX}.`)
    .meta({ description: 'A fiscal year, named by the calendar year it starts in', example: 2026 });
/** A fiscal year in a query string (text there, read as a number). */
export const FiscalYearNumber = fiscalYearOf(z.coerce.number());
/** A fiscal year in a JSON body: a number, never a string or an array that happens to read as one. */
export const FiscalYearBodyNumber = fiscalYearOf(z.number({ error: 'A fiscal year is a year such as 2026.' }));

/**
 * The statuses whose objectives count toward a year's plan: every objective but a dropped one. An
 * achieved or missed objective was part of the year's plan, and its amount stays in the sums; a
 * dropped one is no longer part of it.
 */
export const PLANNING_STATUSES = ['planned', 'active', 'achieved', 'missed'] as const satisfies readonly Status[];
export const PLANNING_STATUSES_NOTE = 'Objectives count unless dropped: planned, active, achieved and missed ones.';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** One fiscal year: its name and its first and last days. */
export const FiscalYear = z
  .object({
    fiscalYear: z.number().int(),
    /** "FY2026". */
    name: z.string(),
    start: CalendarDate,
    end: CalendarDate,
    /** Whether today, in the workspace's default time zone, falls in it. */
    isCurrent: z.boolean(),
  })
  .meta({ id: 'FiscalYear', description: 'A fiscal year, named by the calendar year it starts in, with its first and last days (both included).' });
export type FiscalYear = z.infer<typeof FiscalYear>;

export const FiscalMonth = z
  .number()
  .int('Choose a month from 1 (January) to 12 (December).')
  .min(1, 'Choose a month from 1 (January) to 12 (December).')
  .max(12, 'Choose a month from 1 (January) to 12 (December).');

/** The workspace's fiscal calendar (admins read and change it). */
export const FiscalSettings = z
  .object({
    /** 1 = January … 12 = December. */
    fiscalYearStartMonth: FiscalMonth,
    /** The currency yearly targets are set in. Targets already set keep the currency they were set in. */
    targetCurrency: Currency,
    /** The workspace's version (the same as the workspace settings'). */
    version: Version,
    currentFiscalYear: FiscalYear,
  })
  .meta({ id: 'FiscalSettings' });
export type FiscalSettings = z.infer<typeof FiscalSettings>;

export const UpdateFiscalSettingsBody = z
  .strictObject({
    fiscalYearStartMonth: FiscalMonth.optional(),
    targetCurrency: Currency.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateFiscalSettingsBody' });
export type UpdateFiscalSettingsBody = z.infer<typeof UpdateFiscalSettingsBody>;

/** A rep's yearly target for one fiscal year. */
export const YearlyTarget = z
  .object({
    id: Id,
    user: UserRef,
    fiscalYear: z.number().int(),
    amount: Money,
    /** Who set it last (a manager or an admin). */
    setBy: UserRef.nullable(),
    version: Version,
    updatedAt: Instant,
  })
  .meta({ id: 'YearlyTarget' });
export type YearlyTarget = z.infer<typeof YearlyTarget>;

/**
 * Sets a rep's target for a year, creating it when there is none. `version` is the version read:
 * 0 when there was no target yet (if someone set one meanwhile, 409 with theirs).
 */
export const SetYearlyTargetBody = z
  .strictObject({
    fiscalYear: FiscalYearBodyNumber,
    /** In the workspace's target currency. */
    amount: Money,
    version: z.number().int().min(0).optional().meta({ description: 'The version read; 0 when there was no target for this year yet.' }),
  })
  .meta({ id: 'SetYearlyTargetBody' });
export type SetYearlyTargetBody = z.infer<typeof SetYearlyTargetBody>;

/** An amount that may be negative (a gap: negative = ahead of target). */
const SignedMinor = z.number().int();

export const TargetGap = z
  .object({
    currency: Currency,
    targetMinor: SignedMinor,
    /** The objectives in the target's currency only. */
    objectivesMinor: SignedMinor,
    /** target − objectives: positive = still to find, 0 = on target, negative = ahead of target. */
    gapMinor: SignedMinor,
  })
  .meta({ id: 'TargetGap', description: 'The target against the objectives in its own currency. A negative gap means the objectives are ahead of the target.' });
export type TargetGap = z.infer<typeof TargetGap>;

/** One person's figures for a year. */
const figures = {
  target: YearlyTarget.nullable(),
  /** The financial targets of their counted objectives due in the year, summed per currency. */
  objectives: z.array(MoneyTotal),
  /** Null when there is no target. */
  gap: TargetGap.nullable(),
  /** Objective totals in currencies other than the target's (all of them without a target): never added to the gap, never converted. */
  otherCurrencies: z.array(MoneyTotal),
  /** Counted objectives due in the year, with or without an amount. */
  objectiveCount: z.number().int(),
  /** A manager of the rep's team or an admin; never the rep. */
  canSetTarget: z.boolean(),
};

export const PlannedObjective = z
  .object({
    id: Id,
    title: z.string(),
    account: z.object({ id: Id, name: z.string() }),
    /** Its financial target, or none. */
    amount: Money.nullable(),
    status: ObjectiveStatus,
    targetDate: CalendarDate,
  })
  .meta({ id: 'PlannedObjective' });
export type PlannedObjective = z.infer<typeof PlannedObjective>;

const planningBase = {
  fiscalYear: FiscalYear,
  fiscalYearStartMonth: FiscalMonth,
  /** The workspace's target currency (new targets are set in it). */
  targetCurrency: Currency,
  countedStatuses: z.array(ObjectiveStatus),
};

export const RepPlanning = z
  .object({
    ...planningBase,
    rep: UserRef,
    ...figures,
    /** The counted objectives due in the year, by target date, a page at a time. */
    objectiveList: z.object({ data: z.array(PlannedObjective), nextCursor: z.string().nullable() }),
  })
  .meta({
    id: 'RepPlanning',
    description: `A rep's yearly target, the financial targets of the objectives they own due in the fiscal year (per currency), and the gap. ${PLANNING_STATUSES_NOTE}`,
  });
export type RepPlanning = z.infer<typeof RepPlanning>;

export const TeamPlanningRow = z.object({ rep: UserRef, ...figures }).meta({ id: 'TeamPlanningRow' });
export type TeamPlanningRow = z.infer<typeof TeamPlanningRow>;

export const CurrencyTotal = z
  .object({
    currency: Currency,
    /** The team's targets set in this currency; null when none is. */
    targetMinor: SignedMinor.nullable(),
    objectivesMinor: SignedMinor,
    /** Null without a target in this currency (those objectives stand apart). */
    gapMinor: SignedMinor.nullable(),
  })
  .meta({ id: 'CurrencyTotal' });
export type CurrencyTotal = z.infer<typeof CurrencyTotal>;

export const TeamPlanning = z
  .object({
    ...planningBase,
    team: z.object({ id: Id, name: z.string(), manager: UserRef.nullable() }),
    /** The team's active members (its manager aside), in name order — never ranked — a page at a time. */
    reps: z.object({ data: z.array(TeamPlanningRow), nextCursor: z.string().nullable() }),
    /** The whole team (every page), one line per currency. */
    totals: z.array(CurrencyTotal),
    repCount: z.number().int(),
    repsWithoutTarget: z.number().int(),
  })
  .meta({
    id: 'TeamPlanning',
    description: `Each rep of a team with their target, objectives and gap for the fiscal year, in name order, and the team's totals per currency. ${PLANNING_STATUSES_NOTE}`,
  });
export type TeamPlanning = z.infer<typeof TeamPlanning>;

export const PLANNING_PAGE_DEFAULT = 50;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(PLANNING_PAGE_DEFAULT),
  cursor: Text.max(500).optional(),
};

export const RepPlanningQuery = z.strictObject({
  /** Default: the current fiscal year in the workspace's calendar. */
  fiscalYear: FiscalYearNumber.optional(),
  /** Default: yourself. A manager may name a rep of their team; an admin anyone. */
  userId: Id.optional(),
  ...pageQuery,
});
export type RepPlanningQuery = z.infer<typeof RepPlanningQuery>;

export const TeamPlanningQuery = z.strictObject({ fiscalYear: FiscalYearNumber.optional(), ...pageQuery });
export type TeamPlanningQuery = z.infer<typeof TeamPlanningQuery>;
