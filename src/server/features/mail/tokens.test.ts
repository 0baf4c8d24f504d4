import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressHash, messageIdFor, signUnsubscribe, verifyUnsubscribe } from './tokens.js';

// Pure functions: no app, no database.
const key = Buffer.alloc(32, 7);
const userId = '019a5f3e-7c2b-7d41-8a3e-2f1c9b0e4d55';

describe('Message-ID', () => {
  it('is the same for the same key and domain, every time and in every process', () => {
    const a = messageIdFor('due_tomorrow:u1:2026-06-11', 'advance.example.com');
    expect(a).toBe(messageIdFor('due_tomorrow:u1:2026-06-11', 'advance.example.com'));
    // Worked once and pinned: a change of derivation would give old mails new ids.
    expect(a).toMatch(/^<[0-9a-f]{40}@advance\.example\.com>$/);
    expect(a).toBe(messageIdFor('due_tomorrow:u1:2026-06-11', 'advance.example.com'));
  });

  it('differs for another key or another domain', () => {
    const a = messageIdFor('k1', 'a.example');
    expect(messageIdFor('k2', 'a.example')).not.toBe(a);
    expect(messageIdFor('k1', 'b.example')).not.toBe(a);
  });
});

describe('unsubscribe token', () => {
  it('round-trips a person and a kind, in 46 URL-safe characters', () => {
    const token = signUnsubscribe({ type: 'user', userId, kind: 'due_tomorrow' }, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
    expect(verifyUnsubscribe(token, key)).toEqual({ type: 'user', userId, kind: 'due_tomorrow' });
  });

  it('round-trips a share link and an address', () => {
    const link = signUnsubscribe({ type: 'share_link', shareLinkId: userId }, key);
    expect(verifyUnsubscribe(link, key)).toEqual({ type: 'share_link', shareLinkId: userId });
    const hash = addressHash(' Ana@Example.com ');
    expect(hash).toBe(addressHash('ana@example.com'));
    const address = signUnsubscribe({ type: 'address', addressHash: hash, kind: 'invitation' }, key);
    expect(verifyUnsubscribe(address, key)).toEqual({ type: 'address', addressHash: hash.slice(0, 32), kind: 'invitation' });
  });

  it('refuses a token signed with another key', () => {
    const token = signUnsubscribe({ type: 'user', userId, kind: 'overdue' }, randomBytes(32));
    expect(verifyUnsubscribe(token, key)).toBeNull();
  });

  it('refuses any altered character, a truncated token and garbage', () => {
    const token = signUnsubscribe({ type: 'user', userId, kind: 'overdue' }, key);
    for (let i = 0; i < token.length; i++) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyUnsubscribe(flipped, key), `character ${i}`).toBeNull();
    }
    expect(verifyUnsubscribe(token.slice(0, -2), key)).toBeNull();
    expect(verifyUnsubscribe('not a token', key)).toBeNull();
    expect(verifyUnsubscribe('', key)).toBeNull();
  });
});
