import { isIPv4, isIPv6 } from 'node:net';

/**
 * The unit every per-address throttle counts by: an IPv4 address as is, an IPv6 address by
 * its /64 network. One IPv6 subscriber usually holds a whole /64 (often more), so counting
 * single IPv6 addresses would give an attacker 2^64 fresh "addresses" to rotate through.
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`, how a dual-stack socket reports IPv4 clients) counts
 * as the IPv4 address it is. Anything that is not an IP address (a test's label, a proxy's
 * odd header) is its own bucket.
 */
export function addressBucket(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const groups = expandIPv6(bare.toLowerCase());
  if (
    groups.slice(0, 5).every((g) => g === 0) &&
    groups[5] === 0xffff &&
    groups[6] !== undefined &&
    groups[7] !== undefined
  ) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` and a dotted IPv4 tail expanded). */
function expandIPv6(address: string): number[] {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (isIPv4(tail)) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
