import type { AuditEvent } from '../../../shared/audit';
import { BUYING_ROLE_LABELS, type BuyingRole } from '../../../shared/contacts';
import { OBJECTIVE_KIND_LABELS, OBJECTIVE_STATUS_LABELS, type ObjectiveKind, type ObjectiveStatus } from '../../../shared/objectives';
import { OPPORTUNITY_STATUS_LABELS, type OpportunityStatus } from '../../../shared/opportunities';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../shared/plans';
import { CHANGE_COMMITMENT_LABELS, CRITERION_ANSWER_LABELS, type ChangeCommitment, type CriterionAnswer } from '../../../shared/qualification';
import { ADVANCE_KIND_LABELS, type AdvanceKind } from '../../../shared/interactions';
import { GOAL_KIND_LABELS, type GoalKind } from '../../../shared/goals';
import { MEASURE_INFO, type Measure } from '../../../domain/goal-measures';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { HIDDEN_AMOUNT, isReviewMode } from '../../app/reviewMode';
import { opportunityStatusLabel } from '../opportunities/statusWords';

/**
 * The words of a record's history: one pure function from an audit event to a headline (read after
 * the actor's name: "Ana ticked “Send pricing” done") and, when one event changed several things, a
 * line for each. Every event a record and its parts produce has its own words; a field that matters
 * (title, dates, owner, status) shows its value before → after.
 */

/** An event of a record, or of one of its parts: `about` names the part (a commitment's title, a share link's recipient). */
export type HistoryEvent = AuditEvent & { about?: string | null };

export type Lookups = {
  userName: (id: string) => string | undefined;
  stageName: (id: string) => string | undefined;
  accountName: (id: string) => string | undefined;
  /** A customer contact (a commitment's owner), when the page knows the account's contacts. */
  contactName?: (id: string) => string | undefined;
  /** A plan's milestone, when the page knows them (archived ones are named by their own events). */
  milestoneName?: (id: string) => string | undefined;
  /** The record's currency, for amount changes that did not change the currency too. */
  currency?: string;
  /** A goal's step, by id (its events carry the step's words only when they are written or changed). */
  stepText?: (id: string) => string | undefined;
};

export type Described = { headline: string; details: string[] };

type Changes = AuditEvent['changes'];

const LABELS: Record<string, string> = {
  ownerId: 'owner',
  buyingRole: 'buying role',
  accountId: 'account',
  stageId: 'stage',
  amountMinor: 'amount',
  closeDate: 'close date',
  closeReason: 'reason',
  targetDate: 'target date',
  startDate: 'start date',
  dueDate: 'due date',
  customerTimeZone: 'customer’s time zone',
  targetAmountMinor: 'financial target',
  kind: 'kind',
  opportunityIds: 'linked deals',
  changeCommitment: 'commitment to change',
  changeSaidBy: 'who said it',
  changeSaidOn: 'the day it was said',
  costPerMonthMinor: 'cost of inaction per month',
  compellingEvent: 'compelling event',
  compellingEventDate: 'compelling event date',
  // An interaction's planning.
  startsAt: 'time',
  timeZone: 'time zone',
  durationMinutes: 'duration (minutes)',
  opportunityId: 'deal',
  objectiveId: 'objective',
  outcomeKind: 'kind of advance',
  needsSeveralCalls: 'needs several calls',
  // A goal's terms.
  periodStart: 'first day',
  periodEnd: 'last day',
  measure: 'measure',
  targetValue: 'target',
  measureAmountMinor: 'amount from which a deal counts',
  stretch: 'stretch',
};

/** A deal's answer to a sweet-spot criterion is audited as `criterion:<its wording then>`. */
const CRITERION_KEY = 'criterion:';

/** Long texts: their change is said, not quoted. */
const PROSE: Record<string, string> = {
  notes: 'notes',
  agreedOutcome: 'agreed outcome',
  whyItMatters: 'why it matters',
  costOfInaction: 'cost of inaction',
  clientGoal: 'client goal',
  detail: 'details',
  changeEvidence: 'evidence of the commitment to change',
  outcomeStatement: 'planned outcome',
  firstCallGoal: 'goal of the first call',
  planningNotes: 'planning notes',
  attendeeContactIds: 'customer attendees',
  attendeeUserIds: 'colleagues attending',
};

