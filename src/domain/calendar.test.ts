import { describe, expect, it } from 'vitest';
import { etagMatches, eventEnd, feedSequence, feedStatus, latest } from './calendar.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('feedStatus', () => {
  it('keeps an open item confirmed however old it is', () => {
    expect(feedStatus({ open: true, lastChangedAt: '2020-01-01T00:00:00Z' }, now, 30)).toBe('confirmed');
  });

  it('shows a closed item as cancelled for 30 days after its last change, then drops it', () => {
    // 2026-10-27T12:00Z is exactly 30 days before now: still shown; a second earlier is gone.
    expect(feedStatus({ open: false, lastChangedAt: '2026-11-25T09:00:00Z' }, now, 30)).toBe('cancelled');
    expect(feedStatus({ open: false, lastChangedAt: '2026-10-27T12:00:00Z' }, now, 30)).toBe('cancelled');
    expect(feedStatus({ open: false, lastChangedAt: '2026-10-27T11:59:59Z' }, now, 30)).toBeNull();
  });
});

describe('feedSequence', () => {
  it('starts at 0 for records at version 1 and grows with either version', () => {
    expect(feedSequence(1)).toBe(0);
    expect(feedSequence(1, 1)).toBe(0);
    expect(feedSequence(3)).toBe(2);
    // A commitment at version 2 on a plan at version 5: 1 + 4 = 5; the plan closes (version 6): 6.
    expect(feedSequence(2, 5)).toBe(5);
    expect(feedSequence(2, 6)).toBe(6);
  });
});

describe('latest and eventEnd', () => {
  it('picks the later instant, whatever the spelling', () => {
    expect(latest('2026-11-20T10:00:00.000Z', '2026-11-20T11:00:00Z')).toBe('2026-11-20T11:00:00Z');
    expect(latest('2026-11-21T00:00:00Z', '2026-11-20T23:59:59.999Z')).toBe('2026-11-21T00:00:00Z');
  });

  it('ends a timed event after its duration, or after 30 minutes without one', () => {
    expect(eventEnd('2026-11-23T16:00:00.000Z', 45)).toBe('2026-11-23T16:45:00.000Z');
    expect(eventEnd('2026-11-23T16:00:00.000Z', null)).toBe('2026-11-23T16:30:00.000Z');
    expect(eventEnd('2026-11-23T23:45:00.000Z', 90)).toBe('2026-11-24T01:15:00.000Z');
  });
});

describe('etagMatches', () => {
  const etag = '"q1w2e3"';
  it('matches the tag itself, weak or strong, in a list, or *', () => {
    expect(etagMatches('"q1w2e3"', etag)).toBe(true);
    expect(etagMatches('W/"q1w2e3"', etag)).toBe(true);
    expect(etagMatches('"other", "q1w2e3"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"q1w2e3-gzip"', etag)).toBe(true);
  });

  it('does not match another tag, a prefix of it, or nothing', () => {
    expect(etagMatches('"q1w2e"', etag)).toBe(false);
    expect(etagMatches('"q1w2e3x"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
  });
});
