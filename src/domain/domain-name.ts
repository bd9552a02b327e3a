/**
 * Website domain names (一、3 网站域名): a name the owner registered with a
 * domain registry, proved by the domain certificate or the registry's lookup
 * (二、(二)1.(5)).
 *
 * IDNs are mapped with UTS #46 (node's `url.domainToASCII`, the WHATWG URL
 * profile: non-transitional, so `faß.de` stays `faß.de`), then held to the DNS
 * rules that profile leaves out: LDH characters and hyphen placement (RFC 5891
 * §4.2.3.1, RFC 1123), 63-octet labels and 253-octet names (RFC 1035).
 *
 * The registrable domain comes from the ICANN section of the Public Suffix
 * List (tldts). Private-section suffixes (github.io, s3.amazonaws.com …) are
 * ignored on purpose: they are delegations inside a company's own domain, not
 * registries, so `me.github.io` is a subdomain of `github.io`, whose holder is
 * GitHub, not the filer. The verdict still reports `privateSuffix` so a rule
 * can explain that.
 *
 * Problem codes (stable):
 * - `syntax`           not a domain name; `reason`: `empty`, `too-long` (name
 *                      > 253 octets), `url` (scheme, path, port, user or query:
 *                      `http://a.com/x`), `empty-label`, `label-too-long`,
 *                      `character` (outside letters, digits, hyphen after UTS #46
 *                      mapping, e.g. `_` or a space), `hyphen` (leading or
 *                      trailing, or `--` in positions 3–4 other than `xn--`),
 *                      `numeric-tld`, `idna` (UTS #46 rejects it: bad punycode,
 *                      disallowed code point, bidi or joiner rules).
 * - `ip-address`       an IP address (any notation) where a name is expected.
 * - `no-public-suffix` the top-level label is not an ICANN TLD (example.invalid,
 *                      localhost, corp.local), or is a special-use TLD without
 *                      registrars (.onion, .arpa).
 * - `is-public-suffix` the name is itself a public suffix (com.cn, gov.cn), which
 *                      nobody can register.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { ipaddr, tldts } from './libraries.js';
import { RecentResults } from './recent.js';

export type DomainSyntaxReason =
  | 'empty'
  | 'too-long'
  | 'url'
  | 'empty-label'
  | 'label-too-long'
  | 'character'
  | 'hyphen'
  | 'numeric-tld'
  | 'idna';

export type DomainResult =
  | {
      ok: true;
      /** Lower-case A-label form, no trailing dot. */
      ascii: string;
      /** U-label form for display. */
      unicode: string;
      /** The name one registers (ICANN section), ASCII. */
      registrable: string;
      publicSuffix: string;
      /** The name is below its registrable domain (www.example.com): still valid; the linter warns. */
      isSubdomain: boolean;
      /** The input ended in a root dot (`example.com.`); see checkDomainName. */
      trailingDot: boolean;
      /** A private-section suffix the name lies under, e.g. `github.io`. */
      privateSuffix?: string;
    }
  | { ok: false; problem: 'syntax'; reason: DomainSyntaxReason }
  | { ok: false; problem: 'ip-address'; address: string }
  | { ok: false; problem: 'no-public-suffix'; ascii: string; tld: string }
  | { ok: false; problem: 'is-public-suffix'; ascii: string; unicode: string };

/** Well beyond 253 octets even for long U-labels; longer input is not worth mapping. */
const MAX_INPUT = 1024;
const MAX_NAME = 253;
const MAX_LABEL = 63;

const SPECIAL_USE_TLDS = new Set(['onion', 'arpa']);

/** Full stops UTS #46 maps to `.`: ideographic, full-width and half-width ideographic. */
const DOTS = /[\u3002\uff0e\uff61]/g;

function syntax(reason: DomainSyntaxReason): DomainResult {
  return { ok: false, problem: 'syntax', reason };
}

function labelProblem(label: string): DomainSyntaxReason | undefined {
  if (label.length === 0) return 'empty-label';
  if (label.length > MAX_LABEL) return 'label-too-long';
  if (!/^[a-z0-9-]+$/.test(label)) return 'character';
  if (label.startsWith('-') || label.endsWith('-')) return 'hyphen';
  if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return 'hyphen';
  return undefined;
}

/** DNS/LDH rules on an ASCII name (no trailing dot). */
function nameProblem(ascii: string): DomainSyntaxReason | undefined {
  const labels = ascii.split('.');
  for (const label of labels) {
    const p = labelProblem(label);
    if (p) return p;
  }
  if (ascii.length > MAX_NAME) return 'too-long';
  // RFC 3696 §2: a TLD is never all-numeric, which keeps names apart from IPv4.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'numeric-tld';
  return undefined;
}