// Fields whose change the action already says (archivedAt on archive), that go with another field
// (currency with an amount) or that are bookkeeping.
// Who said a commitment to change is shown once, by name (changeSaidBy), not as its id and typed name.
const SILENT = new Set(['setById', 'measureCurrency', 'archivedAt', 'closedAt', 'workspaceId', 'doneAt', 'searchText', 'lastActivityAt', 'originalDueDate', 'targetCurrency', 'updatedAt', 'changeSaidByContactId', 'changeSaidByName', 'sortAt', 'resultRecordedAt', 'resultRecordedById']);

const q = (s: string) => `“${s}”`;
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const clip = (s: string, max = 140) => (s.length > max ? `${s.slice(0, max).trimEnd()}…` : s);
const label = (key: string) => LABELS[key] ?? (key.startsWith(CRITERION_KEY) ? `sweet-spot ${q(key.slice(CRITERION_KEY.length))}` : key.replace(/([A-Z])/g, ' $1').toLowerCase());

function statusLabel(entityType: string, value: string): string {
  switch (entityType) {
    case 'plan':
      return PLAN_STATUS_LABELS[value as PlanStatus] ?? value;
    case 'goal':
      return GOAL_STATUS_WORDS[value] ?? value;
    case 'objective':
      return OBJECTIVE_STATUS_LABELS[value as ObjectiveStatus] ?? value;
    case 'opportunity':
      return OPPORTUNITY_STATUS_LABELS[value as OpportunityStatus] ? opportunityStatusLabel(value as OpportunityStatus) : value;
    default:
      return value.charAt(0).toUpperCase() + value.slice(1);
  }
}

function show(entityType: string, key: string, value: unknown, currency: unknown, lookups: Lookups): string {
  if (value === null || value === undefined || value === '') return '';
  const s = String(value);
  switch (key) {
    case 'ownerId':
    case 'ownerUserId':
      return lookups.userName(s) ?? 'someone else';
    case 'stageId':
      return lookups.stageName(s) ?? 'another stage';
    case 'accountId':
      return lookups.accountName(s) ?? 'another account';
    case 'amountMinor':
    case 'targetAmountMinor':
    case 'measureAmountMinor':
    case 'costPerMonthMinor':
      if (isReviewMode()) return HIDDEN_AMOUNT;
      return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && typeof value === 'number' ? formatMoney({ amountMinor: value, currency }) : s;
    case 'closeReason':
      // Why a deal was lost or walked away from tells its outcome.
      return isReviewMode() ? 'hidden in review mode' : clip(s);
    case 'closeDate':
    case 'periodStart':
    case 'periodEnd':
    case 'targetDate':
    case 'startDate':
    case 'dueDate':
    case 'changeSaidOn':
    case 'compellingEventDate':
      return formatDate(s);
    case 'changeCommitment':
      return CHANGE_COMMITMENT_LABELS[s as ChangeCommitment] ?? s;
    case 'status':
      return statusLabel(entityType, s);
    case 'buyingRole':
      return BUYING_ROLE_LABELS[s as BuyingRole] ?? s;
    case 'kind':
      if (entityType === 'goal') return GOAL_KIND_LABELS[s as GoalKind] ?? s;
      return entityType === 'objective' ? (OBJECTIVE_KIND_LABELS[s as ObjectiveKind] ?? s) : s;
    case 'measure':
      return MEASURE_INFO[s as Measure]?.label ?? s;
    case 'stretch':
      return s === '1' || s === 'true' ? 'yes' : 'no';
    case 'startsAt':
      return formatDateTime(s);
    case 'outcomeKind':
      return ADVANCE_KIND_LABELS[s as AdvanceKind] ?? s;
    case 'needsSeveralCalls':
      return s === '1' || s === 'true' ? 'yes' : 'no';
    case 'opportunityIds':
      return s.split(',').filter(Boolean).length === 1 ? '1 deal' : `${s.split(',').filter(Boolean).length} deals`;
    default:
      return key.startsWith(CRITERION_KEY) ? (CRITERION_ANSWER_LABELS[s as CriterionAnswer] ?? s) : s;
  }
}

/** "changed stage: “Qualify” → “Propose”", "set close date to “…”", "cleared industry (was “…”)". */
function fieldLine(what: string, from: string, to: string): string {
  if (!from && to) return `set ${what} to ${q(to)}`;
  if (from && !to) return `cleared ${what} (was ${q(from)})`;
  return `changed ${what}: ${q(from)} → ${q(to)}`;
}

