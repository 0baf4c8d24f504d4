import { describe, expect, it } from 'vitest';
import { TWO_PROPORTION_TEST_NAME } from '../../../domain/proportions.js';
import { useFixedClock } from '../../test/clock.js';
import { addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { addCommitment, createContact, createDeal, createPlan } from '../plans/fixtures.js';
import { closeDeal, interactionsWithResults, pastInteraction, placeCommitment } from './fixtures.js';
import { climbedLadder, createGoal } from '../goals/fixtures.js';

useFixedClock(); // Wednesday 2026-06-10: Q2 FY2026 (January start) is the current quarter
const { app, db } = await testApp();
const TZ = 'Europe/Paris';
/** Four whole weeks, all over: Mon 4 May to Sun 31 May 2026. */
const MAY = 'from=2026-05-04&to=2026-05-31';

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(5e-4);

/** A workspace with two teams: Maya manages North (Zoe, alice, Bob), Omar manages South (Olga). */
async function workspace() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const maya = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const omar = await addMember(app, admin.client, { role: 'manager', name: 'Omar Other', timeZone: TZ });
  const north = (await admin.client.post('/api/v1/teams', { name: 'North', managerId: maya.me.user.id })).data;
  const south = (await admin.client.post('/api/v1/teams', { name: 'South', managerId: omar.me.user.id })).data;
  await admin.client.patch(`/api/v1/users/${maya.me.user.id}`, { teamId: north.id, version: (await admin.client.get(`/api/v1/users/${maya.me.user.id}`)).data.version });
  const zoe = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Zoe Zhang', timeZone: TZ });
  const alice = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'alice Adams', timeZone: TZ });
  const bob = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Bob Brown', timeZone: TZ });
  const olga = await addMember(app, admin.client, { role: 'rep', teamId: south.id, name: 'Olga Other', timeZone: TZ });
  return { admin, maya, omar, north, south, zoe, alice, bob, olga };
}

