import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { MAIL_KINDS, type MailKind } from '../../../shared/mail.js';

/**
 * The identities a mail carries: its Message-ID, derived from the outbox row's unique key, and the
 * signed token of its one-click unsubscribe link. Pure functions (the key comes in).
 */

/**
 * `<40 hex of SHA-256(key)@domain>`: the same key always gives the same Message-ID, so a mail sent
 * twice (a worker died after the SMTP server took it, before it could mark it sent) arrives twice
 * with one Message-ID, and receiving systems keep one. Nothing in it can be reversed to the key.
 */
export function messageIdFor(dedupeKey: string, domain: string): string {
  const hash = createHash('sha256').update(`advance-mail\0${dedupeKey}`).digest('hex').slice(0, 40);
  return `<${hash}@${domain}>`;
}

/** What an unsubscribe token stops: one kind of mail for a person, a share link's reminders, or a kind of mail to an address without an account. */
export type UnsubscribeTarget =
  | { type: 'user'; userId: string; kind: MailKind }
  | { type: 'share_link'; shareLinkId: string }
  | { type: 'address'; addressHash: string; kind: MailKind };

const TYPES = ['user', 'share_link', 'address'] as const;
const VERSION = 1;
const MAC_BYTES = 16;
const BODY_BYTES = 18;

/** SHA-256 of the lowercased address, hex: how suppressed addresses are stored. */
export const addressHash = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex');

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

/**
 * A token of 34 bytes (46 base64url characters, short enough for a URL path segment): version and
 * type, 16 bytes naming the person, link or address, the kind, and a 128-bit HMAC-SHA256 over them.
 * It needs no storage and cannot be forged or altered without the server's key.
 */
export function signUnsubscribe(target: UnsubscribeTarget, key: Buffer): string {
  const body = Buffer.alloc(BODY_BYTES);
  body[0] = (VERSION << 4) | TYPES.indexOf(target.type);
  const id = target.type === 'user' ? uuidBytes(target.userId) : target.type === 'share_link' ? uuidBytes(target.shareLinkId) : Buffer.from(target.addressHash.slice(0, 32), 'hex');
  id.copy(body, 1, 0, 16);
  body[17] = target.type === 'share_link' ? MAIL_KINDS.indexOf('customer_reminder') : MAIL_KINDS.indexOf(target.kind);
  return Buffer.concat([body, mac(key, body)]).toString('base64url');
}

/** The target of a genuine token; null for anything else (altered, truncated, another key, unknown version). */
export function verifyUnsubscribe(token: string, key: Buffer): UnsubscribeTarget | null {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  // Only the canonical spelling: the last character's spare bits must be zero too.
  if (raw.length !== BODY_BYTES + MAC_BYTES || raw.toString('base64url') !== token) return null;
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(raw.subarray(BODY_BYTES), mac(key, body))) return null;
  if (body[0] >> 4 !== VERSION) return null;
  const type = TYPES[body[0] & 0x0f];
  const kind = MAIL_KINDS[body[17]];
  if (!type || !kind) return null;
  const id = body.subarray(1, 17);
  if (type === 'user') return { type, userId: uuidOf(id), kind };
  if (type === 'share_link') return { type, shareLinkId: uuidOf(id) };
  return { type, addressHash: id.toString('hex'), kind };
}
