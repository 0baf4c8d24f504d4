import type { SetYearlyTargetBody, YearlyTarget } from '../../../shared/targets.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { setsTargetsOf, targetRefusal } from './access.js';
import { loadCalendar } from './calendar.js';
import { findTarget } from './queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/**
 * Sets a rep's yearly target for a fiscal year: creates it when the rep has none for that year
 * (the caller read none: version 0), else changes it at the version read. Either way a stale
 * version answers 409 with the target as it is now, and one audit event (who, when, before, after)
 * is written in the same transaction. The amount is in the workspace's target currency.
 */
export async function setYearlyTarget({ scope, actor, userId, input, version }: Op<{ userId: string; input: Omit<SetYearlyTargetBody, 'version'>; version?: number }>): Promise<YearlyTarget> {
  return scope.transaction(async (tx) => {
    const person = await tx.selectFrom('users').select(['id', 'name', 'team_id', 'status']).where('users.id', '=', userId).executeTakeFirst();
    if (!person) throw notFound('Person');
    // The route's permission checked this already; checked again inside the transaction that writes.
    if (!setsTargetsOf(actor, person)) throw forbidden(targetRefusal(actor, person));
    if (person.status !== 'active') throw ruleViolation(`${person.name} is deactivated: their yearly targets stay as they were.`);
    const calendar = await loadCalendar(tx);
    if (input.amount.currency !== calendar.targetCurrency) {
      throw invalid('amount.currency', `Yearly targets in this workspace are set in ${calendar.targetCurrency}. An admin can change that under Settings → Fiscal year.`);
    }
    if (version === undefined) throw invalid('version', 'Send the version you read (0 when there was no target for this year yet).');
    const { fiscalYear } = input;
    const current = await tx
      .selectFrom('rep_targets')
      .selectAll('rep_targets')
      .where('rep_targets.user_id', '=', userId)
      .where('rep_targets.fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    const now = nowIso();

    if (!current) {
      if (version !== 0) throw conflict(null);
      const row = { id: newId(), user_id: userId, fiscal_year: fiscalYear, amount_minor: input.amount.amountMinor, currency: input.amount.currency, set_by_id: actor.id, version: 1, created_at: now, updated_at: now };
      // Two first settings at once: the second inserts nothing and is told about the first (409).
      const inserted = await tx
        .insertRow('rep_targets', row)
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'fiscal_year']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict(await findTarget(tx, userId, fiscalYear));
      await audit(tx, actor, {
        entityType: 'rep_target',
        entityId: row.id,
        action: 'create',
        before: null,
        after: { user_id: userId, fiscal_year: fiscalYear, amount_minor: row.amount_minor, currency: row.currency },
      });
      return (await findTarget(tx, userId, fiscalYear))!;
    }

    if (version !== current.version) throw conflict(await findTarget(tx, userId, fiscalYear));
    const before = { amount_minor: Number(current.amount_minor), currency: current.currency };
    const after = { amount_minor: input.amount.amountMinor, currency: input.amount.currency };
    if (before.amount_minor === after.amount_minor && before.currency === after.currency) return (await findTarget(tx, userId, fiscalYear))!;
    if (!(await updateAtVersion(tx, 'rep_targets', current.id, current.version, { ...after, set_by_id: actor.id }))) throw conflict(await findTarget(tx, userId, fiscalYear));
    await audit(tx, actor, {
      entityType: 'rep_target',
      entityId: current.id,
      action: 'update',
      before: { user_id: userId, fiscal_year: fiscalYear, ...before },
      after: { user_id: userId, fiscal_year: fiscalYear, ...after },
    });
    return (await findTarget(tx, userId, fiscalYear))!;
  });
}
