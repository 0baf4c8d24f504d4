import type { Client } from '../../test/factories.js';

/** Test factories for interactions: each plans through the API, as a person would. */

export const HOUR = 3_600_000;

/** An instant `hours` from now (negative: in the past), whole minutes, UTC. */
export const hoursFromNow = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString();

export const outcome = {
  outcomeKind: 'trial',
  outcomeStatement: 'They agree to a 30-day pilot at the Lyon plant, starting 1 July',
};

export function callBody(accountId: string, extra: Record<string, unknown> = {}) {
  return { kind: 'call', accountId, startsAt: hoursFromNow(48), timeZone: 'Europe/Paris', durationMinutes: 30, ...outcome, ...extra };
}

function ok(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode !== 201) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
}

/** A call two days ahead. */
export async function planCall(client: Client, accountId: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/interactions', callBody(accountId, extra));
  ok(res, 'plan a call');
  return res.data;
}

/** A call that already happened `hoursAgo` hours ago, logged afterwards: its result can be recorded at once. */
export async function pastCall(client: Client, accountId: string, extra: Record<string, unknown> & { hoursAgo?: number } = {}) {
  const { hoursAgo = 2, ...rest } = extra;
  const res = await client.post('/api/v1/interactions', callBody(accountId, { startsAt: hoursFromNow(-hoursAgo), alreadyHappened: true, ...rest }));
  ok(res, 'log a past call');
  return res.data;
}

/** Records a result (no agreed actions unless given) at the interaction's current version. */
export async function record(client: Client, interaction: { id: string; version: number }, body: Record<string, unknown>) {
  return client.post(`/api/v1/interactions/${interaction.id}/result`, { version: interaction.version, ...body });
}
