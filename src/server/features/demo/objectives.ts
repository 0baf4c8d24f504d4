import { addDays, todayIn } from '../../../domain/dates.js';
import { zonedInstant } from '../../../domain/demo-data.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../domain/fiscal-year.js';
import type { ObjectiveKind, ObjectiveStatus } from '../../../shared/objectives.js';
import { DEMO_PEOPLE, DEMO_TIME_ZONE, type DemoPersonKey } from './catalogue.js';
import { DEMO_FISCAL_YEAR_START_MONTH, OBJECTIVE_STORIES, REP_TARGETS, type ObjectiveStory } from './objective-stories.js';
import type { PlannedAccount, PlannedOpportunity } from './plan.js';

/**
 * Turns the objective stories into dated facts (as the objectives feature would have recorded them)
 * and sets each rep's yearly target for the fiscal year the demo is in. Pure: `now` is passed in. A
 * story that could not have happened (an insight before its author was invited, a task done before
 * it was taken) throws, so a bad edit fails the demo tests.
 */

export type PlannedObjective = {
  account: number;
  owner: DemoPersonKey;
  title: string;
  kind: ObjectiveKind;
  clientGoal: string;
  target: { amountMinor: number; currency: string } | null;
  targetDate: string;
  status: ObjectiveStatus;
  createdAt: string;
  statusChanges: { at: string; from: ObjectiveStatus; to: ObjectiveStatus }[];
  /** Indexes of the account's deals it counts on. */
  opportunities: number[];
  contributors: { user: DemoPersonKey; at: string; readAt: string | null }[];
  insights: { by: DemoPersonKey; at: string; body: string }[];
  tasks: { owner: DemoPersonKey; title: string; detail: string | null; dueDate: string; mustDo: boolean; createdAt: string; doneAt: string | null }[];
};

export type PlannedTarget = { user: DemoPersonKey; fiscalYear: number; amountMinor: number; currency: string; setAt: string };

const DAY = 86_400_000;

const finalStatus = (o: PlannedOpportunity) => o.changes.reduce((s, c) => ({ ...s, ...c.set }), o.initial).status;

