import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client } from '../../test/factories.js';
import { DEMO_PASSWORD, demoEmail } from './catalogue.js';

// The demo workspace is one per database: these tests share one, and the first test is the first visit.
const { app, db } = await testApp();

type PlanSummary = {
  id: string;
  status: string;
  owner: { name: string };
  opportunity: { id: string; account: { id: string } };
  health: { status: string; reasons: string[] } | null;
  length: { level: string; commitments: number };
};
type PlanCommitment = {
  planId: string;
  side: string;
  owner: { kind: string; id: string | null; name: string };
  mustDo: boolean;
  internalOnly: boolean;
  status: string;
  state: string;
  outcome: string;
  dropReason: string | null;
  renegotiations: { status: string; inAdvance: boolean; requestedBy: { side: string } }[];
};
type TodayItem = { commitment: { id: string; version: number; daysUntilDue: number } };
type TodayPage = {
  dueToday: TodayItem[];
  overdue: TodayItem[];
  next7Days: TodayItem[];
  confirmOrRedate: TodayItem[];
  waitingForAnswer: (TodayItem & { renegotiation: { id: string; toDate: string } })[];
};

type Ladder = { id: string; owner: { name: string }; state: string; why: string | null; rungCount: number };
type Goal = {
  id: string;
  kind: string;
  status: string;
  title: string;
  stretch: boolean;
  measure: string | null;
  targetValue: number | null;
  setBy: { name: string };
  why: { id: string; why: string | null } | null;
  currentStep: { text: string } | null;
  measurement: { period: string; reading: { unit: string; n: number } | null; progress: { percent: number; reached: boolean; words: string } | null };
};
type CheckInSummary = { id: string; rep: { name: string }; scheduledAt: string; status: string; answersSubmitted: boolean; actions: { total: number; done: number; open: number } };

async function signInAs(key: 'rep1' | 'rep2' | 'rep3' | 'rep4'): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/v1/session', { email: demoEmail(key), password: DEMO_PASSWORD });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode}`);
  return client;
}

async function demoVisit(): Promise<Client> {
  const visitor = new Client(app);
  const res = await visitor.post('/api/v1/demo/session');
  if (res.statusCode !== 201) throw new Error(`demo session failed: ${res.statusCode}`);
  return visitor;
}

