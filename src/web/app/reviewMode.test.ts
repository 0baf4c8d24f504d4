import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../lib/format';
import { opportunityStatusLabel, statusFilterLabels } from '../features/opportunities/statusWords';
import { isReviewMode, setReviewMode } from './reviewMode';

afterEach(() => setReviewMode(false));

describe('review mode', () => {
  it('hides every amount, and shows it again when turned off', () => {
    expect(formatMoney({ amountMinor: 4_000_000, currency: 'USD' })).toMatch(/40,000/);
    setReviewMode(true);
    expect(isReviewMode()).toBe(true);
    expect(formatMoney({ amountMinor: 4_000_000, currency: 'USD' })).toBe('amount hidden');
    setReviewMode(false);
    expect(formatMoney({ amountMinor: 4_000_000, currency: 'USD' })).toMatch(/40,000/);
  });

  it('says a won, lost or walked-away deal is only "Closed", and offers no outcome to filter by', () => {
    setReviewMode(true);
    expect(['open', 'won', 'lost', 'walked_away'].map((s) => opportunityStatusLabel(s as 'won'))).toEqual(['Open', 'Closed', 'Closed', 'Closed']);
    expect(statusFilterLabels()).toEqual({ open: 'Open' });
    setReviewMode(false);
    expect(opportunityStatusLabel('won')).toBe('Won');
    expect(Object.keys(statusFilterLabels())).toEqual(['open', 'won', 'lost', 'walked_away']);
  });
});

