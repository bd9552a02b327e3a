// Legacy business registration numbers (工商注册号), the 15-digit number on
// business licences issued before the unified social credit code (2015-10
// onward; old licences were to be replaced by the end of 2017, yet some are
// still around). Digits 1-6 are the registering bureau, 7-14 a sequence, 15 a
// check digit by ISO 7064 MOD 11,10 (GS15-2006, the SAIC numbering rule).
//
// Problem codes (stable):
//   empty            nothing given
//   characters       a character other than 0-9
//   length           not 15 digits
//   check-character  the MOD 11,10 check digit is wrong; `expected`

import {
  EMPTY,
  asString,
  codePointLength,
  findBadCharacter,
  isAsciiDigit,
  lengthProblem,
  type CharactersProblem,
  type CheckCharacterProblem,
  type EmptyProblem,
  type LengthProblem,
} from './verdict.js';

export interface RegistrationNumberOk {
  readonly ok: true;
  readonly normalized: string;
}

export type RegistrationNumberProblem = EmptyProblem | CharactersProblem | LengthProblem | CheckCharacterProblem;
export type RegistrationNumberVerdict = RegistrationNumberOk | RegistrationNumberProblem;
export type RegistrationNumberProblemCode = RegistrationNumberProblem['problem'];

/**
 * ISO 7064 MOD 11,10 (a hybrid system: P₀ = 10, Pᵢ = (((Pᵢ₋₁ + dᵢ) mod 10, or 10
 * if 0) × 2) mod 11, and the check digit makes (P + c) mod 10 = 1). Undefined
 * when `digits` is not all ASCII digits (or empty).
 */
export function mod11_10CheckDigit(digits: string): string | undefined {
  if (typeof digits !== 'string' || !/^[0-9]+$/u.test(digits)) return undefined;
  let p = 10;
  for (let i = 0; i < digits.length; i++) {
    const s = (p + digits.charCodeAt(i) - 48) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

/** Checks a 15-digit business registration number. Never throws. */
export function checkRegistrationNumber(input: string): RegistrationNumberVerdict {
  const s = asString(input);
  if (s === '') return EMPTY;
  const bad = findBadCharacter(s, isAsciiDigit);
  if (bad) return bad;
  if (s.length !== 15) return lengthProblem(codePointLength(s), 15);
  const expected = mod11_10CheckDigit(s.slice(0, 14))!;
  const actual = s[14]!;
  if (actual !== expected) return { ok: false, problem: 'check-character', expected, actual };
  return { ok: true, normalized: s };
}
