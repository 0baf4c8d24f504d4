import { describe, expect, it } from 'vitest';
import { CreateInteractionBody, type Interaction } from '../../../shared/interactions';
import { check, linkedFields } from '../../lib/forms';
import { changedBody } from '../records/versionedForm';
import { colleaguesOf, createBody, emptyInteraction, interactionSpec } from './interactionForm';

const meeting: Interaction = {
  id: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d55',
  kind: 'meeting',
  account: { id: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d56', name: 'Globex' },
  opportunity: null,
  objective: null,
  owner: { id: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d57', name: 'Olivia' },
  // 14:00 in Paris (summer time, UTC+2).
  startsAt: '2026-06-12T12:00:00.000Z',
  timeZone: 'Europe/Paris',
  durationMinutes: 45,
  sortAt: '2026-06-12T12:00:00.000Z',
  plannedOutcome: { kind: 'trial', statement: 'A pilot at the Lyon plant', needsSeveralCalls: false, firstCallGoal: null },
  planningNotes: null,
  attendees: [{ kind: 'contact', id: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d58', name: 'Carla' }],
  state: 'upcoming',
  result: null,
  cancelledAt: null,
  version: 2,
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
  permissions: { canEdit: true },
  agreedActions: [],
  opportunityPlan: null,
};

describe('the plan-an-interaction form', () => {
  it('shows the day and time on the clock of the interaction’s zone, whatever the browser’s', () => {
    expect(interactionSpec.toValues(meeting)).toMatchObject({ date: '2026-06-12', time: '14:00', timeZone: 'Europe/Paris', contactIds: meeting.attendees[0].id });
  });

  it('moving it an hour later sends only the new instant (the zone stays)', () => {
    const values = { ...interactionSpec.toValues(meeting), time: '15:00' };
    expect(changedBody(interactionSpec, meeting, values)).toEqual({ startsAt: '2026-06-12T13:00:00.000Z' });
  });

  it('the same wall-clock time in another zone is another instant, and says so', () => {
    const values = { ...interactionSpec.toValues(meeting), timeZone: 'America/New_York' };
    expect(changedBody(interactionSpec, meeting, values)).toEqual({ startsAt: '2026-06-12T18:00:00.000Z', timeZone: 'America/New_York' });
  });

  it('makes a create body the contract accepts, and one it refuses naming the planned outcome when it is missing', () => {
    const values = { ...emptyInteraction({ accountId: meeting.account.id, timeZone: 'Europe/Paris', date: '2026-06-15' }), time: '09:30', outcomeKind: 'introduction', outcomeStatement: 'They introduce us to their CFO' };
    const ok = CreateInteractionBody.safeParse(createBody(values));
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ kind: 'call', startsAt: '2026-06-15T07:30:00.000Z', timeZone: 'Europe/Paris', durationMinutes: 30, outcomeKind: 'introduction' });
    const missing = CreateInteractionBody.safeParse(createBody({ ...values, outcomeKind: '', outcomeStatement: ' ' }));
    expect(missing.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['outcomeKind', 'outcomeStatement']);
  });

  it('lets an email go without a day and time, and asks for both otherwise', () => {
    const email = { ...emptyInteraction({ accountId: meeting.account.id, timeZone: 'UTC', date: '' }), kind: 'email' };
    expect(interactionSpec.precheck!(email)).toEqual({});
    expect(createBody(email)).toMatchObject({ startsAt: null, timeZone: null, durationMinutes: null });
    expect(interactionSpec.precheck!({ ...email, kind: 'call' })).toEqual({ date: 'Choose the day it happens (only an email may go without a time).' });
    expect(interactionSpec.precheck!({ ...email, kind: 'call', date: '2026-06-15' })).toEqual({ time: 'Choose the time it starts.' });
  });

  it('a day without a time says so beside Time only: the contract’s message about the instant does not show under Day', () => {
    const values = { ...emptyInteraction({ accountId: meeting.account.id, timeZone: 'Europe/Paris', date: '2026-11-28' }), outcomeKind: 'introduction', outcomeStatement: 'They introduce us to their CFO' };
    const result = check(CreateInteractionBody, createBody(values), interactionSpec.fields, interactionSpec.aliases, interactionSpec.precheck!(values));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({ time: 'Choose the time it starts.' });
    // Filling the time in (the day unchanged) clears what was said about the instant beside the day.
    expect(linkedFields(interactionSpec.aliases)).toEqual([['date', 'time']]);
  });

  it('an instant the contract refuses with day and time both filled in is said beside Day', () => {
    const values = { ...emptyInteraction({ accountId: meeting.account.id, timeZone: 'Europe/Paris', date: '2026-11-28' }), time: '25:99', outcomeKind: 'introduction', outcomeStatement: 'x' };
    const result = check(CreateInteractionBody, createBody(values), interactionSpec.fields, interactionSpec.aliases, interactionSpec.precheck!(values));
    expect(!result.ok && Object.keys(result.fieldErrors)).toEqual(['date']);
  });
});

describe('the colleagues an interaction names', () => {
  it('lists the workspace’s people taking part, never its owner (named apart)', () => {
    const owner = { kind: 'user' as const, ...meeting.owner };
    const sam = { kind: 'user' as const, id: '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d59', name: 'Sam' };
    expect(colleaguesOf(meeting)).toEqual([]);
    expect(colleaguesOf({ ...meeting, attendees: [...meeting.attendees, owner, sam] })).toEqual(['Sam']);
  });
});
