import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';
import type { ApiTag, FileMediaType } from '../../shared/routes/define.js';
import { cookieName } from './auth/sessions.js';
import type { Config } from './config.js';
import type { App, RouteInfo } from './http.js';
import { isCreating, isVersioned, operationErrors } from './operation-errors.js';
import { takesCredentials, withPermission } from './permissions.js';

/**
 * `/api/openapi.json` (OpenAPI 3.1) and `/api/docs`. Operations come from the route table
 * (src/shared/routes) as registered by core/route.ts; this file adds what the contracts imply for
 * clients: the error answers of each operation (one `Error` schema), its security, the If-Match and
 * Idempotency-Key headers, the servers and the licence. `npm run lint:api` holds it to Redocly's
 * recommended rules.
 */

const TAGS: Record<ApiTag, string> = {
  session: 'Signing up, in and out, and the demo workspace. Signing in sets the session cookie that every other call sends.',
  people: 'The workspace, its people and teams, and invites to join it.',
  stages: 'The pipeline stages opportunities move through, in order.',
  accounts: 'Customer companies.',
  interactions:
    'Calls, meetings, demos, emails and visits, each with a planned outcome (the advance the customer should agree to), then its result: advanced (with agreed actions that become commitments), continuation or no advance; advance rates with n and a 95 % interval.',
  objectives: 'Strategic objectives on accounts: the next major milestone of the relationship, its client goal, financial target and date; contributors, their insights and tasks (commitments).',
  contacts: 'People at an account, with their buying role.',
  opportunities: 'Deals: amount, close date, stage and status.',
  qualification:
    'Qualifying deals: the workspace’s sweet-spot criteria and stage gate, and on each opportunity its sweet-spot fit, commitment to change (with evidence), cost of inaction and compelling event.',
  plans: 'Mutual plans: milestones and commitments on both sides, new dates proposed with a reason, templates, share links, comments and reliability.',
  notifications: 'What customers did on your plans through their share links.',
  search: 'One search box over accounts, contacts, opportunities and plans.',
  goals: 'Goals people care about: why ladders (private to their rep unless shared with the rep’s manager), what goals (outcome, process, learning) measured from Advance’s data with n and intervals, and one tiny next step at a time.',
  targets: 'The fiscal calendar, each rep’s yearly target per fiscal year, and account planning: the target against the financial targets of the rep’s objectives due in the year, per currency, and the gap.',
  coaching:
    'Coaching figures that tell signal from noise: a rep’s process first (planned outcomes, advances, commitments kept on both sides) then outcomes, each rate with n and its 95 % interval, weekly series on process-behaviour charts; a team’s reps by name, never ranked, a figure flagged only when a two-proportion test says it differs from the rest of the team.',
  'check-ins': 'Check-ins: recurring 1:1s between a manager and a rep — the schedule on the manager’s clock, the workspace’s questions, the rep’s answers, notes private or shared, agreed actions (commitments) and the rep’s data beside them.',
  mail:
    'Email: each person’s choice of the mails they get, one-click unsubscribe, and the outbox admins watch (every mail is queued in the transaction of its event and sent by a worker; without SMTP it stays there to read).',
  calendar:
    'Calendar feeds (iCalendar, RFC 5545): each person’s secret feed URL of their open commitments and planned interactions, and the customer’s own side of a shared plan. The feeds answer `text/calendar` with an ETag; the URL’s token is the only key, so treat it like a password.',
  imports:
    'CSV import from CRM exports (admins): upload a Salesforce or HubSpot export, check the suggested column mapping, a preview and a dry run listing each row’s problems, then run it in the background and read what was created, updated and skipped. Source ids are kept, so importing the same file again updates instead of duplicating.',
  'api tokens':
    'Personal API tokens for scripts and integrations: send one as `Authorization: Bearer adv_…`. A token acts for the person who made it, with their role at the time of each request; a `read` token may only read. Making, listing and revoking tokens needs a signed-in session.',
  webhooks:
    'Signed webhooks (admins): HTTPS endpoints subscribed to events, each delivery queued in the transaction of its event, signed with HMAC-SHA256 (`Advance-Signature: t=…,v1=…`), retried with backoff, and logged with the receiver’s status and time.',
  'shared plan (customer)':
    'The customer’s side of a plan, reached with the share token in the path and nothing else (no cookie). The token is a secret: treat the URL like a password.',
};

