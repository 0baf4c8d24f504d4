import { randomBytes } from 'node:crypto';
import { rejudgeCommitmentDeal } from '../commitments/customer-word.js';
import { addDays, todayIn } from '../../../domain/dates.js';
import type { Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';
import { Client as ClientClass, createAccount, type Client } from '../../test/factories.js';
import { seedBuiltInTemplates } from '../templates/templates.js';
import { layoutOf } from '../../../web/features/plans/layout.js';

/** Test factories for plans: each builds through the API, like a person would. */

const uniq = () => randomBytes(4).toString('hex');

function ok(res: { statusCode: number; body: string }, what: string, status = 201) {
  if (res.statusCode !== status) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
}

/** A calendar date `days` from today in `timeZone` (negative: in the past). */
export const dayIn = (timeZone: string, days: number, now = new Date()) => addDays(todayIn(timeZone, now), days);

export async function createDeal(client: Client, body: Record<string, unknown> = {}) {
  const accountId = (body.accountId as string | undefined) ?? (await createAccount(client)).id;
  const res = await client.post('/api/v1/opportunities', {
    accountId,
    name: `Deal ${uniq()}`,
    amount: { amountMinor: 1_000_000, currency: 'EUR' },
    closeDate: '2030-06-30',
    ...body,
  });
  ok(res, 'create opportunity');
  return res.data;
}

export async function createPlan(client: Client, opportunityId?: string, body: Record<string, unknown> = {}) {
  const oppId = opportunityId ?? (await createDeal(client)).id;
  const res = await client.post(`/api/v1/opportunities/${oppId}/plan`, {
    title: 'Evaluation plan',
    agreedOutcome: 'Go live with 200 users by March',
    targetDate: '2030-03-31',
    ...body,
  });
  ok(res, 'create plan');
  return res.data;
}

export async function addCommitment(client: Client, planId: string, body: Record<string, unknown> = {}) {
  const fields = { side: 'seller', title: `Commitment ${uniq()}`, dueDate: '2030-01-15', ...body };
  const res = await client.post(`/api/v1/plans/${planId}/commitments`, fields);
  if (res.statusCode === 422 && res.data.error.code === 'date_in_past') return agreedEarlier(client, planId, fields);
  ok(res, 'add commitment');
  return res.data;
}

/**
 * A commitment whose due day has gone by. The API refuses a new date in the past, so it is made the
 * way it happens in life: agreed for a day still ahead, then time passes — here, its dates are moved
 * back in the database (nothing else about it changes).
 */
async function agreedEarlier(client: Client, planId: string, fields: Record<string, unknown>) {
  const res = await client.post(`/api/v1/plans/${planId}/commitments`, { ...fields, dueDate: '2030-01-15' });
  ok(res, 'add commitment');
  const dueDate = fields.dueDate as string;
  await client.app.db.updateTable('commitments').set({ due_date: dueDate, original_due_date: dueDate }).where('id', '=', res.data.id).execute();
  await rejudgeCommitmentDeal(client.app.db, res.data.id);
  return (await client.get(`/api/v1/commitments/${res.data.id}`)).data;
}

export async function addMilestone(client: Client, planId: string, title = `Milestone ${uniq()}`) {
  const res = await client.post(`/api/v1/plans/${planId}/milestones`, { title });
  ok(res, 'add milestone');
  return res.data;
}

export async function createContact(client: Client, accountId: string, name = 'Carla Customer') {
  const res = await client.post('/api/v1/contacts', { accountId, name, email: `carla-${uniq()}@customer.example` });
  ok(res, 'create contact');
  return res.data;
}

/** A date proposed by the customer, through their share link (one link per plan, made on first use). */
const links = new Map<string, string>();
export async function customerProposes(client: Client, planId: string, commitmentId: string, newDate: string, reason = 'Our legal team is out') {
  let api = links.get(planId);
  if (!api) {
    api = (await shareLink(client, planId)).api;
    links.set(planId, api);
  }
  const res = await new ClientClass(client.app).post(`${api}/commitments/${commitmentId}/renegotiations`, { newDate, reason });
  ok(res, 'customer proposes a date');
  const renegotiations: { id: string }[] = res.data.renegotiations;
  return renegotiations[renegotiations.length - 1];
}

/** Gives a workspace the built-in templates, as sign-up does (idempotent). */
export async function withBuiltInTemplates(db: Db, workspaceId: string) {
  await new Scope(db, workspaceId).transaction((tx) => seedBuiltInTemplates(tx));
}

/** A share link for a plan; returns the link, its URL and the bare token. */
export async function shareLink(client: Client, planId: string, body: Record<string, unknown> = {}) {
  const res = await client.post(`/api/v1/plans/${planId}/share-links`, { recipientName: 'Carla Customer', recipientEmail: 'carla@customer.example', ...body });
  ok(res, 'create share link');
  const token = new URL(res.data.url).pathname.split('/').pop() as string;
  return { link: res.data.shareLink, url: res.data.url as string, token, api: `/api/v1/shared/${token}` };
}

/** A plan's order as GET /plans/{id} shows it, in the layout call's shape (the web app's own `layoutOf`): the `basis` of a layout. */
export async function readLayout(client: Client, planId: string) {
  return layoutOf((await client.get(`/api/v1/plans/${planId}`)).data);
}
