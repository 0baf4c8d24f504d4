import type { ObjectiveKind, ObjectiveStatus } from '../../../shared/objectives.js';
import type { DemoPersonKey } from './catalogue.js';
import type { Day } from './plan-story.js';

/**
 * The strategic objectives of the demo's key accounts: the next major milestone with each customer,
 * set with the yearly targets, with the team members invited to help, what they added and the tasks
 * they took. Days are offsets from today in the objective owner's time zone. An open objective's
 * target date stays inside the current fiscal year when it can (see objectives.ts), as reps set them.
 */

export type ObjectiveStory = {
  account: string;
  owner: DemoPersonKey;
  title: string;
  kind: ObjectiveKind;
  /** The client goal, in the client's words. */
  goal: string;
  /** In major units. */
  target: readonly [number, 'EUR' | 'GBP' | 'USD'] | null;
  due: Day;
  status: ObjectiveStatus;
  created: Day;
  /** When it went from planned to active, and (achieved, missed, dropped) when it ended. */
  activated?: Day;
  ended?: Day;
  /** Deals of the account it counts on, by name. */
  deals: readonly string[];
  contributors?: readonly (readonly [DemoPersonKey, Day])[];
  insights?: readonly (readonly [DemoPersonKey, Day, string])[];
  tasks?: readonly { owner: DemoPersonKey; title: string; due: Day; added: Day; done?: Day; must?: boolean; detail?: string }[];
};

