import { addDays, todayIn } from '../../../domain/dates.js';
import { zonedInstant } from '../../../domain/demo-data.js';
import type { CommitmentSide, CommitmentStatus, RenegotiationStatus } from '../../../shared/commitments.js';
import { describeNotification, type NotificationData, type NotificationKind } from '../../../shared/notifications.js';
import { SHARE_LINK_DEFAULT_DAYS } from '../../../shared/plan-sharing.js';
import type { PlanStatus } from '../../../shared/plans.js';
import { DEMO_PEOPLE, type DemoPersonKey } from './catalogue.js';
import type { PlannedAccount, PlannedOpportunity } from './plan.js';
import { PLAN_STORIES_1 } from './plan-stories-1.js';
import { PLAN_STORIES_2 } from './plan-stories-2.js';
import { PLAN_STORIES_3 } from './plan-stories-3.js';
import type { PlanStory } from './plan-story.js';

/**
 * Turns the plan stories into dated facts, the way the app would have recorded them had people
 * done these things on those days: due dates in each owner's zone, who ticked, proposed and
 * answered what and when, re-dates judged in advance or late by the app's own rule, the
 * notifications a customer's actions send the deal owner. Pure: `now` is passed in. A story that
 * could not have happened (an event in the future or out of order, a customer acting without a
 * link) throws, so a bad edit fails the demo tests rather than showing nonsense.
 */

export const PLAN_STORIES: readonly PlanStory[] = [...PLAN_STORIES_1, ...PLAN_STORIES_2, ...PLAN_STORIES_3];

/** Who did something: a demo person, or the customer through their share link. */
export type Party = { user: DemoPersonKey } | { customer: string };

export type PlannedRenegotiation = {
  fromDate: string;
  toDate: string;
  reason: string;
  status: RenegotiationStatus;
  requestedBySide: CommitmentSide;
  requestedBy: Party;
  requestedAt: string;
  inAdvance: boolean;
  /** True when a seller re-dated a seller-side commitment: it applied at once, with no answer. */
  appliedAtOnce: boolean;
  decidedBySide: CommitmentSide | null;
  decidedBy: Party | null;
  decidedAt: string | null;
  note: string | null;
};

