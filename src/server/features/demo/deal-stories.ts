import type { SampleAdvanceKind, SampleInteractionKind, SampleResult } from '../../../domain/demo-interactions.js';
import type { BuyingRole } from '../../../shared/contacts.js';
import type { DemoPersonKey } from './catalogue.js';
import type { Day } from './plan-story.js';

/**
 * Deals whose story the demo tells on purpose (the others get generated calls and qualification):
 * deals qualified with evidence, chased deals the Focus page should point out, and one deal the rep
 * walked away from. Days are offsets from today in the deal owner's time zone.
 */

export type StoryCall = {
  on: Day;
  kind: SampleInteractionKind;
  advance: SampleAdvanceKind;
  /** "What will the customer agree to by the end of this call?" */
  ask: string;
  result: SampleResult;
  /** What the customer agreed to (advanced) or the notes (otherwise). */
  said: string;
  /** Contacts who attended, by buying role (default: the champion). */
  with?: readonly BuyingRole[];
  /** Demo people who joined the deal owner. */
  joined?: readonly DemoPersonKey[];
  /** Actions agreed in an advanced call, kept on the interaction (the deal has no plan): a demo person, or the contact with this role. */
  actions?: readonly { side: 'seller' | 'customer'; owner: DemoPersonKey | BuyingRole; title: string; due: Day; must?: boolean }[];
};

export type StoryQualification = {
  change: { level: 'stated' | 'evidenced'; evidence: string; by: BuyingRole; on: Day } | null;
  cost?: string;
  /** Per month, in major units of the deal's currency. */
  costPerMonth?: number;
  event?: readonly [string, Day];
  /** Answers to the five sweet-spot criteria, in order. */
  fit: readonly ('met' | 'not_met' | 'unknown')[];
};

export type DealStory = {
  account: string;
  deal: string;
  /** Why it is here, for whoever edits the demo. */
  shows: string;
  qualification: StoryQualification;
  /** The deal's calls, replacing generated ones. */
  calls?: readonly StoryCall[];
  /** For a deal closed as walked away: the reason, replacing the generated one. */
  walkedAway?: string;
};

const call = (on: Day, kind: SampleInteractionKind, advance: SampleAdvanceKind, ask: string, result: SampleResult, said: string, more: Pick<StoryCall, 'with' | 'joined' | 'actions'> = {}): StoryCall => ({
  on,
  kind,
  advance,
  ask,
  result,
  said,
  ...more,
});

