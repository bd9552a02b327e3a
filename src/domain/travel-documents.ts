// Form checks for the documents whose numbers have no public check character:
// passports, the Taiwan compatriot permit (台胞证), the mainland travel permit
// for Hong Kong and Macao residents (回乡证), the officer ID (军官证) and the
// military code certificate (军队代号证书).
//
// These are plausibility checks only. A number that passes may still be
// wrong; the document itself is verified on site (notice 二、(二)1.(5)). They
// catch what a form check can: an empty field, a character that no such
// number has, a length or shape no such number has had.
//
// Letters are accepted in either case and upper-cased in `normalized`: these
// numbers have no lower-case letters, and with no check character a case slip
// changes nothing a reader could misread.
//
// Problem codes (stable):
//   empty        nothing given
//   characters   a character no number of the kind contains
//   length       (passport, officer ID, military code) outside the length range
//   format       (Chinese passport, 台胞证, 回乡证) right characters, but none of
//                the known forms

import {
  EMPTY,
  FORMAT,
  asString,
  codePointLength,
  findBadCharacter,
  isAsciiDigit,
  isAsciiLower,
  isAsciiUpper,
  lengthProblem,
  type CharactersProblem,
  type EmptyProblem,
  type FormatProblem,
  type LengthProblem,
} from './verdict.js';

export interface FormOk {
  readonly ok: true;
  readonly normalized: string;
}

export type FormProblem = EmptyProblem | CharactersProblem | LengthProblem | FormatProblem;
export type FormVerdict = FormOk | FormProblem;
export type FormProblemCode = FormProblem['problem'];

function isAsciiAlnum(ch: string): boolean {
  return isAsciiDigit(ch) || isAsciiUpper(ch) || isAsciiLower(ch);
}

// ---------------------------------------------------------------------------
// Passports

/** Passport numbers of any country: 5 to 20 letters and digits once spaces are removed. */
export const PASSPORT_LENGTH = { min: 5, max: 20 } as const;

/**
 * A passport of any country. ICAO Doc 9303 gives the document number 9
 * characters in the machine-readable zone (letters, digits, filler), and
 * countries use from about 6 up to 9, longer ones spilling into the optional
 * data; 5 to 20 letters and digits covers them with room to spare. Spaces,
 * which some people type in groups, are removed.
 */
export function checkPassport(input: string): FormVerdict {
  const s = asString(input).replace(/\s+/gu, '');
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, isAsciiAlnum);
  if (bad) return bad;
  if (s.length < PASSPORT_LENGTH.min || s.length > PASSPORT_LENGTH.max) {
    return lengthProblem(s.length, [PASSPORT_LENGTH.min, PASSPORT_LENGTH.max]);
  }
  return { ok: true, normalized: s.toUpperCase() };
}

/**
 * The forms of passports issued to Chinese nationals, after upper-casing:
 * - E + 8 digits: ordinary e-passport (2012 on); when those ran out, E + a
 *   letter (not I or O, which read as 1 and 0) + 7 digits.
 * - G + 8 digits: ordinary passport before 2012.
 * - D, S, P + 7 or 8 digits: diplomatic, service, public-affairs ordinary;
 *   DE, SE, PE + 7 digits: their electronic successors.
 * - K, H or M + a letter or digit + 7 digits: passports of the Hong Kong and
 *   Macao SARs (e.g. K12345678, KJ1234567, MA1234567).
 * Every CN passport vector of validator.js and util-helpers gets their label
 * (tests/domain/source-vectors.test.ts).
 */
const CHINESE_PASSPORT = /^(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[DSP]\d{7,8}|[DSP]E\d{7}|[KHM][A-Z0-9]\d{7})$/u;

/** A passport issued to a Chinese national (including the Hong Kong and Macao SARs). */
export function checkChinesePassport(input: string): FormVerdict {
  const s = asString(input).replace(/\s+/gu, '');
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, isAsciiAlnum);
  if (bad) return bad;
  const normalized = s.toUpperCase();
  return CHINESE_PASSPORT.test(normalized) ? { ok: true, normalized } : FORMAT;
}

// ---------------------------------------------------------------------------
// Taiwan compatriot permit (台湾居民来往大陆通行证)

