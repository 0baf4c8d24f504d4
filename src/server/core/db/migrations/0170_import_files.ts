import { sql, type Kysely } from 'kysely';

/**
 * An import's CSV file moves out of the `imports` row into `import_files` (one row per import).
 *
 * The worker writes an import's progress with every chunk, and the import page reads it every
 * second. Both engines rewrite a whole row on update — SQLite the record with its overflow pages,
 * PostgreSQL a new tuple (its TOASTed text is shared, but SQLite has nothing like it) — so with the
 * file in the row, each progress write of a 15 MB file copied 15 MB: most of a 100 000-row
 * import's commit time and write-ahead log. The file is written once and read by the dry run and
 * the worker only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_files')
    .addColumn('import_id', 'text', (c) => c.primaryKey().references('imports.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('csv_text', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into import_files (import_id, workspace_id, csv_text) select id, workspace_id, csv_text from imports`.execute(db);
  await db.schema.alterTable('imports').dropColumn('csv_text').execute();
}
