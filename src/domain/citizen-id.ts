// Citizen ID numbers (公民身份号码), GB 11643-1999, and the GB/T 2260 region
// codes they start with.
//
// An 18-character number is: region code (6 digits, GB/T 2260, where the
// number was issued), birth date (8 digits, YYYYMMDD), sequence (3 digits, odd
// for men), check character (ISO 7064 MOD 11-2, a digit or X).
//
// Problem codes (stable; the linter has one message per code):
//   empty                      nothing given
//   characters                 a character other than 0-9, or X not at the end
//   length                     not 18 characters (and not a 15-digit number)
//   first-generation           a well-formed 15-digit number of the first
//                              generation (GB 11643-1989); no longer valid
//                              (the contract, "Document types"); `upgraded`
//                              is its 18-digit form. The linter reports it
//                              under its own rule, first-generation-id-card.
//   region                     the first 6 digits are no GB/T 2260 code, current
//                              or historical, nor 810000/820000/830000
//   birth-date                 digits 7-14 are no possible birth date
//   future-birth-date          the birth date is after `now` (Beijing date)
//   check-character            the MOD 11-2 check character is wrong; `expected`
//   lowercase-x                otherwise valid, but the check character is a
//                              lower-case x; fixable, `fix` is the number with X
//   foreign-permanent-resident a well-formed 2023 foreign permanent-resident ID
//                              number (leading 9): not a citizen ID, see below
//   residence-permit-region    (checkResidencePermitNumber only) the region code
//                              is not 810000/820000/830000
//
// Region and birth-date problems of a 15-digit number carry
// `firstGeneration: true`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../package-files.js';
import {
  EMPTY,
  FORMAT,
  asString,
  codePointLength,
  findBadCharacter,
  isAsciiDigit,
  lengthProblem,
  type CharactersProblem,
  type CheckCharacterProblem,
  type EmptyProblem,
  type FormatProblem,
  type LengthProblem,
} from './verdict.js';

// ---------------------------------------------------------------------------
// GB/T 2260 region codes

/**
 * Province-level codes 11..65 of GB/T 2260 with the abbreviation that filing
 * numbers use (the contract, "Province codes"): Sichuan, Guizhou, Yunnan and
 * Gansu use 蜀 黔 滇 陇 on filing numbers, not 川 贵 云 甘.
 */
export const PROVINCE_FILING_ABBREVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙',
  '21': '辽', '22': '吉', '23': '黑',
  '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁',
  '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼',
  '50': '渝', '51': '蜀', '52': '黔', '53': '滇', '54': '藏',
  '61': '陕', '62': '陇', '63': '青', '64': '宁', '65': '新',
});

/**
 * Region codes of the residence permits for Hong Kong, Macao and Taiwan
 * residents (港澳台居民居住证, 2018): their numbers follow GB 11643 with these
 * codes. 830000 is not a GB/T 2260 code (Taiwan is 710000 there).
 */
/** The same table for lookups of sliced strings (isKnownRegionCode says why). */
const PROVINCE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(PROVINCE_FILING_ABBREVIATIONS));

export const RESIDENCE_PERMIT_REGIONS: Readonly<Record<string, 'HK' | 'MO' | 'TW'>> = Object.freeze({
  '810000': 'HK',
  '820000': 'MO',
  '830000': 'TW',
});

interface RegionData {
  /** Every code that GB/T 2260 has ever had. */
  readonly known: ReadonlySet<string>;
  /** Codes in force in the latest list (a period with an open end). */
  readonly current: ReadonlySet<string>;
  /** For codes no longer in force: the last year of their latest period, and its name. */
  readonly abolished: ReadonlyMap<string, AbolishedRegion>;
}

/** A GB/T 2260 code that was abolished: in the lists up to `lastYear`, no longer in force. */
export interface AbolishedRegion {
  readonly lastYear: number;
  readonly name: string;
}

let regionData: RegionData | undefined;

/**
 * Loads data/gb2260-regions.tsv once, on first use (see data/README.md for
 * where it comes from). data/ is found from the package root (see package-files.ts).
 * A missing file is a packaging bug, not bad input, so it throws.
 */
function regions(): RegionData {
  if (regionData) return regionData;
  const file = join(dataDir, 'gb2260-regions.tsv');
  const known = new Set<string>();
  const current = new Set<string>();
  const abolished = new Map<string, AbolishedRegion>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [code, , to, name] = line.split('\t');
    if (code === undefined || code.length !== 6) continue;
    known.add(code);
    if (to === '') current.add(code);
    // A code may have several periods (abolished, later reused): the latest one names it.
    else if (to !== undefined && Number(to) > (abolished.get(code)?.lastYear ?? -1)) abolished.set(code, { lastYear: Number(to), name: name ?? '' });
  }
  if (known.size === 0) throw new Error(`beianlint: no region codes in ${file}`);
  for (const code of current) abolished.delete(code);
  regionData = { known, current, abolished };
  return regionData;
}

