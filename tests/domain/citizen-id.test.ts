import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_BIRTH_YEAR,
  checkCitizenId,
  checkForeignPermanentResidentId,
  checkResidencePermitNumber,
  citizenIdCheckCharacter,
  filingAbbreviationOf,
  isCurrentRegionCode,
  isKnownRegionCode,
  provinceOf,
} from '../../src/domain/citizen-id.js';
import { VECTORS_DIR, readVectors } from './vectors.js';

const NOW = new Date('2026-11-29T00:00:00+08:00');

/** Appends the right check character: for tests about something other than the check. */
function withCheck(first17: string): string {
  const c = citizenIdCheckCharacter(first17);
  if (c === undefined) throw new Error(`not 17 digits: ${first17}`);
  return first17 + c;
}

describe('checkCitizenId: valid numbers', () => {
  it('accepts a number and reads region, birth date and sex from it', () => {
    // python-stdnum tests/test_cn_ric.doctest
    expect(checkCitizenId('110102199101010078', NOW)).toEqual({
      ok: true,
      normalized: '110102199101010078',
      regionCode: '110102',
      birthDate: '1991-01-01',
      sex: 'male',
    });
    // util-helpers: an X check character, even sequence digit
    expect(checkCitizenId('52030219891209794X', NOW)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('accepts numbers issued under abolished county codes (GB/T 2260 history)', () => {
    // 110201 昌平县 was abolished in 1982; numbers keep the code they were issued under.
    expect(isCurrentRegionCode('110201')).toBe(false);
    expect(checkCitizenId('110201199312010077', NOW)).toMatchObject({ ok: true, regionCode: '110201' });
  });

  it('accepts the residence permits of Hong Kong, Macao and Taiwan residents', () => {
    // hutool IdcardUtilTest
    expect(checkCitizenId('81000019980902013X', NOW)).toMatchObject({ ok: true, residencePermit: 'HK' });
    expect(checkCitizenId('820000200009100032', NOW)).toMatchObject({ ok: true, residencePermit: 'MO' });
    expect(checkCitizenId('830000200209060065', NOW)).toMatchObject({ ok: true, residencePermit: 'TW' });
  });
});

describe('checkCitizenId: problems', () => {
  it('empty: the empty string, and a non-string from untrusted JSON', () => {
    expect(checkCitizenId('', NOW)).toEqual({ ok: false, problem: 'empty' });
    expect(checkCitizenId(110102199101010078 as unknown as string, NOW)).toEqual({ ok: false, problem: 'empty' });
    expect(checkCitizenId(undefined as unknown as string, NOW)).toEqual({ ok: false, problem: 'empty' });
  });

  it('characters: full-width digits, spaces, lone surrogates, X not at the end', () => {
    expect(checkCitizenId('１１０１０２１９９１０１０１００７８', NOW)).toEqual({
      ok: false,
      problem: 'characters',
      position: 1,
      char: '１',
    });
    expect(checkCitizenId(' 110102199101010078', NOW)).toMatchObject({ problem: 'characters', position: 1 });
    expect(checkCitizenId('1101021991\uD8000101078', NOW)).toEqual({
      ok: false,
      problem: 'characters',
      position: 11,
      char: '\uD800',
    });
    // A supplementary character counts as one position.
    expect(checkCitizenId('😀1234', NOW)).toMatchObject({ problem: 'characters', position: 1, char: '😀' });
    expect(checkCitizenId('11010219910101X078', NOW)).toEqual({ ok: false, problem: 'characters', position: 15, char: 'X' });
  });

  it('length: anything but 18 characters (or 15 digits)', () => {
    expect(checkCitizenId('11010219910101007', NOW)).toEqual({
      ok: false,
      problem: 'length',
      length: 17,
      allowedLengths: [{ min: 18, max: 18 }],
    });
    expect(checkCitizenId('1101021991010100788', NOW)).toMatchObject({ problem: 'length', length: 19 });
    // 15 characters with an X are no first-generation number (those are all digits).
    expect(checkCitizenId('15010288073030X', NOW)).toMatchObject({ problem: 'length', length: 15 });
  });

  it('length: a huge input is measured, not choked on', () => {
    const huge = '1'.repeat(1_000_000);
    expect(checkCitizenId(huge, NOW)).toMatchObject({ problem: 'length', length: 1_000_000 });
    expect(checkCitizenId(huge + '!', NOW)).toMatchObject({ problem: 'characters', position: 1_000_001 });
  });

  it('first-generation: a well-formed 15-digit number, with its 18-digit form', () => {
    // hutool: 150102880730303 and its 18-digit form 150102198807303035 are both test vectors
    expect(checkCitizenId('150102880730303', NOW)).toEqual({
      ok: false,
      problem: 'first-generation',
      upgraded: '150102198807303035',
      regionCode: '150102',
      birthDate: '1988-07-30',
    });
  });

  it('region / birth-date of a 15-digit number carry firstGeneration', () => {
    expect(checkCitizenId('990102880730303', NOW)).toEqual({
      ok: false,
      problem: 'region',
      regionCode: '990102',
      firstGeneration: true,
    });
    expect(checkCitizenId('150102880230303', NOW)).toEqual({
      ok: false,
      problem: 'birth-date',
      birthDate: '880230',
      firstGeneration: true,
    });
  });

  it('region: a code GB/T 2260 never had', () => {
    expect(checkCitizenId(withCheck('11019919910101007'), NOW)).toEqual({ ok: false, problem: 'region', regionCode: '110199' });
    expect(checkCitizenId(withCheck('00000019910101007'), NOW)).toMatchObject({ problem: 'region' });
    // A leading 9 that is not followed by a province code is a bad region, not a foreign ID.
    expect(checkCitizenId(withCheck('99268219850101001'), NOW)).toMatchObject({ problem: 'region', regionCode: '992682' });
  });

  it('birth-date: impossible dates', () => {
    expect(checkCitizenId(withCheck('11010219910229007'), NOW)).toEqual({
      ok: false,
      problem: 'birth-date',
      birthDate: '19910229',
    });
    expect(checkCitizenId(withCheck('11010219920229007'), NOW)).toMatchObject({ ok: true, birthDate: '1992-02-29' });
    expect(checkCitizenId(withCheck('11010219001301007'), NOW)).toMatchObject({ problem: 'birth-date' });
    expect(checkCitizenId(withCheck('11010219000100007'), NOW)).toMatchObject({ problem: 'birth-date' });
    // 1900 is not a leap year, 2000 is.
    expect(checkCitizenId(withCheck('11010219000229007'), NOW)).toMatchObject({ problem: 'birth-date' });
    expect(checkCitizenId(withCheck('11010220000229007'), NOW)).toMatchObject({ ok: true });
    expect(checkCitizenId(withCheck(`110102${MIN_BIRTH_YEAR - 1}0101007`), NOW)).toMatchObject({ problem: 'birth-date' });
    expect(checkCitizenId(withCheck(`110102${MIN_BIRTH_YEAR}0101007`), NOW)).toMatchObject({ ok: true });
  });

  it('future-birth-date: after today in Beijing', () => {
    expect(checkCitizenId(withCheck('11010220261130007'), NOW)).toEqual({
      ok: false,
      problem: 'future-birth-date',
      birthDate: '2026-11-30',
    });
    expect(checkCitizenId(withCheck('11010220261129007'), NOW)).toMatchObject({ ok: true });
    // 2026-11-28T16:30Z is already 2026-11-29 00:30 in Beijing.
    expect(checkCitizenId(withCheck('11010220261129007'), new Date('2026-11-28T16:30:00Z'))).toMatchObject({ ok: true });
    expect(checkCitizenId(withCheck('11010220261129007'), new Date('2026-11-28T15:30:00Z'))).toMatchObject({
      problem: 'future-birth-date',
    });
  });

  it('an invalid `now` skips the future check instead of throwing', () => {
    expect(checkCitizenId(withCheck('11010220991129007'), new Date(Number.NaN))).toMatchObject({ ok: true });
  });

  it('check-character: the expected character is returned', () => {
    // python-stdnum invalid vector
    expect(checkCitizenId('36042619910102009X', NOW)).toEqual({
      ok: false,
      problem: 'check-character',
      expected: '3',
      actual: 'X',
    });
    // util-helpers invalid vector: should end in X
    expect(checkCitizenId('520302198912097948', NOW)).toMatchObject({ problem: 'check-character', expected: 'X' });
  });

  it('lowercase-x: fixable, only when nothing else is wrong', () => {
    // python-stdnum valid vector (it upper-cases before checking)
    expect(checkCitizenId('44011320141005001x', NOW)).toEqual({
      ok: false,
      problem: 'lowercase-x',
      fixable: true,
      fix: '44011320141005001X',
    });
    // A lower-case x where the check is not X at all is a wrong check character.
    expect(checkCitizenId('36042619910102009x', NOW)).toMatchObject({ problem: 'check-character', expected: '3', actual: 'x' });
  });

  it('foreign-permanent-resident: the 2023 card (leading 9) is not a citizen ID', () => {
    // hutool labels 932682198501010017 valid: it has the layout and the MOD 11-2
    // check of a citizen ID. It is a 外国人永久居留身份证 (9, Jiangsu 32,
    // nationality 682 = Saudi Arabia); the contract's resident-id-card is for
    // citizens, and foreigners file with a passport, so it gets its own problem.
    expect(checkCitizenId('932682198501010017', NOW)).toEqual({
      ok: false,
      problem: 'foreign-permanent-resident',
      province: '32',
      nationality: '682',
    });
    // Its other parts are still checked.
    expect(checkCitizenId('932682198501010018', NOW)).toMatchObject({ problem: 'check-character', expected: '7' });
    expect(checkCitizenId(withCheck('93268219850231001'), NOW)).toMatchObject({ problem: 'birth-date' });
  });
});

describe('checkCitizenId never throws', () => {
  it('on arbitrary strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const v = checkCitizenId(s, NOW);
        expect(typeof v.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('on strings close to a number (digits, X/x, full-width digits)', () => {
    const unit = fc.constantFrom(...'0123456789Xx０９ '.split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 14, maxLength: 19 }), (s) => {
        const v = checkCitizenId(s, NOW);
        if (v.ok) expect(v.normalized).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('and every number built with the right check character is accepted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('110102', '440113', '330102', '810000'),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, birth, seq) => {
          const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
          const n = withCheck(region + ymd + String(seq).padStart(3, '0'));
          expect(checkCitizenId(n, NOW)).toMatchObject({ ok: true, normalized: n });
        },
      ),
    );
  });
});

describe('citizenIdCheckCharacter', () => {
  it('computes ISO 7064 MOD 11-2 and refuses other input', () => {
    expect(citizenIdCheckCharacter('11010219910101007')).toBe('8');
    expect(citizenIdCheckCharacter('52030219891209794')).toBe('X');
    expect(citizenIdCheckCharacter('1101021991010100')).toBeUndefined();
    expect(citizenIdCheckCharacter('1101021991010100X')).toBeUndefined();
  });
});

describe('region codes', () => {
  it('isKnownRegionCode: current, historical and residence-permit codes', () => {
    expect(isKnownRegionCode('110105')).toBe(true);
    expect(isKnownRegionCode('110103')).toBe(true); // 崇文区, abolished 2010
    expect(isKnownRegionCode('830000')).toBe(true);
    expect(isKnownRegionCode('235407')).toBe(false);
    expect(isKnownRegionCode('11010')).toBe(false);
    expect(isKnownRegionCode('toString')).toBe(false);
    expect(isKnownRegionCode(110105 as unknown as string)).toBe(false);
  });

  it('isCurrentRegionCode: only codes in force', () => {
    expect(isCurrentRegionCode('110105')).toBe(true);
    expect(isCurrentRegionCode('110103')).toBe(false);
    expect(isCurrentRegionCode('830000')).toBe(false);
  });

  it('provinceOf and filingAbbreviationOf follow the contract table', () => {
    expect(provinceOf('510104')).toBe('51');
    expect(filingAbbreviationOf('51')).toBe('蜀');
    expect(filingAbbreviationOf('52')).toBe('黔');
    expect(filingAbbreviationOf('53')).toBe('滇');
    expect(filingAbbreviationOf('62')).toBe('陇');
    expect(filingAbbreviationOf('11')).toBe('京');
    expect(provinceOf('810000')).toBeUndefined();
    expect(provinceOf('710000')).toBeUndefined();
    expect(provinceOf('5101')).toBeUndefined();
    expect(filingAbbreviationOf('toString')).toBeUndefined();
  });

  it('the bundled data has every code of the source list', () => {
    const source = readVectors('region-codes-historical.python-stdnum.tsv').map((l) => l.slice(0, 6));
    expect(source.length).toBe(6885);
    const missing = source.filter((c) => !isKnownRegionCode(c));
    expect(missing).toEqual([]);
  });

  it('data/gb2260-regions.tsv is what scripts/build-region-data.mjs makes of the source', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-regions-'));
    try {
      const out = join(dir, 'regions.tsv');
      execFileSync(process.execPath, [
        join(root, 'scripts/build-region-data.mjs'),
        join(VECTORS_DIR, 'region-codes-historical.python-stdnum.tsv'),
        out,
      ]);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'data/gb2260-regions.tsv'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkResidencePermitNumber (港澳台居民居住证)', () => {
  it('accepts citizen ID numbers under 810000, 820000 and 830000', () => {
    for (const [first17, permit] of [
      ['81000019900815234', 'HK'],
      ['82000019850612123', 'MO'],
      ['83000019780305345', 'TW'],
    ] as const) {
      expect(checkResidencePermitNumber(withCheck(first17), NOW)).toMatchObject({ ok: true, residencePermit: permit });
    }
  });
  it('names the region first: a mainland number is no permit number, whatever its check character', () => {
    expect(checkResidencePermitNumber('11010519850612123X', NOW)).toEqual({ ok: false, problem: 'residence-permit-region', regionCode: '110105' });
    expect(checkResidencePermitNumber('110105198506121234', NOW)).toMatchObject({ problem: 'residence-permit-region' });
    // The 2023 foreign permanent resident ID has the same layout; it is no permit either.
    expect(checkResidencePermitNumber('932682198501010017', NOW)).toMatchObject({ problem: 'residence-permit-region', regionCode: '932682' });
  });
  it('then the rest of GB 11643, never correcting a check character', () => {
    const good = withCheck('81000019900815234');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkResidencePermitNumber(wrong, NOW)).toEqual({ ok: false, problem: 'check-character', expected: good[17], actual: wrong[17] });
    expect(checkResidencePermitNumber(withCheck('81000019901315234'), NOW)).toMatchObject({ problem: 'birth-date' });
    expect(checkResidencePermitNumber(withCheck('82000020990101123'), NOW)).toMatchObject({ problem: 'future-birth-date' });
    expect(checkResidencePermitNumber('82000019850612123x', NOW)).toMatchObject({ problem: 'lowercase-x', fix: '82000019850612123X' });
  });
  it('empty, characters, length (no 15-digit permits exist)', () => {
    expect(checkResidencePermitNumber('', NOW)).toEqual({ ok: false, problem: 'empty' });
    expect(checkResidencePermitNumber('H12345678', NOW)).toMatchObject({ problem: 'characters', position: 1 });
    expect(checkResidencePermitNumber('810000900815234', NOW)).toEqual({ ok: false, problem: 'length', length: 15, allowedLengths: [{ min: 18, max: 18 }] });
  });
});

describe('checkForeignPermanentResidentId (外国人永久居留身份证)', () => {
  it('accepts the 2023 form: 18 characters, leading 9, MOD 11-2 check', () => {
    // hutool's IdcardUtilTest vector (shared/vectors/ric-valid.hutool.txt, see SOURCES.md).
    expect(checkForeignPermanentResidentId('932682198501010017')).toEqual({ ok: true, normalized: '932682198501010017', form: '2023' });
    expect(checkForeignPermanentResidentId(withCheck('94484019880412123'))).toMatchObject({ ok: true, form: '2023' });
  });
  it('accepts the earlier form: 3 letters + 12 digits, upper-cased', () => {
    expect(checkForeignPermanentResidentId('USA440880412123')).toEqual({ ok: true, normalized: 'USA440880412123', form: 'earlier' });
    expect(checkForeignPermanentResidentId('gbr110750101001')).toMatchObject({ ok: true, normalized: 'GBR110750101001' });
  });
  it('problems', () => {
    expect(checkForeignPermanentResidentId('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkForeignPermanentResidentId('932682198501010018')).toEqual({ ok: false, problem: 'check-character', expected: '7', actual: '8' });
    // A citizen ID number (first digit 1-8) is not this card's number.
    expect(checkForeignPermanentResidentId('11010519850612123X')).toEqual({ ok: false, problem: 'format' });
    expect(checkForeignPermanentResidentId('US4408804121234')).toEqual({ ok: false, problem: 'format' });
    expect(checkForeignPermanentResidentId('USA-44088041212')).toMatchObject({ problem: 'characters', position: 4 });
    expect(checkForeignPermanentResidentId('9326821985010100')).toEqual({
      ok: false,
      problem: 'length',
      length: 16,
      allowedLengths: [
        { min: 15, max: 15 },
        { min: 18, max: 18 },
      ],
    });
  });
  it('a lower-case x check character is a fixable slip, as on citizen ID numbers', () => {
    // Find a 2023-form number whose check character is X.
    let first17 = '';
    for (let seq = 100; seq < 999 && !first17; seq++) {
      const f = `93268219850101${seq}`;
      if (citizenIdCheckCharacter(f) === 'X') first17 = f;
    }
    expect(first17).toHaveLength(17);
    expect(checkForeignPermanentResidentId(first17 + 'X')).toMatchObject({ ok: true });
    expect(checkForeignPermanentResidentId(first17 + 'x')).toEqual({ ok: false, problem: 'lowercase-x', fixable: true, fix: first17 + 'X' });
  });
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 25 }), (s) => {
        expect(typeof checkForeignPermanentResidentId(s).ok).toBe('boolean');
        expect(typeof checkResidencePermitNumber(s, NOW).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
