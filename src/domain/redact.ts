/**
 * Masking personal data in linter output. The contract forbids printing a full
 * identity document number, phone number or email address unless the user
 * passes --no-redact; its examples are `110101********123X` and `138****5678`.
 * (Personal Information Protection Law art. 51: de-identify where the purpose
 * allows; a lint message only needs enough to find the field.)
 *
 * Every function masks at least one character of any non-blank input, whatever
 * its length, and never throws. Surrounding whitespace is dropped; unpaired
 * surrogates become U+FFFD so the output is well-formed for JSON.
 */
import { checkFixedLine, checkMobile } from './phone.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_INPUT = 4096;

function codePoints(s: unknown): string[] {
  if (typeof s !== 'string') return [];
  return Array.from(s.slice(0, MAX_INPUT).replace(LONE_SURROGATE, '\uFFFD').trim());
}

/**
 * Keeps at most `head` leading and `tail` trailing characters while masking at
 * least `minFraction` of them (and at least one).
 */
function maskKeeping(cs: string[], head: number, tail: number, minFraction: number): string {
  const n = cs.length;
  if (n === 0) return '';
  const minMasked = Math.max(1, Math.ceil(n * minFraction));
  const keep = Math.max(0, Math.min(head + tail, n - minMasked));
  const h = Math.min(head, Math.ceil(keep / 2));
  const t = Math.min(tail, keep - h);
  const h2 = Math.min(head, keep - t);
  return cs.slice(0, h2).join('') + '*'.repeat(n - h2 - t) + (t > 0 ? cs.slice(n - t).join('') : '');
}

/**
 * A document number of another kind (passport, permits, officer ID …): at most
 * the first 2 and last 2 characters shown, at least half masked.
 * `E12345678` → `E1*****78`, `AB12` → `A**2`, `X` → `*`.
 */
export function maskDocumentNumber(s: string): string {
  return maskKeeping(codePoints(s), 2, 2, 0.5);
}

/**
 * A citizen ID number as the contract prints it: first 6 (the issuing region)
 * and last 4 of 18 characters, so the birth date is hidden:
 * `11010119900307123X` → `110101********123X`. A 15-digit first-generation
 * number keeps 6 and 3, hiding its 6-digit birth date the same way. Any other
 * length is masked as a document number.
 */
export function maskIdNumber(s: string): string {
  const cs = codePoints(s);
  if (cs.length === 18) return cs.slice(0, 6).join('') + '*'.repeat(8) + cs.slice(14).join('');
  if (cs.length === 15) return cs.slice(0, 6).join('') + '*'.repeat(6) + cs.slice(12).join('');
  return maskKeeping(cs, 2, 2, 0.5);
}

function hasInternationalPrefix(s: string): boolean {
  const t = s.normalize('NFKC').trim();
  return /^\(?\+/.test(t) || /^00/.test(t.replace(/\D/g, ''));
}

/**
 * A phone number. A Chinese mobile keeps its first 3 (network) and last 4
 * digits: `138****5678`. A fixed line keeps its area code, which names a city,
 * and at most the last 4 of the subscriber digits, masking at least half:
 * `010-****3456`. A number given with +86/0086 is printed `+86 138****5678`.
 * Anything else: first 3 and last 4 digits at most, at least half of the
 * digits masked; text without digits is masked as a document number.
 * Extensions are dropped.
 */
export function maskPhone(s: string): string {
  const text = typeof s === 'string' ? s.slice(0, MAX_INPUT) : '';
  const intl = hasInternationalPrefix(text);
  const mobile = checkMobile(text);
  if (mobile.ok) {
    const d = mobile.national;
    return `${intl ? '+86 ' : ''}${d.slice(0, 3)}****${d.slice(7)}`;
  }
  const fixed = checkFixedLine(text);
  if (fixed.ok) {
    const local = Array.from(fixed.local);
    const shown = Math.min(4, Math.floor(local.length / 2));
    const masked = '*'.repeat(local.length - shown) + local.slice(local.length - shown).join('');
    return intl ? `+86 ${fixed.areaCode}-${masked}` : `0${fixed.areaCode}-${masked}`;
  }
  const cs = codePoints(text);
  const digits = cs.join('').normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 0) return maskKeeping(cs, 2, 2, 0.5);
  const plus = cs.join('').normalize('NFKC').startsWith('+') ? '+' : '';
  return plus + maskKeeping(Array.from(digits), 3, 4, 0.5);
}

/**
 * An email address: the first character of the local part, the rest masked
 * (length kept), and the domain as given: `zhang.san@example.com` →
 * `z********@example.com`; a one-character local part is fully masked. Text
 * without a usable `@` is masked as a document number.
 */
export function maskEmail(s: string): string {
  const cs = codePoints(s);
  const text = cs.join('');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return maskKeeping(cs, 2, 2, 0.5);
  const local = Array.from(text.slice(0, at));
  const domain = text.slice(at + 1);
  const maskedLocal = local.length === 1 ? '*' : (local[0] ?? '') + '*'.repeat(local.length - 1);
  return `${maskedLocal}@${domain}`;
}
