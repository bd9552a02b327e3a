import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IP_RANGE_NAMES } from '../../src/domain/ip.js';
import { bundledRuleSet, Linter, type LintMessage } from '../../src/engine/index.js';
import type { RuleSettingInput } from '../../src/engine/config.js';
import { patched, type Patch } from '../support/records.js';
import { TEST_NOW, lintTextWith } from '../support/lint.js';

// Contract 1.1 for the rules of 一、2 (contacts), 一、3 (domains) and 一、4
// (access IPs): non-mainland numbers are warnings, a missing registrant waits
// for verification, domains under reserved suffixes, and readable names of
// special IP ranges.

type Options = { locale?: 'en' | 'zh-CN'; redact?: boolean; rules?: Record<string, RuleSettingInput> };

function lint(ruleId: string, base: string | Record<string, unknown>, patch: Patch = {}, options: Options = {}): LintMessage[] {
  const linter = new Linter({ ruleSet: bundledRuleSet(), locale: options.locale ?? 'en', redact: options.redact ?? true, now: TEST_NOW, rules: options.rules ?? {} });
  const text = JSON.stringify(patched(base, patch), null, 2);
  return lintTextWith(linter, text, '/virtual/record.json', 'json').messages.filter((m) => m.ruleId === ruleId);
}

/** path, severity and message of each report, for exact comparison. */
const brief = (ms: LintMessage[]) => ms.map((m) => [m.path, m.severity, m.message]);

/** Words that would call Hong Kong, Macao or Taiwan another country, or foreign. */
const OTHERING = /another country|foreign|其他国家|外国|境外人士/i;

