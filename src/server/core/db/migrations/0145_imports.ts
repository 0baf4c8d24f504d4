import type { Kysely } from 'kysely';

/**
 * CSV import (features/imports).
 *
 * - `imports`: one uploaded file and its import. The CSV text itself is kept here (`csv_text`, at
 *   most 50 MB, see IMPORT_MAX_BYTES) so the background worker of any instance can read it, resume
 *   after a restart, and the admin can leave the page. The mapping and options are JSON; progress
 *   is `processed_rows` and the counts, written with each chunk. A worker holds a running import by
 *   a lease (`claimed_until`, `claim_token`) like the mail outbox: when it dies, another takes over
 *   at the last chunk written.
 * - `import_rows`: what happened to each row (created, updated, unchanged, skipped with the reason).
 * - `import_external_ids`: the id a record has in the source system (a Salesforce 18-character id, a
 *   HubSpot Record ID), unique per workspace, system and entity: a second import of the same rows
 *   updates them instead of creating them again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('csv_text', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('preview', 'text', (c) => c.notNull())
    .addColumn('stage_values', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_until', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_ws_created').on('imports').columns(['workspace_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('imports_due').on('imports').columns(['status', 'claimed_until']).execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('external_id', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_number'])
    .execute();
  await db.schema.createIndex('import_rows_outcome').on('import_rows').columns(['import_id', 'outcome', 'row_number']).execute();

  await db.schema
    .createTable('import_external_ids')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_external_ids_pk', ['workspace_id', 'system', 'entity', 'external_id'])
    .execute();
  await db.schema.createIndex('import_external_ids_record').on('import_external_ids').columns(['workspace_id', 'record_id']).execute();
}
