import type { AuditEvent } from '../../../shared/audit';
import { BUYING_ROLE_LABELS, type BuyingRole } from '../../../shared/contacts';
import { OPPORTUNITY_STATUS_LABELS, type OpportunityStatus } from '../../../shared/opportunities';
import { CHANGE_COMMITMENT_LABELS, CRITERION_ANSWER_LABELS, type ChangeCommitment, type CriterionAnswer } from '../../../shared/qualification';
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
  changeCommitment: 'commitment to change',
  changeEvidence: 'evidence of the commitment',
  changeSaidBy: 'who said it',
  changeSaidOn: 'the day it was said',
  costOfInaction: 'cost of inaction',
  costPerMonthMinor: 'cost of inaction per month',
  compellingEvent: 'compelling event',
  compellingEventDate: 'compelling event date',
};

/** A deal's answer to a sweet-spot criterion is audited as `criterion:<its wording then>`. */
const CRITERION_KEY = 'criterion:';

// Fields whose change the action already says (archivedAt on archive) or that are bookkeeping.
// Who said a commitment to change is shown once, by name (changeSaidBy), not as its id and typed name.
const SILENT = new Set(['archivedAt', 'closedAt', 'workspaceId', 'changeSaidByContactId', 'changeSaidByName']);

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
    case 'changeSaidOn':
    case 'compellingEventDate':
      return formatDate(s);
    case 'costPerMonthMinor':
      return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && typeof value === 'number' ? formatMoney({ amountMinor: value, currency }) : s;
    case 'changeCommitment':
      return CHANGE_COMMITMENT_LABELS[s as ChangeCommitment] ?? s;
    case 'status':
      return OPPORTUNITY_STATUS_LABELS[s as OpportunityStatus] ?? s;
    case 'buyingRole':
      return BUYING_ROLE_LABELS[s as BuyingRole] ?? s;
    default:
      return key.startsWith(CRITERION_KEY) ? (CRITERION_ANSWER_LABELS[s as CriterionAnswer] ?? s) : s;
  }
}

/** One readable clause per changed field: "changed industry from “Fintech” to “Retail”". */
export function changeLines(event: AuditEvent, lookups: Lookups): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const [key, { before, after }] of Object.entries(event.changes)) {
    if (SILENT.has(key)) continue;
    const label = LABELS[key] ?? (key.startsWith(CRITERION_KEY) ? `sweet-spot “${key.slice(CRITERION_KEY.length)}”` : key.replace(/([A-Z])/g, ' $1').toLowerCase());
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
    case 'transfer':
      return lines.length === 1 ? `${lines[0].text} (handed over when a person left)` : `handed this ${noun} over when a person left`;
    default:
      if (lines.length === 0) return `updated this ${noun}`;
      if (lines.length === 1) return lines[0].text;
      return `made ${lines.length} changes`;
  }
}