describe('contact-format: numbers outside mainland China', () => {
  const mobile = (value: string, options: Options = {}, base = 'enterprise-approved') =>
    lint('contact-format', base, { set: { '/principal/contacts/mobile': value } }, options);

  it('a Hong Kong mobile is a warning, named neutrally in both locales', () => {
    expect(brief(mobile('+852 5123 4567'))).toEqual([
      [
        '/principal/contacts/mobile',
        'warning',
        "the mobile number +852******67 is a mobile number outside mainland China (+852); it may be filed, but pre-verification by phone is harder, so make sure it can take the provider's calls and SMS (一、2)",
      ],
    ]);
    expect(brief(mobile('+852 5123 4567', { locale: 'zh-CN' }))).toEqual([
      [
        '/principal/contacts/mobile',
        'warning',
        '手机号码 +852******67 是中国大陆以外的手机号码（+852）；可以备案，但接入服务单位电话核验可能不便，请确认该号码能接听核验电话、接收核验短信（一、2）',
      ],
    ]);
  });

  it.each([
    ['+853 6612 3456', '+853'],
    ['00853 6612 3456', '+853'],
    ['+886 912 345 678', '+886'],
    ['+886-912-345-678', '+886'],
    ['＋８５２ ５１２３ ４５６７', '+852'],
    // Hong Kong, Macao and Taiwan codes are often written without + or 00, as 86 is.
    ['852 9123 4567', '+852'],
    ['(852) 9123 4567', '+852'],
    ['85291234567', '+852'],
    ['853-6612-3456', '+853'],
    ['886 912 345 678', '+886'],
    ['+1 650 253 0000', '+1'],
    ['+44 7400 123456', '+44'],
    ['+65 8123 4567', '+65'],
  ])('%j is a valid mobile outside mainland China: a warning', (value, code) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const ms = mobile(value, { locale });
      expect(brief(ms).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/mobile', 'warning']]);
      expect(ms[0]!.message).toContain(locale === 'en' ? `(${code})` : `（${code}）`);
      expect(ms[0]!.message).not.toMatch(OTHERING);
    }
  });

  it('the same for an individual owner, and whatever the stage', () => {
    expect(brief(mobile('+886 912 345 678', {}, 'individual-draft')).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/mobile', 'warning']]);
    expect(brief(mobile('+853 6612 3456', {}, 'government-verified')).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/mobile', 'warning']]);
  });

  it.each([
    ['+853 6612 345', 'mobile-invalid-outside-mainland', 'is not a valid +853 number'], // a digit short
    ['+852 5123 45678', 'mobile-invalid-outside-mainland', 'is not a valid +852 number'],
    ['+999 1234567', 'mobile-invalid', 'is not valid'], // no such calling code
    ['5123 4567', 'mobile-invalid', 'or a number outside mainland China with its + calling code'], // HK number without +852
    ['+44 20 7946 0958', 'mobile-is-fixed-line', 'a fixed line'],
    ['+852 2123 4567', 'mobile-is-fixed-line', 'a fixed line'],
    ['+852 800 123 456', 'mobile-not-mobile', 'number type: toll-free'],
  ])('%j stays an error (%s)', (value, _id, fragment) => {
    const ms = mobile(value);
    expect(brief(ms).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/mobile', 'error']]);
    expect(ms[0]!.message).toContain(fragment);
    expect(ms[0]!.message).not.toMatch(OTHERING);
  });

  it('a mainland mobile, with or without +86, gets nothing', () => {
    expect(mobile('+86 138 1234 5678')).toEqual([]);
    expect(mobile('13812345678')).toEqual([]);
  });

  it('a valid fixed line outside mainland China as office or home phone is a warning, in both locales', () => {
    const office = { set: { '/principal/contacts/officePhone': '+886 2 2345 6789' } };
    expect(brief(lint('contact-format', 'enterprise-approved', office))).toEqual([
      [
        '/principal/contacts/officePhone',
        'warning',
        'the phone +886******789 is a fixed line outside mainland China (+886); it may be filed, but pre-verification by phone is harder, so make sure it can be reached (一、2)',
      ],
    ]);
    expect(brief(lint('contact-format', 'enterprise-approved', office, { locale: 'zh-CN' }))).toEqual([
      [
        '/principal/contacts/officePhone',
        'warning',
        '电话 +886******789 是中国大陆以外的固定电话（+886）；可以备案，但接入服务单位电话核验可能不便，请确认能够接通（一、2）',
      ],
    ]);
    for (const value of ['+852 2123 4567', '+853 2835 1234 转 12', '+44 20 7946 0958 ext. 5', '+1 650 253 0000']) {
      const ms = lint('contact-format', 'individual-draft', { set: { '/principal/contacts/homePhone': value } });
      expect(brief(ms).map(([p, s]) => [p, s]), value).toEqual([['/principal/contacts/homePhone', 'warning']]);
    }
  });

  it('a mobile outside mainland China as office phone is the usual mobile-as-phone warning; a toll-free number is an error', () => {
    const mobileAsPhone = lint('contact-format', 'enterprise-approved', { set: { '/principal/contacts/officePhone': '+852 5123 4567' } });
    expect(brief(mobileAsPhone).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/officePhone', 'warning']]);
    expect(mobileAsPhone[0]!.message).toContain('is a mobile number');
    const tollFree = lint('contact-format', 'enterprise-approved', { set: { '/principal/contacts/officePhone': '+852 800 123 456' } });
    expect(brief(tollFree).map(([p, s]) => [p, s])).toEqual([['/principal/contacts/officePhone', 'error']]);
    expect(lint('contact-format', 'enterprise-approved', { set: { '/principal/contacts/officePhone': '+886 2 2345 678' } })[0]!.severity).toBe('error');
  });

  it('with --no-redact the number is shown as written', () => {
    expect(mobile('+852 5123 4567', { redact: false })[0]!.message).toContain('the mobile number +852 5123 4567 is a mobile number outside mainland China');
  });

  it('the severity table is an option: a provider may make them errors, or the rule severity wins', () => {
    const strict = { rules: { 'contact-format': { options: { severity: { 'fixed-line-is-mobile': 'warning' } } } } };
    expect(mobile('+852 5123 4567', strict)[0]!.severity).toBe('error');
    expect(mobile('+852 5123 4567', { rules: { 'contact-format': 'error' } })[0]!.severity).toBe('error');
    expect(mobile('+852 5123 4567', { rules: { 'contact-format': { options: { severity: { 'mobile-outside-mainland': 'info' } } } } })[0]!.severity).toBe('info');
  });

  it('the 1.0 message ids mobile-not-cn and fixed-line-not-cn are gone', () => {
    const rule = bundledRuleSet().byId.get('contact-format')!;
    expect(Object.keys(rule.messages)).not.toContain('mobile-not-cn');
    expect(Object.keys(rule.messages)).not.toContain('fixed-line-not-cn');
    for (const [id, text] of Object.entries(rule.messages)) {
      expect(`${text.en} ${text['zh-CN']}`, id).not.toMatch(OTHERING);
    }
  });
});

describe('owner-domain-consistency: timing of a missing registrant', () => {
  const missing = { unset: ['/websites/0/domains/0/registrant'] };
  const stage = (s: unknown): Patch => ({ ...missing, set: { '/stage': s } });

  it('a missing registrant waits for verification', () => {
    expect(lint('owner-domain-consistency', 'individual-draft', missing)).toEqual([]);
    expect(lint('owner-domain-consistency', 'individual-draft', { set: { '/websites/0/domains/0/registrant': '  ' } })).toEqual([]);
    expect(lint('owner-domain-consistency', 'individual-draft', { set: { '/websites/0/domains/0/registrant': null } })).toEqual([]);
  });

  it.each(['verified', 'submitted', 'approved', 'returned'])('from stage %s it is reported, in both locales', (s) => {
    expect(brief(lint('owner-domain-consistency', 'government-verified', stage(s)))).toEqual([
      [
        '/websites/0/domains/0/registrant',
        'error',
        "the holder of shili-xihu.gov.cn is not recorded, so its ownership was not verified; give the holder's name from the domain certificate or the registry's public lookup (二、(二)1.(5))",
      ],
    ]);
    expect(lint('owner-domain-consistency', 'government-verified', stage(s), { locale: 'zh-CN' })[0]!.message).toBe(
      '未填写域名 shili-xihu.gov.cn 的所有者，域名所有权未经核验；请按域名证书或注册机构公共查询信息填写所有者名称（二、(二)1.(5)）',
    );
  });

  it('a stage the contract does not know ranks as draft (the schema rule reports it)', () => {
    expect(lint('owner-domain-consistency', 'government-verified', stage('reviewing'))).toEqual([]);
    expect(lint('owner-domain-consistency', 'government-verified', stage(3))).toEqual([]);
  });

  it('a registrant naming someone else is reported from draft', () => {
    const ms = lint('owner-domain-consistency', 'individual-draft', { set: { '/websites/0/domains/0/registrant': '王五' } });
    expect(brief(ms).map(([p, s]) => [p, s])).toEqual([['/websites/0/domains/0/registrant', 'error']]);
    expect(ms[0]!.message).toContain('not by the owner');
  });

  it('names still compare after NFKC, trimming and folding brackets at draft', () => {
    const set = {
      '/owner/name': '深圳示例(中国)工作室',
      '/websites/0/domains/0/registrant': ' 深圳示例（中国）工作室\u3000',
    };
    expect(lint('owner-domain-consistency', 'individual-draft', { set })).toEqual([]);
  });

  it('the stage is an option', () => {
    const early = { rules: { 'owner-domain-consistency': { options: { missingFrom: 'draft' } } } };
    expect(brief(lint('owner-domain-consistency', 'individual-draft', missing, early)).map(([p]) => p)).toEqual(['/websites/0/domains/0/registrant']);
    const late = { rules: { 'owner-domain-consistency': { options: { missingFrom: 'approved' } } } };
    expect(lint('owner-domain-consistency', 'government-verified', missing, late)).toEqual([]);
    expect(() => lint('owner-domain-consistency', 'individual-draft', missing, { rules: { 'owner-domain-consistency': { options: { missingFrom: 'later' } } } })).toThrow(
      /owner-domain-consistency/,
    );
  });
});

describe('restricted-domain', () => {
  const unitOwner = (unitType: string, domain: string): Patch => ({ set: { '/owner/unitType': unitType, '/websites/0/domains/0/name': domain } });

  it('an enterprise under gov.cn, in both locales', () => {
    const patch = { set: { '/websites/0/domains/1/name': 'example-tech.gov.cn' } };
    expect(brief(lint('restricted-domain', 'enterprise-approved', patch))).toEqual([
      [
        '/websites/0/domains/1/name',
        'error',
        "the domain example-tech.gov.cn is under gov.cn, which is reserved for a government body, but the owner is an enterprise; check the domain and the owner's kind (一、3)",
      ],
    ]);
    expect(lint('restricted-domain', 'enterprise-approved', patch, { locale: 'zh-CN' })[0]!.message).toBe(
      '域名 example-tech.gov.cn 在 gov.cn 之下，该后缀只供机关注册，而主办者是企业；请核对域名和主办者性质（一、3）',
    );
  });

  it('an individual under edu.cn, in both locales', () => {
    const patch = { set: { '/websites/0/domains/0/name': 'lisi-blog.edu.cn' } };
    expect(brief(lint('restricted-domain', 'individual-draft', patch))).toEqual([
      [
        '/websites/0/domains/0/name',
        'error',
        "the domain lisi-blog.edu.cn is under edu.cn, which an individual such as the owner cannot register; check the domain and the owner's kind (一、3)",
      ],
    ]);
    expect(lint('restricted-domain', 'individual-draft', patch, { locale: 'zh-CN' })[0]!.message).toBe(
      '域名 lisi-blog.edu.cn 在 edu.cn 之下，该后缀不向个人开放注册，主办者却是个人；请核对域名和主办者性质（一、3）',
    );
  });

  // Who may file under each suffix, for every owner kind; the kinds admitted only when they exercise
  // administrative functions, which a record cannot show, get a warning.
  const MATRIX: Array<[string, string[], string[]]> = [
    ['shili.gov.cn', ['government'], ['institution']],
    ['示例.政务.cn', ['government'], ['institution', 'social-group']],
    ['shili.xn--zfr164b.cn', ['government'], ['institution', 'social-group']],
    ['shili.mil.cn', ['military'], []],
    ['shili.edu.cn', ['government', 'institution', 'social-group', 'military'], []],
  ];
  const UNIT_TYPES = ['government', 'institution', 'social-group', 'enterprise', 'military'];

  it.each(MATRIX)('%s is open to %j, and to %j on a warning', (domain, open, warned) => {
    for (const unitType of UNIT_TYPES) {
      const ms = lint('restricted-domain', 'government-verified', unitOwner(unitType, domain));
      const expected = open.includes(unitType) ? [] : [`${warned.includes(unitType) ? 'warning' : 'error'} /websites/0/domains/0/name`];
      expect(ms.map((m) => `${m.severity} ${m.path}`), `${unitType} ${domain}`).toEqual(expected);
    }
    const individual = lint('restricted-domain', 'individual-draft', { set: { '/websites/0/domains/0/name': domain } });
    expect(individual.map((m) => m.path)).toEqual(['/websites/0/domains/0/name']);
  });

  it('a public institution with a gov.cn domain: a warning to confirm, in both locales', () => {
    const patch = unitOwner('institution', 'cma.gov.cn');
    expect(lint('restricted-domain', 'government-verified', patch)[0]!.message).toBe(
      'the domain cma.gov.cn is under gov.cn, which a public institution may register only if it exercises administrative functions; confirm that the owner does, or check the domain and the owner\'s kind (一、3)',
    );
    expect(lint('restricted-domain', 'government-verified', patch, { locale: 'zh-CN' })[0]!.message).toBe(
      '域名 cma.gov.cn 在 gov.cn 之下，该后缀只向行使行政职能的事业单位开放注册；请确认主办者行使行政职能，或核对域名和主办者性质（一、3）',
    );
  });

  it('a unit whose unit type is "individual" is the schema rule\'s, not judged as an individual', () => {
    expect(lint('restricted-domain', 'government-verified', { set: { '/owner/unitType': 'individual', '/websites/0/domains/0/name': 'x.edu.cn' } })).toEqual([]);
  });

  it('names the suffix as the table writes it, and the domain as given', () => {
    const ms = lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': ' Shili.XN--ZFR164B.cn ' } });
    expect(ms[0]!.message).toContain('the domain Shili.XN--ZFR164B.cn is under 政务.cn, which is reserved for a government body');
  });

  it('compares labels, not text', () => {
    for (const domain of ['notgov.cn', 'gov-cn.com', 'edu.cn.example-tech.cn', 'mil.com.cn', 'example-gov.cn']) {
      expect(lint('restricted-domain', 'individual-draft', { set: { '/websites/0/domains/0/name': domain } }), domain).toEqual([]);
    }
  });

  it('a subdomain, upper case, a trailing dot and full-width dots are still under the suffix', () => {
    for (const domain of ['www.shili.gov.cn', 'SHILI.GOV.CN', 'shili.gov.cn.', 'shili。gov。cn']) {
      expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': domain } }).map((m) => m.path), domain).toEqual([
        '/websites/0/domains/0/name',
      ]);
    }
  });

  it('checks every domain of every website', () => {
    const second = { name: '商城', domains: [{ name: 'shop.edu.cn', registrant: '北京示例科技有限公司' }], serviceContent: ['e-commerce'], access: { providerName: 'p', method: 'cloud', serverLocation: '北京市', ips: ['123.125.114.144'] } };
    const ms = lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/1/name': 'x.gov.cn', '/websites/1': second } });
    expect(ms.map((m) => m.path)).toEqual(['/websites/0/domains/1/name', '/websites/1/domains/0/name']);
  });

  it('stays silent where the owner kind cannot be told or the domain is not a name', () => {
    const domain = '/websites/0/domains/0/name';
    expect(lint('restricted-domain', 'government-verified', { unset: ['/owner/unitType'], set: { [domain]: 'x.mil.cn' } })).toEqual([]);
    expect(lint('restricted-domain', 'government-verified', { set: { '/owner/unitType': 'ministry', [domain]: 'x.mil.cn' } })).toEqual([]);
    expect(lint('restricted-domain', 'government-verified', { set: { '/owner/kind': 7, [domain]: 'x.mil.cn' } })).toEqual([]);
    expect(lint('restricted-domain', 'individual-draft', { unset: ['/owner/kind'], set: { [domain]: 'x.gov.cn' } })).toEqual([]);
    for (const name of ['http://x.gov.cn/', 'gov.cn', 'x_y.gov.cn', 42]) {
      expect(lint('restricted-domain', 'enterprise-approved', { set: { [domain]: name } }), String(name)).toEqual([]);
    }
  });

  it('the suffix table is an option; the longest matching suffix decides', () => {
    const suffixes = [
      { suffix: 'edu.cn', forbidden: ['individual', 'enterprise'], source: 'CERNET' },
      { suffix: 'open.edu.cn', allowed: ['enterprise', 'institution'], source: 'test' },
      { suffix: '公益.cn', allowed: ['institution', 'social-group'], source: 'test' },
    ];
    const rules = { 'restricted-domain': { options: { suffixes } } };
    expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'x.open.edu.cn' } }, { rules })).toEqual([]);
    expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'x.edu.cn' } }, { rules })).toHaveLength(1);
    // The user's table replaces the bundled one: gov.cn is no longer listed.
    expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'x.gov.cn' } }, { rules })).toEqual([]);
    const ms = lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': '示例.公益.cn' } }, { rules });
    expect(ms[0]!.message).toContain('under 公益.cn, which is reserved for a public institution or a social group, but the owner is an enterprise');
    expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': '示例.公益.cn' } }, { rules, locale: 'zh-CN' })[0]!.message).toContain(
      '该后缀只供事业单位或社会团体注册，而主办者是企业',
    );
  });

  it.each([
    ['both allowed and forbidden', [{ suffix: 'gov.cn', allowed: ['government'], forbidden: ['individual'], source: 'x' }]],
    ['neither', [{ suffix: 'gov.cn', source: 'x' }]],
    ['no source', [{ suffix: 'gov.cn', allowed: ['government'] }]],
    ['a leading dot', [{ suffix: '.gov.cn', allowed: ['government'], source: 'x' }]],
    ['an unknown kind', [{ suffix: 'gov.cn', allowed: ['party'], source: 'x' }]],
  ])('rejects a table row with %s', (_what, suffixes) => {
    expect(() => lint('restricted-domain', 'enterprise-approved', {}, { rules: { 'restricted-domain': { options: { suffixes } } } })).toThrow(/restricted-domain/);
  });

  it('each row of the bundled table cites the registry policy it comes from', () => {
    const options = bundledRuleSet().byId.get('restricted-domain')!.check!.options as { suffixes: Array<{ suffix: string; source: string }> };
    expect(options.suffixes.map((s) => s.suffix)).toEqual(['gov.cn', '政务.cn', 'mil.cn', 'edu.cn']);
    const SOURCES: Record<string, RegExp> = { 'gov.cn': /国办函〔2018〕55号/, '政务.cn': /CONAC/, 'mil.cn': /CNNIC|中国互联网络信息中心/, 'edu.cn': /CERNET/ };
    for (const row of options.suffixes) expect(row.source, row.suffix).toMatch(SOURCES[row.suffix]!);
  });
});

