import { describeNotification } from '../../../shared/notifications.js';
import { newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';

/** "You were invited to an objective": an in-app notification that links to it. */
export async function notifyInvited(scope: Scope, opts: { objectiveId: string; userId: string; by: string; at: string }): Promise<void> {
  const objective = await scope.selectFrom('account_objectives').select('title').where('account_objectives.id', '=', opts.objectiveId).executeTakeFirstOrThrow();
  const data = { objectiveTitle: objective.title };
  await scope.insert('notifications', {
    id: newId(),
    user_id: opts.userId,
    kind: 'objective_invited',
    plan_id: null,
    objective_id: opts.objectiveId,
    actor_name: opts.by,
    data: JSON.stringify(data),
    share_link_id: null,
    event_count: 1,
    last_event_at: opts.at,
    text: describeNotification({ kind: 'objective_invited', actorName: opts.by, data, count: 1 }),
    created_at: opts.at,
    read_at: null,
  });
}
