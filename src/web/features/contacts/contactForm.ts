import { BUYING_ROLES, BUYING_ROLE_LABELS, CreateContactBody, UpdateContactBody } from '../../../shared/contacts';
import { orNull } from '../../lib/forms';
import type { RecordFormSpec } from '../records/versionedForm';

export type ContactValues = { accountId: string; name: string; title: string; email: string; phone: string; buyingRole: string };

export const BUYING_ROLE_OPTIONS = BUYING_ROLES.map((r) => ({ value: r, label: BUYING_ROLE_LABELS[r] }));

export const emptyContact = (accountId: string): ContactValues => ({ accountId, name: '', title: '', email: '', phone: '', buyingRole: '' });

export const contactSpec: RecordFormSpec<'contacts', ContactValues> = {
  resource: 'contacts',
  schemas: { create: CreateContactBody, update: UpdateContactBody },
  toValues: (c) => ({ accountId: c.account.id, name: c.name, title: c.title ?? '', email: c.email ?? '', phone: c.phone ?? '', buyingRole: c.buyingRole ?? '' }),
  toBody: (v) => ({
    accountId: v.accountId,
    name: v.name.trim(),
    title: orNull(v.title),
    email: orNull(v.email),
    phone: orNull(v.phone),
    buyingRole: v.buyingRole || null,
  }),
  fields: ['accountId', 'name', 'title', 'email', 'phone', 'buyingRole'],
  labels: { accountId: 'Account', name: 'Name', title: 'Title', email: 'Email', phone: 'Phone', buyingRole: 'Role in the decision' },
  display: (c) => ({
    accountId: c.account.name,
    name: c.name,
    title: c.title ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    buyingRole: c.buyingRole ? BUYING_ROLE_LABELS[c.buyingRole] : '',
  }),
};
