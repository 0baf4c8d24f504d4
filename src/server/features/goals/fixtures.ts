import type { App } from '../../core/http.js';
import { addMember, signUpWorkspace, type Signed } from '../../test/factories.js';

/**
 * One workspace as the privacy rules see it: Maya manages the North team (Ana, Ben); Omar manages
 * South (Olga); Ada is the admin. Everyone in Europe/Paris.
 */
export async function goalsWorkspace(app: App) {
  const TZ = 'Europe/Paris';
  const admin = await signUpWorkspace(app, { timeZone: TZ, name: 'Ada Admin' });
  const maya = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const omar = await addMember(app, admin.client, { role: 'manager', name: 'Omar Other', timeZone: TZ });
  const north = (await admin.client.post('/api/v1/teams', { name: 'North', managerId: maya.me.user.id })).data;
  const south = (await admin.client.post('/api/v1/teams', { name: 'South', managerId: omar.me.user.id })).data;
  const ana = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Ana Alvarez', timeZone: TZ });
  const ben = await addMember(app, admin.client, { role: 'rep', teamId: north.id, name: 'Ben Brown', timeZone: TZ });
  const olga = await addMember(app, admin.client, { role: 'rep', teamId: south.id, name: 'Olga Other', timeZone: TZ });
  const outsider = await signUpWorkspace(app, { timeZone: TZ });
  return { admin, maya, omar, north, south, ana, ben, olga, outsider };
}

export type GoalsWorkspace = Awaited<ReturnType<typeof goalsWorkspace>>;

async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.data;
}

/** A ladder climbed to its end with the example, its why saved. */
export async function climbedLadder(who: Signed, answers = ['hit my quota', 'a bigger commission', 'pay off the mortgage', 'security for my family', 'Security for my family!']) {
  let ladder = await ok(who.client.post('/api/v1/why-ladders', { start: answers[0] }), 'start ladder');
  for (const answer of answers.slice(1)) ladder = await ok(who.client.post(`/api/v1/why-ladders/${ladder.id}/rungs`, { answer, version: ladder.version }), `rung ${answer}`);
  return ok(who.client.patch(`/api/v1/why-ladders/${ladder.id}`, { why: ladder.proposedWhy, version: ladder.version }), 'save why');
}

export async function createGoal(who: Signed, body: Record<string, unknown>) {
  return ok(who.client.post('/api/v1/goals', { kind: 'process', title: 'Plan every call', periodPreset: 'this_quarter', firstStep: 'Write the outcome for tomorrow’s call', ...body }), 'create goal');
}
