import { describe, expect, it } from 'vitest';
import type { Config } from '../../core/config.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { testApp } from '../../test/harness.js';
import { startSmtp } from '../../test/smtp.js';
import { addCommitment, createPlan, shareLink } from '../plans/fixtures.js';
import { scanReminders } from './scan.js';
import { smtpTransport } from './transport.js';
import { createMailWorker } from './worker.js';

/**
 * The mails people get: reminders from the calendar (due tomorrow, overdue, two days before a
 * must-do, the digest), what customers did, new dates to answer, the customer's own mails — each
 * honouring the person's choices and stopped with one click.
 */
useFixedClock(); // 2026-06-10 10:30 UTC: 12:30 in Paris
const { app, db, config } = await testApp();

const TODAY = '2026-06-10';
const at = (iso: string) => new Date(iso);
// Every mail to an address but the invitation that brought them in.
const mailsTo = (address: string) => db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).where('kind', '!=', 'invitation').orderBy('id').execute();
const withSmtp = (url: string): Config => ({ ...config, mail: { ...config.mail, smtpUrl: url } });

async function team() {
  const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
  const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep', timeZone: 'Europe/Paris' });
  const plan = await createPlan(rep.client, undefined, { title: 'Acme rollout' });
  return { admin, rep, plan };
}

