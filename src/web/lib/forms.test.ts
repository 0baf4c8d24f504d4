import { describe, expect, it } from 'vitest';
import { clearedIfUnchanged } from './forms';

describe('a text field once what was sent from it is saved', () => {
  it('is emptied when it still holds what was sent', () => {
    expect(clearedIfUnchanged('Role-play the pricing talk.')('Role-play the pricing talk.')).toBe('');
  });

  it('keeps what the person typed since (the save answered after they started the next one)', () => {
    expect(clearedIfUnchanged('Rita hesitates on price.')('Role-play the pricing talk on Friday.')).toBe('Role-play the pricing talk on Friday.');
    expect(clearedIfUnchanged('First note')('First note, and more')).toBe('First note, and more');
  });
});
