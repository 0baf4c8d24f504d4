import { instantAt, wallClock } from '../../../domain/zoned-time';
import {
  ADVANCE_KIND_LABELS,
  CreateInteractionBody,
  INTERACTION_KIND_LABELS,
  UpdateInteractionBody,
  type AdvanceKind,
  type Interaction,
  type InteractionKind,
} from '../../../shared/interactions';
import { dateTimeFormat } from '../../lib/format';
import { orNull } from '../../lib/forms';
import type { RecordFormSpec } from '../records/versionedForm';

/**
 * The plan-an-interaction form, as strings: the day and time are read on the clock of the chosen
 * zone (14:00 in Paris is one instant, whoever's browser it is). contactIds and userIds are sorted
 * comma-separated ids; checkboxes are 'yes' or ''.
 */
export type InteractionValues = {
  accountId: string;
  kind: string;
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: string;
  alreadyHappened: string;
  opportunityId: string;
  objectiveId: string;
  outcomeKind: string;
  outcomeStatement: string;
  needsSeveralCalls: string;
  firstCallGoal: string;
  planningNotes: string;
  contactIds: string;
  userIds: string;
};

const ids = (value: string) => (value ? value.split(',') : []);
export const joinIds = (list: readonly string[]) => [...list].sort().join(',');

export const emptyInteraction = (o: { accountId: string; opportunityId?: string; timeZone: string; date: string }): InteractionValues => ({
  accountId: o.accountId,
  kind: 'call',
  date: o.date,
  time: '',
  timeZone: o.timeZone,
  durationMinutes: '30',
  alreadyHappened: '',
  opportunityId: o.opportunityId ?? '',
  objectiveId: '',
  outcomeKind: '',
  outcomeStatement: '',
  needsSeveralCalls: '',
  firstCallGoal: '',
  planningNotes: '',
  contactIds: '',
  userIds: '',
});

/** The instant the form's day and time stand for; text the contract refuses when they do not make one. */
function startsAtOf(v: InteractionValues): string | null {
  if (!v.date && !v.time) return null;
  try {
    return instantAt(v.date, v.time, v.timeZone).toISOString();
  } catch {
    return `${v.date}T${v.time}`;
  }
}

/** When it happens, in words, on its own clock: "Fri 12 Jun 2026, 14:00 (Europe/Paris)". */
export function whenInWords(i: Pick<Interaction, 'startsAt' | 'timeZone'>, viewerTimeZone?: string): string {
  if (!i.startsAt) return 'No set time';
  const zone = i.timeZone ?? viewerTimeZone ?? 'UTC';
  const words = dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(i.startsAt));
  return viewerTimeZone && viewerTimeZone !== zone ? `${words} (${zone.replace(/_/g, ' ')})` : words;
}

/**
 * "Your colleagues" on an interaction: the people of the workspace taking part besides its owner (the
 * owner always takes part and is named apart, in the header) — as the form's choice of them leaves the owner out.
 */
export const colleaguesOf = (i: Pick<Interaction, 'owner' | 'attendees'>) => i.attendees.filter((a) => a.kind === 'user' && a.id !== i.owner.id).map((a) => a.name);

export const interactionTitle = (i: Pick<Interaction, 'kind' | 'account'>) => `${INTERACTION_KIND_LABELS[i.kind]} with ${i.account.name}`;