describe('a rep’s coaching figures', () => {
  it('counts each measure by week from the rep’s own records, each rate with n and its 95 % interval', async () => {
    const { maya, alice, bob } = await workspace();
    const account = await createAccount(alice.client);
    const at = (instant: string, plannedAhead: boolean, result: 'advanced' | 'continuation' | 'no_advance' | null, cancelled = false) =>
      pastInteraction(alice.client, account.id, { at: instant, plannedAhead, result, cancelled });
    // Paris is UTC+2 in May: the week of May 4 starts at 2026-05-03T22:00Z, the week of Jun 1 at 2026-05-31T22:00Z.
    await at('2026-05-03T22:30:00.000Z', true, 'continuation'); // Mon May 4, 00:30 in Paris: week of May 4
    await at('2026-05-05T08:00:00.000Z', true, 'advanced');
    await at('2026-05-06T08:00:00.000Z', false, 'no_advance'); // logged after the fact
    await at('2026-05-12T08:00:00.000Z', true, 'continuation');
    await at('2026-05-13T08:00:00.000Z', true, 'advanced');
    await at('2026-05-14T08:00:00.000Z', true, null); // held, its result not recorded yet
    await at('2026-05-19T08:00:00.000Z', true, 'advanced');
    await at('2026-05-20T08:00:00.000Z', true, null, true); // cancelled: never judged
    await at('2026-05-26T08:00:00.000Z', false, 'advanced');
    await at('2026-05-31T22:30:00.000Z', true, 'advanced'); // Mon Jun 1 in Paris: after the period
    await at('2026-05-03T21:30:00.000Z', true, 'advanced'); // Sun May 3 in Paris: before it
    // Someone else's interaction in the period never counts for Alice.
    await pastInteraction(bob.client, (await createAccount(bob.client)).id, { at: '2026-05-05T08:00:00.000Z', plannedAhead: true, result: 'advanced' });

    // Alice's word (seller side) and her customer's (customer side), on her deal's plan.
    const deal = await createDeal(alice.client, { accountId: account.id });
    const plan = await createPlan(alice.client, deal.id, { customerTimeZone: TZ });
    const carla = await createContact(alice.client, account.id, 'Carla Customer');
    const mine = async (due: string, doneAt?: string) => placeCommitment(db, (await addCommitment(alice.client, plan.id, { side: 'seller', dueDate: '2030-01-15' })).id, due, doneAt);
    const theirs = async (due: string, doneAt?: string) =>
      placeCommitment(db, (await addCommitment(alice.client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: '2030-01-15' })).id, due, doneAt);
    await mine('2026-05-06', '2026-05-05T10:00:00.000Z'); // kept on time — week of May 4
    await mine('2026-05-06', '2026-05-08T10:00:00.000Z'); // kept late — week of May 4
    await mine('2026-05-13'); // missed — week of May 11
    await mine('2026-05-20', '2026-05-19T10:00:00.000Z'); // kept on time — week of May 18
    await mine('2026-05-27', '2026-05-27T20:00:00.000Z'); // kept on time: 22:00 in Paris on the day — week of May 25
    await mine('2026-06-20'); // not due yet: not judged
    await theirs('2026-05-07', '2026-05-06T09:00:00.000Z'); // kept
    await theirs('2026-05-14'); // missed
    await theirs('2026-05-21', '2026-05-21T09:00:00.000Z'); // kept
    // An action agreed in a check-in with Maya, kept the day before it was due — week of May 11.
    const series = (await maya.client.post('/api/v1/check-in-series', { repId: alice.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' })).data;
    const checkIn = (await maya.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt })).data;
    const action = await maya.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'Plan the advance for the Globex call', dueDate: '2030-01-15' });
    expect(action.statusCode, action.body).toBe(201);
    await placeCommitment(db, action.data.id, '2026-05-13', '2026-05-12T10:00:00.000Z');

    // Deals closed: won (May 12), lost (May 20), walked away (May 27), and a win in April (outside).
    const closing = async (status: 'won' | 'lost' | 'walked_away', when: string) => closeDeal(alice.client, await createDeal(alice.client, { accountId: account.id }), status, when);
    await closing('won', '2026-05-12T09:00:00.000Z');
    await closing('lost', '2026-05-20T09:00:00.000Z');
    await closing('walked_away', '2026-05-27T09:00:00.000Z');
    await closing('won', '2026-04-20T09:00:00.000Z');

    const res = await alice.client.get(`/api/v1/users/${alice.me.user.id}/coaching?${MAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.data;
    expect(c.rep).toEqual({ id: alice.me.user.id, name: 'alice Adams' });
    expect(c.team.name).toBe('North');
    expect(c.period).toMatchObject({
      from: '2026-05-04',
      to: '2026-05-31',
      name: null,
      firstDay: '2026-05-04',
      lastDay: '2026-05-31',
      weekStarts: ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'],
      currentWeekStart: null,
      timeZone: TZ,
    });
    const weeks = (m: { weeks: { successes: number; n: number }[] }) => m.weeks.map((w) => `${w.successes}/${w.n}`);

    // Planned ahead: held interactions (not cancelled) whose outcome was written before they happened.
    expect(weeks(c.measures.plannedAhead)).toEqual(['2/3', '3/3', '1/1', '0/1']);
    expect(c.measures.plannedAhead.judgement).toMatchObject({ kind: 'rate', successes: 6, n: 8, rate: 0.75 });
    near(c.measures.plannedAhead.judgement.low, 0.4093); // Wilson 6/8: 0.409–0.929
    near(c.measures.plannedAhead.judgement.high, 0.9285);

    // Advances out of results.
    expect(weeks(c.measures.advances)).toEqual(['1/3', '1/2', '1/1', '1/1']);
    expect(c.measures.advances.judgement).toMatchObject({ kind: 'rate', successes: 4, n: 7 });
    near(c.measures.advances.judgement.low, 0.2505); // Wilson 4/7: 0.250–0.842
    near(c.measures.advances.judgement.high, 0.8418);
    // Weekly advance rates 33.3, 50, 100, 100: x̄ = 70.83, mR̄ = 22.22, limits 11.72–129.94 — routine.
    // No week passes 100 %: the upper limit stops there.
    const chart = c.measures.advances.chart;
    expect(chart).toMatchObject({ kind: 'chart', measure: 'rate', n: 4, upperLimitClamped: true, lowerLimitClamped: false });
    near(chart.centre, 70.8333);
    expect(chart.upperLimit).toBe(100);
    near(chart.lowerLimit, 70.8333 - 2.66 * (200 / 9));
    expect(chart.points.map((p: { label: string; signal: string | null }) => [p.label, p.signal])).toEqual([
      ['week of May 4', null],
      ['week of May 11', null],
      ['week of May 18', null],
      ['week of May 25', null],
    ]);
    expect(chart.summary).toEqual(['routine variation — no week stands out']);

    // Commitments kept on time, each counted once, in the week of the date held to (the check-in action too).
    expect(weeks(c.measures.sellerKept)).toEqual(['1/2', '1/2', '1/1', '1/1']);
    expect(c.measures.sellerKept.judgement).toMatchObject({ kind: 'rate', successes: 4, n: 6 });
    near(c.measures.sellerKept.judgement.low, 0.3000); // Wilson 4/6: 0.300–0.903
    near(c.measures.sellerKept.judgement.high, 0.9032);
    expect(weeks(c.measures.checkInKept)).toEqual(['0/0', '1/1', '0/0', '0/0']);
    expect(c.measures.checkInKept.judgement).toEqual({ kind: 'too_few_to_judge', n: 1 });
    expect(weeks(c.measures.customerKept)).toEqual(['1/1', '0/1', '1/1', '0/0']);
    expect(c.measures.customerKept.judgement).toEqual({ kind: 'too_few_to_judge', n: 3 });

    // Outcomes last: won 1, lost 1, walked away 1 (not a loss); the win rate is too few to judge.
    expect(c.outcomes).toEqual({ won: 1, lost: 1, walkedAway: 1 });
    expect(weeks(c.measures.wins)).toEqual(['0/0', '1/1', '0/1', '0/0']);
    expect(c.measures.wins.judgement).toEqual({ kind: 'too_few_to_judge', n: 2 });
    // One deal won in four weeks is too rare to chart week by week: the page says so instead of drawing runs of zeros.
    expect(c.measures.wins.chart).toEqual({
      kind: 'too_few_points',
      measure: 'count',
      n: 4,
      summary: ['too rare to chart week by week: 0.3 a week on average over 4 weeks — read the period’s figure instead'],
    });
  });

  it('reads the current fiscal quarter by default, charting only the weeks that are over', async () => {
    const { alice } = await workspace();
    const account = await createAccount(alice.client);
    // Eight weeks with 1 advance each, then a week of 6 (the week of Jun 1): a signal, told in words.
    for (const monday of ['2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25']) {
      await interactionsWithResults(db, { workspaceId: alice.me.workspace.id, ownerId: alice.me.user.id, accountId: account.id }, `${monday}T09:00:00.000Z`, { advanced: 1, of: 2 });
    }
    await interactionsWithResults(db, { workspaceId: alice.me.workspace.id, ownerId: alice.me.user.id, accountId: account.id }, '2026-06-02T09:00:00.000Z', { advanced: 6, of: 6 });
    // This week's call (Tuesday 9 June): counted, not charted.
    await interactionsWithResults(db, { workspaceId: alice.me.workspace.id, ownerId: alice.me.user.id, accountId: account.id }, '2026-06-09T09:00:00.000Z', { advanced: 0, of: 1 });

    const c = (await alice.client.get(`/api/v1/users/${alice.me.user.id}/coaching`)).data;
    expect(c.period).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      name: 'Q2 FY2026',
      firstDay: '2026-03-30',
      lastDay: '2026-07-05',
      currentWeekStart: '2026-06-08',
      previous: { from: '2026-01-01', to: '2026-03-31', name: 'Q1 FY2026' },
      next: { from: '2026-07-01', to: '2026-09-30', name: 'Q3 FY2026' },
    });
    expect(c.period.weekStarts).toHaveLength(14);
    expect(c.measures.advances.judgement).toMatchObject({ successes: 14, n: 23 });
    // Each advance is a count too: the count chart of won deals aside, the advance-rate chart plots
    // weekly rates 50 % × 8 then 100 %: x̄ = 55.6, mR̄ = 6.25, UCL = 72.2 — the week of Jun 1 is beyond it.
    const chart = c.measures.advances.chart;
    expect(chart.points.map((p: { weekStart: string }) => p.weekStart)).not.toContain('2026-06-08');
    expect(chart.n).toBe(9);
    expect(chart.points.at(-1)).toMatchObject({ label: 'week of Jun 1', value: 100, signal: 'beyond_upper' });
    // And the eight weeks before sit below the centre line: a run of eight, marked and told too.
    expect(chart.summary).toEqual([
      '8 weeks in a row below the average, week of Apr 6 to week of May 25: a sustained shift, worth asking about',
      'week of Jun 1 is beyond the upper limit: a real change, worth asking about',
    ]);
    expect(chart.points.slice(0, 8).every((p: { signal: string | null }) => p.signal === 'run_below')).toBe(true);
  });

  it('refuses a period that is half given, backwards or longer than a year', async () => {
    const { alice } = await workspace();
    const url = (q: string) => `/api/v1/users/${alice.me.user.id}/coaching?${q}`;
    const half = await alice.client.get(url('from=2026-05-04'));
    expect(half.statusCode).toBe(400);
    expect(half.data.error.details).toEqual([expect.objectContaining({ path: 'to' })]);
    expect((await alice.client.get(url('from=2026-05-04&to=2026-05-03'))).data.error.details[0].path).toBe('to');
    expect((await alice.client.get(url('from=2026-01-01&to=2027-01-08'))).statusCode).toBe(400);
    expect((await alice.client.get(url('from=2026-02-30&to=2026-03-08'))).statusCode).toBe(400);
    expect((await alice.client.get(url('from=2026-01-01&to=2027-01-06'))).statusCode).toBe(200);
  });

  it('refuses a period in year 9999 with a field error, and keeps serving (its weeks once never ended)', async () => {
    const { alice } = await workspace();
    const url = (q: string) => `/api/v1/users/${alice.me.user.id}/coaching?${q}`;
    const far = await alice.client.get(url('from=9999-01-01&to=9999-12-31'));
    expect(far.statusCode).toBe(400);
    expect(far.data.error.details).toEqual([
      expect.objectContaining({ path: 'from', message: 'Choose a date between 1900 and 2999.' }),
      expect.objectContaining({ path: 'to', message: 'Choose a date between 1900 and 2999.' }),
    ]);
    expect((await alice.client.get(url('from=2999-07-01&to=2999-09-30'))).statusCode).toBe(200);
  });
});

describe('a team’s coaching figures', () => {
  it('lists the reps by name, flags only a figure the two-proportion test tells apart, and names the test', async () => {
    const { maya, north, zoe, alice, bob } = await workspace();
    const account = await createAccount(maya.client);
    const on = (who: Signed) => ({ workspaceId: who.me.workspace.id, ownerId: who.me.user.id, accountId: account.id });
    // Advances: alice 16 of 20, Bob 7 of 20, Zoe 8 of 20 — in the week of May 11.
    await interactionsWithResults(db, on(alice), '2026-05-12T09:00:00.000Z', { advanced: 16, of: 20 });
    await interactionsWithResults(db, on(bob), '2026-05-12T09:00:00.000Z', { advanced: 7, of: 20 });
    await interactionsWithResults(db, on(zoe), '2026-05-12T09:00:00.000Z', { advanced: 8, of: 20 });
    // The manager's own calls are not the team's reps' figures.
    await interactionsWithResults(db, on(maya), '2026-05-12T09:00:00.000Z', { advanced: 0, of: 20 });

    const res = await maya.client.get(`/api/v1/teams/${north.id}/coaching?${MAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const t = res.data;
    expect(t.team).toEqual({ id: north.id, name: 'North', manager: { id: maya.me.user.id, name: 'Maya Manager' } });
    expect(t.test).toEqual({ name: TWO_PROPORTION_TEST_NAME, alpha: 0.05, comparedWith: 'each rep against the rest of the team, pooled' });
    // By name, case aside — never by a figure (alice has the highest rate and Bob the lowest).
    expect(t.reps.map((r: { rep: { name: string } }) => r.rep.name)).toEqual(['alice Adams', 'Bob Brown', 'Zoe Zhang']);
    const [a, b, z] = t.reps.map((r: { figures: { advances: unknown } }) => r.figures.advances);
    // alice vs the rest (15 of 40): z = 3.1055, P = 0.0019 → different. Bob (z = −1.83, P = 0.068) and Zoe (−1.28, 0.20) are not.
    expect(a).toMatchObject({ successes: 16, n: 20, judgement: { kind: 'rate' }, comparison: { verdict: 'different', rest: { successes: 15, n: 40 }, higher: 'rep' } });
    near(a.comparison.z, 3.1055);
    near(a.comparison.pValue, 0.0019);
    near(a.judgement.low, 0.584);
    expect(b.comparison).toMatchObject({ verdict: 'no_detectable_difference', rest: { successes: 24, n: 40 }, higher: 'rest' });
    near(b.comparison.z, -1.8268);
    expect(z.comparison).toMatchObject({ verdict: 'no_detectable_difference', rest: { successes: 23, n: 40 } });
    near(z.comparison.pValue, 0.201);
    // Nothing else is told apart: too few, or all the same.
    for (const rep of t.reps) {
      for (const key of ['plannedAhead', 'sellerKept', 'customerKept', 'checkInKept', 'wins']) expect(rep.figures[key].comparison.verdict, `${rep.rep.name} ${key}`).not.toBe('different');
    }
    // The team's own figure and chart: 31 of 60 advances, all in the week of May 11.
    expect(t.measures.advances).toMatchObject({ successes: 31, n: 60 });
    expect(t.measures.advances.weeks.map((w: { n: number }) => w.n)).toEqual([0, 60, 0, 0]);
    expect(t.measures.advances.chart).toMatchObject({ kind: 'too_few_points', n: 1 });
    expect(t.measures.plannedAhead).toMatchObject({ successes: 60, n: 60 });
  });

  it('shows how each rep’s goals moved this period — active goals, how many moved, steps done, goals done — and never a why', async () => {
    const { maya, north, zoe, alice, bob } = await workspace();
    // alice: two goals serving her why (shared with Maya); one step done on one of them today.
    const why = await climbedLadder(alice);
    expect((await alice.client.patch(`/api/v1/why-ladders/${why.id}`, { sharedWithManager: true, version: why.version })).statusCode).toBe(200);
    const moving = await createGoal(alice, { whyId: why.id });
    await createGoal(alice, { kind: 'learning', title: 'Learn the CFO conversation', whyId: why.id });
    const step = await alice.client.post(`/api/v1/goals/${moving.id}/complete-step`, { lesson: 'Writing it made me ask for the pilot.', nextStep: 'Plan Friday’s calls', version: moving.version });
    expect(step.statusCode, step.body).toBe(200);
    // Bob finished his goal with its last step; Maya set Zoe a quota.
    const bobs = await createGoal(bob, { title: 'Ask for an advance on every call' });
    expect((await bob.client.post(`/api/v1/goals/${bobs.id}/complete-step`, { lesson: 'Asking is easier than I feared.', goalDone: true, version: bobs.version })).statusCode).toBe(200);
    await createGoal(maya, { ownerId: zoe.me.user.id, kind: 'outcome', title: 'Quota', measure: 'deals_won', targetValue: 3 });

    const res = await maya.client.get(`/api/v1/teams/${north.id}/coaching`);
    expect(res.statusCode, res.body).toBe(200);
    const goals = Object.fromEntries(res.data.reps.map((r: { rep: { name: string }; goals: unknown }) => [r.rep.name, r.goals]));
    expect(goals).toEqual({
      'alice Adams': { active: 2, activeMoved: 1, stepsDone: 1, closedDone: 0 },
      'Bob Brown': { active: 0, activeMoved: 0, stepsDone: 1, closedDone: 1 },
      'Zoe Zhang': { active: 1, activeMoved: 0, stepsDone: 0, closedDone: 0 },
    });
    // Counts only: no why (not even a shared one), no lesson, no goal title on the team page.
    expect(res.body).not.toContain('security for my family');
    expect(res.body).not.toContain('Writing it made me ask');
    expect(res.body).not.toContain('Learn the CFO conversation');
    // A period in the past: nothing done then, and goals active now still count as active.
    const may = (await maya.client.get(`/api/v1/teams/${north.id}/coaching?${MAY}`)).data;
    expect(may.reps.map((r: { goals: { stepsDone: number; closedDone: number } }) => r.goals.stepsDone + r.goals.closedDone)).toEqual([0, 0, 0]);
  });

  it('gives no flag to a team too small to tell', async () => {
    const { maya, north, alice, bob } = await workspace();
    const account = await createAccount(maya.client);
    await interactionsWithResults(db, { workspaceId: alice.me.workspace.id, ownerId: alice.me.user.id, accountId: account.id }, '2026-05-12T09:00:00.000Z', { advanced: 4, of: 4 });
    await interactionsWithResults(db, { workspaceId: bob.me.workspace.id, ownerId: bob.me.user.id, accountId: account.id }, '2026-05-12T09:00:00.000Z', { advanced: 0, of: 3 });
    const t = (await maya.client.get(`/api/v1/teams/${north.id}/coaching?${MAY}`)).data;
    const alices = t.reps.find((r: { rep: { id: string } }) => r.rep.id === alice.me.user.id).figures.advances;
    expect(alices).toMatchObject({ judgement: { kind: 'too_few_to_judge', n: 4 }, comparison: { verdict: 'too_few_to_tell', z: null, pValue: null, higher: null } });
  });
});

