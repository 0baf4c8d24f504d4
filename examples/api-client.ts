/**
 * A client generated from Advance's OpenAPI document, used the way an integrator would: sign up and
 * sign in, list opportunities, open a plan, tick a commitment off, read the answer to a stale
 * write, then make a personal API token and call with it as a script would, and revoke it. CI generates `advance-api.d.ts` beside this file from a running server, type-checks this
 * file against it and runs it (scripts/api-client-check.ts); docs/api.md walks through it.
 *
 *   npx openapi-typescript http://localhost:3000/api/openapi.json -o advance-api.d.ts
 *   ADVANCE_URL=http://localhost:3000 npx tsx api-client.ts
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './advance-api.js';

type Commitment = components['schemas']['Commitment'];

const baseUrl = process.env.ADVANCE_URL ?? 'http://localhost:3000';
const client = createClient<paths>({ baseUrl });

// The session is a cookie, and writes carry the server's Origin: outside a browser, send both.
let session = '';
client.use({
  onRequest({ request }) {
    request.headers.set('origin', new URL(baseUrl).origin);
    if (session) request.headers.set('cookie', session);
    return request;
  },
  onResponse({ response }) {
    const cookie = response.headers.getSetCookie().find((c) => c.includes('advance_session='));
    if (cookie) session = cookie.split(';')[0];
    return response;
  },
});

/** The data of a successful call, or a thrown error with the API's error code and message. */
function ok<T>(result: { data?: T; error?: { error: { code: string; message: string } }; response: Response }): T {
  if (result.data === undefined) throw new Error(`${result.response.status} ${result.error?.error.code}: ${result.error?.error.message}`);
  return result.data;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const email = `ana+${Date.now()}@example.com`;
const password = 'correct horse battery staple';

// Sign up (a new workspace, signed in at once), then sign in again as anyone would later.
ok(await client.POST('/api/v1/signup', { body: { workspaceName: 'Acme Sales', name: 'Ana Admin', email, password, timeZone: 'Europe/Paris' } }));
session = '';
const me = ok(await client.POST('/api/v1/session', { body: { email, password } }));
console.log(`signed in as ${me.user.name} in ${me.workspace.name}`);

// An account and an opportunity to plan, then the list of opportunities.
const account = ok(await client.POST('/api/v1/accounts', { body: { name: 'Globex', domain: 'globex.example' } }));
ok(
  await client.POST('/api/v1/opportunities', {
    body: { accountId: account.id, name: 'Globex rollout', amount: { amountMinor: 4_800_000, currency: 'EUR' }, closeDate: inDays(60) },
  }),
);
const opportunities = ok(await client.GET('/api/v1/opportunities', { params: { query: { sort: '-updatedAt', limit: 20 } } }));
const deal = opportunities.data[0];
console.log(`opportunities: ${opportunities.data.map((o) => `${o.name} (${o.amount.amountMinor / 100} ${o.amount.currency})`).join(', ')}`);

// A mutual plan for the deal, with one commitment on the seller's side; then open it.
const created = ok(await client.POST('/api/v1/opportunities/{id}/plan', { params: { path: { id: deal.id } }, body: { title: 'Globex rollout plan', targetDate: inDays(45) } }));
ok(
  await client.POST('/api/v1/plans/{id}/commitments', {
    params: { path: { id: created.id } },
    body: { side: 'seller', title: 'Send the security questionnaire', dueDate: inDays(7) },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  }),
);
const plan = ok(await client.GET('/api/v1/plans/{id}', { params: { path: { id: created.id } } }));
const commitment: Commitment = plan.commitments[0];
console.log(`plan "${plan.title}": ${plan.commitments.length} commitment(s), "${commitment.title}" due ${commitment.dueDate}`);

// Tick it off, sending the version we read.
const done = ok(await client.PATCH('/api/v1/commitments/{id}', { params: { path: { id: commitment.id } }, body: { status: 'done', version: commitment.version } }));
console.log(`"${done.title}" is ${done.status} (version ${done.version})`);

// A stale write: the version we read first is no longer current. Nothing is written; the answer is
// 409 version_conflict with the commitment as it now is.
const stale = await client.PATCH('/api/v1/commitments/{id}', { params: { path: { id: commitment.id } }, body: { title: 'Send the questionnaire', version: commitment.version } });
if (stale.response.status !== 409) throw new Error(`expected 409, got ${stale.response.status}`);
// The document types each status's body: a 409 here carries the commitment in error.current.
type Conflict = paths['/api/v1/commitments/{id}']['patch']['responses'][409]['content']['application/json'];
const conflict = (stale.error as Conflict).error;
const current = conflict.current;
console.log(`stale write refused: 409 ${conflict.code}; current version ${current?.version}, status ${current?.status}, title "${current?.title}"`);
if (conflict.code !== 'version_conflict' || current?.version !== done.version || current.title !== done.title) {
  throw new Error('the conflict should carry the commitment as it now is');
}

// A personal API token, made once with the session (the secret is shown only in this answer), then
// used the way a script would: `Authorization: Bearer`, no cookie and no Origin header.
const made = ok(await client.POST('/api/v1/api-tokens', { body: { name: 'Nightly sync', scope: 'read_write', expiresOn: inDays(90) } }));
const script = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${made.secret}` } });
const seen = ok(await script.GET('/api/v1/opportunities', { params: { query: { limit: 5 } } }));
const added = ok(await script.POST('/api/v1/accounts', { body: { name: 'Initech' } }));
console.log(`token "${made.token.name}" (${made.token.scope}, …${made.token.hint}, last day ${made.token.expiresOn}): ${seen.data.length} opportunity(ies), created account ${added.name}`);
// Revoked, it stops at once: 401 not_signed_in.
const revoked = await client.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id: made.token.id } } });
if (revoked.response.status !== 204) throw new Error(`expected 204, got ${revoked.response.status}`);
const refused = await script.GET('/api/v1/opportunities', { params: { query: { limit: 5 } } });
if (refused.response.status !== 401 || refused.error?.error.code !== 'not_signed_in') throw new Error(`a revoked token should get 401, got ${refused.response.status}`);
console.log(`revoked: the token now gets ${refused.response.status} ${refused.error.error.code}`);
