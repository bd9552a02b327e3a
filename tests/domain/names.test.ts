import { describe, it, expect } from 'vitest';
import { keyOfNormalized, looksLikeOrganisationName, nameKey, normalizeName, sameName } from '../../src/domain/names.js';

describe('normalizeName', () => {
  it.each([
    [' 北京示例科技有限公司 ', '北京示例科技有限公司'],
    ['北京示例（科技）有限公司', '北京示例(科技)有限公司'], // NFKC folds full-width parentheses
    ['北京示例【科技】有限公司', '北京示例(科技)有限公司'], // 方头括号: NFKC leaves them, we fold
    ['北京示例〔科技〕有限公司', '北京示例(科技)有限公司'], // 六角括号
    ['北京示例［科技］有限公司', '北京示例(科技)有限公司'], // 方括号, full-width
    ['北京示例[科技]有限公司', '北京示例(科技)有限公司'],
    ['北京示例〖科技〗有限公司', '北京示例(科技)有限公司'],
    ['北京\u3000示例   科技\t有限公司', '北京 示例 科技 有限公司'],
    ['北京\u200b示例\u200d科技\ufeff有限\u200e公司\u00ad', '北京示例科技有限公司'],
    ['ＡＢＣ科技１２３', 'ABC科技123'],
    ['阿卜杜・艾尼', '阿卜杜·艾尼'], // katakana middle dot → 间隔号
    ['阿卜杜•艾尼', '阿卜杜·艾尼'],
    ['《示例》', '《示例》'], // 书名号 are not brackets
    ['\ud800北京', '\ufffd北京'],
    ['', ''],
    ['\u200b \u3000', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('returns empty for non-string input', () => {
    expect(normalizeName(undefined as unknown as string)).toBe('');
  });
});

describe('sameName', () => {
  const forms = [
    '北京示例科技有限公司',
    ' 北京示例科技有限公司 ',
    '北京示例科技有限公司\u200b',
    '北京示例 科技有限公司',
    '北京　示例科技有限公司',
  ];
  it('matches the forms of one company name', () => {
    for (const a of forms) for (const b of forms) expect(sameName(a, b), `${a} / ${b}`).toBe(true);
  });

  it('matches bracket variants', () => {
    const variants = ['北京示例（科技）有限公司', '北京示例(科技)有限公司', '北京示例【科技】有限公司', '北京示例〔科技〕有限公司', '北京示例 ( 科技 ) 有限公司'];
    for (const a of variants) for (const b of variants) expect(sameName(a, b), `${a} / ${b}`).toBe(true);
  });

  it('does not match a name with brackets to one without, or a different name', () => {
    expect(sameName('北京示例科技有限公司', '北京示例(科技)有限公司')).toBe(false);
    expect(sameName('北京示例科技有限公司', '北京示例科技股份有限公司')).toBe(false);
    expect(sameName('张三', '张 三')).toBe(true);
    expect(sameName('张三', '李四')).toBe(false);
  });

  it('folds Latin case but keeps word spaces in Latin names', () => {
    expect(sameName('JOHN SMITH', 'John  Smith')).toBe(true);
    expect(sameName('John Smith', 'JohnSmith')).toBe(false);
    expect(nameKey('Example 科技 Ltd')).toBe('example科技ltd');
  });

  it('never matches empty names', () => {
    expect(sameName('', '')).toBe(false);
    expect(sameName('\u200b', ' ')).toBe(false);
  });
});

describe('nameKey of plain CJK ideographs', () => {
  // nameKey returns a run of U+4E00–U+9FFF as it is; the full normalisation must agree on every one of them.
  const all = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i));

  it('is each ideograph itself, by the full normalisation too', () => {
    const changed = all.filter((c) => keyOfNormalized(c) !== c);
    expect(changed).toEqual([]);
  });

  it('is the whole run itself, as one string', () => {
    const run = all.join('');
    expect(keyOfNormalized(run)).toBe(run);
    expect(nameKey('司马晓敏')).toBe(keyOfNormalized('司马晓敏'));
  });

  it('still normalises a name with anything else in it', () => {
    expect(nameKey('北京示例（科技）有限公司')).toBe('北京示例(科技)有限公司');
    expect(nameKey('张\u200b三')).toBe('张三');
  });
});

describe('looksLikeOrganisationName', () => {
  it.each(['北京示例科技有限公司', '杭州市西湖区示例事务局', '北京市人民政府', '示例大学', '中国科学院示例研究所', '北京市示例行业协会', '示例科技（北京）', 'Example Technology Co., Ltd.', 'Example Inc', 'Tsinghua University'])(
    '%s is an organisation',
    (name) => expect(looksLikeOrganisationName(name)).toBe(true),
  );
  it.each(['张三', '欧阳娜娜', '李四', 'John Smith', '陈大文', 'Chan Tai Man'])('%s is taken for a person', (name) => expect(looksLikeOrganisationName(name)).toBe(false));
});