export const interactionSpec: RecordFormSpec<'interactions', InteractionValues> = {
  resource: 'interactions',
  schemas: { create: CreateInteractionBody, update: UpdateInteractionBody },
  toValues: (i) => {
    const clock = i.startsAt ? wallClock(new Date(i.startsAt), i.timeZone ?? 'UTC') : { date: '', time: '' };
    return {
      accountId: i.account.id,
      kind: i.kind,
      date: clock.date,
      time: clock.time,
      timeZone: i.timeZone ?? '',
      durationMinutes: i.durationMinutes ? String(i.durationMinutes) : '',
      alreadyHappened: '',
      opportunityId: i.opportunity?.id ?? '',
      objectiveId: i.objective?.id ?? '',
      outcomeKind: i.plannedOutcome.kind,
      outcomeStatement: i.plannedOutcome.statement,
      needsSeveralCalls: i.plannedOutcome.needsSeveralCalls ? 'yes' : '',
      firstCallGoal: i.plannedOutcome.firstCallGoal ?? '',
      planningNotes: i.planningNotes ?? '',
      contactIds: joinIds(i.attendees.filter((a) => a.kind === 'contact').map((a) => a.id)),
      userIds: joinIds(i.attendees.filter((a) => a.kind === 'user').map((a) => a.id)),
    };
  },
  // The account is the create page's (never changed on an edit); everything else as the contract names it.
  toBody: (v) => {
    const startsAt = startsAtOf(v);
    const several = v.needsSeveralCalls === 'yes';
    return {
      kind: v.kind as InteractionKind,
      startsAt,
      timeZone: startsAt ? v.timeZone || null : null,
      durationMinutes: startsAt && v.durationMinutes.trim() ? Number(v.durationMinutes) : null,
      opportunityId: v.opportunityId || null,
      objectiveId: v.objectiveId || null,
      outcomeKind: (v.outcomeKind || undefined) as AdvanceKind | undefined,
      outcomeStatement: v.outcomeStatement,
      needsSeveralCalls: several,
      firstCallGoal: several ? orNull(v.firstCallGoal) : null,
      planningNotes: orNull(v.planningNotes),
      attendees: { contactIds: ids(v.contactIds), userIds: ids(v.userIds) },
      ...(v.alreadyHappened === 'yes' ? { alreadyHappened: true } : {}),
    };
  },
  precheck: (v) => {
    const errors: Partial<Record<keyof InteractionValues, string>> = {};
    if (!v.date && v.kind !== 'email') errors.date = 'Choose the day it happens (only an email may go without a time).';
    if (v.date && !v.time) errors.time = 'Choose the time it starts.';
    if (v.time && !v.date) errors.date = 'Choose the day.';
    if (v.durationMinutes.trim() && !/^\d+$/.test(v.durationMinutes.trim())) errors.durationMinutes = 'Use whole minutes, such as 30.';
    return errors;
  },
  fields: ['accountId', 'kind', 'date', 'time', 'timeZone', 'durationMinutes', 'alreadyHappened', 'opportunityId', 'objectiveId', 'outcomeKind', 'outcomeStatement', 'needsSeveralCalls', 'firstCallGoal', 'planningNotes', 'contactIds', 'userIds'],
  aliases: { startsAt: ['date', 'time'], 'attendees.contactIds': 'contactIds', 'attendees.userIds': 'userIds', attendees: 'contactIds' },
  labels: {
    accountId: 'Account',
    kind: 'Kind',
    date: 'Day',
    time: 'Time',
    timeZone: 'Time zone',
    durationMinutes: 'Duration',
    alreadyHappened: 'Already happened',
    opportunityId: 'Opportunity',
    objectiveId: 'Objective',
    outcomeKind: 'Kind of advance',
    outcomeStatement: 'What the customer will agree to',
    needsSeveralCalls: 'Needs several calls',
    firstCallGoal: 'What this first call must get',
    planningNotes: 'Planning notes',
    contactIds: 'Their people',
    userIds: 'Your colleagues',
  },
  display: (i) => ({
    kind: INTERACTION_KIND_LABELS[i.kind],
    date: i.startsAt ? whenInWords(i) : '',
    time: i.startsAt ? whenInWords(i) : '',
    timeZone: i.timeZone ?? '',
    durationMinutes: i.durationMinutes ? `${i.durationMinutes} min` : '',
    opportunityId: i.opportunity?.name ?? '',
    objectiveId: i.objective?.title ?? '',
    outcomeKind: ADVANCE_KIND_LABELS[i.plannedOutcome.kind],
    outcomeStatement: i.plannedOutcome.statement,
    needsSeveralCalls: i.plannedOutcome.needsSeveralCalls ? 'Yes' : 'No',
    firstCallGoal: i.plannedOutcome.firstCallGoal ?? '',
    planningNotes: i.planningNotes ?? '',
    contactIds: i.attendees.filter((a) => a.kind === 'contact').map((a) => a.name).join(', '),
    userIds: i.attendees.filter((a) => a.kind === 'user').map((a) => a.name).join(', '),
  }),
};

/** The create body: the same fields, under the account the page is for. */
export const createBody = (v: InteractionValues) => ({ accountId: v.accountId, ...interactionSpec.toBody(v) });