export const DEAL_STORIES: readonly DealStory[] = [
  {
    account: 'Lumen Telecom',
    deal: 'Workforce scheduling',
    shows: 'a qualified deal: evidenced commitment to change, cost of inaction per month, compelling event',
    qualification: {
      change: { level: 'evidenced', evidence: 'The CFO put installer scheduling in the 2027 budget and told the board that orders must wait less than a week by the summer.', by: 'economic_buyer', on: -16 },
      cost: 'About 600 orders a month wait more than three weeks and one in ten cancels: roughly €45,000 of first-year revenue lost every month.',
      costPerMonth: 45_000,
      event: ['The board’s growth plan needs 40% more connections from the spring', 95],
      fit: ['met', 'met', 'met', 'met', 'met'],
    },
  },
  {
    account: 'Hoffmann Medizintechnik',
    deal: 'S&OP module',
    shows: 'a qualified deal past the stage gate',
    qualification: {
      change: { level: 'evidenced', evidence: 'The quality director approved Northwind for validation and booked the validation team for January in writing.', by: 'decision_maker', on: -12 },
      cost: 'Every quarter without S&OP the Munich plant carries about €300,000 of excess stock of slow-moving devices.',
      costPerMonth: 100_000,
      event: ['New EU MDR audit of the Munich plant', 70],
      fit: ['met', 'met', 'met', 'unknown', 'met'],
    },
  },
  {
    account: 'Wexford Insurance',
    deal: 'Expansion to second region',
    shows: 'a qualified expansion of an existing customer',
    qualification: {
      change: { level: 'evidenced', evidence: 'The head of claims wrote that the Cork team moves to Northwind planning before the winter storm season, as the Dublin team did.', by: 'economic_buyer', on: -21 },
      cost: 'Cork pays about €38,000 a month in overtime during storm season because shifts are planned a week at a time.',
      costPerMonth: 38_000,
      event: ['Winter storm season', 30],
      fit: ['met', 'met', 'met', 'met', 'met'],
    },
  },
  {
    account: 'Kestrel Logistics',
    deal: 'Demand forecasting pilot',
    shows: 'a call that advanced, with the actions both sides agreed kept on the interaction (no plan yet)',
    qualification: {
      change: { level: 'stated', evidence: 'The head of network planning said forecasting is their next project once scheduling is settled.', by: 'champion', on: -45 },
      fit: ['met', 'met', 'unknown', 'met', 'met'],
    },
    calls: [
      call(-115, 'call', 'introduction', 'Get an introduction to the head of network planning', 'advanced', 'Introduced to the head of network planning by the Leeds depot manager.'),
      call(-80, 'meeting', 'information', 'Share the volume forecasts of three depots and how they are built', 'advanced', 'Forecast spreadsheets for Leeds, Daventry and Bristol received.'),
      call(-45, 'demo', 'trial', 'Agree a forecasting pilot on the three depots’ data', 'continuation', 'They liked the forecast view; the pilot waits for the scheduling decision.'),
      call(-6, 'call', 'information', 'Agree what a three-depot pilot would need from each side', 'advanced', 'They share last quarter’s volumes per depot; we send a pilot proposal for the three depots.', {
        actions: [
          { side: 'seller', owner: 'rep3', title: 'Send the forecasting pilot proposal for three depots', due: 3 },
          { side: 'customer', owner: 'champion', title: 'Share last quarter’s volumes per depot', due: 7 },
        ],
      }),
    ],
  },
  {
    account: 'Iris Telecomunicazioni',
    deal: 'Planning suite rollout',
    shows: 'a chased deal: the customer said yes on paper but keeps few of its commitments on the plan',
    qualification: {
      change: { level: 'evidenced', evidence: 'The COO signed the project charter: the old maintenance planner is switched off before support ends.', by: 'economic_buyer', on: -60 },
      cost: 'Extended support for the old planner costs €220,000 a year, plus SLA penalties for every site down more than four hours.',
      costPerMonth: 18_000,
      event: ['Vendor support for the current planner ends', 540],
      fit: ['met', 'met', 'met', 'met', 'not_met'],
    },
    calls: [
      call(-118, 'meeting', 'introduction', 'Meet the COO and agree who leads the replacement project', 'advanced', 'The COO named their head of network maintenance as project lead.', { with: ['economic_buyer', 'champion'] }),
      call(-90, 'visit', 'information', 'Walk through how the 4,200 sites are planned today, region by region', 'advanced', 'Full walkthrough in Milan; we have the site list and the current contracts.'),
      call(-56, 'meeting', 'conceptual_agreement', 'Agree that the requirements workshop output is the scope of the project', 'advanced', 'Scope agreed as written in the workshop summary.', { with: ['champion', 'blocker'] }),
      call(-28, 'call', 'other', 'Agree a date with the ticketing vendor for the integration design', 'advanced', 'Design session with the ticketing vendor booked.', { joined: ['manager'] }),
      call(-16, 'call', 'commitment_to_change', 'Get the IT architect to review the integration design this week', 'continuation', 'Friendly call; the architect “will look at it when the audit is over”. No date.'),
      call(-7, 'call', 'commitment_to_change', 'Agree a new timeline with the COO that keeps the winter go-live', 'continuation', 'The COO still wants winter but could not say who does the design review.', { with: ['economic_buyer'] }),
    ],
  },
  {
    account: 'Solvent Chemie',
    deal: 'Analytics add-on',
    shows: 'a chased deal: four results in a row without an advance, and no commitment to change after ten months',
    qualification: {
      change: null,
      cost: 'Not established: planning says the reports are “good enough”.',
      fit: ['met', 'unknown', 'not_met', 'met', 'not_met'],
    },
    calls: [
      call(-300, 'call', 'introduction', 'Introduce us to the head of production planning', 'advanced', 'Introduced to the head of production planning at the Ludwigshafen site.'),
      call(-262, 'meeting', 'information', 'Share the current planning reports and who reads them', 'advanced', 'Weekly capacity reports for two plants received.'),
      call(-210, 'demo', 'trial', 'Agree to try the analytics dashboards on one plant’s data', 'continuation', 'They liked the dashboards but want to wait for the IT security review of the core suite.'),
      call(-160, 'call', 'other', 'Agree a date for the ISO 27001 questionnaire review', 'advanced', 'Security review booked with the information security officer.', { with: ['champion', 'blocker'] }),
      call(-95, 'demo', 'conceptual_agreement', 'Agree that the add-on goes into next year’s budget request', 'continuation', 'Second demo, good questions; budgets are “not decided yet”.'),
      call(-61, 'call', 'commitment_to_change', 'Name a budget owner and a decision date for the add-on', 'no_advance', 'The head of planning says budgets are not his call; no owner named.'),
      call(-33, 'demo', 'trial', 'Agree to a two-week trial with the Ludwigshafen planners', 'continuation', 'Third demo, new faces from IT; everyone friendly, nobody could agree to a trial.', { with: ['champion', 'technical_evaluator'] }),
      call(-12, 'call', 'commitment_to_change', 'Get the COO to say whether analytics is a priority this year', 'no_advance', 'Moved twice, then the COO’s assistant cancelled on the day.'),
    ],
  },
  {
    account: 'Colombo Costruzioni',
    deal: 'Demand forecasting pilot',
    shows: 'a chased deal: a pilot discussed since the trade fair, no date, no commitment',
    qualification: { change: null, fit: ['met', 'met', 'unknown', 'met', 'unknown'] },
    calls: [
      call(-270, 'meeting', 'introduction', 'Meet the head of planning who stopped at our stand in Bologna', 'advanced', 'Met in Milan; he introduced the equipment manager.'),
      call(-220, 'call', 'information', 'Share the equipment forecasts of two large projects', 'advanced', 'Forecasts for the ring-road and the hospital project received.'),
      call(-150, 'demo', 'trial', 'Agree a pilot on the Milan ring-road project', 'continuation', 'Enthusiastic demo; the pilot needs “a word with the project director”.'),
      call(-100, 'visit', 'trial', 'Agree the pilot’s start date with the project director', 'no_advance', 'The project director did not come; his deputy cannot decide.'),
      call(-58, 'call', 'conceptual_agreement', 'Agree that the pilot is in next year’s plan', 'continuation', 'They “really want it” but the plan for next year is not written yet.'),
      call(-19, 'demo', 'commitment_to_change', 'Agree a decision date for the pilot', 'no_advance', 'Another demo for two new site managers; no decision date.'),
    ],
  },
  {
    account: 'Vantage Hospitality',
    deal: 'Renewal and seat expansion',
    shows: 'a chased deal: calls that advance small things, but after ten months still no commitment to change',
    qualification: { change: null, cost: 'Unclear: the current contract runs until the autumn.', fit: ['met', 'not_met', 'unknown', 'met', 'met'] },
    calls: [
      call(-280, 'call', 'information', 'Confirm how many properties and schedulers the renewal covers', 'advanced', '30 properties and 45 schedulers; the list follows by email.'),
      call(-230, 'meeting', 'introduction', 'Meet the new VP of hotel operations', 'continuation', 'Pleasant lunch; the VP is “still finding her feet”.'),
      call(-170, 'email', 'information', 'Send the seat usage by property for the last two quarters', 'advanced', 'Usage report received from the scheduling lead.'),
      call(-110, 'call', 'conceptual_agreement', 'Agree that seats follow properties, not named users', 'no_advance', 'Procurement wants to wait for the expansion deal first.'),
      call(-60, 'meeting', 'commitment_to_change', 'Agree a renewal decision date before the budget freeze', 'continuation', 'They want to see how the expansion goes; no date.'),
      call(-20, 'call', 'information', 'Share which properties join next year', 'advanced', 'List of six new properties shared.'),
    ],
  },
  {
    account: 'Lumen Telecom',
    deal: 'Analytics add-on',
    shows: 'a chased deal: interest without commitment for eight months',
    qualification: { change: null, fit: ['met', 'met', 'unknown', 'met', 'met'] },
    calls: [
      call(-215, 'call', 'information', 'Share which reports the board sees every month', 'advanced', 'Board pack template received.'),
      call(-150, 'demo', 'trial', 'Agree to trial the dashboards with the finance team', 'continuation', 'Finance liked it; “after the scheduling project”.'),
      call(-80, 'email', 'information', 'Send the list of KPIs finance tracks by hand', 'advanced', 'Eleven KPIs listed by the finance business partner.', { with: ['influencer'] }),
      call(-25, 'call', 'conceptual_agreement', 'Agree that analytics is part of next year’s scope', 'continuation', 'Everyone focused on the scheduling pilot; parked.'),
    ],
  },
  {
    account: 'Harbour Health Trust',
    deal: 'Premium support upgrade',
    shows: 'the manager’s own chased deal: three results without an advance',
    qualification: { change: null, fit: ['met', 'unknown', 'met', 'met', 'unknown'] },
    calls: [
      call(-85, 'meeting', 'information', 'Agree which service levels the control room needs at night', 'advanced', 'Night-time service levels written down with the control-room lead.'),
      call(-60, 'call', 'conceptual_agreement', 'Agree that premium support is priced per control room', 'continuation', 'They want to wait for the tender.'),
      call(-35, 'email', 'other', 'Get the procurement contact for the support contract', 'no_advance', 'No answer after two follow-ups.'),
      call(-10, 'call', 'commitment_to_change', 'Agree whether premium support is in this year’s budget', 'continuation', 'Nice call; budget question “goes to the trust board”.'),
    ],
  },
  {
    account: 'Blanc Cosmétiques',
    deal: 'Analytics add-on',
    shows: 'the deal the rep walked away from, with the calls that led there',
    qualification: { change: null, cost: 'Never established.', fit: ['not_met', 'met', 'not_met', 'unknown', 'unknown'] },
    calls: [
      call(-172, 'meeting', 'introduction', 'Meet the head of e-commerce and the demand planner', 'advanced', 'Met both; the demand planner owns the launch calendar.'),
      call(-150, 'demo', 'information', 'Learn which launch numbers they report on every week', 'continuation', 'Good demo; the numbers “depend on the season”.'),
      call(-128, 'demo', 'trial', 'Agree to try the dashboards on last spring’s launches', 'no_advance', 'They asked for the demo again for the marketing director, who did not join.'),
      call(-110, 'call', 'conceptual_agreement', 'Agree what the add-on must show to be worth buying', 'continuation', 'Long call, no criteria agreed.'),
      call(-90, 'demo', 'trial', 'Agree to a trial before the autumn launches', 'no_advance', 'Demo for the marketing director; “maybe next year”.'),
      call(-70, 'call', 'commitment_to_change', 'Name a budget owner and a decision date', 'no_advance', 'No budget owner; maybe after the spring launches.'),
    ],
    walkedAway:
      'Walked away: five calls and demos since the spring without an agreed next step, no budget owner and no decision date. We told their head of e-commerce we will step back until the spring launches are planned.',
  },
  {
    account: 'Halden Maschinenbau',
    deal: 'Capacity planning',
    shows: 'a lucky win for the retrospectives: won although no call won an advance and there was no plan — their incumbent went out of business',
    qualification: {
      change: { level: 'evidenced', evidence: 'Their scheduling vendor went into administration; the plant manager had to replace it within the quarter and said so in writing.', by: 'economic_buyer', on: -200 },
      fit: ['met', 'unknown', 'met', 'unknown', 'not_met'],
    },
    calls: [
      call(-300, 'call', 'introduction', 'Meet the plant manager who owns the scheduling budget', 'continuation', 'Friendly call; the champion will “mention us”.'),
      call(-270, 'demo', 'information', 'Learn how many shifts they plan by hand each week', 'continuation', 'They liked the demo; no numbers shared.'),
      call(-240, 'call', 'trial', 'Agree to a trial on one production line', 'no_advance', 'Not now: their current vendor’s contract runs to the summer.'),
      call(-215, 'call', 'commitment_to_change', 'Name a decision date for replacing the current tool', 'no_advance', 'No date; “we are happy enough for now”.'),
    ],
  },
  {
    account: 'Halden Maschinenbau',
    deal: 'Demand forecasting pilot',
    shows: 'an unlucky loss for the retrospectives: calls that advanced and an evidenced commitment, lost when the champion left',
    qualification: {
      change: { level: 'evidenced', evidence: 'The COO signed off the pilot budget and the two sites in writing.', by: 'economic_buyer', on: -200 },
      cost: 'Forecast errors cost them about €20,000 a month in expedited freight.',
      costPerMonth: 20_000,
      fit: ['met', 'met', 'met', 'unknown', 'met'],
    },
    calls: [
      call(-290, 'meeting', 'introduction', 'Meet the COO who owns the forecast', 'advanced', 'Met the COO; she wants fewer rush orders by the autumn.'),
      call(-255, 'call', 'information', 'Get last year’s forecast error by product family', 'advanced', 'They sent the error by family: 31 % on spare parts.'),
      call(-225, 'demo', 'trial', 'Agree a pilot on two sites with a start date', 'advanced', 'Pilot on Bergen and Kiel agreed, starting in four weeks.'),
      call(-195, 'call', 'commitment_to_change', 'Agree the rollout decision date after the pilot', 'no_advance', 'The champion is leaving; the new VP wants to “review all vendors”.'),
    ],
  },
];

