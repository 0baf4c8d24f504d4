import { addDays, daysBetween, todayIn } from '../../../domain/dates.js';
import { seededRng, zonedInstant, type Rng } from '../../../domain/demo-data.js';
import {
  CONTINUATION_NOTES,
  DURATION_MINUTES,
  FIRST_CALL_GOALS,
  NO_ADVANCE_NOTES,
  PLANNING_NOTES,
  sampleOutcome,
  type SampleAdvanceKind,
  type SampleInteractionKind,
  type SampleResult,
} from '../../../domain/demo-interactions.js';
import type { BuyingRole } from '../../../shared/contacts.js';
import { DEMO_PEOPLE, DEMO_TIME_ZONE, type DemoPersonKey } from './catalogue.js';
import { DEAL_STORIES, PLANNED_CALLS, type StoryCall } from './deal-stories.js';
import type { PlannedObjective } from './objectives.js';
import type { OppState, PlannedAccount, PlannedOpportunity } from './plan.js';

/**
 * A year of interactions, each with its planned outcome and — once its time had passed — its result,
 * as reps would have recorded them: generated along each deal's real history (the call before a deal
 * moved on is the one that advanced it; a won deal ends with a commitment, a walked-away one with
 * calls that led nowhere), the featured deals' calls as written in deal-stories.ts, and the calls
 * still ahead. Pure: `now` is passed in and the randomness is seeded.
 */

export type PlannedInteraction = {
  account: number;
  opportunity: number | null;
  objective: number | null;
  owner: DemoPersonKey;
  kind: SampleInteractionKind;
  /** Null for an email sent without a set time. */
  startsAt: string | null;
  timeZone: string | null;
  durationMinutes: number | null;
  sortAt: string;
  outcomeKind: SampleAdvanceKind;
  statement: string;
  needsSeveralCalls: boolean;
  firstCallGoal: string | null;
  planningNotes: string | null;
  result: SampleResult | null;
  agreed: string | null;
  resultNotes: string | null;
  recordedAt: string | null;
  createdAt: string;
  /** Indexes into the account's contacts, and demo people who joined the owner. */
  contacts: number[];
  users: DemoPersonKey[];
  /** Actions agreed when it advanced, kept on the interaction. */
  actions: PlannedAction[];
};

export type PlannedAction = { side: 'seller' | 'customer'; ownerUser: DemoPersonKey | null; ownerContact: number | null; title: string; dueDate: string; mustDo: boolean };

const SEED = 20_26_11;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** How often each person's calls end with an agreed advance, roughly (a rep's style, not a ranking). */
const ADVANCE_RATE: Record<DemoPersonKey, number> = { admin: 0.3, manager: 0.3, rep1: 0.22, rep2: 0.25, rep3: 0.3, rep4: 0.15 };

type Context = { now: Date; accounts: readonly PlannedAccount[]; opportunities: readonly PlannedOpportunity[]; objectives: readonly PlannedObjective[] };

const iso = (ms: number) => new Date(ms).toISOString();
const stateAt = (o: PlannedOpportunity, at: string): OppState => o.changes.filter((c) => c.at <= at).reduce((s, c) => ({ ...s, ...c.set }), o.initial);
const finalState = (o: PlannedOpportunity): OppState => o.changes.reduce((s, c) => ({ ...s, ...c.set }), o.initial);

export function findDeal(ctx: Pick<Context, 'accounts' | 'opportunities'>, account: string, deal: string): number {
  const a = ctx.accounts.findIndex((x) => x.name === account);
  const i = ctx.opportunities.findIndex((o) => o.account === a && o.name === deal);
  if (i < 0) throw new Error(`demo: ${account} has no deal “${deal}”`);
  return i;
}

function contactsFor(account: PlannedAccount, roles: readonly BuyingRole[]): number[] {
  return [...new Set(roles.map((r) => Math.max(0, account.contacts.findIndex((c) => c.buyingRole === r))))];
}

/** The objective a call on this deal serves, if the deal counts towards one set before the call. */
function objectiveFor(ctx: Context, opportunity: number, at: string): number | null {
  const i = ctx.objectives.findIndex((o) => o.opportunities.includes(opportunity) && o.createdAt < at);
  return i >= 0 ? i : null;
}