describe('ip-address: names of special ranges', () => {
  const ip = (value: string, locale: 'en' | 'zh-CN' = 'en') => lint('ip-address', 'enterprise-approved', { set: { '/websites/0/access/ips/1': value } }, { locale });

  it.each([
    ['2002:c000:204::1', '6to4', '6to4 隧道地址'],
    ['192.88.99.1', '6to4 relay anycast (deprecated)', '6to4 中继任播地址（已废弃）'],
    ['64:ff9b::7b7d:7290', 'NAT64 (RFC 6052)', 'NAT64 转换前缀（RFC 6052）'],
    ['64:ff9b:1::1', 'NAT64 (RFC 6052)', 'NAT64 转换前缀（RFC 6052）'],
    ['::ffff:0:7b7d:7290', 'IPv4-translated (RFC 6145)', 'IPv4 转换地址（RFC 6145）'],
    ['192.31.196.1', 'AS112 DNS service', 'AS112 DNS 服务地址'],
    ['2001:4:112::1', 'AS112 DNS service', 'AS112 DNS 服务地址'],
    ['2001::1', 'Teredo tunnelling', 'Teredo 隧道地址'],
    ['2001:20::1', 'ORCHIDv2', 'ORCHIDv2 标识符'],
    ['2001:10::1', 'ORCHID (deprecated)', 'ORCHID 标识符（已废弃）'],
    ['198.18.0.1', 'benchmarking', '网络设备基准测试地址'],
    ['2001:2::1', 'benchmarking', '网络设备基准测试地址'],
    ['192.52.193.1', 'AMT (automatic multicast tunnelling)', 'AMT 自动组播隧道地址'],
    ['100::1', 'discard-only (RFC 6666)', '丢弃专用地址（RFC 6666）'],
    ['2001:30::1', 'drone remote ID entity tags (DET)', '无人机远程识别实体标签（DET）'],
    ['5f00::1', 'SRv6 segment identifiers', 'SRv6 段标识（SID）'],
    ['192.0.0.8', 'IETF protocol assignments', 'IETF 协议分配地址'],
    ['255.255.255.255', 'limited broadcast', '受限广播地址'],
    ['240.0.0.1', 'reserved', '保留地址'],
  ])('%s is named %j / %j', (value, en, zh) => {
    expect(brief(ip(value))).toEqual([['/websites/0/access/ips/1', 'error', `${value} is in a special-purpose range (${en}), not public unicast; the access IP must be public unicast (一、4)`]]);
    expect(ip(value, 'zh-CN')[0]!.message).toBe(`${value} 属于特殊用途地址段（${zh}），不是公网单播地址；网站 IP 应为公网单播地址（一、4）`);
  });

  it('the rule file names every range code, in both languages, in words', () => {
    const file = parse(readFileSync(new URL('../../rules/ip-address.yaml', import.meta.url), 'utf8')) as { check: { options: { rangeNames: Record<string, { en: string; 'zh-CN': string }> } } };
    const names = file.check.options.rangeNames;
    expect(Object.keys(names).sort()).toEqual([...IP_RANGE_NAMES].sort());
    for (const [code, name] of Object.entries(names)) {
      expect(name.en, code).not.toMatch(/6to 4|[a-z][A-Z]/);
      expect(name['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a partial table from the user shows the code of a range it does not name', () => {
    const rules = { 'ip-address': { options: { rangeNames: { teredo: { en: 'Teredo', 'zh-CN': 'Teredo' } } } } };
    const m = lint('ip-address', 'enterprise-approved', { set: { '/websites/0/access/ips/1': '2002:c000:204::1' } }, { rules });
    expect(m[0]!.message).toContain('special-purpose range (6to4)');
    expect(() => lint('ip-address', 'enterprise-approved', {}, { rules: { 'ip-address': { options: { rangeNames: { sixToFour: { en: 'x', 'zh-CN': 'x' } } } } } })).toThrow(/ip-address/);
  });
});

describe('owner-domain-consistency: a registrant who is a person is personal data', () => {
  const registrant = (value: string, base: 'enterprise-approved' | 'individual-draft' = 'enterprise-approved', redact = true) =>
    lint('owner-domain-consistency', base, { set: { '/websites/0/domains/0/registrant': value } }, { locale: 'zh-CN', redact })[0]!.message;

  it('masks a person registrant by default and prints it with --no-redact', () => {
    expect(registrant('张小三')).toContain('张**');
    expect(registrant('张小三')).not.toContain('张小三');
    expect(registrant('张小三', 'enterprise-approved', false)).toContain('张小三');
  });

  it('prints another company as it is: a unit name is no personal data', () => {
    expect(registrant('北京另一科技有限公司')).toContain('北京另一科技有限公司');
  });

  it('masks any registrant of an individual owner\'s domain', () => {
    expect(registrant('王五', 'individual-draft')).not.toContain('王五');
  });
});

describe('restricted-domain: the forms a domain is written in', () => {
  it.each(['x.gov.cn.', 'X.GOV.CN', 'x．gov．cn', 'shili.XN--ZFR164B.cn'])('%s is under its suffix', (name) => {
    expect(lint('restricted-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': name } }).map((m) => m.path)).toEqual(['/websites/0/domains/0/name']);
  });
});