describe('reminders from the calendar', () => {
  it('queues "due tomorrow", "overdue" and "confirm or re-date" once, from the morning in the person’s zone; a rerun adds nothing', async () => {
    const { rep, plan } = await team();
    await addCommitment(rep.client, plan.id, { title: 'Send the proposal', dueDate: '2026-06-11' });
    await addCommitment(rep.client, plan.id, { title: 'Security review', dueDate: '2026-06-12', mustDo: true });

    // 05:30 in Paris: too early, nothing yet.
    await scanReminders(db, at('2026-06-10T03:30:00Z'));
    expect(await mailsTo(rep.email)).toEqual([]);

    await scanReminders(db, at(`${TODAY}T10:30:00Z`));
    await scanReminders(db, at(`${TODAY}T10:45:00Z`));
    const first = await mailsTo(rep.email);
    expect(first.map((m) => [m.kind, m.dedupe_key])).toEqual([
      ['due_tomorrow', `due_tomorrow:${rep.me.user.id}:2026-06-11`],
      ['must_do_soon', `must_do_soon:${(await db.selectFrom('commitments').select('id').where('title', '=', 'Security review').executeTakeFirstOrThrow()).id}:2026-06-12`],
    ]);
    const data = JSON.parse(first[0].data);
    expect(data.items.map((i: { title: string }) => i.title)).toEqual(['Send the proposal']);
    expect(data.timeZone).toBe('Europe/Paris');

    // The next day the proposal was not done: overdue once the 11th has ended in Paris.
    await scanReminders(db, at('2026-06-11T21:30:00Z')); // 23:30 on the 11th in Paris: not yet
    expect((await mailsTo(rep.email)).filter((m) => m.kind === 'overdue')).toEqual([]);
    await scanReminders(db, at('2026-06-12T06:00:00Z')); // 08:00 on the 12th
    await scanReminders(db, at('2026-06-12T09:00:00Z'));
    expect((await mailsTo(rep.email)).filter((m) => m.kind === 'overdue').map((m) => m.dedupe_key)).toEqual([`overdue:${rep.me.user.id}:2026-06-12`]);
  });

  it('judges each commitment in the zone it is judged in, not where its owner is now; the morning is still the owner’s', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep', timeZone: 'Pacific/Auckland' });
    const id = rep.me.user.id;
    const plan = await createPlan(rep.client, undefined, { title: 'Acme rollout' });
    // 22:30 on the 10th in Auckland, where Rita is when she takes these on.
    await addCommitment(rep.client, plan.id, { title: 'Sign the order form', dueDate: '2026-06-10' });
    const kickoff = await addCommitment(rep.client, plan.id, { title: 'Book the kickoff', dueDate: '2026-06-10' });
    await addCommitment(rep.client, plan.id, { title: 'Send the proposal', dueDate: '2026-06-11' });
    // She moves to Los Angeles (03:30 on the 10th there): what is due after today goes with her, today's
    // deadlines stay Auckland's — and so does the kickoff, moved a day once she is there.
    const { version } = (await rep.client.get(`/api/v1/users/${id}`)).data;
    expect((await rep.client.patch(`/api/v1/users/${id}`, { timeZone: 'America/Los_Angeles', version })).statusCode).toBe(200);
    expect((await rep.client.post(`/api/v1/commitments/${kickoff.id}/renegotiations`, { newDate: '2026-06-11', reason: 'Their CEO is away' })).statusCode).toBe(201);
    const zones = await db.selectFrom('commitments').select(['title', 'time_zone']).where('plan_id', '=', plan.id).orderBy('title').execute();
    expect(zones.map((c) => [c.title, c.time_zone])).toEqual([
      ['Book the kickoff', 'Pacific/Auckland'],
      ['Send the proposal', 'America/Los_Angeles'],
      ['Sign the order form', 'Pacific/Auckland'],
    ]);
    const sent = async () => (await mailsTo(rep.email)).map((m) => [m.dedupe_key, JSON.parse(m.data).items.map((i: { title: string }) => i.title)]);

    // 05:30 in Los Angeles: the order form was missed half an hour ago in Auckland, but it is night where Rita is.
    await scanReminders(db, at('2026-06-10T12:30:00Z'));
    expect(await sent()).toEqual([]);
    // 07:30 on the 10th in Los Angeles, 02:30 on the 11th in Auckland: the order form is overdue now (the
    // app says missed), not tomorrow; the kickoff is due today where it is judged, not tomorrow.
    await scanReminders(db, at('2026-06-10T14:30:00Z'));
    expect(await sent()).toEqual([
      [`due_tomorrow:${id}:2026-06-11`, ['Send the proposal']],
      [`overdue:${id}:2026-06-10`, ['Sign the order form']],
    ]);
    // A day later: the kickoff's day has ended in Auckland; the proposal's has not in Los Angeles.
    await scanReminders(db, at('2026-06-11T14:30:00Z'));
    expect((await sent()).slice(2)).toEqual([[`overdue:${id}:2026-06-11`, ['Book the kickoff']]]);
  });

  it('judges the customer’s commitments in their own zone too, from the morning in the plan’s zone now', async () => {
    const { rep } = await team();
    const plan = await createPlan(rep.client, undefined, { title: 'Kiwi rollout', customerTimeZone: 'Pacific/Auckland' });
    await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Security questionnaire', dueDate: '2026-06-10', ownerName: 'Kiri Customer' });
    await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Name an admin', dueDate: '2026-06-11', ownerName: 'Kiri Customer' });
    const { link } = await shareLink(rep.client, plan.id, { recipientName: 'Kiri Customer', recipientEmail: 'kiri@customer.example', sendEmail: true });
    // The buying team turns out to sit in Los Angeles: the questionnaire, due today in Auckland, stays judged there.
    expect((await rep.client.patch(`/api/v1/plans/${plan.id}`, { customerTimeZone: 'America/Los_Angeles', version: plan.version })).statusCode).toBe(200);
    const reminders = async () =>
      (await mailsTo('kiri@customer.example')).filter((m) => m.kind === 'customer_reminder').map((m) => [m.dedupe_key, JSON.parse(m.data).items.map((i: { title: string }) => i.title)]);
    await scanReminders(db, at('2026-06-10T15:30:00Z')); // 08:30 in Los Angeles: too early
    expect(await reminders()).toEqual([]);
    await scanReminders(db, at('2026-06-10T16:30:00Z')); // 09:30 there, 04:30 on the 11th in Auckland
    expect(await reminders()).toEqual([
      [`customer_reminder:${link.id}:tomorrow:2026-06-11`, ['Name an admin']],
      [`customer_reminder:${link.id}:overdue:2026-06-10`, ['Security questionnaire']],
    ]);
  });

  it('honours each person’s choices: off means no mail, and a mail queued before they turned it off is skipped', async () => {
    const { rep, plan } = await team();
    await addCommitment(rep.client, plan.id, { title: 'Call the CFO', dueDate: '2026-06-11' });
    const off = await rep.client.patch('/api/v1/mail-preferences', { dueTomorrow: false, dailyDigest: true });
    expect(off.statusCode).toBe(200);
    expect(off.data).toMatchObject({ dueTomorrow: false, dailyDigest: true, overdue: true, delivery: 'outbox_only' });
    expect((await rep.client.get('/api/v1/mail-preferences')).data.dueTomorrow).toBe(false);
    await scanReminders(db, at(`${TODAY}T10:30:00Z`));
    const kinds = (await mailsTo(rep.email)).map((m) => m.kind);
    expect(kinds).not.toContain('due_tomorrow');
    expect(kinds).toContain('daily_digest');
    // Audited on the person.
    const history = (await rep.client.get(`/api/v1/users/${rep.me.user.id}/history`)).data.data;
    expect(JSON.stringify(history[0])).toContain('mailDueTomorrow');

    // Queued while on, turned off before it went out: not sent.
    await rep.client.patch('/api/v1/mail-preferences', { dueTomorrow: true });
    await scanReminders(db, at(`${TODAY}T11:00:00Z`));
    await rep.client.patch('/api/v1/mail-preferences', { dueTomorrow: false });
    const smtp = await startSmtp();
    const w = createMailWorker({ db, config: withSmtp(smtp.url), transport: smtpTransport(withSmtp(smtp.url).mail), scanEveryMs: Number.POSITIVE_INFINITY, batch: 200 });
    await w.tick(at(`${TODAY}T11:00:00Z`));
    const due = (await mailsTo(rep.email)).find((m) => m.kind === 'due_tomorrow')!;
    expect(due.status).toBe('skipped');
    expect(smtp.messages.filter((m) => m.to.includes(rep.email)).map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Your day:/)]);
  });
});