type Draft = {
  day: string;
  hour: number;
  minute: number;
  heldMs?: number;
  kind: SampleInteractionKind;
  advance: SampleAdvanceKind;
  statement: string;
  agreed: string;
  result: SampleResult | null;
  said: string | null;
  contacts: number[];
  users: DemoPersonKey[];
  severalCalls?: string;
  notes?: string;
  actions?: PlannedAction[];
};

/** A draft's instants: planned a few days before, held in office hours in the owner's zone, recorded soon after. */
function place(rng: Rng, ctx: Context, opportunity: number | null, account: number, owner: DemoPersonKey, d: Draft, notBefore: string): PlannedInteraction {
  const zone = DEMO_PEOPLE[owner].timeZone;
  const heldMs = d.heldMs ?? zonedInstant(d.day, d.hour, d.minute, zone);
  const email = d.kind === 'email';
  const duration = DURATION_MINUTES[d.kind];
  const createdMs = Math.max(Date.parse(notBefore) + 30 * MINUTE, email ? heldMs : heldMs - rng.int(1, 6) * DAY - rng.int(0, 240) * MINUTE);
  const recordedMs = d.result === null ? null : Math.min(heldMs + ((duration ?? 0) + rng.int(10, 150)) * MINUTE + (email ? rng.int(1, 2) * DAY : 0), ctx.now.getTime() - 10 * MINUTE);
  const sortAt = iso(email ? createdMs : heldMs);
  return {
    account,
    opportunity,
    objective: opportunity === null ? null : objectiveFor(ctx, opportunity, sortAt),
    owner,
    kind: d.kind,
    startsAt: email ? null : iso(heldMs),
    timeZone: email ? null : zone,
    durationMinutes: duration,
    sortAt,
    outcomeKind: d.advance,
    statement: d.statement,
    needsSeveralCalls: d.severalCalls !== undefined,
    firstCallGoal: d.severalCalls ?? null,
    planningNotes: d.notes ?? null,
    result: d.result,
    agreed: d.result === 'advanced' ? d.said : null,
    resultNotes: d.result !== null && d.result !== 'advanced' ? d.said : null,
    recordedAt: recordedMs === null ? null : iso(recordedMs),
    createdAt: iso(createdMs),
    contacts: d.contacts,
    users: d.users,
    actions: d.actions ?? [],
  };
}

