import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { useFixedClock } from '../../test/clock.js';
import { createAccount } from '../../test/factories.js';
import { addCommitment, createDeal, createPlan } from '../plans/fixtures.js';
import { createGoal, goalsWorkspace } from './fixtures.js';

useFixedClock(); // 2026-06-10: this quarter is 2026-04-01 … 2026-06-30 (January fiscal year)
const { app, db } = await testApp();

const usd = (units: number) => ({ amountMinor: units * 100, currency: 'USD' });

describe('what goals and their one tiny next step', () => {
  it('sets a goal for this quarter with its first step, and refuses terms that do not hold together, naming the field', async () => {
    const { ana } = await goalsWorkspace(app);
    const res = await ana.client.post('/api/v1/goals', { kind: 'process', title: 'Plan every call', periodPreset: 'this_quarter', measure: 'advance_rate', targetValue: 60, stretch: true, firstStep: 'Write the outcome for tomorrow’s call' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      owner: { id: ana.me.user.id, name: 'Ana Alvarez' },
      setBy: { id: ana.me.user.id },
      kind: 'process',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      measure: 'advance_rate',
      targetValue: 60,
      stretch: true,
      status: 'active',
      currentStep: { text: 'Write the outcome for tomorrow’s call', status: 'current', lesson: null },
      stepsDone: 0,
      measurement: { period: 'current', reading: { unit: 'rate', n: 0, judgement: { kind: 'too_few_to_judge', n: 0 } }, progress: null },
      permissions: { canEditTerms: true, canTakeSteps: true },
      version: 1,
    });
    expect(res.data.steps).toHaveLength(1);

    const bad = await ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Negotiate', periodPreset: 'this_month', measure: 'revenue_won', firstStep: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['firstStep', 'measure']);
    const noPeriod = await ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Negotiate', firstStep: 'Read a chapter' });
    expect(noPeriod.data.error.details.map((d: { path: string }) => d.path)).toEqual(['periodStart', 'periodEnd']);
    const past = await ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Negotiate', periodStart: '2026-01-01', periodEnd: '2026-03-31', firstStep: 'Read a chapter' });
    expect(past.statusCode).toBe(422);
    expect(past.data.error).toMatchObject({ code: 'date_in_past', details: [{ path: 'periodEnd' }] });
    const century = await ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Negotiate', periodStart: '2026-07-01', periodEnd: '2126-06-30', firstStep: 'Read a chapter' });
    expect(century.data.error.details).toEqual([{ path: 'periodEnd', message: 'Choose a period of at most three years.' }]);
    // One date at a time is checked against the stored other one, and changes nothing when refused.
    const short = await createGoal(ana, {});
    const later = await ana.client.patch(`/api/v1/goals/${short.id}`, { periodEnd: '2999-12-31', version: short.version });
    expect(later.statusCode).toBe(400);
    expect(later.data.error.details).toEqual([{ path: 'periodEnd', message: 'Choose a period of at most three years.' }]);
    const earlier = await ana.client.patch(`/api/v1/goals/${short.id}`, { periodStart: '1900-01-01', version: short.version });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.data.error.details).toEqual([{ path: 'periodStart', message: 'Choose a period of at most three years.' }]);
    expect((await ana.client.get(`/api/v1/goals/${short.id}`)).data).toMatchObject({ periodStart: short.periodStart, periodEnd: short.periodEnd, version: short.version });
    const fiscal = await ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Negotiate', periodPreset: 'this_year', firstStep: 'Read a chapter' });
    expect(fiscal.data).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  });

  it('completes a step with what was learned and the next step in one action; the log keeps each with its date and lesson', async () => {
    const { ana } = await goalsWorkspace(app);
    const goal = await createGoal(ana, {});
    const done = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'Writing it down made me ask for the next meeting', nextStep: 'Plan Thursday’s demo outcome', version: goal.version });
    expect(done.statusCode).toBe(200);
    expect(done.data).toMatchObject({ version: 2, stepsDone: 1, currentStep: { text: 'Plan Thursday’s demo outcome', status: 'current' } });
    expect(done.data.steps.map((s: { text: string; status: string; lesson: string | null; doneOn: string | null }) => [s.text, s.status, s.lesson, s.doneOn])).toEqual([
      ['Plan Thursday’s demo outcome', 'current', null, null],
      ['Write the outcome for tomorrow’s call', 'done', 'Writing it down made me ask for the next meeting', '2026-06-10'],
    ]);

    const noNext = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'Something', version: done.data.version });
    expect(noNext.statusCode).toBe(400);
    expect(noNext.data.error.details).toEqual([{ path: 'nextStep', message: 'What is the next tiny step? Something you can do today.' }]);
    const noLesson = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { nextStep: 'Call Bo', version: done.data.version });
    expect(noLesson.data.error.details.map((d: { path: string }) => d.path)).toEqual(['lesson']);

    // The last step: the goal is done, with no next step; reopening asks for one.
    const finished = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'Demos go better with an agreed outcome', goalDone: true, version: done.data.version });
    expect(finished.data).toMatchObject({ status: 'done', currentStep: null, stepsDone: 2 });
    expect(finished.data.closedAt).toBeTruthy();
    const closedStep = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'x', nextStep: 'y', version: finished.data.version });
    expect(closedStep.statusCode).toBe(422);
    const reopenBare = await ana.client.patch(`/api/v1/goals/${goal.id}`, { status: 'active', version: finished.data.version });
    expect(reopenBare.statusCode).toBe(422);
    expect(reopenBare.data.error.details).toEqual([{ path: 'currentStep', message: 'What is the next tiny step? Something you can do today.' }]);
    const reopened = await ana.client.patch(`/api/v1/goals/${goal.id}`, { status: 'active', currentStep: 'Plan Monday’s calls', version: finished.data.version });
    expect(reopened.data).toMatchObject({ status: 'active', closedAt: null, currentStep: { text: 'Plan Monday’s calls' } });

    // Dropping it sets its step aside (kept in the log, never "failed").
    const dropped = await ana.client.patch(`/api/v1/goals/${goal.id}`, { status: 'dropped', version: reopened.data.version });
    expect(dropped.data).toMatchObject({ status: 'dropped', currentStep: null });
    expect(dropped.data.steps[0]).toMatchObject({ text: 'Plan Monday’s calls', status: 'set_aside' });
  });

  it('keeps one current step per goal in the database itself: a second one inserted directly is refused', async () => {
    const { ana } = await goalsWorkspace(app);
    const goal = await createGoal(ana, {});
    const { workspace_id } = await db.selectFrom('goals').select('workspace_id').where('id', '=', goal.id).executeTakeFirstOrThrow();
    const second = { id: '01a00000-0000-7000-8000-0000000000aa', workspace_id, goal_id: goal.id, position: 7, text: 'A second step at once', status: 'current' as const, lesson: null, done_at: null, done_on: null, closed_at: null, created_at: new Date().toISOString() };
    await expect(db.insertInto('goal_steps').values(second).execute()).rejects.toThrow(/unique|UNIQUE|duplicate/i);
    // A step done or set aside is no obstacle: only current ones are unique.
    await db.insertInto('goal_steps').values({ ...second, status: 'set_aside' }).execute();
    const current = await db.selectFrom('goal_steps').select('id').where('goal_id', '=', goal.id).where('status', '=', 'current').execute();
    expect(current).toHaveLength(1);
  });

  it('answers a stale version with 409 and the goal as it is, on a change and on completing a step', async () => {
    const { ana } = await goalsWorkspace(app);
    const goal = await createGoal(ana, {});
    const renamed = await ana.client.patch(`/api/v1/goals/${goal.id}`, { title: 'Plan every customer call', version: goal.version });
    expect(renamed.data).toMatchObject({ title: 'Plan every customer call', version: 2 });
    const stale = await ana.client.patch(`/api/v1/goals/${goal.id}`, { title: 'Something else', version: goal.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { id: goal.id, title: 'Plan every customer call', version: 2 } });
    const staleStep = await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'x', nextStep: 'y', version: goal.version });
    expect(staleStep.statusCode).toBe(409);
    expect((await ana.client.get(`/api/v1/goals/${goal.id}`)).data).toMatchObject({ stepsDone: 0, version: 2 });
  });

  it('lets only one of two racing completions through, leaving one current step', async () => {
    const { ana } = await goalsWorkspace(app);
    const goal = await createGoal(ana, {});
    const [a, b] = await Promise.all([
      ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'A', nextStep: 'Next A', version: goal.version }),
      ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'B', nextStep: 'Next B', version: goal.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = await db.selectFrom('goal_steps').select(['status']).where('goal_id', '=', goal.id).execute();
    expect(steps.filter((s) => s.status === 'current')).toHaveLength(1);
    expect(steps.filter((s) => s.status === 'done')).toHaveLength(1);
  });

  it('audits the goal, each step and each note, in the goal’s history', async () => {
    const { ana, maya } = await goalsWorkspace(app);
    const goal = await createGoal(ana, { kind: 'learning', title: 'Negotiate better', measure: 'learning_notes', targetValue: 10 });
    const done = (await ana.client.post(`/api/v1/goals/${goal.id}/complete-step`, { lesson: 'Silence works', nextStep: 'Practise with Ben', version: goal.version })).data;
    const note = await ana.client.post(`/api/v1/goals/${goal.id}/notes`, { body: 'Read “Never split the difference”, ch. 3' });
    expect(note.statusCode).toBe(201);
    expect(note.data).toMatchObject({ body: 'Read “Never split the difference”, ch. 3', author: { name: 'Ana Alvarez' } });
    await ana.client.patch(`/api/v1/goals/${goal.id}`, { stretch: true, version: done.version });
    const history = await maya.client.get(`/api/v1/goals/${goal.id}/history`);
    expect(history.statusCode).toBe(200);
    const events = history.data.data.map((e: { entityType: string; action: string; actor: { name: string } }) => `${e.entityType}:${e.action}:${e.actor.name}`);
    expect(events).toEqual([
      'goal:update:Ana Alvarez',
      'goal_note:create:Ana Alvarez',
      'goal_step:create:Ana Alvarez',
      'goal_step:complete:Ana Alvarez',
      'goal_step:create:Ana Alvarez',
      'goal:create:Ana Alvarez',
    ]);
    expect(history.data.data[3].changes).toMatchObject({ lesson: { before: null, after: 'Silence works' }, doneOn: { after: '2026-06-10' } });
  });
});

