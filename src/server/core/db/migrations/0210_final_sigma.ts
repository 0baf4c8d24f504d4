import { sql, type Kysely } from 'kysely';

/**
 * Search text folds the Greek final sigma (ς) into σ, as SQLite's tokenizer already did and
 * PostgreSQL's does not: "σισυφοσ" found "ΣΊΣΥΦΟΣ" on SQLite only (lowercased, its last letter is ς).
 * The folding is src/domain/search-text.ts; stored search text is folded again here (written out: a
 * migration copies no application code). Only rows holding the letter change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['accounts', 'contacts', 'opportunities', 'plans']) {
    await sql`update ${sql.table(table)} set search_text = replace(search_text, ${'ς'}, ${'σ'}) where search_text like ${'%ς%'}`.execute(db);
  }
}
