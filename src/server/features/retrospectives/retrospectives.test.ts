import { describe, expect, it } from 'vitest';
import { useFixedClock } from '../../test/clock.js';
import { addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { closeDeal, pastInteraction, placeCommitment } from '../coaching/fixtures.js';
import { addCommitment, createContact, createDeal, createPlan } from '../plans/fixtures.js';

useFixedClock(); // Wednesday 2026-06-10: deals closed today fall in Q2 FY2026
const { app, db } = await testApp();
const TZ = 'Europe/Paris';
const NOW = () => new Date().toISOString();

async function workspace() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const maya = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const omar = await addMember(app, admin.client, { role: 'manager', name: 'Omar Other', timeZone: TZ });
  const north = (await admin.client.post('/api/v1/teams', { name: 'North', managerId: maya.me.user.id })).data;
  const south = (await admin.client.post('/api/v1/teams', { name: 'South', managerId: omar.me.user.id })).data;
  const alice = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Alice Adams', timeZone: TZ });
  const bob = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Bob Brown', timeZone: TZ });
  await addMember(app, admin.client, { role: 'rep', teamId: south.id, name: 'Olga Other', timeZone: TZ });
  return { admin, maya, omar, north, south, alice, bob };
}

const answers = (judgement: 'sound' | 'weak', version: number, lesson?: string) => ({
  answers: { plannedOutcomes: 'yes', advancesWon: 'partly', customerKept: 'yes', mutualPlan: 'no', changeCommitment: 'partly' },
  processJudgement: judgement,
  ...(lesson ? { lesson } : {}),
  version,
});

/** A deal won with a weak process: one call logged afterwards with no advance, no plan, no commitment to change. */
async function luckyWin(rep: Signed) {
  const account = await createAccount(rep.client);
  const deal = await createDeal(rep.client, { accountId: account.id, name: 'Globex renewal' });
  await pastInteraction(rep.client, account.id, { at: '2026-06-01T09:00:00.000Z', plannedAhead: false, result: 'no_advance', opportunityId: deal.id });
  await closeDeal(rep.client, deal, 'won', NOW());
  return deal;
}

/** A deal lost with a sound process: calls planned and advanced, a plan, the customer kept their word, an evidenced commitment. */
async function unluckyLoss(rep: Signed) {
  const account = await createAccount(rep.client);
  const deal = await createDeal(rep.client, { accountId: account.id, name: 'Initech expansion' });
  await pastInteraction(rep.client, account.id, { at: '2026-06-01T09:00:00.000Z', plannedAhead: true, result: 'advanced', opportunityId: deal.id });
  await pastInteraction(rep.client, account.id, { at: '2026-06-03T09:00:00.000Z', plannedAhead: true, result: 'advanced', opportunityId: deal.id });
  const plan = await createPlan(rep.client, deal.id, { status: 'active', customerTimeZone: TZ });
  const carla = await createContact(rep.client, account.id, 'Carla Customer');
  for (const due of ['2026-06-02', '2026-06-05']) {
    const c = await addCommitment(rep.client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: '2030-01-15' });
    await placeCommitment(db, c.id, due, `${due}T08:00:00.000Z`);
  }
  await db.updateTable('opportunities').set({ change_commitment: 'evidenced' }).where('id', '=', deal.id).execute();
  const fresh = (await rep.client.get(`/api/v1/opportunities/${deal.id}`)).data;
  await closeDeal(rep.client, fresh, 'lost', NOW());
  return deal;
}

