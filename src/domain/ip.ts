/**
 * Access IP addresses of a website (一、4 接入信息: the IP addresses the site is
 * served from). A filed address must be one the access provider can actually
 * assign to a server on the public Internet: a public unicast address.
 *
 * Problem codes (stable):
 * - `syntax`      not an IPv4 dotted quad or an IPv6 address; `reason` says why:
 *                 `empty`, `format`, `cidr` (a prefix like /24: a filing names
 *                 addresses, not networks), `port`, `zone-id` (`%eth0` only
 *                 means something on one host), `brackets` (URL notation),
 *                 `non-decimal` (legacy inet_aton forms, see below).
 * - `not-public`  a valid address in a special-purpose range; `range` names it
 *                 so the message can say "192.168.1.10 is a private address".
 *
 * Range names follow ipaddr.js where it has one, and name what it lumps into
 * `reserved` (documentation, benchmarking, IETF protocol assignments) after the
 * IANA special-purpose address registries (RFC 6890), so the message is exact.
 */
import type ipaddrTypes from 'ipaddr.js';
import { ipaddr } from './libraries.js';
import { RecentResults } from './recent.js';

/** Every range code checkIpAddress reports, so a rule can name each one. */
export const IP_RANGE_NAMES = [
  'unspecified',
  'broadcast',
  'multicast',
  'linkLocal',
  'loopback',
  'carrierGradeNat',
  'private',
  'protocolAssignments',
  'documentation',
  'benchmarking',
  'as112',
  'amt',
  '6to4Relay',
  'reserved',
  'uniqueLocal',
  'deprecatedSiteLocal',
  'discard',
  'rfc6145',
  'rfc6052',
  '6to4',
  'teredo',
  'orchid',
  'orchid2',
  'droneRemoteIdProtocolEntityTags',
  'segmentRouting',
] as const;

export type IpRangeName = (typeof IP_RANGE_NAMES)[number];

export type IpSyntaxReason = 'empty' | 'format' | 'cidr' | 'port' | 'zone-id' | 'brackets' | 'non-decimal';

export type IpResult =
  | {
      ok: true;
      version: 4 | 6;
      /** Canonical text: dotted quad, or RFC 5952 for IPv6. */
      address: string;
      /** The IPv6 text when the input was an IPv4-mapped address (`::ffff:1.2.3.4`). */
      mappedFrom?: string;
    }
  | { ok: false; problem: 'syntax'; reason: IpSyntaxReason }
  | {
      ok: false;
      problem: 'not-public';
      version: 4 | 6;
      address: string;
      range: IpRangeName;
      /** For an IPv4-mapped IPv6 address: the embedded IPv4 address the range applies to. */
      embeddedIpv4?: string;
    };

type Cidr = [ipaddrTypes.IPv4 | ipaddrTypes.IPv6, number];
type RangeTable = Array<[IpRangeName, Cidr]>;

/**
 * IPv4 special-purpose blocks (IANA IPv4 Special-Purpose Address Registry,
 * RFC 6890 and successors), first match wins. AS112 and AMT blocks are
 * globally reachable but are anycast service blocks, never a provider's server.
 */
const V4_RANGES: Array<[IpRangeName, string]> = [
  ['unspecified', '0.0.0.0/8'], // RFC 791 "this network"
  ['private', '10.0.0.0/8'], // RFC 1918
  ['carrierGradeNat', '100.64.0.0/10'], // RFC 6598
  ['loopback', '127.0.0.0/8'], // RFC 1122
  ['linkLocal', '169.254.0.0/16'], // RFC 3927
  ['private', '172.16.0.0/12'], // RFC 1918
  ['documentation', '192.0.2.0/24'], // RFC 5737 TEST-NET-1
  ['protocolAssignments', '192.0.0.0/24'], // RFC 6890
  ['as112', '192.31.196.0/24'], // RFC 7535
  ['amt', '192.52.193.0/24'], // RFC 7450
  ['6to4Relay', '192.88.99.0/24'], // RFC 7526 (deprecated anycast)
  ['private', '192.168.0.0/16'], // RFC 1918
  ['as112', '192.175.48.0/24'], // RFC 7534
  ['benchmarking', '198.18.0.0/15'], // RFC 2544
  ['documentation', '198.51.100.0/24'], // RFC 5737 TEST-NET-2
  ['documentation', '203.0.113.0/24'], // RFC 5737 TEST-NET-3
  ['multicast', '224.0.0.0/4'], // RFC 5771
  ['broadcast', '255.255.255.255/32'], // RFC 919
  ['reserved', '240.0.0.0/4'], // RFC 1112
];

