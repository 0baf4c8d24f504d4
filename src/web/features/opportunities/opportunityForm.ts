import { CLOSE_REASON_REQUIRED, CreateOpportunityBody, OPPORTUNITY_STATUS_LABELS, statusNeedsReason, UpdateOpportunityBody, type OpportunityStatus } from '../../../shared/opportunities';
import { minorToDecimal, parseAmount, readAmount, type AmountReading } from '../../../shared/money';

type AmountProblem = Extract<AmountReading, { ok: false }>;
import { formatDate, formatMoney } from '../../lib/format';
import { orNull } from '../../lib/forms';
import type { RecordFormSpec } from '../records/versionedForm';

export type OpportunityValues = {
  accountId: string;
  name: string;
  amount: string;
  currency: string;
  stageId: string;
  closeDate: string;
  ownerId: string;
  status: string;
  closeReason: string;
};

export const emptyOpportunity = (o: { accountId: string; ownerId: string; currency: string; stageId: string; closeDate: string }): OpportunityValues => ({
  ...o,
  name: '',
  amount: '',
  status: 'open',
  closeReason: '',
});

/** Why an amount is refused, in words that say what to type instead. */
const AMOUNT_MESSAGES: Record<AmountProblem['reason'], (text: string, currency: string, problem: AmountProblem) => string> = {
  invalid: (_text: string, currency: string) => `Enter an amount in ${currency}, such as 12,500.00 or 12.5k.`,
  other_currency: (_text, currency, problem) => `This amount is in ${'written' in problem ? problem.written : 'another currency'}, and the deal is in ${currency}: choose it beside the amount, or enter the amount in ${currency}.`,
  too_large: (_text: string, currency: string) => `That amount is too large: up to 9,999,999,999,999.99 ${currency}.`,
  ambiguous: (text: string, currency: string) => {
    const [whole, part] = text.replace(/[^\d.]/g, '').split('.');
    return `${currency} has 2 decimals, so ${text} is unclear: write ${whole},${part} for ${whole} thousand ${part}, or use at most 2 decimals.`;
  },
};

const needsReason = (status: string) => status !== '' && statusNeedsReason(status as OpportunityStatus);

export const opportunitySpec: RecordFormSpec<'opportunities', OpportunityValues> = {
  resource: 'opportunities',
  schemas: { create: CreateOpportunityBody, update: UpdateOpportunityBody },
  toValues: (o) => ({
    accountId: o.account.id,
    name: o.name,
    amount: minorToDecimal(o.amount.amountMinor, o.amount.currency),
    currency: o.amount.currency,
    stageId: o.stage.id,
    closeDate: o.closeDate,
    ownerId: o.owner.id,
    status: o.status,
    closeReason: o.closeReason ?? '',
  }),
  toBody: (v) => ({
    accountId: v.accountId,
    name: v.name.trim(),
    amount: { amountMinor: parseAmount(v.amount, v.currency) ?? 0, currency: v.currency },
    stageId: v.stageId || undefined,
    closeDate: v.closeDate,
    ownerId: v.ownerId || undefined,
    status: (v.status || undefined) as OpportunityStatus | undefined,
    // A reason belongs to a lost or walked-away deal; reopening or winning clears it.
    closeReason: needsReason(v.status) ? orNull(v.closeReason) : null,
  }),
  precheck: (v) => {
    const errors: Partial<Record<keyof OpportunityValues, string>> = {};
    if (v.amount.trim() === '') errors.amount = 'Enter the amount, such as 12,500.';
    else {
      const r = readAmount(v.amount, v.currency);
      if (!r.ok) errors.amount = AMOUNT_MESSAGES[r.reason](v.amount.trim(), v.currency, r);
    }
    if (v.closeDate === '') errors.closeDate = 'Choose the date you expect the deal to close.';
    if (needsReason(v.status) && !v.closeReason.trim()) errors.closeReason = CLOSE_REASON_REQUIRED;
    return errors;
  },
  fields: ['accountId', 'name', 'amount', 'currency', 'stageId', 'closeDate', 'ownerId', 'status', 'closeReason'],
  // The stage gate's refusal (409 qualification_required) names what the deal lacks: it belongs beside the stage.
  aliases: { 'amount.amountMinor': 'amount', 'amount.currency': 'currency', changeCommitment: 'stageId' },
  labels: {
    accountId: 'Account',
    name: 'Name',
    amount: 'Amount',
    currency: 'Currency',
    stageId: 'Stage',
    closeDate: 'Close date',
    ownerId: 'Owner',
    status: 'Status',
    closeReason: 'Reason',
  },
  display: (o) => ({
    accountId: o.account.name,
    name: o.name,
    amount: formatMoney(o.amount),
    currency: o.amount.currency,
    stageId: o.stage.name,
    closeDate: formatDate(o.closeDate),
    ownerId: o.owner.name,
    status: OPPORTUNITY_STATUS_LABELS[o.status],
    closeReason: o.closeReason ?? '',
  }),
};
