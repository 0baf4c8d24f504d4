import type { App } from '../core/http.js';
import { buildApp } from '../app.js';
import { UNSUBSCRIBE_KEY } from '../features/mail/render.js';
import { serverSecret } from '../features/mail/secrets.js';
import { signUnsubscribe } from '../features/mail/tokens.js';
import { addMember, Client, createAccount, createApiToken, PASSWORD, signUpWorkspace, type Signed } from './factories.js';
import { readLayout } from '../features/plans/fixtures.js';

/**
 * Fixtures for walking every route as every kind of caller (src/server/authz*.test.ts): the people of
 * one workspace, and a fresh set of records owned by one rep, so that each write's positive control
 * starts from a known state.
 */
export type People = { admin: Signed; owner: Signed; stranger: Signed; outsider: Signed };

export async function walkPeople(app: App): Promise<People> {
  const admin = await signUpWorkspace(app);
  const owner = await addMember(app, admin.client, { role: 'rep', name: 'Olivia Owner' });
  // A rep of the same workspace who owns nothing and leads no team.
  const stranger = await addMember(app, admin.client, { role: 'rep', name: 'Sam Stranger' });
  const outsider = await signUpWorkspace(app);
  return { admin, owner, stranger, outsider };
}

const uniq = () => Math.random().toString(36).slice(2, 10);
/** A webhook endpoint on a public address (documentation never resolves a name; the walk never delivers). */
const WEBHOOK_URL = 'https://93.184.215.14/hooks/advance';

/**
 * Account security: routes that need a signed-in session and refuse every API token (403), written
 * out here; src/server/authz.test.ts checks the routes declare exactly these `sessionOnly`.
 */
// A calendar feed's URL is a credential of its own: only a signed-in person makes or revokes one.
// Changing one's password and signing out one's other sessions: a token must do neither.
export const SESSION_ONLY = new Set([
  'GET /api/v1/api-tokens',
  'POST /api/v1/api-tokens',
  'DELETE /api/v1/api-tokens/:id',
  'DELETE /api/v1/session',
  'POST /api/v1/calendar-feed',
  'DELETE /api/v1/calendar-feed',
  'POST /api/v1/session/password',
  'DELETE /api/v1/session/others',
]);

type Person = 'admin' | 'owner' | 'stranger';
/** Each person's API tokens, one per scope: clients that call as a script would, with no cookie and no Origin. */
export type Tokens = Record<Person, { read: Client; readWrite: Client }>;

export async function walkTokens(people: People): Promise<Tokens> {
  const of = async (p: Signed) => ({ read: (await createApiToken(p, { scope: 'read' })).client, readWrite: (await createApiToken(p, { scope: 'read_write' })).client });
  return { admin: await of(people.admin), owner: await of(people.owner), stranger: await of(people.stranger) };
}

export type World = People & { ids: Record<string, string>; token: string; versions: Record<string, number> };