/** IPv6 special-purpose blocks (IANA IPv6 Special-Purpose Address Registry), first match wins. */
const V6_RANGES: Array<[IpRangeName, string]> = [
  ['unspecified', '::/128'], // RFC 4291
  ['loopback', '::1/128'], // RFC 4291
  ['rfc6145', '::ffff:0:0:0/96'], // RFC 6145 IPv4-translated
  ['rfc6052', '64:ff9b::/96'], // RFC 6052 NAT64 well-known prefix
  ['rfc6052', '64:ff9b:1::/48'], // RFC 8215 local-use NAT64
  ['discard', '100::/64'], // RFC 6666
  ['teredo', '2001::/32'], // RFC 4380
  ['benchmarking', '2001:2::/48'], // RFC 5180
  ['amt', '2001:3::/32'], // RFC 7450
  ['as112', '2001:4:112::/48'], // RFC 7535
  ['orchid', '2001:10::/28'], // RFC 4843 ORCHID (deprecated)
  ['orchid2', '2001:20::/28'], // RFC 7343 ORCHIDv2, ipaddr.js's `orchid2`
  ['droneRemoteIdProtocolEntityTags', '2001:30::/28'], // RFC 9374
  ['protocolAssignments', '2001::/23'], // RFC 2928
  ['documentation', '2001:db8::/32'], // RFC 3849
  ['6to4', '2002::/16'], // RFC 3056; deprecated for new use by RFC 7526
  ['as112', '2620:4f:8000::/48'], // RFC 7534
  ['documentation', '3fff::/20'], // RFC 9637
  ['segmentRouting', '5f00::/16'], // RFC 9602
  ['uniqueLocal', 'fc00::/7'], // RFC 4193
  ['linkLocal', 'fe80::/10'], // RFC 4291
  ['deprecatedSiteLocal', 'fec0::/10'], // RFC 3879
  ['multicast', 'ff00::/8'], // RFC 4291
];

let tables: { v4: RangeTable; v6: RangeTable; globalUnicast: Cidr; mapped: Cidr } | undefined;
function rangeTables() {
  if (tables === undefined) {
    const build = (rows: Array<[IpRangeName, string]>): RangeTable =>
      rows.map(([name, cidr]) => [name, ipaddr().parseCIDR(cidr) as Cidr]);
    tables = {
      v4: build(V4_RANGES),
      v6: build(V6_RANGES),
      // RFC 4291 §2.4: everything outside 2000::/3 not listed above is unassigned by IANA.
      globalUnicast: ipaddr().parseCIDR('2000::/3') as Cidr,
      mapped: ipaddr().parseCIDR('::ffff:0:0/96') as Cidr,
    };
  }
  return tables;
}

function rangeOf(addr: ipaddrTypes.IPv4 | ipaddrTypes.IPv6, table: RangeTable): IpRangeName | undefined {
  for (const [name, cidr] of table) {
    if (addr.kind() === cidr[0].kind() && addr.match(cidr)) return name;
  }
  return undefined;
}

const MAX_INPUT = 100;
const DOTTED_TAIL = /^(.*:)([^:]*\.[^:]*)$/;

function syntax(reason: IpSyntaxReason): IpResult {
  return { ok: false, problem: 'syntax', reason };
}

function checkV4(v4: ipaddrTypes.IPv4): IpResult {
  const address = v4.toString();
  const range = rangeOf(v4, rangeTables().v4);
  return range === undefined ? { ok: true, version: 4, address } : { ok: false, problem: 'not-public', version: 4, address, range };
}

/**
 * One IPv4 or IPv6 address that must be public unicast.
 *
 * IPv4 must be a dotted quad of decimal octets without leading zeros
 * (`ipaddr.IPv4.isValidFourPartDecimal`): inet_aton's legacy forms such as
 * `010.1.1.1` (octal, = 8.1.1.1), `1.1` or `0x7f.1` (= 127.0.0.1) name a
 * different address than a reader sees, so they are `syntax` / `non-decimal`.
 * The same applies to a dotted quad embedded in IPv6.
 *
 * An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address in IPv6
 * socket notation, so it is judged by its embedded IPv4 address; on success the
 * verdict is that IPv4 address, with `mappedFrom` keeping the original form.
 *
 * The input is trimmed; anything non-ASCII (full-width digits, invisible marks)
 * is `format`: an address is copied from a console, not typed through an IME.
 */
