import { todayIn } from '../../../domain/dates.js';
import type { MailOutboxTable } from '../../core/db/schema.js';
import type { MailData } from '../mail/templates.js';
import { DEMO_SIGN_IN_AS, DEMO_TIME_ZONE, demoEmail, type DemoPersonKey } from './catalogue.js';
import type { PlanRows } from './seed-plans.js';

type Person = { id: string; name: string };
type Outbox = Omit<MailOutboxTable, 'workspace_id'>;
type Facts = MailData extends infer T ? (T extends unknown ? Omit<T, 'name' | 'timeZone'> : never) : never;

/**
 * A few mails the demo's story would have sent, already sent, so the development mail page (Settings
 * → Email) has something to read: the visitor's daily digest, a new date waiting for an answer, and
 * what customers did on plans. Nothing is mailed: the demo's addresses are made up, and these rows
 * are written as sent, so no worker ever picks them up.
 */
export function demoMails(opts: {
  workspaceId: string;
  people: Record<DemoPersonKey, Person>;
  plans: PlanRows;
  ownerOfOpportunity: (opportunityId: string) => string | undefined;
  seededAt: string;
  backdatedId: (at: string) => string;
}): Outbox[] {
  const { people, plans } = opts;
  const byId = new Map(Object.entries(people).map(([key, p]) => [p.id, { key: key as DemoPersonKey, ...p }]));
  const planById = new Map(plans.plans.map((p) => [p.id as string, p]));
  const ownerOfPlan = (planId: string) => {
    const plan = planById.get(planId);
    return plan ? opts.ownerOfOpportunity(plan.opportunity_id as string) : undefined;
  };
  const now = Date.parse(opts.seededAt);
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  const out: Outbox[] = [];
  const push = (userId: string, key: string, data: Facts, at: string) => {
    const person = byId.get(userId);
    if (!person) return;
    out.push({
      id: opts.backdatedId(at),
      dedupe_key: `demo:${opts.workspaceId}:${key}`,
      kind: data.kind,
      to_address: demoEmail(person.key),
      to_name: person.name,
      user_id: person.id,
      share_link_id: null,
      data: JSON.stringify({ ...data, name: person.name, timeZone: DEMO_TIME_ZONE }),
      base_url: null,
      contains_secret: 0,
      status: 'sent',
      attempts: 1,
      next_attempt_at: at,
      claimed_until: null,
      claim_token: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      sent_at: at,
    });
  };

  // The visitor's morning digest: what is due today and overdue, from the story's open commitments.
  const today = todayIn(DEMO_TIME_ZONE, new Date(now));
  const visitor = people[DEMO_SIGN_IN_AS];
  const open = plans.commitments.filter((c) => c.status === 'open' && c.owner_user_id === visitor.id && c.plan_id);
  const item = (c: (typeof open)[number]) => ({ title: c.title, context: planById.get(c.plan_id!)?.title ?? '', path: `/plans/${c.plan_id}`, dueDate: c.due_date, mustDo: c.must_do === 1 });
  const waiting = plans.renegotiations.filter((r) => r.status === 'pending');
  push(
    visitor.id,
    `daily_digest:${visitor.id}:${today}`,
    { kind: 'daily_digest', date: today, dueToday: open.filter((c) => c.due_date === today).slice(0, 5).map(item), overdue: open.filter((c) => c.due_date < today).slice(0, 5).map(item), waiting: waiting.length, unread: 0 },
    hoursAgo(3),
  );

  // New dates the customers proposed, to the deal's owner.
  for (const r of waiting.filter((r) => r.requested_by_side === 'customer').slice(0, 2)) {
    const c = plans.commitments.find((x) => x.id === r.commitment_id);
    const owner = r.plan_id ? ownerOfPlan(r.plan_id) : undefined;
    if (!c || !owner || !r.plan_id) continue;
    push(
      owner,
      `date_waiting:${r.id}:${owner}`,
      {
        kind: 'date_waiting',
        item: { title: c.title, context: planById.get(r.plan_id)?.title ?? '', path: `/plans/${r.plan_id}`, dueDate: c.due_date },
        fromDate: r.from_date,
        toDate: r.to_date,
        reason: r.reason,
        requestedBy: r.requested_by_name,
      },
      r.requested_at,
    );
  }

  // What customers wrote on plans, grouped per plan, to the deal's owner.
  const byPlan = new Map<string, typeof plans.comments>();
  for (const cm of plans.comments.filter((x) => x.author_side === 'customer')) byPlan.set(cm.plan_id, [...(byPlan.get(cm.plan_id) ?? []), cm]);
  for (const [planId, comments] of [...byPlan].slice(0, 3)) {
    const owner = ownerOfPlan(planId);
    const last = comments[comments.length - 1];
    if (!owner) continue;
    push(
      owner,
      `customer_activity:demo:${planId}`,
      { kind: 'customer_activity', planTitle: planById.get(planId)?.title ?? '', path: `/plans/${planId}`, actorName: last.author_name, events: comments.slice(-3).map((c) => `${c.author_name} commented: “${c.body.length > 140 ? `${c.body.slice(0, 140)}…` : c.body}”`) },
      last.created_at,
    );
  }
  return out;
}
