import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace, type Client, type Signed } from '../../test/factories.js';
import { addCommitment, createDeal, createPlan, customerProposes, dayIn } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';
import { pastCall, record } from '../interactions/fixtures.js';
import { rejudgeFlags } from './stored.js';

useFixedClock(); // "days open" and missed commitments are judged against now: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';
const DAY = 86_400_000;

type Item = { opportunity: { id: string; name: string; version: number }; flags: { id: string; reason: string }[]; nextMoves: { id: string }[]; figures: Record<string, unknown> & { customer: Record<string, unknown> } };

/**
 * The counters a recorded result keeps (migration 0093) and the qualification (0094), set straight
 * in the database: what the interactions and qualification features write in their transactions,
 * the deal's flags judged again as they do (0175).
 */
async function setFacts(id: string, facts: { streak?: number; results?: number; change?: 'none' | 'stated' | 'evidenced'; daysOld?: number }) {
  await db
    .updateTable('opportunities')
    .set({
      ...(facts.streak !== undefined ? { no_advance_streak: facts.streak } : {}),
      ...(facts.results !== undefined ? { results_count: facts.results } : {}),
      ...(facts.change ? { change_commitment: facts.change } : {}),
      ...(facts.daysOld !== undefined ? { created_at: new Date(Date.now() - facts.daysOld * DAY - 60_000).toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute();
  await rejudgeFlags(db, id);
}

/** Customer-side commitments on the deal's plan: kept on time (ticked before their day) or missed (their day has gone by). */
async function customerWord(client: Client, dealId: string, kept: number, missed: number) {
  const plan = await createPlan(client, dealId);
  for (let i = 0; i < kept; i++) {
    const c = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', title: `Kept ${i}`, dueDate: dayIn(TZ, 5) });
    const done = await client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version });
    if (done.statusCode !== 200) throw new Error(`tick: ${done.statusCode} ${done.body}`);
  }
  for (let i = 0; i < missed; i++) await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', title: `Missed ${i}`, dueDate: dayIn(TZ, -3 - i) });
  return plan;
}

/** A workspace with a manager's team (Ann, Bob), a rep of another team (Cid) and deals in every state. */
async function world() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const manager = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const team = (await admin.client.post('/api/v1/teams', { name: 'Enterprise', managerId: manager.me.user.id })).data;
  const other = (await admin.client.post('/api/v1/teams', { name: 'Agency' })).data;
  const ann = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'Ann Rep', timeZone: TZ });
  const bob = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'Bob Rep', timeZone: TZ });
  const cid = await addMember(app, admin.client, { role: 'rep', teamId: other.id, name: 'Cid Outsider', timeZone: TZ });
  const deal = (who: Signed, name: string, closeDate: string) => createDeal(who.client, { name, closeDate });
  const d = {
    // Ann: three calls in a row without an advance (a commitment to change was stated).
    streak: await deal(ann, 'Streak', '2030-01-10'),
    // Ann: 45 days and 4 calls, no commitment to change.
    noChange: await deal(ann, 'No change', '2030-01-20'),
    // Bob: the customer kept 1 of 4.
    unreliable: await deal(bob, 'Unreliable', '2030-01-15'),
    // Bob: 2 of 3 kept on time: SQL finds it a candidate, the rule clears it.
    reliable: await deal(bob, 'Reliable', '2030-01-05'),
    // Bob: two missed is too few to judge.
    tooFew: await deal(bob, 'Too few', '2030-01-06'),
    // Ann: young, evidenced, advancing.
    healthy: await deal(ann, 'Healthy', '2030-01-01'),
    // Ann: chased, but already won.
    won: await deal(ann, 'Won', '2030-01-02'),
    // Cid (another team): all three flags.
    outsider: await deal(cid, 'Outsider', '2030-02-01'),
  };
  await setFacts(d.streak.id, { streak: 3, results: 3, change: 'stated' });
  await setFacts(d.noChange.id, { streak: 1, results: 4, daysOld: 45 });
  await setFacts(d.unreliable.id, { change: 'evidenced' });
  await customerWord(bob.client, d.unreliable.id, 1, 3);
  await setFacts(d.reliable.id, { change: 'evidenced' });
  await customerWord(bob.client, d.reliable.id, 2, 1);
  await setFacts(d.tooFew.id, { change: 'evidenced' });
  await customerWord(bob.client, d.tooFew.id, 0, 2);
  await setFacts(d.healthy.id, { streak: 0, results: 2, change: 'evidenced' });
  await setFacts(d.won.id, { streak: 5, results: 5 });
  await ann.client.patch(`/api/v1/opportunities/${d.won.id}`, { status: 'won', version: d.won.version });
  await setFacts(d.outsider.id, { streak: 4, results: 4, daysOld: 60 });
  await customerWord(cid.client, d.outsider.id, 0, 3);
  return { admin, manager, ann, bob, cid, d };
}

