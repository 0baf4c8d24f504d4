import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { useFixedClock } from '../../test/clock.js';
import type { Client, Res, Signed } from '../../test/factories.js';
import { climbedLadder, createGoal, goalsWorkspace } from './fixtures.js';

useFixedClock();
const { app, db } = await testApp();

const NOWHERE = '01a00000-0000-7000-8000-000000000000';
/** An error body without its request id: what a caller can compare between two answers. */
const shape = (res: Res) => ({ status: res.statusCode, body: { ...res.data, error: { ...res.data.error, requestId: undefined } } });

describe('the why ladder', () => {
  it('climbs the issue’s example, ends on the repeated answer and proposes "security for my family"', async () => {
    const { ana } = await goalsWorkspace(app);
    const start = await ana.client.post('/api/v1/why-ladders', { start: 'hit my quota' });
    expect(start.statusCode).toBe(201);
    expect(start.data).toMatchObject({ state: 'climbing', askAbout: 'hit my quota', rungCount: 1, why: null, sharedWithManager: false, version: 1, permissions: { canEdit: true } });
    let ladder = start.data;
    for (const answer of ['a bigger commission', 'pay off the mortgage', 'security for my family']) {
      const res = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer, version: ladder.version });
      expect(res.statusCode).toBe(200);
      expect(res.data).toMatchObject({ state: 'climbing', askAbout: answer });
      ladder = res.data;
    }
    const ended = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: '  Security for my family! ', version: ladder.version });
    expect(ended.data).toMatchObject({ state: 'ended', endedBy: 'repeat', proposedWhy: 'security for my family', askAbout: null, rungCount: 5 });
    expect(ended.data.rungs.map((r: { answer: string; repeatOf: number | null }) => [r.answer, r.repeatOf])).toEqual([
      ['hit my quota', null],
      ['a bigger commission', null],
      ['pay off the mortgage', null],
      ['security for my family', null],
      ['Security for my family!', 3],
    ]);
    // The rep edits the proposal and saves it as their why.
    const saved = await ana.client.patch(`/api/v1/why-ladders/${ladder.id}`, { why: 'Security for my family, without worrying about money', version: ended.data.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.data).toMatchObject({ why: 'Security for my family, without worrying about money', state: 'ended' });
    expect(saved.data.whySavedAt).toBeTruthy();
  });

  it('ends when the rep says the answer stopped changing; a saved why waits for that', async () => {
    const { ben } = await goalsWorkspace(app);
    let ladder = (await ben.client.post('/api/v1/why-ladders', { start: 'Win the Globex deal' })).data;
    ladder = (await ben.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'Freedom to choose my clients', version: ladder.version })).data;
    const early = await ben.client.patch(`/api/v1/why-ladders/${ladder.id}`, { why: 'Freedom', version: ladder.version });
    expect(early.statusCode).toBe(422);
    expect(early.data.error).toMatchObject({ code: 'rule_violation', details: [{ path: 'why' }] });
    const ended = await ben.client.post(`/api/v1/why-ladders/${ladder.id}/end`, { version: ladder.version });
    expect(ended.data).toMatchObject({ state: 'ended', endedBy: 'stopped_changing', proposedWhy: 'Freedom to choose my clients' });
    const saved = await ben.client.patch(`/api/v1/why-ladders/${ladder.id}`, { why: ended.data.proposedWhy, version: ended.data.version });
    expect(saved.data.why).toBe('Freedom to choose my clients');
  });

  it('lets the rep continue an ended ladder: it climbs again, keeping the saved why until another is saved', async () => {
    const { ana } = await goalsWorkspace(app);
    const ladder = await climbedLadder(ana);
    expect(ladder).toMatchObject({ state: 'ended', why: 'security for my family' });
    const again = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'Peace of mind', version: ladder.version });
    expect(again.data).toMatchObject({ state: 'climbing', askAbout: 'Peace of mind', why: 'security for my family', rungCount: 6 });
    const reread = (await ana.client.get(`/api/v1/why-ladders/${ladder.id}`)).data;
    expect(reread.rungs.map((r: { answer: string }) => r.answer).slice(-2)).toEqual(['Security for my family!', 'Peace of mind']);
    // It ends again only on a repeat of an earlier rung (any of them).
    const ended = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'pay off the MORTGAGE', version: again.data.version });
    expect(ended.data).toMatchObject({ state: 'ended', endedBy: 'repeat', proposedWhy: 'Peace of mind' });
  });

  it('refuses an answer without words (400 naming the field) and a stale version (409 with the ladder as it is)', async () => {
    const { ana } = await goalsWorkspace(app);
    const ladder = (await ana.client.post('/api/v1/why-ladders', { start: 'hit my quota' })).data;
    const blank = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: ' ?! … ', version: ladder.version });
    expect(blank.statusCode).toBe(400);
    expect(blank.data.error.details).toEqual([{ path: 'answer', message: 'Write your answer in words.' }]);
    await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'A bigger commission', version: ladder.version });
    const stale = await ana.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'Something else', version: ladder.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { id: ladder.id, version: 2, rungCount: 2, askAbout: 'A bigger commission' } });
    expect((await ana.client.get(`/api/v1/why-ladders/${ladder.id}`)).data.rungCount).toBe(2);
  });

  it('audits every rung and change under private entity types, readable by the owner alone', async () => {
    const { ana, admin } = await goalsWorkspace(app);
    const ladder = await climbedLadder(ana);
    const history = await ana.client.get(`/api/v1/why-ladders/${ladder.id}/history`);
    expect(history.statusCode).toBe(200);
    const events = history.data.data as { entityType: string; action: string; changes: Record<string, { after: unknown }>; actor: { name: string } }[];
    expect(events.filter((e) => e.entityType === 'why_rung').map((e) => e.changes.answer.after)).toEqual([
      'Security for my family!',
      'security for my family',
      'pay off the mortgage',
      'a bigger commission',
      'hit my quota',
    ]);
    expect(events[0]).toMatchObject({ entityType: 'why_ladder', action: 'update', changes: { why: { before: null, after: 'security for my family' } }, actor: { name: 'Ana Alvarez' } });
    const stored = await db.selectFrom('audit_events').select('entity_type').where('entity_id', '=', ladder.id).execute();
    expect(new Set(stored.map((e) => e.entity_type))).toEqual(new Set(['why_ladder']));
    expect((await admin.client.get(`/api/v1/why-ladders/${ladder.id}/history`)).statusCode).toBe(404);
  });
});

