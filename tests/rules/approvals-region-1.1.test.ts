import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abolishedRegion, isCurrentRegionCode } from '../../src/domain/citizen-id.js';
import { bundledRuleSet, Linter, type LintMessage } from '../../src/engine/index.js';
import type { RuleSettingInput } from '../../src/engine/config.js';
import { patched, type Patch } from '../support/records.js';
import { TEST_NOW, lintTextWith } from '../support/lint.js';

// Contract 1.1 for pre-approval (religion, categories with periods), photo-spec
// (either orientation), verification-form (at least two copies) and the new
// rule region-code.

type Options = { locale?: 'en' | 'zh-CN'; now?: Date; rules?: Record<string, RuleSettingInput> };

function linter(options: Options = {}): Linter {
  return new Linter({ ruleSet: bundledRuleSet(), locale: options.locale ?? 'en', redact: true, now: options.now ?? TEST_NOW, rules: options.rules ?? {} });
}

function lint(ruleId: string, base: string, patch: Patch = {}, options: Options = {}): LintMessage[] {
  const text = JSON.stringify(patched(base, patch), null, 2);
  return lintTextWith(linter(options), text, '/virtual/record.json', 'json').messages.filter((m) => m.ruleId === ruleId);
}

const paths = (ms: LintMessage[]) => ms.map((m) => m.path);

