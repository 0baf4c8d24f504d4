import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Me } from '../../shared/auth.js';
import type { App } from '../core/http.js';

export const ORIGIN = 'http://localhost:80';
export const PASSWORD = 'a long enough passphrase';

const uniq = () => randomBytes(5).toString('hex');

export type Res<T = any> = LightMyRequestResponse & { body: string; data: T };

/**
 * An HTTP client for one browser: keeps its cookie, sends Origin and JSON like the web app. Given an
 * API token instead (`bearer`), it is a script: `Authorization: Bearer`, no cookie, no Origin.
 */
export class Client {
  cookie: string | undefined;
  constructor(
    readonly app: App,
    readonly bearer?: string,
  ) {}

  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.bearer !== undefined ? { authorization: `Bearer ${this.bearer}` } : { origin: ORIGIN }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = res.headers['set-cookie'];
    const list = Array.isArray(set) ? set : set ? [set] : [];
    for (const c of list) {
      const pair = c.split(';')[0];
      this.cookie = /=$/.test(pair) || /expires=Thu, 01 Jan 1970/i.test(c) ? undefined : pair;
    }
    const data = res.body && String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(res.body) : undefined;
    return Object.assign(res, { data }) as Res<T>;
  }
  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}

export type Signed = { client: Client; me: Me; email: string };

/** A new workspace with its admin, signed in. */
export async function signUpWorkspace(app: App, overrides: Partial<{ workspaceName: string; name: string; email: string; timeZone: string }> = {}): Promise<Signed> {
  const client = new Client(app);
  const email = overrides.email ?? `admin-${uniq()}@example.com`;
  const res = await client.post<Me>('/api/v1/signup', {
    workspaceName: overrides.workspaceName ?? `Workspace ${uniq()}`,
    name: overrides.name ?? 'Ada Admin',
    email,
    password: PASSWORD,
    timeZone: overrides.timeZone ?? 'Europe/Paris',
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  return { client, me: res.data, email };
}

/** Invites someone through the API and has them accept; returns them signed in. */
export async function addMember(app: App, admin: Client, opts: { role: 'admin' | 'manager' | 'rep'; teamId?: string | null; name?: string; timeZone?: string }): Promise<Signed> {
  const email = `${opts.role}-${uniq()}@example.com`;
  const inv = await admin.post('/api/v1/invites', { email, role: opts.role, teamId: opts.teamId ?? null });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const token = new URL(inv.data.url).pathname.split('/').pop() as string;
  const client = new Client(app);
  const res = await client.post<Me>('/api/v1/invites/accept', { token, name: opts.name ?? `${opts.role} ${uniq()}`, password: PASSWORD, ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) });
  if (res.statusCode !== 201) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { client, me: res.data, email };
}

/** A new API token of a signed-in person (made with their session), and a client that calls with it. */
export async function createApiToken(
  person: Signed,
  body: { name?: string; scope?: 'read' | 'read_write'; expiresOn?: string | null } = {},
): Promise<{ client: Client; secret: string; id: string }> {
  const res = await person.client.post('/api/v1/api-tokens', { name: `Token ${uniq()}`, scope: 'read_write', ...body });
  if (res.statusCode !== 201) throw new Error(`create API token failed: ${res.statusCode} ${res.body}`);
  return { client: new Client(person.client.app, res.data.secret), secret: res.data.secret, id: res.data.token.id };
}

export async function createAccount(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/accounts', { name: `Account ${uniq()}`, ...body });
  if (res.statusCode !== 201) throw new Error(`create account failed: ${res.statusCode} ${res.body}`);
  return res.data;
}
