import { CURRENCY_OF, emailLocalPart, personName, phoneNumber, seededRng, type Rng } from '../../../domain/demo-data.js';
import type { BuyingRole } from '../../../shared/contacts.js';
import type { OpportunityStatus } from '../../../shared/opportunities.js';
import { DEFAULT_STAGES } from '../../../shared/stages.js';
import { DEMO_ACCOUNTS, type CatalogueAccount, type DemoPersonKey } from './catalogue.js';
import { DEAL_STORIES } from './deal-stories.js';
import { DEMO_REPS, planGoals, type PlannedGoals } from './goal-stories.js';
import { findDeal, planInteractions, type PlannedInteraction } from './interactions.js';
import { planMutualPlans, type PlannedMutualPlan } from './mutual-plans.js';
import { planObjectives, planTargets, type PlannedObjective, type PlannedTarget } from './objectives.js';
import { countersOf, planQualification, type PlannedCounters, type PlannedQualification } from './qualification.js';

/**
 * The demo workspace's story, as plain data: who owns which account, which deals exist and what
 * happened to each one over the past year. Pure: the same `today` always gives the same plan, so
 * the demo looks the same to everyone on a given day. Records refer to each other by index and
 * person key; the seeder turns them into rows with ids.
 */

export type OppState = {
  stage: number;
  amountMinor: number;
  closeDate: string;
  status: OpportunityStatus;
  closeReason: string | null;
  closedAt: string | null;
};

export type PlannedChange = { at: string; by: DemoPersonKey; set: Partial<OppState> };

export type PlannedOpportunity = {
  account: number;
  owner: DemoPersonKey;
  name: string;
  currency: string;
  createdAt: string;
  initial: OppState;
  /** In time order; applying them all to `initial` gives the deal as it stands today. */
  changes: PlannedChange[];
};

export type PlannedContact = { name: string; title: string; email: string; phone: string; buyingRole: BuyingRole; createdAt: string };

export type PlannedAccount = CatalogueAccount & { createdAt: string; createdBy: DemoPersonKey; contacts: PlannedContact[] };

export type DemoPlan = {
  startedAt: string;
  accounts: PlannedAccount[];
  opportunities: PlannedOpportunity[];
  mutualPlans: PlannedMutualPlan[];
  objectives: PlannedObjective[];
  targets: PlannedTarget[];
  interactions: PlannedInteraction[];
  /** Per opportunity, in the same order. */
  counters: PlannedCounters[];
  qualification: PlannedQualification[];
  /** Whys, what goals and their steps, and months of check-ins. */
  goals: PlannedGoals;
};

const SEED = 20_24_11;
const DAY = 86_400_000;
const LAST_STAGE = DEFAULT_STAGES.length - 1;
const PROPOSAL = DEFAULT_STAGES.indexOf('Proposal');

const TITLES: Record<BuyingRole, readonly string[]> = {
  economic_buyer: ['Chief Financial Officer', 'Chief Operating Officer', 'Managing Director', 'VP Finance'],
  decision_maker: ['VP Operations', 'Director of Supply Chain', 'Head of Planning'],
  champion: ['Operations Planning Manager', 'Head of Operational Excellence', 'Senior Planner', 'Continuous Improvement Lead'],
  technical_evaluator: ['IT Director', 'Solutions Architect', 'Head of Enterprise Applications', 'Data Platform Lead'],
  influencer: ['Finance Business Partner', 'Regional Operations Manager', 'HR Director'],
  user: ['Shift Planner', 'Depot Manager', 'Scheduling Coordinator'],
  gatekeeper: ['Procurement Manager', 'Executive Assistant to the COO'],
  blocker: ['Information Security Officer', 'Head of Procurement'],
  other: ['Legal Counsel'],
};
const SECONDARY_ROLES: readonly BuyingRole[] = ['technical_evaluator', 'decision_maker', 'user', 'gatekeeper', 'influencer', 'blocker'];

const DEALS: readonly (readonly [string, number])[] = [
  ['Planning suite rollout', 1],
  ['Workforce scheduling', 0.8],
  ['Analytics add-on', 0.35],
  ['Integrations hub', 0.3],
  ['Pilot — two sites', 0.15],
  ['Expansion to second region', 0.6],
  ['Premium support upgrade', 0.12],
  ['Renewal and seat expansion', 0.5],
  ['S&OP module', 0.7],
  ['Demand forecasting pilot', 0.2],
  ['Capacity planning', 0.55],
];

const BASE_AMOUNT: Record<CatalogueAccount['size'], [number, number]> = {
  '11-50': [6_000, 20_000],
  '51-200': [12_000, 45_000],
  '201-1000': [25_000, 120_000],
  '1001-5000': [60_000, 250_000],
  '5001+': [120_000, 480_000],
};

