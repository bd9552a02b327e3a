import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber, mod11_10CheckDigit } from '../../src/domain/registration-number.js';

describe('checkRegistrationNumber', () => {
  it('accepts a valid number', () => {
    // util-helpers isBusinessLicense vectors
    expect(checkRegistrationNumber('110108000000016')).toEqual({ ok: true, normalized: '110108000000016' });
    expect(checkRegistrationNumber('320483000067847')).toMatchObject({ ok: true });
  });

  it('empty', () => {
    expect(checkRegistrationNumber('')).toEqual({ ok: false, problem: 'empty' });
  });

  it('characters', () => {
    expect(checkRegistrationNumber('32048300006784X')).toEqual({ ok: false, problem: 'characters', position: 15, char: 'X' });
    expect(checkRegistrationNumber('３20483000067847')).toMatchObject({ problem: 'characters', position: 1 });
  });

  it('length', () => {
    expect(checkRegistrationNumber('32048300006784')).toEqual({
      ok: false,
      problem: 'length',
      length: 14,
      allowedLengths: [{ min: 15, max: 15 }],
    });
  });

  it('check-character (ISO 7064 MOD 11,10)', () => {
    // util-helpers invalid vector: one digit off 320483000067847
    expect(checkRegistrationNumber('320483000067848')).toEqual({
      ok: false,
      problem: 'check-character',
      expected: '7',
      actual: '8',
    });
  });

  it('mod11_10CheckDigit', () => {
    expect(mod11_10CheckDigit('31011560098553')).toBe('3');
    expect(mod11_10CheckDigit('')).toBeUndefined();
    expect(mod11_10CheckDigit('12a')).toBeUndefined();
    // ISO 7064 MOD 11,10 detects every single-digit error.
    const base = '32048300006784';
    for (let i = 0; i < base.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = base.slice(0, i) + d + base.slice(i + 1);
        if (changed !== base) expect(checkRegistrationNumber(changed + '7').ok).toBe(false);
      }
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(typeof checkRegistrationNumber(s).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