function isSixDigits(code: unknown): code is string {
  return typeof code === 'string' && /^[0-9]{6}$/u.test(code);
}

/**
 * True for a code that is or was in GB/T 2260, and for the residence-permit
 * codes 810000/820000/830000: the codes a citizen ID number may start with,
 * since a number keeps the code it was issued under.
 */
export function isKnownRegionCode(code: string): boolean {
  if (!isSixDigits(code)) return false;
  // The set first: `in` on an object makes V8 look a sliced string up in its table of interned
  // strings, which cost more than the rest of checking an ID number.
  return regions().known.has(code) || Object.hasOwn(RESIDENCE_PERMIT_REGIONS, code);
}

/** True for a code in force in the latest GB/T 2260 list the data has (not a historical one). */
export function isCurrentRegionCode(code: string): boolean {
  return isSixDigits(code) && regions().current.has(code);
}

/** The last year and name of a GB/T 2260 code that is no longer in force; undefined for a current or unknown code. */
export function abolishedRegion(code: string): AbolishedRegion | undefined {
  return isSixDigits(code) ? regions().abolished.get(code) : undefined;
}

/**
 * The two-digit province code (11..65, the provinces that have a
 * communications administration reviewing filings) of a 6-digit region code,
 * or undefined. Does not check that the full code exists.
 */
export function provinceOf(regionCode: string): string | undefined {
  if (!isSixDigits(regionCode)) return undefined;
  const p = regionCode.slice(0, 2);
  return PROVINCE_ABBREVIATIONS.has(p) ? p : undefined;
}

/** The filing-number abbreviation (京, 蜀, …) of a 2-digit province code, or undefined. */
export function filingAbbreviationOf(province: string): string | undefined {
  return typeof province === 'string' ? PROVINCE_ABBREVIATIONS.get(province) : undefined;
}

// ---------------------------------------------------------------------------
// ISO 7064 MOD 11-2, the check character of GB 11643-1999 (校验码)

// W_i = 2^(i-1) mod 11 for positions 18..2 counted from the right.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * The check character for the first 17 digits of a number, or undefined when
 * `first17` is not 17 ASCII digits.
 */
export function citizenIdCheckCharacter(first17: string): string | undefined {
  if (typeof first17 !== 'string' || !/^[0-9]{17}$/u.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11];
}

// ---------------------------------------------------------------------------
// Birth dates

/**
 * Earliest birth year taken as possible. 18-digit numbers exist since 1999;
 * nobody then alive was born before 1870 (the oldest verified person was born
 * in 1875), so an earlier year is a typo.
 */
export const MIN_BIRTH_YEAR = 1870;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** `YYYYMMDD` → `YYYY-MM-DD` if it is a possible birth date, else undefined. */
function birthDateOf(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR || !isRealDate(y, m, d)) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Today's date in Beijing (UTC+8, no DST), as `YYYY-MM-DD`: the contract reads
 * dates without a zone as Beijing time, and that is where numbers are issued.
 * Undefined for an invalid Date, in which case the future check is skipped.
 */
function beijingToday(now: Date): string | undefined {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(t)) return undefined;
  // A run checks every number against the same "now": the day is worked out once for it.
  if (t !== todayAt) {
    todayAt = t;
    today = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  }
  return today;
}

let todayAt = Number.NaN;
let today = '';

// ---------------------------------------------------------------------------
// Verdicts

export type Sex = 'male' | 'female';

export interface CitizenIdOk {
  readonly ok: true;
  /** The 18 characters, check character upper-case. */
  readonly normalized: string;
  readonly regionCode: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** From the parity of the sequence code (顺序码: odd for men, even for women). */
  readonly sex: Sex;
  /** Set for the residence permits of Hong Kong, Macao and Taiwan residents. */
  readonly residencePermit?: 'HK' | 'MO' | 'TW';
}

export interface FirstGenerationProblem {
  readonly ok: false;
  readonly problem: 'first-generation';
  /** The 18-digit number the 15-digit one became (19 inserted before the year, check appended). */
  readonly upgraded: string;
  readonly regionCode: string;
  readonly birthDate: string;
}

export interface RegionProblem {
  readonly ok: false;
  readonly problem: 'region';
  readonly regionCode: string;
  readonly firstGeneration?: true;
}

