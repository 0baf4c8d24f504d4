import { occurrencesFrom, type Schedule } from '../../../domain/check-in-schedule.js';
import { addDays, todayIn } from '../../../domain/dates.js';
import { seededRng, type Rng } from '../../../domain/demo-data.js';
import type { Measure } from '../../../domain/goal-measures.js';
import type { Period } from '../../../domain/goal-period.js';
import { fiscalQuarterOf } from '../../../domain/coaching.js';
import { instantAt, wallClock } from '../../../domain/zoned-time.js';
import { DEFAULT_CHECK_IN_QUESTIONS } from '../../../shared/check-ins.js';
import { DEMO_PEOPLE, type DemoPersonKey } from './catalogue.js';
import { DEMO_FISCAL_YEAR_START_MONTH } from './objective-stories.js';

/**
 * The goals part of the demo's story (part 4 of the method, and the check-ins of part 5), as plain
 * data dated from `today`: each rep found a why on the ladder (two shared it with Daniel, two kept
 * it to themselves); each has goals of every kind — a quota Daniel set for the quarter, process
 * goals measured from the data, a learning goal — with a log of tiny steps done over the weeks and
 * what each taught them. Jonas's stretch goal of the spring ended short, and shows how far it got.
 * Daniel has met each rep for months in check-ins — weekly, every two weeks or monthly — where the
 * rep answered the questions beforehand and they agreed actions, most kept on time, some late, a
 * few missed. Pure: the same instant always gives the same story.
 */

export type RepKey = 'rep1' | 'rep2' | 'rep3' | 'rep4';
export const DEMO_REPS: readonly RepKey[] = ['rep1', 'rep2', 'rep3', 'rep4'];

export type PlannedRung = { answer: string; at: string };
export type PlannedLadder = {
  owner: RepKey;
  createdAt: string;
  rungs: PlannedRung[];
  /** The rep said the answer had stopped changing (the other way a ladder ends is a repeat). */
  stoppedChanging: boolean;
  /** The why goal saved from the ladder (null while it is still climbing). */
  why: string | null;
  whySavedAt: string | null;
  /** Shared with Daniel, their manager, when. */
  sharedAt: string | null;
};

export type PlannedStep = { text: string; createdAt: string; status: 'current' | 'done' | 'set_aside'; lesson: string | null; doneAt: string | null; closedAt: string | null };

export type PlannedGoal = {
  owner: RepKey;
  /** The rep, or Daniel for a quota. */
  setBy: DemoPersonKey;
  kind: 'outcome' | 'process' | 'learning';
  title: string;
  period: Period;
  measure: Measure | null;
  measureAmount: { amountMinor: number; currency: string } | null;
  targetValue: number | null;
  targetAmount: { amountMinor: number; currency: string } | null;
  /** Index in `ladders` of the owner's why it serves. */
  why: number | null;
  stretch: boolean;
  status: 'active' | 'done' | 'dropped';
  closedAt: string | null;
  createdAt: string;
  /** In order, oldest first; an active goal's last one is its one current step. */
  steps: PlannedStep[];
  notes: { body: string; at: string }[];
};

export type PlannedAction = {
  owner: 'rep' | 'manager';
  title: string;
  dueDate: string;
  createdAt: string;
  status: 'open' | 'done' | 'dropped';
  doneAt: string | null;
  dropped: { at: string; reason: string } | null;
};

export type PlannedCheckIn = {
  at: string;
  localDate: string;
  localTime: string;
  status: 'held' | 'skipped';
  heldAt: string | null;
  openedAt: string;
  answers: { questionId: string; text: string }[];
  submittedAt: string | null;
  notes: { body: string; visibility: 'private' | 'shared'; at: string }[];
  actions: PlannedAction[];
};

