import { describe, expect, it } from 'vitest';
import { planAndDeal } from './planWords';

describe('planAndDeal', () => {
  it('names the deal after the plan', () => {
    expect(planAndDeal({ title: 'Rollout plan', opportunity: { name: 'Acme renewal' } })).toBe('Rollout plan · Acme renewal');
  });
  it('does not repeat a deal the plan is named after, whatever its case', () => {
    expect(planAndDeal({ title: 'Mutual plan: Acme renewal', opportunity: { name: 'Acme renewal' } })).toBe('Mutual plan: Acme renewal');
    expect(planAndDeal({ title: 'ACME RENEWAL – joint plan', opportunity: { name: 'Acme renewal' } })).toBe('ACME RENEWAL – joint plan');
  });
});