/**
 * Hyphen rules on the U-labels as well: the WHATWG profile runs UTS #46 with
 * CheckHyphens off, so `-例.com` would otherwise pass as `xn---…`.
 */
function unicodeLabelProblem(unicode: string): DomainSyntaxReason | undefined {
  for (const label of unicode.split('.')) {
    if (label.startsWith('-') || label.endsWith('-')) return 'hyphen';
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return 'hyphen';
  }
  return undefined;
}

function safeToAscii(s: string): string {
  try {
    return domainToASCII(s);
  } catch {
    return '';
  }
}

// Every IP form ipaddr.js accepts is written with hex digits, x, dots, colons
// (and % for a zone). Asking it about anything else only costs a thrown
// exception per name, which dominated the cost of checking a domain.
const IP_CHARACTERS = /^[0-9a-fA-FxX.:%]+$/;

function looksLikeIp(s: string): string | undefined {
  const bare = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (IP_CHARACTERS.test(bare) && ipaddr().isValid(bare)) return bare;
  return undefined;
}

/**
 * Checks one domain name.
 *
 * Surrounding whitespace is trimmed; upper case is folded (DNS names are
 * case-insensitive, RFC 4343). A single trailing root dot (`example.com.`, the
 * absolute form of the same name) is accepted and stripped, with
 * `trailingDot: true` so a rule can point it out: registries and domain
 * certificates never write it. Two trailing dots are an empty label.
 */
export function checkDomainName(input: string): DomainResult {
  if (typeof input !== 'string') return syntax('empty');
  if (input.length > MAX_INPUT) return syntax('too-long');
  // Several rules check each domain of a record, and a provider's records repeat domains: checked once.
  return recentDomains.get(input, checkWithShortcuts);
}

const recentDomains = new RecentResults<DomainResult>();
const checkWithShortcuts = (input: string): DomainResult => checkUncached(input, true);

// A name of ASCII letters, digits and hyphens in non-empty labels is its own
// UTS #46 mapping, once lower-cased: the mapping only changes non-ASCII
// characters and upper case. Two kinds are left to the library: `xn--`
// labels, whose Punycode it decodes and checks; and a last label that is a
// number (`123`, `0x1f`), which the WHATWG host parser reads as IPv4.
const PLAIN_LDH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i;
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:[0-9]+|0x[0-9a-f]*)$/i;

function isPlainLdh(s: string): boolean {
  return PLAIN_LDH.test(s) && !NUMERIC_LAST_LABEL.test(s) && !/xn--/i.test(s);
}

/** The verdict with every name mapped by the library and parsed twice by tldts: what checkDomainName must equal. */
export function checkWithLibrary(input: string): DomainResult {
  return checkUncached(input, false);
}

