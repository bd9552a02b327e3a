/**
 * Chinese phone numbers for the contact fields of a filing (一、2: 手机, 办公电话,
 * 住宅电话).
 *
 * Validity and number type come from libphonenumber's CN metadata (the `max`
 * build; the default build only checks lengths, so it cannot tell a mobile from
 * a fixed line). The metadata (~150 kB) is required on first use, not on
 * import, so a run that never checks a phone never pays for it.
 *
 * Problem codes (stable; message templates are keyed by them):
 * - `not-a-number`      the text is not a phone number at all: letters, other
 *                       symbols, no digits, invisible characters, absurd length.
 * - `not-cn`            a valid number outside mainland China, written with
 *                       another calling code than +86: Hong Kong +852, Macao
 *                       +853, Taiwan +886, other countries (+1 …, 0044 …);
 *                       `callingCode` and `numberType` say which and what kind.
 * - `invalid`           not a valid Chinese number (wrong length, unallocated
 *                       range, a mobile written with a trunk `0`).
 * - `not-mobile`        (checkMobile) a valid Chinese number of another type,
 *                       usually a fixed line; `numberType` says which.
 * - `missing-area-code` (checkFixedLine) a 7–8 digit local number without its
 *                       area code: ambiguous nationwide.
 * - `is-mobile`         (checkFixedLine) a mobile where 办公电话/住宅电话 is
 *                       expected; see checkFixedLine for why this is separate.
 * - `not-fixed-line`    (checkFixedLine) a valid Chinese number that is neither
 *                       a fixed line nor a mobile (400/800 numbers, 16x premium
 *                       rate, …); `numberType` says which.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LibPhoneCore from 'libphonenumber-js/core';
import { CN_PHONE_METADATA, type CnNumberTypeDefinition } from '../generated/cn-phone-metadata.js';
import { packageRoot } from '../package-files.js';

type Core = typeof LibPhoneCore;
type PhoneNumber = LibPhoneCore.PhoneNumber;
type MetadataJson = LibPhoneCore.MetadataJson;
export type PhoneNumberType = NonNullable<ReturnType<PhoneNumber['getType']>>;

/**
 * libphonenumber's core functions with its "max" metadata (the one that
 * tells mobile from fixed line), loaded on first use. The build bundles the
 * core into one file (dist/vendor/, scripts/bundle-cli.mjs): as a package it
 * is about a hundred small CommonJS modules, each resolved and compiled on
 * its own: a large part of the time to lint one small file. Without a build the package itself is loaded.
 */
let phone: { core: Core; metadata: MetadataJson } | undefined;
function phoneLibrary(): { core: Core; metadata: MetadataJson } {
  if (phone === undefined) {
    const require = createRequire(import.meta.url);
    const vendored = join(packageRoot, 'dist', 'vendor', 'libphonenumber-core.cjs');
    const core = (existsSync(vendored) ? require(vendored) : require('libphonenumber-js/core')) as Core;
    phone = { core, metadata: require('libphonenumber-js/metadata.max.json') as MetadataJson };
  }
  return phone;
}

/** No valid number; `callingCode` when it was written with another calling code than +86. */
export interface Invalid {
  ok: false;
  problem: 'invalid';
  callingCode?: string;
}

/**
 * A valid number outside mainland China. Not `ok`: the checks here are for
 * mainland numbers, and a rule decides what such a number is worth.
 */
export interface NotMainland {
  ok: false;
  problem: 'not-cn';
  e164: string;
  /** ISO 3166-1 code of the numbering plan (`HK`, `MO`, `TW`, `US`), where libphonenumber knows it. */
  country: string | undefined;
  /** With its plus: `+852`. */
  callingCode: string;
  /** Undefined where the metadata cannot tell. */
  numberType: PhoneNumberType | undefined;
}

export type MobileResult =
  | { ok: true; e164: string; national: string }
  | { ok: false; problem: 'not-a-number' }
  | NotMainland
  | Invalid
  | { ok: false; problem: 'not-mobile'; e164: string; numberType: PhoneNumberType };

export type FixedLineResult =
  | {
      ok: true;
      e164: string;
      /** Area code without the trunk prefix: `10`, `755`. */
      areaCode: string;
      /** Subscriber number within the area. */
      local: string;
      extension?: string;
    }
  | { ok: false; problem: 'not-a-number' }
  | NotMainland
  | Invalid
  | { ok: false; problem: 'missing-area-code'; local: string }
  | { ok: false; problem: 'is-mobile'; e164: string }
  | { ok: false; problem: 'not-fixed-line'; e164: string; numberType: PhoneNumberType };

