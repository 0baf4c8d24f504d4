/** What the benchmarks share about the generated workspace: its password, its tables and signing in. */

export const PASSWORD = 'benchmark passphrase 2026';
export const LOADED_TABLES = ['users', 'teams', 'stages', 'accounts', 'opportunities', 'interactions'] as const;

/** Signs in like the browser (with an `Origin` header) and answers the session cookie. */
export async function signIn(port: number, email: string, password: string): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const res = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('advance_session='));
  if (!cookie) throw new Error('sign-in did not set the session cookie');
  return cookie.split(';')[0];
}
