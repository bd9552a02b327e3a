/**
 * Personal data found by its value, wherever a text carries it: a phone put
 * in a name, an ID number written as an unknown key, an e-mail in an enum
 * field, a number a parser quotes in its error. Masking by a field's path, or
 * by a record's own personal values, cannot see these; this finds them by
 * their shape and confirms each with the same validators the rules use, so
 * that only what is one is masked:
 *
 * - citizen ID numbers of 18 characters with a known region and a real
 *   birth date (residence permits and the 2023 foreign permanent-resident
 *   card share the layout), and 15-digit first-generation numbers likewise;
 * - passports of Chinese nationals and the mainland travel permits of Hong
 *   Kong and Macao residents, in capitals as the documents print them, and
 *   the earlier 15-character foreign permanent-resident number;
 * - mainland mobile and fixed-line numbers (a fixed line written with its
 *   trunk 0 or with +86), and any valid number written with a leading +;
 * - e-mail addresses (their domain stays, and is searched like any text).
 *
 * What a bureau needs to find a filing is left as it is: a unified social
 * credit code is a unit's, a filing number is the filing's, and dates, IP
 * addresses, counts, record indexes and line numbers are none of the shapes
 * above. A 15-digit registration number whose digits also read as a region
 * and a 1900s birth date is masked as an old ID: the two cannot be told
 * apart, and masking part of a unit's code costs less than printing a
 * person's number.
 */
import { checkCitizenId, checkForeignPermanentResidentId } from './citizen-id.js';
import { checkEmail } from './email.js';
import { FILING_NUMBER } from './filing-number.js';
import { checkMobile, checkFixedLine } from './phone.js';
import { maskDocumentNumber, maskEmail, maskIdNumber, maskPhone } from './redact.js';
import { checkChinesePassport, checkHkMacaoPermit } from './travel-documents.js';
import { checkUscc } from './uscc.js';

/**
 * The fewest digits of each shape: a passport's after its capitals, any ID
 * number, a phone in whatever groups it is written (isPhone).
 */
const DOCUMENT_DIGITS = 7;
const ID_DIGITS = 15;
const PHONE_DIGITS = 10;

/**
 * Full-width forms (U+FF01–FF5E), the ideographic space and the Unicode
 * dashes, as Chinese input methods type them, made ASCII one code unit for
 * one, so that a position in the folded text is the same position in the text.
 */
const FOLDED = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/g;

function fold(text: string): string {
  return text.replace(FOLDED, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return '-';
  });
}

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isCapital = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a);
/** What may stand between the digit groups of one phone number (GROUP_GAP), before folding. */
const GAP_CHAR = /[\s\-()\uFF08\uFF09\uFF0D\u2010-\u2015\u2212]/;

/**
 * Whether a text can hold any of the shapes: an at sign, a run of digits as
 * long as an ID number's or a passport's after a capital, or digit groups
 * with as many digits as a phone. Most texts a message quotes (words, dates,
 * masked values, filing numbers) are none, and are left unread.
 */
function worthScanning(text: string): boolean {
  let run = 0;
  let afterCapital = false;
  let groupDigits = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40 /* @ */ || c === 0xff20 /* ＠ */) return true;
    if (isDigit(c)) {
      if (run === 0) afterCapital = i > 0 && isCapital(text.charCodeAt(i - 1));
      run++;
      groupDigits++;
      gap = 0;
      if (run >= ID_DIGITS || groupDigits >= PHONE_DIGITS || (afterCapital && run >= DOCUMENT_DIGITS)) return true;
      continue;
    }
    run = 0;
    if (groupDigits > 0 && ++gap <= 3 && GAP_CHAR.test(text[i]!)) continue;
    groupDigits = 0;
    gap = 0;
  }
  return false;
}

/** Spans of a text already masked or kept as they are, and the replacements found. */
class Spans {
  private readonly taken: Uint8Array;
  readonly replacements: Array<{ start: number; end: number; text: string }> = [];

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }

  replace(start: number, end: number, text: string): void {
    this.take(start, end);
    this.replacements.push({ start, end, text });
  }
}

// A unit's code and a filing number are kept whole: nothing inside them is searched.
const ALNUM_TOKEN_18 = /(?<![0-9A-Za-z])[0-9A-Z]{18}(?![0-9A-Za-z])/g;
const FILING_NUMBERS = new RegExp(FILING_NUMBER.source.slice(1, -1), 'gu');