/** One readable clause per changed field of a record. */
export function changeLines(event: HistoryEvent, lookups: Lookups): string[] {
  const lines: string[] = [];
  const changes = event.changes;
  for (const [key, { before, after }] of Object.entries(changes)) {
    if (SILENT.has(key)) continue;
    // An amount change with its currency reads as one change of amount.
    if (key === 'currency' && changes.amountMinor) continue;
    if (PROSE[key]) {
      lines.push(after ? `edited the ${PROSE[key]}` : `cleared the ${PROSE[key]}`);
      continue;
    }
    const currencyKey = key === 'targetAmountMinor' ? 'targetCurrency' : key === 'measureAmountMinor' ? 'measureCurrency' : 'currency';
    const from = show(event.entityType, key, before, changes[currencyKey]?.before ?? lookups.currency, lookups);
    const to = show(event.entityType, key, after, changes[currencyKey]?.after ?? lookups.currency, lookups);
    lines.push(fieldLine(label(key), from, to));
  }
  return lines;
}

/** A headline from its lines: the one change itself, or how many. */
function summed(lines: string[], none: string, several: string): Described {
  if (lines.length === 0) return { headline: none, details: [] };
  if (lines.length === 1) return { headline: lines[0], details: [] };
  return { headline: several, details: lines };
}

/** The record itself: an account, contact, opportunity, plan or objective. */
function recordEvent(event: HistoryEvent, noun: string, lookups: Lookups): Described {
  const c = event.changes;
  switch (event.action) {
    case 'create':
      return { headline: `created this ${noun}`, details: [] };
    case 'archive':
      return { headline: `archived this ${noun}`, details: [] };
    case 'restore':
      return { headline: `restored this ${noun}`, details: [] };
    case 'invite':
      return { headline: `invited ${lookups.userName(text(c.contributorId?.after)) ?? 'someone'} to contribute`, details: [] };
    case 'remove':
      return { headline: `removed ${lookups.userName(text(c.contributorId?.before)) ?? 'someone'} from the contributors`, details: [] };
    case 'transfer': {
      const lines = changeLines(event, lookups);
      return lines.length === 1 ? { headline: `${lines[0]} (handed over when a person left)`, details: [] } : { headline: `handed this ${noun} over when a person left`, details: lines };
    }
    // An interaction's result (recorded, or corrected when there was one) and its cancelling.
    case 'record': {
      const words: Record<string, string> = { advanced: 'advanced', continuation: 'a continuation', no_advance: 'no advance' };
      const said = (v: unknown) => words[text(v)] ?? text(v);
      const added = Number(c.agreedActionsAdded?.after ?? 0);
      const details = added ? [`${added === 1 ? '1 agreed action' : `${added} agreed actions`} added`] : [];
      if (!c.result) return { headline: 'changed the notes of the result', details };
      return { headline: c.result.before ? `corrected the result to ${said(c.result.after)} (was ${said(c.result.before)})` : `recorded the result: ${said(c.result.after)}`, details };
    }
    case 'cancel':
      return { headline: `cancelled this ${noun}`, details: [] };
    default: {
      const lines = changeLines(event, lookups);
      // A goal, too: done or set aside (never "failed"), and reopened.
      if (event.entityType === 'goal' && c.status) {
        const to = text(c.status.after);
        const rest = lines.filter((l) => !l.startsWith('changed status'));
        const said = to === 'done' ? 'closed this goal as done' : to === 'dropped' ? 'set this goal aside' : 'reopened this goal';
        return rest.length ? { headline: said, details: rest } : { headline: said, details: [] };
      }
      // A plan closes and reopens through its status: said as such.
      if (event.entityType === 'plan' && c.status && Object.keys(c).length === 1) {
        const from = text(c.status.before);
        const to = text(c.status.after);
        if (to === 'completed' || to === 'abandoned') return { headline: `closed this plan as ${statusLabel('plan', to).toLowerCase()} (${q(statusLabel('plan', from))} → ${q(statusLabel('plan', to))})`, details: [] };
        if (from === 'completed' || from === 'abandoned') return { headline: `reopened this plan (${q(statusLabel('plan', from))} → ${q(statusLabel('plan', to))})`, details: [] };
      }
      return summed(lines, `updated this ${noun}`, `made ${lines.length} changes`);
    }
  }
}

