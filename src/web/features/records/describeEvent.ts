import type { AuditEvent } from '../../../shared/audit';
import { BUYING_ROLE_LABELS, type BuyingRole } from '../../../shared/contacts';
import { OPPORTUNITY_STATUS_LABELS, type OpportunityStatus } from '../../../shared/opportunities';
import { formatDate, formatMoney } from '../../lib/format';

export type Lookups = {
  userName: (id: string) => string | undefined;
  stageName: (id: string) => string | undefined;
  accountName: (id: string) => string | undefined;
  /** The record's currency, for amount changes that did not change the currency too. */
  currency?: string;
};

export type ChangeLine = { key: string; text: string };

const LABELS: Record<string, string> = {
  name: 'name',
  domain: 'domain',
  industry: 'industry',
  size: 'size',
  ownerId: 'owner',
  notes: 'notes',
  title: 'title',
  email: 'email',
  phone: 'phone',
  buyingRole: 'buying role',
  accountId: 'account',
  stageId: 'stage',
  amountMinor: 'amount',
  currency: 'currency',
  closeDate: 'close date',
  status: 'status',
  closeReason: 'reason',
};

// Fields whose change the action already says (archivedAt on archive) or that are bookkeeping.
const SILENT = new Set(['archivedAt', 'closedAt', 'workspaceId']);

function show(key: string, value: unknown, currency: unknown, lookups: Lookups): string {
  if (value === null || value === undefined || value === '') return '';
  const s = String(value);
  switch (key) {
    case 'ownerId':
      return lookups.userName(s) ?? 'someone else';
    case 'stageId':
      return lookups.stageName(s) ?? 'another stage';
    case 'accountId':
      return lookups.accountName(s) ?? 'another account';
    case 'amountMinor':
      return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && typeof value === 'number' ? formatMoney({ amountMinor: value, currency }) : s;
    case 'closeDate':
      return formatDate(s);
    case 'status':
      return OPPORTUNITY_STATUS_LABELS[s as OpportunityStatus] ?? s;
    case 'buyingRole':
      return BUYING_ROLE_LABELS[s as BuyingRole] ?? s;
    default:
      return s;
  }
}

/** One readable clause per changed field: "changed industry from “Fintech” to “Retail”". */
export function changeLines(event: AuditEvent, lookups: Lookups): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const [key, { before, after }] of Object.entries(event.changes)) {
    if (SILENT.has(key)) continue;
    const label = LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
    // An amount change with its currency reads as one change of amount.
    if (key === 'currency' && event.changes.amountMinor) continue;
    if (key === 'notes') {
      lines.push({ key, text: after ? 'edited the notes' : 'cleared the notes' });
      continue;
    }
    const from = show(key, before, event.changes.currency?.before ?? lookups.currency, lookups);
    const to = show(key, after, event.changes.currency?.after ?? lookups.currency, lookups);
    if (!from && to) lines.push({ key, text: `set ${label} to “${to}”` });
    else if (from && !to) lines.push({ key, text: `cleared ${label} (was “${from}”)` });
    else lines.push({ key, text: `changed ${label} from “${from}” to “${to}”` });
  }
  return lines;
}

/** The headline of an event, after the actor's name: "created this account", "changed 3 fields". */
export function eventHeadline(event: AuditEvent, noun: string, lines: ChangeLine[]): string {
  switch (event.action) {
    case 'create':
      return `created this ${noun}`;
    case 'archive':
      return `archived this ${noun}`;
    case 'restore':
      return `restored this ${noun}`;
    // An interaction's result (recorded, or corrected when there was one) and its cancelling.
    case 'record': {
      const result = event.changes.result as { before: unknown; after: unknown } | undefined;
      const words: Record<string, string> = { advanced: 'advanced', continuation: 'a continuation', no_advance: 'no advance' };
      if (!result) return 'changed the result’s notes or agreed actions';
      const after = words[String(result.after)] ?? String(result.after);
      return result.before ? `corrected the result to ${after} (was ${words[String(result.before)] ?? String(result.before)})` : `recorded the result: ${after}`;
    }
    case 'cancel':
      return `cancelled this ${noun}`;
    case 'transfer':
      return lines.length === 1 ? `${lines[0].text} (handed over when a person left)` : `handed this ${noun} over when a person left`;
    default:
      if (lines.length === 0) return `updated this ${noun}`;
      if (lines.length === 1) return lines[0].text;
      return `made ${lines.length} changes`;
  }
}
