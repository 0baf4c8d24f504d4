import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../lib/format';
import { describeEvent, type HistoryEvent, type Lookups } from './describeEvent';

const USERS: Record<string, string> = { u1: 'Rosa Rep', u2: 'Colin Colleague' };
const lookups: Lookups = {
  userName: (id) => USERS[id],
  stageName: (id) => ({ s1: 'Qualify', s2: 'Propose' })[id],
  accountName: (id) => ({ a1: 'Umbra Retail' })[id],
  contactName: (id) => ({ c1: 'Carla Customer' })[id],
  milestoneName: (id) => ({ m1: 'Pilot', m2: 'Rollout' })[id],
};

type Changes = Record<string, [unknown, unknown]>;
function ev(entityType: string, action: string, changes: Changes = {}, about: string | null = null): HistoryEvent {
  return {
    id: 'e1',
    actor: { id: 'u1', name: 'Rosa Rep' },
    entityType,
    entityId: 'x1',
    action,
    changes: Object.fromEntries(Object.entries(changes).map(([k, [before, after]]) => [k, { before, after }])),
    occurredAt: '2026-06-10T09:00:00.000Z',
    about,
  };
}
const on = (noun: string, e: HistoryEvent) => describeEvent(e, noun, lookups);
const headline = (noun: string, e: HistoryEvent) => on(noun, e).headline;
const d = (date: string) => `“${formatDate(date)}”`;