describe('pre-approval: religion and the periods of the categories', () => {
  const religion = (extra: Record<string, unknown> = {}): Patch => ({ set: { '/websites/0/serviceContent': ['corporate', 'religion'], ...extra } });
  const licence = { '/websites/0/preApprovals': [{ category: 'religion', approvalNumber: 'ZJ-110000-2022-0015' }] };

  it('a draft judged by today says the day its verdict holds through: the eve of the next requirement', () => {
    const linter = new Linter({ ruleSet: bundledRuleSet(), locale: 'en', redact: true, now: new Date('2021-06-01T12:00:00+08:00'), rules: {} });
    const draft = patched('individual-draft', { set: { '/websites/0/serviceContent': ['personal', 'religion'] } });
    const result = lintTextWith(linter, JSON.stringify(draft), '/virtual/draft.json', 'json');
    expect(result.messages.filter((m) => m.ruleId === 'pre-approval')).toEqual([]);
    expect(result.stats?.holdsThrough).toBe('2022-02-28');
    // A submitted filing is judged by its submission date, which no later day changes.
    const submitted = patched('government-verified', { set: { '/websites/0/serviceContent': ['news', 'religion'] } });
    expect(lintTextWith(new Linter({ ruleSet: bundledRuleSet(), now: TEST_NOW }), JSON.stringify(submitted), '/virtual/s.json', 'json').stats?.holdsThrough).toBeUndefined();
  });

  it('a religion site submitted in 2026 without the licence is an error at the code, in both locales', () => {
    const [m, ...rest] = lint('pre-approval', 'enterprise-approved', religion());
    expect(rest).toEqual([]);
    expect(m!.path).toBe('/websites/0/serviceContent/1');
    expect(m!.severity).toBe('error');
    expect(m!.message).toBe('the service content religion needs a pre-approval (《互联网宗教信息服务管理办法》（国家宗教事务局、国家互联网信息办公室、工业和信息化部、公安部、国家安全部令第17号）, from 2022-03-01), but there is none of category religion; add it to preApprovals with its approval number (一、3)');
    expect(lint('pre-approval', 'enterprise-approved', religion(), { locale: 'zh-CN' })[0]!.message).toBe(
      '服务内容 宗教（religion） 须经前置审批（依据《互联网宗教信息服务管理办法》（国家宗教事务局、国家互联网信息办公室、工业和信息化部、公安部、国家安全部令第17号），自 2022-03-01 起），但没有类别为 religion 的前置审批；请在 preApprovals 中填写该审批及其审批文号（一、3）',
    );
  });

  it('a religion site with its licence number passes; a blank number is reported at it', () => {
    expect(lint('pre-approval', 'enterprise-approved', religion(licence))).toEqual([]);
    const blank = { '/websites/0/preApprovals': [{ category: 'religion', approvalNumber: '' }] };
    expect(paths(lint('pre-approval', 'enterprise-approved', religion(blank)))).toEqual(['/websites/0/preApprovals/0/approvalNumber']);
  });

  it('follows the Beijing date of submittedAt: nothing was required before 2022-03-01', () => {
    const at = (submittedAt: string) => paths(lint('pre-approval', 'enterprise-approved', religion({ '/verification/submittedAt': submittedAt })));
    expect(at('2021-06-01T09:30:00+08:00')).toEqual([]);
    expect(at('2022-02-28')).toEqual([]);
    expect(at('2022-02-28T23:59:59+08:00')).toEqual([]);
    expect(at('2022-03-01')).toEqual(['/websites/0/serviceContent/1']);
    // 16:30 UTC on 02-28 is 00:30 on 03-01 in Beijing.
    expect(at('2022-02-28T16:30:00Z')).toEqual(['/websites/0/serviceContent/1']);
    expect(at('2022-02-28T15:59:00Z')).toEqual([]);
  });

  it('without a submission date (a draft) judges by the day of the check', () => {
    const patch = { set: { '/websites/0/serviceContent': ['personal', 'religion'] } };
    expect(paths(lint('pre-approval', 'individual-draft', patch))).toEqual(['/websites/0/serviceContent/1']);
    expect(lint('pre-approval', 'individual-draft', patch, { now: new Date('2022-02-28T23:00:00+08:00') })).toEqual([]);
    expect(paths(lint('pre-approval', 'individual-draft', patch, { now: new Date('2022-02-28T16:00:00Z') }))).toEqual(['/websites/0/serviceContent/1']);
  });

  it('a submission date that does not parse falls back to the day of the check', () => {
    const early = { now: new Date('2021-01-10T12:00:00+08:00') };
    expect(paths(lint('pre-approval', 'enterprise-approved', religion({ '/verification/submittedAt': 'last Tuesday' })))).toEqual(['/websites/0/serviceContent/1']);
    expect(lint('pre-approval', 'enterprise-approved', religion({ '/verification/submittedAt': 'last Tuesday' }), early)).toEqual([]);
  });

  it('the categories of 292号令 are required on any date a filing can have', () => {
    const patch = (submittedAt: string) => ({ set: { '/verification/submittedAt': submittedAt, '/websites/0/serviceContent': ['news', 'education', 'medical', 'culture', 'radio-film-tv'] } });
    expect(paths(lint('pre-approval', 'enterprise-approved', patch('2010-10-08')))).toHaveLength(5);
    expect(paths(lint('pre-approval', 'enterprise-approved', patch('2026-11-20')))).toHaveLength(5);
  });

  it('an abolished category (abolishedOn in the options) is required only before that day', () => {
    const rules = { 'pre-approval': { options: { categories: [{ code: 'education', from: '2000-09-25', source: 'A', abolishedOn: '2016-02-03', abolishedBy: 'B' }] } } };
    const at = (submittedAt: string) =>
      paths(lint('pre-approval', 'enterprise-approved', { set: { '/verification/submittedAt': submittedAt, '/websites/0/serviceContent': ['education', 'news'] } }, { rules }));
    expect(at('2016-02-02T20:00:00+08:00')).toEqual(['/websites/0/serviceContent/0']);
    expect(at('2016-02-03')).toEqual([]);
    expect(at('2026-03-02')).toEqual([]);
  });

  it('still takes bare codes (options written before 1.1), required on every day, alongside dated ones', () => {
    const rules = { 'pre-approval': { options: { categories: ['forum', { code: 'religion', from: '2022-03-01', source: 'A' }] } } };
    const patch = { set: { '/verification/submittedAt': '2012-05-02', '/websites/0/serviceContent': ['forum', 'religion', 'news'] } };
    expect(paths(lint('pre-approval', 'enterprise-approved', patch, { rules }))).toEqual(['/websites/0/serviceContent/0']);
  });

  it.each<[Record<string, string>, string]>([
    [{ code: 'education', from: '2000-09-25', source: 'A', abolishedOn: '2016-02-03' }, 'abolishedOn without abolishedBy'],
    [{ code: 'education', from: '2000-09-25' }, 'no source'],
    [{ code: 'education', from: '2000/09/25', source: 'A' }, 'a date not YYYY-MM-DD'],
  ])('refuses defective options: %j (%s)', (category) => {
    expect(() => linter({ rules: { 'pre-approval': { options: { categories: [category] } } } })).toThrow(/invalid options for rule "pre-approval"/);
  });

  it('the bundled options date every category and cite a source for each', () => {
    const rule = bundledRuleSet().byId.get('pre-approval')!;
    const categories = (rule.check!.options as { categories: Array<Record<string, string>> }).categories;
    expect(categories.map((c) => c.code).sort()).toEqual(['culture', 'drugs-medical-devices', 'education', 'medical', 'news', 'publishing', 'radio-film-tv', 'religion']);
    for (const c of categories) expect(c.source).toMatch(/^《.+》（.+令第\d+号）/);
    expect(categories.find((c) => c.code === 'religion')).toMatchObject({ from: '2022-03-01' });
  });
});

