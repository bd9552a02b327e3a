import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCodeCheckCharacter } from '../../src/domain/org-code.js';
import {
  USCC_ALPHABET,
  USCC_CATEGORIES,
  checkUscc,
  usccCategory,
  usccCheckCharacter,
  usccFitsUnitType,
  type UnitType,
} from '../../src/domain/uscc.js';

/** Builds a code with right check characters: for tests about something else. */
function build(prefix8: string, orgBody8: string): string {
  const org = orgBody8 + orgCodeCheckCharacter(orgBody8)!;
  const first17 = prefix8 + org;
  return first17 + usccCheckCharacter(first17)!;
}

describe('checkUscc', () => {
  it('accepts a valid code and splits it into its parts', () => {
    // python-stdnum tests/test_cn_uscc.doctest
    expect(checkUscc('91110000600037341L')).toEqual({
      ok: true,
      normalized: '91110000600037341L',
      registrationAuthority: '9',
      category: '91',
      regionCode: '110000',
      orgCode: '600037341',
    });
    // util-helpers: letters in the organisation code
    expect(checkUscc('92310115MA1LAG5R9M')).toMatchObject({ ok: true, category: '92', orgCode: 'MA1LAG5R9' });
  });

  it('empty', () => {
    expect(checkUscc('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkUscc(null as unknown as string)).toEqual({ ok: false, problem: 'empty' });
  });

  it('characters: I O S V Z, lower case, full width', () => {
    // python-stdnum invalid vector
    expect(checkUscc('9111000060003IOZSV')).toEqual({ ok: false, problem: 'characters', position: 14, char: 'I' });
    expect(checkUscc('91110000600037341l')).toMatchObject({ problem: 'characters', position: 18, char: 'l' });
    expect(checkUscc('９1110000600037341L')).toMatchObject({ problem: 'characters', position: 1 });
    expect(checkUscc('91110000-600037341L')).toMatchObject({ problem: 'characters', position: 9 });
  });

  it('length', () => {
    expect(checkUscc('91350100M0001')).toEqual({
      ok: false,
      problem: 'length',
      length: 13,
      allowedLengths: [{ min: 18, max: 18 }],
    });
  });

  it('check-character: expected is returned', () => {
    // python-stdnum invalid vector
    expect(checkUscc('91110000600037341N')).toEqual({ ok: false, problem: 'check-character', expected: 'L', actual: 'N' });
  });

  it('org-code: right USCC check character, wrong GB 11714 check of positions 9-17', () => {
    // util-helpers labels it valid; the embedded 5JLR20JR6 fails GB 11714 (should end in 1)
    expect(checkUscc('911101005JLR20JR60')).toEqual({
      ok: false,
      problem: 'org-code',
      orgCode: '5JLR20JR6',
      expected: '1',
    });
  });

  it('region: positions 3-8 must start with a GB/T 2260 province code, or be 100000', () => {
    expect(checkUscc(build('91999999', '60003734'))).toEqual({ ok: false, problem: 'region', regionCode: '999999' });
    expect(checkUscc(build('91660000', '60003734'))).toMatchObject({ problem: 'region', regionCode: '660000' });
    expect(checkUscc(build('9111000A', '60003734'))).toMatchObject({ problem: 'region', regionCode: '11000A' });
    // Development zones' registration authorities use codes GB/T 2260 lacks
    // (320594, Suzhou Industrial Park): real codes carry them, so they pass.
    expect(checkUscc(build('91320594', '60003734'))).toMatchObject({ ok: true, regionCode: '320594' });
    // National-level registration writes 100000.
    expect(checkUscc(build('11100000', '00001234'))).toMatchObject({ ok: true, regionCode: '100000' });
    // A historical code (崇文区, abolished 2010) is still a code the authority once had.
    expect(checkUscc(build('91110103', '60003734'))).toMatchObject({ ok: true });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(typeof checkUscc(s).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    const unit = fc.constantFrom(...(USCC_ALPHABET + 'IOSVZa-').split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 17, maxLength: 19 }), (s) => {
        const v = checkUscc(s);
        if (v.ok) expect(v.normalized).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('usccCheckCharacter', () => {
  it('refuses input it cannot weigh', () => {
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    expect(usccCheckCharacter('9111000060003734')).toBeUndefined();
    expect(usccCheckCharacter('9111000060003734I')).toBeUndefined();
  });
});

describe('usccCategory and usccFitsUnitType', () => {
  it('usccCategory is positions 1-2 when they are of the code set', () => {
    expect(usccCategory('91110000600037341L')).toBe('91');
    expect(usccCategory('A1')).toBe('A1');
    expect(usccCategory('9')).toBeUndefined();
    expect(usccCategory('')).toBeUndefined();
    expect(usccCategory('I1')).toBeUndefined();
    expect(usccCategory(undefined as unknown as string)).toBeUndefined();
  });

  it('fits: the obvious pairs', () => {
    const fits = (code: string, t: UnitType) => usccFitsUnitType(code, t);
    expect(fits('11', 'government')).toBe(true);
    expect(fits('12', 'institution')).toBe(true);
    expect(fits('51', 'social-group')).toBe(true);
    expect(fits('91110000600037341L', 'enterprise')).toBe(true);
    expect(fits('92310115MA1LAG5R9M', 'enterprise')).toBe(true);
    expect(fits('A1', 'military')).toBe(true);
  });

  it('does not fit: clear mismatches', () => {
    expect(usccFitsUnitType('91110000600037341L', 'government')).toBe(false);
    expect(usccFitsUnitType('11', 'enterprise')).toBe(false);
    expect(usccFitsUnitType('A1', 'enterprise')).toBe(false);
    // Foreign representative offices are none of the notice's unit types.
    expect(usccFitsUnitType('21', 'institution')).toBe(false);
  });

  it('undefined for a category the table does not know', () => {
    expect(usccFitsUnitType('99', 'enterprise')).toBeUndefined();
    expect(usccFitsUnitType('B1', 'enterprise')).toBeUndefined();
    expect(usccFitsUnitType('9', 'enterprise')).toBeUndefined();
    expect(usccFitsUnitType('constructor', 'enterprise')).toBeUndefined();
  });

  it('Y1 (other authority, undivided) fits every unit type', () => {
    for (const t of ['government', 'institution', 'social-group', 'enterprise', 'military'] as const) {
      expect(usccFitsUnitType('Y1', t)).toBe(true);
    }
  });

  it('the table is well-formed', () => {
    const types = new Set(['government', 'institution', 'social-group', 'enterprise', 'military']);
    for (const [pair, entry] of Object.entries(USCC_CATEGORIES)) {
      expect(pair).toMatch(/^[0-9A-HJ-NP-RTUW-Y]{2}$/u);
      expect(entry.authority.zh).not.toBe('');
      expect(entry.category.en).not.toBe('');
      for (const t of entry.unitTypes) expect(types.has(t)).toBe(true);
    }
    // Every unit type is reachable from some category.
    for (const t of types) {
      expect(Object.values(USCC_CATEGORIES).some((e) => (e.unitTypes as readonly string[]).includes(t))).toBe(true);
    }
  });
});
