import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The form a password is hashed and checked in: Unicode NFC, so "é" typed as one character
 * (U+00E9) or as "e" and a combining accent (U+0301) — as keyboards and systems differ — is one password.
 */
export const normalizePassword = (password: string) => password.normalize('NFC');

export const hashPassword = (password: string) => hash(normalizePassword(password), OPTIONS);

async function verifyExactly(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Checks the NFC form first; hashes made before passwords were normalised hold the string as it was
 * typed, so when that differs it is tried too and nobody is locked out.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const nfc = normalizePassword(password);
  if (await verifyExactly(passwordHash, nfc)) return true;
  return nfc !== password && verifyExactly(passwordHash, password);
}

// Verified against when the email is unknown, so both answers take the same time (one or two checks alike).
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('advance-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

let common: Set<string> | undefined;

/** Spaces, and characters that take no room, at either end. */
const EDGE_BLANKS = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;

/** What a password is judged by: compatibility-normalised (full-width letters are letters), trimmed, lower case. */
const folded = (password: string) => password.normalize('NFKC').replace(EDGE_BLANKS, '').toLowerCase();

/** True when the password is on the shipped list of commonly used passwords (ignoring case and spaces around it). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common.has(folded(password));
}

/**
 * Why a new password is refused, in plain words, or null when it is fine. Length is the contract's
 * (shared/people.ts); beyond it: not only spaces, not one character repeated, not a common password.
 */
export function passwordWeakness(password: string): string | null {
  const core = folded(password);
  if (core === '') return 'This password is only spaces. Choose another — a short sentence works well.';
  if (new Set(core).size === 1) return 'This password is one character repeated. Choose another — a short sentence works well.';
  if (isCommonPassword(password)) return 'This password is on a list of commonly used passwords. Choose another — a short sentence works well.';
  return null;
}
