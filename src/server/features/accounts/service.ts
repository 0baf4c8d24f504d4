import type { Account, CreateAccountBody, UpdateAccountBody } from '../../../shared/accounts.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertAssignableOwner } from '../../core/owners.js';
import { columnsOf, setArchived, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { findAccount } from './queries.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

async function present(scope: Scope, actor: Actor, id: string): Promise<Account> {
  const account = await findAccount(scope, actor, id);
  if (!account) throw notFound('Account');
  return account;
}

/** The account row for a change (the route's `owns: 'account'` permission decided who may make it). */
async function loadForChange(scope: Scope, actor: Actor, id: string) {
  const row = await scope
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .selectAll('accounts')
    .select('owner.team_id as owner_team_id')
    .where('accounts.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Account');
  const { owner_team_id: _team, ...account } = row;
  return account;
}

export async function createAccount({ scope, actor, input }: Op<{ input: CreateAccountBody }>): Promise<Account> {
  return scope.transaction(async (tx) => {
    const ownerId = input.ownerId ?? actor.id;
    await assertAssignableOwner(tx, actor, ownerId);
    const now = nowIso();
    const row = {
      id: newId(),
      name: input.name,
      domain: input.domain ?? null,
      industry: input.industry ?? null,
      size: input.size ?? null,
      owner_id: ownerId,
      notes: input.notes ?? null,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('accounts', row);
    await audit(tx, actor, { entityType: 'account', entityId: row.id, action: 'create', before: null, after: row });
    return present(tx, actor, row.id);
  });
}

export async function updateAccount({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateAccountBody; version?: number }>): Promise<Account> {
  return scope.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id);
    if (input.ownerId && input.ownerId !== current.owner_id) await assertAssignableOwner(tx, actor, input.ownerId);
    const patch = columnsOf(input, { name: 'name', domain: 'domain', industry: 'industry', size: 'size', ownerId: 'owner_id', notes: 'notes' });
    return writeVersioned({ scope: tx, actor, table: 'accounts', entityType: 'account', action: 'update', current, expectedVersion: version, patch, present: () => present(tx, actor, id) });
  });
}

export async function setAccountArchived({ scope, actor, id, archived, version }: Op<{ id: string; archived: boolean; version?: number }>): Promise<Account> {
  return scope.transaction(async (tx) =>
    setArchived({ scope: tx, actor, table: 'accounts', entityType: 'account', current: await loadForChange(tx, actor, id), archived, expectedVersion: version, present: () => present(tx, actor, id) }),
  );
}
