import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_NUMBER_PROBLEM_CODES,
  DOCUMENT_TYPES,
  checkDocumentNumber,
  documentNumberKey,
  isDocumentType,
} from '../../src/domain/document-number.js';

const NOW = new Date('2026-11-29T00:00:00+08:00');

describe('checkDocumentNumber dispatch', () => {
  it('resident-id-card and household-register carry a citizen ID number', () => {
    for (const type of ['resident-id-card', 'household-register'] as const) {
      expect(checkDocumentNumber(type, '110102199101010078', NOW)).toMatchObject({
        ok: true,
        type,
        scheme: 'citizen-id',
        normalized: '110102199101010078',
      });
      expect(checkDocumentNumber(type, '150102880730303', NOW)).toMatchObject({
        ok: false,
        problem: 'first-generation',
        scheme: 'citizen-id',
      });
    }
  });

  it('legal-person certificates carry a USCC only', () => {
    for (const type of ['institution-legal-person-certificate', 'social-group-legal-person-certificate'] as const) {
      expect(checkDocumentNumber(type, '91110000600037341L', NOW)).toMatchObject({ ok: true, type, scheme: 'uscc' });
      expect(checkDocumentNumber(type, '600037341', NOW)).toMatchObject({ ok: false, problem: 'length', scheme: 'uscc' });
    }
  });

  it('org-code-certificate: organisation code or USCC, chosen by length', () => {
    const t = 'org-code-certificate';
    expect(checkDocumentNumber(t, '60003734-1', NOW)).toMatchObject({ ok: true, scheme: 'org-code', normalized: '600037341' });
    expect(checkDocumentNumber(t, '600037341', NOW)).toMatchObject({ ok: true, scheme: 'org-code' });
    expect(checkDocumentNumber(t, '60003734-2', NOW)).toMatchObject({ problem: 'check-character', scheme: 'org-code' });
    expect(checkDocumentNumber(t, '91110000600037341L', NOW)).toMatchObject({ ok: true, scheme: 'uscc' });
    expect(checkDocumentNumber(t, '911101005JLR20JR60', NOW)).toMatchObject({ problem: 'org-code', scheme: 'uscc' });
    const v = checkDocumentNumber(t, '6000373', NOW);
    expect(v).toEqual({
      ok: false,
      problem: 'length',
      type: t,
      length: 7,
      allowedLengths: [
        { min: 9, max: 9 },
        { min: 10, max: 10 },
        { min: 18, max: 18 },
      ],
    });
    expect('scheme' in v).toBe(false);
    expect(checkDocumentNumber(t, '', NOW)).toEqual({ ok: false, problem: 'empty', type: t });
  });

  it('business-license: USCC or 15-digit registration number, chosen by length', () => {
    const t = 'business-license';
    expect(checkDocumentNumber(t, '91110000600037341L', NOW)).toMatchObject({ ok: true, scheme: 'uscc' });
    expect(checkDocumentNumber(t, '110108000000016', NOW)).toMatchObject({ ok: true, scheme: 'registration-number' });
    expect(checkDocumentNumber(t, '320483000067848', NOW)).toMatchObject({
      problem: 'check-character',
      scheme: 'registration-number',
      expected: '7',
    });
    expect(checkDocumentNumber(t, '600037341', NOW)).toMatchObject({
      problem: 'length',
      allowedLengths: [
        { min: 15, max: 15 },
        { min: 18, max: 18 },
      ],
    });
    expect(checkDocumentNumber(t, '', NOW)).toEqual({ ok: false, problem: 'empty', type: t });
  });

  it('passport: any country by default, the Chinese forms for a CN holder', () => {
    expect(checkDocumentNumber('passport', 'C01X00T47', NOW)).toMatchObject({ ok: true, scheme: 'passport' });
    expect(checkDocumentNumber('passport', 'C01X00T47', NOW, { citizenship: 'CN' })).toMatchObject({
      ok: false,
      problem: 'format',
      scheme: 'chinese-passport',
    });
    expect(checkDocumentNumber('passport', 'E12345678', NOW, { citizenship: 'CN' })).toMatchObject({ ok: true });
    // Verdicts are remembered by type and number; a CN holder's passport has its own, whatever was asked before.
    expect(checkDocumentNumber('passport', 'C01X00T47', NOW, { citizenship: 'US' })).toMatchObject({ ok: true, scheme: 'passport' });
    expect(checkDocumentNumber('passport', 'C01X00T47', NOW, { citizenship: 'CN' })).toMatchObject({ ok: false, scheme: 'chinese-passport' });
    expect(checkDocumentNumber('passport', 'C01X00T47', NOW)).toMatchObject({ ok: true, scheme: 'passport' });
    // Any other type's verdict is the holder's whatever the citizenship: the rules that pass one and those that do not share it.
    const id = '11010519491231002X';
    expect(checkDocumentNumber('resident-id-card', id, NOW, { citizenship: 'CN' })).toBe(checkDocumentNumber('resident-id-card', id, NOW));
  });

  it('the other form checks', () => {
    expect(checkDocumentNumber('taiwan-compatriot-permit', '07257456', NOW)).toMatchObject({
      ok: true,
      scheme: 'taiwan-compatriot-permit',
    });
    expect(checkDocumentNumber('officer-id', '军字第1234567号', NOW)).toMatchObject({ ok: true, scheme: 'officer-id' });
    expect(checkDocumentNumber('military-code-certificate', '-', NOW)).toMatchObject({
      problem: 'characters',
      scheme: 'military-code',
    });
  });

  it('unknown-type: distinct, never ok', () => {
    expect(checkDocumentNumber('id-card', '110102199101010078', NOW)).toEqual({
      ok: false,
      problem: 'unknown-type',
      type: 'id-card',
    });
    expect(checkDocumentNumber(42 as unknown as string, 'x', NOW)).toEqual({ ok: false, problem: 'unknown-type', type: '' });
    expect(checkDocumentNumber('toString', 'x', NOW)).toMatchObject({ problem: 'unknown-type' });
    expect(isDocumentType('passport')).toBe(true);
    expect(isDocumentType('Passport')).toBe(false);
  });

  it('the contract (1.1) has exactly these fourteen document types', () => {
    expect([...DOCUMENT_TYPES].sort()).toEqual([
      'business-license',
      'foreign-permanent-resident-id',
      'hk-macao-permit',
      'hmt-residence-permit',
      'household-register',
      'institution-legal-person-certificate',
      'military-code-certificate',
      'officer-id',
      'org-code-certificate',
      'passport',
      'resident-id-card',
      'social-group-legal-person-certificate',
      'taiwan-compatriot-permit',
      'uscc-certificate',
    ]);
  });

  it('uscc-certificate carries a USCC only', () => {
    const t = 'uscc-certificate';
    expect(checkDocumentNumber(t, '11330106000198766T', NOW)).toMatchObject({ ok: true, type: t, scheme: 'uscc' });
    expect(checkDocumentNumber(t, '11330106000198766A', NOW)).toMatchObject({ problem: 'check-character', expected: 'T', scheme: 'uscc' });
    // An organisation code is the certificate this one replaced, not its number.
    expect(checkDocumentNumber(t, '000198766', NOW)).toMatchObject({ ok: false, problem: 'length', scheme: 'uscc' });
  });

  it('hk-macao-permit: H or M with 8 or 10 digits', () => {
    const t = 'hk-macao-permit';
    expect(checkDocumentNumber(t, 'H12345678', NOW)).toMatchObject({ ok: true, scheme: t, normalized: 'H12345678' });
    expect(checkDocumentNumber(t, 'M1234567801', NOW)).toMatchObject({ ok: true, scheme: t });
    expect(checkDocumentNumber(t, 'A12345678', NOW)).toMatchObject({ ok: false, problem: 'format', scheme: t });
    expect(checkDocumentNumber(t, 'H123456789', NOW)).toMatchObject({ ok: false, problem: 'format', scheme: t });
  });

  it('hmt-residence-permit: a citizen ID number under 810000, 820000 or 830000', () => {
    const t = 'hmt-residence-permit';
    for (const [n, permit] of [
      ['810000199008152343', 'HK'],
      ['82000019850612123X', 'MO'],
      ['830000197803053453', 'TW'],
    ] as const) {
      expect(checkDocumentNumber(t, n, NOW)).toMatchObject({ ok: true, scheme: 'residence-permit', residencePermit: permit });
    }
    // A valid mainland number is still no permit number.
    expect(checkDocumentNumber(t, '11010519850612123X', NOW)).toEqual({
      ok: false,
      problem: 'residence-permit-region',
      regionCode: '110105',
      type: t,
      scheme: 'residence-permit',
    });
    // The check character is reported, never corrected.
    expect(checkDocumentNumber(t, '810000199008152344', NOW)).toMatchObject({ problem: 'check-character', expected: '3', actual: '4' });
    expect(checkDocumentNumber(t, '810000900815234', NOW)).toMatchObject({ problem: 'length', length: 15, scheme: 'residence-permit' });
  });

  it('foreign-permanent-resident-id: the 2023 form or the earlier one', () => {
    const t = 'foreign-permanent-resident-id';
    expect(checkDocumentNumber(t, '944840198804121233', NOW)).toMatchObject({ ok: true, form: '2023', scheme: t });
    expect(checkDocumentNumber(t, 'USA440880412123', NOW)).toMatchObject({ ok: true, form: 'earlier', scheme: t });
    expect(checkDocumentNumber(t, '944840198804121234', NOW)).toMatchObject({ problem: 'check-character', expected: '3' });
    expect(checkDocumentNumber(t, '11010519850612123X', NOW)).toMatchObject({ problem: 'format' });
  });

  it('passport: every holder of citizenship CN, whatever the owner kind, gets the Chinese forms', () => {
    expect(checkDocumentNumber('passport', 'E12345678', NOW, { citizenship: 'CN' })).toMatchObject({ ok: true, scheme: 'chinese-passport' });
    expect(checkDocumentNumber('passport', 'EA1234567', NOW, { citizenship: 'CN' })).toMatchObject({ ok: true });
    expect(checkDocumentNumber('passport', 'P1234567', NOW, { citizenship: 'CN' })).toMatchObject({ ok: true });
    expect(checkDocumentNumber('passport', 'E1234567', NOW, { citizenship: 'CN' })).toMatchObject({ problem: 'format' });
    expect(checkDocumentNumber('passport', 'E1234567', NOW, { citizenship: 'FR' })).toMatchObject({ ok: true, scheme: 'passport' });
  });
});

