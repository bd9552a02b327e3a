// Organisation codes (组织机构代码), GB 11714-1997: an 8-character body of
// digits and upper-case Latin letters and a check character, printed on the
// certificate as `12345678-9`; `123456789` (no hyphen) is accepted too. Since
// 2015 the same 9 characters are positions 9-17 of the unified social credit
// code (see uscc.ts), which is why uscc.ts checks them with this module.
//
// Problem codes (stable):
//   empty            nothing given
//   characters       not a digit or upper-case letter, or a hyphen anywhere but
//                    between body and check character
//   length           not 9 characters (10 with the hyphen)
//   check-character  the check character is wrong; `expected`

import {
  EMPTY,
  asString,
  codePointLength,
  isAsciiDigit,
  isAsciiUpper,
  lengthProblem,
  type CharactersProblem,
  type CheckCharacterProblem,
  type EmptyProblem,
  type LengthProblem,
} from './verdict.js';

export interface OrgCodeOk {
  readonly ok: true;
  /** The 9 characters without hyphen. */
  readonly normalized: string;
  /** As printed on the certificate: `12345678-9`. */
  readonly formatted: string;
}

export type OrgCodeProblem = EmptyProblem | CharactersProblem | LengthProblem | CheckCharacterProblem;
export type OrgCodeVerdict = OrgCodeOk | OrgCodeProblem;
export type OrgCodeProblemCode = OrgCodeProblem['problem'];

// GB 11714-1997: weights of body positions 1-8; digits count their value,
// letters A-Z count 10-35.
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function charValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55;
}

/**
 * The GB 11714 check character of an 8-character body: C9 = 11 - (Σ Ci·Wi mod
 * 11), written X for 10 and 0 for 11. Undefined when `body` is not 8 digits or
 * upper-case letters.
 */
export function orgCodeCheckCharacter(body: string): string | undefined {
  if (typeof body !== 'string' || !/^[0-9A-Z]{8}$/u.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i]!) * WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Checks an organisation code, `12345678-9` or `123456789`. Never throws. */
export function checkOrgCode(input: string): OrgCodeVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  // The hyphen of the printed form sits between body and check character.
  let position = 0;
  for (const ch of s) {
    position += 1;
    if (ch === '-' && position === 9) continue;
    if (!isAsciiDigit(ch) && !isAsciiUpper(ch)) return { ok: false, problem: 'characters', position, char: ch };
  }
  const hyphen = s[8] === '-';
  if (hyphen ? s.length !== 10 : s.length !== 9) {
    // "12345678-" is a code missing its check character, not a bad hyphen.
    return lengthProblem(codePointLength(s), 9, 10);
  }
  const code = hyphen ? s.slice(0, 8) + s.slice(9) : s;
  return verifyOrgCode(code);
}

/**
 * The check of 9 characters already known to be digits or upper-case letters;
 * shared with the USCC check, where they are positions 9-17.
 */
export function verifyOrgCode(code: string): OrgCodeOk | CheckCharacterProblem {
  const expected = orgCodeCheckCharacter(code.slice(0, 8))!;
  const actual = code[8]!;
  if (actual !== expected) return { ok: false, problem: 'check-character', expected, actual };
  return { ok: true, normalized: code, formatted: `${code.slice(0, 8)}-${actual}` };
}