export type PlannedSeries = {
  rep: RepKey;
  cadence: 'weekly' | 'biweekly' | 'monthly';
  weekday: number | null;
  dayOfMonth: number | null;
  time: string;
  timeZone: string;
  startsOn: string;
  durationMinutes: number;
  createdAt: string;
  /** The occurrences already over, oldest first (the next ones are opened when someone needs them). */
  checkIns: PlannedCheckIn[];
};

export type PlannedGoals = { ladders: PlannedLadder[]; goals: PlannedGoal[]; series: PlannedSeries[] };

const SEED = 20_26_04;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const zoneOf = (key: DemoPersonKey) => DEMO_PEOPLE[key].timeZone;
const MANAGER_ZONE = zoneOf('manager');

/** The first day of the month `offset` months from `date`'s. */
function monthStart(date: string, offset: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}
const monthEnd = (date: string, offset: number) => addDays(monthStart(date, offset + 1), -1);

/** An instant on `date` at `time` on the clock of the person's zone. */
const at = (key: DemoPersonKey, date: string, time: string) => instantAt(date, time, zoneOf(key)).getTime();
/**
 * An instant on `date` at `time` UTC: for times from 11:00 to 17:00 it is the same day on every demo
 * person's clock (New York to Berlin), and costs no time-zone arithmetic — there are hundreds of actions.
 */