/**
 * Forms, after upper-casing and with full-width parentheses made ASCII:
 * - 8 digits: the holder's lifelong number ("一人一号、终身不变"), the whole
 *   number on permits issued since 2008-09-25 and on the card since 2015.
 * - 10 digits, optionally followed by one letter or digit in parentheses: the
 *   1992-2008 booklet, lifelong number + 2-digit issue count + issuing
 *   authority code, e.g. "0561682001(D)" (from 2006 some provinces dropped the
 *   parenthesised code). Such booklets were valid for 5 years, so they have
 *   all expired; the number is still the holder's, so it is not rejected here.
 * - a letter + 9 digits: util-helpers accepts this in its loose mode only, as
 *   the one-time short-term permit issued at a port of entry (its example
 *   F290299977 has the shape of a Taiwan ID number). Accepted: it is a 台胞证.
 * 9 or 11 digits are none of these (util-helpers rejects them too).
 */
const TW_PERMIT = /^(?:\d{8}|\d{10}(?:\([A-Z0-9]\))?|[A-Z]\d{9})$/u;

export function checkTaiwanCompatriotPermit(input: string): FormVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, (ch) => isAsciiAlnum(ch) || ch === '(' || ch === ')' || ch === '（' || ch === '）');
  if (bad) return bad;
  const normalized = s.replace(/（/gu, '(').replace(/）/gu, ')').toUpperCase();
  return TW_PERMIT.test(normalized) ? { ok: true, normalized } : FORMAT;
}

// ---------------------------------------------------------------------------
// Mainland travel permit for Hong Kong and Macao residents
// (港澳居民来往内地通行证, 回乡证; contract type hk-macao-permit since 1.1)

/**
 * H (issued to Hong Kong residents) or M (Macao residents), then digits:
 * - 10 digits: the card of 1999 as the Ministry of Public Security describes
 *   its number (港澳居民来往内地通行证号码规则, 2010): an 8-digit lifelong
 *   number and a 2-digit count of renewals (00 on first issue), 11 characters
 *   in all.
 * - 8 digits: the lifelong number without the renewal count, the form of the
 *   card issued since 2013 (commonly described so; no official text of that
 *   rule was at hand), and how the number is often written.
 * Both are in use (a card is valid for up to 10 years, and people write the
 * number either way), so both pass. util-helpers (isHMCard) accepts the same
 * two forms, in either case; its invalid vectors are 12 and 17 digits.
 */
const HM_PERMIT = /^[HM](?:\d{8}|\d{10})$/u;

export function checkHkMacaoPermit(input: string): FormVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, isAsciiAlnum);
  if (bad) return bad;
  const normalized = s.toUpperCase();
  return HM_PERMIT.test(normalized) ? { ok: true, normalized } : FORMAT;
}

// ---------------------------------------------------------------------------
// Officer ID (军官证) and military code certificate (军队代号证书)

/** Loose length range for the military documents' numbers. */
export const MILITARY_NUMBER_LENGTH = { min: 4, max: 30 } as const;

/**
 * Military documents carry numbers like "军字第1234567号" whose rules are not
 * public; a loose check: 4 to 30 characters, each an ASCII letter or digit or
 * a Chinese character. Rejects only what cannot be such a number (punctuation,
 * spaces, a placeholder like "-").
 */
function checkMilitaryNumber(input: string): FormVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, (ch) => isAsciiAlnum(ch) || /^\p{Script=Han}$/u.test(ch));
  if (bad) return bad;
  const length = codePointLength(s);
  if (length < MILITARY_NUMBER_LENGTH.min || length > MILITARY_NUMBER_LENGTH.max) {
    return lengthProblem(length, [MILITARY_NUMBER_LENGTH.min, MILITARY_NUMBER_LENGTH.max]);
  }
  return { ok: true, normalized: s.toUpperCase() };
}

/** Officer ID (军官证) number: a loose form check, see checkMilitaryNumber. */
export function checkOfficerId(input: string): FormVerdict {
  return checkMilitaryNumber(input);
}

/** Military code certificate (军队代号证书) number: a loose form check, see checkMilitaryNumber. */
export function checkMilitaryCodeCertificate(input: string): FormVerdict {
  return checkMilitaryNumber(input);
}