describe('a plan’s history in words', () => {
  it('says what happened to the plan itself, with the fields that matter before → after', () => {
    expect(headline('plan', ev('plan', 'create', { title: [null, 'Pilot plan'], status: [null, 'draft'] }))).toBe('created this plan');
    expect(headline('plan', ev('plan', 'update', { title: ['Pilot plan', 'Pilot to purchase'] }))).toBe('changed title: “Pilot plan” → “Pilot to purchase”');
    expect(headline('plan', ev('plan', 'update', { targetDate: ['2026-07-01', '2026-07-15'] }))).toBe(`changed target date: ${d('2026-07-01')} → ${d('2026-07-15')}`);
    expect(headline('plan', ev('plan', 'update', { startDate: [null, '2026-06-12'] }))).toBe(`set start date to ${d('2026-06-12')}`);
    expect(headline('plan', ev('plan', 'update', { status: ['draft', 'active'] }))).toBe('changed status: “Draft” → “Active”');
    expect(headline('plan', ev('plan', 'update', { agreedOutcome: ['Old', 'New'] }))).toBe('edited the agreed outcome');
    expect(headline('plan', ev('plan', 'update', { customerTimeZone: ['Europe/Paris', 'Asia/Tokyo'] }))).toBe('changed customer’s time zone: “Europe/Paris” → “Asia/Tokyo”');
  });

  it('says a plan was closed, and reopened', () => {
    expect(headline('plan', ev('plan', 'update', { status: ['active', 'completed'] }))).toBe('closed this plan as completed (“Active” → “Completed”)');
    expect(headline('plan', ev('plan', 'update', { status: ['active', 'abandoned'] }))).toBe('closed this plan as abandoned (“Active” → “Abandoned”)');
    expect(headline('plan', ev('plan', 'update', { status: ['completed', 'active'] }))).toBe('reopened this plan (“Completed” → “Active”)');
  });

  it('lists each change when one edit changed several fields', () => {
    expect(on('plan', ev('plan', 'update', { title: ['A', 'B'], status: ['draft', 'active'], whyItMatters: ['x', null] }))).toEqual({
      headline: 'made 3 changes',
      details: ['changed title: “A” → “B”', 'changed status: “Draft” → “Active”', 'cleared the why it matters'],
    });
  });

  it('words milestones added, changed, moved, removed and brought back, by name', () => {
    expect(headline('plan', ev('milestone', 'create', { title: [null, 'Security review'], dueDate: [null, '2026-06-30'], position: [null, 0] }))).toBe(
      `added milestone “Security review”, due ${formatDate('2026-06-30')}`,
    );
    expect(headline('plan', ev('milestone', 'create', { title: [null, 'Kickoff'] }))).toBe('added milestone “Kickoff”');
    expect(headline('plan', ev('milestone', 'update', { title: ['Security review', 'Security sign-off'] }, 'Security sign-off'))).toBe(
      'renamed milestone “Security review” → “Security sign-off”',
    );
    expect(headline('plan', ev('milestone', 'update', { dueDate: ['2026-06-30', '2026-07-07'] }, 'Security sign-off'))).toBe(
      `changed the due date of milestone “Security sign-off”: ${d('2026-06-30')} → ${d('2026-07-07')}`,
    );
    expect(headline('plan', ev('milestone', 'update', { position: [2, 0] }, 'Pilot'))).toBe('moved milestone “Pilot” on the plan');
    expect(headline('plan', ev('milestone', 'archive', { archivedAt: [null, '2026-06-10T09:00:00.000Z'] }, 'Security sign-off'))).toBe('removed milestone “Security sign-off”');
    expect(headline('plan', ev('milestone', 'restore', { archivedAt: ['2026-06-10T09:00:00.000Z', null], position: [1, 4] }, 'Pilot'))).toBe('brought back milestone “Pilot”');
  });

  it('words commitments added — for whom, when, on which side, already done or not', () => {
    expect(headline('plan', ev('commitment', 'create', { title: [null, 'Send pricing'], side: [null, 'seller'], ownerUserId: [null, 'u1'], dueDate: [null, '2026-06-20'], status: [null, 'open'] }))).toBe(
      `added commitment “Send pricing” for Rosa Rep, due ${formatDate('2026-06-20')}`,
    );
    expect(headline('plan', ev('commitment', 'create', { title: [null, 'Sign the order'], side: [null, 'customer'], ownerContactId: [null, 'c1'], dueDate: [null, '2026-06-25'] }))).toBe(
      `added commitment “Sign the order” (customer side) for Carla Customer, due ${formatDate('2026-06-25')}`,
    );
    expect(headline('plan', ev('commitment', 'create', { title: [null, 'Discovery call'], side: [null, 'seller'], ownerUserId: [null, 'u2'], dueDate: [null, '2026-06-08'], status: [null, 'done'] }))).toBe(
      `added commitment “Discovery call” for Colin Colleague, due ${formatDate('2026-06-08')}, already done`,
    );
  });

  it('words a commitment ticked done, reopened, dropped with its reason, and brought back', () => {
    const about = 'Send pricing';
    expect(headline('plan', ev('commitment', 'update', { status: ['open', 'done'], doneAt: [null, '2026-06-10T09:00:00.000Z'] }, about))).toBe('ticked “Send pricing” done');
    expect(headline('plan', ev('commitment', 'update', { status: ['done', 'open'], doneAt: ['2026-06-10T09:00:00.000Z', null] }, about))).toBe('reopened “Send pricing”');
    expect(headline('plan', ev('commitment', 'update', { status: ['open', 'dropped'], dropReason: [null, 'Folded into the kickoff'] }, about))).toBe('dropped “Send pricing”: “Folded into the kickoff”');
    expect(headline('plan', ev('commitment', 'update', { status: ['dropped', 'open'], dropReason: ['Folded into the kickoff', null] }, about))).toBe('brought back “Send pricing”');
  });

  it('words a commitment renamed, re-dated, handed to another owner, moved between milestones and reordered', () => {
    const about = 'Send pricing';
    expect(headline('plan', ev('commitment', 'update', { title: ['Send price', 'Send pricing'] }, about))).toBe('renamed commitment “Send price” → “Send pricing”');
    expect(headline('plan', ev('commitment', 'update', { dueDate: ['2026-06-15', '2026-06-19'] }, about))).toBe(`moved the due date of “Send pricing”: ${d('2026-06-15')} → ${d('2026-06-19')}`);
    expect(headline('plan', ev('commitment', 'update', { ownerUserId: ['u1', 'u2'] }, about))).toBe('changed the owner of “Send pricing”: “Rosa Rep” → “Colin Colleague”');
    expect(headline('plan', ev('commitment', 'update', { ownerContactId: ['c1', null], ownerName: [null, 'Dan from IT'] }, about))).toBe(
      'changed the owner of “Send pricing”: “Carla Customer” → “Dan from IT”',
    );
    expect(headline('plan', ev('commitment', 'update', { milestoneId: [null, 'm2'], position: [0, 3] }, about))).toBe('moved “Send pricing” to milestone “Rollout”');
    expect(headline('plan', ev('commitment', 'update', { milestoneId: ['m1', null] }, about))).toBe('moved “Send pricing” out of milestone “Pilot”');
    // Its milestone was removed (no longer on the plan): it left "its milestone".
    expect(headline('plan', ev('commitment', 'update', { milestoneId: ['m9', null] }, about))).toBe('moved “Send pricing” out of its milestone');
    expect(headline('plan', ev('commitment', 'update', { position: [3, 1] }, about))).toBe('moved “Send pricing” on the plan');
    expect(headline('plan', ev('commitment', 'update', { mustDo: [0, 1] }, about))).toBe('made “Send pricing” a must-do');
    expect(headline('plan', ev('commitment', 'update', { internalOnly: [1, 0] }, about))).toBe('shared “Send pricing” with the customer');
    expect(headline('plan', ev('commitment', 'update', { detail: [null, 'Three tiers'] }, about))).toBe('edited the details of “Send pricing”');
    expect(on('plan', ev('commitment', 'update', { title: ['Send price', 'Send pricing'], mustDo: [0, 1] }, about))).toEqual({
      headline: 'changed commitment “Send pricing”',
      details: ['renamed commitment “Send price” → “Send pricing”', 'made “Send pricing” a must-do'],
    });
    expect(headline('plan', ev('commitment', 'transfer', { ownerUserId: ['u1', 'u2'] }, about))).toBe('handed “Send pricing” over from Rosa Rep → Colin Colleague (when a person left)');
  });

  it('words a new date asked for, applied at once, accepted and declined — with the reason and the note', () => {
    const about = 'Provide test accounts';
    expect(on('plan', ev('renegotiation', 'create', { fromDate: [null, '2026-06-14'], toDate: [null, '2026-06-22'], reason: [null, 'IT is away'], status: [null, 'pending'] }, about))).toEqual({
      headline: `asked to move “Provide test accounts”: ${d('2026-06-14')} → ${d('2026-06-22')}`,
      details: ['Reason: “IT is away”'],
    });
    expect(on('plan', ev('renegotiation', 'create', { fromDate: [null, '2026-06-15'], toDate: [null, '2026-06-19'], reason: [null, 'Legal needs a week'], status: [null, 'accepted'], inAdvance: [null, 1] }, about))).toEqual({
      headline: `re-dated “Provide test accounts”: ${d('2026-06-15')} → ${d('2026-06-19')}, in advance`,
      details: ['Reason: “Legal needs a week”'],
    });
    expect(headline('plan', ev('renegotiation', 'accept', { status: ['pending', 'accepted'] }, about))).toBe('accepted the new date for “Provide test accounts”');
    expect(on('plan', ev('renegotiation', 'update', { status: ['pending', 'declined'], note: [null, 'We need it sooner'] }, about))).toEqual({
      headline: 'declined the new date for “Provide test accounts”',
      details: ['Note: “We need it sooner”'],
    });
  });

  it('words share links created and revoked, by recipient, and comments by their first words', () => {
    expect(headline('plan', ev('share_link', 'create', { recipientName: [null, 'Carla Customer'], viewCount: [null, 0] }, 'Carla Customer'))).toBe('created a share link for Carla Customer');
    expect(headline('plan', ev('share_link', 'revoke', { revokedAt: [null, '2026-06-10T09:00:00.000Z'] }, 'Carla Customer'))).toBe('revoked the share link of Carla Customer');
    expect(headline('plan', ev('comment', 'create', { authorSide: [null, 'customer'], body: [null, 'Accounts are on their way'] }))).toBe('commented: “Accounts are on their way”');
    const long = `${'word '.repeat(40)}end`;
    expect(headline('plan', ev('comment', 'create', { body: [null, long] }))).toBe(`commented: “${long.slice(0, 140).trimEnd()}…”`);
  });
});

