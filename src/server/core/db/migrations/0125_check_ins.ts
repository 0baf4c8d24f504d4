import { sql, type Kysely } from 'kysely';

/**
 * Check-ins: recurring 1:1s between a manager and a rep (issue 12 point 6).
 *
 * - `check_in_templates`: the workspace's questions (JSON array of {id, text}), one row per
 *   workspace, written the first time an admin edits them (until then the built-in default applies).
 * - `check_in_series`: who (manager, rep), the cadence (weekly | biweekly | monthly), the day
 *   (an ISO weekday, or a day of the month for monthly), the wall-clock time and the manager's time
 *   zone it is read in, the first date, and when it ended. One running series per manager and rep.
 * - `check_ins`: an occurrence, written when someone first opens it (or its reminder is due): its
 *   instant, its date and time on the manager's clock, and the questions as they were then (a later
 *   edit of the template does not rewrite past check-ins). One row per (series, instant).
 * - `check_in_answers`: the rep's answers to one check-in (JSON array of {questionId, text}), with
 *   their own version (the rep answers while the manager writes notes), and when they were submitted.
 * - `check_in_notes`: notes, each private to its author or shared with the other person.
 * Agreed actions are commitments with subject 'check_in' (0090).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('check_in_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').unique())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('updated_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('check_in_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rep_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer')
    .addColumn('day_of_month', 'integer')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('ended_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'check_in_series_day',
      sql`(cadence in ('weekly', 'biweekly') and weekday between 1 and 7 and day_of_month is null) or (cadence = 'monthly' and day_of_month between 1 and 31 and weekday is null)`,
    )
    .addCheckConstraint('check_in_series_two_people', sql`manager_id <> rep_id`)
    .execute();
  await db.schema.createIndex('check_in_series_ws_manager').on('check_in_series').columns(['workspace_id', 'manager_id']).execute();
  await db.schema.createIndex('check_in_series_ws_rep').on('check_in_series').columns(['workspace_id', 'rep_id']).execute();
  await db.schema
    .createIndex('check_in_series_one_running')
    .on('check_in_series')
    .columns(['workspace_id', 'manager_id', 'rep_id'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('series_id', 'text', (c) => c.notNull().references('check_in_series.id'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rep_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('upcoming'))
    .addColumn('held_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('check_ins_status', sql`status in ('upcoming', 'held', 'skipped')`)
    .addUniqueConstraint('check_ins_one_per_occurrence', ['series_id', 'scheduled_at'])
    .execute();
  await db.schema.createIndex('check_ins_ws_series').on('check_ins').columns(['workspace_id', 'series_id', 'scheduled_at']).execute();
  await db.schema.createIndex('check_ins_ws_rep').on('check_ins').columns(['workspace_id', 'rep_id', 'scheduled_at']).execute();
  await db.schema.createIndex('check_ins_ws_manager').on('check_ins').columns(['workspace_id', 'manager_id', 'scheduled_at']).execute();

  await db.schema
    .createTable('check_in_answers')
    .addColumn('id', 'text', (c) => c.primaryKey().references('check_ins.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('check_in_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('check_in_id', 'text', (c) => c.notNull().references('check_ins.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('check_in_notes_visibility', sql`visibility in ('private', 'shared')`)
    .execute();
  await db.schema.createIndex('check_in_notes_ws_check_in').on('check_in_notes').columns(['workspace_id', 'check_in_id', 'created_at']).execute();
}