describe('a closed deal’s retrospective', () => {
  it('asks each side first, keeps their answers apart until both are in, then places the deal in the 2×2', async () => {
    const { maya, alice } = await workspace();
    const deal = await luckyWin(alice);
    const url = `/api/v1/opportunities/${deal.id}/retrospective`;

    const before = (await alice.client.get(url)).data;
    expect(before).toMatchObject({ closed: true, yourPerspective: 'rep', yours: null, process: null, placement: null, opportunity: { status: 'won', owner: { name: 'Alice Adams' } } });
    expect(before.sides).toEqual([
      { perspective: 'rep', submitted: false, answers: null },
      { perspective: 'manager', submitted: false, answers: null },
    ]);

    // Alice thinks the process was sound; the data says otherwise — she sees both once she has answered.
    const mine = await alice.client.post(url, answers('sound', 0, 'I got lucky with their budget cycle'));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.data.yours).toMatchObject({ perspective: 'rep', respondent: { name: 'Alice Adams' }, processJudgement: 'sound', lesson: 'I got lucky with their budget cycle', version: 1 });
    expect(mine.data.process).toMatchObject({ score: 0, verdict: 'weak', soundFrom: 0.6 });
    expect(mine.data.process.components).toEqual([
      { part: 'plannedOutcomes', score: 0, successes: 0, n: 1 },
      { part: 'advancesWon', score: 0, successes: 0, n: 1 },
      { part: 'customerKept', score: null, successes: 0, n: 0 },
      { part: 'mutualPlan', score: 0, successes: 0, n: 1 },
      { part: 'changeCommitment', score: 0, successes: 0, n: 1 },
    ]);
    expect(mine.data.placement).toEqual({ byData: 'lucky_win', byRep: 'earned_win', byManager: null });

    // Maya has not answered: she sees that Alice answered, not what — and no score yet.
    const hers = (await maya.client.get(url)).data;
    expect(hers).toMatchObject({ yourPerspective: 'manager', yours: null, process: null, placement: null });
    expect(hers.sides[0]).toEqual({ perspective: 'rep', submitted: true, answers: null });

    const answered = await maya.client.post(url, answers('weak', 0, 'No plan, no commitment: we should not count on this again'));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.data.sides.map((s: { answers: unknown }) => s.answers !== null)).toEqual([true, true]);
    expect(answered.data.placement).toEqual({ byData: 'lucky_win', byRep: 'earned_win', byManager: 'lucky_win' });
    // Now both are in, Alice sees Maya's answers too.
    expect((await alice.client.get(url)).data.sides[1].answers).toMatchObject({ respondent: { name: 'Maya Manager' }, processJudgement: 'weak' });

    // A stale version is refused with the retrospective as it is; the right one revises, with history.
    const stale = await alice.client.post(url, answers('weak', 0));
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current.yours.version).toBe(1);
    const revised = await alice.client.post(url, answers('weak', 1));
    expect(revised.data.yours).toMatchObject({ version: 2, processJudgement: 'weak', lesson: null });
    expect(revised.data.placement.byRep).toBe('lucky_win');
    const events = await db.selectFrom('audit_events').select(['action', 'changes']).where('entity_type', '=', 'retrospective').where('actor_id', '=', alice.me.user.id).orderBy('occurred_at').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(events[1].changes)).toMatchObject({ processJudgement: { before: 'sound', after: 'weak' }, lesson: { before: 'I got lucky with their budget cycle', after: null } });
  });

  it('lets one of two answers given at once win, and tells the other (409 with what won)', async () => {
    const { alice } = await workspace();
    const deal = await luckyWin(alice);
    const url = `/api/v1/opportunities/${deal.id}/retrospective`;
    const first = await Promise.all([alice.client.post(url, answers('sound', 0, 'first')), alice.client.post(url, answers('weak', 0, 'second'))]);
    expect(first.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const kept = first.find((r) => r.statusCode === 200)!.data.yours;
    expect(first.find((r) => r.statusCode === 409)!.data.error.current.yours).toEqual(kept);
    const revisions = await Promise.all([alice.client.post(url, answers('sound', 1, 'third')), alice.client.post(url, answers('weak', 1, 'fourth'))]);
    expect(revisions.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await db.selectFrom('retrospective_answers').select(['version', 'lesson']).where('opportunity_id', '=', deal.id).execute();
    expect(rows).toEqual([{ version: 2, lesson: revisions.find((r) => r.statusCode === 200)!.data.yours.lesson }]);
  });

  it('derives a sound process from the data: an unlucky loss', async () => {
    const { alice } = await workspace();
    const deal = await unluckyLoss(alice);
    const res = await alice.client.post(`/api/v1/opportunities/${deal.id}/retrospective`, answers('sound', 0));
    expect(res.data.process).toMatchObject({ score: 1, verdict: 'sound' });
    expect(res.data.process.components.map((c: { successes: number; n: number }) => `${c.successes}/${c.n}`)).toEqual(['2/2', '2/2', '2/2', '1/1', '1/1']);
    expect(res.data.placement.byData).toBe('unlucky_loss');
  });

  it('is for closed deals only', async () => {
    const { alice } = await workspace();
    const deal = await createDeal(alice.client);
    const open = await alice.client.get(`/api/v1/opportunities/${deal.id}/retrospective`);
    expect(open.statusCode).toBe(200);
    expect(open.data).toMatchObject({ closed: false, process: null, placement: null });
    const refused = await alice.client.post(`/api/v1/opportunities/${deal.id}/retrospective`, answers('sound', 0));
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error.code).toBe('rule_violation');
    const bad = await alice.client.post(`/api/v1/opportunities/${deal.id}/retrospective`, { ...answers('sound', 0), answers: { plannedOutcomes: 'maybe' } });
    expect(bad.statusCode).toBe(400);
  });

  it('is read by the owner, their manager and an admin; answered by the owner and their manager only', async () => {
    const { admin, maya, omar, alice, bob } = await workspace();
    const deal = await luckyWin(alice);
    const url = `/api/v1/opportunities/${deal.id}/retrospective`;
    expect((await bob.client.get(url)).statusCode).toBe(403);
    expect((await omar.client.get(url)).statusCode).toBe(403);
    expect((await bob.client.post(url, answers('sound', 0))).statusCode).toBe(403);
    // An admin reads (answering neither side of a team that has its manager), and sees what is in.
    await alice.client.post(url, answers('sound', 0));
    const read = (await admin.client.get(url)).data;
    expect(read).toMatchObject({ yourPerspective: null, process: { verdict: 'weak' }, placement: { byData: 'lucky_win', byRep: 'earned_win' } });
    const refused = await admin.client.post(url, answers('weak', 0));
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.message).toMatch(/their manager the manager’s side/);
    expect((await maya.client.get(url)).statusCode).toBe(200);
    const stranger = await signUpWorkspace(app, { timeZone: TZ });
    expect((await stranger.client.get(url)).statusCode).toBe(404);
  });
  it('is answered on the manager’s side by the team’s manager even when they are an admin; another admin answers neither', async () => {
    const { admin } = await workspace();
    const other = await addMember(app, admin.client, { role: 'admin', name: 'Ola Otheradmin', timeZone: TZ });
    const west = (await admin.client.post('/api/v1/teams', { name: 'West', managerId: admin.me.user.id })).data;
    const wendy = await addMember(app, admin.client, { role: 'rep', teamId: west.id, name: 'Wendy West', timeZone: TZ });
    const deal = await luckyWin(wendy);
    const url = `/api/v1/opportunities/${deal.id}/retrospective`;
    await wendy.client.post(url, answers('sound', 0, 'Wendy’s lesson'));

    // The admin leads West: theirs is the manager’s side, and Wendy’s answers wait until they have answered.
    const before = (await admin.client.get(url)).data;
    expect(before).toMatchObject({ yourPerspective: 'manager', yours: null, process: null, placement: null });
    expect(before.sides).toEqual([
      { perspective: 'rep', submitted: true, answers: null },
      { perspective: 'manager', submitted: false, answers: null },
    ]);
    expect((await admin.client.get(`/api/v1/teams/${west.id}/retrospectives`)).data.deals[0]).toMatchObject({ repAnswered: true, managerAnswered: false, placement: null });
    expect((await other.client.post(url, answers('weak', 0))).statusCode).toBe(403);

    const answered = await admin.client.post(url, answers('weak', 0));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.data.yours).toMatchObject({ perspective: 'manager', respondent: { name: admin.me.user.name } });
    expect(answered.data.sides.map((s: { submitted: boolean; answers: unknown }) => [s.submitted, s.answers !== null])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(answered.data.placement).toEqual({ byData: 'lucky_win', byRep: 'earned_win', byManager: 'lucky_win' });
    expect((await wendy.client.get(url)).data.sides[1].answers).toMatchObject({ processJudgement: 'weak' });
    expect((await admin.client.get(`/api/v1/teams/${west.id}/retrospectives`)).data.deals[0]).toMatchObject({ managerAnswered: true, placement: 'lucky_win' });
    // Another admin reads the completed retrospective but answers neither side.
    expect((await other.client.get(url)).data).toMatchObject({ yourPerspective: null, yours: null });
  });
});

