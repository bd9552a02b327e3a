// The phone shortcuts (a plain Chinese number made without the library's
// parse, its validity and type from the generated CN patterns, the plain
// mobile and fixed-line forms) against the library itself, over more than
// 100,000 generated numbers: valid and invalid ones of every type, with trunk
// and carrier prefixes, country codes and separators. Issue 20 allows a fast
// path only on these terms.
import { describe, expect, it } from 'vitest';
import { checkFixedLine, checkMobile, judgedByLibraryOnly, normalizePhoneKey } from '../../src/domain/phone.js';
import { vectorLines } from './vector-files.js';

/** A small seeded generator (mulberry32): the same variants on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Starts of national numbers that reach each type and each branch of the parse: mobiles,
// area codes of two and three digits, 400/800/95 numbers, 16x premium rate, the carrier
// selection codes the national prefix for parsing strips (11xx, 12xx, 179xx), the trunk 0,
// 86 written without a plus, and Hong Kong, Macao and Taiwan codes.
const STARTS = [
  '13', '14', '15', '16', '17', '18', '19', '1', '10', '12', '11', '179', '125', '2', '20', '21', '27', '3', '311', '351', '371', '4', '400', '451', '5', '512', '571',
  '6', '7', '755', '769', '8', '800', '851', '86', '852', '853', '886', '9', '95', '955', '0', '00', '010', '020', '0755', '01', '168', '160', '0086', '',
];
const SEPARATORS = ['', '', '', ' ', '-', '.'];
const LENGTHS = [7, 8, 10, 11, 11, 11, 11, 12];

function variant(next: () => number): string {
  const start = STARTS[Math.floor(next() * STARTS.length)]!;
  // Mostly the lengths Chinese numbers have, so valid ones of each type come up often.
  const length = next() < 0.7 ? LENGTHS[Math.floor(next() * LENGTHS.length)]! : 1 + Math.floor(next() * 17);
  let digits = start;
  while (digits.length < length) digits += String(Math.floor(next() * 10));
  const form = next();
  if (form < 0.5) return digits;
  const sep = SEPARATORS[Math.floor(next() * SEPARATORS.length)]!;
  const grouped = sep ? digits.replace(/^(\d{3})(\d{4})/, `$1${sep}$2${sep}`).replace(new RegExp(`\\${sep}$`), '') : digits;
  if (form < 0.65) return `+86${sep}${grouped}`;
  if (form < 0.75) return `0086${sep}${grouped}`;
  if (form < 0.82) return `(${grouped.slice(0, 3)})${grouped.slice(3)}`;
  if (form < 0.88) return `+${grouped}`;
  if (form < 0.94) return grouped.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return `${grouped} 转${Math.floor(next() * 9000 + 1000)}`;
}

function verdicts(text: string) {
  return { mobile: checkMobile(text), fixedLine: checkFixedLine(text), key: normalizePhoneKey(text) };
}

describe('the phone shortcuts give the library’s verdicts', () => {
  it('on 100,000 generated numbers', { timeout: 180_000 }, () => {
    const next = random(20);
    let differences = 0;
    const shown: string[] = [];
    const seen = { ok: 0, invalid: 0, fixedLine: 0 };
    for (let i = 0; i < 100_000; i++) {
      const text = variant(next);
      const fast = verdicts(text);
      const library = judgedByLibraryOnly(() => verdicts(text));
      if (JSON.stringify(fast) !== JSON.stringify(library)) {
        differences++;
        if (shown.length < 5) shown.push(`${text}: ${JSON.stringify(fast)} ≠ ${JSON.stringify(library)}`);
      }
      if (fast.mobile.ok) seen.ok++;
      else if (fast.mobile.problem === 'invalid') seen.invalid++;
      if (fast.fixedLine.ok) seen.fixedLine++;
    }
    expect(shown, `${differences} differences`).toEqual([]);
    // The variants reach both sides of each verdict, so agreement means something.
    expect(seen.ok).toBeGreaterThan(3_000);
    expect(seen.invalid).toBeGreaterThan(20_000);
    expect(seen.fixedLine).toBeGreaterThan(3_000);
  });

  it('on the libphonenumber, hutool, util-helpers and validator.js vectors', () => {
    const texts = ['example-numbers.libphonenumber.txt', 'mobile-valid.hutool.txt', 'mobile-invalid.hutool.txt', 'landline-valid.hutool.txt', 'landline-invalid.hutool.txt', 'mobile-valid.validatorjs.txt', 'mobile-invalid.validatorjs.txt'].flatMap((f) =>
      vectorLines(f).map((line) => line.split(' ').pop()!),
    );
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(verdicts(text), text).toEqual(judgedByLibraryOnly(() => verdicts(text)));
  });

  it('every type the generated metadata names is reached', () => {
    const types = new Set<string>();
    for (const line of vectorLines('example-numbers.libphonenumber.txt')) {
      const [type, number] = line.split(' ');
      const mobile = checkMobile(number!);
      types.add(mobile.ok ? 'MOBILE' : mobile.problem === 'not-mobile' ? mobile.numberType : mobile.problem);
      expect(type).toBeDefined();
    }
    expect([...types].sort()).toEqual(expect.arrayContaining(['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE']));
  });
});
