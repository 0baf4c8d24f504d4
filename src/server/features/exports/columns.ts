import type { CsvCell } from '../../../domain/csv.js';
import type { Account } from '../../../shared/accounts.js';
import type { CheckInSummary } from '../../../shared/check-ins.js';
import type { Contact } from '../../../shared/contacts.js';
import type { FocusItem } from '../../../shared/focus.js';
import type { GoalSummary } from '../../../shared/goals.js';
import type { InteractionSummary } from '../../../shared/interactions.js';
import { minorToDecimal } from '../../../shared/money.js';
import type { ObjectiveSummary } from '../../../shared/objectives.js';
import type { Opportunity } from '../../../shared/opportunities.js';
import type { PlanSummary } from '../../../shared/plans.js';
import type { CsvColumn } from './csv-stream.js';

/**
 * The columns of each list's CSV: what the list shows, with the ids behind each link (so a file can
 * be joined to another, or imported again), enum values as the API spells them, dates as YYYY-MM-DD,
 * instants in UTC (RFC 3339) and amounts as a plain decimal beside their currency.
 */

type Money = { amountMinor: number; currency: string } | null;
const amount = (m: Money): CsvCell => (m ? minorToDecimal(m.amountMinor, m.currency) : null);
const currency = (m: Money): CsvCell => m?.currency ?? null;
const col = <T>(header: string, value: (row: T) => CsvCell, inReview?: CsvColumn<T>['inReview']): CsvColumn<T> => ({ header, value, ...(inReview ? { inReview } : {}) });
/** Won and lost read `closed` in review mode: the deal ended, not how. */
const outcomeHidden = (status: string): CsvCell => (status === 'won' || status === 'lost' ? 'closed' : status);

export const accountColumns: CsvColumn<Account>[] = [
  col('id', (a) => a.id),
  col('name', (a) => a.name),
  col('domain', (a) => a.domain),
  col('industry', (a) => a.industry),
  col('size', (a) => a.size),
  col('ownerId', (a) => a.owner.id),
  col('owner', (a) => a.owner.name),
  col('notes', (a) => a.notes),
  col('archivedAt', (a) => a.archivedAt),
  col('createdAt', (a) => a.createdAt),
  col('updatedAt', (a) => a.updatedAt),
];

export const contactColumns: CsvColumn<Contact>[] = [
  col('id', (c) => c.id),
  col('name', (c) => c.name),
  col('accountId', (c) => c.account.id),
  col('account', (c) => c.account.name),
  col('title', (c) => c.title),
  col('email', (c) => c.email),
  col('phone', (c) => c.phone),
  col('buyingRole', (c) => c.buyingRole),
  col('archivedAt', (c) => c.archivedAt),
  col('createdAt', (c) => c.createdAt),
  col('updatedAt', (c) => c.updatedAt),
];

const flagIds = (flags: { id: string }[] | undefined) => (flags ?? []).map((f) => f.id).join('; ');
const flagReasons = (flags: { reason: string }[] | undefined) => (flags ?? []).map((f) => f.reason).join('; ');

const opportunityBase: CsvColumn<Opportunity>[] = [
  col('id', (o) => o.id),
  col('name', (o) => o.name),
  col('accountId', (o) => o.account.id),
  col('account', (o) => o.account.name),
  col('amount', (o) => amount(o.amount), 'hidden'),
  col('currency', (o) => currency(o.amount), 'hidden'),
  col('stageId', (o) => o.stage.id),
  col('stage', (o) => o.stage.name),
  col('closeDate', (o) => o.closeDate),
  col('status', (o) => o.status, (o) => outcomeHidden(o.status)),
  col('ownerId', (o) => o.owner.id),
  col('owner', (o) => o.owner.name),
  col('closeReason', (o) => o.closeReason, 'hidden'),
  col('closedAt', (o) => o.closedAt),
  col('archivedAt', (o) => o.archivedAt),
  col('createdAt', (o) => o.createdAt),
  col('updatedAt', (o) => o.updatedAt),
];

/** Filtered by a focus flag, the list shows each deal's flags: so does its file. */
export const opportunityColumns = (flagged: boolean): CsvColumn<Opportunity>[] =>
  flagged ? [...opportunityBase, col('flags', (o) => flagIds(o.flags)), col('flagReasons', (o) => flagReasons(o.flags))] : opportunityBase;

const inFocus = (c: CsvColumn<Opportunity>): CsvColumn<FocusItem> => {
  const review = c.inReview;
  return col(c.header, (item) => c.value(item.opportunity), typeof review === 'function' ? (item) => review(item.opportunity) : review);
};

export const focusColumns: CsvColumn<FocusItem>[] = [
  ...opportunityBase.map(inFocus),
  col('flags', (i) => flagIds(i.flags)),
  col('flagReasons', (i) => flagReasons(i.flags)),
  col('nextMoves', (i) => i.nextMoves.map((m) => m.label).join('; ')),
  col('noAdvanceStreak', (i) => i.figures.noAdvanceStreak),
  col('resultsCount', (i) => i.figures.resultsCount),
  col('daysOpen', (i) => i.figures.daysOpen),
  col('changeCommitment', (i) => i.figures.changeCommitment),
  col('customerCommitmentsJudged', (i) => i.figures.customer.judged),
  col('customerKeptOnTime', (i) => i.figures.customer.keptOnTime),
  col('customerMissed', (i) => i.figures.customer.missed),
];