const utcAt = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`);

// ───────────────────────── whys ─────────────────────────

type LadderStory = { owner: RepKey; answers: string[]; stopped: boolean; why: string | null; shared: boolean; daysAgo: number };

/**
 * Sophie's and Emily's ladders ended by themselves (an answer repeated an earlier rung); Jonas and
 * Marcus said the answer had stopped changing. Marcus started a second ladder this week.
 */
const LADDERS: readonly LadderStory[] = [
  {
    owner: 'rep1',
    answers: ['Hit my number every quarter', 'A bigger commission', 'Pay off the flat in Lyon sooner', 'Evenings and weekends with my kids while they are small', 'Evenings and weekends with my kids while they are small!'],
    stopped: false,
    why: 'Evenings and weekends with my kids while they are small',
    shared: true,
    daysAgo: 150,
  },
  {
    owner: 'rep2',
    answers: ['Close the Halden deal', 'Be trusted with the strategic accounts', 'Lead a team of my own one day', 'Build something people remember me for'],
    stopped: true,
    why: 'Build something people remember me for',
    shared: false,
    daysAgo: 148,
  },
  {
    owner: 'rep3',
    answers: ['Win Kestrel Logistics', 'Prove I can sell to enterprise buyers', 'A career I am proud of', 'Prove to myself I can do hard things', 'a career I am proud of.'],
    stopped: false,
    why: 'Prove to myself I can do hard things',
    shared: true,
    daysAgo: 140,
  },
  {
    owner: 'rep4',
    answers: ['Open the US market for Northwind', 'Build something from scratch', 'The freedom to choose my own work'],
    stopped: true,
    why: 'The freedom to choose my own work',
    shared: false,
    daysAgo: 135,
  },
  { owner: 'rep4', answers: ['Get better at negotiating', 'Stop giving discounts away'], stopped: false, why: null, shared: false, daysAgo: 3 },
];

function planLadder(story: LadderStory, today: string): PlannedLadder {
  const created = at(story.owner, addDays(today, -story.daysAgo), '18:10');
  const rungs = story.answers.map((answer, i) => ({ answer, at: iso(created + i * 4 * 60_000) }));
  const last = created + story.answers.length * 4 * 60_000;
  return {
    owner: story.owner,
    createdAt: iso(created),
    rungs,
    stoppedChanging: story.stopped,
    why: story.why,
    whySavedAt: story.why ? iso(last + 60_000) : null,
    sharedAt: story.shared ? iso(last + 2 * DAY) : null,
  };
}

// ───────────────────────── what goals ─────────────────────────

/** A step and what it taught, in the rep's words. */
type StepStory = readonly [step: string, lesson: string];

const QUOTA_MINOR: Record<RepKey, { amountMinor: number; currency: string }> = {
  rep1: { amountMinor: 18_000_000, currency: 'EUR' },
  rep2: { amountMinor: 22_000_000, currency: 'EUR' },
  rep3: { amountMinor: 15_000_000, currency: 'GBP' },
  rep4: { amountMinor: 26_000_000, currency: 'USD' },
};

const QUOTA_STEPS: Record<RepKey, readonly StepStory[]> = {
  rep1: [
    ['List the deals that can close this quarter, with the date each customer gave', 'Only four of the nine had a date the customer said out loud.'],
    ['Ask Vireo Santé for the date their board signs', 'The board meets on the second Tuesday: the signature follows within a week.'],
    ['Send Atelier Moreau the order form before Friday’s call', ''],
  ],
  rep2: [
    ['Check every open deal over €50k has a next meeting in the calendar', 'Three did not; two of them were stalled, not slow.'],
    ['Ask Halden’s COO who else signs above €100k', 'The CFO co-signs: she has not seen the business case yet.'],
    ['Send the business case to Halden’s CFO with the cost of waiting', ''],
  ],
  rep3: [
    ['Write down the close plan for Kestrel Logistics with their dates', 'Procurement needs 15 working days: the date we hoped for was never possible.'],
    ['Ask Brightwater Foods what would make them sign this quarter', 'Nothing would: their budget opens in April. Moved it out of the forecast.'],
    ['Book the security review with Orchard Pharma’s IT', ''],
  ],
  rep4: [
    ['Confirm the budget line with Oakridge’s VP Finance', 'It exists, but it is shared with a warehouse project: timing matters.'],
    ['Ask Nimbus Cloud which of the three vendors their CTO prefers and why', 'He prefers us on integrations, the competitor on price.'],
    ['Send Nimbus the integrations comparison they asked for', ''],
  ],
};

type GoalStory = {
  owner: RepKey;
  kind: PlannedGoal['kind'];
  title: string;
  span: 'current' | 'spring';
  measure: Measure | null;
  targetValue?: number;
  measureAmount?: { amountMinor: number; currency: string };
  why?: boolean;
  stretch?: boolean;
  status: PlannedGoal['status'];
  steps: readonly StepStory[];
  notes?: readonly string[];
};

const GOALS: readonly GoalStory[] = [
  {
    owner: 'rep1',
    kind: 'process',
    title: 'Plan the outcome of every customer call before I dial',
    span: 'current',
    measure: 'planned_interactions_per_week',
    targetValue: 5,
    why: true,
    status: 'active',
    steps: [
      ['Write the advance I want before tomorrow’s first call', 'Writing it made me ask for the pilot instead of “keeping in touch”.'],
      ['Block ten minutes every morning to plan the day’s calls', 'Ten minutes is enough for three calls; more is procrastination.'],
      ['Plan Monday’s calls on Friday afternoon', 'Monday mornings stopped being a scramble.'],
      ['Write a fallback advance for the Vireo call in case they say no', 'They said no to the pilot and yes to the fallback: a site visit.'],
      ['Ask one customer what they want out of our next call', 'Iris told me: a cost comparison. The call was half as long.'],
      ['Plan the outcome of the two calls I usually “just take”', 'Even the inbound calls went better with an aim.'],
      ['Share my plan for the Atelier Moreau call with Daniel before it', ''],
    ],
  },
  {
    owner: 'rep1',
    kind: 'learning',
    title: 'Run a mutual-plan review with the customer, not at them',
    span: 'current',
    measure: 'learning_notes',
    targetValue: 6,
    status: 'active',
    steps: [
      ['Watch Daniel run the Tamar Energy plan review', 'He let the customer read their own commitments aloud.'],
      ['Ask Vireo Santé’s champion to walk me through the plan', 'She found two dates that were wrong before I did.'],
      ['Open the next review with the customer’s milestones, not ours', 'The customer talked first and committed to more.'],
      ['Try the review on the phone instead of a video call', ''],
    ],
    notes: ['A review is the customer’s meeting: I bring the plan, they bring the dates.'],
  },
  {
    owner: 'rep2',
    kind: 'process',
    title: 'Keep every action I agree in a check-in',
    span: 'spring',
    measure: 'check_in_actions_kept',
    targetValue: 90,
    why: true,
    stretch: true,
    status: 'done',
    steps: [
      ['Put each action from today’s check-in in my calendar before I leave the room', 'If it is not in the calendar it does not exist for me.'],
      ['Agree a due date I believe, not the one Daniel would like', 'Daniel was fine with Thursday instead of Tuesday.'],
      ['Say it the day before when an action will be late', 'Nobody minded: what hurts is finding out afterwards.'],
      ['Agree at most two actions per check-in', 'With two I keep them; with four I kept two anyway.'],
      ['Review last time’s actions first thing in every check-in', 'Nine in ten kept was a stretch. Two in three kept on time is twice where I started.'],
    ],
    notes: ['Ended short of the stretch, and still the best quarter I have had for keeping my word.'],
  },
  {
    owner: 'rep2',
    kind: 'process',
    title: 'Ask for a concrete advance on every call',
    span: 'current',
    measure: 'advance_rate',
    targetValue: 45,
    status: 'active',
    steps: [
      ['Ask Solvent Chemie for a meeting with their security officer', 'Asked; they agreed to a date in two weeks.'],
      ['Stop ending calls with “I’ll send something over”', 'Ended two calls with a date instead.'],
      ['Ask Van Dijk Bouw to bring the CFO to the next demo', 'They said no, and told me why: the CFO wants numbers first.'],
      ['Prepare the one question that gets the advance for Friday’s calls', ''],
    ],
  },
  {
    owner: 'rep2',
    kind: 'learning',
    title: 'Learn enough SQL to build my own pipeline report',
    span: 'current',
    measure: 'learning_notes',
    targetValue: 5,
    status: 'dropped',
    steps: [
      ['Do the first lesson of the SQL course', 'Joins make sense; my data is not in a database I can reach.'],
      ['Ask the admin for a read-only export', ''],
    ],
    notes: ['Set aside: the coaching page answers what I wanted to know, and my evenings are better spent elsewhere.'],
  },
  {
    owner: 'rep3',
    kind: 'process',
    title: 'A mutual plan on every deal over £50,000',
    span: 'current',
    measure: 'deals_with_mutual_plan',
    measureAmount: { amountMinor: 5_000_000, currency: 'GBP' },
    targetValue: 80,
    why: true,
    status: 'active',
    steps: [
      ['List my open deals over £50k and which have a plan', 'Four out of seven had none; two of those were my biggest.'],
      ['Propose a plan to Kestrel Logistics’ operations planning manager', 'She wanted one: her boss asks her for dates too.'],
      ['Draft the Willow Care Homes plan with their dates, not mine', 'Their board meets monthly: the plan has four months, not six weeks.'],
      ['Share the Lumen Telecom plan through a link', 'They ticked two commitments the same afternoon.'],
      ['Ask Orchard Pharma who owns validation in their plan', ''],
    ],
  },
  {
    owner: 'rep3',
    kind: 'learning',
    title: 'Lead the CFO conversation on the cost of waiting',
    span: 'spring',
    measure: 'learning_notes',
    targetValue: 4,
    status: 'done',
    steps: [
      ['Read two of our won business cases', 'Both put a monthly number on doing nothing.'],
      ['Rehearse the cost-of-waiting question with Daniel', 'Ask, then stop talking.'],
      ['Ask Brightwater’s finance partner what over-production costs a month', 'She knew to the pound — and had never been asked.'],
      ['Put the number in the Brightwater plan’s “cost of inaction”', 'Seeing their own number, they moved the decision forward a month.'],
      ['Run the conversation alone with Calder’s CFO', 'It worked without slides.'],
    ],
  },
  {
    owner: 'rep4',
    kind: 'process',
    title: 'Keep my commitments to customers on time',
    span: 'current',
    measure: 'commitments_kept_on_time',
    targetValue: 85,
    why: true,
    status: 'active',
    steps: [
      ['Look at every commitment due this week on Monday morning', 'Two were due before I had even started them.'],
      ['Re-date the Oakridge pricing commitment before it is late, not after', 'They thanked me for saying so early.'],
      ['Promise dates a day later than I think I need', 'I kept all four commitments this week.'],
      ['Ask Nimbus for their date for the security questionnaire', ''],
    ],
  },
  {
    owner: 'rep4',
    kind: 'learning',
    title: 'Learn how US mid-market procurement buys software',
    span: 'current',
    measure: 'learning_notes',
    targetValue: 5,
    status: 'active',
    steps: [
      ['Ask Upland Outdoor’s buyer to walk me through their last software purchase', 'Legal reviews the contract after procurement, not alongside.'],
      ['Read Vantage’s vendor onboarding guide', 'A W-9 and proof of insurance before anything else.'],
      ['Ask Granite Capital which portfolio company buys next', ''],
    ],
  },
];

function planGoal(story: GoalStory, ladders: readonly PlannedLadder[], periods: Record<GoalStory['span'], Period>, today: string, nowMs: number): PlannedGoal {
  const owner = story.owner;
  const period = periods[story.span];
  const createdAt = at(owner, addDays(period.start, 2), '08:40');
  // Closed a few days after its period ended (done), or three weeks ago (set aside).
  const closedAt = story.status === 'done' ? at(owner, addDays(period.end, 3), '17:30') : story.status === 'dropped' ? at(owner, addDays(today, -21), '19:05') : null;
  const end = Math.min(closedAt ?? nowMs - 2 * HOUR, nowMs - 2 * HOUR);
  const why = story.why ? ladders.findIndex((l) => l.owner === owner && l.why !== null) : -1;
  return {
    owner,
    setBy: owner,
    kind: story.kind,
    title: story.title,
    period,
    measure: story.measure,
    measureAmount: story.measureAmount ?? null,
    targetValue: story.targetValue ?? null,
    targetAmount: null,
    why: why >= 0 ? why : null,
    stretch: story.stretch ?? false,
    status: story.status,
    closedAt: closedAt === null ? null : iso(closedAt),
    createdAt: iso(createdAt),
    steps: stepLog(story.steps, createdAt, end, story.status),
    notes: (story.notes ?? []).map((body, i) => ({ body, at: iso(end - (i + 1) * 3 * HOUR) })),
  };
}

/**
 * The steps spread over the weeks from `from` to `to`: each done (with its lesson) the moment the
 * next was written, the last one still current — or, once the goal is closed, done with it (done)
 * or set aside (dropped).
 */
function stepLog(stories: readonly StepStory[], from: number, to: number, status: PlannedGoal['status']): PlannedStep[] {
  const gap = (to - from) / stories.length;
  return stories.map(([text, lesson], i) => {
    const createdAt = from + i * gap;
    const last = i === stories.length - 1;
    const doneAt = last ? to : from + (i + 1) * gap;
    if (last && status === 'active') return { text, createdAt: iso(createdAt), status: 'current', lesson: null, doneAt: null, closedAt: null };
    if (last && status === 'dropped') return { text, createdAt: iso(createdAt), status: 'set_aside', lesson: null, doneAt: null, closedAt: iso(to) };
    return { text, createdAt: iso(createdAt), status: 'done', lesson: lesson || 'Done, and on to the next one.', doneAt: iso(doneAt), closedAt: null };
  });
}

/** The quota Daniel set each rep for the fiscal quarter, with the steps they took toward it. */
function planQuota(owner: RepKey, quarter: Period & { name: string }, nowMs: number): PlannedGoal {
  const setAt = Math.min(at('manager', quarter.start, '09:15'), nowMs - 3 * HOUR);
  const steps = QUOTA_STEPS[owner];
  // A quarter just begun has room for its first step only.
  const taken = Math.max(1, Math.min(steps.length, Math.floor((nowMs - setAt) / (7 * DAY)) + 1));
  return {
    owner,
    setBy: 'manager',
    kind: 'outcome',
    title: `Quota for ${quarter.name}`,
    period: { start: quarter.start, end: quarter.end },
    measure: 'revenue_won',
    measureAmount: null,
    targetValue: null,
    targetAmount: QUOTA_MINOR[owner],
    why: null,
    stretch: false,
    status: 'active',
    closedAt: null,
    createdAt: iso(setAt),
    steps: stepLog(steps.slice(steps.length - taken), setAt + 30 * 60_000, nowMs - HOUR, 'active'),
    notes: [],
  };
}

// ───────────────────────── check-ins ─────────────────────────

type SeriesStory = {
  rep: RepKey;
  cadence: PlannedSeries['cadence'];
  weekday: number | null;
  dayOfMonth: number | null;
  time: string;
  /** Of each person's actions due by now, every `missEvery`-th was not kept on time. */
  missEvery: number;
  /** Whether some of those older misses were dropped at the next check-in (else they were kept late). */
  dropsSome: boolean;
};

/**
 * How Daniel meets each rep (on his London clock), and how reliably each keeps what they agree.
 * Jonas kept two actions in three on time and the others late — never dropped — so his stretch goal
 * of the spring (nine in ten) ended short, whatever the day: at most 75 % of any run of his actions.
 */
const SERIES: readonly SeriesStory[] = [
  { rep: 'rep1', cadence: 'weekly', weekday: 2, dayOfMonth: null, time: '10:00', missEvery: 5, dropsSome: true },
  { rep: 'rep2', cadence: 'biweekly', weekday: 1, dayOfMonth: null, time: '14:00', missEvery: 3, dropsSome: false },
  { rep: 'rep3', cadence: 'biweekly', weekday: 4, dayOfMonth: null, time: '09:30', missEvery: 4, dropsSome: true },
  { rep: 'rep4', cadence: 'monthly', weekday: null, dayOfMonth: 12, time: '15:00', missEvery: 3, dropsSome: true },
];

const ANSWERS: Record<string, readonly string[]> = {
  advance: [
    'Planned a pilot at {account}; they agreed to a two-site trial starting next month.',
    'Planned a meeting with the economic buyer at {account}. Did not get it — they want the business case first.',
    'Aimed for a technical workshop at {account} and got it, with their IT director.',
    'Wanted a signed order form from {account}. Got a verbal yes and a date instead.',
    'Planned to agree the mutual plan with {account}: they added two commitments of their own.',
    'Asked {account} for an introduction to procurement. A continuation: they will ask internally.',
  ],
  'at-risk': [
    'The security questionnaire {account} owes us is a week late.',
    'My commitment to send {account} the pricing options: I promised Friday and have not started.',
    'Nothing at risk this week.',
    'The pilot date at {account}: their champion is on leave for two weeks.',
    '{account} have not confirmed the workshop attendees.',
  ],
  learned: [
    'Customers commit to more when they write the dates themselves.',
    'Asking “what happens if you do nothing?” changed the whole call.',
    'A champion is not a buyer: I need the CFO in the room.',
    'Planning the call for ten minutes saved half an hour in it.',
    'Walking away from a dead deal freed a day a week.',
    'Silence after a price is fine.',
  ],
  help: [
    'Join the call with {account}’s CFO.',
    'Practise the pricing conversation with me.',
    'An intro to someone who sold to {account} before.',
    'Nothing this week, thanks.',
    'Help me decide whether to walk away from {account}.',
  ],
};

const REP_ACTIONS: readonly string[] = [
  'Send {account} the cost-of-waiting summary',
  'Ask {account} for the date their board decides',
  'Book the workshop with {account}’s IT team',
  'Update the mutual plan for {account} with their new dates',
  'Write the planned outcome for the {account} call',
  'Call {account}’s champion about the security review',
  'Draft the business case for {account}',
  'Ask {account} who else signs',
];

const MANAGER_ACTIONS: readonly string[] = ['Join the {account} call with their CFO', 'Introduce {rep} to our reference customer in logistics', 'Review the {account} proposal before it goes out', 'Role-play the pricing conversation for {account}'];

const NOTES: readonly (readonly [string, 'private' | 'shared'])[] = [
  ['Good energy. Keeps planning calls without being reminded.', 'private'],
  ['Agreed: one tiny step at a time on the learning goal.', 'shared'],
  ['Seems stretched this week — ask about workload next time.', 'private'],
  ['We celebrated the advance at {account}.', 'shared'],
  ['Pipeline review: two deals to walk away from, decided together.', 'shared'],
];

const DROP_REASONS = ['Agreed at the next check-in: no longer needed, the deal moved on.', 'Agreed at the next check-in: the customer postponed, so it waits.'];

const fill = (text: string, account: string, rep: string) => text.replace('{account}', account).replace('{rep}', rep);

function planSeries(rng: Rng, story: SeriesStory, startsOn: string, accounts: readonly string[], nowMs: number): PlannedSeries {
  const { rep } = story;
  const durationMinutes = 30;
  const schedule: Schedule = { cadence: story.cadence, weekday: story.weekday, dayOfMonth: story.dayOfMonth, time: story.time, timeZone: MANAGER_ZONE, startsOn };
  const createdAt = at('manager', addDays(startsOn, -3), '11:20');
  // Occurrences already over when the story is told (walked once, in order: at most 27 weeks of them).
  const over = occurrencesFrom(schedule, instantAt(startsOn, '00:00', MANAGER_ZONE), 30).filter((o) => o.at.getTime() < nowMs - durationMinutes * 60_000);
  const repName = DEMO_PEOPLE[rep].name.split(' ')[0];
  // Each person's actions already due, counted in order: which were kept on time and which missed.
  const judged = { rep: 0, manager: 0 };
  const todayOf = { rep: todayIn(zoneOf(rep), new Date(nowMs)), manager: todayIn(MANAGER_ZONE, new Date(nowMs)) };
  const missed = { rep: 0, manager: 0 };
  const checkIns: PlannedCheckIn[] = over.map((o, index) => {
    const start = o.at.getTime();
    const recent = index >= over.length - 2;
    // Now and then a check-in was skipped (a holiday, a customer visit) — never one of the last two.
    const skipped = !recent && index > 0 && rng.chance(0.1);
    const account = () => rng.pick(accounts);
    const base = { at: iso(start), localDate: o.date, localTime: o.time, openedAt: iso(start - 26 * HOUR) };
    if (skipped) return { ...base, status: 'skipped', heldAt: null, answers: [], submittedAt: null, notes: [], actions: [] };
    const answers = DEFAULT_CHECK_IN_QUESTIONS.filter((q) => q.id !== 'help' || rng.chance(0.7)).map((q) => ({ questionId: q.id, text: fill(rng.pick(ANSWERS[q.id]), account(), repName) }));
    const heldAt = start + durationMinutes * 60_000;
    const notes = rng.chance(0.6) ? [rng.pick(NOTES)].map(([body, visibility]) => ({ body: fill(body, account(), repName), visibility, at: iso(heldAt - 5 * 60_000) })) : [];
    const count = rng.int(1, 2) + (rng.chance(0.25) ? 1 : 0);
    const actions = Array.from({ length: count }, (_, i): PlannedAction => {
      const byManager = i === 2 || (i === 1 && rng.chance(0.3));
      const who = byManager ? 'manager' : 'rep';
      const title = fill(rng.pick(byManager ? MANAGER_ACTIONS : REP_ACTIONS), account(), repName);
      const dueDate = addDays(o.date, rng.int(2, story.cadence === 'weekly' ? 5 : 9));
      const createdAt = iso(heldAt - (10 - i) * 60_000);
      // Not due yet: open (or already done, now and then).
      if (dueDate >= todayOf[who]) {
        const early = rng.chance(0.3) && nowMs - 2 * HOUR > Date.parse(createdAt);
        return { owner: who, title, dueDate, createdAt, status: early ? 'done' : 'open', doneAt: early ? iso(nowMs - 2 * HOUR) : null, dropped: null };
      }
      // Last time but one, the rep's first action was missed: it is still open, and comes up again.
      if (index === over.length - 2 && i === 0) return { owner: who, title, dueDate, createdAt, status: 'open', doneAt: null, dropped: null };
      const seen = judged[who]++;
      if (seen % story.missEvery !== story.missEvery - 1) {
        const doneAt = Math.max(utcAt(addDays(dueDate, -rng.int(0, 2)), '15:30'), Date.parse(createdAt) + HOUR);
        return { owner: who, title, dueDate, createdAt, status: 'done', doneAt: iso(doneAt), dropped: null };
      }
      // Missed: the last two check-ins' misses are still open; older ones were kept late, or
      // dropped together at the next check-in.
      const late = utcAt(addDays(dueDate, rng.int(1, 4)), '14:00');
      const misses = missed[who]++;
      if (recent || late > nowMs - HOUR) return { owner: who, title, dueDate, createdAt, status: 'open', doneAt: null, dropped: null };
      if (!story.dropsSome || misses % 3 !== 2) return { owner: who, title, dueDate, createdAt, status: 'done', doneAt: iso(late), dropped: null };
      const next = over[index + 1]?.at.getTime() ?? nowMs - HOUR;
      return { owner: who, title, dueDate, createdAt, status: 'dropped', doneAt: null, dropped: { at: iso(Math.min(Math.max(next + 20 * 60_000, late), nowMs - HOUR)), reason: rng.pick(DROP_REASONS) } };
    });
    return { ...base, status: 'held', heldAt: iso(heldAt), answers, submittedAt: iso(start - rng.int(2, 20) * HOUR), notes, actions };
  });
  return { rep, cadence: story.cadence, weekday: story.weekday, dayOfMonth: story.dayOfMonth, time: story.time, timeZone: MANAGER_ZONE, startsOn, durationMinutes, createdAt: iso(createdAt), checkIns };
}

/**
 * The goals story as of `now`. `accountsOf` names each rep's accounts, for the answers and actions
 * of their check-ins.
 */
export function planGoals(now: Date, accountsOf: Record<RepKey, readonly string[]>): PlannedGoals {
  const rng = seededRng(SEED);
  const nowMs = now.getTime();
  const today = todayIn(MANAGER_ZONE, now);
  const ladders = LADDERS.map((l) => planLadder(l, today));
  // Goals of the last weeks run from last month to the end of next; the spring's ended over a month ago.
  const periods: Record<GoalStory['span'], Period> = {
    current: { start: monthStart(today, -1), end: monthEnd(today, 1) },
    spring: { start: monthStart(today, -4), end: monthEnd(today, -2) },
  };
  const quarter = fiscalQuarterOf(today, DEMO_FISCAL_YEAR_START_MONTH);
  const goals = [...DEMO_REPS.map((rep) => planQuota(rep, quarter, nowMs)), ...GOALS.map((g) => planGoal(g, ladders, periods, today, nowMs))];
  // Check-ins began a month before the spring goals, so each one counts every action of its period.
  const startsOn = monthStart(today, -5);
  const series = SERIES.map((s) => planSeries(rng, s, startsOn, accountsOf[s.rep], nowMs));
  return { ladders, goals, series };
}

/** The manager's clock for a check-in's instant (a notification's words). */
export const managerClock = (instant: string) => wallClock(new Date(instant), MANAGER_ZONE);