describe('demo workspace', () => {
  // How long seeding takes is a benchmark's question, not a test's: timed assertions fail on a busy machine.
  it('creates exactly one demo workspace when the first visits arrive at once', async () => {
    expect(await db.selectFrom('workspaces').select('id').execute()).toHaveLength(0);
    const results = await Promise.all([1, 2, 3].map(() => new Client(app).post('/api/v1/demo/session')));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.data.workspace.id)).size).toBe(1);
    const demos = await db.selectFrom('workspaces').select('id').where('is_demo', '=', 1).execute();
    expect(demos).toHaveLength(1);
  });

  it('signs a visitor in as the demo manager of a workspace full of realistic data', async () => {
    const visitor = new Client(app);
    const res = await visitor.post('/api/v1/demo/session');
    expect(res.statusCode).toBe(201);
    expect(res.data.user).toMatchObject({ email: demoEmail('manager'), role: 'manager', name: 'Daniel Okafor' });
    expect(res.data.workspace).toMatchObject({ name: 'Northwind Demo', isDemo: true, defaultTimeZone: 'Europe/London' });
    expect((await visitor.get('/api/v1/session')).data.user.email).toBe(demoEmail('manager'));

    const accounts = await visitor.get('/api/v1/accounts?limit=200');
    expect(accounts.statusCode).toBe(200);
    expect(accounts.data.data.length).toBeGreaterThanOrEqual(35);
    const owners = new Set(accounts.data.data.map((a: { owner: { name: string } }) => a.owner.name));
    expect(owners).toEqual(new Set(['Sophie Laurent', 'Jonas Weber', 'Emily Carter', 'Marcus Reid', 'Daniel Okafor']));

    const contacts = await visitor.get(`/api/v1/contacts?accountId=${accounts.data.data[0].id}`);
    expect(contacts.data.data.length).toBeGreaterThanOrEqual(2);
    expect(contacts.data.data[0].email).toMatch(new RegExp(`@${accounts.data.data[0].domain}$`));

    const opps = await visitor.get('/api/v1/opportunities?limit=200&archived=all');
    expect(opps.statusCode).toBe(200);
    const list: { id: string; status: string; closeReason: string | null; amount: { currency: string }; stage: { name: string } }[] = opps.data.data;
    expect(list.length).toBeGreaterThanOrEqual(70);
    expect(new Set(list.map((o) => o.status))).toEqual(new Set(['open', 'won', 'lost', 'walked_away']));
    expect(list.filter((o) => o.status === 'lost' || o.status === 'walked_away').every((o) => (o.closeReason ?? '').length > 10)).toBe(true);
    expect(new Set(list.map((o) => o.amount.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
    expect(new Set(list.map((o) => o.stage.name)).size).toBe(6);

    // A won deal's history tells its story: created, moved through stages, then won — by real people.
    const won = list.find((o) => o.status === 'won');
    const history = await visitor.get(`/api/v1/opportunities/${won?.id}/history?limit=200`);
    expect(history.statusCode).toBe(200);
    const events: { action: string; actor: { name: string }; changes: Record<string, unknown>; occurredAt: string }[] = history.data.data;
    expect(events.at(-1)?.action).toBe('create');
    expect(events[0].changes).toHaveProperty('status');
    expect(events.some((e) => 'stageId' in e.changes)).toBe(true);
    const times = events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(Date.parse(times.at(-1) as string)).toBeLessThan(Date.now() - 2 * 86_400_000);
    expect(events.every((e) => e.actor.name.length > 0 && e.actor.name !== 'Advance')).toBe(true);
  });

  it('reuses the same workspace on later visits, and every demo person can sign in with the shared password', async () => {
    const first = await new Client(app).post('/api/v1/demo/session');
    const second = await new Client(app).post('/api/v1/demo/session', {});
    expect(second.statusCode).toBe(201);
    expect(second.data.workspace.id).toBe(first.data.workspace.id);

    const rep = new Client(app);
    const signIn = await rep.post('/api/v1/session', { email: demoEmail('rep4'), password: DEMO_PASSWORD });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.data.user).toMatchObject({ role: 'rep', timeZone: 'America/New_York' });
    expect(signIn.data.workspace.id).toBe(first.data.workspace.id);
  });

  it('shows the demo manager mutual plans in every state and health a newcomer should see', async () => {
    const visitor = await demoVisit();
    const res = await visitor.get('/api/v1/plans?limit=100');
    expect(res.statusCode).toBe(200);
    const plans: PlanSummary[] = res.data.data;
    expect(plans.length).toBeGreaterThanOrEqual(12);
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['draft', 'active', 'completed', 'abandoned']));
    expect(new Set(plans.map((p) => p.owner.name))).toEqual(new Set(['Sophie Laurent', 'Jonas Weber', 'Emily Carter', 'Marcus Reid', 'Daniel Okafor']));

    const reasons = (status: string) => plans.filter((p) => p.health?.status === status).flatMap((p) => p.health?.reasons ?? []);
    expect(plans.filter((p) => p.status === 'active' && p.health?.status === 'on_track').length).toBeGreaterThanOrEqual(2);
    expect(reasons('at_risk')).toContainEqual(expect.stringMatching(/^Must-do “.+” is due (today|tomorrow|in 2 days)/));
    expect(reasons('at_risk')).toContainEqual(expect.stringMatching(/^“.+” is [1-6] days? overdue/));
    expect(reasons('stalled')).toContainEqual(expect.stringMatching(/^“.+” is (\d\d+|[7-9]) days overdue/));
    expect(reasons('stalled')).toContainEqual(expect.stringMatching(/^No activity for (1[4-9]|[2-9]\d) days$/));
    // Only active plans are judged: drafts are "not judged" yet, plans that are over have no health.
    expect(plans.every((p) => (p.status === 'active') === (p.health !== null))).toBe(true);

    const long = plans.filter((p) => p.length.level !== 'ok');
    expect(long).toHaveLength(1);
    expect(long[0].length).toMatchObject({ level: 'warn' });
    expect(long[0].length.commitments).toBeGreaterThan(20);
    expect(plans.filter((p) => p.length.level === 'ok').every((p) => p.length.commitments >= 6 && p.length.commitments <= 14)).toBe(true);
  });

  it('fills each plan with an agreement between both sides and a history of kept, late, missed and re-dated commitments', async () => {
    const visitor = await demoVisit();
    const summaries: PlanSummary[] = (await visitor.get('/api/v1/plans?limit=100')).data.data;
    const all: PlanCommitment[] = [];
    for (const summary of summaries) {
      const plan = (await visitor.get(`/api/v1/plans/${summary.id}`)).data;
      expect(plan.agreedOutcome.length).toBeGreaterThan(40);
      expect(plan.whyItMatters.length).toBeGreaterThan(40);
      expect(plan.costOfInaction.length).toBeGreaterThan(40);
      expect(plan.milestones.length).toBeGreaterThanOrEqual(3);
      expect(plan.milestones.length).toBeLessThanOrEqual(5);
      const commitments: PlanCommitment[] = plan.commitments;
      expect(new Set(commitments.map((c) => c.side))).toEqual(new Set(['seller', 'customer']));
      // Customer-side owners are the account's contacts; seller-side owners are demo people.
      const contacts = (await visitor.get(`/api/v1/contacts?accountId=${plan.opportunity.account.id}&limit=100`)).data.data.map((c: { id: string }) => c.id);
      expect(commitments.filter((c) => c.side === 'customer').every((c) => c.owner.kind === 'contact' && contacts.includes(c.owner.id))).toBe(true);
      expect(commitments.filter((c) => c.side === 'seller').every((c) => c.owner.kind === 'user')).toBe(true);
      expect(commitments.some((c) => c.mustDo)).toBe(true);
      all.push(...commitments);
    }
    expect(all.filter((c) => c.internalOnly).length).toBeGreaterThanOrEqual(2);
    expect(all.every((c) => !c.internalOnly || c.side === 'seller')).toBe(true);
    expect(new Set(all.map((c) => c.state))).toEqual(new Set(['open', 'missed', 'done', 'dropped']));
    expect(new Set(all.map((c) => c.outcome))).toEqual(new Set(['kept_on_time', 'kept_late', 'missed', 'open', 'dropped']));
    expect(all.filter((c) => c.status === 'dropped').every((c) => (c.dropReason ?? '').length > 20)).toBe(true);
    // The demo manager has work of their own on the reps' plans, not only on their own deals.
    expect(summaries.filter((p) => p.owner.name !== 'Daniel Okafor').length).toBeGreaterThan(0);
    expect(all.some((c) => c.owner.name === 'Daniel Okafor' && summaries.find((p) => p.id === c.planId)?.owner.name !== 'Daniel Okafor')).toBe(true);

    const renegotiations = all.flatMap((c) => c.renegotiations);
    expect(renegotiations.some((r) => r.status === 'accepted' && r.inAdvance)).toBe(true);
    expect(renegotiations.some((r) => r.status === 'accepted' && !r.inAdvance)).toBe(true);
    const pending = renegotiations.filter((r) => r.status === 'pending');
    expect(new Set(pending.map((r) => r.requestedBy.side))).toEqual(new Set(['seller', 'customer']));
    expect(pending.length).toBeGreaterThanOrEqual(2);
  });

  it('gives the demo manager and a rep a Today page with work due and a customer’s new date to answer', async () => {
    const visitor = await demoVisit();
    const today: TodayPage = (await visitor.get('/api/v1/today')).data;
    // Due today and tomorrow sit under "confirm or re-date", listed once.
    expect(today.confirmOrRedate.map((i) => i.commitment.daysUntilDue)).toEqual(expect.arrayContaining([0, 1]));
    expect(today.overdue.length).toBeGreaterThanOrEqual(1);
    expect(today.next7Days.length).toBeGreaterThanOrEqual(1);
    expect(today.waitingForAnswer.length).toBeGreaterThanOrEqual(1);
    expect(today.waitingForAnswer[0].renegotiation).toMatchObject({ status: 'pending', requestedBy: { side: 'customer' }, permissions: { canAnswer: true } });

    const rep = new Client(app);
    await rep.post('/api/v1/session', { email: demoEmail('rep3'), password: DEMO_PASSWORD });
    const repToday: TodayPage = (await rep.get('/api/v1/today')).data;
    expect(repToday.waitingForAnswer.length).toBeGreaterThanOrEqual(1);
    expect(repToday.dueToday.length + repToday.overdue.length + repToday.next7Days.length).toBeGreaterThan(0);
  });

  it('counts reliability per person, plan, deal and customer company from the seeded history', async () => {
    const visitor = await demoVisit();
    const me = (await visitor.get('/api/v1/session')).data.user;
    const mine = await visitor.get(`/api/v1/users/${me.id}/reliability`);
    expect(mine.statusCode).toBe(200);
    expect(mine.data.overall).toMatchObject({ keptOnTime: expect.any(Number), smallSample: false });
    expect(mine.data.overall.keptOnTime).toBeGreaterThan(0);
    expect(mine.data.overall.keptLate + mine.data.overall.missed).toBeGreaterThan(0);
    expect(mine.data.plans.length).toBeGreaterThanOrEqual(3);

    const summaries: PlanSummary[] = (await visitor.get('/api/v1/plans?limit=100')).data.data;
    const long = summaries.find((p) => p.length.level === 'warn') as PlanSummary;
    const plan = (await visitor.get(`/api/v1/plans/${long.id}/reliability`)).data;
    expect(plan.sides.seller.counted).toBeGreaterThan(5);
    expect(plan.sides.seller.redatedInAdvance).toBeGreaterThan(0);
    expect(plan.sides.customer.counted).toBeGreaterThan(5);
    expect(plan.sides.customer.redatedLate).toBeGreaterThan(0);
    expect(plan.sides.customer.score).toBeGreaterThan(0);
    expect(plan.sides.customer.score).toBeLessThan(1);
    expect(plan.people.some((p: { owner: { kind: string } }) => p.owner.kind === 'contact')).toBe(true);

    const deal = (await visitor.get(`/api/v1/opportunities/${long.opportunity.id}/reliability`)).data;
    expect(deal.planIds).toEqual([long.id]);
    expect(deal.customer.counted).toBeGreaterThan(5);
    const company = (await visitor.get(`/api/v1/accounts/${long.opportunity.account.id}/reliability`)).data;
    expect(company.customer.counted).toBe(deal.customer.counted);
  });

  it('shows a customer link that was used, the customer’s comments and the notifications they sent', async () => {
    const visitor = await demoVisit();
    const notifications = await visitor.get('/api/v1/notifications?limit=100');
    expect(notifications.statusCode).toBe(200);
    expect(notifications.data.unreadCount).toBeGreaterThanOrEqual(1);
    const kinds = new Set(notifications.data.data.map((n: { kind: string }) => n.kind));
    // What customers did on the plans, and the objectives the manager was invited to contribute to.
    // …and the answers his reps handed in before their check-ins.
    expect(kinds).toEqual(new Set(['customer_ticked', 'customer_commented', 'customer_proposed_date', 'objective_invited', 'check_in_answers_arrived']));
    const planId: string = notifications.data.data.find((n: { plan: { id: string } | null }) => n.plan).plan.id;

    const links = await visitor.get(`/api/v1/plans/${planId}/share-links`);
    expect(links.data.data).toHaveLength(1);
    expect(links.data.data[0]).toMatchObject({ status: 'active', lastViewedAt: expect.any(String) });
    expect(links.data.data[0].viewCount).toBeGreaterThan(3);
    expect(links.body).not.toMatch(/token/i);

    const comments = (await visitor.get(`/api/v1/plans/${planId}/comments`)).data.data;
    expect(new Set(comments.map((c: { authorSide: string }) => c.authorSide))).toEqual(new Set(['customer', 'seller']));

    const history = (await visitor.get(`/api/v1/plans/${planId}/history?limit=200`)).data.data;
    const created = history.find((e: { action: string; entityType: string }) => e.entityType === 'plan' && e.action === 'create');
    expect(Date.parse(created.occurredAt)).toBeLessThan(Date.now() - 7 * 86_400_000);
    expect(history.some((e: { actor: { name: string } }) => e.actor.name.endsWith('(customer)'))).toBe(true);
  });

  it('lets the demo people act on the seeded plans as on any other', async () => {
    const rep = new Client(app);
    await rep.post('/api/v1/session', { email: demoEmail('rep3'), password: DEMO_PASSWORD });
    const waiting = (await rep.get('/api/v1/today')).data.waitingForAnswer[0];
    const accepted = await rep.post(`/api/v1/renegotiations/${waiting.renegotiation.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.data.commitment.dueDate).toBe(waiting.renegotiation.toDate);

    const visitor = await demoVisit();
    const due = (await visitor.get('/api/v1/today?view=mine')).data.confirmOrRedate[0].commitment;
    const ticked = await visitor.patch(`/api/v1/commitments/${due.id}`, { status: 'done', version: due.version });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.data).toMatchObject({ state: 'done', outcome: 'kept_on_time' });
  });

  it('gives each rep a why — some shared with their manager, some kept private — and goals of every kind with weeks of tiny steps', async () => {
    const repNames = { rep1: 'Sophie Laurent', rep2: 'Jonas Weber', rep3: 'Emily Carter', rep4: 'Marcus Reid' } as const;
    const goals: Goal[] = [];
    const ids: Record<string, string> = {};
    for (const key of Object.keys(repNames) as (keyof typeof repNames)[]) {
      const rep = await signInAs(key);
      ids[key] = (await rep.get('/api/v1/session')).data.user.id;
      // Each found a why on the ladder: it ended, and the why is saved in their own words.
      const whys: Ladder[] = (await rep.get('/api/v1/why-ladders?limit=50')).data.data;
      const found = whys.filter((w) => w.why !== null);
      expect(found, key).toHaveLength(1);
      expect(found[0]).toMatchObject({ state: 'ended', owner: { name: repNames[key] } });
      expect(found[0].rungCount).toBeGreaterThanOrEqual(3);
      const mine: Goal[] = (await rep.get('/api/v1/goals?status=all&limit=50')).data.data;
      // A quota Daniel set for the quarter, and goals of their own.
      expect(mine.filter((g) => g.setBy.name === 'Daniel Okafor' && g.kind === 'outcome' && g.status === 'active'), key).toHaveLength(1);
      expect(mine.some((g) => g.setBy.name === repNames[key] && g.why !== null), key).toBe(true);
      goals.push(...mine);
    }
    expect(new Set(goals.map((g) => g.kind))).toEqual(new Set(['outcome', 'process', 'learning']));
    expect(new Set(goals.map((g) => g.status))).toEqual(new Set(['active', 'done', 'dropped']));
    // Every active goal has its one tiny next step; a closed one has none.
    expect(goals.every((g) => (g.status === 'active') === (g.currentStep !== null))).toBe(true);
    expect(goals.filter((g) => g.kind === 'process').every((g) => g.measurement.reading !== null)).toBe(true);

    // Marcus started a second ladder this week: still climbing, private.
    const marcus = await signInAs('rep4');
    const climbing: Ladder[] = (await marcus.get('/api/v1/why-ladders?limit=50')).data.data.filter((w: Ladder) => w.state === 'climbing');
    expect(climbing).toHaveLength(1);

    // Daniel reads the whys Sophie and Emily shared; Jonas's and Marcus's are theirs alone.
    const manager = await demoVisit();
    const shared = async (key: keyof typeof repNames) => ((await manager.get(`/api/v1/why-ladders?ownerId=${ids[key]}`)).data.data as Ladder[]).map((w) => w.why);
    expect(await shared('rep1')).toEqual(['Evenings and weekends with my kids while they are small']);
    expect(await shared('rep3')).toEqual(['Prove to myself I can do hard things']);
    expect(await shared('rep2')).toEqual([]);
    expect(await shared('rep4')).toEqual([]);
    const jonasGoals: Goal[] = (await manager.get(`/api/v1/goals?ownerId=${ids.rep2}&status=all`)).data.data;
    expect(jonasGoals.length).toBeGreaterThanOrEqual(3);
    expect(jonasGoals.every((g) => g.why === null)).toBe(true);
    const sophieGoals: Goal[] = (await manager.get(`/api/v1/goals?ownerId=${ids.rep1}&status=all`)).data.data;
    expect(sophieGoals.some((g) => g.why?.why === 'Evenings and weekends with my kids while they are small')).toBe(true);

    // A step log: tiny steps done over weeks, each with what it taught.
    const process = sophieGoals.find((g) => g.kind === 'process') as Goal;
    const full = (await manager.get(`/api/v1/goals/${process.id}`)).data as Goal & { steps: { status: string; lesson: string | null; doneOn: string | null }[] };
    const done = full.steps.filter((s) => s.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(done.every((s) => (s.lesson ?? '').length > 10)).toBe(true);
    const days = done.map((s) => Date.parse(s.doneOn as string));
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThanOrEqual(14 * 86_400_000);

    // Its history says who did what and when — and never names the private why behind a goal.
    const history = (await manager.get(`/api/v1/goals/${jonasGoals[0].id}/history?limit=100`)).data.data as { entityType: string; action: string }[];
    expect(history.some((e) => e.entityType === 'goal' && e.action === 'create')).toBe(true);
    expect(history.every((e) => e.entityType !== 'why_ladder' && e.entityType !== 'why_rung')).toBe(true);
  });

  it('has a stretch goal that ended short, shown as how far it got — never as failed', async () => {
    const jonas = await signInAs('rep2');
    const goals: Goal[] = (await jonas.get('/api/v1/goals?status=all&limit=50')).data.data;
    const stretch = goals.filter((g) => g.stretch);
    expect(stretch).toHaveLength(1);
    const goal = stretch[0];
    expect(goal).toMatchObject({ kind: 'process', measure: 'check_in_actions_kept', targetValue: 90, status: 'done', measurement: { period: 'ended' } });
    // What it still achieved: a rate of his check-in actions kept on time, with n and its interval.
    expect(goal.measurement.reading).toMatchObject({ unit: 'rate', judgement: { kind: 'rate' } });
    expect(goal.measurement.reading?.n).toBeGreaterThanOrEqual(5);
    expect(goal.measurement.progress?.reached).toBe(false);
    expect(goal.measurement.progress?.words).toMatch(/^stretch — [1-9]\d? % of the way$/);
    expect(goal.measurement.progress?.percent).toBeGreaterThanOrEqual(50);
  });

  it('shows the manager months of check-ins with each rep: answers handed in, notes, and actions kept, late and missed', async () => {
    const manager = await demoVisit();
    const series: { rep: { name: string }; cadence: string; next: { scheduledAt: string } }[] = (await manager.get('/api/v1/check-in-series')).data.data;
    expect(series.map((s) => s.rep.name).sort()).toEqual(['Emily Carter', 'Jonas Weber', 'Marcus Reid', 'Sophie Laurent']);
    expect(new Set(series.map((s) => s.cadence))).toEqual(new Set(['weekly', 'biweekly', 'monthly']));
    expect(series.every((s) => Date.parse(s.next.scheduledAt) > Date.now() - 30 * 60_000)).toBe(true);

    const past: CheckInSummary[] = (await manager.get('/api/v1/check-ins?when=past&limit=100')).data.data;
    expect(past.length).toBeGreaterThanOrEqual(40);
    // Five months and more of them: the oldest was over four months ago, for every rep.
    for (const name of ['Sophie Laurent', 'Jonas Weber', 'Emily Carter', 'Marcus Reid']) {
      const theirs = past.filter((c) => c.rep.name === name);
      expect(Date.parse(theirs.at(-1)?.scheduledAt as string), name).toBeLessThan(Date.now() - 120 * 86_400_000);
    }
    expect(new Set(past.map((c) => c.status))).toEqual(new Set(['held', 'skipped']));
    expect(past.filter((c) => c.status === 'held').every((c) => c.answersSubmitted && c.actions.total >= 1)).toBe(true);

    // The latest check-in with Jonas: his answers, last time's actions with what became of them.
    const latest = past.find((c) => c.rep.name === 'Jonas Weber') as CheckInSummary;
    const checkIn = (await manager.get(`/api/v1/check-ins/${latest.id}`)).data;
    expect(checkIn.answers.answers.length).toBeGreaterThanOrEqual(3);
    expect(checkIn.previous.actions.some((a: { state: string }) => a.state === 'missed')).toBe(true);
    // His word in check-ins: most actions kept on time, some late or missed — judged by the one engine.
    expect(checkIn.data.checkInActions.keptOnTime).toBeGreaterThan(checkIn.data.checkInActions.keptLate + checkIn.data.checkInActions.missed);
    expect(checkIn.data.checkInActions.keptLate).toBeGreaterThan(0);
    expect(checkIn.data.checkInActions.missed).toBeGreaterThan(0);

    // Daniel's private notes stay his: the rep reads only the shared ones.
    const withNotes = [];
    for (const c of past.filter((x) => x.rep.name === 'Sophie Laurent' && x.status === 'held')) {
      const full = (await manager.get(`/api/v1/check-ins/${c.id}`)).data;
      if (full.notes.length) withNotes.push(full);
      if (withNotes.some((n) => n.notes[0].visibility === 'private') && withNotes.some((n) => n.notes[0].visibility === 'shared')) break;
    }
    const privateOne = withNotes.find((n) => n.notes[0].visibility === 'private');
    const sharedOne = withNotes.find((n) => n.notes[0].visibility === 'shared');
    expect(privateOne && sharedOne).toBeTruthy();
    const sophie = await signInAs('rep1');
    expect((await sophie.get(`/api/v1/check-ins/${privateOne.id}`)).data.notes).toEqual([]);
    expect((await sophie.get(`/api/v1/check-ins/${sharedOne.id}`)).data.notes).toHaveLength(1);
  });

  it('shows the demo admin a few sent mails on the development mail page, each readable in full', async () => {
    await demoVisit();
    const admin = new Client(app);
    expect((await admin.post('/api/v1/session', { email: demoEmail('admin'), password: DEMO_PASSWORD })).statusCode).toBe(201);
    const sent = await admin.get('/api/v1/mails?status=sent');
    expect(sent.statusCode).toBe(200);
    expect(sent.data.delivery).toBe('outbox_only');
    const kinds = sent.data.data.map((m: { kind: string }) => m.kind);
    expect(kinds).toContain('daily_digest');
    expect(kinds).toContain('customer_activity');
    expect(sent.data.data.length).toBeGreaterThanOrEqual(3);
    expect(sent.data.data.every((m: { status: string; sentAt: string | null; to: { address: string } }) => m.status === 'sent' && m.sentAt !== null && m.to.address.endsWith('@demo.advance.test'))).toBe(true);
    const activity = sent.data.data.find((m: { kind: string }) => m.kind === 'customer_activity');
    const one = await admin.get(`/api/v1/mails/${activity.id}`);
    expect(one.data.text).toContain('commented');
    expect(one.data.html).toContain('<');
    // Nothing waits to be sent: no worker mails made-up addresses.
    expect((await admin.get('/api/v1/mails?status=pending')).data.data.filter((m: { to: { address: string } }) => m.to.address.endsWith('@demo.advance.test'))).toEqual([]);
  });

  it('refuses fields it does not know', async () => {
    const res = await new Client(app).post('/api/v1/demo/session', { role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.details[0].path).toBe('role');
  });

  it('is not there when the server has the demo turned off', async () => {
    const off = await testApp({ DEMO_ENABLED: 'false' });
    const res = await new Client(off.app).post('/api/v1/demo/session');
    expect(res.statusCode).toBe(404);
    expect(res.data.error.code).toBe('not_found');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await off.db.selectFrom('workspaces').select('id').execute()).toHaveLength(0);
  });
});
