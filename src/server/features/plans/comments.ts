import { planEvent } from '../webhooks/events.js';
import type { CreateCommentBody, PlanComment } from '../../../shared/plan-sharing.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { PlanCommentTable } from '../../core/db/schema.js';
import { newId, nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';
import { DAY_MS, refuseWhenDayIsFull } from '../../core/limits.js';
import { assertPlanOpen, planAccess, touchPlan } from './access.js';
import type { Op } from './plans.service.js';

/** The plan's conversation: the customer writes through their link, the seller side from the app. */

export const presentComment = (r: PlanCommentTable): PlanComment => ({
  id: r.id,
  authorSide: r.author_side,
  authorName: r.author_name,
  body: r.body,
  createdAt: r.created_at,
});

type Author = { side: 'seller' | 'customer'; userId: string | null; shareLinkId: string | null; name: string };

export async function insertComment(tx: Scope, auditActor: Parameters<typeof audit>[1], planId: string, author: Author, body: string): Promise<PlanCommentTable> {
  const row = {
    id: newId(),
    plan_id: planId,
    author_side: author.side,
    author_user_id: author.userId,
    share_link_id: author.shareLinkId,
    author_name: author.name,
    body,
    created_at: nowIso(),
  };
  await tx.insert('plan_comments', row);
  await audit(tx, auditActor, { entityType: 'comment', entityId: row.id, action: 'create', before: null, after: { author_side: row.author_side, body } });
  await touchPlan(tx, planId, row.created_at);
  await planEvent(tx, 'plan.comment_added', planId, row.id, { comment: { id: row.id, side: row.author_side, authorName: row.author_name, authorUserId: row.author_user_id, shareLinkId: row.share_link_id, body, createdAt: row.created_at } });
  return { ...row, workspace_id: tx.workspaceId };
}

/**
 * A plan takes at most `maxPerDay` customer comments in any 24 hours (all its links together), so a
 * leaked or scripted link cannot flood the seller's plan, notifications and audit trail.
 */
export async function assertCustomerCommentRoom(tx: Scope, planId: string, maxPerDay: number, now = Date.now()): Promise<void> {
  const recent = await tx
    .selectFrom('plan_comments')
    .select('created_at')
    .where('plan_comments.plan_id', '=', planId)
    .where('plan_comments.author_side', '=', 'customer')
    .where('plan_comments.created_at', '>', new Date(now - DAY_MS).toISOString())
    .orderBy('plan_comments.created_at', 'desc')
    .limit(maxPerDay)
    .execute();
  refuseWhenDayIsFull(recent, maxPerDay, 'This plan has had a lot of comments today. Please try again later, or talk to your contact directly.', now);
}

/** Anyone in the workspace may join the conversation with the customer: it is the seller side's voice. */
export async function addSellerComment({ scope, actor, planId, input }: Op<{ planId: string; input: CreateCommentBody }>): Promise<PlanComment> {
  return scope.transaction(async (tx) => {
    assertPlanOpen(await planAccess(tx, actor, planId));
    return presentComment(await insertComment(tx, actor, planId, { side: 'seller', userId: actor.id, shareLinkId: null, name: actor.name }, input.body));
  });
}

export async function listComments(scope: Scope, actor: Actor, planId: string, query: { limit: number; cursor?: string }) {
  await planAccess(scope, actor, planId);
  const q = scope.selectFrom('plan_comments').selectAll('plan_comments').where('plan_comments.plan_id', '=', planId);
  const rows = await keyset(q, { column: 'plan_comments.id', idColumn: 'plan_comments.id', descending: false, cursor: query.cursor, limit: query.limit }).execute();
  return toPage(rows, query.limit, (r) => [r.id, r.id], presentComment);
}
