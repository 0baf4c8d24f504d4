import { foldText } from '../../../domain/search-text.js';
import type { ImportEntity, ImportSource } from '../../../shared/imports.js';
import type { Scope } from '../../core/scope.js';

/** The record kind an external id names, as kept in import_external_ids. */
export type ExternalEntity = 'account' | 'contact' | 'opportunity' | 'user';
export const EXTERNAL_ENTITY: Record<ImportEntity, ExternalEntity> = { accounts: 'account', contacts: 'contact', opportunities: 'opportunity', users: 'user' };

export type Stage = { id: string; name: string; position: number };

/**
 * What reading the rows of an import needs to know about the workspace, loaded once per run (or
 * dry run) instead of once per row: a 100 000-row file would otherwise ask the database a million
 * questions. The maps grow as the run creates records, so a later row (or chunk) finds them.
 */
export type Lookups = {
  source: ImportSource;
  stages: Stage[];
  gate: Stage | null;
  users: { byId: Map<string, { name: string; active: boolean }>; byEmail: Map<string, string>; byName: Map<string, string> };
  /** external id → record id, per kind (this import's source only). */
  external: Record<ExternalEntity, Map<string, string>>;
  accounts: { byName: Map<string, string>; archived: Set<string>; known: Set<string> };
  /** Keys for files without ids: contacts by email, deals by account and name. */
  contactsByEmail: Map<string, string>;
  opportunitiesByKey: Map<string, string>;
  /** Deal id → its currency (deals the run creates included): an amount without a currency column is read in it. */
  opportunityCurrency: Map<string, string>;
};

export const dealKey = (accountId: string, name: string) => `${accountId}\u0001${foldText(name)}`;

export async function loadLookups(scope: Scope, source: ImportSource, entity: ImportEntity): Promise<Lookups> {
  const stages = await scope.selectFrom('stages').select(['id', 'name', 'position']).where('stages.archived_at', 'is', null).orderBy('stages.position').orderBy('stages.id').execute();
  const gateRow = await scope.db.selectFrom('workspaces').select('stage_gate_stage_id').where('id', '=', scope.workspaceId).executeTakeFirst();
  const gate = stages.find((s) => s.id === gateRow?.stage_gate_stage_id) ?? null;

  const users = { byId: new Map<string, { name: string; active: boolean }>(), byEmail: new Map<string, string>(), byName: new Map<string, string>() };
  for (const u of await scope.selectFrom('users').select(['id', 'email', 'name', 'status']).execute()) {
    users.byId.set(u.id, { name: u.name, active: u.status === 'active' });
    users.byEmail.set(u.email.toLowerCase(), u.id);
    if (u.status === 'active' && !users.byName.has(foldText(u.name))) users.byName.set(foldText(u.name), u.id);
  }

  const external: Lookups['external'] = { account: new Map(), contact: new Map(), opportunity: new Map(), user: new Map() };
  const ext = await scope.selectFrom('import_external_ids').select(['entity', 'external_id', 'record_id']).where('import_external_ids.system', '=', source).execute();
  for (const e of ext) external[e.entity as ExternalEntity]?.set(e.external_id, e.record_id);

  const accounts = { byName: new Map<string, string>(), archived: new Set<string>(), known: new Set<string>() };
  if (entity !== 'users') {
    for (const a of await scope.selectFrom('accounts').select(['id', 'name', 'archived_at']).orderBy('accounts.created_at').execute()) {
      accounts.known.add(a.id);
      if (a.archived_at) accounts.archived.add(a.id);
      const key = foldText(a.name);
      // An active account wins the name over an archived one of the same name.
      if (!accounts.byName.has(key) || (accounts.archived.has(accounts.byName.get(key)!) && !a.archived_at)) accounts.byName.set(key, a.id);
    }
  }
  const contactsByEmail = new Map<string, string>();
  if (entity === 'contacts') {
    for (const c of await scope.selectFrom('contacts').select(['id', 'email']).where('contacts.email', 'is not', null).execute()) if (c.email && !contactsByEmail.has(c.email)) contactsByEmail.set(c.email, c.id);
  }
  const opportunitiesByKey = new Map<string, string>();
  const opportunityCurrency = new Map<string, string>();
  if (entity === 'opportunities') {
    for (const o of await scope.selectFrom('opportunities').select(['id', 'account_id', 'name', 'currency']).execute()) {
      const key = dealKey(o.account_id, o.name);
      if (!opportunitiesByKey.has(key)) opportunitiesByKey.set(key, o.id);
      opportunityCurrency.set(o.id, o.currency);
    }
  }
  return { source, stages, gate, users, external, accounts, contactsByEmail, opportunitiesByKey, opportunityCurrency };
}
