import type { ImportEntity, ImportSource } from '../../../shared/import-fields';
import type { ImportOutcome, ImportStatus } from '../../../shared/imports';

export const ENTITY_LABELS: Record<ImportEntity, string> = { accounts: 'Accounts', contacts: 'Contacts', opportunities: 'Opportunities', users: 'Users (to match owners)' };
export const SOURCE_LABELS: Record<ImportSource, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot', csv: 'Other CSV' };
export const STATUS_LABELS: Record<ImportStatus, string> = { draft: 'Not started', queued: 'Waiting to start', running: 'Importing', done: 'Done', failed: 'Stopped' };
export const STATUS_TONES = { draft: 'neutral', queued: 'warning', running: 'accent', done: 'success', failed: 'danger' } as const;
export const OUTCOME_LABELS: Record<ImportOutcome, string> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped' };

/** Where an imported record opens. */
export function recordPath(entity: ImportEntity, id: string): string | null {
  if (entity === 'accounts') return `/accounts/${id}`;
  if (entity === 'contacts') return `/contacts/${id}`;
  if (entity === 'opportunities') return `/opportunities/${id}`;
  return null;
}
