import { describe, expect, it } from 'vitest';
import { formatDateTime, initials, relativeTime } from './format';

describe('initials', () => {
  it('takes the first and last names’ first letters', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster  hopper ')).toBe('GH');
    expect(initials('Plato')).toBe('P');
    expect(initials('   ')).toBe('?');
    expect(initials('Ana Buyer (customer)')).toBe('AB');
    expect(initials('Carla Chen [Globex]')).toBe('CC');
    expect(initials('(customer)')).toBe('(');
  });

  it('splits by grapheme, never inside an emoji or a combined letter', () => {
    // A family emoji is 11 UTF-16 units (joined by zero-width joiners); a thumbs-up with a skin tone is 4.
    expect(initials('👨‍👩‍👧 Family')).toBe('👨‍👩‍👧F');
    expect(initials('Sam 👍🏽')).toBe('S👍🏽');
    // "É" written as E + a combining acute accent stays one character.
    expect(initials('E\u0301lodie Durand')).toBe('E\u0301D');
    expect(initials('Łukasz Żak')).toBe('ŁŻ');
  });
});

describe('formatDateTime and relativeTime', () => {
  const instant = '2026-03-12T23:30:00.000Z';
  it('shows each reader the instant on their own clock, whichever zone was formatted first', () => {
    const paris = formatDateTime(instant, 'Europe/Paris');
    const tokyo = formatDateTime(instant, 'Asia/Tokyo');
    // Half past midnight on the 13th in Paris, half past eight in the morning in Tokyo.
    expect(paris).toMatch(/13/);
    expect(paris).toMatch(/0?0:30|12:30/);
    expect(tokyo).toMatch(/0?8:30/);
    expect(formatDateTime(instant, 'Europe/Paris')).toBe(paris);
  });
  it('falls back to the raw text for a zone the platform does not know, every time', () => {
    expect(formatDateTime(instant, 'Mars/Olympus')).toBe(instant);
    expect(formatDateTime(instant, 'Mars/Olympus')).toBe(instant);
    expect(relativeTime(instant, 'Mars/Olympus', Date.parse('2026-04-30T00:00:00Z'))).toBe('2026-03-12');
  });
  it('gives the date in the reader’s zone once a week has passed', () => {
    const now = Date.parse('2026-04-30T00:00:00Z');
    expect(relativeTime(instant, 'Asia/Tokyo', now)).toMatch(/13/);
    expect(relativeTime(instant, 'America/New_York', now)).toMatch(/12/);
  });
});