export interface BirthDateProblem {
  readonly ok: false;
  readonly problem: 'birth-date';
  /** The digits as written (`YYYYMMDD`, or `YYMMDD` for a 15-digit number). */
  readonly birthDate: string;
  readonly firstGeneration?: true;
}

export interface FutureBirthDateProblem {
  readonly ok: false;
  readonly problem: 'future-birth-date';
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
}

export interface LowercaseXProblem {
  readonly ok: false;
  readonly problem: 'lowercase-x';
  readonly fixable: true;
  /** The same number with an upper-case X. */
  readonly fix: string;
}

export interface ForeignPermanentResidentProblem {
  readonly ok: false;
  readonly problem: 'foreign-permanent-resident';
  /** Digits 2-3: province of the issuing authority. */
  readonly province: string;
  /** Digits 4-6: nationality, GB/T 2659 numeric code (= ISO 3166-1 numeric). */
  readonly nationality: string;
}

export type CitizenIdProblem =
  | EmptyProblem
  | CharactersProblem
  | LengthProblem
  | FirstGenerationProblem
  | RegionProblem
  | BirthDateProblem
  | FutureBirthDateProblem
  | CheckCharacterProblem
  | LowercaseXProblem
  | ForeignPermanentResidentProblem;

export type CitizenIdVerdict = CitizenIdOk | CitizenIdProblem;

export type CitizenIdProblemCode = CitizenIdProblem['problem'];

// ---------------------------------------------------------------------------
// The check

/**
 * Checks an 18-character citizen ID number (GB 11643-1999), also used on
 * household registers. Problems are reported in the order of the positions
 * they concern (region, birth date, check character), so the first wrong part
 * is named; `lowercase-x` only when nothing else is wrong.
 *
 * Never throws on any input (given the bundled region data is present).
 */
export function checkCitizenId(input: string, now: Date): CitizenIdVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, (ch) => isAsciiDigit(ch) || ch === 'X' || ch === 'x');
  if (bad) return bad;
  // Only ASCII remains, so string length = code points from here on.
  if (s.length === 15 && !/[Xx]/u.test(s)) return checkFirstGeneration(s);
  if (s.length !== 18) return lengthProblem(codePointLength(s), 18);
  const x = s.search(/[Xx]/u);
  if (x !== -1 && x !== 17) return { ok: false, problem: 'characters', position: x + 1, char: s[x]! };

  const first17 = s.slice(0, 17);
  const actual = s[17]!;
  const regionCode = s.slice(0, 6);

  // The 2023 foreign permanent-resident ID card (外国人永久居留身份证) reuses
  // this layout with a leading 9: 9, province of issue (2 digits), nationality
  // (3 digits, GB/T 2659), birth date, sequence, same MOD 11-2 check. No
  // GB/T 2260 code starts with 9, so nothing valid is lost by recognising it.
  // It is not a 居民身份证: the contract reserves resident-id-card and
  // household-register for citizens; since 1.1 the card has its own type,
  // foreign-permanent-resident-id (checkForeignPermanentResidentId). A
  // distinct problem lets the message name the card and its type instead of
  // a puzzling "unknown region".
  const foreign = s[0] === '9' && provinceOf(s.slice(1, 3) + '0000') !== undefined;
  if (!foreign && !isKnownRegionCode(regionCode)) return { ok: false, problem: 'region', regionCode };

  const rawDate = s.slice(6, 14);
  const birthDate = birthDateOf(rawDate);
  if (birthDate === undefined) return { ok: false, problem: 'birth-date', birthDate: rawDate };
  const today = beijingToday(now);
  if (today !== undefined && birthDate > today) return { ok: false, problem: 'future-birth-date', birthDate };

  const expected = citizenIdCheckCharacter(first17)!;
  if (actual.toUpperCase() !== expected) return { ok: false, problem: 'check-character', expected, actual };

  if (foreign) {
    return { ok: false, problem: 'foreign-permanent-resident', province: s.slice(1, 3), nationality: s.slice(3, 6) };
  }
  // GB 11643-1999 writes the check value 10 as the Roman numeral X (upper case);
  // a lower-case x is a transcription slip with an obvious fix.
  if (actual === 'x') return { ok: false, problem: 'lowercase-x', fixable: true, fix: first17 + 'X' };

  const sex: Sex = (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  const permit = RESIDENCE_PERMIT_REGIONS[regionCode];
  return permit
    ? { ok: true, normalized: s, regionCode, birthDate, sex, residencePermit: permit }
    : { ok: true, normalized: s, regionCode, birthDate, sex };
}