const names = (items: { name: string }[]) => items.map((o) => o.name);
const focusNames = (items: Item[]) => items.map((i) => i.opportunity.name);

async function allPages<T>(client: Client, url: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; body: string; data: { data: T[]; nextCursor: string | null } } = await client.get(`${url}${url.includes('?') ? '&' : '?'}limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    out.push(...res.data.data);
    cursor = res.data.nextCursor;
  } while (cursor);
  return out;
}

describe('focus flags computed from the data', () => {
  it('lists each chased deal once with its reasons in plain words, the figures with their n and the next moves', async () => {
    const w = await world();
    const res = await w.admin.client.get('/api/v1/focus');
    expect(res.statusCode).toBe(200);
    expect(res.data.scope).toBe('everyone');
    expect(res.data.thresholds).toEqual({ noAdvanceStreak: 3, noCommitmentDays: 30, noCommitmentInteractions: 3 });
    const items: Item[] = res.data.data;
    // Soonest close date first; healthy, won, reliable and too-few deals are not there.
    expect(focusNames(items)).toEqual(['Streak', 'Unreliable', 'No change', 'Outsider']);
    const by = Object.fromEntries(items.map((i) => [i.opportunity.name, i]));
    expect(by.Streak.flags).toEqual([{ id: 'no_advance_streak', reason: '3 calls in a row without an advance' }]);
    expect(by.Streak.figures).toMatchObject({ noAdvanceStreak: 3, resultsCount: 3, changeCommitment: 'stated', customer: { judged: 0, score: null } });
    expect(by.Streak.nextMoves.map((m) => m.id)).toEqual(['ask_for_commitment', 'cost_of_inaction']);
    expect(by['No change'].flags).toEqual([{ id: 'no_commitment_to_change', reason: 'no commitment to change after 45 days and 4 calls' }]);
    expect(by['No change'].figures).toMatchObject({ daysOpen: 45, resultsCount: 4, changeCommitment: 'none' });
    expect(by.Unreliable.flags).toEqual([{ id: 'customer_unreliable', reason: 'the customer kept 1 of 4 judged commitments on time (25 %)' }]);
    expect(by.Unreliable.figures.customer).toEqual({ judged: 4, keptOnTime: 1, keptLate: 0, missed: 3, open: 0, score: 0.25, weightedJudged: 4 });
    // Evidenced: no need to ask for a commitment; the cost of inaction is still worth talking through.
    expect(by.Unreliable.nextMoves.map((m) => m.id)).toEqual(['cost_of_inaction']);
    expect(by.Outsider.flags.map((f) => f.id)).toEqual(['no_advance_streak', 'customer_unreliable', 'no_commitment_to_change']);
    expect(by.Outsider.nextMoves.map((m) => m.id)).toEqual(['ask_for_commitment', 'cost_of_inaction', 'walk_away']);
  });

  it('Focus shows a rep their own, a manager their team, and switches scope', async () => {
    const w = await world();
    expect(focusNames((await w.ann.client.get('/api/v1/focus')).data.data)).toEqual(['Streak', 'No change']);
    expect(focusNames((await w.bob.client.get('/api/v1/focus?scope=mine')).data.data)).toEqual(['Unreliable']);
    const team = await w.manager.client.get('/api/v1/focus');
    expect(team.data.scope).toBe('team');
    expect(focusNames(team.data.data)).toEqual(['Streak', 'Unreliable', 'No change']);
    expect(focusNames((await w.manager.client.get('/api/v1/focus?scope=mine')).data.data)).toEqual([]);
    expect(focusNames((await w.admin.client.get('/api/v1/focus?scope=team')).data.data)).toEqual([]);
    expect(focusNames((await w.cid.client.get('/api/v1/focus?scope=everyone')).data.data)).toEqual(['Streak', 'Unreliable', 'No change', 'Outsider']);
    // Keyset paging, one at a time, gives the same list.
    expect(focusNames(await allPages<Item>(w.manager.client, '/api/v1/focus?scope=team'))).toEqual(['Streak', 'Unreliable', 'No change']);
    const bad = await w.ann.client.get('/api/v1/focus?scope=company');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].path).toBe('scope');
  });

  it('the opportunity list filters by each flag and by any, with keyset paging, and lists each row’s flags', async () => {
    const w = await world();
    const list = (q: string) => w.admin.client.get(`/api/v1/opportunities?${q}`);
    expect(names((await list('flag=no_advance_streak&sort=name')).data.data)).toEqual(['Outsider', 'Streak']);
    expect(names((await list('flag=customer_unreliable&sort=name')).data.data)).toEqual(['Outsider', 'Unreliable']);
    expect(names((await list('flag=no_commitment_to_change&sort=name')).data.data)).toEqual(['No change', 'Outsider']);
    const any = await list('flag=any&sort=name');
    expect(names(any.data.data)).toEqual(['No change', 'Outsider', 'Streak', 'Unreliable']);
    expect(any.data.data.find((o: { name: string }) => o.name === 'Unreliable').flags).toEqual([{ id: 'customer_unreliable', reason: 'the customer kept 1 of 4 judged commitments on time (25 %)' }]);
    // Without the filter, the rows carry no flags (the plain list stays as it was).
    expect((await list('sort=name')).data.data[0].flags).toBeUndefined();
    // Page by page, in every sort, the same rows once each (rejected candidates between pages included).
    for (const sort of ['name', '-updatedAt', 'closeDate', '-amount']) {
      const paged = await allPages<{ name: string }>(w.admin.client, `/api/v1/opportunities?flag=any&sort=${sort}`);
      expect(names(paged).sort(), sort).toEqual(['No change', 'Outsider', 'Streak', 'Unreliable']);
    }
    expect(names(await allPages<{ name: string }>(w.admin.client, '/api/v1/opportunities?flag=customer_unreliable&sort=closeDate'))).toEqual(['Unreliable', 'Outsider']);
    // With other filters and a search.
    expect(names((await list(`flag=any&ownerId=${w.bob.me.user.id}`)).data.data)).toEqual(['Unreliable']);
    expect(names((await list('flag=any&q=unreliable')).data.data)).toEqual(['Unreliable']);
    expect(names((await list('flag=any&q=reliable')).data.data)).toEqual([]);
    expect(names((await list('flag=any&status=won')).data.data)).toEqual([]);
    const bad = await list('flag=lonely');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].path).toBe('flag');
  });
});

describe('flags from the interactions and the qualification as people record them', () => {
  it('three calls without an advance flag the deal; an advance clears the streak; a stated commitment to change clears the rest', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep', timeZone: TZ });
    const deal = await createDeal(rep.client, { name: 'Lyon rollout' });
    const call = async (hoursAgo: number, result: string) => {
      const logged = await pastCall(rep.client, deal.account.id, { opportunityId: deal.id, hoursAgo });
      const res = await record(rep.client, logged, result === 'advanced' ? { result, agreed: 'A pilot at the Lyon plant' } : { result });
      expect(res.statusCode, res.body).toBe(200);
    };
    const focus = async () => (await rep.client.get('/api/v1/focus')).data.data as Item[];
    await call(30, 'no_advance');
    await call(20, 'continuation');
    expect(await focus()).toEqual([]);
    await call(10, 'no_advance');
    const [item] = await focus();
    expect(item.flags).toEqual([
      { id: 'no_advance_streak', reason: '3 calls in a row without an advance' },
      { id: 'no_commitment_to_change', reason: 'no commitment to change after 0 days and 3 calls' },
    ]);
    expect(item.figures).toMatchObject({ noAdvanceStreak: 3, resultsCount: 3 });

    await call(2, 'advanced');
    const [after] = await focus();
    expect(after.flags).toEqual([{ id: 'no_commitment_to_change', reason: 'no commitment to change after 0 days and 4 calls' }]);
    expect(after.figures).toMatchObject({ noAdvanceStreak: 0, resultsCount: 4 });

    const q = (await rep.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).data;
    const stated = await rep.client.patch(`/api/v1/opportunities/${deal.id}/qualification`, { changeCommitment: 'stated', changeEvidence: 'Their COO said they will replace the scheduler this year', version: q.version });
    expect(stated.statusCode, stated.body).toBe(200);
    expect(await focus()).toEqual([]);
    expect(names((await rep.client.get('/api/v1/opportunities?flag=any')).data.data)).toEqual([]);
  });
});

describe('the customer’s word', () => {
  it('is judged by the one reliability rule: new dates agreed in time, must-dos counting double — the same figure as the deal’s reliability', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep', timeZone: TZ });
    const deal = await createDeal(rep.client, { name: 'Redated' });
    await setFacts(deal.id, { change: 'evidenced' });
    const plan = await createPlan(rep.client, deal.id);
    const c = (body: Record<string, unknown>) => addCommitment(rep.client, plan.id, { side: 'customer', ownerName: 'Carla', ...body });
    // Asked for a later date before the day, agreed, then kept by it: kept on time.
    const redated = await c({ title: 'Security review', dueDate: dayIn(TZ, 5) });
    const proposal = await customerProposes(rep.client, plan.id, redated.id, dayIn(TZ, 12));
    expect((await rep.client.post(`/api/v1/renegotiations/${proposal.id}/accept`, {})).statusCode).toBe(200);
    const fresh = (await rep.client.get(`/api/v1/commitments/${redated.id}`)).data;
    expect((await rep.client.patch(`/api/v1/commitments/${redated.id}`, { status: 'done', version: fresh.version })).statusCode).toBe(200);
    const kept = await c({ title: 'Share the data', dueDate: dayIn(TZ, 5) });
    expect((await rep.client.patch(`/api/v1/commitments/${kept.id}`, { status: 'done', version: kept.version })).statusCode).toBe(200);
    await c({ title: 'Budget sign-off', dueDate: dayIn(TZ, -3), mustDo: true });
    await c({ title: 'Intro to IT', dueDate: dayIn(TZ, -4) });

    const item = (await rep.client.get('/api/v1/focus')).data.data.find((i: Item) => i.opportunity.id === deal.id);
    expect(item.flags).toEqual([{ id: 'customer_unreliable', reason: 'the customer kept 2 of 4 judged commitments on time (40 %, must-dos counting double)' }]);
    const reliability = (await rep.client.get(`/api/v1/opportunities/${deal.id}/reliability`)).data.customer;
    expect(item.figures.customer).toEqual({
      judged: reliability.counted,
      keptOnTime: reliability.keptOnTime,
      keptLate: reliability.keptLate,
      missed: reliability.missed,
      open: reliability.open,
      score: reliability.score,
      weightedJudged: reliability.weighted.counted,
    });
    expect(item.figures.customer).toMatchObject({ judged: 4, keptOnTime: 2, missed: 2, score: 0.4, weightedJudged: 5 });
    expect(names((await rep.client.get('/api/v1/opportunities?flag=customer_unreliable')).data.data)).toEqual(['Redated']);
  });
});

describe('walking away', () => {
  it('closes the deal as walked away with a required reason, audited, 409 when stale; it leaves Focus and the flag filter', async () => {
    const w = await world();
    const id = w.d.streak.id;
    const before = (await w.ann.client.get(`/api/v1/opportunities/${id}`)).data;
    // Someone moved the close date since the page was read.
    const current = (await w.manager.client.patch(`/api/v1/opportunities/${id}`, { closeDate: '2030-01-11', version: before.version })).data;
    const noReason = await w.ann.client.patch(`/api/v1/opportunities/${id}`, { status: 'walked_away', version: current.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error.details.map((d: { path: string }) => d.path)).toEqual(['closeReason']);
    const stale = await w.ann.client.patch(`/api/v1/opportunities/${id}`, { status: 'walked_away', closeReason: 'No decision maker', version: before.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current.status).toBe('open');
    // Another rep of the workspace may not; another workspace does not see it at all.
    expect((await w.cid.client.patch(`/api/v1/opportunities/${id}`, { status: 'walked_away', closeReason: 'x', version: current.version })).statusCode).toBe(403);
    const elsewhere = await signUpWorkspace(app);
    expect((await elsewhere.client.patch(`/api/v1/opportunities/${id}`, { status: 'walked_away', closeReason: 'x', version: current.version })).statusCode).toBe(404);
    expect(focusNames((await elsewhere.client.get('/api/v1/focus?scope=everyone')).data.data)).toEqual([]);

    const walked = await w.ann.client.patch(`/api/v1/opportunities/${id}`, { status: 'walked_away', closeReason: 'Three calls, no decision maker: better spent elsewhere.', version: current.version });
    expect(walked.statusCode).toBe(200);
    expect(walked.data).toMatchObject({ status: 'walked_away', closeReason: 'Three calls, no decision maker: better spent elsewhere.', version: current.version + 1 });
    expect(walked.data.closedAt).not.toBeNull();
    expect(focusNames((await w.ann.client.get('/api/v1/focus')).data.data)).toEqual(['No change']);
    expect(names((await w.ann.client.get('/api/v1/opportunities?flag=any&sort=name')).data.data)).not.toContain('Streak');
    const history = (await w.ann.client.get(`/api/v1/opportunities/${id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'update', changes: { status: { before: 'open', after: 'walked_away' }, closeReason: { before: null, after: 'Three calls, no decision maker: better spent elsewhere.' } } });
    // The manager may walk away from a team member's deal too.
    const noChange = (await w.manager.client.get(`/api/v1/opportunities/${w.d.noChange.id}`)).data;
    expect((await w.manager.client.patch(`/api/v1/opportunities/${noChange.id}`, { status: 'walked_away', closeReason: 'No budget this year', version: noChange.version })).statusCode).toBe(200);
    expect(focusNames((await w.manager.client.get('/api/v1/focus')).data.data)).toEqual(['Unreliable']);
  });
});