/**
 * Interactions still ahead, and two whose time has passed without a result yet (Today asks their
 * owners to record the outcome). `on` ≥ 1 is ahead; -1 and -2 are yesterday and the day before.
 */
export type StoryPlannedCall = {
  account: string;
  deal: string;
  /** Default: the deal's owner. */
  owner?: 'manager';
  /** The account objective (by title) it serves. */
  objective?: string;
  on: Day;
  hour: number;
  kind: SampleInteractionKind;
  advance: SampleAdvanceKind;
  ask: string;
  firstCallGoal?: string;
  notes?: string;
  with?: readonly BuyingRole[];
};

export const PLANNED_CALLS: readonly StoryPlannedCall[] = [
  { account: 'Harbour Health Trust', deal: 'Analytics add-on', on: -1, hour: 14, kind: 'meeting', advance: 'conceptual_agreement', ask: 'Agree that the proposal’s scope is what goes into their tender requirements', with: ['champion', 'decision_maker'] },
  { account: 'Kestrel Logistics', deal: 'Workforce scheduling', on: -2, hour: 11, kind: 'demo', advance: 'trial', ask: 'Agree to a 30-day pilot with the ops team at the Leeds depot', notes: 'Bring the Marlow depot numbers Jonas shared.' },
  { account: 'Kestrel Logistics', deal: 'Workforce scheduling', owner: 'manager', objective: 'All 14 depots planning on Northwind', on: 6, hour: 10, kind: 'call', advance: 'commitment_to_change', ask: 'The COO puts the network rollout on her 2027 plan and names its owner', with: ['economic_buyer'] },
  { account: 'Lumen Telecom', deal: 'Workforce scheduling', on: 2, hour: 10, kind: 'meeting', advance: 'commitment_to_change', ask: 'Agree the go-live date for Dublin and Cork once the pilot ends', with: ['champion', 'economic_buyer'] },
  { account: 'Orchard Pharma', deal: 'S&OP module', on: 5, hour: 15, kind: 'call', advance: 'information', ask: 'Share the batch-release lead times of the Athlone plant' },
  { account: 'Iris Telecomunicazioni', deal: 'Planning suite rollout', on: 3, hour: 11, kind: 'call', advance: 'commitment_to_change', ask: 'The COO books the IT architect’s design review for a named day this month', with: ['economic_buyer'] },
  { account: 'Vireo Santé', deal: 'S&OP module', on: 6, hour: 14, kind: 'visit', advance: 'commitment_to_change', ask: 'Agree the clinics’ go-live order and sign the order form' },
  { account: 'Hoffmann Medizintechnik', deal: 'S&OP module', on: 4, hour: 9, kind: 'meeting', advance: 'commitment_to_change', ask: 'Agree the validation start date and sign the order form', with: ['decision_maker', 'economic_buyer'] },
  { account: 'Van Dijk Bouw', deal: 'Expansion to second region', on: 8, hour: 13, kind: 'call', advance: 'conceptual_agreement', ask: 'Agree the Rotterdam start date with the CFO', with: ['economic_buyer'] },
  {
    account: 'Meridian Freight',
    deal: 'Analytics add-on',
    on: 3,
    hour: 10,
    kind: 'meeting',
    advance: 'commitment_to_change',
    ask: 'The EMEA finance director commits budget to the analytics add-on for next year',
    firstCallGoal: 'Get the EMEA finance director to confirm that a budget line for planning tools exists',
  },
  { account: 'Wexford Insurance', deal: 'Expansion to second region', on: 7, hour: 11, kind: 'visit', advance: 'commitment_to_change', ask: 'Agree the Cork go-live date before the storm season', with: ['economic_buyer', 'champion'] },
];
