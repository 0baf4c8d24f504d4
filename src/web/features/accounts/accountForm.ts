import { ACCOUNT_SIZES, CreateAccountBody, UpdateAccountBody } from '../../../shared/accounts';
import { orNull } from '../../lib/forms';
import type { RecordFormSpec } from '../records/versionedForm';

export type AccountValues = { name: string; domain: string; industry: string; size: string; ownerId: string; notes: string };

export const SIZE_OPTIONS = ACCOUNT_SIZES.map((s) => ({ value: s, label: `${s} employees` }));

export const emptyAccount = (ownerId: string): AccountValues => ({ name: '', domain: '', industry: '', size: '', ownerId, notes: '' });

/** How account forms map to the API: the same spec serves the create and the edit form. */
export const accountSpec: RecordFormSpec<'accounts', AccountValues> = {
  resource: 'accounts',
  schemas: { create: CreateAccountBody, update: UpdateAccountBody },
  toValues: (a) => ({ name: a.name, domain: a.domain ?? '', industry: a.industry ?? '', size: a.size ?? '', ownerId: a.owner.id, notes: a.notes ?? '' }),
  toBody: (v) => ({
    name: v.name.trim(),
    domain: orNull(v.domain),
    industry: orNull(v.industry),
    size: v.size || null,
    ownerId: v.ownerId || undefined,
    notes: orNull(v.notes),
  }),
  fields: ['name', 'domain', 'industry', 'size', 'ownerId', 'notes'],
  labels: { name: 'Name', domain: 'Domain', industry: 'Industry', size: 'Size', ownerId: 'Owner', notes: 'Notes' },
  display: (a) => ({ name: a.name, domain: a.domain ?? '', industry: a.industry ?? '', size: a.size ?? '', ownerId: a.owner.name, notes: a.notes ? 'changed' : '' }),
};
