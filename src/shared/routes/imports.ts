import { IdParams, NoBody, VersionBody } from '../common.js';
import { CreateImportBody, DryRun, Import, ImportList, ImportListQuery, ImportResults, ImportResultsQuery, UpdateImportBody } from '../imports.js';
import { defineRoutes } from './define.js';

const tags = ['imports'] as const;

/** CSV import from CRM exports (admins): upload, mapping, dry run, background run, results. */
export const importsApi = defineRoutes({
  listImports: { tags, summary: 'Imports of this workspace, newest first (admins)', query: ImportListQuery, response: { 200: ImportList } },
  createImport: {
    tags,
    summary: 'Upload a CSV file to import (admins): nothing is imported yet',
    description:
      'The body carries the file as text (UTF-8, with or without a byte order mark; at most 50 MB). Salesforce Data Export files (`Account.csv`, `Contact.csv`, `Opportunity.csv`, `User.csv`), Salesforce report exports and HubSpot exports are recognised: the source and the column mapping are suggested from the headers, the date order and decimal mark from the values. Answers the import as a draft with a preview of its first rows.',
    body: CreateImportBody,
    response: { 201: Import },
  },
  getImport: { tags, summary: 'One import: its mapping, preview, status and progress (admins)', params: IdParams, response: { 200: Import } },
  updateImport: {
    tags,
    summary: 'Change a draft import’s source, column mapping or options (admins; send the version you read)',
    params: IdParams,
    body: UpdateImportBody,
    response: { 200: Import },
    errors: ['rule_violation', 'version_conflict'],
  },
  dryRunImport: {
    tags,
    summary: 'Read every row as the import would and list each row’s problems by column (admins); writes nothing',
    params: IdParams,
    body: NoBody,
    response: { 200: DryRun },
  },
  startImport: {
    tags,
    summary: 'Run a draft import in the background (admins; send the version you read); follow it with getImport',
    description: 'Rows are written in chunks by a worker inside the server; a row with a problem is skipped with its reason and never stops the others. Rows whose source id was imported before update that record instead of creating another.',
    params: IdParams,
    body: VersionBody,
    response: { 202: Import },
    errors: ['rule_violation', 'version_conflict'],
  },
  listImportResults: {
    tags,
    summary: 'What happened to each row of an import: created, updated, unchanged or skipped with the reason (admins)',
    params: IdParams,
    query: ImportResultsQuery,
    response: { 200: ImportResults },
  },
});