export type PlannedCommitment = {
  milestone: number;
  position: number;
  side: CommitmentSide;
  ownerUser: DemoPersonKey | null;
  /** Index into the account's contacts. */
  ownerContact: number | null;
  role: string | null;
  title: string;
  detail: string | null;
  dueDate: string;
  originalDueDate: string;
  mustDo: boolean;
  internalOnly: boolean;
  status: CommitmentStatus;
  dropReason: string | null;
  doneAt: string | null;
  /** Who ticked it done or dropped it, and when. */
  closed: { by: Party; at: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  renegotiations: PlannedRenegotiation[];
};

export type PlannedMutualPlan = {
  opportunity: number;
  account: number;
  owner: DemoPersonKey;
  title: string;
  agreedOutcome: string;
  whyItMatters: string;
  costOfInaction: string;
  startDate: string;
  targetDate: string;
  customerTimeZone: string;
  status: PlanStatus;
  createdAt: string;
  statusChanges: { at: string; from: PlanStatus; to: PlanStatus }[];
  updatedAt: string;
  version: number;
  lastActivityAt: string;
  milestones: { title: string; dueDate: string; createdAt: string }[];
  commitments: PlannedCommitment[];
  shareLink: { contact: number; createdAt: string; expiresAt: string; visits: string[] } | null;
  comments: { by: Party; at: string; body: string }[];
  notifications: { kind: NotificationKind; at: string; actorName: string; data: NotificationData; text: string; readAt: string | null }[];
};

const DAY = 86_400_000;
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const latest = (instants: readonly string[]) => instants.reduce((a, b) => (a > b ? a : b));
const finalStatus = (o: PlannedOpportunity) => o.changes.reduce((s, c) => ({ ...s, ...c.set }), o.initial).status;

function findOpportunity(story: PlanStory, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[]): number {
  const account = accounts.findIndex((a) => a.name === story.account);
  const open = (o: PlannedOpportunity) => o.account === account && finalStatus(o) === 'open';
  const exact = opportunities.findIndex((o) => open(o) && o.name === story.deal);
  const index = exact >= 0 ? exact : opportunities.findIndex(open);
  if (index < 0) throw new Error(`demo plan “${story.title}”: ${story.account} has no open deal`);
  return index;
}

function resolveStory(story: PlanStory, now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[]): PlannedMutualPlan {
  const opportunity = findOpportunity(story, accounts, opportunities);
  const { account, owner } = opportunities[opportunity];
  const contacts = accounts[account].contacts;
  const contactOf = (role: string) => Math.max(0, contacts.findIndex((c) => c.buyingRole === role));
  const ownerZone = DEMO_PEOPLE[owner].timeZone;
  const fail = (what: string): never => {
    throw new Error(`demo plan “${story.title}”: ${what}`);
  };

  let seq = 0;
  const day = (zone: string, d: number) => addDays(todayIn(zone, now), d);
  // Events happen during office hours of a past day in the zone given; minutes vary so they do not tie.
  const at = (zone: string, d: number, hour: number) => {
    if (d >= 0) fail(`an event on day ${d} would not have happened yet`);
    return new Date(zonedInstant(day(zone, d), hour, (seq++ * 17) % 60, zone)).toISOString();
  };

  const createdAt = at(ownerZone, story.created, 9);
  if (createdAt <= opportunities[opportunity].createdAt) fail('the plan would be older than its deal');
  const link = story.share ? { contact: contactOf(story.share.to), createdAt: at(ownerZone, story.share.on, 10), visits: story.share.views.map((d) => at(ownerZone, d, 8)) } : null;
  const recipient = link ? contacts[link.contact].name : '';
  const viaLink = (instant: string) => link !== null && instant > link.createdAt;
  const notifications: PlannedMutualPlan['notifications'] = [];
  // A customer acts through their link: each action is a visit, and tells the deal owner.
  const customerActs = (instant: string, kind: NotificationKind, data: NotificationData): Party => {
    if (!link || !viaLink(instant)) return fail(`the customer acts at ${instant} without a share link`);
    link.visits.push(plus(instant, -4));
    const text = describeNotification({ kind, actorName: recipient, data, count: 1 });
    notifications.push({ kind, at: instant, actorName: recipient, data, text, readAt: Date.parse(instant) < now.getTime() - 3 * DAY ? plus(instant, 95) : null });
    return { customer: recipient };
  };

  const ordered = story.commitments.map((c, i) => ({ c, i })).sort((a, b) => a.c.m - b.c.m || a.i - b.i);
  const commitments = ordered.map(({ c }, position): PlannedCommitment => {
    const sellerOwner = c.side === 'seller' ? (c.owner as DemoPersonKey) : null;
    const zone = sellerOwner ? DEMO_PEOPLE[sellerOwner].timeZone : story.timeZone;
    const sellerSide: Party = { user: sellerOwner ?? owner };
    const created = c.added === undefined ? plus(createdAt, 5 + position) : at(ownerZone, c.added, 10);
    let last = created;
    const next = (instant: string) => {
      if (instant <= last) fail(`“${c.title}”: events out of order`);
      return (last = instant);
    };
    let due = day(zone, c.due);
    let version = 1;
    let updatedAt = created;
    // Each change of the row bumps its version, as writeVersioned and applyDate do.
    const change = (instant: string) => {
      version += 1;
      updatedAt = instant;
    };
    const renegotiations = (c.redate ?? []).map((r, k): PlannedRenegotiation => {
      const by = r.by ?? c.side;
      const requestedAt = next(at(zone, r.on, 11));
      const toDate = day(zone, r.to);
      const requestedBy = by === 'seller' ? sellerSide : customerActs(requestedAt, 'customer_proposed_date', { commitmentTitle: c.title, date: toDate, previousDate: due, reason: r.why });
      // The app's rule: asked on or before the end of the date it moves, in the owner's zone.
      const base = { fromDate: due, toDate, reason: r.why, requestedBySide: by, requestedBy, requestedAt, inAdvance: todayIn(zone, new Date(requestedAt)) <= due, note: null };
      if (by === 'seller' && c.side === 'seller') {
        due = toDate;
        change(requestedAt);
        return { ...base, status: 'accepted', appliedAtOnce: true, decidedBySide: by, decidedBy: requestedBy, decidedAt: requestedAt };
      }
      if (!r.answer) {
        if (k !== (c.redate ?? []).length - 1) fail(`“${c.title}”: only the last proposed date can still wait for an answer`);
        return { ...base, status: 'pending', appliedAtOnce: false, decidedBySide: null, decidedBy: null, decidedAt: null };
      }
      const decidedAt = next(at(zone, r.answer.on, 14));
      const accept = r.answer.accept ?? true;
      const decidedBySide: CommitmentSide = by === 'seller' ? 'customer' : 'seller';
      const decidedBy = decidedBySide === 'seller' ? sellerSide : customerActs(decidedAt, 'customer_answered_date', { commitmentTitle: c.title, date: toDate, accepted: accept });
      if (accept) {
        due = toDate;
        change(decidedAt);
      }
      return { ...base, status: accept ? 'accepted' : 'declined', appliedAtOnce: false, decidedBySide, decidedBy, decidedAt, note: r.answer.note ?? null };
    });

    let closed: PlannedCommitment['closed'] = null;
    if (c.done !== undefined) {
      const doneAt = next(at(zone, c.done, 16));
      const customerTicked = c.side === 'customer' && viaLink(doneAt);
      closed = { at: doneAt, by: customerTicked ? customerActs(doneAt, 'customer_ticked', { commitmentTitle: c.title, done: true }) : sellerSide };
    } else if (c.drop) {
      closed = { at: next(at(zone, c.drop[0], 15)), by: sellerSide };
    }
    if (closed) change(closed.at);
    return {
      milestone: c.m,
      position,
      side: c.side,
      ownerUser: sellerOwner,
      ownerContact: sellerOwner ? null : contactOf(c.owner),
      role: c.role ?? null,
      title: c.title,
      detail: c.detail ?? null,
      dueDate: due,
      originalDueDate: day(zone, c.due),
      mustDo: c.must ?? false,
      internalOnly: c.internal ?? false,
      status: c.done !== undefined ? 'done' : c.drop ? 'dropped' : 'open',
      dropReason: c.drop?.[1] ?? null,
      doneAt: c.done !== undefined && closed ? closed.at : null,
      closed,
      createdAt: created,
      updatedAt,
      version,
      renegotiations,
    };
  });

  const comments = (story.comments ?? []).map((cm) => {
    const instant = at(ownerZone, cm.on, 12);
    const preview = cm.body.length > 140 ? `${cm.body.slice(0, 140)}…` : cm.body;
    const by: Party = cm.by === 'customer' ? customerActs(instant, 'customer_commented', { preview }) : { user: cm.by };
    return { by, at: instant, body: cm.body };
  });

  const statusChanges: PlannedMutualPlan['statusChanges'] = [];
  if (story.status !== 'draft') statusChanges.push({ at: at(ownerZone, story.activated ?? fail('an active plan needs `activated`'), 17), from: 'draft', to: 'active' });
  if (story.status === 'completed' || story.status === 'abandoned') {
    statusChanges.push({ at: at(ownerZone, story.closed ?? fail('a closed plan needs `closed`'), 18), from: 'active', to: story.status });
  }
  const milestones = story.milestones.map(([title, d], i) => ({ title, dueDate: day(ownerZone, d), createdAt: plus(createdAt, 1 + i) }));
  // Everything done on a plan is activity ("no activity for 14 days" reads it), as touchPlan records it.
  const activity = [
    createdAt,
    ...milestones.map((m) => m.createdAt),
    ...commitments.flatMap((c) => [c.createdAt, c.updatedAt, ...c.renegotiations.flatMap((r) => [r.requestedAt, r.decidedAt ?? r.requestedAt])]),
    ...comments.map((c) => c.at),
    ...statusChanges.map((s) => s.at),
  ];
  return {
    opportunity,
    account,
    owner,
    title: story.title,
    agreedOutcome: story.outcome,
    whyItMatters: story.why,
    costOfInaction: story.cost,
    startDate: day(ownerZone, story.created),
    targetDate: day(ownerZone, story.target),
    customerTimeZone: story.timeZone,
    status: story.status,
    createdAt,
    statusChanges,
    updatedAt: statusChanges.at(-1)?.at ?? createdAt,
    version: 1 + statusChanges.length,
    lastActivityAt: latest(activity),
    milestones,
    commitments,
    shareLink: link && { ...link, expiresAt: plus(link.createdAt, SHARE_LINK_DEFAULT_DAYS * 24 * 60), visits: [...link.visits].sort() },
    comments,
    notifications: notifications.sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
}

/** The demo's mutual plans as of `now`, one per story, each on its own open deal. */
export function planMutualPlans(now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[]): PlannedMutualPlan[] {
  const plans = PLAN_STORIES.map((story) => resolveStory(story, now, accounts, opportunities));
  if (new Set(plans.map((p) => p.opportunity)).size !== plans.length) throw new Error('two demo plans landed on the same deal');
  return plans;
}
