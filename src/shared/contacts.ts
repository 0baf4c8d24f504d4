import { z } from 'zod';
import { ArchivedFilter, Id, IdParams, Text, Instant, Permissions, Version, listQueryBase, optionalText, page, requiredText } from './common.js';

/** Who the contact is in the buying decision. */
export const BUYING_ROLES = [
  'economic_buyer',
  'decision_maker',
  'champion',
  'influencer',
  'technical_evaluator',
  'user',
  'gatekeeper',
  'blocker',
  'other',
] as const;
export const BuyingRole = z.enum(BUYING_ROLES);
export type BuyingRole = z.infer<typeof BuyingRole>;

export const BUYING_ROLE_LABELS: Record<BuyingRole, string> = {
  economic_buyer: 'Economic buyer',
  decision_maker: 'Decision maker',
  champion: 'Champion',
  influencer: 'Influencer',
  technical_evaluator: 'Technical evaluator',
  user: 'User',
  gatekeeper: 'Gatekeeper',
  blocker: 'Blocker',
  other: 'Other',
};

const contactFields = {
  accountId: Id,
  name: requiredText(200, 'Name'),
  title: optionalText(200),
  email: z.email('Use an email address such as ana@example.com.').max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ().\-/x]*$/, 'Use digits, spaces and + ( ) - only.')
    .nullable()
    .optional(),
  buyingRole: BuyingRole.nullable().optional(),
};

export const CreateContactBody = z.strictObject(contactFields).meta({ id: 'CreateContactBody' });
export type CreateContactBody = z.infer<typeof CreateContactBody>;

export const UpdateContactBody = z
  .strictObject({
    ...contactFields,
    accountId: Id.optional(),
    name: contactFields.name.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateContactBody' });
export type UpdateContactBody = z.infer<typeof UpdateContactBody>;

export const Contact = z
  .object({
    id: Id,
    account: z.object({ id: Id, name: z.string() }),
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    buyingRole: BuyingRole.nullable(),
    archivedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const CONTACT_SORTS = ['name', '-name', 'updatedAt', '-updatedAt'] as const;

export const ContactListQuery = z.strictObject({
  ...listQueryBase,
  q: Text.trim().max(200).optional(),
  accountId: Id.optional(),
  archived: ArchivedFilter,
  sort: z.enum(CONTACT_SORTS).default('name'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactList = page(Contact).meta({ id: 'ContactList' });
export type ContactList = z.infer<typeof ContactList>;

export { IdParams };