async function ok<T = any>(res: Promise<{ statusCode: number; body: string; data: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.data;
}

/** Records owned by `owner`: account, contact, opportunity, plan (milestone, both sides' commitments, pending dates), share link, template, notification, objective (with a task), why ladder, goal. */
export async function buildWorld(app: App, people: People): Promise<World> {
  const o = people.owner.client;
  const guest = new Client(app);
  const account = await createAccount(o);
  const contact = await ok(o.post('/api/v1/contacts', { accountId: account.id, name: 'Carla Contact' }), 'contact');
  const opp = await ok(o.post('/api/v1/opportunities', { accountId: account.id, name: 'Deal', amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-01-31' }), 'opportunity');
  const plan = await ok(o.post(`/api/v1/opportunities/${opp.id}/plan`, { title: 'Plan', targetDate: '2027-01-31' }), 'plan');
  const milestone = await ok(o.post(`/api/v1/plans/${plan.id}/milestones`, { title: 'Evaluate' }), 'milestone');
  const seller = await ok(o.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: 'Send proposal', dueDate: '2027-01-10' }), 'seller commitment');
  const customer = await ok(o.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'customer', title: 'Legal review', dueDate: '2027-01-12', ownerName: 'Carla' }), 'customer commitment');
  const customer2 = await ok(o.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'customer', title: 'Sign', dueDate: '2027-01-14', ownerName: 'Carla' }), 'customer commitment 2');
  const link = await ok(o.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' }), 'share link');
  const token = new URL(link.url).pathname.split('/').pop() as string;
  // A date the customer proposed (the seller answers it) and one the seller proposed (the customer answers it).
  await ok(guest.post(`/api/v1/shared/${token}/commitments/${customer.id}/renegotiations`, { newDate: '2027-01-20', reason: 'Holidays' }), 'guest proposal');
  const fromCustomer = (await ok(o.get(`/api/v1/commitments/${customer.id}`), 'commitment')).renegotiations.find((r: { status: string }) => r.status === 'pending');
  const fromSeller = (await ok(o.post(`/api/v1/commitments/${customer2.id}/renegotiations`, { newDate: '2027-01-21', reason: 'Sooner' }), 'seller proposal')).renegotiation;
  await ok(guest.post(`/api/v1/shared/${token}/comments`, { body: 'Looks good' }), 'guest comment');
  const notification = (await ok(o.get('/api/v1/notifications'), 'notifications')).data[0];
  const team = await ok(people.admin.client.post('/api/v1/teams', { name: `Team ${uniq()}` }), 'team');
  const stage = (await ok(o.get('/api/v1/stages'), 'stages')).data[0];
  const template = await ok(o.post('/api/v1/plan-templates', { name: 'T', lengthDays: 30, milestones: [], commitments: [] }), 'template');
  const objective = await ok(o.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Expand', kind: 'expansion', targetDate: '2027-06-30' }), 'objective');
  const task = await ok(o.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Map the org', dueDate: '2027-01-16' }), 'objective task');
  const ladder = await ok(o.post('/api/v1/why-ladders', { start: 'Hit my quota' }), 'why ladder');
  const goal = await ok(o.post('/api/v1/goals', { kind: 'process', title: 'Plan every call', periodStart: '2026-01-01', periodEnd: '2027-12-31', firstStep: 'Plan tomorrow’s call' }), 'goal');
  const plannedOutcome = { outcomeKind: 'trial', outcomeStatement: 'They agree to a pilot' };
  const interaction = await ok(o.post('/api/v1/interactions', { kind: 'call', accountId: account.id, opportunityId: opp.id, startsAt: '2027-01-05T09:00:00Z', timeZone: 'Europe/Paris', ...plannedOutcome }), 'interaction');
  const happened = await ok(
    o.post('/api/v1/interactions', { kind: 'meeting', accountId: account.id, opportunityId: opp.id, startsAt: new Date(Date.now() - 3_600_000).toISOString(), timeZone: 'Europe/Paris', alreadyHappened: true, ...plannedOutcome }),
    'past interaction',
  );
  const checkIn = await checkInWorld(people);
  const csvImport = await ok(people.admin.client.post('/api/v1/imports', { entity: 'accounts', fileName: 'Account.csv', text: 'Id,Name\r\nA1,Imported account\r\n' }), 'import');
  // A public address written as an IP: nothing to resolve, and the walk never delivers.
  const webhook = await ok(people.admin.client.post('/api/v1/webhook-endpoints', { url: WEBHOOK_URL, events: ['opportunity.won'] }), 'webhook endpoint');
  const webhookDelivery = await ok(people.admin.client.post(`/api/v1/webhook-endpoints/${webhook.endpoint.id}/test`), 'webhook test');
  const ids: Record<string, string> = {
    account: account.id,
    contact: contact.id,
    opportunity: opp.id,
    plan: plan.id,
    milestone: milestone.id,
    seller: seller.id,
    customer: customer.id,
    customer2: customer2.id,
    shareLink: link.shareLink.id,
    fromCustomer: fromCustomer.id,
    fromSeller: fromSeller.id,
    notification: notification.id,
    template: template.id,
    objective: objective.id,
    task: task.id,
    interaction: interaction.id,
    happened: happened.id,
    checkInSeries: checkIn.series.id,
    checkIn: checkIn.checkIn.id,
    checkInNote: checkIn.note.id,
    team: team.id,
    stage: stage.id,
    ladder: ladder.id,
    goal: goal.id,
    import: csvImport.id,
    webhookEndpoint: webhook.endpoint.id,
    webhookDelivery: webhookDelivery.id,
    // The invitations that brought the people in are mails of the admin's workspace.
    mail: (await app.db.selectFrom('mail_outbox').select('id').where('workspace_id', '=', people.admin.me.workspace.id).orderBy('id').executeTakeFirstOrThrow()).id,
  };
  for (const [k, v] of Object.entries(ids)) if (!v) throw new Error(`world: no ${k}`);
  const versions = {
    account: account.version,
    contact: contact.version,
    opportunity: opp.version,
    plan: plan.version,
    milestone: milestone.version,
    seller: seller.version,
    objective: objective.version,
    task: task.version,
    interaction: interaction.version,
    happened: happened.version,
    ladder: ladder.version,
    goal: goal.version,
    webhookEndpoint: webhook.endpoint.version,
    checkInSeries: checkIn.series.version,
    checkIn: checkIn.checkIn.version,
    template: template.version,
    import: csvImport.version,
  };
  return { ...people, ids, token, versions };
}

/**
 * A check-in between the admin (as its manager) and the owner (its rep), opened, with the admin's
 * private note. The people are shared by every world: the previous world's series is ended first.
 */
async function checkInWorld(people: People) {
  const a = people.admin.client;
  const running = (await ok(a.get('/api/v1/check-in-series'), 'check-in series')).data as { id: string; version: number; rep: { id: string } }[];
  for (const s of running.filter((s) => s.rep.id === people.owner.me.user.id)) await ok(a.patch(`/api/v1/check-in-series/${s.id}`, { ended: true, version: s.version }), 'end series');
  const series = await ok(a.post('/api/v1/check-in-series', { repId: people.owner.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' }), 'check-in series');
  const checkIn = await ok(a.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt }), 'check-in');
  const note = await ok(a.post(`/api/v1/check-ins/${checkIn.id}/notes`, { body: 'Private thought' }), 'check-in note');
  return { series, checkIn, note };
}

export type Principal = 'anonymous' | 'guest' | 'admin' | 'owner' | 'stranger';
/** `headers`: what a request sends besides its body, such as the If-Match of a versioned DELETE. */
export type Call = { as: Principal; url: string; body?: unknown; client?: Client; headers?: Record<string, string> };
type Case = (w: World, app: App) => Promise<Call> | Call;

async function signedInAgain(app: App, email: string): Promise<Client> {
  const c = new Client(app);
  await ok(c.post('/api/v1/session', { email, password: PASSWORD }), 'sign in');
  return c;
}

/** The same app on a server that sends mail (SMTP_URL set): sign-up goes through an emailed confirmation there. */
const mailing = new WeakMap<App, Promise<App>>();
function mailingApp(app: App): Promise<App> {
  let built = mailing.get(app);
  if (!built) {
    built = buildApp({ config: { ...app.config, mail: { ...app.config.mail, smtpUrl: 'smtp://127.0.0.1:2' } }, db: app.db, logger: false });
    mailing.set(app, built);
  }
  return built;
}

const signupBody = () => ({ workspaceName: `W ${uniq()}`, name: 'New Admin', email: `new-${uniq()}@example.com`, password: PASSWORD, timeZone: 'Europe/Paris' });

/** A password reset link for a new member (resetting ends their sessions: never the walk's own people). */
async function resetToken(w: World, app: App): Promise<string> {
  const member = await addMember(app, w.admin.client, { role: 'rep' });
  await ok(new Client(app).post('/api/v1/password-resets', { email: member.email }), 'password reset');
  const row = await app.db.selectFrom('mail_outbox').select('data').where('to_address', '=', member.email).where('kind', '=', 'password_reset').executeTakeFirstOrThrow();
  return JSON.parse(row.data).secret as string;
}

/**
 * For every write route: its rightful caller and a valid request. The positive control expects 2xx
 * from it; the same request from a rep who owns nothing expects a refusal unless the route is one
 * anyone in the workspace may use (SELF_SERVICE in the test).
 */
export const WRITE_CASES: Record<string, Case> = {
  'POST /api/v1/signup': () => ({ as: 'anonymous', url: '/api/v1/signup', body: { workspaceName: `W ${uniq()}`, name: 'New Admin', email: `new-${uniq()}@example.com`, password: PASSWORD, timeZone: 'Europe/Paris' } }),
  'POST /api/v1/signup-requests': async (_w, app) => ({ as: 'anonymous', url: '/api/v1/signup-requests', body: signupBody(), client: new Client(await mailingApp(app)) }),
  'POST /api/v1/signup-requests/confirm': async (_w, app) => {
    const other = await mailingApp(app);
    const body = signupBody();
    await ok(new Client(other).post('/api/v1/signup-requests', body), 'sign-up request');
    const row = await app.db.selectFrom('mail_outbox').select('data').where('to_address', '=', body.email).where('kind', '=', 'signup_confirm').executeTakeFirstOrThrow();
    return { as: 'anonymous', url: '/api/v1/signup-requests/confirm', body: { token: JSON.parse(row.data).secret }, client: new Client(other) };
  },
  'POST /api/v1/password-resets': (w) => ({ as: 'anonymous', url: '/api/v1/password-resets', body: { email: w.stranger.email } }),
  'POST /api/v1/password-resets/lookup': async (w, app) => ({ as: 'anonymous', url: '/api/v1/password-resets/lookup', body: { token: await resetToken(w, app) } }),
  'POST /api/v1/password-resets/complete': async (w, app) => ({ as: 'anonymous', url: '/api/v1/password-resets/complete', body: { token: await resetToken(w, app), password: 'a reset passphrase' } }),
  'POST /api/v1/unsubscribe': async (w, app) => ({
    as: 'anonymous',
    url: '/api/v1/unsubscribe',
    body: { token: signUnsubscribe({ type: 'user', userId: w.owner.me.user.id, kind: 'daily_digest' }, await serverSecret(app.db, UNSUBSCRIBE_KEY)) },
  }),
  'PATCH /api/v1/mail-preferences': () => ({ as: 'owner', url: '/api/v1/mail-preferences', body: { dailyDigest: true } }),
  'POST /api/v1/calendar-feed': () => ({ as: 'owner', url: '/api/v1/calendar-feed', body: {} }),
  'DELETE /api/v1/calendar-feed': () => ({ as: 'owner', url: '/api/v1/calendar-feed' }),
  'POST /api/v1/imports': () => ({ as: 'admin', url: '/api/v1/imports', body: { entity: 'accounts', fileName: 'Account.csv', text: 'Id,Name\r\nA2,Another account\r\n' } }),
  'PATCH /api/v1/imports/:id': (w) => ({ as: 'admin', url: `/api/v1/imports/${w.ids.import}`, body: { options: { unmatchedOwner: 'me' }, version: w.versions.import } }),
  'POST /api/v1/imports/:id/dry-run': (w) => ({ as: 'admin', url: `/api/v1/imports/${w.ids.import}/dry-run` }),
  'POST /api/v1/imports/:id/start': (w) => ({ as: 'admin', url: `/api/v1/imports/${w.ids.import}/start`, body: { version: w.versions.import } }),
  'POST /api/v1/mails/:id/retry': async (w, app) => {
    await app.db.updateTable('mail_outbox').set({ status: 'dead' }).where('id', '=', w.ids.mail).execute();
    return { as: 'admin', url: `/api/v1/mails/${w.ids.mail}/retry` };
  },
  'POST /api/v1/api-tokens': () => ({ as: 'owner', url: '/api/v1/api-tokens', body: { name: `Script ${uniq()}`, scope: 'read', expiresOn: '2030-12-31' } }),
  'DELETE /api/v1/api-tokens/:id': async (w) => ({ as: 'owner', url: `/api/v1/api-tokens/${(await createApiToken(w.owner)).id}` }),
  'POST /api/v1/webhook-endpoints': () => ({ as: 'admin', url: '/api/v1/webhook-endpoints', body: { url: WEBHOOK_URL, events: ['opportunity.won', 'commitment.completed'] } }),
  'PATCH /api/v1/webhook-endpoints/:id': async (w) => ({
    as: 'admin',
    url: `/api/v1/webhook-endpoints/${w.ids.webhookEndpoint}`,
    body: { description: `Sync ${uniq()}`, version: (await w.admin.client.get(`/api/v1/webhook-endpoints/${w.ids.webhookEndpoint}`)).data.version },
  }),
  'DELETE /api/v1/webhook-endpoints/:id': async (w) => {
    const made = await ok(w.admin.client.post('/api/v1/webhook-endpoints', { url: WEBHOOK_URL, events: ['opportunity.won'] }), 'webhook endpoint');
    return { as: 'admin', url: `/api/v1/webhook-endpoints/${made.endpoint.id}`, headers: { 'if-match': `"${made.endpoint.version}"` } };
  },
  'POST /api/v1/webhook-endpoints/:id/secret': (w) => ({ as: 'admin', url: `/api/v1/webhook-endpoints/${w.ids.webhookEndpoint}/secret`, body: { version: w.versions.webhookEndpoint } }),
  'POST /api/v1/webhook-endpoints/:id/test': (w) => ({ as: 'admin', url: `/api/v1/webhook-endpoints/${w.ids.webhookEndpoint}/test` }),
  'POST /api/v1/webhook-deliveries/:id/retry': async (w, app) => {
    await app.db.updateTable('webhook_deliveries').set({ status: 'dead' }).where('id', '=', w.ids.webhookDelivery).execute();
    return { as: 'admin', url: `/api/v1/webhook-deliveries/${w.ids.webhookDelivery}/retry` };
  },
  'POST /api/v1/session': (w) => ({ as: 'anonymous', url: '/api/v1/session', body: { email: w.owner.email, password: PASSWORD } }),
  'DELETE /api/v1/session': async (w, app) => ({ as: 'owner', url: '/api/v1/session', client: await signedInAgain(app, w.owner.email) }),
  'POST /api/v1/demo/session': () => ({ as: 'anonymous', url: '/api/v1/demo/session', body: {} }),
  // A new member's password (changing it ends their other sessions: never the walk's own people's).
  'POST /api/v1/session/password': async (w, app) => ({
    as: 'owner',
    url: '/api/v1/session/password',
    body: { currentPassword: PASSWORD, newPassword: 'a changed passphrase' },
    client: (await addMember(app, w.admin.client, { role: 'rep' })).client,
  }),
  'DELETE /api/v1/session/others': () => ({ as: 'owner', url: '/api/v1/session/others' }),
  'PATCH /api/v1/workspace': async (w) => ({ as: 'admin', url: '/api/v1/workspace', body: { name: `Renamed ${uniq()}`, version: (await w.admin.client.get('/api/v1/workspace')).data.version } }),
  'POST /api/v1/workspace/exports': () => ({ as: 'admin', url: '/api/v1/workspace/exports', body: {} }),
  'PATCH /api/v1/workspace/focus-thresholds': async (w) => ({ as: 'admin', url: '/api/v1/workspace/focus-thresholds', body: { noAdvanceStreak: 4, version: (await w.admin.client.get('/api/v1/workspace/focus-thresholds')).data.version } }),
  'PATCH /api/v1/users/:id': async (w) => ({ as: 'owner', url: `/api/v1/users/${w.owner.me.user.id}`, body: { name: `Olivia ${uniq()}`, version: (await w.owner.client.get(`/api/v1/users/${w.owner.me.user.id}`)).data.version } }),
  'POST /api/v1/users/:id/deactivate': async (w, app) => {
    const leaver = await addMember(app, w.admin.client, { role: 'rep' });
    return { as: 'admin', url: `/api/v1/users/${leaver.me.user.id}/deactivate`, body: { transferToId: w.admin.me.user.id, version: leaver.me.user.version } };
  },
  'POST /api/v1/teams': () => ({ as: 'admin', url: '/api/v1/teams', body: { name: `Team ${uniq()}` } }),
  'PATCH /api/v1/teams/:id': async (w) => {
    const team = await ok(w.admin.client.post('/api/v1/teams', { name: `Team ${uniq()}` }), 'team');
    return { as: 'admin', url: `/api/v1/teams/${team.id}`, body: { name: `Team ${uniq()}`, version: team.version } };
  },
  'POST /api/v1/invites': () => ({ as: 'admin', url: '/api/v1/invites', body: { email: `inv-${uniq()}@example.com`, role: 'rep' } }),
  'POST /api/v1/invites/:id/revoke': async (w) => {
    const inv = await ok(w.admin.client.post('/api/v1/invites', { email: `inv-${uniq()}@example.com`, role: 'rep' }), 'invite');
    return { as: 'admin', url: `/api/v1/invites/${inv.invite.id}/revoke` };
  },
  'POST /api/v1/invites/lookup': async (w) => {
    const inv = await ok(w.admin.client.post('/api/v1/invites', { email: `inv-${uniq()}@example.com`, role: 'rep' }), 'invite');
    return { as: 'anonymous', url: '/api/v1/invites/lookup', body: { token: new URL(inv.url).pathname.split('/').pop() } };
  },
  'POST /api/v1/invites/accept': async (w) => {
    const inv = await ok(w.admin.client.post('/api/v1/invites', { email: `inv-${uniq()}@example.com`, role: 'rep' }), 'invite');
    return { as: 'anonymous', url: '/api/v1/invites/accept', body: { token: new URL(inv.url).pathname.split('/').pop(), name: 'New Rep', password: PASSWORD } };
  },
  'POST /api/v1/stages': () => ({ as: 'admin', url: '/api/v1/stages', body: { name: `Stage ${uniq()}` } }),
  'PATCH /api/v1/stages/:id': async (w) => {
    const stage = (await w.admin.client.get('/api/v1/stages')).data.data[0];
    return { as: 'admin', url: `/api/v1/stages/${stage.id}`, body: { name: `Stage ${uniq()}`, version: stage.version } };
  },
  'POST /api/v1/sweet-spot-criteria': () => ({ as: 'admin', url: '/api/v1/sweet-spot-criteria', body: { label: `Criterion ${uniq()}` } }),
  'PATCH /api/v1/sweet-spot-criteria/:id': async (w) => {
    const criterion = await ok(w.admin.client.post('/api/v1/sweet-spot-criteria', { label: `Criterion ${uniq()}` }), 'criterion');
    return { as: 'admin', url: `/api/v1/sweet-spot-criteria/${criterion.id}`, body: { label: `Criterion ${uniq()}`, version: criterion.version } };
  },
  'PATCH /api/v1/workspace/stage-gate': async (w) => {
    const [gate, stages] = [(await w.admin.client.get('/api/v1/workspace/stage-gate')).data, (await w.admin.client.get('/api/v1/stages')).data.data];
    const later = stages.filter((s: { archivedAt: string | null; id: string }) => !s.archivedAt && s.id !== gate.stage?.id);
    return { as: 'admin', url: '/api/v1/workspace/stage-gate', body: { stageId: later[later.length - 1].id, version: gate.version } };
  },
  'POST /api/v1/accounts': () => ({ as: 'stranger', url: '/api/v1/accounts', body: { name: `Mine ${uniq()}` } }),
  'PATCH /api/v1/accounts/:id': (w) => ({ as: 'owner', url: `/api/v1/accounts/${w.ids.account}`, body: { name: `Renamed ${uniq()}`, version: w.versions.account } }),
  'POST /api/v1/accounts/:id/archive': (w) => ({ as: 'owner', url: `/api/v1/accounts/${w.ids.account}/archive`, body: { version: w.versions.account } }),
  'POST /api/v1/accounts/:id/restore': async (w) => {
    const a = await ok(w.owner.client.post(`/api/v1/accounts/${w.ids.account}/archive`, { version: w.versions.account }), 'archive');
    return { as: 'owner', url: `/api/v1/accounts/${w.ids.account}/restore`, body: { version: a.version } };
  },
  'POST /api/v1/contacts': (w) => ({ as: 'owner', url: '/api/v1/contacts', body: { accountId: w.ids.account, name: 'Dana Contact' } }),
  'PATCH /api/v1/contacts/:id': (w) => ({ as: 'owner', url: `/api/v1/contacts/${w.ids.contact}`, body: { name: 'Carla C.', version: w.versions.contact } }),
  'POST /api/v1/contacts/:id/archive': (w) => ({ as: 'owner', url: `/api/v1/contacts/${w.ids.contact}/archive`, body: { version: w.versions.contact } }),
  'POST /api/v1/contacts/:id/restore': async (w) => {
    const c = await ok(w.owner.client.post(`/api/v1/contacts/${w.ids.contact}/archive`, { version: w.versions.contact }), 'archive');
    return { as: 'owner', url: `/api/v1/contacts/${w.ids.contact}/restore`, body: { version: c.version } };
  },
  'POST /api/v1/opportunities': (w) => ({ as: 'stranger', url: '/api/v1/opportunities', body: { accountId: w.ids.account, name: 'My deal', amount: { amountMinor: 5, currency: 'EUR' }, closeDate: '2030-02-01' } }),
  'PATCH /api/v1/opportunities/:id': (w) => ({ as: 'owner', url: `/api/v1/opportunities/${w.ids.opportunity}`, body: { name: 'Deal 2', version: w.versions.opportunity } }),
  'PATCH /api/v1/opportunities/:id/qualification': (w) => ({ as: 'owner', url: `/api/v1/opportunities/${w.ids.opportunity}/qualification`, body: { changeCommitment: 'stated', version: w.versions.opportunity } }),
  'POST /api/v1/opportunities/:id/archive': (w) => ({ as: 'owner', url: `/api/v1/opportunities/${w.ids.opportunity}/archive`, body: { version: w.versions.opportunity } }),
  'POST /api/v1/opportunities/:id/restore': async (w) => {
    const o = await ok(w.owner.client.post(`/api/v1/opportunities/${w.ids.opportunity}/archive`, { version: w.versions.opportunity }), 'archive');
    return { as: 'owner', url: `/api/v1/opportunities/${w.ids.opportunity}/restore`, body: { version: o.version } };
  },
  'POST /api/v1/opportunities/:id/plan': async (w) => {
    const opp = await ok(w.owner.client.post('/api/v1/opportunities', { accountId: w.ids.account, name: 'Deal B', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2030-01-31' }), 'opportunity');
    return { as: 'owner', url: `/api/v1/opportunities/${opp.id}/plan`, body: { title: 'Plan B', targetDate: '2027-01-31' } };
  },
  'PATCH /api/v1/plans/:id': (w) => ({ as: 'owner', url: `/api/v1/plans/${w.ids.plan}`, body: { title: 'Plan 2', version: w.versions.plan } }),
  'POST /api/v1/plans/:id/reopen': async (w) => {
    const closed = await ok(w.owner.client.patch(`/api/v1/plans/${w.ids.plan}`, { status: 'completed', version: w.versions.plan }), 'complete plan');
    return { as: 'owner', url: `/api/v1/plans/${w.ids.plan}/reopen`, body: { version: closed.version } };
  },
  'POST /api/v1/plans/:id/milestones': (w) => ({ as: 'owner', url: `/api/v1/plans/${w.ids.plan}/milestones`, body: { title: 'Decide' } }),
  'PATCH /api/v1/milestones/:id': (w) => ({ as: 'owner', url: `/api/v1/milestones/${w.ids.milestone}`, body: { title: 'Evaluate 2', version: w.versions.milestone } }),
  'POST /api/v1/milestones/:id/archive': (w) => ({ as: 'owner', url: `/api/v1/milestones/${w.ids.milestone}/archive`, body: { version: w.versions.milestone } }),
  'POST /api/v1/milestones/:id/restore': async (w) => {
    const m = await ok(w.owner.client.post(`/api/v1/milestones/${w.ids.milestone}/archive`, { version: w.versions.milestone }), 'archive');
    return { as: 'owner', url: `/api/v1/milestones/${w.ids.milestone}/restore`, body: { version: m.version } };
  },
  'POST /api/v1/plans/:id/commitments': (w) => ({ as: 'owner', url: `/api/v1/plans/${w.ids.plan}/commitments`, body: { side: 'seller', title: 'Demo', dueDate: '2027-01-11' } }),
  'POST /api/v1/plans/:id/layout': async (w) => ({
    as: 'owner',
    url: `/api/v1/plans/${w.ids.plan}/layout`,
    body: { milestones: [{ id: w.ids.milestone, commitmentIds: [w.ids.customer2, w.ids.customer, w.ids.seller] }], basis: await readLayout(w.owner.client, w.ids.plan) },
  }),
  'PATCH /api/v1/commitments/:id': (w) => ({ as: 'owner', url: `/api/v1/commitments/${w.ids.seller}`, body: { status: 'done', version: w.versions.seller } }),
  'POST /api/v1/commitments/:id/renegotiations': (w) => ({ as: 'owner', url: `/api/v1/commitments/${w.ids.seller}/renegotiations`, body: { newDate: '2027-01-15', reason: 'Waiting on legal' } }),
  'POST /api/v1/renegotiations/:id/accept': (w) => ({ as: 'owner', url: `/api/v1/renegotiations/${w.ids.fromCustomer}/accept`, body: {} }),
  'POST /api/v1/renegotiations/:id/decline': (w) => ({ as: 'owner', url: `/api/v1/renegotiations/${w.ids.fromCustomer}/decline`, body: {} }),
  'POST /api/v1/plan-templates': () => ({ as: 'stranger', url: '/api/v1/plan-templates', body: { name: `Mine ${uniq()}`, lengthDays: 30, milestones: [], commitments: [] } }),
  'POST /api/v1/plan-templates/:id/archive': (w) => ({ as: 'owner', url: `/api/v1/plan-templates/${w.ids.template}/archive`, body: { version: w.versions.template } }),
  'POST /api/v1/plans/:id/template': (w) => ({ as: 'stranger', url: `/api/v1/plans/${w.ids.plan}/template`, body: { name: `From plan ${uniq()}` } }),
  'POST /api/v1/plans/:id/share-links': (w) => ({ as: 'owner', url: `/api/v1/plans/${w.ids.plan}/share-links`, body: { recipientName: 'Bo' } }),
  'POST /api/v1/share-links/:id/revoke': (w) => ({ as: 'owner', url: `/api/v1/share-links/${w.ids.shareLink}/revoke` }),
  'POST /api/v1/plans/:id/comments': (w) => ({ as: 'stranger', url: `/api/v1/plans/${w.ids.plan}/comments`, body: { body: 'Happy to help' } }),
  'POST /api/v1/accounts/:id/objectives': (w) => ({ as: 'owner', url: `/api/v1/accounts/${w.ids.account}/objectives`, body: { title: `Objective ${uniq()}`, kind: 'renewal', targetDate: '2027-09-30' } }),
  'PATCH /api/v1/objectives/:id': (w) => ({ as: 'owner', url: `/api/v1/objectives/${w.ids.objective}`, body: { status: 'active', version: w.versions.objective } }),
  'POST /api/v1/objectives/:id/contributors': (w) => ({ as: 'owner', url: `/api/v1/objectives/${w.ids.objective}/contributors`, body: { userId: w.admin.me.user.id } }),
  'DELETE /api/v1/objectives/:id/contributors/:userId': async (w, app) => {
    const helper = await addMember(app, w.admin.client, { role: 'rep' });
    await ok(w.owner.client.post(`/api/v1/objectives/${w.ids.objective}/contributors`, { userId: helper.me.user.id }), 'invite contributor');
    return { as: 'owner', url: `/api/v1/objectives/${w.ids.objective}/contributors/${helper.me.user.id}` };
  },
  'POST /api/v1/objectives/:id/insights': (w) => ({ as: 'owner', url: `/api/v1/objectives/${w.ids.objective}/insights`, body: { body: 'Their CFO changed' } }),
  'POST /api/v1/objectives/:id/tasks': (w) => ({ as: 'owner', url: `/api/v1/objectives/${w.ids.objective}/tasks`, body: { title: 'Intro to the CFO', dueDate: '2027-01-17' } }),
  'POST /api/v1/interactions': (w) => ({
    as: 'stranger',
    url: '/api/v1/interactions',
    body: { kind: 'demo', accountId: w.ids.account, startsAt: '2027-02-01T14:00:00Z', timeZone: 'Europe/Paris', outcomeKind: 'information', outcomeStatement: 'They share their evaluation criteria' },
  }),
  'PATCH /api/v1/interactions/:id': (w) => ({ as: 'owner', url: `/api/v1/interactions/${w.ids.interaction}`, body: { startsAt: '2027-01-06T09:00:00Z', version: w.versions.interaction } }),
  'POST /api/v1/interactions/:id/cancel': (w) => ({ as: 'owner', url: `/api/v1/interactions/${w.ids.interaction}/cancel`, body: { version: w.versions.interaction } }),
  'POST /api/v1/interactions/:id/result': (w) => ({
    as: 'owner',
    url: `/api/v1/interactions/${w.ids.happened}/result`,
    body: { result: 'advanced', agreed: 'A pilot', agreedActions: [{ title: 'Send the pilot terms', side: 'seller', dueDate: '2027-01-08' }], version: w.versions.happened },
  }),
  'PATCH /api/v1/check-in-template': async (w) => {
    const now = await ok(w.admin.client.get('/api/v1/check-in-template'), 'check-in questions');
    return { as: 'admin', url: '/api/v1/check-in-template', body: { questions: [...now.questions, { text: `Question ${uniq()}` }].slice(-12), version: now.version } };
  },
  // The rep's manager or an admin (here for the rep who owns nothing: a rep may not set one up for themselves).
  'POST /api/v1/check-in-series': (w) => ({ as: 'admin', url: '/api/v1/check-in-series', body: { repId: w.stranger.me.user.id, cadence: 'monthly', dayOfMonth: 15, time: '16:00' } }),
  'PATCH /api/v1/check-in-series/:id': (w) => ({ as: 'admin', url: `/api/v1/check-in-series/${w.ids.checkInSeries}`, body: { time: '10:00', version: w.versions.checkInSeries } }),
  'POST /api/v1/check-in-series/:id/check-ins': async (w) => {
    const series = await ok(w.admin.client.get(`/api/v1/check-in-series/${w.ids.checkInSeries}`), 'series');
    return { as: 'owner', url: `/api/v1/check-in-series/${w.ids.checkInSeries}/check-ins`, body: { scheduledAt: new Date(Date.parse(series.next.scheduledAt) + 7 * 86_400_000).toISOString() } };
  },
  'PATCH /api/v1/check-ins/:id': (w) => ({ as: 'admin', url: `/api/v1/check-ins/${w.ids.checkIn}`, body: { status: 'held', version: w.versions.checkIn } }),
  'PATCH /api/v1/check-ins/:id/answers': (w) => ({ as: 'owner', url: `/api/v1/check-ins/${w.ids.checkIn}/answers`, body: { answers: [{ questionId: 'help', text: 'Pricing' }], submit: true, version: 1 } }),
  'POST /api/v1/check-ins/:id/notes': (w) => ({ as: 'admin', url: `/api/v1/check-ins/${w.ids.checkIn}/notes`, body: { body: 'Shared thought', visibility: 'shared' } }),
  'PATCH /api/v1/check-in-notes/:id': (w) => ({ as: 'admin', url: `/api/v1/check-in-notes/${w.ids.checkInNote}`, body: { visibility: 'shared', version: 1 } }),
  // The manager running the check-in (here the admin) coaches: a why ladder that is the rep's.
  'POST /api/v1/check-ins/:id/coaching': (w) => ({ as: 'admin', url: `/api/v1/check-ins/${w.ids.checkIn}/coaching`, body: { start: 'Hit my quota' } }),
  'POST /api/v1/check-ins/:id/coaching/rungs': async (w) => {
    const started = await ok(w.admin.client.post(`/api/v1/check-ins/${w.ids.checkIn}/coaching`, { start: 'Hit my quota' }), 'coaching');
    return { as: 'admin', url: `/api/v1/check-ins/${w.ids.checkIn}/coaching/rungs`, body: { answer: 'A bigger commission', version: started.coaching.session.ladderVersion } };
  },
  'POST /api/v1/check-ins/:id/coaching/close': async (w) => {
    const started = await ok(w.admin.client.post(`/api/v1/check-ins/${w.ids.checkIn}/coaching`, { start: 'Hit my quota' }), 'coaching');
    return { as: 'admin', url: `/api/v1/check-ins/${w.ids.checkIn}/coaching/close`, body: { stoppedChanging: true, version: started.coaching.session.ladderVersion } };
  },
  'POST /api/v1/check-ins/:id/actions': (w) => ({ as: 'owner', url: `/api/v1/check-ins/${w.ids.checkIn}/actions`, body: { title: 'Practise the pricing talk', dueDate: '2027-01-18' } }),
  'PATCH /api/v1/workspace/fiscal-year': async (w) => {
    const now = await ok(w.admin.client.get('/api/v1/workspace/fiscal-year'), 'fiscal settings');
    return { as: 'admin', url: '/api/v1/workspace/fiscal-year', body: { fiscalYearStartMonth: now.fiscalYearStartMonth === 4 ? 10 : 4, version: now.version } };
  },
  // The owner's manager or an admin sets a rep's yearly target (version 0: there was none for that year yet).
  'POST /api/v1/users/:id/targets': async (w) => {
    const planning = await ok(w.admin.client.get(`/api/v1/account-planning?userId=${w.owner.me.user.id}&fiscalYear=2027`), 'planning');
    return { as: 'admin', url: `/api/v1/users/${w.owner.me.user.id}/targets`, body: { fiscalYear: 2027, amount: { amountMinor: 10_000_000 + Math.floor(Math.random() * 1000), currency: 'USD' }, version: planning.target?.version ?? 0 } };
  },
  // A closed deal's owner answers the rep's side of its retrospective.
  'POST /api/v1/opportunities/:id/retrospective': async (w) => {
    const deal = await ok(w.owner.client.post('/api/v1/opportunities', { accountId: w.ids.account, name: `Won ${uniq()}`, amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-01-31' }), 'deal');
    await ok(w.owner.client.patch(`/api/v1/opportunities/${deal.id}`, { status: 'won', version: deal.version }), 'close');
    const answers = { plannedOutcomes: 'yes', advancesWon: 'yes', customerKept: 'partly', mutualPlan: 'no', changeCommitment: 'yes' };
    return { as: 'owner', url: `/api/v1/opportunities/${deal.id}/retrospective`, body: { answers, processJudgement: 'sound', version: 0 } };
  },
  // A rep's why ladder: its owner alone (to anyone else it does not exist).
  'POST /api/v1/why-ladders': () => ({ as: 'stranger', url: '/api/v1/why-ladders', body: { start: 'Hit my quota' } }),
  'PATCH /api/v1/why-ladders/:id': (w) => ({ as: 'owner', url: `/api/v1/why-ladders/${w.ids.ladder}`, body: { sharedWithManager: true, version: w.versions.ladder } }),
  'POST /api/v1/why-ladders/:id/rungs': (w) => ({ as: 'owner', url: `/api/v1/why-ladders/${w.ids.ladder}/rungs`, body: { answer: 'A bigger commission', version: w.versions.ladder } }),
  'POST /api/v1/why-ladders/:id/end': (w) => ({ as: 'owner', url: `/api/v1/why-ladders/${w.ids.ladder}/end`, body: { version: w.versions.ladder } }),
  // What goals: anyone sets their own; the owner takes the steps.
  'POST /api/v1/goals': () => ({ as: 'stranger', url: '/api/v1/goals', body: { kind: 'learning', title: 'Listen more', periodStart: '2026-01-01', periodEnd: '2027-12-31', firstStep: 'Ask one open question' } }),
  'PATCH /api/v1/goals/:id': (w) => ({ as: 'owner', url: `/api/v1/goals/${w.ids.goal}`, body: { title: 'Plan every customer call', version: w.versions.goal } }),
  'POST /api/v1/goals/:id/complete-step': (w) => ({ as: 'owner', url: `/api/v1/goals/${w.ids.goal}/complete-step`, body: { lesson: 'It helps', nextStep: 'Plan Friday’s call', version: w.versions.goal } }),
  'POST /api/v1/goals/:id/notes': (w) => ({ as: 'owner', url: `/api/v1/goals/${w.ids.goal}/notes`, body: { body: 'Planned three calls' } }),
  'POST /api/v1/notifications/:id/read': (w) => ({ as: 'owner', url: `/api/v1/notifications/${w.ids.notification}/read` }),
  'POST /api/v1/notifications/read-all': () => ({ as: 'owner', url: '/api/v1/notifications/read-all' }),
  // Only someone in the demo workspace may reset it (anyone else: 403).
  'POST /api/v1/demo/reset': async (_w, app) => {
    const visitor = new Client(app);
    await ok(visitor.post('/api/v1/demo/session', {}), 'demo session');
    return { as: 'owner', url: '/api/v1/demo/reset', client: visitor };
  },
  'POST /api/v1/shared/:token/commitments/:id/state': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/commitments/${w.ids.customer2}/state`, body: { done: true } }),
  'POST /api/v1/shared/:token/commitments/:id/renegotiations': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/commitments/${w.ids.seller}/renegotiations`, body: { newDate: '2027-01-19', reason: 'Need it later' } }),
  'POST /api/v1/shared/:token/renegotiations/:id/accept': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/renegotiations/${w.ids.fromSeller}/accept` }),
  'POST /api/v1/shared/:token/renegotiations/:id/decline': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/renegotiations/${w.ids.fromSeller}/decline` }),
  'POST /api/v1/shared/:token/comments': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/comments`, body: { body: 'Thanks' } }),
  'POST /api/v1/shared/:token/commitments': (w) => ({ as: 'guest', url: `/api/v1/shared/${w.token}/commitments`, body: { title: 'Send logo', dueDate: '2027-01-13' } }),
};

/** The client a principal calls with (a guest and anonymous hold no session). */
export function clientOf(w: World, app: App, call: Call): Client {
  if (call.client) return call.client;
  if (call.as === 'anonymous' || call.as === 'guest') return new Client(app);
  return w[call.as].client;
}