describe('who reads whose figures', () => {
  it('a rep their own, a manager their team’s, an admin anyone’s; nobody another team’s', async () => {
    const { admin, maya, omar, north, south, alice, bob, olga } = await workspace();
    const rep = (who: Signed, whose: Signed) => who.client.get(`/api/v1/users/${whose.me.user.id}/coaching`);
    const team = (who: Signed, id: string) => who.client.get(`/api/v1/teams/${id}/coaching`);

    expect((await rep(alice, alice)).statusCode).toBe(200);
    const teammate = await rep(alice, bob);
    expect(teammate.statusCode).toBe(403);
    expect(teammate.data.error.message).toMatch(/your own coaching figures/);
    expect((await team(alice, north.id)).statusCode).toBe(403);

    expect((await rep(maya, alice)).statusCode).toBe(200);
    expect((await rep(maya, maya)).statusCode).toBe(200);
    expect((await team(maya, north.id)).statusCode).toBe(200);
    expect((await rep(maya, olga)).statusCode).toBe(403);
    const otherTeam = await team(maya, south.id);
    expect(otherTeam.statusCode).toBe(403);
    expect(otherTeam.data.error.message).toMatch(/team’s manager or an admin/);
    expect((await rep(omar, alice)).statusCode).toBe(403);

    expect((await rep(admin, olga)).statusCode).toBe(200);
    expect((await team(admin, north.id)).statusCode).toBe(200);
    expect((await team(admin, south.id)).statusCode).toBe(200);

    // Nobody there: 404, as for another workspace's person or team.
    expect((await alice.client.get('/api/v1/users/01a00000-0000-7000-8000-000000000000/coaching')).statusCode).toBe(404);
    expect((await admin.client.get('/api/v1/teams/01a00000-0000-7000-8000-000000000000/coaching')).statusCode).toBe(404);
    const stranger = await signUpWorkspace(app, { timeZone: TZ });
    expect((await stranger.client.get(`/api/v1/users/${alice.me.user.id}/coaching`)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/v1/teams/${north.id}/coaching`)).statusCode).toBe(404);
  });
});