describe('an objective’s history in words', () => {
  it('words contributors invited and removed, insights, and tasks', () => {
    expect(headline('objective', ev('objective', 'invite', { contributorId: [null, 'u2'] }))).toBe('invited Colin Colleague to contribute');
    expect(headline('objective', ev('objective', 'remove', { contributorId: ['u2', null] }))).toBe('removed Colin Colleague from the contributors');
    expect(headline('objective', ev('objective_insight', 'create', { body: [null, 'Their CFO wants one vendor'], authorName: [null, 'Colin Colleague'] }))).toBe(
      'added an insight: “Their CFO wants one vendor”',
    );
    expect(headline('objective', ev('commitment', 'create', { title: [null, 'Map the org'], side: [null, 'seller'], ownerUserId: [null, 'u2'], dueDate: [null, '2026-06-15'] }))).toBe(
      `added task “Map the org” for Colin Colleague, due ${formatDate('2026-06-15')}`,
    );
    expect(headline('objective', ev('commitment', 'update', { status: ['open', 'done'] }, 'Map the org'))).toBe('ticked “Map the org” done');
    expect(headline('objective', ev('commitment', 'update', { title: ['Map org', 'Map the org'] }, 'Map the org'))).toBe('renamed task “Map org” → “Map the org”');
    expect(headline('objective', ev('renegotiation', 'create', { fromDate: [null, '2026-06-15'], toDate: [null, '2026-06-18'], status: [null, 'accepted'] }, 'Map the org'))).toBe(
      `re-dated “Map the org”: ${d('2026-06-15')} → ${d('2026-06-18')}`,
    );
  });

  it('words the objective’s own fields with its labels and its target in its currency', () => {
    expect(headline('objective', ev('objective', 'update', { status: ['planned', 'active'] }))).toBe('changed status: “Planned” → “Active”');
    expect(headline('objective', ev('objective', 'update', { kind: ['renewal', 'new_region'] }))).toBe('changed kind: “Renewal” → “New region”');
    // The objective's currency when only the amount changed.
    expect(describeEvent(ev('objective', 'update', { targetAmountMinor: [30_000_000, 25_000_000] }), 'objective', { ...lookups, currency: 'EUR' }).headline).toBe(
      `changed financial target: “${formatMoney({ amountMinor: 30_000_000, currency: 'EUR' })}” → “${formatMoney({ amountMinor: 25_000_000, currency: 'EUR' })}”`,
    );
    expect(
      headline('objective', ev('objective', 'update', { targetAmountMinor: [30_000_000, 25_000_000], targetCurrency: ['EUR', 'USD'] })),
    ).toBe(`changed financial target: “${formatMoney({ amountMinor: 30_000_000, currency: 'EUR' })}” → “${formatMoney({ amountMinor: 25_000_000, currency: 'USD' })}”`);
    expect(headline('objective', ev('objective', 'update', { opportunityIds: ['', 'o1,o2'] }))).toBe('set linked deals to “2 deals”');
    expect(headline('objective', ev('objective', 'transfer', { ownerId: ['u1', 'u2'] }))).toBe('changed owner: “Rosa Rep” → “Colin Colleague” (handed over when a person left)');
    expect(headline('objective', ev('objective', 'update', { clientGoal: ['a', 'b'] }))).toBe('edited the client goal');
  });
});