const LOST_REASONS = [
  'Chose a competitor with an existing SAP integration; we could not match their go-live date.',
  'Budget frozen after the Q3 reorganisation. Revisit next fiscal year.',
  'Lost on price: the competitor offered 30% less on a three-year term.',
  'Our champion left the company and the new VP stayed with the incumbent.',
  'Security review not completed in time for their board deadline.',
  'They decided to extend the current tool for another year instead of changing now.',
];

const WALK_AWAY_REASONS = [
  'No commitment to change: four demos, no agreed next step and no budget owner.',
  'They wanted custom development we do not do — outside our sweet spot.',
  'Asked to extend the free pilot a third time with no decision date. Walked away politely.',
  'Procurement insisted on unlimited liability; not acceptable to us.',
];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An instant `daysAgo` before `today`'s midnight (UTC), during office hours. */
function instant(rng: Rng, todayMs: number, daysAgo: number): number {
  return todayMs - daysAgo * DAY + rng.int(8, 17) * 3_600_000 + rng.int(0, 59) * 60_000;
}

function planContacts(rng: Rng, account: CatalogueAccount, createdMs: number, todayMs: number): PlannedContact[] {
  const count = rng.int(2, 5);
  const lead: BuyingRole[] = ['champion', 'economic_buyer'];
  const roles = [...lead, ...rng.shuffle(SECONDARY_ROLES)].slice(0, count);
  const seen = new Set<string>();
  return roles.map((buyingRole) => {
    let name = personName(rng, account.country);
    while (seen.has(name.full)) name = personName(rng, account.country);
    seen.add(name.full);
    const at = Math.min(createdMs + rng.int(0, 20) * DAY, todayMs - DAY);
    return {
      name: name.full,
      title: rng.pick(TITLES[buyingRole]),
      email: `${emailLocalPart(name.given, name.family)}@${account.domain}`,
      phone: phoneNumber(rng, account.country),
      buyingRole,
      createdAt: new Date(at).toISOString(),
    };
  });
}

/** How many deals each account has: 80 in all, between one and four each. */
function dealCounts(rng: Rng, accounts: number): number[] {
  const counts = Array.from({ length: accounts }, () => 2);
  for (let moved = 0; moved < 14; ) {
    const from = rng.int(0, accounts - 1);
    const to = rng.int(0, accounts - 1);
    if (from === to || counts[from] <= 1 || counts[to] >= 4) continue;
    counts[from] -= 1;
    counts[to] += 1;
    moved += 1;
  }
  return counts;
}

function statusPool(rng: Rng, total: number): OpportunityStatus[] {
  const closed: OpportunityStatus[] = [...Array(17).fill('won'), ...Array(9).fill('lost'), ...Array(6).fill('walked_away')];
  return rng.shuffle([...closed, ...Array(total - closed.length).fill('open')]);
}

