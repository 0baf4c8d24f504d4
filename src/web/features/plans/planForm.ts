import { PLAN_STATUS_LABELS, type Plan, type PlanStatus } from '../../../shared/plans';
import { formatDate, timeZoneLabel } from '../../lib/format';
import { orNull } from '../../lib/forms';
import type { FormSpec } from '../records/versionedForm';

export type PlanValues = {
  title: string;
  agreedOutcome: string;
  whyItMatters: string;
  costOfInaction: string;
  startDate: string;
  targetDate: string;
  status: string;
  customerTimeZone: string;
};

export const planSpec: FormSpec<Plan, PlanValues> = {
  toValues: (p) => ({
    title: p.title,
    agreedOutcome: p.agreedOutcome ?? '',
    whyItMatters: p.whyItMatters ?? '',
    costOfInaction: p.costOfInaction ?? '',
    startDate: p.startDate ?? '',
    targetDate: p.targetDate,
    status: p.status,
    customerTimeZone: p.customerTimeZone,
  }),
  toBody: (v) => ({
    title: v.title.trim(),
    agreedOutcome: orNull(v.agreedOutcome),
    whyItMatters: orNull(v.whyItMatters),
    costOfInaction: orNull(v.costOfInaction),
    startDate: v.startDate || null,
    targetDate: v.targetDate,
    status: v.status as PlanStatus,
    customerTimeZone: v.customerTimeZone,
  }),
  fields: ['title', 'agreedOutcome', 'whyItMatters', 'costOfInaction', 'startDate', 'targetDate', 'status', 'customerTimeZone'],
  labels: {
    title: 'Title',
    agreedOutcome: 'Agreed outcome',
    whyItMatters: 'Why it matters to the customer',
    costOfInaction: 'What not acting costs them',
    startDate: 'Start date',
    targetDate: 'Target date',
    status: 'Status',
    customerTimeZone: 'Customer’s time zone',
  },
  display: (p) => ({
    title: p.title,
    agreedOutcome: p.agreedOutcome ?? '',
    whyItMatters: p.whyItMatters ?? '',
    costOfInaction: p.costOfInaction ?? '',
    startDate: p.startDate ? formatDate(p.startDate) : '',
    targetDate: formatDate(p.targetDate),
    status: PLAN_STATUS_LABELS[p.status],
    customerTimeZone: timeZoneLabel(p.customerTimeZone),
  }),
};