describe('who sets, sees and changes goals', () => {
  it('lets a manager set an outcome goal (a quota) for a rep of their team; the terms are the manager’s, the steps the rep’s', async () => {
    const w = await goalsWorkspace(app);
    const quota = await w.maya.client.post('/api/v1/goals', { ownerId: w.ana.me.user.id, kind: 'outcome', title: 'Q2 quota', periodPreset: 'this_quarter', measure: 'revenue_won', targetAmount: usd(100_000), firstStep: 'List the deals that can close this quarter' });
    expect(quota.statusCode).toBe(201);
    expect(quota.data).toMatchObject({ owner: { name: 'Ana Alvarez' }, setBy: { name: 'Maya Manager' }, permissions: { canEditTerms: true, canTakeSteps: false } });
    const g = quota.data;
    const asAna = (await w.ana.client.get(`/api/v1/goals/${g.id}`)).data;
    expect(asAna.permissions).toEqual({ canEditTerms: false, canTakeSteps: true });
    const anaRaises = await w.ana.client.patch(`/api/v1/goals/${g.id}`, { targetAmount: usd(50_000), version: g.version });
    expect(anaRaises.statusCode).toBe(403);
    const mayaSteps = await w.maya.client.post(`/api/v1/goals/${g.id}/complete-step`, { lesson: 'x', nextStep: 'y', version: g.version });
    expect(mayaSteps.statusCode).toBe(403);
    expect((await w.maya.client.post(`/api/v1/goals/${g.id}/notes`, { body: 'x' })).statusCode).toBe(403);
    const stepped = await w.ana.client.post(`/api/v1/goals/${g.id}/complete-step`, { lesson: 'Two deals need a plan', nextStep: 'Draft the Globex plan', version: g.version });
    expect(stepped.statusCode).toBe(200);
    const raised = await w.maya.client.patch(`/api/v1/goals/${g.id}`, { targetAmount: usd(120_000), stretch: true, version: stepped.data.version });
    expect(raised.data).toMatchObject({ targetAmount: usd(120_000), stretch: true });
    expect((await w.admin.client.patch(`/api/v1/goals/${g.id}`, { title: 'Q2 quota (agreed)', version: raised.data.version })).statusCode).toBe(200);

    // Only outcome goals, only for their own team, never by a rep.
    const processForAna = await w.maya.client.post('/api/v1/goals', { ownerId: w.ana.me.user.id, kind: 'process', title: 'Plan calls', periodPreset: 'this_month', firstStep: 'x' });
    expect(processForAna.statusCode).toBe(422);
    expect(processForAna.data.error.details).toEqual([{ path: 'kind', message: 'Choose an outcome goal.' }]);
    for (const [who, owner] of [[w.omar, w.ana], [w.ben, w.ana], [w.ana, w.maya]] as const) {
      const res = await who.client.post('/api/v1/goals', { ownerId: owner.me.user.id, kind: 'outcome', title: 'Quota', periodPreset: 'this_month', firstStep: 'x' });
      expect(res.statusCode).toBe(403);
    }
    expect((await w.admin.client.post('/api/v1/goals', { ownerId: w.olga.me.user.id, kind: 'outcome', title: 'Quota', periodPreset: 'this_month', firstStep: 'Call two clients' })).statusCode).toBe(201);
  });

  it('shows a rep’s goals to them, their manager and admins; to other reps and managers they do not exist', async () => {
    const w = await goalsWorkspace(app);
    const goal = await createGoal(w.ana, {});
    for (const who of [w.ana, w.maya, w.admin]) expect((await who.client.get(`/api/v1/goals/${goal.id}`)).statusCode).toBe(200);
    for (const who of [w.ben, w.omar, w.olga, w.outsider]) {
      const res = await who.client.get(`/api/v1/goals/${goal.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.data.error.message).toBe((await who.client.get('/api/v1/goals/01a00000-0000-7000-8000-000000000000')).data.error.message);
      expect((await who.client.patch(`/api/v1/goals/${goal.id}`, { title: 'Mine', version: 1 })).statusCode).toBe(404);
      expect((await who.client.get(`/api/v1/goals/${goal.id}/history`)).statusCode).toBe(404);
    }
    expect((await w.ben.client.get(`/api/v1/goals?ownerId=${w.ana.me.user.id}`)).statusCode).toBe(403);
    expect((await w.maya.client.get(`/api/v1/goals?ownerId=${w.ana.me.user.id}`)).data.data.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    expect((await w.ana.client.get('/api/v1/goals?status=active')).data.data.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    expect((await w.ana.client.get('/api/v1/goals?status=done')).data.data).toEqual([]);
  });
});

describe('measured from the data, each with its n', () => {
  it('reads won revenue per currency (never added together) and shows a stretch goal as how far it got', async () => {
    const { ana } = await goalsWorkspace(app);
    const account = await createAccount(ana.client);
    const deal = async (amount: { amountMinor: number; currency: string }, closeDate: string, status: string, closeReason?: string) =>
      createDeal(ana.client, { accountId: account.id, amount, closeDate, status, ...(closeReason ? { closeReason } : {}) });
    await deal(usd(40_000), '2026-04-15', 'won');
    await deal(usd(30_000), '2026-06-01', 'won');
    await deal({ amountMinor: 5_000_000, currency: 'EUR' }, '2026-05-20', 'won');
    await deal(usd(90_000), '2026-05-02', 'lost', 'Chose a competitor');
    await deal(usd(25_000), '2026-03-31', 'won'); // last quarter
    await deal(usd(60_000), '2026-06-20', 'open');
    const revenue = await createGoal(ana, { kind: 'outcome', title: 'Q2 revenue', measure: 'revenue_won', targetAmount: usd(100_000), stretch: true });
    expect(revenue.measurement).toEqual({
      period: 'current',
      reading: { unit: 'money', n: 3, totals: [{ amountMinor: 5_000_000, currency: 'EUR' }, usd(70_000)] },
      progress: { percent: 70, reached: false, words: 'stretch — 70 % of the way' },
    });
    const deals = await createGoal(ana, { kind: 'outcome', title: 'Win deals', measure: 'deals_won', targetValue: 4 });
    expect(deals.measurement).toMatchObject({ reading: { unit: 'count', value: 3, n: 3 }, progress: { percent: 75, words: '75 % of the way' } });
  });

  it('reads revenue won past what a JSON number holds exactly as the ceiling, and the goal stays readable', async () => {
    const { ana } = await goalsWorkspace(app);
    const account = await createAccount(ana.client);
    const MAX = 999_999_999_999_999;
    for (let i = 0; i < 10; i += 1) await createDeal(ana.client, { accountId: account.id, amount: { amountMinor: MAX, currency: 'USD' }, closeDate: '2026-05-15', status: 'won' });
    const revenue = await createGoal(ana, { kind: 'outcome', title: 'Q2 revenue', measure: 'revenue_won', targetAmount: usd(100_000) });
    expect(revenue.measurement.reading).toEqual({ unit: 'money', n: 10, totals: [{ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' }] });
    expect(revenue.measurement.progress).toMatchObject({ reached: true });
    const list = await ana.client.get('/api/v1/goals');
    expect(list.statusCode).toBe(200);
  });

  it('reads interactions: planned per week, advances per week and the advance rate with its interval', async () => {
    const { ana, ben } = await goalsWorkspace(app);
    const account = await createAccount(ana.client);
    const { workspace_id } = await db.selectFrom('accounts').select('workspace_id').where('id', '=', account.id).executeTakeFirstOrThrow();
    let n = 0;
    const interaction = (ownerId: string, sortAt: string, result: 'advanced' | 'continuation' | 'no_advance' | null, cancelled = false) => ({
      id: `01a00000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
      workspace_id,
      account_id: account.id,
      owner_id: ownerId,
      kind: 'call' as const,
      starts_at: sortAt,
      time_zone: 'Europe/Paris',
      sort_at: sortAt,
      outcome_kind: 'information' as const,
      outcome_statement: 'They agree to a demo with their CFO',
      needs_several_calls: 0,
      result,
      result_recorded_at: result ? sortAt : null,
      cancelled_at: cancelled ? sortAt : null,
      version: 1,
      created_at: sortAt,
      updated_at: sortAt,
    });
    const a = ana.me.user.id;
    await db
      .insertInto('interactions')
      .values([
        // Ten in the quarter so far with a result: 6 advances.
        ...['04-02', '04-09', '04-16', '04-23', '04-30', '05-07'].map((d) => interaction(a, `2026-${d}T09:00:00.000Z`, 'advanced')),
        ...['05-14', '05-21', '05-28'].map((d) => interaction(a, `2026-${d}T09:00:00.000Z`, 'continuation')),
        interaction(a, '2026-06-04T09:00:00.000Z', 'no_advance'),
        // One still to record, one cancelled, one planned for later, one last quarter, one of Ben's.
        interaction(a, '2026-06-09T09:00:00.000Z', null),
        interaction(a, '2026-05-15T09:00:00.000Z', 'advanced', true),
        interaction(a, '2026-06-25T09:00:00.000Z', null),
        interaction(a, '2026-03-31T22:30:00.000Z', 'advanced'), // 31 March in UTC is already 1 April in Paris (UTC+2)
        interaction(a, '2026-03-31T21:30:00.000Z', 'advanced'), // 23:30 on 31 March in Paris: last quarter
        interaction(ben.me.user.id, '2026-05-05T09:00:00.000Z', 'advanced'),
      ])
      .execute();
    // 1 April … 10 June is 71 days: 10.14 weeks.
    const planned = await createGoal(ana, { measure: 'planned_interactions_per_week', targetValue: 2 });
    expect(planned.measurement.reading).toEqual({ unit: 'per_week', value: 1.2, count: 12, weeks: 71 / 7, n: 12 });
    expect(planned.measurement.progress).toMatchObject({ percent: 59, words: '59 % of the way' });
    const advances = await createGoal(ana, { measure: 'advances_per_week' });
    expect(advances.measurement.reading).toMatchObject({ unit: 'per_week', count: 7, n: 7, value: 0.7 });
    const rate = await createGoal(ana, { measure: 'advance_rate', targetValue: 60, stretch: true });
    expect(rate.measurement.reading).toMatchObject({ unit: 'rate', successes: 7, n: 11, judgement: { kind: 'rate', successes: 7, n: 11 } });
    expect(rate.measurement.reading.judgement.low).toBeCloseTo(0.3538, 3);
    expect(rate.measurement.reading.judgement.high).toBeCloseTo(0.8483, 3);
    expect(rate.measurement.progress).toEqual({ percent: 106, reached: true, words: 'stretch — reached (106 %)' });
  });

  it('reads commitments kept on time with the reliability rule, check-in actions (none yet), deals with a mutual plan, and learning notes', async () => {
    const { ana } = await goalsWorkspace(app);
    const account = await createAccount(ana.client);
    const big = await createDeal(ana.client, { accountId: account.id, amount: usd(80_000) });
    const big2 = await createDeal(ana.client, { accountId: account.id, amount: usd(50_000) });
    await createDeal(ana.client, { accountId: account.id, amount: usd(70_000) });
    await createDeal(ana.client, { accountId: account.id, amount: usd(10_000) });
    await createDeal(ana.client, { accountId: account.id, amount: { amountMinor: 9_000_000, currency: 'EUR' } });
    const plan = await createPlan(ana.client, big.id);
    await createPlan(ana.client, big2.id);
    // Due in the quarter: kept on time twice (12 June, done today; 10 May, done the day before), kept
    // late once (20 April, done on the 25th), missed once (20 May); and one due next quarter, done.
    const doneAt: Record<string, string | null> = { '2026-06-12': 'now', '2026-05-10': '2026-05-09T10:00:00.000Z', '2026-04-20': '2026-04-25T10:00:00.000Z', '2026-05-20': null, '2026-07-15': 'now' };
    for (const [due, at] of Object.entries(doneAt)) {
      const c = await addCommitment(ana.client, plan.id, { dueDate: due });
      if (at === 'now') await ana.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version });
      else if (at) await db.updateTable('commitments').set({ status: 'done', done_at: at }).where('id', '=', c.id).execute();
    }

    const kept = await createGoal(ana, { measure: 'commitments_kept_on_time', targetValue: 90 });
    // Judged in the quarter: 2 kept on time out of 4 (the one due in July is not in it): too few to judge.
    expect(kept.measurement.reading).toEqual({ unit: 'rate', successes: 2, n: 4, judgement: { kind: 'too_few_to_judge', n: 4 } });
    expect(kept.measurement.progress).toBeNull();
    const mine = (await ana.client.get(`/api/v1/users/${ana.me.user.id}/reliability`)).data.overall;
    // The same rule as the person's reliability, which counts every date (July's too).
    expect(mine).toMatchObject({ keptOnTime: 3, keptLate: 1, missed: 1 });

    const checkIns = await createGoal(ana, { measure: 'check_in_actions_kept' });
    expect(checkIns.measurement.reading).toEqual({ unit: 'rate', successes: 0, n: 0, judgement: { kind: 'too_few_to_judge', n: 0 } });

    const planned = await createGoal(ana, { measure: 'deals_with_mutual_plan', measureAmount: usd(50_000), targetValue: 100 });
    expect(planned.measurement.reading).toEqual({ unit: 'rate', successes: 2, n: 3, judgement: { kind: 'too_few_to_judge', n: 3 } });

    const learning = await createGoal(ana, { kind: 'learning', title: 'Negotiate better', measure: 'learning_notes', targetValue: 4 });
    await ana.client.post(`/api/v1/goals/${learning.id}/notes`, { body: 'Anchoring first' });
    await ana.client.post(`/api/v1/goals/${learning.id}/notes`, { body: 'Trade, never give' });
    await ana.client.post(`/api/v1/goals/${learning.id}/complete-step`, { lesson: 'Silence is a tool', nextStep: 'Try it on Friday', version: learning.version });
    const read = (await ana.client.get(`/api/v1/goals/${learning.id}`)).data;
    expect(read.measurement).toMatchObject({ reading: { unit: 'count', value: 3, n: 3 }, progress: { percent: 75 } });
    expect(read.notes.map((n: { body: string }) => n.body)).toEqual(['Trade, never give', 'Anchoring first']);
  });
});