function planOpportunity(rng: Rng, todayMs: number, accountIndex: number, account: CatalogueAccount, deal: readonly [string, number], status: OpportunityStatus): PlannedOpportunity {
  const owner = account.owner;
  const [low, high] = BASE_AMOUNT[account.size];
  const finalAmount = Math.max(2_000, Math.round((rng.int(low, high) * deal[1]) / 500) * 500) * 100;
  const open = status === 'open';
  const closedDaysAgo = open ? 0 : rng.int(3, 330);
  const createdDaysAgo = open ? rng.weighted([[rng.int(5, 60), 3], [rng.int(61, 180), 2], [rng.int(181, 330), 1]]) : Math.min(364, closedDaysAgo + rng.int(25, 140));
  const createdMs = instant(rng, todayMs, createdDaysAgo);
  const endMs = open ? todayMs - DAY : instant(rng, todayMs, closedDaysAgo);

  const finalStage =
    status === 'won' ? LAST_STAGE
    : status === 'lost' ? rng.weighted([[2, 1], [3, 3], [4, 3], [5, 1]])
    : status === 'walked_away' ? rng.int(0, 3)
    : rng.weighted([[0, 10], [1, 10], [2, 9], [3, 8], [4, 6], [5, 5]]);
  const overdue = open && rng.chance(0.12);
  const finalClose = open ? isoDate(todayMs + (overdue ? -rng.int(1, 20) : rng.int(3, 92)) * DAY) : isoDate(endMs);
  const pushed = rng.chance(0.3) && Date.parse(finalClose) - 45 * DAY > createdMs + 20 * DAY;
  const revised = finalStage >= PROPOSAL && rng.chance(0.35);

  const initial: OppState = {
    stage: 0,
    amountMinor: revised ? Math.round((finalAmount * (0.7 + rng.next() * 0.6)) / 50_000) * 50_000 : finalAmount,
    closeDate: pushed ? isoDate(Date.parse(finalClose) - rng.int(21, 45) * DAY) : finalClose,
    status: 'open',
    closeReason: null,
    closedAt: null,
  };

  // The steps the deal took, then spread over its lifetime in order.
  const steps: Partial<OppState>[] = [];
  for (let stage = 1; stage <= finalStage; stage++) {
    if (stage < finalStage && stage > 1 && rng.chance(0.15)) continue; // reps sometimes skip a stage
    steps.push(revised && stage === PROPOSAL ? { stage, amountMinor: finalAmount } : { stage });
  }
  if (pushed) steps.splice(rng.int(0, steps.length), 0, { closeDate: finalClose });
  const changes: PlannedChange[] = [];
  let previous = createdMs;
  const span = endMs - createdMs;
  steps.forEach((set, i) => {
    const target = createdMs + (span * (i + 1)) / (steps.length + 1) + (rng.next() - 0.5) * (span / (steps.length + 2));
    const day = Math.floor(Math.min(target, endMs - DAY) / DAY);
    const at = Math.max(previous + 3_600_000, instant(rng, day * DAY, 0));
    previous = at;
    // Now and then the manager moves a deal on during a pipeline review.
    changes.push({ at: new Date(at).toISOString(), by: rng.chance(0.15) ? 'manager' : owner, set });
  });
  if (status !== 'open') {
    const at = new Date(Math.max(endMs, previous + 3_600_000)).toISOString();
    const closeReason = status === 'won' ? null : rng.pick(status === 'lost' ? LOST_REASONS : WALK_AWAY_REASONS);
    changes.push({ at, by: owner, set: { status, closeReason, closedAt: at } });
  }
  return {
    account: accountIndex,
    owner,
    name: deal[0],
    currency: CURRENCY_OF[account.country],
    createdAt: new Date(createdMs).toISOString(),
    initial,
    changes,
  };
}

/**
 * The whole demo story for the day that starts at `today` (any instant of that day, UTC). Mutual
 * plans are dated from the instant itself, in each owner's time zone, so that what is due "today"
 * is today for its owner.
 */
export function planDemo(today: Date): DemoPlan {
  const rng = seededRng(SEED);
  const todayMs = Date.parse(isoDate(today.getTime()));
  const counts = dealCounts(rng, DEMO_ACCOUNTS.length);
  const statuses = statusPool(rng, counts.reduce((s, n) => s + n, 0));
  const opportunities: PlannedOpportunity[] = [];
  DEMO_ACCOUNTS.forEach((account, index) => {
    const deals = rng.shuffle(DEALS).slice(0, counts[index]);
    for (const deal of deals) opportunities.push(planOpportunity(rng, todayMs, index, account, deal, statuses[opportunities.length]));
  });
  const accounts = DEMO_ACCOUNTS.map((account, index): PlannedAccount => {
    const firstDeal = Math.min(...opportunities.filter((o) => o.account === index).map((o) => Date.parse(o.createdAt)));
    const createdMs = Math.max(todayMs - 365 * DAY, firstDeal - rng.int(1, 30) * DAY);
    return {
      ...account,
      createdAt: new Date(createdMs).toISOString(),
      // Sales ops imported a third of the accounts at the start; reps added the rest.
      createdBy: rng.chance(0.33) ? 'admin' : account.owner,
      contacts: planContacts(rng, account, createdMs, todayMs),
    };
  });
  const mutualPlans = planMutualPlans(today, accounts, opportunities);
  // The deal the rep walked away from says why in the rep's words.
  for (const story of DEAL_STORIES.filter((s) => s.walkedAway)) {
    const closing = opportunities[findDeal({ accounts, opportunities }, story.account, story.deal)].changes.at(-1);
    if (closing?.set.status !== 'walked_away') throw new Error(`demo: ${story.account} / ${story.deal} is not walked away`);
    closing.set = { ...closing.set, closeReason: story.walkedAway };
  }
  const objectives = planObjectives(today, accounts, opportunities);
  const interactions = planInteractions(today, accounts, opportunities, objectives);
  const counters = countersOf(opportunities, interactions);
  return {
    startedAt: new Date(todayMs - 370 * DAY).toISOString(),
    accounts,
    opportunities,
    mutualPlans,
    objectives,
    targets: planTargets(today),
    interactions,
    counters,
    qualification: planQualification(today, accounts, opportunities, counters),
    goals: planGoals(today, Object.fromEntries(DEMO_REPS.map((rep) => [rep, accounts.filter((a) => a.owner === rep).map((a) => a.name)])) as Record<(typeof DEMO_REPS)[number], string[]>),
  };
}
