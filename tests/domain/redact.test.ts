import { describe, it, expect } from 'vitest';
import { maskDocumentNumber, maskEmail, maskIdNumber, maskPersonName, maskPhone } from '../../src/domain/redact.js';

describe('maskIdNumber', () => {
  it('prints the contract form for 18 characters', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber(' 110101199003071234 ')).toBe('110101********1234');
  });

  it('hides the birth date of a 15-digit number', () => {
    expect(maskIdNumber('110101900307123')).toBe('110101******123');
  });

  it('masks other lengths as a document number', () => {
    expect(maskIdNumber('1101011990')).toBe('11******90');
    expect(maskIdNumber('123')).toBe('1**');
  });
});

describe('maskDocumentNumber', () => {
  it.each([
    ['E12345678', 'E1*****78'],
    ['G1234567', 'G1****67'],
    ['AB12', 'A**2'],
    ['abc', 'a**'],
    ['ab', 'a*'],
    ['X', '*'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskDocumentNumber(input)).toBe(expected);
  });

  it('masks at least half and shows at most 2 + 2, for every length', () => {
    for (let n = 1; n <= 40; n++) {
      const input = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd'.slice(0, n);
      const out = maskDocumentNumber(input);
      expect(out).toHaveLength(n);
      const masked = [...out].filter((c) => c === '*').length;
      expect(masked, input).toBeGreaterThanOrEqual(Math.ceil(n / 2));
      expect(n - masked, input).toBeLessThanOrEqual(4);
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['0086-13812345678', '+86 138****5678'],
    ['010-65123456', '010-****3456'],
    ['010-65123456-8001', '010-****3456'],
    ['(0755) 8888 1234', '0755-****1234'],
    ['0351-1234567', '0351-****567'],
    ['+86 10 6512 3456', '+86 10-****3456'],
    ['65123456', '65****56'],
    ['+1 202 555 0123', '+120******23'],
    ['123', '1**'],
    ['1', '*'],
    ['n/a', 'n**'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhang.san@example.com', 'z********@example.com'],
    ['ab@example.com', 'a*@example.com'],
    ['a@example.com', '*@example.com'],
    ['张三@例子.中国', '张*@例子.中国'],
    ['12345678@qq.com', '1*******@qq.com'],
    ['noat', 'n**t'],
    ['@example.com', '@e********om'],
    ['a@', 'a*'],
  ])('%j → %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});

describe('no mask returns the value it was given', () => {
  const inputs = [
    'a', 'ab', 'abc', '1234', '13812345678', '11010119900307123X', 'x@y.z', 'E12345678',
    '😀', '😀😀😀', '\ud800', '\u200f123', '１２３', 'a'.repeat(5000),
  ];
  for (const fn of [maskIdNumber, maskDocumentNumber, maskPhone, maskEmail, maskPersonName]) {
    it(fn.name, () => {
      for (const input of inputs) {
        const out = fn(input);
        expect(out, input).not.toBe(input);
        expect(out, input).toContain('*');
        // Well-formed output: no unpaired surrogates.
        expect(out, input).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
    });
  }
});

describe('maskPersonName (1.1: names of natural persons are personal data)', () => {
  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳娜', '欧阳*'],
    ['司马光', '司马*'],
    ['上官婉儿', '上官**'],
    ['歐陽修', '歐陽*'],
    // A compound surname that is the whole name keeps one character: something is always masked.
    ['欧阳', '欧*'],
    ['张', '*'],
    [' 张三\u3000', '张*'],
    ['买买提·艾力', '买**·**'],
    ['John Smith', 'J*** S****'],
    ['JOHN SMITH', 'J*** S****'],
    ['Mary-Jane O\'Neil', 'M***-J*** O\'N***'],
    ['A. B.', 'A. *.'],
    ['Li', 'L*'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPersonName(input)).toBe(expected);
  });

  it('keeps the length, and masks every character after the surname of a Chinese name', () => {
    for (const name of ['张三', '王小明', '欧阳娜娜', '诸葛孔明', '李']) {
      const out = maskPersonName(name);
      expect(Array.from(out)).toHaveLength(Array.from(name).length);
      expect(out.replace(/^[^*]+/, '')).toMatch(/^\*+$/);
    }
  });
});
