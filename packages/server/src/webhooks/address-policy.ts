import ipaddr from 'ipaddr.js';

/**
 * Why a webhook may not connect to an address, or `null` when it may: only globally routable
 * unicast addresses are allowed (SSRF). Refused: private (10/8, 172.16/12, 192.168/16),
 * loopback, link-local (169.254/16 — cloud metadata — and fe80::/10), unique-local (fc00::/7),
 * carrier-grade NAT (100.64/10), multicast, unspecified, broadcast, reserved and documentation
 * ranges; and IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`,
 * IPv4-compatible `::a.b.c.d`, NAT64, 6to4, Teredo), whose IPv4 address is what a connection
 * would reach.
 */
export function refusedAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'is not an IP address';
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return refusedAddressReason(v6.toIPv4Address().toString());
  }
  const range = parsed.range();
  if (range !== 'unicast') return `is a ${RANGE_NAMES[range] ?? range} address`;
  // ::a.b.c.d (IPv4-compatible, deprecated): the first 96 bits are zero.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) {
    return 'is an IPv4-compatible IPv6 address';
  }
  return null;
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
};

/** A URL's host as an IP address when it is one (`[::1]` → `::1`), else `null` (a name). */
export function literalAddress(hostname: string): string | null {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))
    ? bare
    : null;
}
