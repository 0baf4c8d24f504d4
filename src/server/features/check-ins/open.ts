import type { Occurrence } from '../../../domain/check-in-schedule.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { CheckInSeriesTable, CheckInTable } from '../../core/db/schema.js';
import { newId, nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { currentQuestions } from './template.js';

/**
 * The check-in of one occurrence, written the first time anyone needs it (someone opens it, or its
 * reminder is due) with the workspace's questions as they are then, and empty answers for the rep.
 * Opening it again — or twice at the same instant — finds the same row (unique series + instant).
 * `actor` null: Advance opened it (a reminder).
 */
export async function openOccurrence(
  tx: Scope,
  actor: Pick<Actor, 'id' | 'name'> | null,
  series: Pick<CheckInSeriesTable, 'id' | 'manager_id' | 'rep_id' | 'time_zone'>,
  occurrence: Occurrence,
): Promise<CheckInTable & { submitted_at: string | null }> {
  const at = occurrence.at.toISOString();
  const find = () =>
    tx
      .selectFrom('check_ins')
      .leftJoin('check_in_answers as a', 'a.id', 'check_ins.id')
      .selectAll('check_ins')
      .select('a.submitted_at')
      .where('check_ins.series_id', '=', series.id)
      .where('check_ins.scheduled_at', '=', at)
      .executeTakeFirst();
  const existing = await find();
  if (existing) return { ...existing, submitted_at: existing.submitted_at ?? null };
  const now = nowIso();
  const row: Omit<CheckInTable, 'workspace_id'> = {
    id: newId(),
    series_id: series.id,
    manager_id: series.manager_id,
    rep_id: series.rep_id,
    scheduled_at: at,
    local_date: occurrence.date,
    local_time: occurrence.time,
    time_zone: series.time_zone,
    questions: JSON.stringify(await currentQuestions(tx)),
    status: 'upcoming',
    held_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const inserted = await tx
    .insertRow('check_ins', row)
    .onConflict((oc) => oc.columns(['series_id', 'scheduled_at']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
    await tx.insert('check_in_answers', { id: row.id, answers: '[]', submitted_at: null, version: 1, created_at: now, updated_at: now });
    await audit(tx, actor, { entityType: 'check_in', entityId: row.id, action: 'create', before: null, after: { ...row, questions: undefined } });
  }
  const opened = await find();
  if (!opened) throw new Error('check-in vanished after opening');
  return { ...opened, submitted_at: opened.submitted_at ?? null };
}
