// Every identity-document vector of shared/vectors (other projects' test
// suites; see shared/vectors/SOURCES.md for sources and licences) run through
// our checks. Our verdict must equal the source's label, except where listed
// under `disagree`, each with who is right and why.
import { describe, expect, it } from 'vitest';
import { checkDocumentNumber, type DocumentNumberVerdict } from '../../src/domain/document-number.js';
import type { FormVerdict } from '../../src/domain/travel-documents.js';
import { listVectorFiles, readVectors } from './vectors.js';

const NOW = new Date('2026-11-29T00:00:00+08:00');

/**
 * A label in our terms:
 * - valid: ok
 * - invalid: not ok (for citizen IDs: and not a well-formed first-generation number)
 * - first-generation: a well-formed 15-digit first-generation number, which
 *   the sources call valid (as a 15-digit number) and we report under the
 *   problem 'first-generation' for its own rule
 * - { problem }: not ok with this problem
 */
type Label = 'valid' | 'invalid' | 'first-generation' | { readonly problem: string };

interface VectorFile {
  readonly file: string;
  /** The source's label, in our terms. */
  readonly label: Label;
  readonly check: (value: string) => DocumentNumberVerdict | FormVerdict;
  /** Vectors where our verdict differs from the source's: our verdict and why we are right. */
  readonly disagree?: Readonly<Record<string, { readonly ours: Label; readonly why: string }>>;
}

const citizenId = (v: string) => checkDocumentNumber('resident-id-card', v, NOW);
const uscc = (v: string) => checkDocumentNumber('institution-legal-person-certificate', v, NOW);
const businessLicense = (v: string) => checkDocumentNumber('business-license', v, NOW);
const chinesePassport = (v: string) => checkDocumentNumber('passport', v, NOW, { citizenship: 'CN' });
const twPermit = (v: string) => checkDocumentNumber('taiwan-compatriot-permit', v, NOW);
const hmPermit = (v: string) => checkDocumentNumber('hk-macao-permit', v, NOW);

