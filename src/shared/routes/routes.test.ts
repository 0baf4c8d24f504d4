import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeTables } from './index.js';
import * as operations from './operations.js';

const contracts = Object.values(routeTables).flatMap((table) => Object.values(table));
const SNAPSHOT = new URL('./operation-ids.txt', import.meta.url);

describe('the route table', () => {
  it('names every operation once, verb + noun in camelCase', () => {
    const ids = contracts.map((c) => c.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'operationIds used twice').toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
    // Each operation in operations.ts has its one contract, and no contract is without one.
    expect([...ids].sort()).toEqual(Object.keys(operations).sort());
    const routes = contracts.map((c) => `${c.method} ${c.path}`);
    expect(routes.filter((r, i) => routes.indexOf(r) !== i), 'method and path defined twice').toEqual([]);
  });

  it('keeps every operationId, method and path as committed in operation-ids.txt (generated clients call them by these names)', () => {
    const lines = contracts.map((c) => `${c.operationId} ${c.method} ${c.path}`).sort();
    const committed = fs.readFileSync(SNAPSHOT, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    // A difference here is a change to the public API: edit operation-ids.txt in the same commit, on purpose.
    expect(lines).toEqual(committed);
  });

  it('gives every operation a summary, a tag and exactly one success answer, and every path parameter a contract', () => {
    for (const c of contracts) {
      expect(c.summary.length, c.operationId).toBeGreaterThan(5);
      expect(c.tags.length, c.operationId).toBeGreaterThan(0);
      expect(Object.keys(c.response), c.operationId).toHaveLength(1);
      expect(c.path.startsWith('/api/v1/'), c.operationId).toBe(true);
      expect(c.path.includes(':'), c.operationId).toBe(c.params !== undefined);
    }
  });
});