describe('other records’ history in words', () => {
  it('keeps the words of accounts, contacts and opportunities', () => {
    expect(headline('account', ev('account', 'create', { name: [null, 'Umbra'] }))).toBe('created this account');
    expect(headline('account', ev('account', 'archive'))).toBe('archived this account');
    expect(headline('account', ev('account', 'update', { industry: ['Fintech', 'Retail'] }))).toBe('changed industry: “Fintech” → “Retail”');
    expect(headline('account', ev('account', 'update', { notes: [null, 'Met at a fair'] }))).toBe('edited the notes');
    expect(headline('contact', ev('contact', 'update', { buyingRole: [null, 'champion'], accountId: ['a9', 'a1'] }))).toBe('made 2 changes');
    expect(on('contact', ev('contact', 'update', { phone: ['+33 1', null] })).headline).toBe('cleared phone (was “+33 1”)');
    const moved = describeEvent(ev('opportunity', 'update', { stageId: ['s1', 's2'], amountMinor: [100_00, 250_00], currency: ['EUR', 'USD'] }), 'opportunity', lookups);
    expect(moved.details).toEqual([
      'changed stage: “Qualify” → “Propose”',
      `changed amount: “${formatMoney({ amountMinor: 100_00, currency: 'EUR' })}” → “${formatMoney({ amountMinor: 250_00, currency: 'USD' })}”`,
    ]);
    expect(headline('opportunity', ev('opportunity', 'update', { status: ['open', 'won'] }))).toBe('changed status: “Open” → “Won”');
  });
});

