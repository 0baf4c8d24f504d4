import { addDays, todayIn } from '../../../domain/dates.js';
import { seededRng, zonedInstant, type Rng } from '../../../domain/demo-data.js';
import { advanceCounters, type ResultValue } from '../../../domain/interactions.js';
import type { BuyingRole } from '../../../shared/contacts.js';
import { DEFAULT_STAGES } from '../../../shared/stages.js';
import { DEMO_PEOPLE } from './catalogue.js';
import { DEAL_STORIES, type StoryQualification } from './deal-stories.js';
import { findDeal, type PlannedInteraction } from './interactions.js';
import { SWEET_SPOT_CRITERIA } from './objective-stories.js';
import type { PlannedAccount, PlannedOpportunity } from './plan.js';

/**
 * How each deal is qualified (migration 0094): the sweet-spot answers, the commitment to change with
 * its evidence, the cost of inaction and the compelling event — written by the featured deals'
 * stories, generated for the others so that the Focus page points at the featured chased deals and
 * not at every deal: a deal past the stage gate has an evidenced commitment to change (the gate
 * would have refused the move otherwise), and an open deal with some history has at least a stated
 * one. Also the opportunities' two counters, computed from the interactions written.
 */

/** Moving a deal into Negotiate or later needs an evidenced commitment to change. */
export const DEMO_STAGE_GATE = DEFAULT_STAGES.indexOf('Negotiate');

export type PlannedQualification = {
  opportunity: number;
  /** When the rep wrote it down (one history event on the deal). */
  at: string;
  changeCommitment: 'none' | 'stated' | 'evidenced';
  evidence: string | null;
  saidBy: number | null;
  saidOn: string | null;
  costOfInaction: string | null;
  costPerMonthMinor: number | null;
  compellingEvent: string | null;
  compellingEventDate: string | null;
  /** One answer per criterion, in order; null: never asked (unknown, no row). */
  fit: ('met' | 'not_met' | 'unknown' | null)[];
};

export type PlannedCounters = { resultsCount: number; noAdvanceStreak: number };

const SEED = 20_26_12;
const DAY = 86_400_000;

const EVIDENCE = [
  'The COO wrote to the project team that the spreadsheets go by the end of Q2, and named the operations director as budget owner.',
  'Budget approved in next year’s plan; the CFO confirmed it on our call and in the meeting minutes.',
  'The board approved the project on the business case we built together.',
  'They signed the pilot’s success criteria and committed in writing to roll out if they are met.',
  'The operations director gave notice on the current tool’s contract.',
] as const;
const STATED = [
  'The head of operations said they “have to fix planning this year”.',
  'Our champion says the COO wants this; we have not heard it from the COO.',
  'The planning manager said the spreadsheets “will not survive another peak season”.',
  'The CFO named overtime as a priority in the kick-off call.',
] as const;
const COSTS = [
  'Overtime and agency staff to cover the gaps in the plan, every week.',
  'Orders waiting more than a week, and customers who cancel.',
  'Planners spend two days a week rebuilding spreadsheets.',
  'Excess stock held because nobody trusts the forecast.',
] as const;
const EVENTS = ['Peak season starts', 'The current tool’s support contract ends', 'The board approves next year’s budget', 'A new site opens', 'The annual audit'] as const;

const finalState = (o: PlannedOpportunity) => o.changes.reduce((s, c) => ({ ...s, ...c.set }), o.initial);

/** The opportunities' counters, as recording each result keeps them (the app's own rule, newest result first). */
export function countersOf(opportunities: readonly PlannedOpportunity[], interactions: readonly PlannedInteraction[]): PlannedCounters[] {
  const newestFirst = [...interactions].sort((a, b) => (a.sortAt < b.sortAt ? 1 : a.sortAt > b.sortAt ? -1 : 0));
  return opportunities.map((_, i) => advanceCounters(newestFirst.filter((x) => x.opportunity === i && x.result !== null).map((x) => x.result as ResultValue)));
}

