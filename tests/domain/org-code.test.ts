import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrgCode, orgCodeCheckCharacter } from '../../src/domain/org-code.js';

// Known-good organisation codes: positions 9-17 of unified social credit codes
// in python-stdnum's and util-helpers' valid vectors (both pass GB 11714).

describe('checkOrgCode', () => {
  it('accepts both written forms', () => {
    expect(checkOrgCode('60003734-1')).toEqual({ ok: true, normalized: '600037341', formatted: '60003734-1' });
    expect(checkOrgCode('600037341')).toEqual({ ok: true, normalized: '600037341', formatted: '60003734-1' });
    expect(checkOrgCode('M000100Y-4')).toMatchObject({ ok: true });
  });

  it('check values 10 and 11 are written X and 0', () => {
    // from 9144030071526726XG and 91152201078382010M
    expect(checkOrgCode('71526726-X')).toMatchObject({ ok: true });
    expect(checkOrgCode('07838201-0')).toMatchObject({ ok: true });
  });

  it('empty', () => {
    expect(checkOrgCode('')).toEqual({ ok: false, problem: 'empty' });
  });

  it('characters: lower case, other punctuation, a hyphen out of place', () => {
    expect(checkOrgCode('m000100y4')).toMatchObject({ problem: 'characters', position: 1, char: 'm' });
    expect(checkOrgCode('6000-37341')).toMatchObject({ problem: 'characters', position: 5, char: '-' });
    expect(checkOrgCode('60003734－1')).toMatchObject({ problem: 'characters', position: 9, char: '－' });
    expect(checkOrgCode('60003734 1')).toMatchObject({ problem: 'characters', position: 9 });
  });

  it('length', () => {
    expect(checkOrgCode('60003734')).toEqual({
      ok: false,
      problem: 'length',
      length: 8,
      allowedLengths: [
        { min: 9, max: 9 },
        { min: 10, max: 10 },
      ],
    });
    expect(checkOrgCode('60003734-')).toMatchObject({ problem: 'length', length: 9 });
    expect(checkOrgCode('6000373412')).toMatchObject({ problem: 'length', length: 10 });
  });

  it('check-character', () => {
    expect(checkOrgCode('60003734-2')).toEqual({ ok: false, problem: 'check-character', expected: '1', actual: '2' });
    // The embedded code of util-helpers' 911101005JLR20JR60
    expect(checkOrgCode('5JLR20JR6')).toMatchObject({ problem: 'check-character', expected: '1' });
  });

  it('orgCodeCheckCharacter refuses what it cannot weigh', () => {
    expect(orgCodeCheckCharacter('60003734')).toBe('1');
    expect(orgCodeCheckCharacter('6000373')).toBeUndefined();
    expect(orgCodeCheckCharacter('6000373a')).toBeUndefined();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 14 }), (s) => {
        expect(typeof checkOrgCode(s).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
