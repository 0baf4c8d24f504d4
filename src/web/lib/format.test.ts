import { describe, expect, it } from 'vitest';
import { initials } from './format';

describe('initials', () => {
  it('takes the first and last names’ first letters', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster  hopper ')).toBe('GH');
    expect(initials('Plato')).toBe('P');
    expect(initials('   ')).toBe('?');
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
