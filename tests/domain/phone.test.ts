import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-files.js';
import { checkMobile, checkFixedLine, normalizePhoneKey } from '../../src/domain/phone.js';
import { vectorFiles, vectorLines } from './vector-files.js';

/**
 * Vector files and the label each source gives (see shared/vectors/SOURCES.md).
 * `valid` means: checkMobile is ok for mobile-*, checkFixedLine is ok for landline-*.
 */
const LABELS: Record<string, boolean> = {
  'mobile-valid.hutool.txt': true,
  'mobile-valid.util-helpers.txt': true,
  'mobile-valid.validatorjs.txt': true,
  'mobile-valid-reserved-9x.validatorjs.txt': true,
  'mobile-invalid.hutool.txt': false,
  'mobile-invalid.util-helpers.txt': false,
  'mobile-invalid.validatorjs.txt': false,
  'landline-valid.hutool.txt': true,
  'landline-valid.util-helpers.txt': true,
  'landline-invalid.hutool.txt': false,
  'landline-invalid.util-helpers.txt': false,
};

/**
 * Where our verdict differs from the source's label, with who is right. Keyed
 * by file, then by the verbatim line; the value is our problem code (or 'ok').
 */
const DIVERGENCES: Record<string, Record<string, string>> = {
  // validator.js's "valid" 148/149/174x mobiles: none of these is a mobile range
  // in libphonenumber's CN metadata (9.0.35); 148/149 are data-card / IoT
  // blocks and 1746 is unallocated. The filing's mobile must receive the SMS of
  // 二、(二)1.(2), so we follow the allocation data. validator.js only checks a
  // prefix regex.
  'mobile-valid.validatorjs.txt': {
    '14899230918': 'invalid',
    '14999230918': 'invalid',
    '17469427292': 'invalid',
  },
  // validator.js accepts 92x/98x as "reserved" ranges; libphonenumber has no
  // CN mobile range starting with 9 (9x are not mobile numbers). We are right
  // to reject them.
  'mobile-valid-reserved-9x.validatorjs.txt': {
    '92138389438': 'invalid',
    '+8692138389438': 'invalid',
    '008692138389438': 'invalid',
    '98199649964': 'invalid',
    '+8698099649964': 'invalid',
    '008698099649964': 'invalid',
  },
  // util-helpers checks the shape 1[3-9]xxxxxxxxx; 160 is not an allocated
  // mobile block in libphonenumber's metadata (161/162/165–167 are, 160 is not).
  'mobile-valid.util-helpers.txt': {
    '16000000000': 'invalid',
  },
  // validator.js rejects an international prefix followed by a hyphen as a
  // formatting policy; +86-… and 0086-… are the same numbers as the bare 11
  // digits, and the notice asks for a reachable mobile, not a format. We accept.
  'mobile-invalid.validatorjs.txt': {
    '+86-13838389438': 'ok',
    '0086-13811211114': 'ok',
    '0086-138-1121-1114': 'ok',
  },
  // hutool's regex accepts a 7-digit subscriber number under any area code, but
  // Guangzhou (020) and Shenzhen (0755) numbers are all 8 digits; libphonenumber's
  // per-area-code lengths are right.
  'landline-valid.hutool.txt': {
    '020-9999999': 'invalid',
    '0755-7654321': 'invalid',
  },
  // util-helpers accepts a bare local number. Without the area code a local
  // number names a different line in each of ~300 areas, so the contact is
  // unusable nationwide: we report missing-area-code on purpose.
  'landline-valid.util-helpers.txt': {
    '22033212': 'missing-area-code',
  },
  // hutool rejects a space between area code and number; a space is the usual
  // grouping separator (as in libphonenumber's own national format
  // "010 1234 5678"), so we accept it.
  'landline-invalid.hutool.txt': {
    '010 12345678': 'ok',
  },
};

