import { promises as dns } from 'node:dns';
import { parseIPv4, parseIPv6, refusedAddressReason } from '../../../domain/network-address.js';

/**
 * Where a webhook may go (SSRF protection). An address is checked when an admin saves it and again
 * before every delivery, after resolving its host name: every address the name resolves to must be
 * public, and the request then connects to exactly those addresses (see send.ts), so a name that
 * changes its answer between the check and the connection (DNS rebinding) cannot slip through.
 * Only https:// — unless WEBHOOKS_ALLOW_PRIVATE=true, which allows http:// and private addresses
 * (development and tests).
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: Lookup = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type Destination = { ok: true; url: URL; hostname: string; addresses: ResolvedAddress[] } | { ok: false; reason: string };

/** The host of a URL without IPv6 brackets. */
const bare = (hostname: string) => (hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname);

/** Whether a URL's form is acceptable (before any name is resolved); the refusal in words, or null. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Give a full address, such as https://example.com/hooks/advance.';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'Use an https:// address: events carry your workspace’s data.';
  if (url.username || url.password) return 'Leave user names and passwords out of the address: the signature proves a delivery comes from Advance.';
  if (url.hash) return 'Leave the #fragment out of the address.';
  return null;
}

/**
 * A host name's refusal: the same words whether it resolved to a refused address or did not resolve
 * at all, naming neither the address nor the resolver's error — or an admin could map internal host
 * names to addresses by trying them. (An address typed as one is named with its range.)
 */
const notPublic = (hostname: string) => `The host ${hostname} does not resolve to a public internet address: webhooks go to public internet addresses only.`;

export async function checkDestination(raw: string, opts: { allowPrivate: boolean; lookup?: Lookup }): Promise<Destination> {
  const problem = urlProblem(raw, opts.allowPrivate);
  if (problem) return { ok: false, reason: problem };
  const url = new URL(raw);
  const hostname = bare(url.hostname);
  const literal = parseIPv4(hostname) !== null ? 4 : parseIPv6(hostname) !== null ? 6 : null;
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: hostname, family: literal }];
  else {
    let code: string | undefined;
    try {
      addresses = await (opts.lookup ?? systemLookup)(hostname);
    } catch (err) {
      code = (err as { code?: string }).code;
      addresses = [];
    }
    // With private addresses allowed (development), nothing is kept from the caller: say why.
    if (addresses.length === 0) return { ok: false, reason: opts.allowPrivate ? `The host ${hostname} could not be found${code ? ` (${code})` : ''}.` : notPublic(hostname) };
  }
  if (!opts.allowPrivate) {
    for (const a of addresses) {
      const why = refusedAddressReason(a.address);
      if (why) return { ok: false, reason: literal ? `${a.address} is a ${why} address: webhooks go to public internet addresses only.` : notPublic(hostname) };
    }
  }
  return { ok: true, url, hostname, addresses };
}