const FILES: readonly VectorFile[] = [
  // --- citizen ID numbers (GB 11643-1999)
  {
    file: 'ric-valid.hutool.txt',
    label: 'valid',
    check: citizenId,
    disagree: {
      '932682198501010017': {
        ours: { problem: 'foreign-permanent-resident' },
        why:
          'We are right for this linter. It is the 2023 foreign permanent-resident ID card (leading 9, ' +
          'province 32, nationality 682): same layout and MOD 11-2 check as a citizen ID, which is all ' +
          'hutool tests, but not a 居民身份证. The contract gives resident-id-card to citizens and ' +
          'passports to foreigners (notice 一、1.(2)), so we name the card instead of accepting it.',
      },
    },
  },
  {
    file: 'ric-valid.python-stdnum.txt',
    label: 'valid',
    check: citizenId,
    disagree: {
      '44011320141005001x': {
        ours: { problem: 'lowercase-x' },
        why:
          'Both right about the number: python-stdnum upper-cases input before checking, and the ' +
          'number is valid with X. GB 11643-1999 writes the check value 10 as an upper-case X, so we ' +
          'report the lower-case x as a fixable problem (fix: upper-case it) rather than pass it.',
      },
    },
  },
  { file: 'ric-valid.util-helpers.txt', label: 'valid', check: citizenId },
  {
    file: 'ric-valid.validatorjs.txt',
    label: 'valid',
    check: citizenId,
    disagree: {
      '235407195106112745': {
        ours: { problem: 'region' },
        why:
          'We are right. validator.js checks only the province digits (23, Heilongjiang); 235407 is ' +
          'in no edition of GB/T 2260 (python-stdnum\'s historical list has no code 2354xx), so no ' +
          'number was ever issued under it.',
      },
    },
  },
  { file: 'ric-invalid.hutool.txt', label: 'invalid', check: citizenId },
  { file: 'ric-invalid.python-stdnum.txt', label: 'invalid', check: citizenId },
  { file: 'ric-invalid.util-helpers.txt', label: 'invalid', check: citizenId },
  { file: 'ric-invalid.validatorjs.txt', label: 'invalid', check: citizenId },
  {
    file: 'ric-invalid-region-history.python-stdnum.txt',
    label: 'invalid',
    check: citizenId,
    disagree: {
      '110111198012010078': {
        ours: 'valid',
        why:
          'We are right (SOURCES.md notes; the contract, "Province codes"). Check character and date ' +
          'are right; python-stdnum rejects it only because 110111 (房山区, 1986-) did not exist in ' +
          'the birth year 1980. A number gets the code in force where and when it is issued, which ' +
          'is not the birth year: people born in 1980 were given numbers under 110111 from 1986 on.',
      },
      '110201199312010077': {
        ours: 'valid',
        why:
          'We follow the contract: region codes are checked against current and historical codes, ' +
          'with no cross-check against the birth year. python-stdnum rejects it because 110201 ' +
          '(昌平县) was abolished in 1982, before the 1993 birth date; the issue date, which would ' +
          'settle it, is not in the number, so rejecting would risk false errors on real numbers.',
      },
    },
  },
  // 15-digit first-generation numbers: the sources' "valid" is our 'first-generation'.
  { file: 'ric15-valid.hutool.txt', label: 'first-generation', check: citizenId },
  { file: 'ric15-valid.util-helpers.txt', label: 'first-generation', check: citizenId },
  { file: 'ric15-valid.validatorjs.txt', label: 'first-generation', check: citizenId },
  { file: 'ric15-invalid.hutool.txt', label: 'invalid', check: citizenId },

  // --- unified social credit codes (GB 32100-2015)
  { file: 'uscc-valid.python-stdnum.txt', label: 'valid', check: uscc },
  { file: 'uscc-valid.hutool.txt', label: 'valid', check: uscc },
  // hutool's test runs only its format check on this one; it passes the full
  // check as well (check character A, embedded organisation code 59169385-6).
  { file: 'uscc-valid-simple-only.hutool.txt', label: 'valid', check: uscc },
  {
    file: 'uscc-valid.util-helpers.txt',
    label: 'valid',
    check: uscc,
    disagree: {
      '911101005JLR20JR60': {
        ours: { problem: 'org-code' },
        why:
          'We are right (SOURCES.md notes). The USCC check character is right, but positions 9-17, ' +
          'the organisation code 5JLR20JR6, fail GB 11714 (check should be 1), and GB 32100-2015 ' +
          'makes those positions a GB 11714 code. util-helpers does not check them.',
      },
    },
  },
  { file: 'uscc-invalid.python-stdnum.txt', label: 'invalid', check: uscc },
  { file: 'uscc-invalid.util-helpers.txt', label: 'invalid', check: uscc },
  // Real codes from an early pilot that fail the GB 32100 check character:
  // hutool's test says they fail, and so do we.
  { file: 'uscc-nonconforming-real.hutool.txt', label: { problem: 'check-character' }, check: uscc },

  // --- 15-digit business registration numbers (ISO 7064 MOD 11,10), via business-license
  { file: 'bizreg-valid.util-helpers.txt', label: 'valid', check: businessLicense },
  { file: 'bizreg-invalid.util-helpers.txt', label: 'invalid', check: businessLicense },

  // --- passports: both sources test Chinese passports, so these run with a CN holder
  { file: 'passport-cn-valid.validatorjs.txt', label: 'valid', check: chinesePassport },
  { file: 'passport-cn-invalid.validatorjs.txt', label: 'invalid', check: chinesePassport },
  { file: 'passport-valid.util-helpers.txt', label: 'valid', check: chinesePassport },
  { file: 'passport-invalid.util-helpers.txt', label: 'invalid', check: chinesePassport },

  // --- Taiwan compatriot permits
  { file: 'twpermit-valid.util-helpers.txt', label: 'valid', check: twPermit },
  { file: 'twpermit-invalid.util-helpers.txt', label: 'invalid', check: twPermit },
  // util-helpers accepts this (a one-time permit) in its loose mode only; we
  // accept it too, as it is a 台胞证 — so we agree with the loose label.
  { file: 'twpermit-valid-loose-only.util-helpers.txt', label: 'valid', check: twPermit },

  // --- mainland travel permits for Hong Kong and Macao residents (回乡证), type hk-macao-permit since 1.1.
  // Every valid vector has a real form: H or M with the 8-digit lifelong number, or with it and the 2-digit
  // renewal count (10 digits; the Ministry of Public Security's 2010 description of the number). The permits
  // print capitals; the lower-case h/m vectors are accepted as the same number typed in lower case, as for
  // every number without a check character (travel-documents.ts), so none is rejected. The invalid ones
  // (12 digits; a citizen ID number after the letter) are no form of the permit, and we agree.
  { file: 'hmpermit-valid.util-helpers.txt', label: 'valid', check: hmPermit },
  { file: 'hmpermit-invalid.util-helpers.txt', label: 'invalid', check: hmPermit },
];

function matches(verdict: DocumentNumberVerdict | FormVerdict, label: Label): boolean {
  if (label === 'valid') return verdict.ok;
  if (label === 'invalid') return !verdict.ok && verdict.problem !== 'first-generation';
  if (label === 'first-generation') return !verdict.ok && verdict.problem === 'first-generation';
  return !verdict.ok && verdict.problem === label.problem;
}

describe('shared/vectors: identity documents', () => {
  it('every identity-document vector file is covered here', () => {
    const relevant = listVectorFiles().filter((f) => /^(ric|ric15|uscc|bizreg|passport|twpermit|hmpermit)-/u.test(f));
    expect(relevant.length).toBeGreaterThan(0);
    expect(relevant).toEqual(FILES.map((f) => f.file).sort());
  });

  for (const { file, label, check, disagree = {} } of FILES) {
    it(file, () => {
      const values = readVectors(file); // throws when missing or empty
      expect(values.length).toBeGreaterThan(0);
      for (const key of Object.keys(disagree)) expect(values, `stale disagreement ${key}`).toContain(key);
      for (const value of values) {
        const expected = disagree[value]?.ours ?? label;
        const verdict = check(value);
        expect(matches(verdict, expected), `${JSON.stringify(value)}: ${JSON.stringify(verdict)}`).toBe(true);
      }
    });
  }
});