function verdictOf(file: string, line: string): string {
  const r = file.startsWith('mobile-') ? checkMobile(line) : checkFixedLine(line);
  return r.ok ? 'ok' : r.problem;
}

describe('phone vectors', () => {
  const files = vectorFiles(/^(mobile|landline)-.*\.txt$/);

  it('knows the label of every mobile/landline vector file', () => {
    for (const f of files) expect(Object.keys(LABELS), f).toContain(f);
    // …and a labelled file that disappeared fails here.
    for (const f of Object.keys(LABELS)) expect(files, f).toContain(f);
  });

  for (const file of Object.keys(LABELS)) {
    it(`agrees with ${file} except for the listed divergences`, () => {
      const lines = vectorLines(file);
      expect(lines.length).toBeGreaterThan(0);
      const exceptions = DIVERGENCES[file] ?? {};
      for (const line of Object.keys(exceptions)) expect(lines, `stale exception ${line}`).toContain(line);
      for (const line of lines) {
        const got = verdictOf(file, line);
        const expected = exceptions[line];
        if (expected !== undefined) {
          expect(got, `${file}: ${line}`).toBe(expected);
        } else if (LABELS[file]) {
          expect(got, `${file}: ${line}`).toBe('ok');
        } else {
          expect(got, `${file}: ${line}`).not.toBe('ok');
        }
      }
    });
  }

  it('classifies libphonenumber example numbers by their type', () => {
    const lines = vectorLines('example-numbers.libphonenumber.txt');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const [type, number] = line.split(' ') as [string, string];
      const m = checkMobile(number);
      const f = checkFixedLine(number);
      if (type === 'MOBILE') {
        expect(m.ok, line).toBe(true);
        expect(f).toMatchObject({ ok: false, problem: 'is-mobile' });
      } else if (type === 'FIXED_LINE') {
        expect(m).toMatchObject({ ok: false, problem: 'not-mobile', numberType: 'FIXED_LINE' });
        expect(f.ok, line).toBe(true);
      } else {
        expect(m).toMatchObject({ ok: false, problem: 'not-mobile', numberType: type });
        expect(f).toMatchObject({ ok: false, problem: 'not-fixed-line', numberType: type });
      }
    }
  });

  it('accepts a mobile in every carrier-attributed prefix', () => {
    // The carrier table lists prefixes with numbers in service, so the first
    // number of each block must be a valid mobile.
    const lines = vectorLines('cn-mobile-prefix-carrier.libphonenumber.txt');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      const prefix = line.split('|')[0] ?? '';
      expect(prefix).toMatch(/^1\d{1,3}$/);
      const number = prefix.padEnd(11, '0');
      expect(checkMobile(number), line).toMatchObject({ ok: true, e164: `+86${number}` });
    }
  });
});

