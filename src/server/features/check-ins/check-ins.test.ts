import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { dayIn } from '../plans/fixtures.js';
import { checkInTeam, getCheckIn, seriesWithCheckIn } from './fixtures.js';

// Wednesday 10 June 2026, 10:30 UTC (12:30 in Paris): a weekly Thursday 09:00 is tomorrow, within a day.
useFixedClock();
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

const auditOf = (entityId: string) => db.selectFrom('audit_events').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();

describe('check-in series', () => {
  it('lets the rep’s manager set one up on their own clock, and says when it meets next', async () => {
    const { manager, rep } = await checkInTeam(app, { managerZone: 'Europe/Berlin', repZone: 'America/New_York' });
    const res = await manager.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      manager: { id: manager.me.user.id, name: 'Maya Manager' },
      rep: { id: rep.me.user.id, name: 'Riley Rep' },
      cadence: 'weekly',
      weekday: 4,
      dayOfMonth: null,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      startsOn: '2026-06-10',
      durationMinutes: 30,
      endedAt: null,
      version: 1,
      // Thursday 11 June, 09:00 in Berlin (summer time, UTC+2).
      next: { scheduledAt: '2026-06-11T07:00:00.000Z', localDate: '2026-06-11', localTime: '09:00', checkInId: null, status: 'upcoming', answersSubmitted: false },
      permissions: { canEdit: true },
    });
    // Both see it in their list; the rep may not change it.
    expect((await rep.client.get('/api/v1/check-in-series')).data.data.map((s: { id: string }) => s.id)).toEqual([res.data.id]);
    expect((await rep.client.get(`/api/v1/check-in-series/${res.data.id}`)).data.permissions.canEdit).toBe(false);
    const audit = await auditOf(res.data.id);
    expect(audit.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses anyone but the rep’s manager or an admin, one running series per pair, a past first day and a bad shape', async () => {
    const { admin, manager, rep, loner, otherManager } = await checkInTeam(app);
    const body = { repId: rep.me.user.id, cadence: 'weekly', weekday: 1, time: '10:00' };
    expect((await rep.client.post('/api/v1/check-in-series', { ...body, repId: loner.me.user.id })).statusCode).toBe(403);
    expect((await otherManager.client.post('/api/v1/check-in-series', body)).statusCode).toBe(403);
    expect((await manager.client.post('/api/v1/check-in-series', { ...body, repId: loner.me.user.id })).statusCode).toBe(403);

    const bad = await manager.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'weekly', weekday: 1, time: '9:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['time']);
    const shape = await manager.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'monthly', weekday: 1, time: '09:00' });
    expect(shape.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['dayOfMonth', 'weekday']);
    const past = await manager.client.post('/api/v1/check-in-series', { ...body, startsOn: dayIn(TZ, -1) });
    expect(past.statusCode).toBe(422);
    expect(past.data.error.code).toBe('date_in_past');

    expect((await manager.client.post('/api/v1/check-in-series', body)).statusCode).toBe(201);
    const twice = await manager.client.post('/api/v1/check-in-series', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.data.error.code).toBe('duplicate');
    // An admin sets one up with anyone, run by themselves or by a manager they name.
    expect((await admin.client.post('/api/v1/check-in-series', { ...body, repId: loner.me.user.id, managerId: otherManager.me.user.id })).statusCode).toBe(201);
    expect((await admin.client.post('/api/v1/check-in-series', { ...body, repId: loner.me.user.id })).statusCode).toBe(201);
    // A manager's list offers the people they may still start one with.
    expect((await manager.client.get('/api/v1/check-in-series')).data.canSetUpFor).toEqual([]);
  });

  it('changes from the version read (409 with the current series), re-reads the manager’s zone, and ends', async () => {
    const { manager, rep } = await checkInTeam(app);
    const { series } = await seriesWithCheckIn(manager, rep.me.user.id);
    const url = `/api/v1/check-in-series/${series.id}`;
    const monthly = await manager.client.patch(url, { cadence: 'monthly', dayOfMonth: 31, version: 1 });
    expect(monthly.statusCode).toBe(200);
    expect(monthly.data).toMatchObject({ cadence: 'monthly', weekday: null, dayOfMonth: 31, version: 2, next: { localDate: '2026-06-30', localTime: '09:00' } });
    const stale = await manager.client.patch(url, { time: '10:00', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ cadence: 'monthly', version: 2 });
    expect((await manager.client.patch(url, { weekday: 2, version: 2 })).data.error.details[0].path).toBe('weekday');
    expect((await rep.client.patch(url, { ended: true, version: 2 })).statusCode).toBe(403);
    const ended = await manager.client.patch(url, { ended: true, version: 2 });
    expect(ended.data).toMatchObject({ next: null, version: 3 });
    expect(ended.data.endedAt).not.toBeNull();
    expect((await auditOf(series.id)).map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });
});