export const OBJECTIVE_STORIES: readonly ObjectiveStory[] = [
  {
    account: 'Kestrel Logistics',
    owner: 'rep3',
    title: 'All 14 depots planning on Northwind',
    kind: 'expansion',
    goal: '“One plan for the whole network, so depot managers stop borrowing drivers from each other by phone.”',
    target: [420_000, 'GBP'],
    due: 95,
    status: 'active',
    created: -48,
    activated: -40,
    deals: ['Workforce scheduling', 'Demand forecasting pilot'],
    contributors: [['manager', -40], ['rep2', -12]],
    insights: [
      ['manager', -38, 'Their COO spoke at the UKWA conference about driver shortages. Ask for the depot numbers she quoted: they make our business case for us.'],
      ['rep3', -20, 'Three depot managers are sceptical; the Leeds manager is a fan after the pilot. Let him present the results at their monthly ops meeting.'],
      ['rep2', -9, 'Marlow Logistik had the same resistance. What worked: each depot kept its own shift patterns for the first quarter, and only then moved to the shared ones.'],
    ],
    tasks: [
      { owner: 'rep2', title: 'Share the Marlow depot rollout plan (anonymised) with Emily', due: -5, added: -11, done: -6 },
      { owner: 'manager', title: 'Executive sponsor call with Kestrel’s COO', due: 6, added: -10, must: true, detail: 'Agree that the network rollout is on her 2027 plan.' },
      { owner: 'rep3', title: 'Map the 14 depot managers and whom they report to', due: 10, added: -19 },
    ],
  },
  {
    account: 'Orchard Pharma',
    owner: 'rep3',
    title: 'Validated planning in every Irish plant',
    kind: 'new_region',
    goal: '“Release batches in 14 days instead of 21, in every plant, before our clients move volume elsewhere.”',
    target: [300_000, 'EUR'],
    due: 150,
    status: 'active',
    created: -60,
    activated: -52,
    deals: ['Expansion to second region', 'S&OP module'],
    contributors: [['manager', -20]],
    insights: [
      ['rep3', -30, 'Cork is the proof point. If the parallel run holds 14 days, the Athlone plant manager has already said he wants the same.'],
      ['manager', -15, 'Our QA lead validated the suite for a medical-device client last year; her validation pack could save Orchard six weeks.'],
    ],
    tasks: [{ owner: 'manager', title: 'Ask our QA lead to join the GxP validation call', due: 4, added: -14 }],
  },
  {
    account: 'Willow Care Homes',
    owner: 'rep3',
    title: 'Agency-staff planning in all 80 homes',
    kind: 'new_line_of_business',
    goal: '“Halve what we spend on agency staff without leaving a single shift uncovered.”',
    target: [180_000, 'GBP'],
    due: 120,
    status: 'planned',
    created: -30,
    deals: ['Expansion to second region'],
    insights: [['rep3', -28, 'The CFO owns agency spend, not operations. Start there.']],
  },
  {
    account: 'Quarry Stone Supplies',
    owner: 'rep3',
    title: 'All nine yards on one plan',
    kind: 'expansion',
    goal: '“Know on Monday which yard can deliver what this week.”',
    target: [31_500, 'GBP'],
    due: -89,
    status: 'achieved',
    created: -150,
    activated: -140,
    ended: -89,
    deals: ['Planning suite rollout'],
  },
  {
    account: 'Calder Engineering',
    owner: 'rep3',
    title: 'S&OP for the aerospace line',
    kind: 'new_line_of_business',
    goal: '“Stop promising delivery dates the shop floor cannot keep.”',
    target: [31_000, 'GBP'],
    due: -137,
    status: 'missed',
    created: -220,
    activated: -210,
    ended: -130,
    deals: ['S&OP module'],
    insights: [['rep3', -131, 'Budget frozen after their reorganisation. Revisit with the new finance director next year.']],
  },
  {
    account: 'Iris Telecomunicazioni',
    owner: 'rep1',
    title: 'Replace the end-of-life maintenance planner across northern Italy',
    kind: 'new_line_of_business',
    goal: '“No site left unmaintained in the storm season when the old tool loses support.”',
    target: [290_000, 'EUR'],
    due: 40,
    status: 'active',
    created: -100,
    activated: -70,
    deals: ['Planning suite rollout', 'Renewal and seat expansion'],
    contributors: [['manager', -25]],
    insights: [
      ['rep1', -24, 'The COO signed the charter, but the IT architect has not reviewed anything in a month. Yes on paper, no in practice.'],
      ['manager', -20, 'If the design review slips again, we ask the COO directly for a date — or we stop forecasting it this quarter.'],
    ],
    tasks: [{ owner: 'rep1', title: 'Write the one-page cost of delay for the COO', due: 2, added: -6 }],
  },
  {
    account: 'Juniper Learning',
    owner: 'rep1',
    title: 'Scheduling for the new COO’s first 100 days',
    kind: 'new_market',
    goal: '“Every apprentice’s assessor booked a month ahead, on every campus.”',
    target: [120_000, 'EUR'],
    due: 75,
    status: 'planned',
    created: -20,
    deals: ['Capacity planning', 'Planning suite rollout'],
  },
  {
    account: 'Van Dijk Bouw',
    owner: 'rep2',
    title: 'Rotterdam region planned alongside Utrecht',
    kind: 'new_region',
    goal: '“See every crane and crew in both regions before we rent anything.”',
    target: [150_000, 'EUR'],
    due: 45,
    status: 'active',
    created: -62,
    activated: -57,
    deals: ['Expansion to second region'],
    contributors: [['manager', -18]],
    insights: [['manager', -17, 'The plan has gone quiet for three weeks. A call to the CFO about the start date would move it.']],
    tasks: [{ owner: 'manager', title: 'Call Van Dijk’s CFO about the Rotterdam start date', due: 3, added: -17 }],
  },
  {
    account: 'Hoffmann Medizintechnik',
    owner: 'rep2',
    title: 'S&OP validated for the MDR audit',
    kind: 'expansion',
    goal: '“Walk into the MDR audit with one plan that quality and production both sign.”',
    target: [110_000, 'EUR'],
    due: 70,
    status: 'active',
    created: -45,
    activated: -40,
    deals: ['S&OP module', 'Analytics add-on'],
  },
  {
    account: 'Meridian Freight',
    owner: 'rep4',
    title: 'From the EMEA division to the Americas',
    kind: 'new_market',
    goal: '“One planning process for every division before the 2028 network redesign.”',
    target: [400_000, 'USD'],
    due: 200,
    status: 'planned',
    created: -15,
    deals: ['Analytics add-on'],
    contributors: [['rep3', -14]],
    insights: [['rep3', -13, 'Their EMEA finance director used to run Kestrel’s network planning: she knows what a rollout across depots takes.']],
  },
  {
    account: 'Wexford Insurance',
    owner: 'rep4',
    title: 'Claims planning in Cork as in Dublin',
    kind: 'new_region',
    goal: '“The same service level in every office during storm season.”',
    target: [250_000, 'EUR'],
    due: 60,
    status: 'active',
    created: -80,
    activated: -75,
    deals: ['Expansion to second region'],
    contributors: [['rep3', -30]],
    insights: [['rep3', -29, 'The Cork office manager was at Lumen before. Lumen’s scheduling pilot is the reference she will trust.']],
  },
  {
    account: 'Harbour Health Trust',
    owner: 'manager',
    title: 'Win the patient-transport tender',
    kind: 'new_market',
    goal: '“Every patient picked up within 15 minutes of the booked time.”',
    target: [400_000, 'GBP'],
    due: 130,
    status: 'active',
    created: -50,
    activated: -45,
    deals: ['Analytics add-on', 'Premium support upgrade'],
    contributors: [['rep3', -9], ['admin', -15]],
    insights: [
      ['manager', -44, 'The tender is expected in spring. What we do before it is published decides whether the requirements fit us.'],
      ['admin', -14, 'We are on the NHS supplier framework until 2028; I will check our entry is up to date.'],
    ],
    tasks: [
      { owner: 'admin', title: 'Check our entry on the NHS supplier framework', due: 12, added: -14 },
      { owner: 'rep3', title: 'Send Daniel the NHS lessons from the Willow rollout', due: -2, added: -8, done: -3 },
    ],
  },
  {
    account: 'Tamar Energy',
    owner: 'manager',
    title: 'Second region under the framework agreement',
    kind: 'expansion',
    goal: '“Field engineers in both regions on one schedule before the storm season.”',
    target: [61_000, 'GBP'],
    due: -63,
    status: 'achieved',
    created: -90,
    activated: -88,
    ended: -63,
    deals: ['Expansion to second region'],
  },
];

/** Each rep's yearly target for the current fiscal year, in major units; the manager set them at its start. */
export const REP_TARGETS: readonly (readonly [DemoPersonKey, number, 'EUR' | 'GBP' | 'USD'])[] = [
  ['rep1', 1_400_000, 'EUR'],
  ['rep2', 1_500_000, 'EUR'],
  ['rep3', 1_100_000, 'GBP'],
  ['rep4', 1_300_000, 'USD'],
];

/** The fiscal year starts in April, as at many British companies. */
export const DEMO_FISCAL_YEAR_START_MONTH = 4;

/** The five things that make a deal a good fit for Northwind. */
export const SWEET_SPOT_CRITERIA = [
  'Plans 50 or more people, vehicles or machines',
  'Planning lives in spreadsheets or a tool being retired',
  'An operations executive owns the problem and the budget',
  'Several sites or regions to plan together',
  'Can go live within six months',
] as const;
