// Shapes and helpers shared by the document-number checks in this folder.
//
// Every check returns a verdict instead of throwing: `{ ok: true, normalized }`
// or `{ ok: false, problem }`, where `problem` is a stable code that the
// linter maps to a zh-CN / en message template. The extra fields of a problem
// are the template's placeholders.
//
// Verdicts may carry full document numbers (`normalized`, `fix`, `upgraded`)
// and personal data (`birthDate`): callers must mask numbers before they
// reach a message (src/checks/api.ts, `sensitive('id-number', …)`) and should
// not quote a birth date.

/** An inclusive range of allowed lengths, in characters (Unicode code points). */
export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

/** `empty`: the number is the empty string (or not a string at all; the schema rule reports types). */
export interface EmptyProblem {
  readonly ok: false;
  readonly problem: 'empty';
}

/**
 * `characters`: a character that the document's code set does not contain.
 * `position` is 1-based, counted in Unicode code points; `char` is the
 * offending character (a lone surrogate stays a lone surrogate).
 */
export interface CharactersProblem {
  readonly ok: false;
  readonly problem: 'characters';
  readonly position: number;
  readonly char: string;
}

/** `length`: the right characters, but not a length the document allows. */
export interface LengthProblem {
  readonly ok: false;
  readonly problem: 'length';
  /** Length given, in code points. */
  readonly length: number;
  /** Lengths allowed; `min === max` for a fixed length. */
  readonly allowedLengths: readonly LengthRange[];
}

/** `check-character`: the check character is not the one the standard's algorithm gives. */
export interface CheckCharacterProblem {
  readonly ok: false;
  readonly problem: 'check-character';
  /** The check character the number should end with. */
  readonly expected: string;
  /** The check character it ends with. */
  readonly actual: string;
}

/** `format`: allowed characters, but none of the document's known forms (form checks only). */
export interface FormatProblem {
  readonly ok: false;
  readonly problem: 'format';
}

export const EMPTY: EmptyProblem = Object.freeze({ ok: false, problem: 'empty' });
export const FORMAT: FormatProblem = Object.freeze({ ok: false, problem: 'format' });

/** Runtime guard: the record is untrusted JSON, so a "string" may be anything. */
export function asString(input: unknown): string {
  return typeof input === 'string' ? input : '';
}

/**
 * The first code point for which `allowed` is false, or undefined. Iterates by
 * code point so that a supplementary character counts as one position and a
 * lone surrogate is reported rather than mangled.
 */
export function findBadCharacter(input: string, allowed: (ch: string) => boolean): CharactersProblem | undefined {
  let position = 0;
  for (const ch of input) {
    position += 1;
    if (!allowed(ch)) return { ok: false, problem: 'characters', position, char: ch };
  }
  return undefined;
}

/** Length in Unicode code points (what a person counts), not UTF-16 units. */
export function codePointLength(input: string): number {
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function lengthProblem(length: number, ...allowed: (number | readonly [number, number])[]): LengthProblem {
  return {
    ok: false,
    problem: 'length',
    length,
    allowedLengths: allowed.map((a) => (typeof a === 'number' ? { min: a, max: a } : { min: a[0], max: a[1] })),
  };
}

export function isAsciiDigit(ch: string): boolean {
  return ch.length === 1 && ch >= '0' && ch <= '9';
}

export function isAsciiUpper(ch: string): boolean {
  return ch.length === 1 && ch >= 'A' && ch <= 'Z';
}

export function isAsciiLower(ch: string): boolean {
  return ch.length === 1 && ch >= 'a' && ch <= 'z';
}
