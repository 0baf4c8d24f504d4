import { guessDateOrder, guessDecimalMark } from '../../../domain/import-values.js';
import { closedStage, detectSource, mappedStage, matchStage, suggestMapping } from '../../../domain/import-mapping.js';
import {
  DRY_RUN_ISSUES_MAX,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_REQUIRED,
  IMPORT_FIELD_LABELS,
  type CreateImportBody,
  type DryRun,
  type Import,
  type ImportEntity,
  type ImportMapping,
  type ImportOptions,
  type RowIssue,
  type UpdateImportBody,
} from '../../../shared/imports.js';
import type { Actor } from '../../core/actor.js';
import { AppError, conflict, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertVersionRead } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { decide } from './apply.js';
import { cellOf, parseCsv, type ParsedCsv } from './csv.js';
import { loadLookups } from './lookups.js';
import { findImport } from './queries.js';
import { columnsOf, rowReader } from './rows.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

const PREVIEW_ROWS = 5;
const STAGE_VALUES_MAX = 200;

/** The file read, or 400 naming what is wrong with it: nothing is stored for a file that cannot be read. */
function readFile(text: string): ParsedCsv {
  if (Buffer.byteLength(text, 'utf8') > IMPORT_MAX_BYTES) throw invalid('text', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files.`);
  const parsed = parseCsv(text);
  if (parsed.errors.length > 0) {
    throw new AppError('validation_failed', 'This file cannot be read as CSV.', [...new Set(parsed.errors.map((e) => `Row ${e.row}: ${e.message}`))].slice(0, 20).map((message) => ({ path: 'text', message })));
  }
  if (parsed.headers.length === 0 || parsed.headers.every((h) => h === '')) throw invalid('text', 'The first line must name the columns.');
  if (parsed.rows.length === 0) throw invalid('text', 'The file has a header but no rows.');
  return parsed;
}

/** What the admin sees before running: the first rows as the mapping reads them, and the file's stage values. */
function analyse(entity: ImportEntity, parsed: ParsedCsv, mapping: ImportMapping, options: ImportOptions, stages: { id: string; name: string }[]) {
  const cols = columnsOf(parsed.headers, mapping);
  const preview = parsed.rows.slice(0, PREVIEW_ROWS).map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(IMPORT_FIELDS[entity].filter((f) => cols[f] !== undefined).map((f) => [f, cellOf(cells, cols[f])])),
  }));
  const counts = new Map<string, number>();
  if (entity === 'opportunities' && cols.stage !== undefined) {
    for (const cells of parsed.rows) {
      const v = cellOf(cells, cols.stage);
      if (v && (counts.has(v) || counts.size < STAGE_VALUES_MAX)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const stageValues = [...counts]
    .map(([value, rows]) => ({ value, rows, stageId: mappedStage(options.stageMap, value) ?? matchStage(value, stages) ?? null }))
    // "Closed Won" / "Closed Lost" close the deal instead of naming a stage: listed only when a stage of that name exists.
    .filter((s) => s.stageId !== null || !closedStage(s.value));
  return { preview, stageValues };
}

async function activeStages(scope: Scope) {
  return scope.selectFrom('stages').select(['id', 'name']).where('stages.archived_at', 'is', null).orderBy('stages.position').execute();
}

export async function createImport({ scope, actor, input }: Op<{ input: CreateImportBody }>): Promise<Import> {
  const parsed = readFile(input.text);
  const source = input.source ?? detectSource(parsed.headers, parsed.rows[0]);
  const mapping = suggestMapping(input.entity, parsed.headers);
  const cols = columnsOf(parsed.headers, mapping);
  const sample = (field: 'closeDate' | 'amount') => parsed.rows.slice(0, 1000).map((r) => cellOf(r, cols[field])).filter(Boolean);
  const workspace = await scope.db.selectFrom('workspaces').select('target_currency').where('id', '=', scope.workspaceId).executeTakeFirstOrThrow();
  const options: ImportOptions = {
    dateOrder: input.dateOrder ?? guessDateOrder(sample('closeDate'), 'mdy'),
    decimalMark: input.decimalMark ?? guessDecimalMark(sample('amount'), '.'),
    currency: input.currency ?? workspace.target_currency,
    stageMap: {},
    unmatchedOwner: 'skip',
  };
  const { preview, stageValues } = analyse(input.entity, parsed, mapping, options, await activeStages(scope));
  const now = nowIso();
  const id = newId();
  await scope.insert('imports', {
    id,
    entity: input.entity,
    source,
    file_name: input.fileName,
    size_bytes: Buffer.byteLength(input.text, 'utf8'),
    row_count: parsed.rows.length,
    headers: JSON.stringify(parsed.headers),
    mapping: JSON.stringify(mapping),
    options: JSON.stringify(options),
    preview: JSON.stringify(preview),
    stage_values: JSON.stringify(stageValues),
    status: 'draft',
    claimed_until: null,
    claim_token: null,
    error: null,
    created_by_id: actor.id,
    created_by_name: actor.name,
    created_at: now,
    updated_at: now,
    started_at: null,
    finished_at: null,
  });
  await scope.insert('import_files', { import_id: id, csv_text: input.text });
  return present(scope, id);
}

async function present(scope: Scope, id: string): Promise<Import> {
  return (await findImport(scope, id)) ?? Promise.reject(notFound('Import'));
}

async function loadDraft(scope: Scope, id: string) {
  const row = await scope.selectFrom('imports').selectAll().where('imports.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

/** The import's file (kept apart from its row, which the worker writes with every chunk). */
export async function fileOf(scope: Scope, id: string): Promise<string> {
  const file = await scope.selectFrom('import_files').select('csv_text').where('import_files.import_id', '=', id).executeTakeFirst();
  if (!file) throw notFound('Import');
  return file.csv_text;
}

const draftOnly = () => ruleViolation('This import has started: its mapping can no longer change. Upload the file again to import it differently.');

/** Checks a mapping against the file and the entity: known fields only, columns of this file only. */
function checkMapping(entity: ImportEntity, headers: string[], mapping: ImportMapping): ImportMapping {
  const fields = IMPORT_FIELDS[entity] as readonly string[];
  const issues = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.includes(field)) issues.push({ path: `mapping.${field}`, message: `A ${entity} file has no field “${field}”.` });
    else if (column !== null && !headers.includes(column)) issues.push({ path: `mapping.${field}`, message: `The file has no column “${column}”.` });
  }
  if (issues.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', issues);
  return Object.fromEntries(fields.map((f) => [f, mapping[f] ?? null]));
}

export async function updateImport({ scope, id, input, version }: Op<{ id: string; input: UpdateImportBody; version: number | undefined }>): Promise<Import> {
  return scope.transaction(async (tx) => {
    const row = await loadDraft(tx, id);
    await assertVersionRead(row, version, () => present(tx, id));
    if (row.status !== 'draft') throw draftOnly();
    const headers = JSON.parse(row.headers) as string[];
    const mapping = input.mapping ? checkMapping(row.entity, headers, { ...(JSON.parse(row.mapping) as ImportMapping), ...input.mapping }) : (JSON.parse(row.mapping) as ImportMapping);
    const options: ImportOptions = { ...(JSON.parse(row.options) as ImportOptions), ...input.options };
    const stages = await activeStages(tx);
    for (const [value, stageId] of Object.entries(options.stageMap)) {
      if (!stages.some((s) => s.id === stageId)) throw invalid(`options.stageMap.${value}`, 'Choose an active stage of this workspace.');
    }
    const { preview, stageValues } = analyse(row.entity, parseCsv(await fileOf(tx, id)), mapping, options, stages);
    const result = await tx
      .updateTable('imports')
      .set({ source: input.source ?? row.source, mapping: JSON.stringify(mapping), options: JSON.stringify(options), preview: JSON.stringify(preview), stage_values: JSON.stringify(stageValues), version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(await present(tx, id));
    return present(tx, id);
  });
}

/** Problems with the mapping itself (a required field without a column): reported once, not per row. */
function mappingIssues(entity: ImportEntity, mapping: ImportMapping): RowIssue[] {
  return IMPORT_REQUIRED[entity]
    .filter((f) => !mapping[f])
    .map((f) => ({ row: 1, column: null, field: f, message: `Choose the column for “${IMPORT_FIELD_LABELS[f]}”.` }));
}

/** Reads every row as the run would and counts what it would do; writes nothing. */
export async function dryRunImport({ scope, actor, id }: Op<{ id: string }>): Promise<DryRun> {
  const row = await loadDraft(scope, id);
  const mapping = JSON.parse(row.mapping) as ImportMapping;
  const options = JSON.parse(row.options) as ImportOptions;
  const parsed = parseCsv(await fileOf(scope, id));
  const upfront = mappingIssues(row.entity, mapping);
  if (upfront.length > 0) return { rows: parsed.rows.length, wouldCreate: 0, wouldUpdate: 0, wouldSkip: parsed.rows.length, issues: upfront, issueCount: upfront.length };
  const lookups = await loadLookups(scope, row.source, row.entity);
  const read = rowReader(row.entity, parsed.headers, mapping, options, lookups, actor.id);
  const decisions = decide(parsed.rows.map((cells, i) => ({ row: i + 2, cells })), read, lookups, new Set());
  const issues: RowIssue[] = [];
  let issueCount = 0;
  let wouldCreate = 0;
  let wouldUpdate = 0;
  let wouldSkip = 0;
  for (const d of decisions) {
    if (d.plan.kind === 'skip') {
      wouldSkip += 1;
      issueCount += d.plan.issues.length;
      for (const i of d.plan.issues) if (issues.length < DRY_RUN_ISSUES_MAX) issues.push(i);
    } else if (d.pendingId || d.plan.kind === 'user') wouldCreate += 1;
    else wouldUpdate += 1;
  }
  return { rows: parsed.rows.length, wouldCreate, wouldUpdate, wouldSkip, issues, issueCount };
}

/** Queues the import for the background worker, as its author last saw it (the mapping they dry-ran); the page follows its progress. */
export async function startImport({ scope, id, version }: Op<{ id: string; version: number | undefined }>): Promise<Import> {
  return scope.transaction(async (tx) => {
    const row = await loadDraft(tx, id);
    await assertVersionRead(row, version, () => present(tx, id));
    if (row.status !== 'draft') throw draftOnly();
    const missing = mappingIssues(row.entity, JSON.parse(row.mapping) as ImportMapping);
    if (missing.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', missing.map((m) => ({ path: `mapping.${m.field}`, message: m.message })));
    const now = nowIso();
    const queued = await tx.updateTable('imports').set({ status: 'queued', version: row.version + 1, updated_at: now }).where('id', '=', id).where('version', '=', row.version).executeTakeFirst();
    if (Number(queued.numUpdatedRows) !== 1) throw conflict(await present(tx, id));
    return present(tx, id);
  });
}
