import { minorToDecimal, parseAmount, readAmount } from '../../../shared/money';
import { CreateObjectiveBody, OBJECTIVE_KIND_LABELS, OBJECTIVE_STATUS_LABELS, UpdateObjectiveBody, type ObjectiveKind, type ObjectiveStatus } from '../../../shared/objectives';
import { formatDate, formatMoney } from '../../lib/format';
import { orNull } from '../../lib/forms';
import type { RecordFormSpec } from '../records/versionedForm';

/** opportunityIds: the linked deals' ids, comma-separated and sorted (a form holds strings). */
export type ObjectiveValues = { title: string; kind: string; clientGoal: string; amount: string; currency: string; targetDate: string; status: string; ownerId: string; opportunityIds: string };

const idsOf = (value: string) => (value ? value.split(',') : []);

export const emptyObjective = (o: { ownerId: string; currency: string }): ObjectiveValues => ({
  title: '',
  kind: 'expansion',
  clientGoal: '',
  amount: '',
  currency: o.currency,
  targetDate: '',
  status: 'planned',
  ownerId: o.ownerId,
  opportunityIds: '',
});

/** The same form creates and edits an objective; the amount is optional (no financial target). */
export const objectiveSpec: RecordFormSpec<'objectives', ObjectiveValues> = {
  resource: 'objectives',
  schemas: { create: CreateObjectiveBody, update: UpdateObjectiveBody },
  toValues: (o) => ({
    title: o.title,
    kind: o.kind,
    clientGoal: o.clientGoal ?? '',
    amount: o.target ? minorToDecimal(o.target.amountMinor, o.target.currency) : '',
    currency: o.target?.currency ?? 'EUR',
    targetDate: o.targetDate,
    status: o.status,
    ownerId: o.owner.id,
    opportunityIds: o.opportunities.map((d) => d.id).sort().join(','),
  }),
  toBody: (v) => ({
    title: v.title.trim(),
    kind: v.kind as ObjectiveKind,
    clientGoal: orNull(v.clientGoal),
    target: v.amount.trim() === '' ? null : { amountMinor: parseAmount(v.amount, v.currency) ?? 0, currency: v.currency },
    targetDate: v.targetDate,
    status: v.status as ObjectiveStatus,
    ownerId: v.ownerId || undefined,
    opportunityIds: idsOf(v.opportunityIds),
  }),
  precheck: (v) => {
    const errors: Partial<Record<keyof ObjectiveValues, string>> = {};
    if (v.amount.trim() !== '' && !readAmount(v.amount, v.currency).ok) errors.amount = `Enter an amount in ${v.currency}, such as 250,000 — or leave it empty.`;
    if (v.targetDate === '') errors.targetDate = 'Choose the date this milestone should be reached.';
    return errors;
  },
  fields: ['title', 'kind', 'clientGoal', 'amount', 'currency', 'targetDate', 'status', 'ownerId', 'opportunityIds'],
  aliases: { 'target.amountMinor': 'amount', 'target.currency': 'currency', target: 'amount' },
  labels: { title: 'Objective', kind: 'Kind', clientGoal: 'Client goal', amount: 'Financial target', currency: 'Currency', targetDate: 'Target date', status: 'Status', ownerId: 'Owner', opportunityIds: 'Opportunities' },
  display: (o) => ({
    title: o.title,
    kind: OBJECTIVE_KIND_LABELS[o.kind],
    clientGoal: o.clientGoal ?? '',
    amount: o.target ? formatMoney(o.target) : '',
    currency: o.target?.currency ?? '',
    targetDate: formatDate(o.targetDate),
    status: OBJECTIVE_STATUS_LABELS[o.status],
    ownerId: o.owner.name,
    opportunityIds: o.opportunities.map((d) => d.name).join(', '),
  }),
};