function generated(rng: Rng, o: PlannedOpportunity, counters: PlannedCounters, ageDays: number): StoryQualification & { fitAsked: boolean } {
  const s = finalState(o);
  const open = s.status === 'open';
  const level: 'none' | 'stated' | 'evidenced' =
    s.status === 'won' || (open && s.stage >= DEMO_STAGE_GATE) || (open && s.stage === DEMO_STAGE_GATE - 1 && rng.chance(0.5)) ? 'evidenced'
    : open && (ageDays > 25 || counters.resultsCount >= 3) ? 'stated'
    : s.status === 'lost' && rng.chance(0.5) ? 'stated'
    : 'none';
  const answer = () => rng.weighted(open || s.status === 'won' ? [['met', 15], ['unknown', 4], ['not_met', 1]] as const : [['met', 5], ['unknown', 3], ['not_met', 2]] as const);
  const costly = s.stage >= 2 && s.status !== 'walked_away';
  return {
    change: level === 'none' ? null : { level, evidence: rng.pick(level === 'evidenced' ? EVIDENCE : STATED), by: level === 'evidenced' ? 'economic_buyer' : 'champion', on: 0 },
    cost: costly ? rng.pick(COSTS) : undefined,
    costPerMonth: costly && rng.chance(0.5) ? rng.int(4, 60) * 1_000 : undefined,
    event: open && s.stage >= 3 && rng.chance(0.6) ? [rng.pick(EVENTS), rng.int(20, 150)] : undefined,
    fit: SWEET_SPOT_CRITERIA.map(answer),
    fitAsked: open || rng.chance(0.5),
  };
}

export function planQualification(now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[], counters: readonly PlannedCounters[]): PlannedQualification[] {
  const rng = seededRng(SEED);
  const stories = new Map(DEAL_STORIES.map((s) => [findDeal({ accounts, opportunities }, s.account, s.deal), s.qualification]));
  return opportunities.map((o, index): PlannedQualification => {
    const zone = DEMO_PEOPLE[o.owner].timeZone;
    const today = todayIn(zone, now);
    const s = finalState(o);
    const created = Date.parse(o.createdAt);
    const end = s.closedAt ? Date.parse(s.closedAt) : now.getTime();
    const ageDays = Math.floor((end - created) / DAY);
    const story = stories.get(index);
    const q = story ? { ...story, fitAsked: true } : generated(rng, o, counters[index], ageDays);
    // Written down on a day of the deal's life: the story's day, or two thirds of the way through.
    const storyDay = story?.change?.on;
    const dayOf = (ms: number) => todayIn(zone, new Date(ms));
    const saidOn = storyDay !== undefined ? addDays(today, storyDay) : dayOf(created + ((end - created) * 2) / 3);
    const at = Math.min(Math.max(zonedInstant(saidOn, 16, 40, zone), created + 3_600_000), end - 3_600_000);
    if (at <= created) throw new Error(`demo: ${o.name} qualified before it was created`);
    const contacts = accounts[o.account].contacts;
    const saidBy = (role: BuyingRole) => Math.max(0, contacts.findIndex((c) => c.buyingRole === role));
    return {
      opportunity: index,
      at: new Date(at).toISOString(),
      changeCommitment: q.change?.level ?? 'none',
      evidence: q.change?.evidence ?? null,
      saidBy: q.change ? saidBy(q.change.by) : null,
      saidOn: q.change ? dayOf(at) : null,
      costOfInaction: q.cost ?? null,
      costPerMonthMinor: q.costPerMonth !== undefined ? q.costPerMonth * 100 : null,
      compellingEvent: q.event?.[0] ?? null,
      compellingEventDate: q.event ? addDays(today, q.event[1]) : null,
      fit: q.fitAsked ? [...q.fit] : SWEET_SPOT_CRITERIA.map(() => null),
    };
  });
}