describe('problem codes', () => {
  it('every problem code listed is produced by some input, and no other code is', () => {
    const samples: [string, string][] = [
      ['resident-id-card', ''],
      ['resident-id-card', '１'],
      ['resident-id-card', '123'],
      ['resident-id-card', '36042619910102009X'],
      ['org-code-certificate', '911101005JLR20JR60'],
      ['passport', 'x'.repeat(30)],
      ['resident-id-card', '150102880730303'],
      ['resident-id-card', '990426199112010074'],
      ['resident-id-card', '360426199113010079'],
      ['resident-id-card', '520323297806058856'],
      ['resident-id-card', '44011320141005001x'],
      ['resident-id-card', '932682198501010017'],
      ['taiwan-compatriot-permit', '123456789'],
      ['hmt-residence-permit', '11010519850612123X'],
      ['institution-legal-person-certificate', '事证第133010600123号'],
      ['nope', ''],
    ];
    const seen = new Set(
      samples.map(([t, n]) => {
        const v = checkDocumentNumber(t, n, NOW);
        return v.ok ? 'ok' : v.problem;
      }),
    );
    expect([...seen].sort()).toEqual([...DOCUMENT_NUMBER_PROBLEM_CODES].sort());
  });

  it('never throws, and only returns listed codes, for any type and string', () => {
    const codes = new Set<string>(DOCUMENT_NUMBER_PROBLEM_CODES);
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENT_TYPES, 'unknown'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 25 }), fc.stringMatching(/^[0-9A-Z]{8,19}$/u)),
        (type, s) => {
          const v = checkDocumentNumber(type, s, NOW);
          if (!v.ok) expect(codes.has(v.problem)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('verdict types', () => {
  it('narrow by problem code to the fields a message needs', () => {
    const v = checkDocumentNumber('resident-id-card', '36042619910102009X', NOW);
    if (v.ok || v.problem !== 'check-character') throw new Error(JSON.stringify(v));
    expect(v.expected).toBe('3');
    expect(v.scheme).toBe('citizen-id');
    const w = checkDocumentNumber('business-license', '911101005JLR20JR60', NOW);
    if (w.ok || w.problem !== 'org-code') throw new Error(JSON.stringify(w));
    expect(w.orgCode).toBe('5JLR20JR6');
  });
});

describe('documentNumberKey', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    [' 1101 0519 4912 3100 2X ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['12345678-9', '123456789'],
    ['12345678－9', '123456789'],
    ['E12345678', 'E12345678'],
    ['', ''],
  ])('%j → %j', (number, key) => {
    expect(documentNumberKey(number)).toBe(key);
  });

  it('leaves a number already of digits and capitals as it is, and folds anything else', () => {
    const slow = (n: string) => n.normalize('NFKC').replace(/[\s\-\u2010-\u2015\u2212]/gu, '').toUpperCase();
    const chars = fc.constantFrom(...'0123456789ABCXYZabcxyz -－０９Ｘ（）\u2010\u3000'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join('')), (n) => {
        expect(documentNumberKey(n)).toBe(slow(n));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
