import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { useFixedClock } from '../../test/clock.js';
import { checkInTeam, getCheckIn, seriesWithCheckIn } from './fixtures.js';

useFixedClock();
const { app, db } = await testApp();

async function coached() {
  const team = await checkInTeam(app);
  const { checkIn } = await seriesWithCheckIn(team.manager, team.rep.me.user.id);
  const url = `/api/v1/check-ins/${checkIn.id}/coaching`;
  const started = await team.manager.client.post(url, { start: 'Hit my quota' });
  expect(started.statusCode).toBe(201);
  return { ...team, checkIn, url, started: started.data };
}

describe('coaching in a check-in: the why ladder', () => {
  it('writes the rep’s answers into a ladder that is the rep’s, and ends it when an answer repeats', async () => {
    const { manager, rep, url, started, checkIn } = await coached();
    expect(started.coaching).toMatchObject({
      open: true,
      startedBy: { id: manager.me.user.id },
      ladderId: null,
      canAddRungs: true,
      session: { state: 'climbing', askAbout: 'Hit my quota', rungs: [{ position: 0, answer: 'Hit my quota', repeatOf: null }] },
    });
    let version = started.coaching.session.ladderVersion;
    for (const answer of ['A bigger commission', 'Pay off the mortgage', 'Security for my family', 'security for my family!']) {
      const res = await manager.client.post(`${url}/rungs`, { answer, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.data.coaching.session.ladderVersion;
    }
    const seen = (await getCheckIn(manager.client, checkIn.id)).coaching;
    expect(seen.session).toMatchObject({ state: 'ended', endedBy: 'repeat', proposedWhy: 'Security for my family' });
    expect(seen.session.rungs.map((r: { repeatOf: number | null }) => r.repeatOf)).toEqual([null, null, null, null, 3]);
    // A stale answer (another tab wrote one first) is refused with the check-in as it is.
    const stale = await manager.client.post(`${url}/rungs`, { answer: 'Peace of mind', version: started.coaching.session.ladderVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current.coaching.session.rungs).toHaveLength(5);

    // The ladder is the rep's: in their list, theirs to read, save and share.
    const mine = (await rep.client.get('/api/v1/why-ladders')).data.data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ owner: { id: rep.me.user.id }, state: 'ended', proposedWhy: 'Security for my family', sharedWithManager: false, permissions: { canEdit: true } });
    expect((await getCheckIn(rep.client, checkIn.id)).coaching).toMatchObject({ ladderId: mine[0].id, canAddRungs: false, session: { proposedWhy: 'Security for my family' } });
    // Even while the session is open, the manager cannot read the ladder directly: only the session, in the check-in.
    expect((await manager.client.get(`/api/v1/why-ladders/${mine[0].id}`)).statusCode).toBe(404);
    expect((await manager.client.post(url, { start: 'Again' })).statusCode).toBe(409);
  });

  it('once the session closes, the manager reads nothing of it — unless the rep shares the ladder; admins never', async () => {
    const { admin, manager, rep, url, checkIn } = await coached();
    const ladderId = (await rep.client.get('/api/v1/why-ladders')).data.data[0].id;
    // An admin reading the check-in meanwhile sees that a ladder is being climbed, not what is said.
    expect((await getCheckIn(admin.client, checkIn.id)).coaching).toMatchObject({ open: true, session: null, ladderId: null, canAddRungs: false });
    expect((await admin.client.post(`${url}/rungs`, { answer: 'x', version: 1 })).statusCode).toBe(403);
    expect((await rep.client.post(`${url}/rungs`, { answer: 'x', version: 1 })).statusCode).toBe(403);

    const closed = await manager.client.post(`${url}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.data.coaching).toMatchObject({ open: false, session: null, ladderId: null, canAddRungs: false });
    expect(closed.data.coaching.closedAt).not.toBeNull();
    expect(JSON.stringify((await getCheckIn(manager.client, checkIn.id)).coaching)).not.toContain('Hit my quota');
    expect((await manager.client.get(`/api/v1/why-ladders/${ladderId}`)).statusCode).toBe(404);
    expect((await manager.client.get(`/api/v1/why-ladders?ownerId=${rep.me.user.id}`)).data.data).toEqual([]);
    const late = await manager.client.post(`${url}/rungs`, { answer: 'More', version: 2 });
    expect(late.statusCode).toBe(422);

    // The rep shares it: their manager reads it, through the ladder like any shared why (admins still do not).
    const ladder = (await rep.client.get(`/api/v1/why-ladders/${ladderId}`)).data;
    expect((await rep.client.patch(`/api/v1/why-ladders/${ladderId}`, { sharedWithManager: true, version: ladder.version })).statusCode).toBe(200);
    expect((await manager.client.get(`/api/v1/why-ladders/${ladderId}`)).statusCode).toBe(200);
    expect((await getCheckIn(manager.client, checkIn.id)).coaching).toMatchObject({ ladderId, session: null });
    expect((await admin.client.get(`/api/v1/why-ladders/${ladderId}`)).statusCode).toBe(404);
    expect((await getCheckIn(admin.client, checkIn.id)).coaching.ladderId).toBeNull();

    // The audit trail of the coaching names no answer; the ladder's own events are the private why ones.
    const session = await db.selectFrom('check_in_coaching').select('id').where('check_in_id', '=', checkIn.id).executeTakeFirstOrThrow();
    const events = await db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', session.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events.map((e) => e.changes).join()).not.toContain('quota');
    // Nor which ladder it is: the rep's private why, which an admin's export would otherwise point at.
    expect(events.map((e) => e.changes).join()).not.toContain(ladderId);
    const rungEvents = await db.selectFrom('audit_events').select(['entity_type', 'actor_id']).where('entity_type', '=', 'why_rung').where('actor_id', '=', manager.me.user.id).execute();
    expect(rungEvents.length).toBeGreaterThan(0);
  });

  it('closes for good when the check-in is marked held, and notes "stopped changing" when the rep says so', async () => {
    const { manager, rep, url, checkIn, started } = await coached();
    await manager.client.post(`${url}/rungs`, { answer: 'Freedom from worry', version: started.coaching.session.ladderVersion });
    const held = await manager.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'held', version: 1 });
    expect(held.data.coaching).toMatchObject({ open: false, session: null });
    const again = await manager.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'upcoming', version: 2 });
    expect(again.data.coaching).toMatchObject({ open: false, session: null });
    expect((await manager.client.post(`${url}/close`, { stoppedChanging: true, version: started.coaching.session.ladderVersion + 1 })).statusCode).toBe(422);

    // In another check-in, the rep says the answer has stopped changing: the session closes and the ladder proposes it.
    const other = await checkInTeam(app);
    const { checkIn: second } = await seriesWithCheckIn(other.manager, other.rep.me.user.id);
    const secondUrl = `/api/v1/check-ins/${second.id}/coaching`;
    const s = (await other.manager.client.post(secondUrl, { start: 'Lead a team' })).data;
    const climbed = (await other.manager.client.post(`${secondUrl}/rungs`, { answer: 'Respect from my peers', version: s.coaching.session.ladderVersion })).data;
    // Ending the ladder names the ladder's version read: none is a field error; one the rep moved past
    // since (their own answer, on their Goals page) is a conflict showing it; neither ends anything.
    const unversioned = await other.manager.client.post(`${secondUrl}/close`, { stoppedChanging: true });
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    const ladder = (await other.rep.client.get('/api/v1/why-ladders')).data.data[0];
    const repAnswer = await other.rep.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'To be trusted with more', version: ladder.version });
    expect(repAnswer.statusCode, repAnswer.body).toBe(200);
    const stale = await other.manager.client.post(`${secondUrl}/close`, { stoppedChanging: true, version: climbed.coaching.session.ladderVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current.coaching.session.ladderVersion).toBe(climbed.coaching.session.ladderVersion + 1);
    expect((await other.rep.client.get('/api/v1/why-ladders')).data.data[0]).toMatchObject({ state: 'climbing' });
    const now = await getCheckIn(other.manager.client, second.id);
    const closed = await other.manager.client.post(`${secondUrl}/close`, { stoppedChanging: true, version: now.coaching.session.ladderVersion });
    expect(closed.statusCode).toBe(200);
    const theirs = (await other.rep.client.get('/api/v1/why-ladders')).data.data[0];
    expect(theirs).toMatchObject({ state: 'ended', endedBy: 'stopped_changing', proposedWhy: 'To be trusted with more' });
    expect((await getCheckIn(rep.client, checkIn.id)).coaching.session.rungs).toHaveLength(2);
  });

  it('shows the rep’s active goals beside the questions, to whoever may read them', async () => {
    const { manager, rep, checkIn, admin } = await coached();
    const goal = await rep.client.post('/api/v1/goals', { kind: 'learning', title: 'Ask for the next step in every call', periodPreset: 'this_month', firstStep: 'Write the question on a card' });
    expect(goal.statusCode, goal.body).toBe(201);
    expect((await getCheckIn(manager.client, checkIn.id)).data.goals.map((g: { title: string }) => g.title)).toEqual(['Ask for the next step in every call']);
    expect((await getCheckIn(rep.client, checkIn.id)).data.goals).toHaveLength(1);
    expect((await getCheckIn(admin.client, checkIn.id)).data.goals).toHaveLength(1);
  });
});