export function checkIpAddress(input: string): IpResult {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return syntax('format');
  // The sites of one provider share its servers: a batch repeats the same few addresses.
  return recentAddresses.get(input, checkUncached);
}

const recentAddresses = new RecentResults<IpResult>();

function checkUncached(input: string): IpResult {
  const s = input.trim();
  return checkPlainV4(s) ?? checkWithLibrary(s);
}

// Almost every filed address is a plain dotted quad. ipaddr.js validates it
// twice and matches each range by objects; for this one form the same ranges
// (parsed by ipaddr.js from the table above) are matched as 32-bit integers.
// Anything else — and any octet over 255 — takes the full path below.
const PLAIN_V4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;

let v4Masks: Array<[IpRangeName, number, number]> | undefined;

function checkPlainV4(s: string): IpResult | undefined {
  const m = PLAIN_V4.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  const d = Number(m[4]);
  if (a > 255 || b > 255 || c > 255 || d > 255) return undefined;
  const value = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  v4Masks ??= rangeTables().v4.map(([name, [network, prefix]]) => {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const [w, x, y, z] = network.toByteArray() as [number, number, number, number];
    return [name, (((w << 24) | (x << 16) | (y << 8) | z) & mask) >>> 0, mask];
  });
  for (const [range, network, mask] of v4Masks) {
    if (((value & mask) >>> 0) === network) return { ok: false, problem: 'not-public', version: 4, address: s, range };
  }
  return { ok: true, version: 4, address: s };
}

/** The verdict by ipaddr.js alone, for any form of address (exported for the test that holds the fast path to it). */
export function checkWithLibrary(s: string): IpResult {
  if (s === '') return syntax('empty');
  if (!/^[\x21-\x7e]+$/.test(s)) return syntax('format');

  if (s.includes('/')) {
    const [head] = s.split('/');
    return syntax(ipaddr().isValid(head ?? '') ? 'cidr' : 'format');
  }
  if (s.includes('%')) return syntax('zone-id');
  if (s.startsWith('[')) return syntax(/\]:\d+$/.test(s) ? 'port' : 'brackets');
  if (/^[\d.]+:\d+$/.test(s)) return syntax(ipaddr().isValid(s.slice(0, s.lastIndexOf(':'))) ? 'port' : 'format');

  if (!s.includes(':')) {
    if (ipaddr().IPv4.isValidFourPartDecimal(s)) return checkV4(ipaddr().IPv4.parse(s));
    return syntax(ipaddr().IPv4.isValid(s) ? 'non-decimal' : 'format');
  }

  // ipaddr.js reads `::1.2.3.4` (IPv4-compatible, RFC 4291 §2.5.5.1) as
  // ::ffff:1.2.3.4 and accepts octal in the tail, so the tail is converted here.
  let text = s;
  const tail = DOTTED_TAIL.exec(s);
  if (tail) {
    const quad = tail[2] ?? '';
    if (!ipaddr().IPv4.isValidFourPartDecimal(quad)) return syntax(ipaddr().IPv4.isValid(quad) ? 'non-decimal' : 'format');
    const [a, b, c, d] = ipaddr().IPv4.parse(quad).octets as [number, number, number, number];
    text = `${tail[1] ?? ''}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  // Parsed once: IPv6.isValid parses the text just as parse does, and parse throws where isValid says no.
  let v6: ipaddrTypes.IPv6;
  try {
    v6 = ipaddr().IPv6.parse(text);
  } catch {
    return syntax('format');
  }
  const address = v6.toRFC5952String();

  const t = rangeTables();
  if (v6.match(t.mapped)) {
    const embedded = v6.toIPv4Address();
    const verdict = checkV4(embedded);
    if (verdict.ok) return { ...verdict, mappedFrom: address };
    if (verdict.problem === 'not-public') {
      return { ok: false, problem: 'not-public', version: 6, address, range: verdict.range, embeddedIpv4: verdict.address };
    }
    return verdict;
  }
  const range = rangeOf(v6, t.v6) ?? (v6.match(t.globalUnicast) ? undefined : 'reserved');
  return range === undefined ? { ok: true, version: 6, address } : { ok: false, problem: 'not-public', version: 6, address, range };
}