describe('photo-spec: either orientation', () => {
  const PHOTO = '/verification/onSite/photo';
  const size = (width: unknown, height: unknown) => ({ set: { [`${PHOTO}/width`]: width, [`${PHOTO}/height`]: height } });

  it('800×600 and 600×800 pass', () => {
    expect(lint('photo-spec', 'enterprise-approved', size(800, 600))).toEqual([]);
    expect(lint('photo-spec', 'enterprise-approved', size(600, 800))).toEqual([]);
    expect(lint('photo-spec', 'government-verified', size(600, 800))).toEqual([]);
  });

  it('a square photo is reported once, at height, with the size that completes the other side', () => {
    const [square] = lint('photo-spec', 'enterprise-approved', size(800, 800));
    expect(paths(lint('photo-spec', 'enterprise-approved', size(800, 800)))).toEqual([`${PHOTO}/height`]);
    expect(square!.message).toBe("the photo's height is 800, expected 600 (an 800×600 colour photo showing the time taken and the backdrop mark) (二、(二)1.(4))");
    const [small] = lint('photo-spec', 'enterprise-approved', size(600, 600), { locale: 'zh-CN' });
    expect(small!.path).toBe(`${PHOTO}/height`);
    expect(small!.message).toBe('照片的 height 为 600，应为 800（须为 800×600 像素的彩色照片，显示拍照时间和背景标识）（二、(二)1.(4)）');
  });

  it('a side other than 800 or 600 is reported at that side, in both locales', () => {
    expect(paths(lint('photo-spec', 'enterprise-approved', size(640, 480))).sort()).toEqual([`${PHOTO}/height`, `${PHOTO}/width`]);
    const [m, ...rest] = lint('photo-spec', 'enterprise-approved', size(800, 480));
    expect(rest).toEqual([]);
    expect(m!.path).toBe(`${PHOTO}/height`);
    expect(m!.message).toBe("the photo's height is 480, expected 800 or 600 (an 800×600 or 600×800 colour photo showing the time taken and the backdrop mark) (二、(二)1.(4))");
    expect(lint('photo-spec', 'enterprise-approved', size(1600, 800), { locale: 'zh-CN' }).map((x) => `${x.path} ${x.message}`)).toEqual([
      `${PHOTO}/width 照片的 width 为 1600，应为 800 或 600（须为 800×600 或 600×800 像素的彩色照片，显示拍照时间和背景标识）（二、(二)1.(4)）`,
    ]);
  });

  it('stays silent on sides of another type (the schema rule reports them)', () => {
    expect(lint('photo-spec', 'enterprise-approved', size('800', '800'))).toEqual([]);
    expect(lint('photo-spec', 'enterprise-approved', size(800, '800'))).toEqual([]);
  });
});

describe('verification-form: at least two copies', () => {
  const copies = (n: unknown) => ({ set: { '/verification/form/copies': n } });

  it('two or more copies pass', () => {
    expect(lint('verification-form', 'enterprise-approved', copies(2))).toEqual([]);
    expect(lint('verification-form', 'enterprise-approved', copies(3))).toEqual([]);
    expect(lint('verification-form', 'government-verified', copies(4))).toEqual([]);
  });

  it('fewer than two is an error at copies, in both locales', () => {
    const [m] = lint('verification-form', 'enterprise-approved', copies(1));
    expect(paths(lint('verification-form', 'enterprise-approved', copies(1)))).toEqual(['/verification/form/copies']);
    expect(m!.severity).toBe('error');
    expect(m!.message).toBe('copies is 1, expected at least 2 (the form is made in duplicate: one copy kept by the provider, one sent to the bureau) (二、(二)1.(6))');
    expect(lint('verification-form', 'enterprise-approved', copies(0), { locale: 'zh-CN' })[0]!.message).toBe(
      'copies 为 0，应至少为 2（核验单须一式两份：一份接入服务单位留存，一份上报通信管理局）（二、(二)1.(6)）',
    );
  });
});