/** What each code means to a client, shown under the status that carries it. */
const CODE_NOTES: Record<ErrorCode, string> = {
  validation_failed: 'the input breaks the contract; `error.details` names each bad field (`path`, `message`)',
  invalid_json: 'the body is not JSON, or is nested too deeply',
  invalid_cursor: 'the `cursor` is not one this list handed out',
  not_signed_in: 'no valid session or API token (a token that is unknown, revoked or expired, or whose person was deactivated; the answer carries `WWW-Authenticate: Bearer`)',
  invalid_credentials: 'the email and password do not match',
  forbidden: 'signed in, but not allowed to do this (with an API token: a read token asked to write, or any token on account security)',
  origin_mismatch: 'a write without the Origin of this server',
  not_found: 'nothing with this id here (also for another workspace’s records, and ids of the wrong shape)',
  method_not_allowed: 'this path does not take this method',
  version_conflict: 'the record changed since the version you sent; `error.current` holds it as it now is',
  duplicate: 'something with this value exists already; `error.details` names the field',
  plan_closed: 'the plan is completed or abandoned: nothing on it changes until it is reopened',
  qualification_required: 'the workspace’s stage gate refuses moving this deal into or past that stage without an evidenced commitment to change; `error.details` names `changeCommitment` and says what is missing',
  idempotency_in_progress: 'a request with this Idempotency-Key is still running; retry after `Retry-After` seconds',
  payload_too_large: 'the body is over 1 MB',
  uri_too_long: 'a value in the URL is too long',
  unsupported_media_type: 'the body is not sent as `application/json`',
  headers_too_large: 'the request’s headers pass 16 KiB (answered before any route runs)',
  rule_violation: 'a rule of the method refuses the change; the message says which',
  idempotency_key_reused: 'this Idempotency-Key was used for a different request',
  date_in_past: 'a new date is before today in the time zone it is judged in; `error.details` names the field',
  not_happened_yet: 'the interaction’s time has not come yet: its result is recorded once it has happened',
  too_many_requests: 'too many requests (or too many with a wrong API token from this address); wait `Retry-After` seconds',
  internal_error: 'something failed on the server; quote `error.requestId`',
  not_ready: 'the server is not ready',
};

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Refused by a rule',
  429: 'Too many requests',
};

/** What a downloaded file is, by media type (operations that answer a file: RouteSpec.file); otherwise "OK". */
const FILE_DESCRIPTIONS: Partial<Record<FileMediaType, string>> = {
  'text/csv':
    "The CSV file: RFC 4180, UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends, one header row, ids first. A text cell starting with =, +, -, @, a tab or a carriage return is prefixed with ' (and quoted) so spreadsheets show it instead of running it as a formula.",
  'application/zip': 'The zip archive (its files are listed in the operation’s description).',
};
/** A file's schema by media type; otherwise the contract's response schema. */
const FILE_SCHEMAS: Partial<Record<FileMediaType, Json>> = { 'text/csv': { type: 'string' }, 'application/zip': { type: 'string', contentMediaType: 'application/zip' } };
const ETAG_HEADER = { ETag: { description: 'A strong validator of this version of the file; send it back as If-None-Match.', schema: { type: 'string' } } };

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const RETRY_AFTER = { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } };

/**
 * Who may call an operation, as OpenAPI security. OpenAPI has no scheme for a secret in the path,
 * so the customer's routes say "no credentials" and their `token` parameter says it is the key.
 * Everything else takes the session cookie or, in its place, an API token — writes a `read_write`
 * one (the role OpenAPI 3.1 lets a non-OAuth scheme list) — except account security (sessionOnly).
 */
function securityFor(info: Pick<RouteInfo, 'permission' | 'sessionOnly' | 'method'>): Record<string, string[]>[] {
  if (!takesCredentials(info.permission)) return [];
  if (info.sessionOnly) return [{ session: [] }];
  return [{ session: [] }, { apiToken: info.method === 'GET' ? [] : ['read_write'] }];
}

type Json = Record<string, any>;

/** Adds to the generated document what the route table implies (see the file comment). */
export function completeDocument(doc: Json, routes: RouteInfo[], config: Config): Json {
  const byOperationId = new Map(routes.filter((r) => r.contract).map((r) => [r.contract!.operationId, r]));
  const server = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      const info = byOperationId.get(operation.operationId);
      if (!info?.contract) throw new Error(`the API document has an operation without a contract: ${operation.operationId ?? operation.summary}`);
      completeOperation(operation, info);
    }
  }
  const completed: Json = {
    ...doc,
    info: {
      ...doc.info,
      contact: { name: 'Advance', url: `${server}/api/docs` },
      license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: server, description: config.publicUrl ? 'This server (PUBLIC_URL)' : 'This server, as configured without PUBLIC_URL' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    components: {
      ...doc.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: cookieName(config),
          description: 'The session cookie set by POST /api/v1/session (sign in). Writes must also carry this server’s Origin header.',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'adv_ followed by 43 base64url characters',
          description:
            'A personal API token (Settings → My profile → API tokens), as `Authorization: Bearer adv_…`. It acts for its person with their current role; a `read` token may only read (GET), a `read_write` one may also write. No Origin header is needed; a cookie sent beside it is ignored.',
        },
      },
    },
  };
  delete completed.security;
  return withUsedSchemasOnly(completed);
}

