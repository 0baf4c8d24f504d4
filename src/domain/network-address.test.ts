import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseIPv6, refusedAddressReason } from './network-address.js';

describe('webhook destinations: which addresses are refused', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.100.100.200', 'shared (carrier-grade NAT)'],
    ['0.0.0.0', 'this network'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fc00::5', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local (cloud metadata)'],
    ['::ffff:10.1.2.3', 'private'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:169.254.169.254', 'link-local (cloud metadata)'],
    ['64:ff9b:1::7f00:1', 'local-use NAT64'],
    ['64:ff9b:1:7f00:1::', 'local-use NAT64'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
    ['2002:7f00:0001::1', 'loopback'],
    ['example.com', 'not an IP address'],
    ['1.2.3', 'not an IP address'],
    ['01.2.3.4', 'not an IP address'],
    ['1::2::3', 'not an IP address'],
  ])('%s is refused (%s)', (address, why) => {
    expect(refusedAddressReason(address)).toBe(why);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700:4700::1111', '2a00:1450:4007:80f::200e', '::ffff:8.8.8.8', '::ffff:0:8.8.8.8', '64:ff9b::8.8.8.8', '2002:0808:0808::1'])(
    '%s is public',
    (address) => {
      expect(refusedAddressReason(address)).toBeNull();
    },
  );

  it('reads IPv6 in its compressed and dotted forms as the same number', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toBe(parseIPv6('0:0:0:0:0:ffff:7f00:0001'));
    expect(parseIPv6('fd00::1')).toBe((0xfd00n << 112n) | 1n);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});