/** Generated calls over a deal's life, with results that follow what happened to it. */
function generatedCalls(rng: Rng, ctx: Context, index: number): Draft[] {
  const o = ctx.opportunities[index];
  const account = ctx.accounts[o.account];
  const zone = DEMO_PEOPLE[o.owner].timeZone;
  const today = todayIn(zone, ctx.now);
  const final = finalState(o);
  const first = addDays(todayIn(zone, new Date(o.createdAt)), 1);
  // Open deals leave the last two days free (for the calls still to record); closed ones end the day before closing.
  const last = final.status === 'open' ? addDays(today, -3) : addDays(todayIn(zone, new Date(final.closedAt as string)), -1);
  const span = daysBetween(first, last);
  if (span < 0) return [];
  const count = Math.min(span < 30 ? 2 : 8, Math.max(1, Math.round(span / rng.int(16, 28))));
  const days: string[] = [];
  for (let k = 0; k < count; k++) {
    const offset = Math.round(((k + 0.5 + (rng.next() - 0.5) * 0.6) * span) / count);
    const day = addDays(first, Math.max(0, Math.min(span, offset)));
    if (!days.includes(day) && (days.length === 0 || day > days[days.length - 1])) days.push(day);
  }
  const drafts = days.map((day, k): Draft => {
    const hour = rng.int(9, 16);
    const minute = rng.pick([0, 15, 30, 45]);
    const heldMs = zonedInstant(day, hour, minute, zone);
    const at = iso(heldMs);
    const stage = stateAt(o, at).stage;
    const until = k + 1 < days.length ? iso(zonedInstant(days[k + 1], 0, 0, zone)) : (final.closedAt ?? ctx.now.toISOString());
    // The call just before a deal moved to a later stage is the one that moved it.
    const moved = o.changes.some((c) => c.at > at && c.at <= until && c.set.stage !== undefined && c.set.stage > stage);
    const result: SampleResult = rng.chance(moved ? 0.8 : ADVANCE_RATE[o.owner]) ? 'advanced' : rng.chance(0.6) ? 'continuation' : 'no_advance';
    const { interaction, outcome } = sampleOutcome(rng, stage);
    const roles: BuyingRole[] = stage >= 3 && rng.chance(0.5) ? ['champion', 'economic_buyer'] : ['champion'];
    const joined: DemoPersonKey[] = o.owner !== 'manager' && stage >= 3 && interaction !== 'email' && rng.chance(0.12) ? ['manager'] : [];
    return {
      day,
      hour,
      minute,
      heldMs,
      kind: interaction,
      advance: outcome.kind,
      statement: outcome.statement,
      agreed: outcome.agreed,
      result,
      said: result === 'advanced' ? outcome.agreed : rng.pick(result === 'continuation' ? CONTINUATION_NOTES : NO_ADVANCE_NOTES),
      contacts: contactsFor(account, roles),
      users: joined,
      severalCalls: outcome.kind === 'commitment_to_change' && rng.chance(0.2) ? rng.pick(FIRST_CALL_GOALS) : undefined,
      notes: rng.chance(0.25) ? rng.pick(PLANNING_NOTES) : undefined,
    };
  });
  const setResult = (d: Draft | undefined, result: SampleResult) => {
    if (!d) return;
    d.result = result;
    d.said = result === 'advanced' ? d.agreed : rng.pick(result === 'continuation' ? CONTINUATION_NOTES : NO_ADVANCE_NOTES);
  };
  if (final.status === 'won') {
    // A won deal's last call is where the customer committed.
    const closing = drafts.at(-1);
    if (closing) {
      const { interaction, outcome } = sampleOutcome(rng, 5, 'commitment_to_change');
      Object.assign(closing, { kind: interaction, advance: outcome.kind, statement: outcome.statement, agreed: outcome.agreed });
      setResult(closing, 'advanced');
    }
  } else if (final.status === 'lost') {
    setResult(drafts.at(-1), rng.chance(0.5) ? 'no_advance' : 'continuation');
  } else if (final.status === 'walked_away') {
    for (const d of drafts.slice(-2)) setResult(d, rng.chance(0.5) ? 'no_advance' : 'continuation');
  } else {
    // An open deal that is not one of the featured chased deals is not chased by accident.
    const streak = drafts.reduceRight((n, d, i) => (n === drafts.length - 1 - i && d.result !== 'advanced' ? n + 1 : n), 0);
    if (streak >= 3) setResult(drafts.at(-1), 'advanced');
  }
  return drafts;
}

function storyCalls(ctx: Context, index: number, calls: readonly StoryCall[]): Draft[] {
  const o = ctx.opportunities[index];
  const zone = DEMO_PEOPLE[o.owner].timeZone;
  const today = todayIn(zone, ctx.now);
  const final = finalState(o);
  const account = ctx.accounts[o.account];
  let previous = '';
  return calls.map((c, k) => {
    const day = addDays(today, c.on);
    const fail = (what: string): never => {
      throw new Error(`demo call on ${account.name} / ${o.name}, day ${c.on}: ${what}`);
    };
    if (c.on >= -1) fail('a call with a result must be two days old or more');
    if (day <= previous) fail('calls out of order');
    if (iso(zonedInstant(day, 9, 0, zone)) <= o.createdAt) fail('before the deal existed');
    if (final.closedAt && iso(zonedInstant(day, 18, 0, zone)) >= final.closedAt) fail('after the deal was closed');
    previous = day;
    // Off a plan, customer-side dates are judged in the workspace's zone; a seller's in their own.
    const actions = (c.actions ?? []).map((a): PlannedAction => {
      const user = a.side === 'seller' ? (a.owner as DemoPersonKey) : null;
      if (c.result !== 'advanced') fail('only an advance has agreed actions');
      if (a.due < 1) fail(`“${a.title}” would already be due`);
      return {
        side: a.side,
        ownerUser: user,
        ownerContact: user ? null : contactsFor(account, [a.owner as BuyingRole])[0],
        title: a.title,
        dueDate: addDays(todayIn(user ? DEMO_PEOPLE[user].timeZone : DEMO_TIME_ZONE, ctx.now), a.due),
        mustDo: a.must ?? false,
      };
    });
    return {
      actions,
      day,
      hour: 9 + ((k * 3 + c.on) % 8 + 8) % 8,
      minute: (k * 15) % 60,
      kind: c.kind,
      advance: c.advance,
      statement: c.ask,
      agreed: c.said,
      result: c.result,
      said: c.said,
      contacts: contactsFor(account, c.with ?? ['champion']),
      users: [...(c.joined ?? [])],
    };
  });
}