describe('focus thresholds', () => {
  it('an admin changes them within bounds, versioned and audited; the flags follow', async () => {
    const w = await world();
    const t = await w.ann.client.get('/api/v1/workspace/focus-thresholds');
    expect(t.statusCode).toBe(200);
    expect(t.data).toMatchObject({ noAdvanceStreak: 3, noCommitmentDays: 30, noCommitmentInteractions: 3 });
    expect((await w.ann.client.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 5, version: t.data.version })).statusCode).toBe(403);
    expect((await w.manager.client.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 5, version: t.data.version })).statusCode).toBe(403);
    const bad = await w.admin.client.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 1, noCommitmentDays: 1000, noCommitmentInteractions: 2.5, version: t.data.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['noAdvanceStreak', 'noCommitmentDays', 'noCommitmentInteractions']);
    expect(bad.data.error.details.find((d: { path: string }) => d.path === 'noAdvanceStreak').message).toBe('Calls in a row without an advance: a whole number from 2 to 20.');

    const saved = await w.admin.client.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 4, noCommitmentDays: 60, version: t.data.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.data).toEqual({ noAdvanceStreak: 4, noCommitmentDays: 60, noCommitmentInteractions: 3, version: t.data.version + 1 });
    const stale = await w.admin.client.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 6, version: t.data.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ noAdvanceStreak: 4, noCommitmentDays: 60 });
    // The workspace's own settings moved on to the same version: they are one record.
    expect((await w.admin.client.get('/api/v1/workspace')).data.version).toBe(t.data.version + 1);
    const audit = await db.selectFrom('audit_events').select(['entity_type', 'action', 'changes']).where('entity_id', '=', w.admin.me.workspace.id).where('entity_type', '=', 'workspace').execute();
    expect(audit.map((a) => JSON.parse(a.changes))).toContainEqual({ focusNoAdvanceStreak: { before: 3, after: 4 }, focusNoCommitmentDays: { before: 30, after: 60 } });

    // A streak of 3 is no longer chased at 4; "No change" still is, by its 4 calls.
    const focus = (await w.admin.client.get('/api/v1/focus')).data;
    expect(focus.thresholds).toEqual({ noAdvanceStreak: 4, noCommitmentDays: 60, noCommitmentInteractions: 3 });
    expect(focusNames(focus.data)).toEqual(['Unreliable', 'No change', 'Outsider']);
    expect(focus.data.find((i: Item) => i.opportunity.name === 'No change').flags[0].reason).toBe('no commitment to change after 45 days and 4 calls');
    // Another workspace keeps its defaults.
    const elsewhere = await signUpWorkspace(app);
    expect((await elsewhere.client.get('/api/v1/workspace/focus-thresholds')).data).toMatchObject({ noAdvanceStreak: 3, noCommitmentDays: 30, noCommitmentInteractions: 3 });
  });
});

