import type { CommitmentSide } from '../../../shared/commitments.js';
import { AppError, type ErrorDetail } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import type { PlanAccess } from '../plans/access.js';

export type OwnerInput = {
  ownerUserId?: string;
  ownerContactId?: string;
  ownerName?: string;
  ownerEmail?: string | null;
};

export type OwnerColumns = {
  owner_user_id: string | null;
  owner_contact_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
};

export const hasOwnerInput = (input: OwnerInput) =>
  input.ownerUserId !== undefined || input.ownerContactId !== undefined || input.ownerName !== undefined || input.ownerEmail !== undefined;

const fail = (details: ErrorDetail[]) => new AppError('validation_failed', 'Some fields need attention.', details);

/**
 * The owner columns for a commitment on `side`: a seller-side commitment is owned by an active person
 * of this workspace; a customer-side one by a contact of the deal's account, or by a name (and
 * optional email) of someone without a contact record.
 */
export async function resolveOwner(scope: Scope, access: Pick<PlanAccess, 'opportunityId'> | { opportunityId: string | null }, side: CommitmentSide, input: OwnerInput, defaultUserId: string | null): Promise<OwnerColumns> {
  if (side === 'seller') {
    const stray = (['ownerContactId', 'ownerName', 'ownerEmail'] as const).filter((k) => input[k] !== undefined);
    if (stray.length) throw fail(stray.map((path) => ({ path, message: 'A seller-side commitment is owned by someone in your workspace (ownerUserId).' })));
    const userId = input.ownerUserId ?? defaultUserId;
    const user = userId
      ? await scope.selectFrom('users').select(['id', 'status']).where('users.id', '=', userId).executeTakeFirst()
      : undefined;
    if (!user || user.status !== 'active') throw fail([{ path: 'ownerUserId', message: 'Choose an active person in this workspace.' }]);
    return { owner_user_id: user.id, owner_contact_id: null, owner_name: null, owner_email: null };
  }
  if (input.ownerUserId !== undefined) {
    throw fail([{ path: 'ownerUserId', message: 'A customer-side commitment is owned by a contact or a named person at the customer.' }]);
  }
  if (input.ownerContactId !== undefined) {
    if (input.ownerName !== undefined || input.ownerEmail !== undefined) {
      throw fail([{ path: 'ownerName', message: 'Choose a contact or type a name, not both.' }]);
    }
    const opportunityId = access.opportunityId;
    if (opportunityId === null) throw fail([{ path: 'ownerContactId', message: 'Only a commitment on a deal’s plan can be owned by a contact.' }]);
    const contact = await scope
      .selectFrom('contacts')
      .innerJoin('opportunities as opp', 'opp.account_id', 'contacts.account_id')
      .select(['contacts.id', 'contacts.archived_at'])
      .where('contacts.id', '=', input.ownerContactId)
      .where('opp.id', '=', opportunityId)
      .executeTakeFirst();
    if (!contact || contact.archived_at) throw fail([{ path: 'ownerContactId', message: 'Choose a contact of this deal’s account.' }]);
    return { owner_user_id: null, owner_contact_id: contact.id, owner_name: null, owner_email: null };
  }
  if (!input.ownerName) throw fail([{ path: 'ownerName', message: 'Say who at the customer owns this: a contact, or a name.' }]);
  return { owner_user_id: null, owner_contact_id: null, owner_name: input.ownerName, owner_email: input.ownerEmail ?? null };
}
