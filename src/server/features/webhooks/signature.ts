import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a delivery, Stripe's way: `Advance-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 is HMAC-SHA256, keyed with the endpoint's secret, of `${t}.${body}` (the exact bytes sent).
 * During a rotation the header carries one v1 per secret still valid. Receivers recompute it,
 * compare in constant time, and refuse a t too far from now (replays).
 */

export const signPayload = (secret: string, timestamp: number, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signPayload(s, timestamp, body)}`)].join(',');
}

/**
 * What a receiver does (the README shows the same in a few lines): true when one v1 matches and t is
 * within `toleranceSeconds` of `now`.
 */
export function verifySignature(secret: string, header: string, body: string, opts: { now?: Date; toleranceSeconds?: number } = {}): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, t, body), 'hex');
  return parts.some(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
