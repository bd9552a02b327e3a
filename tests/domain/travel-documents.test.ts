import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkChinesePassport,
  checkHkMacaoPermit,
  checkMilitaryCodeCertificate,
  checkOfficerId,
  checkPassport,
  checkTaiwanCompatriotPermit,
} from '../../src/domain/travel-documents.js';
import { vectorLines } from './vector-files.js';

// These are form checks: no check character exists for these documents.

describe('checkPassport (any country)', () => {
  it('accepts 5-20 letters and digits, spaces removed, upper-cased', () => {
    expect(checkPassport('C01X00T47')).toEqual({ ok: true, normalized: 'C01X00T47' });
    expect(checkPassport('l898902c3')).toEqual({ ok: true, normalized: 'L898902C3' });
    expect(checkPassport('AB 123 456')).toEqual({ ok: true, normalized: 'AB123456' });
  });
  it('problems', () => {
    expect(checkPassport('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkPassport('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkPassport('AB-123456')).toEqual({ ok: false, problem: 'characters', position: 3, char: '-' });
    expect(checkPassport('护照123456')).toMatchObject({ problem: 'characters', position: 1 });
    expect(checkPassport('A123')).toEqual({ ok: false, problem: 'length', length: 4, allowedLengths: [{ min: 5, max: 20 }] });
    expect(checkPassport('A'.repeat(21))).toMatchObject({ problem: 'length', length: 21 });
  });
});

describe('checkChinesePassport', () => {
  it('accepts the forms of Chinese passports', () => {
    for (const n of ['E12345678', 'EA1234567', 'G12345678', 'D1234567', 'S12345678', 'P1234567', 'DE1234567', 'K12345678', 'MA1234567']) {
      expect(checkChinesePassport(n)).toEqual({ ok: true, normalized: n });
    }
    expect(checkChinesePassport('e12345678')).toEqual({ ok: true, normalized: 'E12345678' });
  });
  it('format: letters and digits in no Chinese form', () => {
    expect(checkChinesePassport('EI1234567')).toEqual({ ok: false, problem: 'format' }); // I reads as 1
    expect(checkChinesePassport('GA1234567')).toEqual({ ok: false, problem: 'format' }); // only E has letter series
    expect(checkChinesePassport('E1234567')).toEqual({ ok: false, problem: 'format' });
    expect(checkChinesePassport('X12345678')).toEqual({ ok: false, problem: 'format' });
  });
  it('empty and characters', () => {
    expect(checkChinesePassport('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkChinesePassport('G.1234567')).toEqual({ ok: false, problem: 'characters', position: 2, char: '.' });
  });
});

describe('checkTaiwanCompatriotPermit', () => {
  it('accepts the card, the old booklet and the one-time permit forms', () => {
    expect(checkTaiwanCompatriotPermit('07257456')).toEqual({ ok: true, normalized: '07257456' });
    expect(checkTaiwanCompatriotPermit('0561682001(D)')).toEqual({ ok: true, normalized: '0561682001(D)' });
    expect(checkTaiwanCompatriotPermit('0561682001（d）')).toEqual({ ok: true, normalized: '0561682001(D)' });
    expect(checkTaiwanCompatriotPermit('0561682001')).toMatchObject({ ok: true });
    expect(checkTaiwanCompatriotPermit('F290299977')).toMatchObject({ ok: true });
  });
  it('problems', () => {
    expect(checkTaiwanCompatriotPermit('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkTaiwanCompatriotPermit('1234-5678')).toEqual({ ok: false, problem: 'characters', position: 5, char: '-' });
    expect(checkTaiwanCompatriotPermit('123456789')).toEqual({ ok: false, problem: 'format' });
    expect(checkTaiwanCompatriotPermit('12345678(B)')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('checkHkMacaoPermit', () => {
  it('util-helpers vectors: all valid ones pass, no invalid one does (see source-vectors.test.ts)', () => {
    for (const v of vectorLines('hmpermit-valid.util-helpers.txt')) expect(checkHkMacaoPermit(v), v).toMatchObject({ ok: true, normalized: v.toUpperCase() });
    for (const v of vectorLines('hmpermit-invalid.util-helpers.txt')) expect(checkHkMacaoPermit(v).ok, v).toBe(false);
  });
  it('H or M with 8 or 10 digits', () => {
    expect(checkHkMacaoPermit('H32031177')).toEqual({ ok: true, normalized: 'H32031177' });
    expect(checkHkMacaoPermit('m3203117707')).toEqual({ ok: true, normalized: 'M3203117707' });
    expect(checkHkMacaoPermit('K32031177')).toEqual({ ok: false, problem: 'format' });
    expect(checkHkMacaoPermit('A12345678')).toEqual({ ok: false, problem: 'format' });
    expect(checkHkMacaoPermit('H123456789')).toEqual({ ok: false, problem: 'format' });
    expect(checkHkMacaoPermit('H13070119931030228X')).toMatchObject({ ok: false });
    expect(checkHkMacaoPermit('H 32031177')).toMatchObject({ problem: 'characters', position: 2 });
    expect(checkHkMacaoPermit('')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('checkOfficerId and checkMilitaryCodeCertificate', () => {
  it('accept loose forms: letters, digits, Chinese characters, 4-30 of them', () => {
    expect(checkOfficerId('军字第1234567号')).toEqual({ ok: true, normalized: '军字第1234567号' });
    expect(checkOfficerId('南字第2001号')).toMatchObject({ ok: true });
    expect(checkMilitaryCodeCertificate('61001部队')).toMatchObject({ ok: true });
    // Han characters outside the BMP count once.
    expect(checkOfficerId('𠀀𠀀𠀀𠀀')).toMatchObject({ ok: true });
  });
  it('problems', () => {
    expect(checkOfficerId('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkOfficerId('-')).toEqual({ ok: false, problem: 'characters', position: 1, char: '-' });
    expect(checkOfficerId('军字 123')).toMatchObject({ problem: 'characters', position: 3 });
    expect(checkOfficerId('123')).toEqual({ ok: false, problem: 'length', length: 3, allowedLengths: [{ min: 4, max: 30 }] });
    expect(checkMilitaryCodeCertificate('1'.repeat(31))).toMatchObject({ problem: 'length', length: 31 });
  });
});

describe('form checks never throw', () => {
  it('on arbitrary strings', () => {
    const checks = [checkPassport, checkChinesePassport, checkTaiwanCompatriotPermit, checkHkMacaoPermit, checkOfficerId, checkMilitaryCodeCertificate];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        for (const check of checks) expect(typeof check(s).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
