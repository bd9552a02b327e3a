/**
 * Contact email addresses (一、2 电子邮件地址).
 *
 * The practical subset of RFC 5322 addr-spec that mail systems accept for a
 * mailbox, as RFC 5321 §4.1.2 recommends: a dot-atom local part (no quoted
 * strings: RFC 5321 says hosts SHOULD avoid mailboxes that need them), `@`, and
 * a domain name. Domain literals (`user@[192.0.2.1]`) are rejected: a contact
 * address belongs on a domain.
 *
 * Internationalised addresses: the domain may be an IDN (`例子.中国`, mapped by
 * UTS #46 via `url.domainToASCII`), and the local part may hold UTF-8
 * (RFC 6531/6532 SMTPUTF8, e.g. `张三@例子.中国`), since Chinese mail providers
 * offer such mailboxes. The verdict says `smtputf8: true` for those so a rule
 * can warn that not every sender can reach them.
 *
 * Problem codes (stable):
 * - `syntax`  not an addr-spec: missing/extra `@`, bad local-part characters,
 *             dots at the ends or doubled, local part > 64 octets, address
 *             > 254 octets; `reason` narrows it.
 * - `domain`  the part after `@` is not a valid registrable-or-sub domain name;
 *             `domainProblem` carries the domain-name verdict's problem.
 */
import { checkDomainName, type DomainResult } from './domain-name.js';

export type EmailSyntaxReason = 'empty' | 'at-sign' | 'local-part' | 'local-too-long' | 'too-long' | 'domain-literal';

export type EmailResult =
  | {
      ok: true;
      /** Local part as given, `@`, A-label domain. */
      address: string;
      local: string;
      domainAscii: string;
      domainUnicode: string;
      /** The local part is not ASCII: delivery needs SMTPUTF8 (RFC 6531). */
      smtputf8: boolean;
    }
  | { ok: false; problem: 'syntax'; reason: EmailSyntaxReason }
  | { ok: false; problem: 'domain'; domainProblem: Exclude<DomainResult, { ok: true }>['problem'] };

/** RFC 5321 §4.5.3.1.1 local part and the 256-octet path minus `<` and `>`. */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/**
 * RFC 5322 atext, extended by RFC 6532 §3.2 with any non-ASCII character;
 * here "any" excludes controls, format characters (bidi marks, zero-width),
 * separators, unpaired surrogates and noncharacters, which no mail system
 * would create in a mailbox name.
 */
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]$/;
const UTF8_ATEXT = /^[^\p{C}\p{Z}\x00-\x7f]$/u;

function syntax(reason: EmailSyntaxReason): EmailResult {
  return { ok: false, problem: 'syntax', reason };
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A local part of ASCII atext and dots only: the common case, settled by one test. */
const ASCII_LOCAL = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/;

function localPartValid(local: string): boolean {
  if (local === '' || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  if (ASCII_LOCAL.test(local)) return true;
  for (const ch of local) {
    if (ch === '.' || ATEXT.test(ch)) continue;
    if (!UTF8_ATEXT.test(ch)) return false;
  }
  return true;
}

/** Checks one email address; surrounding whitespace is trimmed. */
export function checkEmail(input: string): EmailResult {
  if (typeof input !== 'string') return syntax('empty');
  if (input.length > 4 * MAX_ADDRESS) return syntax('too-long');
  const s = input.trim();
  if (s === '') return syntax('empty');

  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return syntax('at-sign');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.includes('@')) return syntax(local.startsWith('"') ? 'local-part' : 'at-sign');
  if (domain.startsWith('[')) return syntax('domain-literal');
  // RFC 6532 expects NFC; a decomposed local part would not match the mailbox.
  const ascii = ASCII_LOCAL.test(local);
  if (!localPartValid(local) || (!ascii && local !== local.normalize('NFC'))) return syntax('local-part');
  if (utf8Length(local) > MAX_LOCAL) return syntax('local-too-long');

  // A trailing root dot is no part of a mail domain (RFC 5321 §2.3.5).
  if (domain.endsWith('.')) return { ok: false, problem: 'domain', domainProblem: 'syntax' };
  const d = checkDomainName(domain);
  if (!d.ok) return { ok: false, problem: 'domain', domainProblem: d.problem };
  if (utf8Length(local) + 1 + d.ascii.length > MAX_ADDRESS) return syntax('too-long');

  return {
    ok: true,
    address: `${local}@${d.ascii}`,
    local,
    domainAscii: d.ascii,
    domainUnicode: d.unicode,
    smtputf8: !ascii && /[^\x00-\x7f]/.test(local),
  };
}