describe('one-click unsubscribe', () => {
  it('stops that kind of mail with a POST from the mail provider (no session, no Origin, form body); a forged token is refused', async () => {
    const { rep, plan } = await team();
    await addCommitment(rep.client, plan.id, { title: 'Draft the SOW', dueDate: '2026-06-11' });
    await scanReminders(db, at(`${TODAY}T10:30:00Z`));
    const smtp = await startSmtp();
    await createMailWorker({ db, config: withSmtp(smtp.url), transport: smtpTransport(withSmtp(smtp.url).mail), scanEveryMs: Number.POSITIVE_INFINITY, batch: 200 }).tick(at(`${TODAY}T10:30:00Z`));
    const mail = smtp.messages.find((m) => m.to.includes(rep.email) && m.parsed.subject?.startsWith('Due tomorrow'))!;
    // Queued by the scan, not a request: links point at PUBLIC_URL, else this server.
    expect(mail.parsed.text).toContain(`Stop these emails: http://localhost:${config.port}/unsubscribe/`);
    expect(mail.parsed.html).toContain('Draft the SOW');
    const url = new URL(/^<(.+)>$/.exec(mail.header('List-Unsubscribe')!)![1]);

    const oneClick = await app.inject({ method: 'POST', url: url.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('Due tomorrow');
    expect((await rep.client.get('/api/v1/mail-preferences')).data).toMatchObject({ dueTomorrow: false, overdue: true });
    // Again: harmless. Multipart, as RFC 8058 prefers: the same.
    const again = await app.inject({ method: 'POST', url: url.pathname, headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n' });
    expect(again.statusCode).toBe(200);

    const token = url.pathname.split('/').pop()!;
    const forged = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect((await app.inject({ method: 'POST', url: `/unsubscribe/${forged}`, payload: '' })).statusCode).toBe(404);
    // The page's API call (JSON, no session) does the same.
    await rep.client.patch('/api/v1/mail-preferences', { dueTomorrow: true });
    const viaPage = await new Client(app).post('/api/v1/unsubscribe', { token });
    expect(viaPage.statusCode).toBe(200);
    expect(viaPage.data).toEqual({ stopped: 'Due tomorrow', address: rep.email });
    expect((await new Client(app).post('/api/v1/unsubscribe', { token: forged })).statusCode).toBe(404);
  });

  it('is rate-limited per address', async () => {
    // From an address of its own, so the other tests' unsubscribes are not counted with these.
    const post = () => app.inject({ method: 'POST', url: '/api/v1/unsubscribe', remoteAddress: '10.9.9.9', headers: { origin: 'http://localhost:80', 'content-type': 'application/json' }, payload: JSON.stringify({ token: 'x'.repeat(46) }) });
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push((await post()).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
    const oneClick = await app.inject({ method: 'POST', url: `/unsubscribe/${'x'.repeat(46)}`, remoteAddress: '10.9.9.9', payload: '' });
    expect(oneClick.statusCode).toBe(429);
    expect(oneClick.headers['retry-after']).toBeDefined();
  });
});

describe('mails from events', () => {
  it('tells the owner what a customer did, a burst grouped into one mail; and that a new date waits for their answer', async () => {
    const { rep, plan } = await team();
    const c1 = await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Legal review', dueDate: '2026-06-20', ownerName: 'Carla' });
    const c2 = await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Sign', dueDate: '2026-06-25', ownerName: 'Carla' });
    const { api } = await shareLink(rep.client, plan.id);
    const guest = new Client(app);
    expect((await guest.post(`${api}/commitments/${c1.id}/state`, { done: true })).statusCode).toBe(200);
    expect((await guest.post(`${api}/comments`, { body: 'Legal is happy' })).statusCode).toBe(201);
    expect((await guest.post(`${api}/commitments/${c2.id}/renegotiations`, { newDate: '2026-06-30', reason: 'Board meets later' })).statusCode).toBe(201);
    const mails = await mailsTo(rep.email);
    const activity = mails.filter((m) => m.kind === 'customer_activity');
    expect(activity).toHaveLength(1);
    expect(JSON.parse(activity[0].data).events).toEqual([
      'Carla Customer marked “Legal review” done.',
      'Carla Customer commented: Legal is happy',
      'Carla Customer proposed Tue 30 Jun 2026 instead of Thu 25 Jun 2026 for “Sign”: Board meets later',
    ]);
    // It waits for the burst to end (10 minutes after the last event).
    expect(Date.parse(activity[0].next_attempt_at)).toBeGreaterThan(Date.now() + 9 * 60_000);
    const waiting = mails.filter((m) => m.kind === 'date_waiting');
    expect(waiting).toHaveLength(1);
    expect(JSON.parse(waiting[0].data)).toMatchObject({ fromDate: '2026-06-25', toDate: '2026-06-30', reason: 'Board meets later', requestedBy: 'Carla Customer' });
  });

  it('emails the customer their link only when the rep chooses to, then reminders of their own commitments, which they can stop', async () => {
    const { rep, plan } = await team();
    await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Share the data model', dueDate: '2026-06-11', ownerName: 'Carla Customer' });
    await addCommitment(rep.client, plan.id, { side: 'customer', title: 'Someone else’s task', dueDate: '2026-06-11', ownerName: 'Bob', ownerEmail: 'bob@customer.example' });
    // Shared by hand: no mail.
    await shareLink(rep.client, plan.id, { recipientEmail: 'hand@customer.example' });
    expect(await mailsTo('hand@customer.example')).toEqual([]);
    // Refused without an address to send to.
    const noAddress = await rep.client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla', sendEmail: true });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.data.error.details).toEqual([{ path: 'recipientEmail', message: 'Enter the email address to send the link to.' }]);

    const sent = await shareLink(rep.client, plan.id, { recipientEmail: 'carla@customer.example', sendEmail: true });
    expect(sent.link.emailedAt).not.toBeNull();
    const smtp = await startSmtp();
    const worker = createMailWorker({ db, config: withSmtp(smtp.url), transport: smtpTransport(withSmtp(smtp.url).mail), scanEveryMs: 0, batch: 200 });
    // The link, and — the morning before, from 09:00 in the plan's zone — a reminder of their own commitment only.
    await worker.tick(at('2026-06-10T10:30:00Z'));
    await worker.tick(at('2026-06-10T10:31:00Z'));
    const toCarla = () => smtp.messages.filter((m) => m.to.includes('carla@customer.example'));
    expect(toCarla().map((m) => m.parsed.subject).sort()).toEqual(['Reminder: Share the data model due tomorrow', 'Rita Rep shared “Acme rollout” with you']);
    expect(toCarla().find((m) => m.parsed.subject?.startsWith('Rita'))!.parsed.text).toContain(sent.url);
    const reminder = toCarla().find((m) => m.parsed.subject?.startsWith('Reminder'))!;
    expect(reminder.parsed.subject).toBe('Reminder: Share the data model due tomorrow');
    expect(reminder.parsed.text).not.toContain('Someone else');
    expect(reminder.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const stop = new URL(/^<(.+)>$/.exec(reminder.header('List-Unsubscribe')!)![1]);
    expect((await app.inject({ method: 'POST', url: stop.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(200);
    const links = (await rep.client.get(`/api/v1/plans/${plan.id}/share-links`)).data.data;
    expect(links.find((l: { id: string }) => l.id === sent.link.id).remindersStoppedAt).not.toBeNull();
    // The next day's overdue reminder is not queued.
    await worker.tick(at('2026-06-12T09:00:00Z'));
    expect(toCarla()).toHaveLength(2);
  });
});