function resolve(story: ObjectiveStory, index: number, now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[]): PlannedObjective {
  const fail = (what: string): never => {
    throw new Error(`demo objective “${story.title}”: ${what}`);
  };
  const account = accounts.findIndex((a) => a.name === story.account);
  if (account < 0) fail(`no account ${story.account}`);
  const zone = DEMO_PEOPLE[story.owner].timeZone;
  let seq = index * 7;
  const day = (z: string, d: number) => addDays(todayIn(z, now), d);
  const at = (z: string, d: number, hour: number) => {
    if (d >= 0) fail(`an event on day ${d} would not have happened yet`);
    return new Date(zonedInstant(day(z, d), hour, (seq++ * 13) % 60, z)).toISOString();
  };
  const createdAt = at(zone, story.created, 10);
  if (createdAt <= accounts[account].createdAt) fail('it would be older than its account');

  const deals = story.deals.map((name) => {
    const i = opportunities.findIndex((o) => o.account === account && o.name === name);
    return i >= 0 ? i : fail(`${story.account} has no deal “${name}”`);
  });

  // Open objectives are due by the end of this fiscal year when that is at least a week away.
  const open = story.status === 'planned' || story.status === 'active';
  let targetDate = day(zone, story.due);
  if (open) {
    const today = todayIn(DEMO_TIME_ZONE, now);
    const { end } = fiscalYearBounds(fiscalYearOf(today, DEMO_FISCAL_YEAR_START_MONTH), DEMO_FISCAL_YEAR_START_MONTH);
    const yearEnd = addDays(end, -(index % 4) * 5);
    if (targetDate > yearEnd && yearEnd >= addDays(today, 7)) targetDate = yearEnd;
    if (targetDate <= today) fail('an open objective is due in the past');
  } else if (story.due >= 0) fail('an objective that is over is due in the future');

  const statusChanges: PlannedObjective['statusChanges'] = [];
  if (story.activated !== undefined) statusChanges.push({ at: at(zone, story.activated, 17), from: 'planned', to: 'active' });
  if (!open) statusChanges.push({ at: at(zone, story.ended ?? fail('an objective that is over needs `ended`'), 17), from: story.activated !== undefined ? 'active' : 'planned', to: story.status });
  if (statusChanges.some((c) => c.at <= createdAt)) fail('a status change before it was set');

  const invited = new Map<DemoPersonKey, string>([[story.owner, createdAt]]);
  const contributors = (story.contributors ?? []).map(([user, d]) => {
    const inviteAt = at(DEMO_PEOPLE[story.owner].timeZone, d, 11);
    if (inviteAt <= createdAt) fail(`${user} invited before the objective was set`);
    invited.set(user, inviteAt);
    // Read a few days later, unless it is recent.
    return { user, at: inviteAt, readAt: Date.parse(inviteAt) < now.getTime() - 3 * DAY ? new Date(Date.parse(inviteAt) + 2 * 3_600_000).toISOString() : null };
  });
  const since = (who: DemoPersonKey, instant: string, what: string) => {
    const from = invited.get(who) ?? fail(`${who} ${what} without being invited`);
    if (instant <= from) fail(`${who} ${what} before being invited`);
  };
  const insights = (story.insights ?? []).map(([by, d, body]) => {
    const instant = at(DEMO_PEOPLE[by].timeZone, d, 15);
    since(by, instant, 'wrote an insight');
    return { by, at: instant, body };
  });
  const tasks = (story.tasks ?? []).map((t) => {
    const taskZone = DEMO_PEOPLE[t.owner].timeZone;
    const taskAt = at(taskZone, t.added, 12);
    since(t.owner, taskAt, 'took a task');
    const doneAt = t.done !== undefined ? at(taskZone, t.done, 16) : null;
    if (doneAt && doneAt <= taskAt) fail(`“${t.title}” done before it was taken`);
    if (!doneAt && t.due < 0) fail(`“${t.title}” would be missed: the demo's open tasks are still ahead`);
    return { owner: t.owner, title: t.title, detail: t.detail ?? null, dueDate: day(taskZone, t.due), mustDo: t.must ?? false, createdAt: taskAt, doneAt };
  });
  if (story.status === 'achieved' && !deals.some((i) => finalStatus(opportunities[i]) === 'won')) fail('achieved without a won deal');

  return {
    account,
    owner: story.owner,
    title: story.title,
    kind: story.kind,
    clientGoal: story.goal,
    target: story.target && { amountMinor: story.target[0] * 100, currency: story.target[1] },
    targetDate,
    status: story.status,
    createdAt,
    statusChanges,
    opportunities: deals,
    contributors,
    insights,
    tasks,
  };
}

export function planObjectives(now: Date, accounts: readonly PlannedAccount[], opportunities: readonly PlannedOpportunity[]): PlannedObjective[] {
  return OBJECTIVE_STORIES.map((story, i) => resolve(story, i, now, accounts, opportunities));
}

/** Each rep's target for the fiscal year of today (in the workspace's zone), set by the manager on its first morning. */
export function planTargets(now: Date): PlannedTarget[] {
  const fiscalYear = fiscalYearOf(todayIn(DEMO_TIME_ZONE, now), DEMO_FISCAL_YEAR_START_MONTH);
  const { start } = fiscalYearBounds(fiscalYear, DEMO_FISCAL_YEAR_START_MONTH);
  const setAt = new Date(zonedInstant(start, 9, 30, DEMO_TIME_ZONE));
  // On the fiscal year's very first morning the targets are not set yet: they were set the evening before.
  const when = setAt.getTime() < now.getTime() ? setAt : new Date(now.getTime() - 3_600_000);
  return REP_TARGETS.map(([user, amount, currency]) => ({ user, fiscalYear, amountMinor: amount * 100, currency, setAt: when.toISOString() }));
}