export const planColumns: CsvColumn<PlanSummary>[] = [
  col('id', (p) => p.id),
  col('title', (p) => p.title),
  col('opportunityId', (p) => p.opportunity.id),
  col('opportunity', (p) => p.opportunity.name),
  col('accountId', (p) => p.opportunity.account.id),
  col('account', (p) => p.opportunity.account.name),
  col('ownerId', (p) => p.owner.id),
  col('owner', (p) => p.owner.name),
  col('status', (p) => p.status),
  col('health', (p) => p.health?.status ?? null),
  col('agreedOutcome', (p) => p.agreedOutcome),
  col('startDate', (p) => p.startDate),
  col('targetDate', (p) => p.targetDate),
  col('commitmentsOpen', (p) => p.counts.open),
  col('commitmentsDone', (p) => p.counts.done),
  col('commitmentsMissed', (p) => p.counts.missed),
  col('commitmentsDropped', (p) => p.counts.dropped),
  col('lastActivityAt', (p) => p.lastActivityAt),
  col('createdAt', (p) => p.createdAt),
  col('updatedAt', (p) => p.updatedAt),
];

export const interactionColumns: CsvColumn<InteractionSummary>[] = [
  col('id', (i) => i.id),
  col('kind', (i) => i.kind),
  col('state', (i) => i.state),
  col('startsAt', (i) => i.startsAt),
  col('timeZone', (i) => i.timeZone),
  col('durationMinutes', (i) => i.durationMinutes),
  col('accountId', (i) => i.account.id),
  col('account', (i) => i.account.name),
  col('opportunityId', (i) => i.opportunity?.id ?? null),
  col('opportunity', (i) => i.opportunity?.name ?? null),
  col('objectiveId', (i) => i.objective?.id ?? null),
  col('objective', (i) => i.objective?.title ?? null),
  col('ownerId', (i) => i.owner.id),
  col('owner', (i) => i.owner.name),
  col('plannedOutcomeKind', (i) => i.plannedOutcome.kind),
  col('plannedOutcome', (i) => i.plannedOutcome.statement),
  col('attendees', (i) => i.attendees.map((a) => a.name).join('; ')),
  col('result', (i) => i.result?.result ?? null),
  col('agreed', (i) => i.result?.agreed ?? null),
  col('resultNotes', (i) => i.result?.notes ?? null),
  col('cancelledAt', (i) => i.cancelledAt),
  col('createdAt', (i) => i.createdAt),
  col('updatedAt', (i) => i.updatedAt),
];

export const objectiveColumns: CsvColumn<ObjectiveSummary>[] = [
  col('id', (o) => o.id),
  col('title', (o) => o.title),
  col('accountId', (o) => o.account.id),
  col('account', (o) => o.account.name),
  col('kind', (o) => o.kind),
  col('clientGoal', (o) => o.clientGoal),
  col('targetAmount', (o) => amount(o.target), 'hidden'),
  col('targetCurrency', (o) => currency(o.target), 'hidden'),
  col('targetDate', (o) => o.targetDate),
  col('status', (o) => o.status),
  col('ownerId', (o) => o.owner.id),
  col('owner', (o) => o.owner.name),
  col('contributors', (o) => o.contributors.map((c) => c.name).join('; ')),
  col('opportunityIds', (o) => o.opportunities.map((x) => x.id).join('; ')),
  col('openTasks', (o) => o.openTasks),
  col('createdAt', (o) => o.createdAt),
  col('updatedAt', (o) => o.updatedAt),
];

const progressOf = (g: GoalSummary): CsvCell => g.measurement.progress?.words ?? null;

/**
 * A goal's why is never written to a file: whys are private (features/goals/access.ts). In review
 * mode an outcome goal's progress is left empty, as the page hides it (web GoalProgress.tsx).
 */
export const goalColumns: CsvColumn<GoalSummary>[] = [
  col('id', (g) => g.id),
  col('title', (g) => g.title),
  col('kind', (g) => g.kind),
  col('ownerId', (g) => g.owner.id),
  col('owner', (g) => g.owner.name),
  col('setById', (g) => g.setBy.id),
  col('setBy', (g) => g.setBy.name),
  col('periodStart', (g) => g.periodStart),
  col('periodEnd', (g) => g.periodEnd),
  col('measure', (g) => g.measure),
  col('targetValue', (g) => g.targetValue),
  col('targetAmount', (g) => amount(g.targetAmount), 'hidden'),
  col('targetCurrency', (g) => currency(g.targetAmount), 'hidden'),
  col('stretch', (g) => g.stretch),
  col('status', (g) => g.status),
  col('progress', progressOf, (g) => (g.kind === 'outcome' ? null : progressOf(g))),
  col('nextStep', (g) => g.currentStep?.text ?? null),
  col('stepsDone', (g) => g.stepsDone),
  col('closedAt', (g) => g.closedAt),
  col('createdAt', (g) => g.createdAt),
  col('updatedAt', (g) => g.updatedAt),
];

export const checkInColumns: CsvColumn<CheckInSummary>[] = [
  col('id', (c) => c.id),
  col('seriesId', (c) => c.seriesId),
  col('managerId', (c) => c.manager.id),
  col('manager', (c) => c.manager.name),
  col('repId', (c) => c.rep.id),
  col('rep', (c) => c.rep.name),
  col('scheduledAt', (c) => c.scheduledAt),
  col('localDate', (c) => c.localDate),
  col('localTime', (c) => c.localTime),
  col('timeZone', (c) => c.timeZone),
  col('status', (c) => c.status),
  col('answersSubmitted', (c) => c.answersSubmitted),
  col('actionsTotal', (c) => c.actions.total),
  col('actionsDone', (c) => c.actions.done),
  col('actionsOpen', (c) => c.actions.open),
];
