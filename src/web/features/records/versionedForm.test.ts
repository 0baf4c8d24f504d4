import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/accounts';
import { accountSpec } from '../accounts/accountForm';
import { changedBody, mergeConflict } from './versionedForm';

const read: Account = {
  id: 'a1',
  name: 'Globex',
  domain: 'globex.example',
  industry: 'Logistics',
  size: '51-200',
  owner: { id: 'u1', name: 'Nora' },
  notes: null,
  archivedAt: null,
  version: 3,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  permissions: { canEdit: true },
};

describe('changedBody', () => {
  it('sends only the fields the person changed, in the API’s shape', () => {
    const values = { ...accountSpec.toValues(read), industry: 'Freight', domain: '  ' };
    expect(changedBody(accountSpec, read, values)).toEqual({ industry: 'Freight', domain: null });
  });

  it('sends nothing when the form still says what the record says (spaces around a name included)', () => {
    expect(changedBody(accountSpec, read, { ...accountSpec.toValues(read), name: ' Globex ' })).toEqual({});
  });
});

describe('mergeConflict', () => {
  // Someone else saved version 4 while the person edited version 3.
  const latest: Account = { ...read, industry: 'Retail', owner: { id: 'u2', name: 'Sam' }, version: 4 };

  it('takes the other person’s values where the person did not edit, and keeps the person’s edits', () => {
    const mine = { ...accountSpec.toValues(read), name: 'Globex Logistics', notes: 'Met at the fair' };
    const { values } = mergeConflict(accountSpec, read, latest, mine);
    expect(values).toEqual({ ...mine, industry: 'Retail', ownerId: 'u2' });
  });

  it('lists what the other person changed, in words, and says where the person’s own edit was kept', () => {
    const mine = { ...accountSpec.toValues(read), industry: 'Freight' };
    const { values, conflict } = mergeConflict(accountSpec, read, latest, mine);
    expect(values.industry).toBe('Freight');
    expect(conflict.changes).toEqual([
      { field: 'industry', label: 'Industry', latest: 'Retail', mineKept: true },
      { field: 'ownerId', label: 'Owner', latest: 'Sam', mineKept: false },
    ]);
  });

  it('does not call an edit "kept" when the person typed what the other person saved', () => {
    const mine = { ...accountSpec.toValues(read), industry: 'Retail' };
    const { conflict } = mergeConflict(accountSpec, read, latest, mine);
    expect(conflict.changes.find((c) => c.field === 'industry')?.mineKept).toBe(false);
  });
});