describe('a check-in', () => {
  it('opens an occurrence once, with the workspace’s questions as they were then', async () => {
    const { admin, manager, rep } = await checkInTeam(app);
    const { series, checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    expect(checkIn).toMatchObject({
      seriesId: series.id,
      scheduledAt: '2026-06-11T07:00:00.000Z',
      localDate: '2026-06-11',
      localTime: '09:00',
      timeZone: TZ,
      status: 'upcoming',
      answers: null,
      notes: [],
      actions: [],
      previous: null,
      permissions: { canAnswer: false, canManage: true, canAddAction: true, canCoach: true },
    });
    expect(checkIn.questions.map((q: { text: string }) => q.text)).toEqual([
      'Which advance did you plan for your most important call, and did you get it?',
      'Which commitment — yours or the customer’s — is at risk?',
      'What did you learn this week?',
      'What help do you need?',
    ]);
    // The rep opening the same occurrence finds the same check-in.
    const again = await rep.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: '2026-06-11T09:00:00+02:00' });
    expect(again.data.id).toBe(checkIn.id);
    expect(again.data.permissions).toEqual({ canAnswer: true, canManage: false, canAddAction: true, canCoach: false });
    const notAnOccurrence = await rep.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: '2026-06-11T08:00:00Z' });
    expect(notAnOccurrence.statusCode).toBe(400);
    expect(notAnOccurrence.data.error.details[0].path).toBe('scheduledAt');

    // An admin edits the questions: the open check-in keeps its own; the next one asks the new ones.
    const template = (await manager.client.get('/api/v1/check-in-template')).data;
    expect(template).toMatchObject({ version: 0, permissions: { canEdit: false } });
    expect((await manager.client.patch('/api/v1/check-in-template', { questions: [{ text: 'Anything?' }], version: 0 })).statusCode).toBe(403);
    const edited = await admin.client.patch('/api/v1/check-in-template', { questions: [...template.questions, { text: 'Which deal would you walk away from?' }], version: 0 });
    expect(edited.statusCode).toBe(200);
    expect(edited.data.questions.at(-1)).toEqual({ id: 'which-deal-would-you-walk', text: 'Which deal would you walk away from?' });
    expect(edited.data.version).toBe(1);
    const stale = await admin.client.patch('/api/v1/check-in-template', { questions: [{ text: 'Lost?' }], version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current.version).toBe(1);
    // A body and an If-Match naming different versions: neither is taken.
    const mixed = await admin.client.patch('/api/v1/check-in-template', { questions: [{ text: 'Lost?' }], version: 1 }, { 'if-match': '"2"' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.data.error.details[0].path).toBe('version');
    expect((await getCheckIn(manager.client, checkIn.id)).questions).toHaveLength(4);
    const later = await manager.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: '2026-06-18T07:00:00Z' });
    expect(later.data.questions).toHaveLength(5);
    expect((await auditOf(checkIn.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('keeps the rep’s answers a draft until submitted, then tells the manager once; stale answers get 409', async () => {
    const { manager, rep } = await checkInTeam(app);
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const url = `/api/v1/check-ins/${checkIn.id}/answers`;
    expect((await manager.client.patch(url, { answers: [], version: 1 })).statusCode).toBe(403);
    const draft = await rep.client.patch(url, { answers: [{ questionId: 'learned', text: 'Ask for the next step out loud.' }], version: 1 });
    expect(draft.statusCode).toBe(200);
    expect(draft.data.answers).toMatchObject({ answers: [{ questionId: 'learned', text: 'Ask for the next step out loud.' }], submittedAt: null, version: 2 });
    expect((await getCheckIn(manager.client, checkIn.id)).answers).toBeNull();
    expect((await rep.client.patch(url, { answers: [], version: 1 })).statusCode).toBe(409);
    expect((await rep.client.patch(url, { answers: [{ questionId: 'nope', text: 'x' }], version: 2 })).data.error.details[0].path).toBe('answers.0.questionId');

    const submitted = await rep.client.patch(url, { answers: [{ questionId: 'learned', text: 'Ask for the next step out loud.' }, { questionId: 'help', text: 'A role-play on pricing.' }], submit: true, version: 2 });
    expect(submitted.data.answers.submittedAt).not.toBeNull();
    expect((await getCheckIn(manager.client, checkIn.id)).answers.answers).toHaveLength(2);
    await rep.client.patch(url, { answers: [{ questionId: 'help', text: 'A role-play on pricing, please.' }], submit: true, version: 3 });
    const inbox = (await manager.client.get('/api/v1/notifications')).data.data.filter((n: { kind: string }) => n.kind === 'check_in_answers_arrived');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ actorName: 'Riley Rep', checkIn: { id: checkIn.id, scheduledAt: checkIn.scheduledAt }, data: { date: '2026-06-11', time: '09:00' } });
    expect((await auditOf(checkIn.id)).map((e) => `${e.entity_type}:${e.action}`)).toEqual(['check_in:create', 'check_in_answers:update', 'check_in_answers:update', 'check_in_answers:update']);

    // Once the check-in has taken place, what the rep brought to it stays as it was.
    expect((await manager.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'held', version: 1 })).statusCode).toBe(200);
    const held = await getCheckIn(rep.client, checkIn.id);
    expect(held.permissions.canAnswer).toBe(false);
    const rewrite = await rep.client.patch(url, { answers: [], version: held.answers.version });
    expect(rewrite.statusCode, rewrite.body).toBe(422);
    expect(rewrite.data.error.message).toMatch(/has taken place/);
    expect((await getCheckIn(manager.client, checkIn.id)).answers.answers).toEqual([{ questionId: 'help', text: 'A role-play on pricing, please.' }]);
  });

  it('reminds the rep within a day of the meeting, once, and not when it is further away', async () => {
    const { manager, rep, loner, admin } = await checkInTeam(app);
    await seriesWithCheckIn(manager, rep.me.user.id);
    // Monday's check-in is days away: no reminder for it.
    await admin.client.post('/api/v1/check-in-series', { repId: loner.me.user.id, cadence: 'weekly', weekday: 1, time: '09:00' });
    const first = (await rep.client.get('/api/v1/notifications')).data;
    await rep.client.get('/api/v1/notifications?unread=true&limit=1');
    const due = (await rep.client.get('/api/v1/notifications')).data.data.filter((n: { kind: string }) => n.kind === 'check_in_answers_due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ actorName: 'Maya Manager', data: { date: '2026-06-11', time: '09:00' } });
    expect(due[0].text).toBe('Your check-in with Maya Manager is on 2026-06-11 at 09:00: answer its questions before you meet.');
    expect(first.unreadCount).toBe(1);
    expect((await loner.client.get('/api/v1/notifications')).data.data).toEqual([]);
    expect(await db.selectFrom('notifications').select('id').where('kind', '=', 'check_in_answers_due').where('user_id', '=', rep.me.user.id).execute()).toHaveLength(1);
  });

  it('opens an occurrence and writes its reminder once, however many requests race for it', async () => {
    const { manager, rep } = await checkInTeam(app);
    const series = (await manager.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' })).data;
    const opened = await Promise.all(
      [manager, rep, manager, rep, manager].map((who) => who.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt })),
    );
    expect(opened.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(opened.map((r) => r.data.id)).size).toBe(1);
    const reads = await Promise.all(Array.from({ length: 5 }, () => rep.client.get('/api/v1/notifications')));
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const due = await db.selectFrom('notifications').select('check_in_id').where('kind', '=', 'check_in_answers_due').where('user_id', '=', rep.me.user.id).execute();
    expect(due).toEqual([{ check_in_id: opened[0].data.id }]);
    expect(await db.selectFrom('check_ins').select('id').where('series_id', '=', series.id).execute()).toHaveLength(1);
  });

  it('ends the series of a person who leaves; their open actions go to the person taking over', async () => {
    const { admin, manager, rep } = await checkInTeam(app);
    const { series, checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const action = (await manager.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'Call back Globex', dueDate: dayIn(TZ, 3) })).data;
    expect((await admin.client.post(`/api/v1/users/${rep.me.user.id}/deactivate`, { transferToId: manager.me.user.id, version: (await admin.client.get(`/api/v1/users/${rep.me.user.id}`)).data.version })).statusCode).toBe(200);
    const after = (await manager.client.get(`/api/v1/check-in-series/${series.id}`)).data;
    expect(after.endedAt).not.toBeNull();
    expect(after.next).toBeNull();
    // No check-in with them after they left, at whatever later occurrence.
    const later = new Date(Date.parse(series.next.scheduledAt) + 7 * 86_400_000).toISOString();
    const refused = await manager.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: later });
    expect(refused.statusCode).toBe(422);
    expect((await manager.client.get(`/api/v1/commitments/${action.id}`)).data.owner.id).toBe(manager.me.user.id);
    expect((await auditOf(series.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('keeps a private manager note from the rep — and from admins — through every route; a shared one both read', async () => {
    const { admin, manager, rep } = await checkInTeam(app);
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const url = `/api/v1/check-ins/${checkIn.id}/notes`;
    const secret = 'Riley seems unsure about pricing — coach, do not push';
    const priv = await manager.client.post(url, { body: secret });
    expect(priv.statusCode).toBe(201);
    expect(priv.data).toMatchObject({ visibility: 'private', author: { id: manager.me.user.id }, permissions: { canEdit: true } });
    const shared = (await manager.client.post(url, { body: 'Practise the pricing talk together', visibility: 'shared' })).data;
    expect((await rep.client.post(url, { body: 'Mine' })).statusCode).toBe(403);

    for (const who of [rep, admin]) {
      const seen = await getCheckIn(who.client, checkIn.id);
      expect(seen.notes.map((n: { id: string }) => n.id)).toEqual([shared.id]);
      expect(JSON.stringify(seen)).not.toContain('unsure about pricing');
      const patch = await who.client.patch(`/api/v1/check-in-notes/${priv.data.id}`, { body: 'x', version: 1 });
      expect(patch.statusCode).toBe(404);
      expect(JSON.stringify(patch.data)).not.toContain('unsure');
      for (const listUrl of ['/api/v1/check-ins', '/api/v1/notifications', `/api/v1/users/${rep.me.user.id}/history`, '/api/v1/search?q=unsure', '/api/v1/today']) {
        const res = await who.client.get(listUrl);
        expect(res.body, listUrl).not.toContain('unsure about pricing');
      }
    }
    // The rep reads the shared note but may not change it.
    expect((await rep.client.patch(`/api/v1/check-in-notes/${shared.id}`, { body: 'x', version: 1 })).statusCode).toBe(403);
    expect((await getCheckIn(manager.client, checkIn.id)).notes).toHaveLength(2);

    // Sharing it later lets the rep read it; making it private again takes it away.
    const nowShared = await manager.client.patch(`/api/v1/check-in-notes/${priv.data.id}`, { visibility: 'shared', version: 1 });
    expect(nowShared.data).toMatchObject({ visibility: 'shared', version: 2 });
    expect((await getCheckIn(rep.client, checkIn.id)).notes).toHaveLength(2);
    expect((await manager.client.patch(`/api/v1/check-in-notes/${priv.data.id}`, { visibility: 'private', version: 1 })).statusCode).toBe(409);
    await manager.client.patch(`/api/v1/check-in-notes/${priv.data.id}`, { visibility: 'private', version: 2 });
    expect((await getCheckIn(rep.client, checkIn.id)).notes).toHaveLength(1);

    // The audit trail says who wrote and shared what, never the words of a note.
    const events = await auditOf(priv.data.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(events.map((e) => e.changes).join()).not.toContain('unsure');
    expect(JSON.parse(events[1].changes)).toEqual({ visibility: { before: 'private', after: 'shared' } });
  });

  it('keeps an agreed action between the check-in’s two people: it cannot be handed to anyone else', async () => {
    const { admin, manager, rep, team } = await checkInTeam(app);
    const teammate = await addMember(app, admin.client, { role: 'rep', name: 'Ben Teammate', teamId: team.id });
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const action = (await manager.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'Ask for the raise', dueDate: dayIn(TZ, 2) })).data;
    for (const who of [manager, admin]) {
      const handed = await who.client.patch(`/api/v1/commitments/${action.id}`, { ownerUserId: teammate.me.user.id, version: action.version });
      expect(handed.statusCode).toBe(400);
      expect(handed.data.error.details.map((d: { path: string }) => d.path)).toEqual(['ownerUserId']);
    }
    // Nothing reached the teammate: not their Today, not their calendar.
    const today = (await teammate.client.get('/api/v1/today')).data;
    expect(JSON.stringify(today)).not.toContain('Ask for the raise');
    // Between the two of them it moves freely.
    const toManager = await manager.client.patch(`/api/v1/commitments/${action.id}`, { ownerUserId: manager.me.user.id, version: action.version });
    expect(toManager.statusCode, toManager.body).toBe(200);
    expect(toManager.data.owner.id).toBe(manager.me.user.id);
  });

  it('shows a former manager of the rep no figures of the rep’s check-in actions, even in a check-in they ran', async () => {
    const { admin, manager, rep, otherManager } = await checkInTeam(app);
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const action = (await manager.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'Plan the Globex call', dueDate: dayIn(TZ, 1) })).data;
    expect((await rep.client.patch(`/api/v1/commitments/${action.id}`, { status: 'done', version: action.version })).statusCode).toBe(200);
    expect((await manager.client.get(`/api/v1/check-ins/${checkIn.id}`)).data.data.checkInActions).toMatchObject({ keptOnTime: 1, kinds: ['check_in'] });
    // The rep moves to a team someone else leads.
    const south = (await admin.client.post('/api/v1/teams', { name: 'South', managerId: otherManager.me.user.id })).data;
    const version = (await admin.client.get(`/api/v1/users/${rep.me.user.id}`)).data.version;
    expect((await admin.client.patch(`/api/v1/users/${rep.me.user.id}`, { teamId: south.id, version })).statusCode).toBe(200);
    const asFormer = (await manager.client.get(`/api/v1/check-ins/${checkIn.id}`)).data.data;
    expect(asFormer.reliability.kinds).not.toContain('check_in');
    expect(asFormer.checkInActions.keptOnTime).toBe(0);
    // Their manager now, and admins, still read them where they may (the rep's reliability page).
    const byNewManager = (await otherManager.client.get(`/api/v1/users/${rep.me.user.id}/reliability`)).data;
    expect(byNewManager.overall.kinds).toContain('check_in');
    expect((await admin.client.get(`/api/v1/check-ins/${checkIn.id}`)).data.data.checkInActions).toMatchObject({ keptOnTime: 1 });
  });

  it('records agreed actions as engine commitments on either person: on their Today, in their reliability, and back next time', async () => {
    const { manager, rep } = await checkInTeam(app);
    const { series, checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const url = `/api/v1/check-ins/${checkIn.id}/actions`;
    const repAction = await manager.client.post(url, { title: 'Plan the advance for the Globex call', dueDate: dayIn(TZ, 1) });
    expect(repAction.statusCode).toBe(201);
    expect(repAction.data).toMatchObject({ subject: { kind: 'check_in', id: checkIn.id }, side: 'seller', owner: { id: rep.me.user.id }, state: 'open' });
    const managerAction = await manager.client.post(url, { title: 'Send Riley the pricing role-play', ownerUserId: manager.me.user.id, dueDate: dayIn(TZ, 0) });
    expect(managerAction.statusCode).toBe(201);
    const past = await manager.client.post(url, { title: 'Yesterday', dueDate: dayIn(TZ, -1) });
    expect(past.statusCode).toBe(422);
    expect(past.data.error.code).toBe('date_in_past');
    const stranger = await manager.client.post(url, { title: 'Not theirs', ownerUserId: (await signUpWorkspace(app)).me.user.id, dueDate: dayIn(TZ, 1) });
    expect(stranger.statusCode).toBe(400);

    const repToday = (await rep.client.get('/api/v1/today')).data;
    const listed = [...repToday.dueToday, ...repToday.next7Days, ...repToday.confirmOrRedate];
    expect(listed.map((i: { commitment: { title: string } }) => i.commitment.title)).toEqual(['Plan the advance for the Globex call']);
    expect(listed[0].checkIn).toEqual({ id: checkIn.id, localDate: '2026-06-11', manager: { id: manager.me.user.id, name: 'Maya Manager' }, rep: { id: rep.me.user.id, name: 'Riley Rep' } });
    const managerToday = (await manager.client.get('/api/v1/today?view=mine')).data;
    expect([...managerToday.dueToday, ...managerToday.confirmOrRedate].map((i: { commitment: { title: string } }) => i.commitment.title)).toEqual(['Send Riley the pricing role-play']);

    // The rep keeps theirs (through the commitment operations): it counts in their reliability, kind by kind.
    expect((await rep.client.patch(`/api/v1/commitments/${repAction.data.id}`, { status: 'done', version: 1 })).statusCode).toBe(200);
    const reliability = (await manager.client.get(`/api/v1/users/${rep.me.user.id}/reliability`)).data;
    expect(reliability.overall.kinds).toContain('check_in');
    expect(reliability.overall.keptOnTime).toBe(1);
    expect(reliability.byKind).toEqual([expect.objectContaining({ kind: 'check_in', reliability: expect.objectContaining({ keptOnTime: 1, counted: 1, kinds: ['check_in'] }) })]);

    // Next week's check-in shows last time's actions and what became of them.
    const next = (await rep.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: '2026-06-18T07:00:00Z' })).data;
    expect(next.previous.id).toBe(checkIn.id);
    expect(next.previous.actions.map((a: { title: string; state: string }) => `${a.title}: ${a.state}`)).toEqual(['Plan the advance for the Globex call: done', 'Send Riley the pricing role-play: open']);
    expect(next.data.checkInActions).toMatchObject({ keptOnTime: 1, kinds: ['check_in'] });
    // History: newest first, with what was kept.
    const history = (await rep.client.get(`/api/v1/check-ins?seriesId=${series.id}`)).data.data;
    expect(history.map((c: { id: string; actions: unknown }) => [c.id, c.actions])).toEqual([
      [next.id, { total: 0, done: 0, open: 0 }],
      [checkIn.id, { total: 2, done: 1, open: 1 }],
    ]);
    // A rep of another team reads none of it.
    const { rep: otherRep } = await checkInTeam(app);
    expect((await otherRep.client.get(`/api/v1/commitments/${repAction.data.id}`)).statusCode).toBe(404);
  });

  it('shows the rep’s planned outcomes and advances of the period beside the questions, with n and an interval', async () => {
    const { manager, rep } = await checkInTeam(app);
    const account = (await rep.client.post('/api/v1/accounts', { name: 'Globex' })).data;
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const results = ['advanced', 'advanced', 'advanced', 'no_advance', 'continuation', null] as const;
    const ws = rep.me.workspace.id;
    await db
      .insertInto('interactions')
      .values(
        results.map((result, i) => ({
          id: `019a0000-0000-7000-8000-00000000000${i}`,
          workspace_id: ws,
          account_id: account.id,
          owner_id: rep.me.user.id,
          kind: 'call',
          sort_at: `2026-06-0${5 + (i % 4)}T09:00:00.000Z`,
          outcome_kind: 'trial',
          outcome_statement: `Outcome ${i}`,
          result,
          created_at: '2026-06-01T00:00:00.000Z',
          updated_at: '2026-06-01T00:00:00.000Z',
        })) as never,
      )
      .execute();
    const { data } = await getCheckIn(rep.client, checkIn.id);
    // The first check-in looks back one period (a week) from its time.
    expect(data.period).toEqual({ from: '2026-06-04T07:00:00.000Z', to: '2026-06-11T07:00:00.000Z' });
    expect(data.interactions).toMatchObject({ planned: 6, advanced: 3, continuation: 1, noAdvance: 1, awaitingResult: 1 });
    // 3 advances of 5 results: 60 %, Wilson 95 % interval 23.1 %–88.2 %.
    expect(data.interactions.advanceRate).toMatchObject({ kind: 'rate', successes: 3, n: 5, rate: 0.6 });
    expect(data.interactions.advanceRate.low).toBeCloseTo(0.2307, 3);
    expect(data.interactions.advanceRate.high).toBeCloseTo(0.8824, 3);
    expect(data.interactions.items[0]).toMatchObject({ account: { name: 'Globex' }, plannedOutcome: expect.stringMatching(/^Outcome/) });
    expect(data.reliability.kinds).toEqual(['plan', 'objective', 'interaction', 'check_in']);
  });

  it('marks a check-in held from the version read, and is nobody else’s to read', async () => {
    const { admin, manager, rep, otherManager } = await checkInTeam(app);
    const { series, checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    expect((await rep.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'held', version: 1 })).statusCode).toBe(403);
    const held = await manager.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'held', version: 1 });
    expect(held.data).toMatchObject({ status: 'held', version: 2 });
    expect(held.data.heldAt).not.toBeNull();
    expect((await manager.client.patch(`/api/v1/check-ins/${checkIn.id}`, { status: 'skipped', version: 1 })).statusCode).toBe(409);
    expect((await admin.client.get(`/api/v1/check-ins/${checkIn.id}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/check-ins/${checkIn.id}`, `/api/v1/check-in-series/${series.id}`]) {
      expect((await otherManager.client.get(url)).statusCode, url).toBe(404);
      const elsewhere = await signUpWorkspace(app);
      expect((await elsewhere.client.get(url)).statusCode, url).toBe(404);
    }
    expect((await otherManager.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'x', dueDate: dayIn(TZ, 1) })).statusCode).toBe(404);
    expect((await otherManager.client.get('/api/v1/check-ins')).data.data).toEqual([]);
  });
});
