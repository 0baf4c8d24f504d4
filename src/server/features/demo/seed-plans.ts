import type { Insertable } from 'kysely';
import type { AuditAction, AuditEntity } from '../../core/audit.js';
import type {
  CommitmentRenegotiationTable,
  CommitmentTable,
  NotificationTable,
  PlanCommentTable,
  PlanMilestoneTable,
  PlanShareLinkTable,
  PlanShareVisitTable,
  PlanTable,
} from '../../core/db/schema.js';
import { hashSecret, newSecret } from '../../core/ids.js';
import { commitmentRow } from '../commitments/engine.js';
import { planSubject } from '../commitments/subjects.js';
import type { DemoPersonKey } from './catalogue.js';
import type { Party, PlannedMutualPlan } from './mutual-plans.js';

/** Rows are written by the demo's Scope, which adds the workspace id. */
type Row<T> = Omit<Insertable<T>, 'workspace_id'>;

export type AuditActor = { id: string | null; name: string };
export type Recorder = (actor: AuditActor, at: string, entityType: AuditEntity, entityId: string, action: AuditAction, before: object | null, after: object) => void;

export type PlanRows = {
  /** Without search text: the seed adds it as it inserts, as the plans feature does. */
  plans: Omit<Row<PlanTable>, 'search_text'>[];
  milestones: Row<PlanMilestoneTable>[];
  commitments: Row<CommitmentTable>[];
  renegotiations: Row<CommitmentRenegotiationTable>[];
  shareLinks: Row<PlanShareLinkTable>[];
  visits: Row<PlanShareVisitTable>[];
  comments: Row<PlanCommentTable>[];
  notifications: Row<NotificationTable>[];
};

type Context = {
  people: Record<DemoPersonKey, { id: string; name: string }>;
  opportunityIds: readonly string[];
  /** Per account, in the plan's contact order. */
  contacts: readonly (readonly { id: string; name: string; email: string | null }[])[];
  backdatedId: (at: string) => string;
  record: Recorder;
};

/**
 * The rows of the demo's mutual plans, exactly as the plans feature writes them (columns, statuses,
 * versions, last activity, renegotiation rows, notifications), with their audit events recorded at
 * the moment each thing happened. The customer acts through their link: the audit trail names them
 * as the customer, with no user id, as the share-link routes do.
 */
