import type { User } from '../../../shared/people.js';
import type { Actor } from '../../core/actor.js';
import { audit, type AuditInput } from '../../core/audit.js';
import { endAllSessionsOf } from '../../core/auth/sessions.js';
import { conflict, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { assertVersionRead, updateAtVersion } from '../../core/records.js';
import { nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { handOverOpenCommitments } from '../commitments/engine.js';
import { releaseLedTeams } from './teams.service.js';
import { findUser } from './users.service.js';

/**
 * Someone leaves: in one transaction their accounts and opportunities go to `transferToId` (each
 * record audited), the teams they led lose their manager, and their sessions end. The person is
 * kept (deactivated, never deleted) and history keeps the names it was written with.
 */
export async function deactivateUser({ scope, actor, id, transferToId, version }: { scope: Scope; actor: Actor; id: string; transferToId: string; version: number | undefined }): Promise<User> {
  return scope.transaction(async (tx) => {
    const person = await tx.selectFrom('users').select(['id', 'status', 'version']).where('users.id', '=', id).executeTakeFirst();
    if (!person) throw notFound('Person');
    // From the person as the admin saw them (another admin may have changed their role or team, or deactivated them).
    await assertVersionRead(person, version, () => findUser(tx, actor, id));
    if (person.id === actor.id) throw ruleViolation('You cannot deactivate yourself. Ask another admin.');
    if (person.status !== 'active') throw ruleViolation('This person is already deactivated.');
    if (transferToId === id) throw invalid('transferToId', 'Choose someone other than the person who is leaving.');
    const heir = await tx.selectFrom('users').select(['id', 'status']).where('users.id', '=', transferToId).executeTakeFirst();
    if (!heir || heir.status !== 'active') throw invalid('transferToId', 'Choose an active person in this workspace.');

    const now = nowIso();
    // Two admins at once: the second finds the person changed and gets 409 with them as they now are.
    if (!(await updateAtVersion(tx, 'users', id, person.version, { status: 'deactivated', deactivated_at: now }))) throw conflict(await findUser(tx, actor, id));

    const events: AuditInput[] = [
      { entityType: 'user', entityId: id, action: 'deactivate', before: { status: 'active' }, after: { status: 'deactivated', deactivated_at: now, transferred_to_id: transferToId } },
    ];
    // One statement per table; RETURNING gives exactly the rows moved, for their audit events.
    for (const [table, entityType] of [['accounts', 'account'], ['opportunities', 'opportunity'], ['account_objectives', 'objective']] as const) {
      const moved = await tx
        .updateTable(table)
        .set((eb) => ({ owner_id: transferToId, version: eb(`${table}.version`, '+', 1), updated_at: now }))
        .where(`${table}.owner_id`, '=', id)
        .returning(`${table}.id`)
        .execute();
      for (const r of moved) events.push({ entityType, entityId: r.id, action: 'transfer', before: { owner_id: id }, after: { owner_id: transferToId } });
    }
    // Interactions still to happen or to record go to the heir; those with a result stay theirs (their advance rate).
    const interactions = await tx
      .updateTable('interactions')
      .set((eb) => ({ owner_id: transferToId, version: eb('interactions.version', '+', 1), updated_at: now }))
      .where('interactions.owner_id', '=', id)
      .where('interactions.result', 'is', null)
      .where('interactions.cancelled_at', 'is', null)
      .returning('interactions.id')
      .execute();
    for (const r of interactions) events.push({ entityType: 'interaction', entityId: r.id, action: 'transfer', before: { owner_id: id }, after: { owner_id: transferToId } });
    // Their check-in series end (a 1:1 is with this person; the heir sets up their own). History stays.
    const ended = await tx
      .updateTable('check_in_series')
      .set((eb) => ({ ended_at: now, version: eb('check_in_series.version', '+', 1), updated_at: now }))
      .where((eb) => eb.or([eb('check_in_series.manager_id', '=', id), eb('check_in_series.rep_id', '=', id)]))
      .where('check_in_series.ended_at', 'is', null)
      .returning('check_in_series.id')
      .execute();
    for (const r of ended) events.push({ entityType: 'check_in_series', entityId: r.id, action: 'update', before: { ended_at: null }, after: { ended_at: now } });
    // Their open promises, of every kind, do not lapse with them: the heir keeps them.
    events.push(...(await handOverOpenCommitments(tx, id, transferToId, now)));
    await audit(tx, actor, events);
    await releaseLedTeams(tx, actor, id);
    // Their next request finds no session and gets 401.
    await endAllSessionsOf(tx.db, id);
    return findUser(tx, actor, id);
  });
}