function keepCodes(folded: string, spans: Spans): void {
  for (const m of folded.matchAll(ALNUM_TOKEN_18)) {
    if (checkUscc(m[0]).ok && !isCitizenId(m[0])) spans.take(m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(FILING_NUMBERS)) spans.take(m.index, m.index + m[0].length);
}

// An address's local part: ASCII atext (less `/ = ? &`, which join an address to a URL or a query
// around it) or letters of any script, for RFC 6531 mailboxes (张三@例子.中国).
const EMAIL = /[\p{L}\p{N}\p{M}!#$%'*+\-^_`{|}~.]+@[\p{L}\p{N}\p{M}\-.]+/gu;
const ASCII_RUN_AT_END = /[\x21-\x7e]+$/;
const NON_ASCII_RUN_AT_END = /[^\x00-\x7f]+$/;

/** The local part of a candidate as a person wrote it: a Chinese label typed against an ASCII address is not part of it. */
function localPartOf(raw: string): string {
  const trimmed = raw.replace(/^\.+/, '');
  const ascii = /^[\x00-\x7f]*$/.test(trimmed);
  if (ascii || /^[^\x00-\x7f]*$/.test(trimmed)) return trimmed;
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return (last < 0x80 ? ASCII_RUN_AT_END : NON_ASCII_RUN_AT_END).exec(trimmed)?.[0] ?? '';
}

/** The domain as written, up to where text in another script runs on after an ASCII domain (`a@example.com的邮箱`). */
function domainPartOf(raw: string): string {
  const domain = raw.charCodeAt(0) < 0x80 ? (/^[\x00-\x7f]+/.exec(raw)?.[0] ?? '') : raw;
  return domain.replace(/[.-]+$/, '');
}

/**
 * E-mail addresses: the local part is masked (maskEmail), the domain is left
 * to the searches that follow, so a number written as a domain is found too.
 * An address whose domain is no valid domain name is still someone's
 * address, mistyped; one whose local part is no local part is not masked.
 */
function maskEmails(text: string, folded: string, spans: Spans): void {
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(folded); m !== null; m = EMAIL.exec(folded)) {
    const at = m.index + m[0].indexOf('@');
    // A candidate that is not an address gives its domain a chance to start one (`a@b@c.cn`).
    EMAIL.lastIndex = at + 1;
    const local = localPartOf(folded.slice(m.index, at));
    const domain = domainPartOf(folded.slice(at + 1, m.index + m[0].length));
    if (local === '' || !domain.includes('.')) continue;
    const verdict = checkEmail(`${local}@${domain}`);
    if (!verdict.ok && verdict.problem !== 'domain') continue;
    const start = at - local.length;
    if (!spans.free(start, at)) continue;
    const masked = maskEmail(`${text.slice(start, at)}@${text.slice(at + 1, at + 1 + domain.length)}`);
    spans.replace(start, at, masked.slice(0, masked.lastIndexOf('@')));
    EMAIL.lastIndex = at + 1 + domain.length;
  }
}

/**
 * No "today" (an invalid Date) for the birth-date check, which checkCitizenId
 * then skips: a number with a birth date still to come is a typo in someone's
 * number, and is masked like the number it was meant to be.
 */
const NO_FUTURE = new Date(Number.NaN);

/**
 * An 18-character citizen ID number (or a number in its layout): a known
 * region and a real birth date, and its check character. A wrong check
 * character is a slip in one of the 18, and the other 17 are still someone's
 * number; a region and a birth date that both read by chance are rare enough
 * in a number that is none.
 */
function isCitizenId(s: string): boolean {
  const verdict = checkCitizenId(s, NO_FUTURE);
  return verdict.ok || verdict.problem === 'check-character' || verdict.problem === 'lowercase-x' || verdict.problem === 'foreign-permanent-resident';
}

/** A 15-digit first-generation number: checkCitizenId names it so only once its region and birth date are real. */
function isFirstGenerationId(s: string): boolean {
  const verdict = checkCitizenId(s, NO_FUTURE);
  return !verdict.ok && verdict.problem === 'first-generation';
}

const ID_18 = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const ID_15 = /(?<![0-9])[0-9]{15}(?![0-9])/g;
/** Capitals then digits, alone: the forms of checkChinesePassport, checkHkMacaoPermit and the earlier foreign permanent-resident number. */
const DOCUMENT_TOKEN = /(?<![0-9A-Za-z])[A-Z]{1,3}[0-9]{7,12}(?![0-9A-Za-z])/g;

function isTravelDocument(s: string): boolean {
  if (/^[A-Z]{3}[0-9]{12}$/.test(s)) return checkForeignPermanentResidentId(s).ok;
  return checkChinesePassport(s).ok || checkHkMacaoPermit(s).ok;
}

function maskDocuments(text: string, folded: string, spans: Spans): void {
  for (const m of folded.matchAll(ID_18)) {
    const end = m.index + m[0].length;
    if (spans.free(m.index, end) && isCitizenId(m[0])) spans.replace(m.index, end, maskIdNumber(text.slice(m.index, end)));
  }
  for (const m of folded.matchAll(ID_15)) {
    const end = m.index + m[0].length;
    if (spans.free(m.index, end) && isFirstGenerationId(m[0])) spans.replace(m.index, end, maskIdNumber(text.slice(m.index, end)));
  }
  for (const m of folded.matchAll(DOCUMENT_TOKEN)) {
    const end = m.index + m[0].length;
    if (spans.free(m.index, end) && isTravelDocument(m[0])) spans.replace(m.index, end, maskDocumentNumber(text.slice(m.index, end)));
  }
}

/** Runs of digit groups a phone number is written in: `138 1234 5678`, `(010)6512-3456`, `+86 10 6512 3456`. */
const DIGIT_GROUP = /[0-9]+/g;
const GROUP_GAP = /^[\s\-()]{1,3}$/;
/** The most digit groups one number is written in: `+86 (10) 6512 3456 8001`. */
const MOST_GROUPS = 5;

/** A number as one of the shapes: a mainland mobile, a fixed line with its trunk 0 or +86, any valid number after a +. */
function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < PHONE_DIGITS || digits.length > 20) return false;
  const international = /^\(?\+/.test(candidate);
  const mobile = checkMobile(candidate);
  if (mobile.ok) return true;
  if (mobile.problem === 'not-cn') return international;
  if (!international && !digits.startsWith('0')) return false;
  return checkFixedLine(candidate).ok;
}