export function mutualPlanRows(plans: readonly PlannedMutualPlan[], ctx: Context): PlanRows {
  const out: PlanRows = { plans: [], milestones: [], commitments: [], renegotiations: [], shareLinks: [], visits: [], comments: [], notifications: [] };
  const { people, backdatedId, record } = ctx;
  const party = (p: Party) =>
    'user' in p
      ? { userId: people[p.user].id, name: people[p.user].name, audit: people[p.user] }
      : { userId: null, name: p.customer, audit: { id: null, name: `${p.customer} (customer)` } };

  for (const plan of plans) {
    const owner = people[plan.owner];
    const planId = backdatedId(plan.createdAt);
    const created: Omit<Row<PlanTable>, 'search_text'> = {
      id: planId,
      opportunity_id: ctx.opportunityIds[plan.opportunity],
      title: plan.title,
      agreed_outcome: plan.agreedOutcome,
      why_it_matters: plan.whyItMatters,
      cost_of_inaction: plan.costOfInaction,
      start_date: plan.startDate,
      target_date: plan.targetDate,
      status: 'draft',
      customer_time_zone: plan.customerTimeZone,
      version: 1,
      last_activity_at: plan.createdAt,
      created_at: plan.createdAt,
      updated_at: plan.createdAt,
    };
    record(owner, plan.createdAt, 'plan', planId, 'create', null, created);
    for (const change of plan.statusChanges) record(owner, change.at, 'plan', planId, 'update', { status: change.from }, { status: change.to });
    out.plans.push({ ...created, status: plan.status, version: plan.version, last_activity_at: plan.lastActivityAt, updated_at: plan.updatedAt });

    const milestoneIds = plan.milestones.map((m, position) => {
      const row = { id: backdatedId(m.createdAt), plan_id: planId, title: m.title, due_date: m.dueDate, position, archived_at: null, version: 1, created_at: m.createdAt, updated_at: m.createdAt };
      record(owner, m.createdAt, 'milestone', row.id, 'create', null, row);
      out.milestones.push(row);
      return row.id;
    });

    const contacts = ctx.contacts[plan.account];
    for (const c of plan.commitments) {
      const id = backdatedId(c.createdAt);
      // The engine's own row for a new commitment; the story then moves it on as people did.
      const first: Row<CommitmentTable> = commitmentRow(
        planSubject(planId),
        {
          side: c.side,
          owner_user_id: c.ownerUser ? people[c.ownerUser].id : null,
          owner_contact_id: c.ownerContact !== null ? contacts[c.ownerContact].id : null,
          owner_name: null,
          owner_email: null,
          milestoneId: milestoneIds[c.milestone],
          role: c.role,
          title: c.title,
          detail: c.detail,
          dueDate: c.originalDueDate,
          mustDo: c.mustDo,
          internalOnly: c.internalOnly,
        },
        { id, position: c.position, now: c.createdAt },
      );
      record(owner, c.createdAt, 'commitment', id, 'create', null, first);
      out.commitments.push({ ...first, due_date: c.dueDate, status: c.status, drop_reason: c.dropReason, done_at: c.doneAt, version: c.version, updated_at: c.updatedAt });

      for (const r of c.renegotiations) {
        const by = party(r.requestedBy);
        const decider = r.decidedBy && party(r.decidedBy);
        const row: Row<CommitmentRenegotiationTable> = {
          id: backdatedId(r.requestedAt),
          plan_id: planId,
          commitment_id: id,
          from_date: r.fromDate,
          to_date: r.toDate,
          reason: r.reason,
          status: r.status,
          requested_by_side: r.requestedBySide,
          requested_by_user_id: by.userId,
          requested_by_name: by.name,
          requested_at: r.requestedAt,
          in_advance: r.inAdvance ? 1 : 0,
          decided_by_side: r.decidedBySide,
          decided_by_user_id: decider?.userId ?? null,
          decided_by_name: decider?.name ?? null,
          decided_at: r.decidedAt,
          note: r.note,
        };
        out.renegotiations.push(row);
        const moveDate = (actor: AuditActor, at: string) => record(actor, at, 'commitment', id, 'update', { due_date: r.fromDate }, { due_date: r.toDate });
        if (r.appliedAtOnce) {
          record(by.audit, r.requestedAt, 'renegotiation', row.id, 'create', null, row);
          moveDate(by.audit, r.requestedAt);
          continue;
        }
        const asked = { ...row, status: 'pending', decided_by_side: null, decided_by_user_id: null, decided_by_name: null, decided_at: null, note: null };
        record(by.audit, r.requestedAt, 'renegotiation', row.id, 'create', null, asked);
        if (!decider || !r.decidedAt) continue;
        record(decider.audit, r.decidedAt, 'renegotiation', row.id, r.status === 'accepted' ? 'accept' : 'update', { status: 'pending' }, { status: r.status, note: r.note });
        if (r.status === 'accepted') moveDate(decider.audit, r.decidedAt);
      }

      if (c.closed) {
        const actor = party(c.closed.by).audit;
        if (c.status === 'done') record(actor, c.closed.at, 'commitment', id, 'update', { status: 'open', done_at: null }, { status: 'done', done_at: c.doneAt });
        else record(actor, c.closed.at, 'commitment', id, 'update', { status: 'open', drop_reason: null }, { status: 'dropped', drop_reason: c.dropReason });
      }
    }

    let linkId: string | null = null;
    if (plan.shareLink) {
      const link = plan.shareLink;
      const recipient = contacts[link.contact];
      linkId = backdatedId(link.createdAt);
      const row = {
        id: linkId,
        plan_id: planId,
        recipient_name: recipient.name,
        recipient_email: recipient.email,
        created_by_id: owner.id,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        revoked_at: null,
        last_viewed_at: link.visits.at(-1) ?? null,
        view_count: link.visits.length,
      };
      // The token is a fresh secret nobody is ever shown: the demo's link cannot be opened, only seen.
      out.shareLinks.push({ ...row, token_hash: hashSecret(newSecret()) });
      record(owner, link.createdAt, 'share_link', linkId, 'create', null, { ...row, last_viewed_at: null, view_count: 0 });
      for (const at of link.visits) out.visits.push({ id: backdatedId(at), share_link_id: linkId, visited_at: at });
    }

    for (const cm of plan.comments) {
      const by = party(cm.by);
      const side = 'user' in cm.by ? 'seller' : 'customer';
      const row = { id: backdatedId(cm.at), plan_id: planId, author_side: side, author_user_id: by.userId, share_link_id: side === 'customer' ? linkId : null, author_name: by.name, body: cm.body, created_at: cm.at } as const;
      out.comments.push(row);
      record(by.audit, cm.at, 'comment', row.id, 'create', null, { author_side: side, body: cm.body });
    }

    for (const n of plan.notifications) {
      out.notifications.push({ id: backdatedId(n.at), user_id: owner.id, kind: n.kind, plan_id: planId, text: n.text, actor_name: n.actorName, data: JSON.stringify(n.data), share_link_id: null, event_count: 1, last_event_at: n.at, created_at: n.at, read_at: n.readAt });
    }
  }
  return out;
}