function checkUncached(input: string, shortcuts: boolean): DomainResult {
  let s = input.trim();
  if (s === '') return syntax('empty');

  const ip = looksLikeIp(s);
  if (ip !== undefined) return { ok: false, problem: 'ip-address', address: ip };
  if (/[/\\?#@]|:/.test(s)) return syntax('url');
  if (s.includes('[') || s.includes(']')) return syntax('character');

  s = s.replace(DOTS, '.');
  const trailingDot = s.endsWith('.') && s.length > 1;
  if (trailingDot) s = s.slice(0, -1);
  if (s === '' || s === '.') return syntax('empty-label');

  if (shortcuts && isPlainLdh(s)) {
    const ascii = s.toLowerCase();
    const problem = nameProblem(ascii);
    return problem ? syntax(problem) : registrableVerdict(ascii, ascii, trailingDot, shortcuts);
  }
  let ascii = safeToAscii(s);
  if (ascii === '') {
    // Tell a plain LDH violation from an IDNA failure where the input is ASCII.
    if (/^[\x20-\x7e]*$/.test(s)) return syntax(nameProblem(s.toLowerCase()) ?? 'idna');
    return syntax('idna');
  }
  // The WHATWG host parser turns numeric forms (`１.２.３.４`, `0x7f.1`) into IPv4.
  if (/^[0-9.]+$/.test(ascii) && ipaddr().IPv4.isValidFourPartDecimal(ascii)) return { ok: false, problem: 'ip-address', address: ascii };
  ascii = ascii.toLowerCase();

  const problem = nameProblem(ascii);
  if (problem) return syntax(problem);
  const unicode = domainToUnicode(ascii);
  const uProblem = unicodeLabelProblem(unicode);
  if (uProblem) return syntax(uProblem);
  return registrableVerdict(ascii, unicode, trailingDot, shortcuts);
}

// Second-level suffixes CNNIC's registry opens to registrants that the Public
// Suffix List does not carry: 政务.cn and 公益.cn, whose names the CONAC centre
// registers to government bodies and public-interest institutions
// (示例.政务.cn). Without them `北京市人民政府.政务.cn` would read as a subdomain
// of 政务.cn, which nobody can register, and restricted-domain, which treats
// 政务.cn as a suffix, would contradict domain-format.
const REGISTRY_ONLY_SUFFIXES = ['xn--zfr164b.cn', 'xn--55qw42g.cn'] as const;

function registryOnlySuffix(ascii: string): string | undefined {
  return REGISTRY_ONLY_SUFFIXES.find((s) => ascii === s || ascii.endsWith(`.${s}`));
}

/** The suffix and one label before it; '' for the suffix itself. */
function registrableUnder(ascii: string, suffix: string): string {
  if (ascii === suffix) return '';
  const rest = ascii.slice(0, ascii.length - suffix.length - 1);
  return `${rest.slice(rest.lastIndexOf('.') + 1)}.${suffix}`;
}

const ICANN_ONLY = { allowPrivateDomains: false, extractHostname: false, validateHostname: false } as const;
const WITH_PRIVATE = { allowPrivateDomains: true, extractHostname: false, validateHostname: false } as const;

/** Where a well-formed ASCII name sits in the Public Suffix List. */
function registrableVerdict(ascii: string, unicode: string, trailingDot: boolean, shortcuts: boolean): DomainResult {
  // The longest match over both sections is the ICANN one unless it is a
  // private rule, so one parse answers both questions for most names.
  const withPrivate = tldts().parse(ascii, WITH_PRIVATE);
  const icann = shortcuts && withPrivate.isPrivate !== true ? withPrivate : tldts().parse(ascii, ICANN_ONLY);
  const suffix = icann.publicSuffix ?? '';
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  // .onion (RFC 7686) and .arpa (RFC 3172) are in the ICANN section but have no
  // registrar: nobody can hold such a name on a domain certificate.
  if (icann.isIcann !== true || SPECIAL_USE_TLDS.has(tld)) {
    return { ok: false, problem: 'no-public-suffix', ascii, tld };
  }
  const extra = registryOnlySuffix(ascii);
  const registrable = extra ? registrableUnder(ascii, extra) : icann.domain;
  if (registrable === null || registrable === '') return { ok: false, problem: 'is-public-suffix', ascii, unicode };

  const result: DomainResult = {
    ok: true,
    ascii,
    unicode,
    registrable,
    publicSuffix: extra ?? suffix,
    isSubdomain: ascii !== registrable,
    trailingDot,
  };
  if (withPrivate.isPrivate === true && withPrivate.publicSuffix) result.privateSuffix = withPrivate.publicSuffix;
  return result;
}

/**
 * A canonical key for comparing domains (duplicate-domain rules): the lower-case
 * A-label form without a trailing dot, so `例子.中国`, `XN--FSQU00A.xn--fiqs8s`
 * and `例子。中国.` meet. For input UTS #46 cannot map, the NFKC-folded,
 * lower-cased, trimmed text, so two copies of the same bad name still meet.
 */
export function domainKey(input: string): string {
  return keyOf(input, true);
}

/** The key with every name mapped by the library: what domainKey must equal. */
export function domainKeyWithLibrary(input: string): string {
  return keyOf(input, false);
}

function keyOf(input: string, shortcuts: boolean): string {
  if (typeof input !== 'string') return '';
  const s = input.slice(0, MAX_INPUT).trim().replace(DOTS, '.').replace(/\.$/, '');
  if (shortcuts && isPlainLdh(s)) return s.toLowerCase();
  // The WHATWG host parser would cut `a.com/x` down to `a.com`; such text keys as itself.
  const ascii = s === '' || /[/\\?#@:[\]\s]/.test(s) ? '' : safeToAscii(s);
  if (ascii !== '') return ascii.toLowerCase();
  return s.normalize('NFKC').toLowerCase();
}

/**
 * Whether a domain is a suffix or lies under it, compared label by label on
 * the ASCII form (domainKey): `a.gov.cn` and `gov.cn` are under `gov.cn`,
 * `notgov.cn` and `gov.cn.example.com` are not; `示例.政务.cn` is under
 * `xn--zfr164b.cn`, and the other way round. Case, full-width dots and a
 * trailing root dot do not matter. An empty suffix contains nothing.
 */
export function isUnderSuffix(domain: string, suffix: string): boolean {
  return isUnderSuffixKey(domainKey(domain), domainKey(suffix));
}

/** isUnderSuffix on keys already made (domainKey, or checkDomainName's `ascii`), for a caller comparing many. */
export function isUnderSuffixKey(name: string, suffix: string): boolean {
  if (name === '' || suffix === '') return false;
  return name === suffix || name.endsWith(`.${suffix}`);
}