describe('a team’s retrospectives, and whether the process predicts wins', () => {
  it('lists the team’s closed deals by rep, placing only those you answered, and says it cannot tell yet', async () => {
    const { maya, north, alice, bob, omar } = await workspace();
    const lucky = await luckyWin(alice);
    const unlucky = await unluckyLoss(bob);
    await maya.client.post(`/api/v1/opportunities/${lucky.id}/retrospective`, answers('weak', 0));
    const res = await maya.client.get(`/api/v1/teams/${north.id}/retrospectives`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.deals.map((d: { rep: { name: string }; opportunity: { id: string }; placement: string | null; managerAnswered: boolean }) => [d.rep.name, d.opportunity.id, d.placement, d.managerAnswered])).toEqual([
      ['Alice Adams', lucky.id, 'lucky_win', true],
      ['Bob Brown', unlucky.id, null, false],
    ]);
    expect(res.data.processWins).toMatchObject({ sound: { won: 0, n: 1 }, weak: { won: 1, n: 1 }, test: { verdict: 'too_few_to_tell', z: null }, summary: 'Not enough closed deals to tell yet.' });
    expect((await alice.client.get(`/api/v1/teams/${north.id}/retrospectives`)).statusCode).toBe(403);
    expect((await omar.client.get(`/api/v1/teams/${north.id}/retrospectives`)).statusCode).toBe(403);
  });

  it('tells the win rates of sound and weak processes apart when the deals are there', async () => {
    const { maya, north, alice } = await workspace();
    // 16 deals with a plan and an evidenced commitment (sound): 10 won, 6 lost; 16 with neither (weak): 2 won, 14 lost.
    for (let i = 0; i < 32; i++) {
      const sound = i < 16;
      const won = sound ? i < 10 : i < 18;
      const deal = await createDeal(alice.client, { name: `Deal ${i}` });
      if (sound) {
        await createPlan(alice.client, deal.id, { status: 'active' });
        await db.updateTable('opportunities').set({ change_commitment: 'evidenced' }).where('id', '=', deal.id).execute();
      }
      await db.updateTable('opportunities').set({ status: won ? 'won' : 'lost', closed_at: NOW(), close_reason: won ? null : 'Chose a competitor' }).where('id', '=', deal.id).execute();
    }
    const wins = (await maya.client.get(`/api/v1/teams/${north.id}/retrospectives`)).data.processWins;
    // p̂ = 12/32, z = (10/16 − 2/16)/√(0.375·0.625·(2/16)) = 2.921, P = 0.0035.
    expect(wins).toMatchObject({ sound: { won: 10, n: 16 }, weak: { won: 2, n: 16 }, test: { verdict: 'different' } });
    expect(wins.test.z).toBeCloseTo(2.921, 3);
    expect(wins.summary).toBe('Deals run with the process were won more often: 63 % [39–82] vs 13 % [3–36].');
  });
});
