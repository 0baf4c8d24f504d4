import { describe, expect, it } from 'vitest';
import { listValues } from './useListParams';

const defaults = { q: '', status: '', archived: 'active', sort: '-updatedAt' };

describe('listValues', () => {
  it('reads each filter from the address and falls back to its default', () => {
    expect(listValues(defaults, new URLSearchParams('status=won&sort=name'))).toEqual({ q: '', status: 'won', archived: 'active', sort: 'name' });
  });

  it('gives the defaults for a bare address, and ignores parameters that are not filters', () => {
    expect(listValues(defaults, new URLSearchParams('cursor=abc&utm=x'))).toEqual(defaults);
  });
});