describe('region-code', () => {
  const region = (code: unknown) => ({ set: { '/owner/regionCode': code } });

  it.each(['enterprise-approved', 'government-verified', 'individual-draft'])('the canonical record %s passes', (base) => {
    expect(lint('region-code', base)).toEqual([]);
  });

  it('a code GB/T 2260 never had is an error, in both locales', () => {
    const [m, ...rest] = lint('region-code', 'enterprise-approved', region('110199'));
    expect(rest).toEqual([]);
    expect(m!.path).toBe('/owner/regionCode');
    expect(m!.severity).toBe('error');
    expect(m!.message).toBe("the owner's region code 110199 is no GB/T 2260 administrative division code, current or former; give the 6-digit code of where the owner is (一、1 主体所在地)");
    expect(lint('region-code', 'enterprise-approved', region('110199'), { locale: 'zh-CN' })[0]!.message).toBe(
      '主体所在地代码 110199 不是 GB/T 2260 行政区划代码（现行和历史上都没有）；请填写主办者所在地的 6 位代码（一、1 主体所在地）',
    );
    // No province 99: unknown, not "outside the mainland".
    expect(lint('region-code', 'enterprise-approved', region('990000'))[0]!.message).toContain('is no GB/T 2260 administrative division code');
  });

  it.each(['810000', '820000', '830000', '710000'])('%s is no mainland province: an error with neutral wording', (code) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const ms = lint('region-code', 'individual-draft', region(code), { locale });
      expect(ms.map((m) => [m.path, m.severity])).toEqual([['/owner/regionCode', 'error']]);
      expect(ms[0]!.message).toContain(code);
      expect(ms[0]!.message).not.toMatch(/foreign|non-Chinese|non-citizen|外国|非中国公民|境外/i);
    }
    expect(lint('region-code', 'individual-draft', region(code))[0]!.message).toBe(
      `the owner's region code ${code} is not in a mainland province, and no provincial communications administration files for it; give the code of where the owner is in the mainland (一、1 主体所在地)`,
    );
    expect(lint('region-code', 'individual-draft', region(code), { locale: 'zh-CN' })[0]!.message).toBe(
      `主体所在地代码 ${code} 不属于内地的省（区、市），没有受理备案的省通信管理局；请填写主办者在内地所在地的行政区划代码（一、1 主体所在地）`,
    );
  });

  it('an abolished code is a warning naming the region and the last year it was listed', () => {
    const [m, ...rest] = lint('region-code', 'enterprise-approved', region('110103'));
    expect(rest).toEqual([]);
    expect([m!.path, m!.severity]).toEqual(['/owner/regionCode', 'warning']);
    expect(m!.message).toBe("the owner's region code 110103 (崇文区) was abolished, the GB/T 2260 lists have it up to 2010; use the current code of where the owner is (一、1 主体所在地)");
    expect(lint('region-code', 'enterprise-approved', region('110103'), { locale: 'zh-CN' })[0]!.message).toBe(
      '主体所在地代码 110103（崇文区）已撤销，GB/T 2260 代码表只列到 2010 年；请改填主办者所在地现行的行政区划代码（一、1 主体所在地）',
    );
  });

  it('a code with several periods is judged by the latest', () => {
    // 120110: 东郊区 to 1991, 东丽区 since 1992; 130204: 东矿区 1983–1994, 古冶区 since 1995.
    expect(lint('region-code', 'enterprise-approved', region('120110'))).toEqual([]);
    expect(lint('region-code', 'enterprise-approved', region('130204'))).toEqual([]);
  });

  it('province- and prefecture-level codes in force pass', () => {
    expect(lint('region-code', 'enterprise-approved', region('110000'))).toEqual([]);
    expect(lint('region-code', 'government-verified', region('330100'))).toEqual([]);
  });

  it('is silent where the schema rule reports (not 6 digits, not a string, absent)', () => {
    expect(lint('region-code', 'enterprise-approved', region('11010'))).toEqual([]);
    expect(lint('region-code', 'enterprise-approved', region(110105))).toEqual([]);
    expect(lint('region-code', 'enterprise-approved', { unset: ['/owner/regionCode'] })).toEqual([]);
    expect(lint('region-code', 'enterprise-approved', { set: { '/owner': 'Beijing' } })).toEqual([]);
  });
});

describe('abolishedRegion agrees with python-stdnum’s historical list', () => {
  // Each line: code, then periods "[from-to]name" separated by commas; a period without an end is in force.
  const text = readFileSync(new URL('../../../shared/vectors/region-codes-historical.python-stdnum.tsv', import.meta.url), 'utf8');
  const expected = new Map<string, number | 'current'>();
  for (const line of text.split('\n')) {
    const [code, periods] = line.split('\t');
    if (!code || periods === undefined) continue;
    for (const period of periods.split(',')) {
      const m = /^\[(\d{4})?-(\d{4})?\]/.exec(period);
      const end = m ? m[2] : undefined;
      const before = expected.get(code);
      if (end === undefined || before === 'current') expected.set(code, 'current');
      else expected.set(code, Math.max(Number(end), before ?? 0));
    }
  }

  it('for every code: current ones have no abolition, the others their last year', () => {
    expect(expected.size).toBeGreaterThan(6000);
    let abolished = 0;
    for (const [code, want] of expected) {
      const got = abolishedRegion(code);
      if (want === 'current') {
        expect([code, got]).toEqual([code, undefined]);
        expect(isCurrentRegionCode(code)).toBe(true);
      } else {
        abolished++;
        expect([code, got?.lastYear]).toEqual([code, want]);
        expect(got!.name).not.toBe('');
      }
    }
    expect(abolished).toBeGreaterThan(1000);
  });

  it('is undefined for unknown codes and non-codes', () => {
    expect(abolishedRegion('110199')).toBeUndefined();
    expect(abolishedRegion('830000')).toBeUndefined();
    expect(abolishedRegion('11010')).toBeUndefined();
    expect(abolishedRegion(110103 as unknown as string)).toBeUndefined();
  });
});
