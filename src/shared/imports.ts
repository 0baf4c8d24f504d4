import { z } from 'zod';
import { Currency, Id, Instant, Text, listQueryBase, page } from './common.js';

/**
 * CSV import (Settings → Import): an admin uploads a file exported from a CRM (Salesforce Data
 * Export or report, HubSpot export, any CSV), checks the column mapping and a dry run, then the
 * import runs in the background. Records keep the source's ids so a second import of the same
 * file updates what the first one created.
 */

import { IMPORT_ENTITIES, IMPORT_FILE_NAME_MAX, IMPORT_SOURCES } from './import-fields.js';

export * from './import-fields.js';

export const ImportEntity = z.enum(IMPORT_ENTITIES);
export type ImportEntity = z.infer<typeof ImportEntity>;
export const ImportSource = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof ImportSource>;

/** How dates such as 03/04/2026 are read: day first (31/12/2026), month first (12/31/2026). ISO dates are always read as such. */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export const DateOrder = z.enum(DATE_ORDERS);
export type DateOrder = z.infer<typeof DateOrder>;

/** The decimal mark of amounts: "1,234.56" (dot) or "1.234,56" (comma). */
export const DECIMAL_MARKS = ['.', ','] as const;
export const DecimalMark = z.enum(DECIMAL_MARKS);
export type DecimalMark = z.infer<typeof DecimalMark>;

/** A column per field: the column's header as in the file, or null when no column fills it. */
export const ImportMapping = z.record(z.string(), Text.max(500).nullable()).meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportOptions = z
  .strictObject({
    dateOrder: DateOrder,
    decimalMark: DecimalMark,
    /** Currency of amounts when no column says it. */
    currency: Currency,
    /** A stage value of the file → the id of a stage here (values matching a stage's name need no entry). */
    stageMap: z.record(Text.max(200), Id),
    /** Rows whose owner matches nobody here: skipped (`skip`) or given to the admin importing (`me`). */
    unmatchedOwner: z.enum(['skip', 'me']),
  })
  .meta({ id: 'ImportOptions' });
export type ImportOptions = z.infer<typeof ImportOptions>;

export const IMPORT_STATUSES = ['draft', 'queued', 'running', 'done', 'failed'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportSummary = z
  .object({
    id: Id,
    entity: ImportEntity,
    source: ImportSource,
    fileName: z.string(),
    sizeBytes: z.number().int(),
    rowCount: z.number().int(),
    status: ImportStatus,
    processedRows: z.number().int(),
    counts: ImportCounts,
    createdBy: z.object({ id: Id.nullable(), name: z.string() }),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    /** Why a whole import stopped (a row's problem never stops it: that row is skipped). */
    error: z.string().nullable(),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof ImportSummary>;

/** One value of the file's stage column and the stage it goes to (null: not matched yet). */
export const StageValue = z.object({ value: z.string(), rows: z.number().int(), stageId: Id.nullable() });

export const Import = ImportSummary.extend({
  headers: z.array(z.string()),
  mapping: ImportMapping,
  options: ImportOptions,
  /** The first rows as the file has them, and as the mapping reads them (field → value). */
  preview: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
  stageValues: z.array(StageValue),
  version: z.number().int(),
}).meta({ id: 'Import' });
export type Import = z.infer<typeof Import>;

export const CreateImportBody = z
  .strictObject({
    entity: ImportEntity,
    /** Detected from the headers when left out. */
    source: ImportSource.optional(),
    fileName: Text.trim().min(1, 'Name the file.').max(IMPORT_FILE_NAME_MAX),
    /** The file's text (UTF-8, with or without BOM), at most 50 MB. */
    text: Text.min(1, 'The file is empty.'),
    dateOrder: DateOrder.optional(),
    decimalMark: DecimalMark.optional(),
    currency: Currency.optional(),
  })
  .meta({ id: 'CreateImportBody' });
export type CreateImportBody = z.infer<typeof CreateImportBody>;

export const UpdateImportBody = z
  .strictObject({
    source: ImportSource.optional(),
    mapping: ImportMapping.optional(),
    options: ImportOptions.partial().optional(),
    /** The version you read; required here or as If-Match. */
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'UpdateImportBody' });
export type UpdateImportBody = z.infer<typeof UpdateImportBody>;

/** A problem of one row: the row's line number in the file (the header is line 1), the column and what to do. */
export const RowIssue = z.object({ row: z.number().int(), column: z.string().nullable(), field: z.string(), message: z.string() });
export type RowIssue = z.infer<typeof RowIssue>;

export const DRY_RUN_ISSUES_MAX = 500;

export const DryRun = z
  .object({
    rows: z.number().int(),
    wouldCreate: z.number().int(),
    wouldUpdate: z.number().int(),
    wouldSkip: z.number().int(),
    /** The first 500 problems; `issueCount` counts all of them. */
    issues: z.array(RowIssue),
    issueCount: z.number().int(),
  })
  .meta({ id: 'DryRun' });
export type DryRun = z.infer<typeof DryRun>;

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'skipped'] as const;
export const ImportOutcome = z.enum(IMPORT_OUTCOMES);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportRowResult = z
  .object({ row: z.number().int(), outcome: ImportOutcome, recordId: Id.nullable(), externalId: z.string().nullable(), reason: z.string().nullable() })
  .meta({ id: 'ImportRowResult' });
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportResultsQuery = z.strictObject({ ...listQueryBase, outcome: ImportOutcome.optional() });
export type ImportResultsQuery = z.infer<typeof ImportResultsQuery>;
export const ImportResults = page(ImportRowResult).meta({ id: 'ImportResults' });
export type ImportResults = z.infer<typeof ImportResults>;

export const ImportListQuery = z.strictObject({ ...listQueryBase });
export const ImportList = page(ImportSummary).meta({ id: 'ImportList' });
export type ImportList = z.infer<typeof ImportList>;
