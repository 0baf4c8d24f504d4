import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, normalizePassword, passwordWeakness, verifyPassword } from './passwords.js';

const NFC = 'na\u00efve caf\u00e9 latte'; // ï and é as single characters
const NFD = 'nai\u0308ve cafe\u0301 latte'; // the same, as letters + combining marks

describe('password normalisation', () => {
  it('hashes the NFC form, so either form verifies', async () => {
    expect(NFC).not.toBe(NFD);
    expect(normalizePassword(NFD)).toBe(NFC);
    for (const chosen of [NFC, NFD]) {
      const stored = await hashPassword(chosen);
      expect(await verifyPassword(stored, NFC)).toBe(true);
      expect(await verifyPassword(stored, NFD)).toBe(true);
      expect(await verifyPassword(stored, 'naive cafe latte')).toBe(false);
    }
  });

  it('still verifies a hash made from the password as typed (before normalisation)', async () => {
    const legacy = await hash(NFD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(legacy, NFD)).toBe(true);
    expect(await verifyPassword(legacy, 'something else entirely')).toBe(false);
    expect(await verifyPassword('not a hash', NFD)).toBe(false);
  });
});

describe('weak passwords', () => {
  it('refuses only spaces, one character repeated, and common passwords however spaced or cased', () => {
    expect(passwordWeakness('        ')).toMatch(/^This password is only spaces\./);
    expect(passwordWeakness('\t\u00a0\u3000\u200b    ')).toMatch(/only spaces/);
    expect(passwordWeakness('aaaaaaaa')).toMatch(/^This password is one character repeated\./);
    expect(passwordWeakness('aAaAaAaA')).toMatch(/one character repeated/);
    expect(passwordWeakness(' 11111111 ')).toMatch(/one character repeated|commonly used/);
    expect(passwordWeakness('\u00e9\u00e9\u00e9\u00e9e\u0301e\u0301e\u0301e\u0301')).toMatch(/one character repeated/);
    for (const p of ['password', 'password ', ' PASSWORD', '\tPassword123\n', 'ｐａｓｓｗｏｒｄ']) {
      expect(isCommonPassword(p), JSON.stringify(p)).toBe(true);
      expect(passwordWeakness(p)).toMatch(/^This password is on a list of commonly used passwords\./);
    }
  });

  it('takes real passphrases, with spaces around or within', () => {
    for (const p of ['a long enough passphrase', '  quiet harbour  ', 'abababab', 'passwords are hard']) expect(passwordWeakness(p), p).toBeNull();
  });
});