function milestoneEvent(event: HistoryEvent, lookups: Lookups): Described {
  const c = event.changes;
  const name = q(text(c.title?.after) || event.about || 'a milestone');
  switch (event.action) {
    case 'create':
      return { headline: `added milestone ${name}${c.dueDate?.after ? `, due ${formatDate(text(c.dueDate.after))}` : ''}`, details: [] };
    case 'archive':
      return { headline: `removed milestone ${name}`, details: [] };
    case 'restore':
      return { headline: `brought back milestone ${name}`, details: [] };
  }
  const lines: string[] = [];
  if (c.title) lines.push(`renamed milestone ${q(text(c.title.before))} → ${q(text(c.title.after))}`);
  if (c.dueDate) lines.push(fieldLine(`the due date of milestone ${name}`, show('milestone', 'dueDate', c.dueDate.before, null, lookups), show('milestone', 'dueDate', c.dueDate.after, null, lookups)));
  if (lines.length === 0 && c.position) return { headline: `moved milestone ${name} on the plan`, details: [] };
  return summed(lines, `changed milestone ${name}`, `changed milestone ${name}`);
}

function ownerOf(c: Changes, when: 'before' | 'after', lookups: Lookups): string {
  const user = text(c.ownerUserId?.[when]);
  const contact = text(c.ownerContactId?.[when]);
  const name = text(c.ownerName?.[when]);
  if (user) return lookups.userName(user) ?? 'someone else';
  if (contact) return lookups.contactName?.(contact) ?? 'a contact';
  return name;
}

const OWNER_KEYS = ['ownerUserId', 'ownerContactId', 'ownerName', 'ownerEmail'];

/** A commitment — on a plan, or a task on an objective (`noun`). */
function commitmentEvent(event: HistoryEvent, noun: string, lookups: Lookups): Described {
  const c = event.changes;
  const title = text(c.title?.after) || event.about || `a ${noun}`;
  const name = q(title);
  if (event.action === 'create') {
    const side = c.side?.after === 'customer' ? ' (customer side)' : '';
    const due = c.dueDate?.after ? `, due ${formatDate(text(c.dueDate.after))}` : '';
    const owner = ownerOf(c, 'after', lookups);
    const already = c.status?.after === 'done' ? ', already done' : '';
    return { headline: `added ${noun} ${name}${side}${owner ? ` for ${owner}` : ''}${due}${already}`, details: [] };
  }
  if (event.action === 'transfer') {
    return { headline: `handed ${name} over from ${ownerOf(c, 'before', lookups) || 'someone'} → ${ownerOf(c, 'after', lookups) || 'someone'} (when a person left)`, details: [] };
  }
  const lines: string[] = [];
  if (c.status) {
    const from = text(c.status.before);
    const to = text(c.status.after);
    const reason = text(c.dropReason?.after);
    if (to === 'done') lines.push(`ticked ${name} done`);
    else if (to === 'dropped') lines.push(`dropped ${name}${reason ? `: ${q(reason)}` : ''}`);
    else if (from === 'dropped') lines.push(`brought back ${name}`);
    else lines.push(`reopened ${name}`);
  } else if (c.dropReason) {
    lines.push(`changed why ${name} was dropped: ${q(text(c.dropReason.after))}`);
  }
  if (c.title) lines.push(`renamed ${noun} ${q(text(c.title.before))} → ${q(text(c.title.after))}`);
  if (c.dueDate) lines.push(`moved the due date of ${name}: ${q(formatDate(text(c.dueDate.before)))} → ${q(formatDate(text(c.dueDate.after)))}`);
  if (OWNER_KEYS.some((k) => c[k])) {
    const from = ownerOf(c, 'before', lookups);
    const to = ownerOf(c, 'after', lookups);
    if (from !== to) lines.push(fieldLine(`the owner of ${name}`, from, to));
    else if (c.ownerEmail) lines.push(`changed the email of ${name}’s owner`);
  }
  if (c.side) lines.push(`moved ${name} to the ${text(c.side.after)} side`);
  if (c.role) lines.push(fieldLine(`the role on ${name}`, text(c.role.before), text(c.role.after)));
  if (c.detail) lines.push(c.detail.after ? `edited the details of ${name}` : `cleared the details of ${name}`);
  if (c.mustDo) lines.push(c.mustDo.after ? `made ${name} a must-do` : `made ${name} no longer a must-do`);
  if (c.internalOnly) lines.push(c.internalOnly.after ? `made ${name} internal (hidden from the customer)` : `shared ${name} with the customer`);
  if (c.milestoneId) {
    const to = text(c.milestoneId.after);
    const from = text(c.milestoneId.before);
    const milestone = (id: string) => (id ? lookups.milestoneName?.(id) : undefined);
    if (to) lines.push(`moved ${name} to milestone ${q(milestone(to) ?? 'another milestone')}`);
    else lines.push(milestone(from) ? `moved ${name} out of milestone ${q(milestone(from)!)}` : `moved ${name} out of its milestone`);
  } else if (c.position && lines.length === 0) {
    lines.push(`moved ${name} on the plan`);
  }
  return summed(lines, `changed ${noun} ${name}`, `changed ${noun} ${name}`);
}

