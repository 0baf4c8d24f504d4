import { describe, expect, it } from 'vitest';
import { clearedIfUnchanged, issuesToErrors, linkedFields } from './forms';

describe('a text field once what was sent from it is saved', () => {
  it('is emptied when it still holds what was sent', () => {
    expect(clearedIfUnchanged('Role-play the pricing talk.')('Role-play the pricing talk.')).toBe('');
  });

  it('keeps what the person typed since (the save answered after they started the next one)', () => {
    expect(clearedIfUnchanged('Rita hesitates on price.')('Role-play the pricing talk on Friday.')).toBe('Role-play the pricing talk on Friday.');
    expect(clearedIfUnchanged('First note')('First note, and more')).toBe('First note, and more');
  });
});

describe('field errors from the schema and the form’s own checks', () => {
  const fields = ['date', 'time', 'amount', 'currency', 'title'] as const;
  const aliases = { startsAt: ['date', 'time'] as const, 'amount.amountMinor': 'amount' as const, 'amount.currency': 'currency' as const };

  it('places each issue beside its field, an alias beside the first field it stands for, the rest as "other"', () => {
    const issues = [
      { path: ['startsAt'], message: 'Use a date and time.' },
      { path: ['amount', 'currency'], message: 'Choose a currency.' },
      { path: ['title'], message: 'Give it a title.' },
      { path: ['title'], message: 'A second message.' },
      { path: ['version'], message: 'Stale.' },
    ];
    expect(issuesToErrors(issues, fields, aliases)).toEqual({
      fieldErrors: { date: 'Use a date and time.', currency: 'Choose a currency.', title: 'Give it a title.' },
      other: ['Stale.'],
    });
  });

  it('lets the form’s own message replace the schema’s, also for a request field built from several form fields', () => {
    const issues = [
      { path: ['startsAt'], message: 'Use a date and time.' },
      { path: ['amount', 'amountMinor'], message: 'Expected a number.' },
      { path: ['title'], message: 'Give it a title.' },
    ];
    // The time is missing: said beside Time, and nothing about the instant beside Day.
    expect(issuesToErrors(issues, fields, aliases, { time: 'Choose the time it starts.', amount: 'Use an amount such as 1,200.50.' }).fieldErrors).toEqual({
      time: 'Choose the time it starts.',
      amount: 'Use an amount such as 1,200.50.',
      title: 'Give it a title.',
    });
  });

  it('knows which fields one request field is built from', () => {
    expect(linkedFields(aliases)).toEqual([['date', 'time']]);
    expect(linkedFields()).toEqual([]);
  });
});
