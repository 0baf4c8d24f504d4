import { z } from 'zod';
import { ArchivedFilter, Id, Instant, IdParams, Text, Permissions, UserRef, Version, listQueryBase, optionalText, page, requiredText } from './common.js';

export const ACCOUNT_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export const AccountSize = z.enum(ACCOUNT_SIZES);

export const ACCOUNT_NAME_MAX = 200;
export const ACCOUNT_NOTES_MAX = 20_000;

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'Use a domain such as example.com.')
  .nullable()
  .optional();

const accountFields = {
  name: requiredText(ACCOUNT_NAME_MAX, 'Name'),
  domain: Domain,
  industry: optionalText(100),
  size: AccountSize.nullable().optional(),
  ownerId: Id.optional(),
  notes: optionalText(ACCOUNT_NOTES_MAX),
};

export const CreateAccountBody = z.strictObject(accountFields).meta({ id: 'CreateAccountBody' });
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

export const UpdateAccountBody = z
  .strictObject({ ...accountFields, name: accountFields.name.optional(), version: Version.optional() })
  .meta({ id: 'UpdateAccountBody' });
export type UpdateAccountBody = z.infer<typeof UpdateAccountBody>;

export const Account = z
  .object({
    id: Id,
    name: z.string(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    size: AccountSize.nullable(),
    owner: UserRef,
    notes: z.string().nullable(),
    archivedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const ACCOUNT_SORTS = ['name', '-name', 'updatedAt', '-updatedAt'] as const;

export const AccountListQuery = z.strictObject({
  ...listQueryBase,
  q: Text.trim().max(200).optional(),
  ownerId: Id.optional(),
  archived: ArchivedFilter,
  sort: z.enum(ACCOUNT_SORTS).default('name'),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountList = page(Account).meta({ id: 'AccountList' });
export type AccountList = z.infer<typeof AccountList>;

export { IdParams };
