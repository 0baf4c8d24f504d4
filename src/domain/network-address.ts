/**
 * Whether an IP address is a public, routable one that Advance may send a webhook to. Refused:
 * private, loopback, link-local (cloud metadata services live at 169.254.169.254 and fd00:ec2::254),
 * unique-local, shared (carrier-grade NAT, 100.64/10, where Alibaba's metadata service is),
 * documentation, benchmarking, multicast, reserved and unspecified ranges — and any IPv6 form that
 * carries one of those IPv4 addresses inside it (IPv4-mapped `::ffff:127.0.0.1`, IPv4-translated
 * `::ffff:0:127.0.0.1`, IPv4-compatible, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`). The local-use NAT64
 * prefix `64:ff9b:1::/48` is refused whole: a network picks its own prefix length within it, so
 * where an IPv4 address sits inside cannot be told. Pure: text in, answer out.
 */

type Range = readonly [base: bigint, prefix: number, why: string];

const V4_REFUSED: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_REFUSED: readonly (readonly [string, number, string])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

/** An IPv4 address as a number; null when the text is not one (four decimal parts 0–255). */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p.startsWith('0'))) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** An IPv6 address as a 128-bit number (compressed `::` and a trailing dotted IPv4 part accepted, a zone `%eth0` ignored); null when not one. */
export function parseIPv6(input: string): bigint | null {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(':')) return null;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (v4 === null) return null;
    tail = [v4 >>> 16, v4 & 0xffff];
    text = `${text.slice(0, lastColon + 1)}${tail.length ? '0:0' : ''}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail.length) n = (n & ~0xffffffffn) | (BigInt(tail[0]) << 16n) | BigInt(tail[1]);
  return n;
}

const v4Ranges: Range[] = V4_REFUSED.map(([a, p, why]) => [BigInt(parseIPv4(a)!), p, why]);
const v6Ranges: Range[] = V6_REFUSED.map(([a, p, why]) => [parseIPv6(a)!, p, why]);

function inRange(value: bigint, bits: number, [base, prefix]: Range): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

function refusedV4(n: number): string | null {
  if (n === 0xffffffff) return 'broadcast';
  const v = BigInt(n);
  return v4Ranges.find((r) => inRange(v, 32, r))?.[2] ?? null;
}

/**
 * Why an address is refused as a webhook destination, or null when it is public. Text that is not
 * an IP address at all is refused too ("not an IP address").
 */
export function refusedAddressReason(address: string): string | null {
  const v4 = parseIPv4(address);
  if (v4 !== null) return refusedV4(v4);
  const v6 = parseIPv6(address);
  if (v6 === null) return 'not an IP address';
  const low32 = Number(v6 & 0xffffffffn);
  // IPv6 forms that carry an IPv4 address: judge the IPv4 address inside.
  if (v6 >> 32n === 0xffffn) return refusedV4(low32) ?? null; // ::ffff:a.b.c.d (IPv4-mapped)
  if (v6 >> 32n === 0xffff0000n) return refusedV4(low32) ?? null; // ::ffff:0:a.b.c.d (IPv4-translated)
  if (v6 >> 32n === 0n && v6 > 1n) return 'IPv4-compatible (deprecated)'; // ::a.b.c.d
  if (v6 >> 32n === 0x64ff9b0000000000000000n) return refusedV4(low32) ?? null; // 64:ff9b::a.b.c.d (NAT64)
  if (v6 >> 112n === 0x2002n) {
    const inner = refusedV4(Number((v6 >> 80n) & 0xffffffffn)); // 2002:aabb:ccdd::/48 (6to4)
    if (inner) return inner;
  }
  return v6Ranges.find((r) => inRange(v6, 128, r))?.[2] ?? null;
}

export const isPublicAddress = (address: string): boolean => refusedAddressReason(address) === null;