/** Anything longer is not a phone number, and we refuse to normalise it. */
const MAX_INPUT = 64;

/**
 * Dashes people type between digit groups: ASCII hyphen-minus, the Unicode
 * hyphens and dashes (U+2010–U+2015) and the minus sign. NFKC already folds the
 * full-width hyphen-minus (U+FF0D).
 */
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * What may remain once extensions are cut off: digits and grouping, with a +
 * only at the start (`(+86) 138…` puts it inside the first parenthesis).
 */
const PHONE_CHARS = /^\(?\+?[0-9\s\-().]+$/;
const LEADING_PLUS = /^\(?\+/;

/**
 * Explicit extension markers: 转 (转接) / 分机 as written in Chinese, and the
 * RFC 3966-ish / North American `ext`, `x`, `#`.
 */
const EXTENSION_MARKER =
  /^(.*?)\s*(?:转|轉|分机|分機|ext\.?|extension|x|#)\s*(\d{1,6})\s*$/i;

/** `010-65123456-8001`: only taken as an extension when the whole is not valid. */
const TRAILING_HYPHEN_GROUP = /^(.*\d)\s*-\s*(\d{1,6})$/;

type Analysis =
  | { kind: 'not-a-number' }
  | { kind: 'foreign'; digits: string; parsed: PhoneNumber | undefined }
  | {
      kind: 'cn';
      /** Digits after any international prefix; may start with the trunk 0. */
      national: string;
      parsed: PhoneNumber | undefined;
    };

/**
 * For the differential test only (tests/domain/phone-fast-path.test.ts):
 * while set, every verdict comes from the library itself, with no shortcut
 * and nothing remembered, so the shortcuts can be held equal to it.
 */
let libraryOnly = false;

export function judgedByLibraryOnly<T>(judge: () => T): T {
  libraryOnly = true;
  try {
    return judge();
  } finally {
    libraryOnly = false;
  }
}

/**
 * Mainland China's numbering plan from libphonenumber's own metadata
 * (src/generated/cn-phone-metadata.ts, generated from the installed library),
 * each pattern compiled once: the library compiles every pattern it matches
 * again on every call, which made an invalid mobile cost more than the rest
 * of its record.
 */
interface CompiledType {
  type: CnNumberTypeDefinition['type'];
  pattern: RegExp;
  lengths: readonly number[] | null;
}

interface CompiledPlan {
  nationalNumber: RegExp;
  /** The national prefix (and carrier code) parsing strips from the start of a national number. */
  prefixForParsing: RegExp | undefined;
  fixedLine: CompiledType | undefined;
  mobile: CompiledType | undefined;
  others: CompiledType[];
}

let cnPlan: CompiledPlan | undefined;

function compiledType(t: CnNumberTypeDefinition | null): CompiledType | undefined {
  return t ? { type: t.type, pattern: new RegExp(`^(?:${t.pattern})$`), lengths: t.possibleLengths } : undefined;
}

function plan(): CompiledPlan {
  if (cnPlan === undefined) {
    const m = CN_PHONE_METADATA;
    cnPlan = {
      nationalNumber: new RegExp(`^(?:${m.nationalNumberPattern})$`),
      prefixForParsing: m.nationalPrefixForParsing ? new RegExp(`^(?:${m.nationalPrefixForParsing})`) : undefined,
      fixedLine: compiledType(m.fixedLine),
      mobile: compiledType(m.mobile),
      others: m.otherTypes.map((t) => compiledType(t)!),
    };
  }
  return cnPlan;
}

function isOfType(national: string, t: CompiledType | undefined): boolean {
  if (!t) return false;
  if (t.lengths && !t.lengths.includes(national.length)) return false;
  return t.pattern.test(national);
}

/**
 * The type of a Chinese national (significant) number, as libphonenumber's
 * getNumberType gives it for a number of country CN: undefined when the
 * number is not valid. The same steps in the same order, on the generated
 * patterns.
 */
function cnNumberType(national: string): PhoneNumberType | undefined {
  const p = plan();
  if (!p.nationalNumber.test(national)) return undefined;
  if (isOfType(national, p.fixedLine)) {
    if (!p.mobile || isOfType(national, p.mobile)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const t of [p.mobile, ...p.others]) if (isOfType(national, t)) return t!.type;
  return undefined;
}

/**
 * Most mobiles in a filing are written as 11 plain digits. For those, matching
 * libphonenumber's own CN mobile pattern from its metadata gives the same
 * verdict as a full parse at a fraction of the cost; any other spelling, and
 * any miss, takes the full parse.
 */
function isPlainCnMobile(s: string): boolean {
  if (libraryOnly) return false;
  if (s.length !== 11 || s.charCodeAt(0) !== 49 /* 1 */ || !/^\d{11}$/.test(s)) return false;
  const mobile = plan().mobile;
  return mobile !== undefined && mobile.pattern.test(s);
}

const PLAIN_FIXED_LINE = /^0(\d{2,3})[- ]?(\d{7,8})$/;

/**
 * The usual spellings of a fixed line (`010-65123456`, `0755 88888888`),
 * checked against libphonenumber's CN fixed-line pattern. China's area codes
 * are two digits for 10 and 2x and three digits otherwise; the shortcut is
 * taken only when the written split agrees, so its answer is the full
 * parse's (a test holds the two together). Undefined means: parse in full.
 */
export function plainFixedLineVerdict(s: string): FixedLineResult | undefined {
  if (libraryOnly) return undefined;
  const m = PLAIN_FIXED_LINE.exec(s);
  if (!m) return undefined;
  const area = m[1]!;
  const expectedAreaLength = area.startsWith('10') || area.startsWith('2') ? 2 : 3;
  if (area.length !== expectedAreaLength) return undefined;
  const national = area + m[2]!;
  const fixedLine = plan().fixedLine;
  if (!fixedLine || !fixedLine.pattern.test(national)) return undefined;
  return { ok: true, e164: `+86${national}`, areaCode: area, local: m[2]! };
}

function clean(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return undefined;
  // NFKC folds full-width digits, ＋ and the ideographic space that Chinese IMEs produce.
  return input.normalize('NFKC').replace(DASHES, '-').trim();
}

/** A national number of digits only (no trunk 0) that is neither too short nor too long for the library to parse. */
const PLAIN_NATIONAL = /^[1-9][0-9]{3,16}$/;

function parseCn(national: string): PhoneNumber | undefined {
  const { core, metadata } = phoneLibrary();
  // Digits the library would not cut a national prefix or carrier code from: its parse of
  // `+86<digits>` is exactly the number of country CN with those digits, made without the parse.
  const prefix = plan().prefixForParsing;
  if (!libraryOnly && PLAIN_NATIONAL.test(national) && (prefix === undefined || !prefix.test(national))) {
    const number = new core.PhoneNumber(`+86${national}`, metadata);
    // What the parse adds: +86 is the calling code of CN alone.
    number.country = 'CN';
    return number;
  }
  return parseCnWithLibrary(national);
}

function parseCnWithLibrary(national: string): PhoneNumber | undefined {
  const { core, metadata } = phoneLibrary();
  // A leading 0 is the domestic trunk prefix; let the CN rules strip it.
  const text = national.startsWith('0') ? national : `+86${national}`;
  return core.parsePhoneNumberFromString(text, 'CN', metadata);
}

// One value is judged several times over for one record: by its rule, by the masking of each
// message that may quote it, and by a batch key. Each judgement of the library (a parse, its
// validity, its type) is remembered, so the library does its work once per value.

/** Values remembered; past this, the memory starts again (a batch's values rarely repeat across records). */
const REMEMBERED = 4096;

/** `judge` with its verdicts remembered by value. A verdict is shared by every caller: none may change it. */
function remembered<T>(judge: (s: string) => T): (s: string) => T {
  const verdicts = new Map<string, T>();
  return (s) => {
    if (verdicts.has(s)) return verdicts.get(s)!;
    const verdict = judge(s);
    if (verdicts.size >= REMEMBERED) verdicts.clear();
    verdicts.set(s, verdict);
    return verdict;
  };
}

const validity = new WeakMap<PhoneNumber, boolean>();
const numberTypes = new WeakMap<PhoneNumber, ReturnType<PhoneNumber['getType']>>();

/** PhoneNumber.isValid, once per parsed number: the library matches its patterns, compiling each, on every call. */
function isValidNumber(p: PhoneNumber): boolean {
  if (libraryOnly) return p.isValid();
  let valid = validity.get(p);
  if (valid === undefined) validity.set(p, (valid = p.country === 'CN' ? cnNumberType(p.nationalNumber) !== undefined : p.isValid()));
  return valid;
}

/** PhoneNumber.getType, once per parsed number. */
function typeOf(p: PhoneNumber): ReturnType<PhoneNumber['getType']> {
  if (libraryOnly) return p.getType();
  if (numberTypes.has(p)) return numberTypes.get(p);
  const type = p.country === 'CN' ? cnNumberType(p.nationalNumber) : p.getType();
  numberTypes.set(p, type);
  return type;
}

function isValidCn(p: PhoneNumber | undefined): p is PhoneNumber {
  return p !== undefined && p.countryCallingCode === '86' && isValidNumber(p);
}

const NEAR_CODES = /^(852|853|886)[0-9]{7,9}$/;

/** Splits the international prefix off; does not look at extensions. */
const rememberedAnalysis = remembered(analyseOnce);
const analyse = (s: string): Analysis => (libraryOnly ? analyseOnce(s) : rememberedAnalysis(s));

function analyseOnce(s: string): Analysis {
  if (!PHONE_CHARS.test(s)) return { kind: 'not-a-number' };
  const digits = s.replace(/\D/g, '');
  if (digits.length === 0 || digits.length > 20) return { kind: 'not-a-number' };

  // `+` or China's international call prefix `00` start a country code.
  let international: string | undefined;
  if (LEADING_PLUS.test(s)) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);

  if (international !== undefined) {
    if (international.startsWith('86')) {
      const national = international.slice(2);
      return { kind: 'cn', national, parsed: parseCn(national) };
    }
    const { core, metadata } = phoneLibrary();
    const parsed = core.parsePhoneNumberFromString(`+${international}`, metadata);
    return { kind: 'foreign', digits: international, parsed };
  }

  const whole = parseCn(digits);
  // `86` + national number without `+`/`00` is a common way to write the country code.
  if (!isValidCn(whole) && digits.startsWith('86') && digits.length > 9) {
    const national = digits.slice(2);
    const stripped = parseCn(national);
    if (isValidCn(stripped)) return { kind: 'cn', national, parsed: stripped };
  }
  // So are Hong Kong's, Macao's and Taiwan's codes (852 9123 4567): where no mainland number
  // reads, a number valid under one of them is that number. Only these three, which residents
  // write this way every day, so that a mainland typo is not turned into another country's number.
  if (!isValidCn(whole) && NEAR_CODES.test(digits)) {
    const { core, metadata } = phoneLibrary();
    const parsed = core.parsePhoneNumberFromString(`+${digits}`, metadata);
    if (parsed && isValidNumber(parsed)) return { kind: 'foreign', digits, parsed };
  }
  return { kind: 'cn', national: digits, parsed: whole };
}

function foreignVerdict(a: Extract<Analysis, { kind: 'foreign' }>): NotMainland | Invalid {
  const p = a.parsed;
  // Written with a calling code other than +86: invalid under that code, which the message names.
  if (!p || !isValidNumber(p)) return p?.countryCallingCode ? { ok: false, problem: 'invalid', callingCode: `+${p.countryCallingCode}` } : { ok: false, problem: 'invalid' };
  return { ok: false, problem: 'not-cn', e164: p.number, country: p.country, callingCode: `+${p.countryCallingCode}`, numberType: typeOf(p) };
}

/**
 * A Chinese mobile number (一、2 手机). Accepts `+86`, `0086` and `86` before
 * the 11 digits, with spaces, hyphens or parentheses between groups, and
 * full-width digits. A trunk `0` before a mobile (`013838389438`) is rejected
 * as `invalid`: mobile numbers are not geographic and are written as 11 digits;
 * libphonenumber would silently drop the 0.
 */
export function checkMobile(input: string): MobileResult {
  const s = clean(input);
  if (s === undefined) return { ok: false, problem: 'not-a-number' };
  if (isPlainCnMobile(s)) return { ok: true, e164: `+86${s}`, national: s };
  const a = analyse(s);
  if (a.kind === 'not-a-number') return { ok: false, problem: 'not-a-number' };
  if (a.kind === 'foreign') return foreignVerdict(a);
  const p = a.parsed;
  if (!isValidCn(p)) return { ok: false, problem: 'invalid' };
  const type = typeOf(p);
  if (type === 'MOBILE') {
    if (a.national.startsWith('0')) return { ok: false, problem: 'invalid' };
    return { ok: true, e164: p.number, national: p.nationalNumber };
  }
  if (type === undefined) return { ok: false, problem: 'invalid' };
  return { ok: false, problem: 'not-mobile', e164: p.number, numberType: type };
}

export function fixedLineOf(s: string): FixedLineResult {
  const fast = plainFixedLineVerdict(s);
  if (fast) return fast;
  return fixedLineInFull(s);
}

/** The full parse behind checkFixedLine, exported so tests can hold the shortcut to it. */
export function fixedLineInFull(s: string): FixedLineResult {
  const a = analyse(s);
  if (a.kind === 'not-a-number') return { ok: false, problem: 'not-a-number' };
  if (a.kind === 'foreign') return foreignVerdict(a);
  const p = a.parsed;
  if (!isValidCn(p)) {
    // Chinese local numbers are 7 or 8 digits and never start with 0 or 1.
    const local = a.national;
    if (/^[2-9]\d{6,7}$/.test(local)) return { ok: false, problem: 'missing-area-code', local };
    return { ok: false, problem: 'invalid' };
  }
  const type = typeOf(p);
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') {
    // The national format groups the area code first, with its trunk 0: `010 6512 3456`.
    const national = p.formatNational().replace(/[^\d ]/g, '');
    const first = national.split(' ')[0] ?? '';
    const areaCode = first.replace(/^0/, '');
    const local = p.nationalNumber.slice(areaCode.length);
    return { ok: true, e164: p.number, areaCode, local };
  }
  if (type === 'MOBILE') return { ok: false, problem: 'is-mobile', e164: p.number };
  if (type === undefined) return { ok: false, problem: 'invalid' };
  return { ok: false, problem: 'not-fixed-line', e164: p.number, numberType: type };
}

/**
 * A Chinese fixed-line number with its area code (一、2 办公电话 / 住宅电话):
 * `010-65123456`, `0755 8888 8888`, `(010)65123456`, `+86 10 6512 3456`.
 *
 * Extensions are cut off before parsing, since libphonenumber would read them
 * as part of the subscriber number: `转8001`, `分机8001`, `ext. 8001`, `x8001`,
 * `#8001`, and a trailing `-8001` group when the number without it is valid and
 * the number with it is not (so `0755-8888-8888` stays one number).
 *
 * A mobile here is `is-mobile`, not `invalid`: the notice lists 办公电话 and
 * 住宅电话 beside 手机 as separate channels, so a mobile in this field gives no
 * second channel, yet it is a reachable number. The rule can make it a warning
 * instead of an error.
 */
export function checkFixedLine(input: string): FixedLineResult {
  const s = clean(input);
  if (s === undefined) return { ok: false, problem: 'not-a-number' };

  const marked = EXTENSION_MARKER.exec(s);
  if (marked) {
    const verdict = fixedLineOf(marked[1] ?? '');
    return verdict.ok ? { ...verdict, extension: marked[2] ?? '' } : verdict;
  }

  const whole = fixedLineOf(s);
  if (whole.ok) return whole;
  const hyphen = TRAILING_HYPHEN_GROUP.exec(s);
  if (hyphen) {
    const head = fixedLineOf(hyphen[1] ?? '');
    if (head.ok) return { ...head, extension: hyphen[2] ?? '' };
    // `65123456-8001` is better described by what the head is than as garbage.
    if (head.problem !== 'invalid' && head.problem !== 'not-a-number') return head;
  }
  return whole;
}

/**
 * The E.164 form of any valid number (mobile, fixed line, or foreign), or
 * undefined; for comparing numbers across records, where `138 1234 5678` and
 * `+86-13812345678` are the same line. Extensions are ignored.
 */
export function normalizePhoneKey(input: string): string | undefined {
  const s = clean(input);
  if (s === undefined) return undefined;
  if (isPlainCnMobile(s)) return `+86${s}`;
  const marked = EXTENSION_MARKER.exec(s);
  const a = analyse(marked ? (marked[1] ?? '') : s);
  if (a.kind === 'not-a-number') return undefined;
  if (a.kind === 'foreign') return a.parsed && isValidNumber(a.parsed) ? a.parsed.number : undefined;
  if (isValidCn(a.parsed)) return a.parsed.number;
  const fixed = checkFixedLine(s);
  return fixed.ok ? fixed.e164 : undefined;
}