describe('a why is private to its rep unless shared with their manager', () => {
  /** Every read and write of a ladder, as `who`, each answered exactly as for a ladder that does not exist. */
  async function expectInvisible(who: Client, ladder: { id: string; version: number }, ownerId: string, why: string) {
    const requests: [string, (id: string) => Promise<Res>][] = [
      ['read', (id) => who.get(`/api/v1/why-ladders/${id}`)],
      ['history', (id) => who.get(`/api/v1/why-ladders/${id}/history`)],
      ['save why', (id) => who.patch(`/api/v1/why-ladders/${id}`, { why: 'Mine now', version: ladder.version })],
      ['share', (id) => who.patch(`/api/v1/why-ladders/${id}`, { sharedWithManager: true, version: ladder.version })],
      ['add rung', (id) => who.post(`/api/v1/why-ladders/${id}/rungs`, { answer: 'More', version: ladder.version })],
      ['end', (id) => who.post(`/api/v1/why-ladders/${id}/end`, { version: ladder.version })],
    ];
    for (const [what, request] of requests) {
      const res = await request(ladder.id);
      expect(res.statusCode, what).toBe(404);
      expect(shape(res), what).toEqual(shape(await request(NOWHERE)));
      expect(res.body, what).not.toContain(why);
    }
    const list = await who.get(`/api/v1/why-ladders?ownerId=${ownerId}`);
    expect(list.statusCode).toBe(200);
    expect(list.data).toEqual({ data: [], nextCursor: null });
  }

  it('answers every other person — other rep, their manager, another manager, an admin, another workspace — like a ladder that does not exist', async () => {
    const w = await goalsWorkspace(app);
    const ladder = await climbedLadder(w.ana);
    const why = 'security for my family';
    for (const who of [w.ben, w.maya, w.omar, w.admin, w.olga, w.outsider] as Signed[]) await expectInvisible(who.client, ladder, w.ana.me.user.id, why);
    // The owner reads, lists and changes it.
    expect((await w.ana.client.get(`/api/v1/why-ladders/${ladder.id}`)).data.why).toBe(why);
    expect((await w.ana.client.get('/api/v1/why-ladders')).data.data.map((l: { id: string }) => l.id)).toEqual([ladder.id]);
    // Nothing changed for the owner after all those attempts.
    expect((await w.ana.client.get(`/api/v1/why-ladders/${ladder.id}`)).data).toMatchObject({ version: ladder.version, rungCount: 5, sharedWithManager: false });
  });

  it('shows a goal’s why only to whoever may read it, and keeps the why out of the goal’s history, search and notifications', async () => {
    const w = await goalsWorkspace(app);
    const ladder = await climbedLadder(w.ana);
    const goal = await createGoal(w.ana, { whyId: ladder.id });
    expect(goal.why).toEqual({ id: ladder.id, why: 'security for my family' });
    for (const who of [w.maya, w.admin] as Signed[]) {
      const seen = await who.client.get(`/api/v1/goals/${goal.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.data.why).toBeNull();
      expect(seen.body).not.toContain(ladder.id);
      expect(seen.body).not.toContain('security for my family');
      const history = await who.client.get(`/api/v1/goals/${goal.id}/history`);
      expect(history.statusCode).toBe(200);
      expect(history.data.data.length).toBeGreaterThan(0);
      expect(history.body).not.toContain(ladder.id);
      expect(history.body).not.toMatch(/security for my family|whyId/i);
      const list = await who.client.get(`/api/v1/goals?ownerId=${w.ana.me.user.id}`);
      expect(list.body).not.toContain(ladder.id);
      // No route for another kind of record reaches the ladder's history either.
      expect((await who.client.get(`/api/v1/accounts/${ladder.id}/history`)).statusCode).toBe(404);
      expect((await who.client.get(`/api/v1/users/${w.ana.me.user.id}/history`)).body).not.toContain('security for my family');
      const search = await who.client.get('/api/v1/search?q=security%20family');
      expect(search.statusCode).toBe(200);
      expect(search.body).not.toContain('security for my family');
      expect((await who.client.get('/api/v1/notifications')).body).not.toContain('security');
    }
    // The link is in the ladder's own history, which is Ana's.
    const own = (await w.ana.client.get(`/api/v1/why-ladders/${ladder.id}/history`)).data.data;
    expect(own[0]).toMatchObject({ entityType: 'why_ladder', changes: { linkedGoalId: { before: null, after: goal.id } } });
    // Linking someone else's why, or one that does not exist, reads the same.
    const bens = await climbedLadder(w.ben);
    for (const whyId of [bens.id, NOWHERE]) {
      const res = await w.ana.client.post('/api/v1/goals', { kind: 'learning', title: 'Listen more', periodPreset: 'this_month', firstStep: 'Ask one open question', whyId });
      expect(res.statusCode).toBe(400);
      expect(res.data.error.details).toEqual([{ path: 'whyId', message: 'Choose one of your own whys.' }]);
    }
  });

  it('once shared, lets the rep’s manager read it (not change it, not its history) and no one else; unsharing hides it again', async () => {
    const w = await goalsWorkspace(app);
    const ladder = await climbedLadder(w.ana);
    const goal = await createGoal(w.ana, { whyId: ladder.id });
    const shared = await w.ana.client.patch(`/api/v1/why-ladders/${ladder.id}`, { sharedWithManager: true, version: ladder.version });
    expect(shared.data).toMatchObject({ sharedWithManager: true, version: ladder.version + 1 });

    const read = await w.maya.client.get(`/api/v1/why-ladders/${ladder.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data).toMatchObject({ why: 'security for my family', rungCount: 5, permissions: { canEdit: false } });
    expect((await w.maya.client.get(`/api/v1/why-ladders?ownerId=${w.ana.me.user.id}`)).data.data.map((l: { id: string }) => l.id)).toEqual([ladder.id]);
    expect((await w.maya.client.get(`/api/v1/goals/${goal.id}`)).data.why).toEqual({ id: ladder.id, why: 'security for my family' });
    const change = await w.maya.client.patch(`/api/v1/why-ladders/${ladder.id}`, { why: 'Hers', version: shared.data.version });
    expect(change.statusCode).toBe(403);
    expect(change.data.error.code).toBe('forbidden');
    expect((await w.maya.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer: 'More', version: shared.data.version })).statusCode).toBe(403);
    expect((await w.maya.client.get(`/api/v1/why-ladders/${ladder.id}/history`)).statusCode).toBe(404);

    // Still invisible to everyone else, the admin included.
    for (const who of [w.ben, w.omar, w.admin, w.outsider] as Signed[]) {
      expect(shape(await who.client.get(`/api/v1/why-ladders/${ladder.id}`))).toEqual(shape(await who.client.get(`/api/v1/why-ladders/${NOWHERE}`)));
      expect((await who.client.get(`/api/v1/why-ladders?ownerId=${w.ana.me.user.id}`)).data.data).toEqual([]);
    }
    expect((await w.admin.client.get(`/api/v1/goals/${goal.id}`)).data.why).toBeNull();

    // Ana stops sharing: Maya is back to "no such ladder".
    const unshared = await w.ana.client.patch(`/api/v1/why-ladders/${ladder.id}`, { sharedWithManager: false, version: shared.data.version });
    expect(unshared.data.sharedWithManager).toBe(false);
    const gone = await w.maya.client.get(`/api/v1/why-ladders/${ladder.id}`);
    expect(shape(gone)).toEqual(shape(await w.maya.client.get(`/api/v1/why-ladders/${NOWHERE}`)));
    expect((await w.maya.client.get(`/api/v1/why-ladders?ownerId=${w.ana.me.user.id}`)).data.data).toEqual([]);
    expect((await w.maya.client.get(`/api/v1/goals/${goal.id}`)).data.why).toBeNull();
    // Sharing and unsharing are in her private history.
    const changes = (await w.ana.client.get(`/api/v1/why-ladders/${ladder.id}/history`)).data.data.map((e: { changes: Record<string, unknown> }) => Object.keys(e.changes).sort().join(','));
    expect(changes.slice(0, 2)).toEqual(['sharedAt,sharedWithManager', 'sharedAt,sharedWithManager']);
  });

  it('shows a shared why to the manager of the team the rep is in now, not the one they left', async () => {
    const w = await goalsWorkspace(app);
    const ladder = await climbedLadder(w.ana);
    await w.ana.client.patch(`/api/v1/why-ladders/${ladder.id}`, { sharedWithManager: true, version: ladder.version });
    const user = (await w.admin.client.get(`/api/v1/users/${w.ana.me.user.id}`)).data;
    expect((await w.admin.client.patch(`/api/v1/users/${w.ana.me.user.id}`, { teamId: w.south.id, version: user.version })).statusCode).toBe(200);
    expect((await w.maya.client.get(`/api/v1/why-ladders/${ladder.id}`)).statusCode).toBe(404);
    expect((await w.omar.client.get(`/api/v1/why-ladders/${ladder.id}`)).statusCode).toBe(200);
  });
});
