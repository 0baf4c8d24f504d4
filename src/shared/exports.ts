import { z } from 'zod';
import { AccountListQuery } from './accounts.js';
import { CheckInListQuery } from './check-ins.js';
import { ContactListQuery } from './contacts.js';
import { FocusQuery } from './focus.js';
import { GoalListQuery } from './goals.js';
import { InteractionListQuery } from './interactions.js';
import { OpportunityListQuery } from './opportunities.js';
import { PlanListQuery } from './plans.js';

/**
 * Exports (issue 14, "your data is yours"): each list as CSV with the filters of the list itself,
 * and the whole workspace as one zip for admins.
 */

/** A list's export takes the list's filters and sort, not its paging: it is the whole filtered list. */
const paging = { limit: true, cursor: true } as const;

/**
 * `review=on` while the person reviews in review mode (the app's switch against the halo effect):
 * the file then leaves out what the screen hides — amounts, won and lost, close reasons.
 */
export const ReviewModeQuery = z.strictObject({
  review: z.enum(['on']).optional().describe('`on` in review mode: amounts, won/lost (written as `closed`) and close reasons are left out of the file, as the screen hides them.'),
});
export type ReviewModeQuery = z.infer<typeof ReviewModeQuery>;

export const AccountExportQuery = AccountListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type AccountExportQuery = z.infer<typeof AccountExportQuery>;
export const ContactExportQuery = ContactListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type ContactExportQuery = z.infer<typeof ContactExportQuery>;
export const OpportunityExportQuery = OpportunityListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type OpportunityExportQuery = z.infer<typeof OpportunityExportQuery>;
export const PlanExportQuery = PlanListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type PlanExportQuery = z.infer<typeof PlanExportQuery>;
export const InteractionExportQuery = InteractionListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type InteractionExportQuery = z.infer<typeof InteractionExportQuery>;
export const FocusExportQuery = FocusQuery.omit(paging).extend(ReviewModeQuery.shape);
export type FocusExportQuery = z.infer<typeof FocusExportQuery>;
export const GoalExportQuery = GoalListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type GoalExportQuery = z.infer<typeof GoalExportQuery>;
export const CheckInExportQuery = CheckInListQuery.omit(paging).extend(ReviewModeQuery.shape);
export type CheckInExportQuery = z.infer<typeof CheckInExportQuery>;

/** A CSV file: UTF-8 with a byte-order mark, CRLF line ends, a header row, ids in the first columns. */
export const CsvFile = z.string().meta({
  id: 'CsvFile',
  description:
    'CSV (RFC 4180), UTF-8 with a byte-order mark so Excel reads accents right, CRLF line ends, one header row. Ids come first. A text cell starting with =, +, -, @, a tab or a carriage return is prefixed with \' (and quoted) so spreadsheets show it instead of running it as a formula.',
});

/** The workspace as one zip. */
export const ZipFile = z.string().meta({ id: 'ZipFile', description: 'A zip archive (see the operation for its files).' });