/**
 * Where the number written from one digit group to another starts and ends:
 * a + just before it is its calling code's, and brackets are its own where
 * they bracket a part of it (`(010)65123456`, `(+86) 135…`), the text's where
 * they bracket all of it or are left open (`(13512345678)`).
 */
function phoneSpan(folded: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  if (folded[start - 1] === '+') start--;
  if (folded[start - 1] === '(') start--;
  if (folded[end] === ')' && folded.lastIndexOf('(', end) >= start) end++;
  const written = folded.slice(start, end);
  if (/^\([^()]*\)$/.test(written)) return [start + 1, end - 1];
  if (written.startsWith('(') && !written.includes(')')) return [start + 1, end];
  return [start, end];
}

/**
 * Phones: each run of digit groups is tried from its first group, longest
 * first, so `138 1234 5678 139 8765 4321` is two numbers and a date before a
 * number leaves the number to be found.
 */
function maskPhones(text: string, folded: string, spans: Spans): void {
  const groups = [...folded.matchAll(DIGIT_GROUP)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let first = 0;
  while (first < groups.length) {
    let last = first;
    while (last + 1 < groups.length && GROUP_GAP.test(folded.slice(groups[last]!.end, groups[last + 1]!.start))) last++;
    for (let i = first; i <= last; ) {
      let next = i + 1;
      for (let j = Math.min(last, i + MOST_GROUPS - 1); j >= i; j--) {
        const [start, end] = phoneSpan(folded, groups[i]!.start, groups[j]!.end);
        if (!spans.free(start, end) || !isPhone(folded.slice(start, end))) continue;
        spans.replace(start, end, maskPhone(text.slice(start, end)));
        next = j + 1;
        break;
      }
      i = next;
    }
    first = last + 1;
  }
}

/**
 * A text with every identity number, phone and e-mail address in it masked
 * as src/domain/redact.ts masks them; anything else is left as it is. Never
 * throws; a text with none of them comes back unchanged (the same string).
 */
export function maskPersonalText(text: string): string {
  if (typeof text !== 'string' || !worthScanning(text)) return text;
  const folded = fold(text);
  const spans = new Spans(text.length);
  keepCodes(folded, spans);
  maskEmails(text, folded, spans);
  maskDocuments(text, folded, spans);
  maskPhones(text, folded, spans);
  if (spans.replacements.length === 0) return text;
  spans.replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of spans.replacements) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}
