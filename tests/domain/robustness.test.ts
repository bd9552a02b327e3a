/**
 * Every domain function takes arbitrary text from user files: none may throw,
 * and every verdict must be one of the documented shapes.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkFixedLine, checkMobile, normalizePhoneKey } from '../../src/domain/phone.js';
import { checkEmail } from '../../src/domain/email.js';
import { checkDomainName, domainKey } from '../../src/domain/domain-name.js';
import { checkIpAddress } from '../../src/domain/ip.js';
import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  parseFilingDate,
  withinCalendarMonths,
  withinWorkingDays,
  workingDaysBetween,
} from '../../src/domain/workdays.js';
import { nameKey, normalizeName, sameName } from '../../src/domain/names.js';
import { maskDocumentNumber, maskEmail, maskIdNumber, maskPhone } from '../../src/domain/redact.js';

/** Characters that break naive code: surrogates, bidi and zero-width marks, full-width forms, separators. */
const NASTY = [
  '\ud800', '\udfff', '\ud83d\ude00', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066',
  '\ufeff', '\u00ad', '\u3000', '\u3002', '\uff0e', '０', '９', '＋', '－', '（', '）', '【', '】', '\u0000',
  '\n', '\t', ' ', '.', '-', '+', '@', ':', '/', '[', ']', '%', 'x', 'ß', '例', '中国', 'xn--', '86', '00',
  '138', '010', 'T', 'Z', '2026-02-13', '+08:00', '1.2.3.4', '::', 'ffff', '转', 'ext.',
];

const nastyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...NASTY),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(...'0123456789'.split('')),
  ),
  maxLength: 40,
});

const VERDICT_FUNCTIONS: Array<[string, (s: string) => { ok: boolean }]> = [
  ['checkMobile', checkMobile],
  ['checkFixedLine', checkFixedLine],
  ['checkEmail', checkEmail],
  ['checkDomainName', checkDomainName],
  ['checkIpAddress', checkIpAddress],
  ['parseFilingDate', parseFilingDate],
  ['isWorkingDay', isWorkingDay],
  ['addWorkingDays', (s) => addWorkingDays(s, 5)],
  ['addCalendarMonths', (s) => addCalendarMonths(s, 1)],
  ['workingDaysBetween', (s) => workingDaysBetween('2026-03-02', s)],
  ['withinWorkingDays', (s) => withinWorkingDays(s, '2026-03-02', 5)],
  ['withinCalendarMonths', (s) => withinCalendarMonths('2026-03-02', s, 1)],
];

const STRING_FUNCTIONS: Array<[string, (s: string) => unknown]> = [
  ['normalizePhoneKey', normalizePhoneKey],
  ['domainKey', domainKey],
  ['normalizeName', normalizeName],
  ['nameKey', nameKey],
  ['sameName', (s) => sameName(s, s)],
  ['maskIdNumber', maskIdNumber],
  ['maskDocumentNumber', maskDocumentNumber],
  ['maskPhone', maskPhone],
  ['maskEmail', maskEmail],
];

const FIXED_INPUTS = ['', ' ', '\ud800', '\u200f', 'x'.repeat(200_000), '１'.repeat(100_000), '.'.repeat(10_000)];

describe('robustness', () => {
  for (const [name, fn] of VERDICT_FUNCTIONS) {
    it(`${name} returns a verdict for any string`, () => {
      for (const s of FIXED_INPUTS) {
        const r = fn(s);
        expect(typeof r.ok).toBe('boolean');
      }
      fc.assert(
        fc.property(nastyString, (s) => {
          const r = fn(s) as { ok: boolean; problem?: unknown };
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(typeof r.problem).toBe('string');
        }),
        { numRuns: 400, seed: 20260213 },
      );
    });
  }

  for (const [name, fn] of STRING_FUNCTIONS) {
    it(`${name} never throws`, () => {
      for (const s of FIXED_INPUTS) fn(s);
      fc.assert(
        fc.property(nastyString, (s) => {
          fn(s);
        }),
        { numRuns: 400, seed: 20260213 },
      );
    });
  }

  it('masks never give back a non-blank input unchanged', () => {
    fc.assert(
      fc.property(nastyString, (s) => {
        fc.pre(s.trim() !== '' && !/^\**$/.test(s.trim()));
        for (const mask of [maskIdNumber, maskDocumentNumber, maskPhone, maskEmail]) {
          const out = mask(s);
          if (out !== '') expect(out).not.toBe(s.trim());
        }
      }),
      { numRuns: 400, seed: 20260213 },
    );
  });
});
