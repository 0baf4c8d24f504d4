import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../core/db/connect.js';
import { serverSecret } from '../mail/secrets.js';

/**
 * Endpoint signing secrets. The server must sign with them, so they cannot be hashed like tokens:
 * they are kept encrypted with AES-256-GCM under a key the server makes for itself and keeps in
 * `server_secrets` (mail/secrets.ts), so a copy of the endpoints table — an export, a log of rows —
 * holds no usable secret. Whoever reads the whole database can still decrypt them; keep backups as
 * safe as the database itself.
 */

const KEY_NAME = 'webhook-secrets-v1';
const PREFIX = 'whsec_';

/** A new secret: `whsec_` + 256 random bits in base64url. */
export const newWebhookSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/** What the API shows of a secret once it is stored: enough to tell two apart. */
export const secretHint = (secret: string): string => `${secret.slice(0, PREFIX.length + 4)}…`;

export async function encryptSecret(db: Db, secret: string): Promise<string> {
  const key = await serverSecret(db, KEY_NAME);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export async function decryptSecret(db: Db, stored: string): Promise<string> {
  const [v, iv, tag, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unreadable webhook secret');
  const key = await serverSecret(db, KEY_NAME);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}
