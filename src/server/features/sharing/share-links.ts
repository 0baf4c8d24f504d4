import { planEvent } from '../webhooks/events.js';
import type { CreatedShareLink, CreateShareLinkBody, ShareLink } from '../../../shared/plan-sharing.js';
import { SHARE_LINK_DEFAULT_DAYS } from '../../../shared/plan-sharing.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { PlanShareLinkTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { editablePlan, planAccess, type PlanAccess } from '../plans/access.js';
import type { Op } from '../plans/plans.service.js';
import { enqueueMail, refuseMailInDemo } from '../mail/outbox.js';

const DAY_MS = 86_400_000;

const DEMO_SENDS_NO_LINK = 'The demo workspace sends no email: create the link without sending it, then copy it and send it yourself.';

function selectLinks(scope: Scope) {
  return scope
    .selectFrom('plan_share_links')
    .innerJoin('users as creator', 'creator.id', 'plan_share_links.created_by_id')
    .selectAll('plan_share_links')
    .select('creator.name as creator_name');
}

type LinkRow = PlanShareLinkTable & { creator_name: string };

/** A link is usable until revoked or expired; the answer for a dead link is the same as for none. */
export function linkStatus(row: Pick<PlanShareLinkTable, 'revoked_at' | 'expires_at'>, now = new Date()): ShareLink['status'] {
  if (row.revoked_at) return 'revoked';
  return Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'active';
}

function presentLink(row: LinkRow, access: PlanAccess): ShareLink {
  const status = linkStatus(row);
  return {
    id: row.id,
    planId: row.plan_id,
    recipientName: row.recipient_name,
    recipientEmail: row.recipient_email,
    status,
    createdBy: { id: row.created_by_id, name: row.creator_name },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastViewedAt: row.last_viewed_at,
    viewCount: row.view_count,
    emailedAt: row.emailed_at ?? null,
    remindersStoppedAt: row.reminders_stopped_at ?? null,
    permissions: { canRevoke: access.canEdit && status === 'active' },
  };
}

async function present(scope: Scope, access: PlanAccess, id: string): Promise<ShareLink> {
  const row = await selectLinks(scope).where('plan_share_links.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Share link');
  return presentLink(row, access);
}

/**
 * A new link for one recipient. The token (256 random bits) is returned once, inside the URL, and
 * stored only as its hash: nobody can show it again, so a lost link is revoked and replaced.
 */
export async function createShareLink({ scope, actor, planId, input, baseUrl }: Op<{ planId: string; input: CreateShareLinkBody; baseUrl: string }>): Promise<CreatedShareLink> {
  return scope.transaction(async (tx) => {
    const access = await editablePlan(tx, actor, planId);
    // Asked for by name, so refused by name: a link created without its email would look sent.
    if (input.sendEmail) await refuseMailInDemo(tx.db, tx.workspaceId, 'sendEmail', DEMO_SENDS_NO_LINK);
    const token = newSecret();
    const now = new Date();
    const row = {
      id: newId(),
      plan_id: planId,
      recipient_name: input.recipientName,
      recipient_email: input.recipientEmail ?? null,
      token_hash: hashSecret(token),
      created_by_id: actor.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + (input.expiresInDays ?? SHARE_LINK_DEFAULT_DAYS) * DAY_MS).toISOString(),
      revoked_at: null,
      last_viewed_at: null,
      view_count: 0,
      emailed_at: input.sendEmail && input.recipientEmail ? now.toISOString() : null,
    };
    await tx.insert('plan_share_links', row);
    const { token_hash: _hash, ...logged } = row;
    await audit(tx, actor, { entityType: 'share_link', entityId: row.id, action: 'create', before: null, after: logged });
    await planEvent(tx, 'plan.shared', planId, row.id, {
      shareLink: { id: row.id, recipientName: row.recipient_name, recipientEmail: row.recipient_email, expiresAt: row.expires_at, emailed: row.emailed_at !== null },
      by: { id: actor.id, name: actor.name },
    });
    // Only when the rep chose to: the link by email, in this transaction (and reminders from then on).
    if (row.emailed_at && row.recipient_email) {
      const plan = await tx
        .selectFrom('plans')
        .innerJoin('workspaces as ws', 'ws.id', 'plans.workspace_id')
        .select(['plans.title', 'plans.customer_time_zone', 'ws.name as workspace_name'])
        .where('plans.id', '=', planId)
        .executeTakeFirstOrThrow();
      const timeZone = plan.customer_time_zone;
      await enqueueMail(tx.db, {
        workspaceId: tx.workspaceId,
        key: `customer_link:${row.id}`,
        to: { address: row.recipient_email, name: row.recipient_name, timeZone, shareLinkId: row.id },
        data: { kind: 'customer_link', name: row.recipient_name, timeZone, planTitle: plan.title, sellerName: actor.name, workspaceName: plan.workspace_name, expiresAt: row.expires_at },
        baseUrl,
        secret: token,
      });
    }
    return { shareLink: await present(tx, access, row.id), url: `${baseUrl}/p/${token}` };
  });
}

export async function listShareLinks(scope: Scope, actor: Actor, planId: string): Promise<{ data: ShareLink[] }> {
  const access = await planAccess(scope, actor, planId);
  const rows = await selectLinks(scope).where('plan_share_links.plan_id', '=', planId).orderBy('plan_share_links.id', 'desc').execute();
  return { data: rows.map((r) => presentLink(r, access)) };
}

/** Revoking takes effect on the link's very next request. Revoking twice is harmless. */
export async function revokeShareLink({ scope, actor, id }: Op<{ id: string }>): Promise<ShareLink> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('plan_share_links').select(['id', 'plan_id', 'revoked_at']).where('plan_share_links.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Share link');
    const access = await planAccess(tx, actor, row.plan_id);
    if (!row.revoked_at) {
      const at = nowIso();
      // Only a link still live changes: of two revokes at once (a double click, on PostgreSQL), one
      // revokes and is audited; the other finds it revoked and keeps its time.
      const res = await tx.updateTable('plan_share_links').set({ revoked_at: at }).where('plan_share_links.id', '=', id).where('plan_share_links.revoked_at', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) {
        await audit(tx, actor, { entityType: 'share_link', entityId: id, action: 'revoke', before: { revoked_at: null }, after: { revoked_at: at } });
      }
    }
    return present(tx, access, id);
  });
}