describe('checkMobile', () => {
  it.each([
    '13812345678',
    '+8613812345678',
    '+86 138 1234 5678',
    '0086 138-1234-5678',
    '8613812345678',
    '86 138 1234 5678',
    '(+86) 13812345678',
    '１３８１２３４５６７８', // full-width digits from a Chinese IME
    '＋８６　１３８１２３４５６７８', // full-width plus and ideographic space
    ' 138-1234-5678 ',
    '138\u20121234\u20135678', // figure dash, en dash
  ])('accepts %j', (input) => {
    expect(checkMobile(input)).toEqual({ ok: true, e164: '+8613812345678', national: '13812345678' });
  });

  it('reports a fixed line as not-mobile', () => {
    expect(checkMobile('010-65123456')).toEqual({
      ok: false,
      problem: 'not-mobile',
      e164: '+861065123456',
      numberType: 'FIXED_LINE',
    });
  });

  it('rejects a trunk 0 before a mobile', () => {
    expect(checkMobile('013812345678')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkMobile('+86 013812345678')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('reports foreign numbers as not-cn', () => {
    expect(checkMobile('+1 202 555 0123')).toMatchObject({ ok: false, problem: 'not-cn', country: 'US' });
    expect(checkMobile('0044 7400 123456')).toMatchObject({ ok: false, problem: 'not-cn', country: 'GB' });
    expect(checkMobile('+852 5123 4567')).toMatchObject({ ok: false, problem: 'not-cn', country: 'HK' });
    expect(checkMobile('+999 1234567')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('gives the calling code and number type of a number outside mainland China', () => {
    expect(checkMobile('+852 5123 4567')).toEqual({ ok: false, problem: 'not-cn', e164: '+85251234567', country: 'HK', callingCode: '+852', numberType: 'MOBILE' });
    expect(checkMobile('00853 6612 3456')).toEqual({ ok: false, problem: 'not-cn', e164: '+85366123456', country: 'MO', callingCode: '+853', numberType: 'MOBILE' });
    expect(checkMobile('+886 912 345 678')).toEqual({ ok: false, problem: 'not-cn', e164: '+886912345678', country: 'TW', callingCode: '+886', numberType: 'MOBILE' });
    expect(checkMobile('+1 650 253 0000')).toMatchObject({ problem: 'not-cn', callingCode: '+1', numberType: 'FIXED_LINE_OR_MOBILE' });
    expect(checkFixedLine('+886 2 2345 6789')).toMatchObject({ problem: 'not-cn', country: 'TW', callingCode: '+886', numberType: 'FIXED_LINE' });
    expect(checkFixedLine('+853 2835 1234 转 12')).toMatchObject({ problem: 'not-cn', country: 'MO', callingCode: '+853', numberType: 'FIXED_LINE' });
    expect(checkFixedLine('+852 800 123 456')).toMatchObject({ problem: 'not-cn', numberType: 'TOLL_FREE' });
    // Without its calling code a Hong Kong number is read as a mainland one, and is not valid.
    expect(checkMobile('5123 4567')).toEqual({ ok: false, problem: 'invalid' });
    // Invalid under the calling code it was written with, which the verdict names for the message.
    expect(checkMobile('+853 6612 345')).toEqual({ ok: false, problem: 'invalid', callingCode: '+853' });
  });

  it.each([
    '',
    '   ',
    'abc',
    '138-1234-567a',
    '1381234567８x',
    '138\u200f12345678', // RLM
    '138\u200b12345678', // zero-width space
    '\u202e87654321831', // RLO
    '\ud83812345678', // lone surrogate
    '1'.repeat(65),
    '+',
    '++8613812345678',
    '138+12345678',
    '13812345678\n13812345678',
  ])('never throws and rejects %j', (input) => {
    const r = checkMobile(input);
    expect(r.ok).toBe(false);
  });

  it('calls non-phone text not-a-number', () => {
    for (const s of ['', 'abc', '138\u200b12345678', 'x'.repeat(1_000_000), '电话']) {
      expect(checkMobile(s)).toEqual({ ok: false, problem: 'not-a-number' });
    }
  });

  it('does not throw on non-string input from loosely typed callers', () => {
    expect(checkMobile(undefined as unknown as string).ok).toBe(false);
    expect(checkMobile(13812345678 as unknown as string).ok).toBe(false);
  });
});

describe('checkFixedLine', () => {
  it.each([
    ['010-65123456', '+861065123456', '10', '65123456'],
    ['01065123456', '+861065123456', '10', '65123456'],
    ['(010) 6512 3456', '+861065123456', '10', '65123456'],
    ['（010）65123456', '+861065123456', '10', '65123456'],
    ['+86 10 6512 3456', '+861065123456', '10', '65123456'],
    ['+86-10-65123456', '+861065123456', '10', '65123456'],
    ['0086 10 65123456', '+861065123456', '10', '65123456'],
    ['86 10 6512 3456', '+861065123456', '10', '65123456'],
    ['0755 8888 8888', '+8675588888888', '755', '88888888'],
    ['0755-8888-8888', '+8675588888888', '755', '88888888'],
    ['021-22033212', '+862122033212', '21', '22033212'],
    ['0571-88888888', '+8657188888888', '571', '88888888'],
    ['0351-1234567', '+863511234567', '351', '1234567'], // Taiyuan still has 7-digit numbers
  ])('accepts %j', (input, e164, areaCode, local) => {
    const r = checkFixedLine(input);
    expect(r).toEqual({ ok: true, e164, areaCode, local });
  });

  it.each([
    ['010-65123456-8001', '8001'],
    ['010-65123456 转 8001', '8001'],
    ['010-65123456转8001', '8001'],
    ['010-65123456 分机 8001', '8001'],
    ['010-65123456 ext. 8001', '8001'],
    ['010-65123456 EXT 8001', '8001'],
    ['010-65123456x8001', '8001'],
    ['010-65123456#8001', '8001'],
    ['010 6512 3456 - 12', '12'],
  ])('splits the extension off %j', (input, extension) => {
    expect(checkFixedLine(input)).toEqual({
      ok: true,
      e164: '+861065123456',
      areaCode: '10',
      local: '65123456',
      extension,
    });
  });

  it('reports a local number without area code', () => {
    expect(checkFixedLine('65123456')).toEqual({ ok: false, problem: 'missing-area-code', local: '65123456' });
    expect(checkFixedLine('6512-3456')).toEqual({ ok: false, problem: 'missing-area-code', local: '65123456' });
    expect(checkFixedLine('2203321')).toEqual({ ok: false, problem: 'missing-area-code', local: '2203321' });
    expect(checkFixedLine('65123456-8001')).toEqual({ ok: false, problem: 'missing-area-code', local: '65123456' });
    expect(checkFixedLine('65123456 转 8001')).toEqual({ ok: false, problem: 'missing-area-code', local: '65123456' });
  });

  it('reports a mobile as is-mobile', () => {
    expect(checkFixedLine('13812345678')).toEqual({ ok: false, problem: 'is-mobile', e164: '+8613812345678' });
    expect(checkFixedLine('+86 138 1234 5678')).toEqual({ ok: false, problem: 'is-mobile', e164: '+8613812345678' });
  });

  it('reports other number types as not-fixed-line', () => {
    expect(checkFixedLine('400-123-4567')).toMatchObject({ ok: false, problem: 'not-fixed-line', numberType: 'SHARED_COST' });
    expect(checkFixedLine('800-123-4567')).toMatchObject({ ok: false, problem: 'not-fixed-line', numberType: 'TOLL_FREE' });
  });

  it('rejects wrong lengths and foreign numbers', () => {
    expect(checkFixedLine('010-889931081')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkFixedLine('020-9999999')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkFixedLine('+44 20 7946 0958')).toMatchObject({ ok: false, problem: 'not-cn', country: 'GB' });
    expect(checkFixedLine('A20-9999999')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkFixedLine('010\u200e-65123456')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkFixedLine('')).toEqual({ ok: false, problem: 'not-a-number' });
  });
});

describe('normalizePhoneKey', () => {
  it('gives one key for one line however it is written', () => {
    const forms = ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '8613812345678', '１３８１２３４５６７８'];
    for (const f of forms) expect(normalizePhoneKey(f), f).toBe('+8613812345678');
  });

  it('keys fixed lines without their extension, and foreign numbers', () => {
    expect(normalizePhoneKey('010-65123456-8001')).toBe('+861065123456');
    expect(normalizePhoneKey('(010) 6512 3456 转 8001')).toBe('+861065123456');
    expect(normalizePhoneKey('+1 202 555 0123')).toBe('+12025550123');
  });

  it('gives undefined for anything that is not a valid number', () => {
    for (const s of ['', 'abc', '65123456', '14899230918', '\ud800', '1'.repeat(100)]) {
      expect(normalizePhoneKey(s), s).toBeUndefined();
    }
  });
});

describe('the plain-digits fast path agrees with a full parse', async () => {
  const { checkMobile: check } = await import('../../src/domain/phone.js');
  const lib = await import('libphonenumber-js/max');
  it('for every 3-digit prefix of 1xx', () => {
    for (let p = 100; p < 200; p++) {
      for (const rest of ['12345678', '00000000', '99999999', '40012345']) {
        const digits = `${p}${rest}`;
        const parsed = lib.parsePhoneNumberFromString(`+86${digits}`);
        const full = parsed?.isValid() === true && parsed.getType() === 'MOBILE';
        expect(check(digits).ok, digits).toBe(full);
      }
    }
  });
});

describe('the plain fixed-line shortcut agrees with a full parse', async () => {
  const { plainFixedLineVerdict, fixedLineInFull } = await import('../../src/domain/phone.js');
  it('for area codes of every length and locals of 7 and 8 digits', () => {
    const areas = ['10', '20', '21', '22', '23', '24', '25', '27', '28', '29', '311', '351', '371', '411', '451', '510', '512', '571', '591', '731', '755', '769', '851', '871', '898', '931', '991', '999', '100', '200', '755'];
    let fast = 0;
    for (const area of areas) {
      for (const local of ['6512345', '65123456', '2688123', '26881234', '88888888', '1234567', '01234567']) {
        for (const sep of ['-', ' ', '']) {
          const text = `0${area}${sep}${local}`;
          const shortcut = plainFixedLineVerdict(text);
          if (!shortcut) continue;
          fast++;
          expect(shortcut, text).toEqual(fixedLineInFull(text));
        }
      }
    }
    expect(fast).toBeGreaterThan(100);
  });
});

describe('the bundled libphonenumber core', () => {
  it('is the package’s own code: the same verdicts as the published modules', () => {
    const require = createRequire(import.meta.url);
    const vendored = join(packageRoot, 'dist', 'vendor', 'libphonenumber-core.cjs');
    expect(existsSync(vendored), 'npm run build writes it').toBe(true);
    const bundled = require(vendored) as typeof import('libphonenumber-js/core');
    const published = require('libphonenumber-js/core') as typeof import('libphonenumber-js/core');
    const metadata = require('libphonenumber-js/metadata.max.json') as import('libphonenumber-js/core').MetadataJson;
    for (const n of ['+8613812345678', '010-62345678', '+14155552671', '+442071838750', '400-810-8888', '+86 95588', '12345']) {
      const a = bundled.parsePhoneNumberFromString(n, 'CN', metadata);
      const b = published.parsePhoneNumberFromString(n, 'CN', metadata);
      expect([n, a?.number, a?.isValid(), a?.getType()]).toEqual([n, b?.number, b?.isValid(), b?.getType()]);
    }
  });
});

describe('verdicts remembered by value (one library parse per value, issue 20)', () => {
  it('gives each value the same verdicts asked first, again, and in another order, as mobile, fixed line and key', () => {
    const values = [...vectorLines('mobile-invalid.hutool.txt'), ...vectorLines('mobile-valid.validatorjs.txt'), ...vectorLines('landline-valid.hutool.txt'), '+852 9123 4567', '0086 138 1234 5678', '86-10-65123456', '1381234567', '010-65123456 转 8001'];
    const all = (v: string) => [checkMobile(v), checkFixedLine(v), normalizePhoneKey(v)];
    const first = values.map((v) => JSON.stringify(all(v)));
    // Again, backwards, each kind asked before the others: remembered parses serve every kind alike.
    const again = [...values].reverse().map((v) => JSON.stringify([normalizePhoneKey(v), checkFixedLine(v), checkMobile(v)].reverse()));
    expect(again.reverse()).toEqual(first);
    expect(values.map((v) => JSON.stringify(all(v)))).toEqual(first);
  });
});