export function planInteractions(now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[], objectives: readonly PlannedObjective[]): PlannedInteraction[] {
  const ctx: Context = { now, accounts, opportunities, objectives };
  const rng = seededRng(SEED);
  const featured = new Map(DEAL_STORIES.filter((s) => s.calls).map((s) => [findDeal(ctx, s.account, s.deal), s.calls as readonly StoryCall[]]));
  const out: PlannedInteraction[] = [];
  opportunities.forEach((o, index) => {
    const story = featured.get(index);
    const drafts = story ? storyCalls(ctx, index, story) : generatedCalls(rng, ctx, index);
    for (const d of drafts) out.push(place(rng, ctx, index, o.account, o.owner, d, o.createdAt));
  });

  for (const p of PLANNED_CALLS) {
    const index = findDeal(ctx, p.account, p.deal);
    const o = opportunities[index];
    const owner = p.owner ?? o.owner;
    const zone = DEMO_PEOPLE[owner].timeZone;
    if (finalState(o).status !== 'open') throw new Error(`demo: planned call on ${p.account} / ${p.deal}, which is closed`);
    const day = addDays(todayIn(zone, now), p.on);
    const before = out.filter((x) => x.opportunity === index).map((x) => x.sortAt).sort().at(-1) ?? o.createdAt;
    const draft: Draft = {
      day,
      hour: p.hour,
      minute: 0,
      kind: p.kind,
      advance: p.advance,
      statement: p.ask,
      agreed: '',
      result: null,
      said: null,
      contacts: contactsFor(accounts[o.account], p.with ?? ['champion']),
      users: [],
      severalCalls: p.firstCallGoal,
      notes: p.notes,
    };
    // Planned a few days before it was due, after the deal's last call.
    const planned = place(rng, ctx, index, o.account, owner, draft, before);
    if (p.objective) {
      const j = objectives.findIndex((x) => x.title === p.objective);
      if (j < 0) throw new Error(`demo: no objective “${p.objective}”`);
      planned.objective = j;
    }
    if (Date.parse(planned.createdAt) >= now.getTime()) planned.createdAt = iso(now.getTime() - 2 * 3_600_000);
    if (planned.startsAt && planned.startsAt <= before) throw new Error(`demo: planned call on ${p.account} / ${p.deal} before the deal's last call`);
    out.push(planned);
  }
  loggedAfterLately(out, now);
  return out.sort((a, b) => (a.sortAt < b.sortAt ? -1 : a.sortAt > b.sortAt ? 1 : 0));
}

/** Whose calls of the last weeks were written up after the fact, and for how many weeks. */
export const LOGGED_AFTER = { owner: 'rep3' as DemoPersonKey, weeks: 8 };

/**
 * A real change for the coaching pages to find among weeks of routine variation: these last weeks,
 * Emily has written her calls up once they were held — their outcome planned in hindsight — so her
 * "outcomes planned ahead" (and the team's) drop below their usual level: every other call. Emails are planned
 * when written and stay as they are.
 */
function loggedAfterLately(out: PlannedInteraction[], now: Date): void {
  const since = now.getTime() - LOGGED_AFTER.weeks * 7 * DAY;
  let k = 0;
  for (const i of out) {
    if (i.owner !== LOGGED_AFTER.owner || !i.startsAt || i.result === null) continue;
    const held = Date.parse(i.startsAt);
    if (held < since || held > now.getTime() - DAY) continue;
    // Every other call: a habit slipping, not gone.
    if (k++ % 2 === 1) continue;
    i.createdAt = iso(held + 20 * MINUTE);
    if (i.recordedAt !== null && i.recordedAt < i.createdAt) i.recordedAt = i.createdAt;
  }
}