/**
 * A 15-digit first-generation number (GB 11643-1989): region (6), birth date
 * YYMMDD in the 1900s (6), sequence (3), no check character. It was replaced
 * by the 18-character number and stopped being valid on 2013-01-01, but it
 * still names a person: report the structural fault if there is one, else
 * `first-generation` with the 18-digit equivalent.
 */
function checkFirstGeneration(s: string): CitizenIdVerdict {
  const regionCode = s.slice(0, 6);
  if (!isKnownRegionCode(regionCode)) return { ok: false, problem: 'region', regionCode, firstGeneration: true };
  const raw = s.slice(6, 12);
  const birthDate = birthDateOf('19' + raw);
  if (birthDate === undefined) return { ok: false, problem: 'birth-date', birthDate: raw, firstGeneration: true };
  const first17 = s.slice(0, 6) + '19' + s.slice(6);
  return {
    ok: false,
    problem: 'first-generation',
    upgraded: first17 + citizenIdCheckCharacter(first17)!,
    regionCode,
    birthDate,
  };
}

// ---------------------------------------------------------------------------
// Numbers in the citizen-ID layout on other documents

export interface ResidencePermitRegionProblem {
  readonly ok: false;
  readonly problem: 'residence-permit-region';
  /** The first 6 digits as written. */
  readonly regionCode: string;
}

export type ResidencePermitVerdict = CitizenIdVerdict | ResidencePermitRegionProblem;

/**
 * The number of a residence permit for Hong Kong, Macao and Taiwan residents
 * (港澳台居民居住证, 2018): a citizen ID number (GB 11643, MOD 11-2) whose
 * region code is 810000, 820000 or 830000 (RESIDENCE_PERMIT_REGIONS). The
 * region is checked before the rest, in position order as checkCitizenId does:
 * a mainland number under this type is named as such, not as a bad check
 * character. Permits exist only since 2018, so a 15-digit number is a length
 * problem here, never a first-generation one.
 */
export function checkResidencePermitNumber(input: string, now: Date): ResidencePermitVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, (ch) => isAsciiDigit(ch) || ch === 'X' || ch === 'x');
  if (bad) return bad;
  if (s.length !== 18) return lengthProblem(codePointLength(s), 18);
  const regionCode = s.slice(0, 6);
  if (!(regionCode in RESIDENCE_PERMIT_REGIONS)) return { ok: false, problem: 'residence-permit-region', regionCode };
  return checkCitizenId(s, now);
}

export interface ForeignPermanentResidentIdOk {
  readonly ok: true;
  /** Upper-cased. */
  readonly normalized: string;
  /** `2023`: the 18-character number of the 2023 card; `earlier`: 3 letters + 12 digits. */
  readonly form: '2023' | 'earlier';
}

export type ForeignPermanentResidentIdVerdict =
  | ForeignPermanentResidentIdOk
  | EmptyProblem
  | CharactersProblem
  | LengthProblem
  | CheckCharacterProblem
  | LowercaseXProblem
  | FormatProblem;

/**
 * The number of a foreign permanent resident ID card (外国人永久居留身份证).
 * What the National Immigration Administration published for the 2023 card
 * (新版外国人永久居留身份证机读信息规则, 2023): the number went from 15
 * characters (3 Latin letters for the country or region + 12 digits) to 18
 * (17 digits + a check character); the first digit is 9, which no citizen ID
 * number starts with; the last is the MOD 11-2 check character of GB 11643.
 * That is all that is checked. The inner fields (province of issue,
 * nationality, birth date) follow the citizen ID's layout in the samples
 * published, but their rules were not, and earlier cards stay valid until
 * they expire: a guess at them could reject a real card.
 */
export function checkForeignPermanentResidentId(input: string): ForeignPermanentResidentIdVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, (ch) => /^[0-9A-Za-z]$/u.test(ch));
  if (bad) return bad;
  if (s.length === 15) {
    return /^[A-Za-z]{3}[0-9]{12}$/u.test(s) ? { ok: true, normalized: s.toUpperCase(), form: 'earlier' } : FORMAT;
  }
  if (s.length !== 18) return lengthProblem(s.length, 15, 18);
  if (!/^9[0-9]{16}[0-9Xx]$/u.test(s)) return FORMAT;
  const expected = citizenIdCheckCharacter(s.slice(0, 17))!;
  const actual = s[17]!;
  if (actual.toUpperCase() !== expected) return { ok: false, problem: 'check-character', expected, actual };
  if (actual === 'x') return { ok: false, problem: 'lowercase-x', fixable: true, fix: s.slice(0, 17) + 'X' };
  return { ok: true, normalized: s, form: '2023' };
}
