import type { App } from '../../core/http.js';
import { addMember, signUpWorkspace, type Client, type Signed } from '../../test/factories.js';

/** A workspace with a team (its manager and a rep), a rep of no team, and a second manager. */
export async function checkInTeam(app: App, opts: { managerZone?: string; repZone?: string } = {}) {
  const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
  const manager = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: opts.managerZone ?? 'Europe/Paris' });
  const team = (await admin.client.post('/api/v1/teams', { name: 'North', managerId: manager.me.user.id })).data;
  const rep = await addMember(app, admin.client, { role: 'rep', name: 'Riley Rep', teamId: team.id, timeZone: opts.repZone ?? 'Europe/Paris' });
  const loner = await addMember(app, admin.client, { role: 'rep', name: 'Lou Loner' });
  const otherManager = await addMember(app, admin.client, { role: 'manager', name: 'Omar Other' });
  return { admin, manager, rep, loner, otherManager, team };
}

async function ok<T = any>(res: Promise<{ statusCode: number; body: string; data: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.data;
}

/** A weekly series (Thursday 09:00 on the manager's clock unless told) and its next check-in, opened. */
export async function seriesWithCheckIn(manager: Signed, repId: string, body: Record<string, unknown> = {}) {
  const series = await ok(manager.client.post('/api/v1/check-in-series', { repId, cadence: 'weekly', weekday: 4, time: '09:00', ...body }), 'series');
  const checkIn = await ok(manager.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt }), 'open');
  return { series, checkIn };
}

export const getCheckIn = (client: Client, id: string) => ok(client.get(`/api/v1/check-ins/${id}`), 'check-in');