/** A request to move a due date, and its answer. */
function renegotiationEvent(event: HistoryEvent, noun: string): Described {
  const c = event.changes;
  const name = q(event.about || `a ${noun}`);
  const note = text(c.note?.after);
  const withNote = note ? [`Note: ${q(note)}`] : [];
  if (event.action === 'create') {
    const dates = `${q(formatDate(text(c.fromDate?.after)))} → ${q(formatDate(text(c.toDate?.after)))}`;
    const reason = text(c.reason?.after);
    const because = reason ? [`Reason: ${q(reason)}`] : [];
    if (c.status?.after === 'accepted') return { headline: `re-dated ${name}: ${dates}${c.inAdvance?.after ? ', in advance' : ''}`, details: because };
    return { headline: `asked to move ${name}: ${dates}`, details: because };
  }
  if (event.action === 'accept' || c.status?.after === 'accepted') return { headline: `accepted the new date for ${name}`, details: withNote };
  if (c.status?.after === 'declined') return { headline: `declined the new date for ${name}`, details: withNote };
  return { headline: `answered the new date for ${name}`, details: withNote };
}

function shareLinkEvent(event: HistoryEvent): Described {
  const recipient = text(event.changes.recipientName?.after) || event.about || 'the customer';
  if (event.action === 'revoke') return { headline: `revoked the share link of ${recipient}`, details: [] };
  return { headline: `created a share link for ${recipient}`, details: [] };
}

const GOAL_STATUS_WORDS: Record<string, string> = { active: 'Active', done: 'Done', dropped: 'Set aside' };

/** A goal's step: set, reworded, completed with what was learned, or set aside with its goal. */
function goalStepEvent(event: HistoryEvent, lookups: Lookups): Described {
  const c = event.changes;
  const words = text(c.text?.after) || lookups.stepText?.(event.entityId) || event.about || '';
  const step = words ? `the step ${q(clip(words))}` : 'a step';
  switch (event.action) {
    case 'create':
      return { headline: `${Number(c.position?.after ?? 1) === 0 ? 'set the first step' : 'set the next step'}${words ? `: ${q(clip(words))}` : ''}`, details: [] };
    case 'complete': {
      const lesson = text(c.lesson?.after);
      return { headline: `completed ${step}`, details: lesson ? [`learned: ${q(clip(lesson))}`] : [] };
    }
    default:
      if (c.text) return { headline: `reworded the next step: ${q(clip(text(c.text.before)))} → ${q(clip(text(c.text.after)))}`, details: [] };
      if (c.status?.after === 'set_aside') return { headline: `set ${step} aside`, details: [] };
      return { headline: `changed ${step}`, details: [] };
  }
}

/**
 * What happened, in words, after the actor's name. `noun` is the record the history belongs to
 * ("plan", "objective", "account"…): on an objective a commitment is a task.
 */
export function describeEvent(event: HistoryEvent, noun: string, lookups: Lookups): Described {
  const part = noun === 'objective' ? 'task' : 'commitment';
  switch (event.entityType) {
    case 'milestone':
      return milestoneEvent(event, lookups);
    case 'commitment':
      return commitmentEvent(event, part, lookups);
    case 'renegotiation':
      return renegotiationEvent(event, part);
    case 'share_link':
      return shareLinkEvent(event);
    case 'comment':
      return { headline: `commented: ${q(clip(text(event.changes.body?.after)))}`, details: [] };
    case 'objective_insight':
      return { headline: `added an insight: ${q(clip(text(event.changes.body?.after)))}`, details: [] };
    case 'goal_step':
      return goalStepEvent(event, lookups);
    case 'goal_note':
      return { headline: `added a note: ${q(clip(text(event.changes.body?.after)))}`, details: [] };
    default:
      return recordEvent(event, noun, lookups);
  }
}
