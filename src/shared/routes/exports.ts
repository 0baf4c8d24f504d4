import { NoBody, IdParams } from '../common.js';
import {
  AccountExportQuery,
  CheckInExportQuery,
  ContactExportQuery,
  CsvFile,
  FocusExportQuery,
  GoalExportQuery,
  InteractionExportQuery,
  OpportunityExportQuery,
  PlanExportQuery,
  ReviewModeQuery,
  ZipFile,
} from '../exports.js';
import { defineRoutes } from './define.js';

const csv = (filename: string) => ({ mediaType: 'text/csv', filename: `${filename}-<YYYY-MM-DD>.csv` }) as const;
const SAME_AS_LIST = 'The whole list as CSV, with the same filters and sort as the list (paging aside) and the same people and records in it; streamed page by page.';

export const exportsApi = defineRoutes({
  exportAccounts: { tags: ['accounts'], summary: 'Export the account list as CSV', description: SAME_AS_LIST, query: AccountExportQuery, response: { 200: CsvFile }, file: csv('accounts') },
  exportContacts: { tags: ['contacts'], summary: 'Export the contact list as CSV', description: SAME_AS_LIST, query: ContactExportQuery, response: { 200: CsvFile }, file: csv('contacts') },
  exportOpportunities: {
    tags: ['opportunities'],
    summary: 'Export the opportunity list as CSV',
    description: `${SAME_AS_LIST} Filtered by a focus flag, each row also lists the deal's flags.`,
    query: OpportunityExportQuery,
    response: { 200: CsvFile },
    file: csv('opportunities'),
  },
  exportFocus: { tags: ['opportunities'], summary: 'Export the chased deals (Focus) as CSV', description: `${SAME_AS_LIST} Each row lists the deal's flags and the figures behind them.`, query: FocusExportQuery, response: { 200: CsvFile }, file: csv('focus') },
  exportPlans: { tags: ['plans'], summary: 'Export the mutual plan list as CSV', description: SAME_AS_LIST, query: PlanExportQuery, response: { 200: CsvFile }, file: csv('plans') },
  exportInteractions: { tags: ['interactions'], summary: 'Export the interaction list as CSV', description: SAME_AS_LIST, query: InteractionExportQuery, response: { 200: CsvFile }, file: csv('interactions') },
  exportAccountObjectives: { tags: ['objectives'], summary: 'Export an account’s objectives as CSV', description: 'The account’s strategic objectives as on its page, by target date.', params: IdParams, query: ReviewModeQuery, response: { 200: CsvFile }, file: csv('objectives') },
  exportGoals: {
    tags: ['goals'],
    summary: 'Export a goal list as CSV',
    description: `${SAME_AS_LIST} Why goals are never in it.`,
    query: GoalExportQuery,
    response: { 200: CsvFile },
    // As the list: someone else's goals are a manager's (their team) or an admin's to read.
    errors: ['forbidden', 'not_found'],
    file: csv('goals'),
  },
  exportCheckIns: { tags: ['check-ins'], summary: 'Export the check-in list as CSV', description: SAME_AS_LIST, query: CheckInExportQuery, response: { 200: CsvFile }, file: csv('check-ins') },
  exportWorkspace: {
    tags: ['people'],
    summary: 'Export the whole workspace as a zip (admins)',
    description:
      'One zip: `workspace.json` (every record of every entity, and every audit event: who changed what, when, before and after) and one CSV per entity (`csv/<entity>.csv`), plus `README.txt` saying what is left out. ' +
      'Never in it: password hashes, session data, the hashes of invite, share-link and password-reset tokens, server secrets, the mail outbox (its mails carry links with secrets), webhook signing secrets and the webhook delivery log, and other people’s private why ladders, their rungs, their audit events, their goals’ links to them, their private check-in notes, and their check-in answers until they hand them in (with the audit events of those drafts). ' +
      'At most WORKSPACE_EXPORTS_PER_HOUR per workspace an hour (429 after that); each export is recorded in the audit trail.',
    body: NoBody,
    response: { 200: ZipFile },
    errors: ['too_many_requests'],
    file: { mediaType: 'application/zip', filename: 'advance-<workspace>-<YYYY-MM-DD>.zip' },
  },
});
