import { describe, expect, it } from 'vitest';
import { signatureHeader, signPayload, verifySignature } from './signature.js';

describe('webhook signatures', () => {
  const body = '{"id":"e1","type":"webhook.test"}';
  const at = new Date('2025-11-26T12:00:00Z');
  const t = Math.floor(at.getTime() / 1000);

  it('is HMAC-SHA256 of "t.body" in hex (a value worked out with openssl)', () => {
    // printf '1764158400.{"id":"e1","type":"webhook.test"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signPayload('whsec_test', t, body)).toBe('2e0a54fdd42dc7d3e93e101b581bdc333f609329172df9ccf4b64c3a7e1f525c');
  });

  it('verifies its own header, refuses another secret, a changed body and an old timestamp', () => {
    const header = signatureHeader(['whsec_test'], t, body);
    expect(header).toMatch(/^t=1764158400,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', header, body, { now: at })).toBe(true);
    expect(verifySignature('whsec_other', header, body, { now: at })).toBe(false);
    expect(verifySignature('whsec_test', header, body.replace('e1', 'e2'), { now: at })).toBe(false);
    expect(verifySignature('whsec_test', header, body, { now: new Date(at.getTime() + 301_000) })).toBe(false);
  });

  it('carries one v1 per secret during a rotation: either secret verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], t, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifySignature('whsec_new', header, body, { now: at })).toBe(true);
    expect(verifySignature('whsec_old', header, body, { now: at })).toBe(true);
  });
});
