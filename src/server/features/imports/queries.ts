import type { Import, ImportList, ImportResults, ImportResultsQuery, ImportSummary } from '../../../shared/imports.js';
import { AppError } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';

// Never the file itself: the page asks for progress every second while an import runs.
const SUMMARY = [
  'imports.id', 'imports.entity', 'imports.source', 'imports.file_name', 'imports.size_bytes', 'imports.row_count', 'imports.status', 'imports.processed_rows',
  'imports.created_count', 'imports.updated_count', 'imports.unchanged_count', 'imports.skipped_count', 'imports.created_by_id', 'imports.created_by_name',
  'imports.created_at', 'imports.started_at', 'imports.finished_at', 'imports.error',
] as const;

type SummaryRow = {
  id: string; entity: ImportSummary['entity']; source: ImportSummary['source']; file_name: string; size_bytes: number; row_count: number; status: ImportSummary['status'];
  processed_rows: number; created_count: number; updated_count: number; unchanged_count: number; skipped_count: number; created_by_id: string | null; created_by_name: string;
  created_at: string; started_at: string | null; finished_at: string | null; error: string | null;
};

function summary(r: SummaryRow): ImportSummary {
  return {
    id: r.id,
    entity: r.entity,
    source: r.source,
    fileName: r.file_name,
    sizeBytes: Number(r.size_bytes),
    rowCount: Number(r.row_count),
    status: r.status,
    processedRows: Number(r.processed_rows),
    counts: { created: Number(r.created_count), updated: Number(r.updated_count), unchanged: Number(r.unchanged_count), skipped: Number(r.skipped_count) },
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: r.error,
  };
}

export async function findImport(scope: Scope, id: string): Promise<Import | null> {
  const r = await scope.selectFrom('imports').select([...SUMMARY, 'imports.headers', 'imports.mapping', 'imports.options', 'imports.preview', 'imports.stage_values', 'imports.version']).where('imports.id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    ...summary(r),
    headers: JSON.parse(r.headers) as string[],
    mapping: JSON.parse(r.mapping) as Import['mapping'],
    options: JSON.parse(r.options) as Import['options'],
    preview: JSON.parse(r.preview) as Import['preview'],
    stageValues: JSON.parse(r.stage_values) as Import['stageValues'],
    version: r.version,
  };
}

const badCursor = () => new AppError('invalid_cursor', 'This cursor is not valid; start again from the first page.', [{ path: 'cursor', message: 'Use the nextCursor of the previous page.' }]);

/** Newest first; the cursor is the last one's (created_at, id). */
export async function listImports(scope: Scope, query: { limit: number; cursor?: string }): Promise<ImportList> {
  let q = scope.selectFrom('imports').select(SUMMARY);
  if (query.cursor) {
    const [at, id] = query.cursor.split('_');
    if (!at || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || !/^[0-9a-f-]{36}$/.test(id)) throw badCursor();
    q = q.where((eb) => eb.or([eb('imports.created_at', '<', at), eb.and([eb('imports.created_at', '=', at), eb('imports.id', '<', id)])]));
  }
  const rows = await q.orderBy('imports.created_at', 'desc').orderBy('imports.id', 'desc').limit(query.limit + 1).execute();
  const more = rows.length > query.limit;
  const data = rows.slice(0, query.limit).map(summary);
  return { data, nextCursor: more ? `${data[data.length - 1].createdAt}_${data[data.length - 1].id}` : null };
}

/** What happened to each row, in file order; the cursor is the last row's line number. */
export async function listResults(scope: Scope, importId: string, query: ImportResultsQuery): Promise<ImportResults> {
  let after = 0;
  if (query.cursor) {
    if (!/^\d{1,9}$/.test(query.cursor)) throw badCursor();
    after = Number(query.cursor);
  }
  let q = scope.selectFrom('import_rows').select(['row_number', 'outcome', 'record_id', 'external_id', 'reason']).where('import_rows.import_id', '=', importId).where('import_rows.row_number', '>', after);
  if (query.outcome) q = q.where('import_rows.outcome', '=', query.outcome);
  const rows = await q.orderBy('import_rows.row_number').limit(query.limit + 1).execute();
  const more = rows.length > query.limit;
  const data = rows.slice(0, query.limit).map((r) => ({ row: Number(r.row_number), outcome: r.outcome, recordId: r.record_id, externalId: r.external_id, reason: r.reason }));
  return { data, nextCursor: more ? String(data[data.length - 1].row) : null };
}