describe('a deal’s qualification in words', () => {
  it('words the commitment to change, who said it and when, the cost of inaction and the sweet-spot answers', () => {
    const event = ev('opportunity', 'update', {
      changeCommitment: ['none', 'evidenced'],
      changeEvidence: [null, 'Budget signed'],
      changeSaidByContactId: [null, 'c1'],
      changeSaidBy: [null, 'Carla Customer'],
      changeSaidOn: [null, '2026-06-08'],
      costPerMonthMinor: [null, 8_000_00],
      'criterion:Runs SAP': ['unknown', 'met'],
    });
    // The deal's currency comes from its page.
    expect(describeEvent(event, 'opportunity', { ...lookups, currency: 'EUR' })).toEqual({
      headline: 'made 6 changes',
      details: [
        'changed commitment to change: “None yet” → “Evidenced”',
        'edited the evidence of the commitment to change',
        'set who said it to “Carla Customer”',
        `set the day it was said to ${d('2026-06-08')}`,
        `set cost of inaction per month to “${formatMoney({ amountMinor: 8_000_00, currency: 'EUR' })}”`,
        'changed sweet-spot “Runs SAP”: “Unknown” → “Met”',
      ],
    });
  });
});

describe('a goal’s history in words', () => {
  const steps: Lookups = { ...lookups, stepText: (id) => ({ x1: 'Plan Monday’s calls on Friday' })[id] };
  it('says what changed in the goal’s terms, before → after, and closing as done or set aside — never failed', () => {
    expect(headline('goal', ev('goal', 'create', { title: [null, 'Plan every call'], kind: [null, 'process'], status: [null, 'active'] }))).toBe('created this goal');
    expect(headline('goal', ev('goal', 'update', { kind: ['learning', 'process'] }))).toBe('changed kind: “Learning” → “Process”');
    expect(headline('goal', ev('goal', 'update', { measure: [null, 'advance_rate'] }))).toBe('set measure to “Advance rate (advances out of interactions with a result)”');
    expect(headline('goal', ev('goal', 'update', { periodEnd: ['2026-06-30', '2026-09-30'] }))).toBe(`changed last day: ${d('2026-06-30')} → ${d('2026-09-30')}`);
    expect(headline('goal', ev('goal', 'update', { targetValue: [5, 6] }))).toBe('changed target: “5” → “6”');
    expect(headline('goal', ev('goal', 'update', { stretch: [0, 1] }))).toBe('changed stretch: “no” → “yes”');
    expect(headline('goal', ev('goal', 'update', { targetAmountMinor: [10_000_00, 12_000_00], targetCurrency: ['GBP', 'GBP'] }))).toBe(
      `changed financial target: “${formatMoney({ amountMinor: 10_000_00, currency: 'GBP' })}” → “${formatMoney({ amountMinor: 12_000_00, currency: 'GBP' })}”`,
    );
    expect(headline('goal', ev('goal', 'update', { status: ['active', 'done'] }))).toBe('closed this goal as done');
    expect(headline('goal', ev('goal', 'update', { status: ['active', 'dropped'], closedAt: [null, '2026-06-10T09:00:00Z'] }))).toBe('set this goal aside');
    expect(headline('goal', ev('goal', 'update', { status: ['dropped', 'active'], closedAt: ['2026-06-10T09:00:00Z', null] }))).toBe('reopened this goal');
  });

  it('tells each tiny step: set, completed with what was learned, reworded, set aside; and the notes', () => {
    expect(headline('goal', ev('goal_step', 'create', { position: [null, 0], text: [null, 'Write the advance I want'], status: [null, 'current'] }))).toBe('set the first step: “Write the advance I want”');
    expect(headline('goal', ev('goal_step', 'create', { position: [null, 3], text: [null, 'Call Vireo'], status: [null, 'current'] }))).toBe('set the next step: “Call Vireo”');
    // The completion does not repeat the step's words: the page knows them.
    expect(describeEvent(ev('goal_step', 'complete', { status: ['current', 'done'], lesson: [null, 'Mondays stopped being a scramble.'], doneOn: [null, '2026-06-10'] }), 'goal', steps)).toEqual({
      headline: 'completed the step “Plan Monday’s calls on Friday”',
      details: ['learned: “Mondays stopped being a scramble.”'],
    });
    expect(headline('goal', ev('goal_step', 'complete', { status: ['current', 'done'], lesson: [null, 'x'] }))).toBe('completed a step');
    expect(headline('goal', ev('goal_step', 'update', { text: ['Call them', 'Email them'] }))).toBe('reworded the next step: “Call them” → “Email them”');
    expect(describeEvent(ev('goal_step', 'update', { status: ['current', 'set_aside'] }), 'goal', steps).headline).toBe('set the step “Plan Monday’s calls on Friday” aside');
    expect(headline('goal', ev('goal_note', 'create', { goalId: [null, 'g1'], body: [null, 'A review is the customer’s meeting.'] }))).toBe('added a note: “A review is the customer’s meeting.”');
  });
});