function completeOperation(operation: Json, info: RouteInfo): void {
  const contract = info.contract!;
  const codes = operationErrors(contract, info.permission, { sessionOnly: info.sessionOnly });
  operation.security = securityFor(info);
  const parameters: Json[] = operation.parameters ?? [];
  const feedToken = contract.path.startsWith('/api/v1/calendar-feed/');
  for (const p of parameters) {
    if (p.in !== 'path' || p.name !== 'token') continue;
    p.description = feedToken ? 'The secret token of a person’s calendar feed URL: the only key to the feed.' : 'The share token from the link (`/p/{token}`): the customer’s key to this plan.';
  }
  if (isVersioned(contract)) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      // A DELETE has no body: the header is its only way to say which version it removes.
      required: !contract.body,
      description: contract.body
        ? 'The version you read, as `"3"`, in place of the body’s `version` (both only if they agree). One of the two is required: without either, 400 naming `version`.'
        : 'The version you read, as `"3"`. Required: without it, 400 naming `version`.',
      schema: { type: 'string', pattern: '^(W/)?"?[0-9]+"?$' },
    });
  }
  const creating = isCreating(contract) && codes.includes('idempotency_key_reused');
  if (creating) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Any 1–255 visible ASCII characters (a UUID is a good key). For 24 hours the same key and request replay the first answer.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (contract.file?.etag) {
    parameters.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the file you have: when nothing changed the answer is 304 without a body.',
      schema: { type: 'string' },
    });
  }
  if (parameters.length > 0) operation.parameters = parameters;

  const responses: Json = {};
  for (const [status, response] of Object.entries(operation.responses as Json)) {
    responses[status] = { ...response, description: status === '201' ? 'Created' : status === '202' ? 'Accepted' : status === '204' ? 'Done; no content' : 'OK' };
    if (creating && status === '201') {
      responses[status].headers = { 'Idempotent-Replayed': { description: '`true` when this is the replay of an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } } };
    }
  }
  if (contract.file) {
    // A file, not JSON: its media type, the name it is saved under, and its ETag when it has one (a matching If-None-Match gets 304).
    const { mediaType, filename, disposition = 'attachment', etag } = contract.file;
    const [status, response] = Object.entries(responses)[0] as [string, Json];
    const schema = FILE_SCHEMAS[mediaType] ?? response.content?.['application/json']?.schema;
    responses[status] = {
      ...response,
      description: FILE_DESCRIPTIONS[mediaType] ?? response.description,
      headers: {
        'Content-Disposition': { description: `\`${disposition}\`, with the file's name: \`${filename}\`.`, schema: { type: 'string' } },
        ...(etag ? ETAG_HEADER : {}),
      },
      content: { [mediaType]: { schema } },
    };
    if (etag) responses['304'] = { description: 'Not modified: the file is the one your If-None-Match names.', headers: ETAG_HEADER };
  }
  const success = contract.file ? undefined : Object.values(operation.responses as Json)[0]?.content?.['application/json']?.schema;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!;
    const description = [`${STATUS_TITLES[status] ?? 'Error'}.`, '', ...list.map((c) => `- \`${c}\`: ${CODE_NOTES[c]}.`)].join('\n');
    // A stale write answers with the record as it now is: the same schema as a success.
    const schema = list.includes('version_conflict') && success ? { allOf: [ERROR_REF, { type: 'object', properties: { error: { type: 'object', properties: { current: success } } } }] } : ERROR_REF;
    const response: Json = { description, content: { 'application/json': { schema } } };
    if (list.includes('too_many_requests') || list.includes('idempotency_in_progress')) response.headers = { 'Retry-After': RETRY_AFTER };
    responses[String(status)] = response;
  }
  operation.responses = responses;
}

/** Drops component schemas nothing refers to, and names a request-only schema without its `Input` suffix. */
function withUsedSchemasOnly(doc: Json): Json {
  const schemas: Json = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  const rename = new Map<string, string>();
  for (const name of used) {
    const plain = name.replace(/Input$/, '');
    if (plain !== name && !used.has(plain)) rename.set(name, plain);
  }
  const kept: Json = {};
  for (const name of Object.keys(schemas).sort()) if (used.has(name)) kept[rename.get(name) ?? name] = schemas[name];
  const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: kept } }, (key, value) =>
    key === '$ref' && typeof value === 'string' ? value.replace(/^#\/components\/schemas\/(\w+)$/, (ref, name: string) => (rename.has(name) ? `#/components/schemas/${rename.get(name)}` : ref)) : value,
  );
  return JSON.parse(text) as Json;
}

export async function registerApiDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Advance API',
        version: '1',
        description:
          'Mutual plans, call outcomes, goals and process coaching for B2B sales teams. JSON in and out under /api/v1. ' +
          'Errors always have the shape {"error": {"code", "message", "details": [{"path", "message"}], "requestId"}}, with codes from one catalogue; ' +
          'each operation lists the codes it can answer. Editable records carry a `version`: send it back (in the body or as If-Match) and a stale one answers 409 `version_conflict` with the record as it now is.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => completeDocument(jsonSchemaTransformObject(document) as Json, app.routeList, app.config),
  });
  // The docs are public on purpose (the API is documented for integrators): every route the UI
  // plugin registers is marked so.
  await app.register(async (docs) => {
    withPermission(docs as unknown as App, 'public');
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      staticCSP: false,
    });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
}