describe('one deal’s focus (the opportunity page)', () => {
  it('shows the deal’s own flags with their reasons, figures and next moves; none for a healthy or closed deal; 404 elsewhere', async () => {
    const w = await world();
    const one = async (who: Signed, id: string) => who.client.get(`/api/v1/opportunities/${id}/focus`);
    const outsider = (await one(w.admin, w.d.outsider.id)).data;
    expect(outsider.opportunity.name).toBe('Outsider');
    expect(outsider.flags.map((f: { id: string }) => f.id)).toEqual(['no_advance_streak', 'customer_unreliable', 'no_commitment_to_change']);
    expect(outsider.flags[1].reason).toBe('the customer kept 0 of 3 judged commitments on time (0 %)');
    expect(outsider.nextMoves.map((m: { id: string }) => m.id)).toEqual(['ask_for_commitment', 'cost_of_inaction', 'walk_away']);
    expect(outsider.figures.customer).toMatchObject({ judged: 3, missed: 3, keptOnTime: 0 });
    // The same item as on Focus.
    const onFocus = (await w.admin.client.get('/api/v1/focus?scope=everyone')).data.data.find((i: Item) => i.opportunity.id === w.d.outsider.id);
    expect(outsider).toEqual(onFocus);
    // Reliable (2 of 3 kept): a figure with its n, no flag.
    const reliable = (await one(w.bob, w.d.reliable.id)).data;
    expect(reliable.flags).toEqual([]);
    expect(reliable.nextMoves).toEqual([]);
    expect(reliable.figures.customer).toMatchObject({ judged: 3, keptOnTime: 2 });
    // Won: not chased any more.
    expect((await one(w.ann, w.d.won.id)).data.flags).toEqual([]);
    const elsewhere = await signUpWorkspace(app);
    expect((await one(elsewhere, w.d.outsider.id)).statusCode).toBe(404);
    expect((await one(w.ann, 'not-an-id')).statusCode).toBe(404); // a malformed id is not there either
  });
});
