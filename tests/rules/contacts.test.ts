import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { CONTACTS_CHECKS } from '../../src/checks/contacts/index.js';
import { bundledRuleSet, Linter, type LintMessage } from '../../src/engine/index.js';
import type { RuleSettingInput } from '../../src/engine/config.js';
import { patched, type Patch } from '../support/records.js';
import { lintRecords, messagesOf, TEST_NOW, testLinter, lintTextWith } from '../support/lint.js';

// Edge cases of the rules of 一、2 (contacts), 一、3 (website, domains,
// pre-approval), 一、4 (access IPs) and the domain holder of 二、(二)1.(5).

const RULES = [
  'required-contacts',
  'contact-format',
  'domain-format',
  'owner-domain-consistency',
  'pre-approval',
  'ip-address',
  'duplicate-domain',
] as const;
type RuleId = (typeof RULES)[number];
type Options = { locale?: 'en' | 'zh-CN'; redact?: boolean; rules?: Record<string, RuleSettingInput> };

/** Like lintRecords, but rule settings may carry options (a config file's `rules`). */
function linter(options: Options): Linter {
  return new Linter({ ruleSet: bundledRuleSet(), locale: options.locale ?? 'en', redact: options.redact ?? true, now: TEST_NOW, rules: options.rules ?? {} });
}

function lint(ruleId: RuleId, base: string | Record<string, unknown>, patch: Patch = {}, options: Options = {}): LintMessage[] {
  const text = JSON.stringify(patched(base, patch), null, 2);
  return messagesOf(lintTextWith(linter(options), text, '/virtual/record.json', 'json'), ruleId);
}

const paths = (ms: LintMessage[]) => ms.map((m) => m.path);
const texts = (ms: LintMessage[]) => ms.map((m) => m.message);

function one(ruleId: RuleId, base: string, patch: Patch, options: Options = {}): LintMessage {
  const ms = lint(ruleId, base, patch, options);
  expect(ms.map((m) => `${m.path}: ${m.message}`)).toHaveLength(1);
  return ms[0]!;
}

describe('contacts group', () => {
  it.each(['enterprise-approved', 'individual-draft', 'government-verified'])('the canonical record %s gets no message from these rules', (base) => {
    const result = lintRecords([patched(base)]);
    expect(result.messages.filter((m) => (RULES as readonly string[]).includes(m.ruleId))).toEqual([]);
  });

  it('each rule runs the check this group registered (no name collision in CHECKS)', () => {
    const { byId } = bundledRuleSet();
    for (const id of RULES) {
      const rule = byId.get(id)!;
      expect(rule.check?.name, id).toBeDefined();
      expect(CHECKS[rule.check!.name], id).toBe(CONTACTS_CHECKS[rule.check!.name]);
      expect(rule.definition, id).toBe(CONTACTS_CHECKS[rule.check!.name]);
    }
  });

  const odd: Array<[string, string, Patch]> = [
    ['numbers instead of strings', 'enterprise-approved', {
      set: {
        '/owner/name': 42,
        '/owner/kind': 7,
        '/principal/contacts': { mobile: 13812345678, officePhone: 1065123456, homePhone: 7, email: 1, mailingAddress: 2 },
        '/websites/0/domains': [{ name: 12345, registrant: 6 }, { name: 'example-tech.cn', registrant: 7 }],
        '/websites/0/serviceContent': [1, 2],
        '/websites/0/preApprovals': [{ category: 3, approvalNumber: 4 }],
        '/websites/0/access/ips': [1234567, null, true],
      },
    }],
    ['numbers where an individual gives strings', 'individual-draft', {
      set: { '/principal/contacts/mobile': 13912345678, '/principal/contacts/homePhone': 75526881234 },
    }],
    ['no contacts object', 'enterprise-approved', { unset: ['/principal/contacts'] }],
    ['contacts is an array', 'enterprise-approved', { set: { '/principal/contacts': ['13812345678'] } }],
    ['principal is a string', 'enterprise-approved', { set: { '/principal': '张三' } }],
    ['websites is not an array', 'enterprise-approved', { set: { '/websites': { name: 'x', domains: [{ name: 'www..x' }] } } }],
    ['websites is a string', 'enterprise-approved', { set: { '/websites': 'example-tech.cn' } }],
    ['domains, ips and serviceContent are not arrays', 'government-verified', {
      set: { '/websites/0/domains': 'shili-xihu.gov.cn', '/websites/0/access/ips': '10.0.0.1', '/websites/0/serviceContent': 'news' },
    }],
    ['domain entries are not objects', 'enterprise-approved', { set: { '/websites/0/domains': ['example-tech.cn', null, ['example-tech.cn']] } }],
    ['preApprovals is not an array', 'government-verified', { set: { '/websites/0/preApprovals': 'approved' } }],
    ['no owner', 'enterprise-approved', { unset: ['/owner'] }],
  ];

  it.each(odd)('%s: no crash and no report from these rules', (_title, base, patch) => {
    const result = lintRecords([patched(base, patch)]);
    expect(result.messages.filter((m) => (RULES as readonly string[]).includes(m.ruleId)).map((m) => `${m.ruleId} ${m.path}: ${m.message}`)).toEqual([]);
  });

  it.each([null, [], 'text', 42])('a record that is %j gets no message from these rules', (record) => {
    const text = JSON.stringify(record);
    const result = lintTextWith(testLinter(), text, '/virtual/odd.json', 'json');
    expect(result.messages.filter((m) => (RULES as readonly string[]).includes(m.ruleId))).toEqual([]);
  });
});

describe('required-contacts', () => {
  it('reports every missing contact of a unit at its own path', () => {
    const ms = lint('required-contacts', 'enterprise-approved', { set: { '/principal/contacts': {} } });
    expect(paths(ms)).toEqual(['/principal/contacts/mobile', '/principal/contacts/officePhone', '/principal/contacts/email', '/principal/contacts/mailingAddress']);
    expect(ms.every((m) => m.severity === 'error')).toBe(true);
  });

  it('a unit needs an office phone: a home phone does not replace it', () => {
    const m = one('required-contacts', 'enterprise-approved', { unset: ['/principal/contacts/officePhone'], set: { '/principal/contacts/homePhone': '010-84561234' } });
    expect(m.path).toBe('/principal/contacts/officePhone');
  });

  it('an individual gives an office phone or a home phone; neither is reported once, at officePhone', () => {
    expect(lint('required-contacts', 'individual-draft', { unset: ['/principal/contacts/homePhone'], set: { '/principal/contacts/officePhone': '0755-26881234' } })).toEqual([]);
    expect(lint('required-contacts', 'individual-draft', { set: { '/principal/contacts/officePhone': '0755-26881234' } })).toEqual([]);
    const unset = { unset: ['/principal/contacts/homePhone'] };
    const en = one('required-contacts', 'individual-draft', unset);
    expect(en.path).toBe('/principal/contacts/officePhone');
    expect(en.message).toBe('neither an office phone nor a home phone is given; an individual owner\'s principal must give one of them, with the area code (e.g. 0755-xxxxxxxx) (一、2)');
    const zh = one('required-contacts', 'individual-draft', unset, { locale: 'zh-CN' });
    expect(zh.message).toBe('办公电话和住宅电话都未填写，个人主办者须填写其中之一（带区号，例如 0755-xxxxxxxx）（一、2）');
  });

  it('a blank string and null count as missing; a value of another type does not', () => {
    expect(paths(lint('required-contacts', 'enterprise-approved', { set: { '/principal/contacts/email': '' } }))).toEqual(['/principal/contacts/email']);
    expect(paths(lint('required-contacts', 'enterprise-approved', { set: { '/principal/contacts/email': ' \u3000\t' } }))).toEqual(['/principal/contacts/email']);
    expect(paths(lint('required-contacts', 'enterprise-approved', { set: { '/principal/contacts/mailingAddress': null } }))).toEqual(['/principal/contacts/mailingAddress']);
    expect(lint('required-contacts', 'enterprise-approved', { set: { '/principal/contacts/mobile': 13812345678 } })).toEqual([]);
  });

  it('says what is missing in both locales', () => {
    const patch = { unset: ['/principal/contacts/mobile'] };
    expect(one('required-contacts', 'enterprise-approved', patch).message).toBe("the principal's mobile number is missing; give the 11-digit mobile number (1xx xxxx xxxx) (一、2)");
    expect(one('required-contacts', 'enterprise-approved', patch, { locale: 'zh-CN' }).message).toBe('缺少网站负责人的手机号码，应填写 11 位手机号码（1xx xxxx xxxx）（一、2）');
  });

  it('stays silent when the owner kind is missing or unknown', () => {
    expect(lint('required-contacts', 'enterprise-approved', { unset: ['/owner/kind'], set: { '/principal/contacts': {} } })).toEqual([]);
    expect(lint('required-contacts', 'enterprise-approved', { set: { '/owner/kind': 'company', '/principal/contacts': {} } })).toEqual([]);
    expect(lint('required-contacts', 'enterprise-approved', { set: { '/owner/kind': 'constructor', '/principal/contacts': {} } })).toEqual([]);
  });

  it('takes its lists from the options (config override), with a generic message for other alternatives', () => {
    const rules = { 'required-contacts': { options: { unit: ['mobile', ['email', 'mailingAddress']], individual: [] } } };
    const record = { unset: ['/principal/contacts/officePhone', '/principal/contacts/email', '/principal/contacts/mailingAddress'] };
    const m = one('required-contacts', 'enterprise-approved', record, { rules });
    expect(m.path).toBe('/principal/contacts/email');
    expect(m.message).toBe('none of the contacts email, mailingAddress is given; at least one of them is required (一、2)');
    expect(lint('required-contacts', 'individual-draft', { set: { '/principal/contacts': {} } }, { rules })).toEqual([]);
  });

  it('refuses options naming an unknown contact field', () => {
    expect(() => linter({ rules: { 'required-contacts': { options: { unit: ['fax'], individual: [] } } } })).toThrow(/required-contacts/);
    expect(() => linter({ rules: { 'contact-format': { options: { fields: { fax: 'mobile' } } } } })).toThrow(/contact-format/);
    expect(() => linter({ rules: { 'domain-format': { options: { severity: { subdomain: 'fatal' } } } } })).toThrow(/domain-format/);
    expect(() => linter({ rules: { 'ip-address': { options: { allow: ['private'] } } } })).toThrow(/ip-address/);
  });
});

describe('contact-format', () => {
  it('a fixed line without its area code: masked by default, in full with redact:false', () => {
    const patch = { set: { '/principal/contacts/officePhone': '65123456' } };
    const masked = one('contact-format', 'enterprise-approved', patch);
    expect(masked.path).toBe('/principal/contacts/officePhone');
    expect(masked.severity).toBe('error');
    expect(masked.message).toBe('the phone 65****56 has no area code; add the area code in front, e.g. 010- for Beijing (一、2)');
    expect(masked.message).not.toContain('65123456');
    const zh = one('contact-format', 'enterprise-approved', patch, { locale: 'zh-CN' });
    expect(zh.message).toBe('电话 65****56 缺少区号，请在号码前加上区号，例如北京为 010-（一、2）');
    const full = one('contact-format', 'enterprise-approved', patch, { redact: false });
    expect(full.message).toContain('the phone 65123456 has no area code');
  });

  it('masks a mobile number and an e-mail address unless redact is off', () => {
    const patch = { set: { '/principal/contacts/mobile': '010-65123456', '/principal/contacts/email': 'zhangsan@example-tech.con' } };
    const ms = lint('contact-format', 'enterprise-approved', patch);
    expect(paths(ms)).toEqual(['/principal/contacts/mobile', '/principal/contacts/email']);
    expect(texts(ms)).toEqual([
      'the mobile field holds 010-****3456, a fixed line; give the principal\'s mobile number (fixed lines go in officePhone or homePhone) (一、2)',
      'the email z*******@example-tech.con has an invalid domain example-tech.con, or one not under a public top-level domain; check the spelling (e.g. .con for .com) (一、2)',
    ]);
    const full = texts(lint('contact-format', 'enterprise-approved', patch, { redact: false }));
    expect(full[0]).toContain('010-65123456');
    expect(full[1]).toContain('zhangsan@example-tech.con');
  });

  it('a mobile as office or home phone is a warning, unless the user sets the rule severity', () => {
    const patch = { set: { '/principal/contacts/officePhone': '13812345678' } };
    const m = one('contact-format', 'enterprise-approved', patch);
    expect(m.path).toBe('/principal/contacts/officePhone');
    expect(m.severity).toBe('warning');
    expect(m.message).toContain('138****5678 is a mobile number');
    expect(one('contact-format', 'enterprise-approved', patch, { rules: { 'contact-format': 'error' } }).severity).toBe('error');
    const strict = { rules: { 'contact-format': { options: { severity: { 'email-smtputf8': 'info' } } } } };
    expect(one('contact-format', 'enterprise-approved', patch, strict).severity).toBe('error');
  });

  it.each([
    ['mobile', 'abc', 'mobile-not-a-number', 'is not a phone number'],
    ['mobile', '1381234567', 'mobile-invalid', 'is not valid'],
    ['mobile', '013812345678', 'mobile-invalid', 'is not valid'],
    ['mobile', '+44 20 7946 0958', 'mobile-is-fixed-line', 'a fixed line'],
    ['mobile', '4008108888', 'mobile-not-mobile', 'number type: shared-cost'],
    ['officePhone', '010-6512', 'fixed-line-invalid', 'is not a valid mainland China fixed-line number'],
    ['officePhone', 'n/a', 'fixed-line-not-a-number', 'is not a phone number'],
    ['officePhone', '+852 800 123 456', 'fixed-line-not-fixed-line', 'number type: toll-free'],
    ['officePhone', '400-810-8888', 'fixed-line-not-fixed-line', 'number type: shared-cost'],
    ['email', 'zhangsan', 'email-at-sign', 'expected one @'],
    ['email', 'zhang..san@example-tech.cn', 'email-local-part', 'mailbox name'],
    ['email', `${'z'.repeat(65)}@example-tech.cn`, 'email-too-long', 'too long'],
    ['email', 'zhangsan@[123.125.114.144]', 'email-domain-literal', 'IP address literal'],
    ['email', 'zhangsan@localhost', 'email-domain', 'invalid domain localhost'],
  ])('%s %j: %s', (field, value, _id, fragment) => {
    const m = one('contact-format', 'enterprise-approved', { set: { [`/principal/contacts/${field}`]: value } });
    expect(m.path).toBe(`/principal/contacts/${field}`);
    expect(m.severity).toBe('error');
    expect(m.message).toContain(fragment);
    expect(m.message).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('checks homePhone like officePhone', () => {
    const m = one('contact-format', 'individual-draft', { set: { '/principal/contacts/homePhone': '26881234' } });
    expect(m.path).toBe('/principal/contacts/homePhone');
    expect(m.message).toContain('has no area code');
  });

  it('a non-ASCII mailbox name is valid but gets an info message', () => {
    const m = one('contact-format', 'enterprise-approved', { set: { '/principal/contacts/email': '张三@示例科技.中国' } });
    expect(m.severity).toBe('info');
    expect(m.message).toContain('张*@示例科技.中国');
  });

  it.each([
    ['mobile', '+86 138-1234-5678'],
    ['mobile', '０１３８１２３４５６７８'.slice(1)],
    ['officePhone', '(010) 6512 3456'],
    ['officePhone', '010-65123456-8001'],
    ['officePhone', '+86 10 6512 3456'],
    ['email', ' ZhangSan@Example-Tech.CN '],
  ])('accepts %s %j', (field, value) => {
    expect(lint('contact-format', 'enterprise-approved', { set: { [`/principal/contacts/${field}`]: value } })).toEqual([]);
  });

  it('leaves blank and missing contacts to required-contacts, and never checks the mailing address', () => {
    expect(lint('contact-format', 'enterprise-approved', { set: { '/principal/contacts/email': '', '/principal/contacts/mobile': ' ' } })).toEqual([]);
    expect(lint('contact-format', 'enterprise-approved', { unset: ['/principal/contacts/officePhone'] })).toEqual([]);
    expect(lint('contact-format', 'enterprise-approved', { set: { '/principal/contacts/mailingAddress': '@@@' } })).toEqual([]);
  });
});

describe('domain-format', () => {
  it('a subdomain is a warning naming the registrable domain, in both locales', () => {
    const patch = { set: { '/websites/0/domains/1/name': 'www.example-tech.com.cn' } };
    const m = one('domain-format', 'enterprise-approved', patch);
    expect(m.path).toBe('/websites/0/domains/1/name');
    expect(m.severity).toBe('warning');
    expect(m.message).toBe('www.example-tech.com.cn is a subdomain; file the registrable domain example-tech.com.cn (一、3)');
    expect(one('domain-format', 'enterprise-approved', patch, { locale: 'zh-CN' }).message).toBe('www.example-tech.com.cn 是子域名，应备案可注册域名 example-tech.com.cn（一、3）');
  });

  it('names the registrable domain of an IDN subdomain in the form it was given', () => {
    expect(one('domain-format', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'www.示例科技.中国' } }).message).toContain('file the registrable domain 示例科技.中国');
    expect(one('domain-format', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'www.xn--fsqz57bwsqkra.xn--fiqs8s' } }).message).toContain(
      'file the registrable domain xn--fsqz57bwsqkra.xn--fiqs8s',
    );
  });

  it.each([
    ['  ', 'error', 'the domain name is blank'],
    ['ex_ample.cn', 'error', 'characters a domain name cannot hold'],
    ['-example.cn', 'error', 'hyphen'],
    ['example..cn', 'error', 'empty label'],
    [`${'a'.repeat(64)}.cn`, 'error', 'too long'],
    ['example.123', 'error', 'all-numeric'],
    ['xn--zz.cn', 'error', 'internationalised'],
    ['123.125.114.144', 'error', 'is an IP address, not a domain name'],
    ['example-tech.local', 'error', '(.local is not one'],
    ['com.cn', 'error', 'is itself a public suffix'],
    ['example-tech.github.io', 'warning', 'under github.io'],
    ['example-tech.cn.', 'warning', 'ends in a dot; write example-tech.cn'],
  ])('%j: %s', (name, severity, fragment) => {
    const m = one('domain-format', 'enterprise-approved', { set: { '/websites/0/domains/0/name': name } });
    expect(m.path).toBe('/websites/0/domains/0/name');
    expect(m.severity).toBe(severity);
    expect(m.message).toContain(fragment);
    expect(m.message).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('checks every domain of every website', () => {
    const second = { name: '商城', domains: [{ name: 'shop.example-tech.cn', registrant: '北京示例科技有限公司' }, { name: 'http://x.cn', registrant: '北京示例科技有限公司' }], serviceContent: ['e-commerce'], access: { providerName: 'p', method: 'cloud', serverLocation: '北京市', ips: ['123.125.114.144'] } };
    const ms = lint('domain-format', 'enterprise-approved', { set: { '/websites/1': second } });
    expect(paths(ms)).toEqual(['/websites/1/domains/0/name', '/websites/1/domains/1/name']);
    expect(ms.map((m) => m.severity)).toEqual(['warning', 'error']);
  });

  it('the severity table is an option: a subdomain can be made an error', () => {
    const rules = { 'domain-format': { options: { severity: { 'private-suffix': 'warning' } } } };
    expect(one('domain-format', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'www.example-tech.cn' } }, { rules }).severity).toBe('error');
  });
});

describe('owner-domain-consistency', () => {
  it('a registrant other than the owner, in both locales', () => {
    const patch = { set: { '/websites/0/domains/0/registrant': '北京示例网络有限公司' } };
    const m = one('owner-domain-consistency', 'enterprise-approved', patch);
    expect(m.path).toBe('/websites/0/domains/0/registrant');
    expect(m.message).toBe('the domain example-tech.cn is held by 北京示例网络有限公司, not by the owner 北京示例科技有限公司; the domain holder must be the website owner (二、(二)1.(5))');
    expect(one('owner-domain-consistency', 'enterprise-approved', patch, { locale: 'zh-CN' }).message).toBe(
      '域名 example-tech.cn 的所有者是 北京示例网络有限公司，与主办者 北京示例科技有限公司 不一致；域名所有者应为网站主办者（二、(二)1.(5)）',
    );
  });

  it('a missing, blank or null registrant is reported at the path it should have', () => {
    for (const patch of [{ unset: ['/websites/0/domains/1/registrant'] }, { set: { '/websites/0/domains/1/registrant': '' } }, { set: { '/websites/0/domains/1/registrant': null } }]) {
      const m = one('owner-domain-consistency', 'enterprise-approved', patch);
      expect(m.path).toBe('/websites/0/domains/1/registrant');
      expect(m.line).toBeGreaterThan(0);
      expect(m.message).toContain('the holder of example-tech.com.cn is not recorded, so its ownership was not verified');
    }
  });

  it.each([
    ['李 四', 'individual-draft'],
    ['\u200b李四\u3000', 'individual-draft'],
    ['北京示例科技有限公司 ', 'enterprise-approved'],
    ['ＢＥＩＪＩＮＧ示例科技有限公司', 'enterprise-approved'],
  ])('%j names the owner after normalisation', (registrant, base) => {
    const owner = base === 'enterprise-approved' && registrant.startsWith('Ｂ') ? 'Beijing示例科技有限公司' : undefined;
    const set: Record<string, unknown> = { '/websites/0/domains/0/registrant': registrant };
    if (owner) Object.assign(set, { '/owner/name': owner, '/websites/0/domains/1/registrant': 'beijing示例科技有限公司' });
    expect(lint('owner-domain-consistency', base, { set })).toEqual([]);
  });

  it('without an owner name it still reports a missing registrant but compares nothing', () => {
    expect(paths(lint('owner-domain-consistency', 'enterprise-approved', { unset: ['/owner/name', '/websites/0/domains/0/registrant'], set: { '/websites/0/domains/1/registrant': '别人' } }))).toEqual([
      '/websites/0/domains/0/registrant',
    ]);
  });

  it('checks domains of every website, and skips domains without a name', () => {
    const second = { name: '商城', domains: [{ name: 'shop-example.cn', registrant: '张三' }, { registrant: '张三' }], serviceContent: ['e-commerce'], access: { providerName: 'p', method: 'cloud', serverLocation: '北京市', ips: ['123.125.114.144'] } };
    expect(paths(lint('owner-domain-consistency', 'enterprise-approved', { set: { '/websites/1': second } }))).toEqual(['/websites/1/domains/0/registrant']);
  });
});

describe('pre-approval', () => {
  it('a code needing pre-approval without one is reported at the code, in both locales', () => {
    const patch = { set: { '/websites/0/serviceContent': ['corporate', 'education', 'news'] } };
    const ms = lint('pre-approval', 'enterprise-approved', patch);
    expect(paths(ms)).toEqual(['/websites/0/serviceContent/1', '/websites/0/serviceContent/2']);
    expect(ms[0]!.message).toBe('the service content education needs a pre-approval (《互联网信息服务管理办法》（国务院令第292号）第五条, from 2000-09-25), but there is none of category education; add it to preApprovals with its approval number (一、3)');
    expect(texts(lint('pre-approval', 'enterprise-approved', patch, { locale: 'zh-CN' }))[1]).toBe(
      '服务内容 新闻（news） 须经前置审批（依据《互联网信息服务管理办法》（国务院令第292号）第五条，自 2000-09-25 起），但没有类别为 news 的前置审批；请在 preApprovals 中填写该审批及其审批文号（一、3）',
    );
  });

  it('an entry without a number is reported at its approvalNumber', () => {
    const ms = lint('pre-approval', 'government-verified', { unset: ['/websites/0/preApprovals/0/approvalNumber'] });
    expect(paths(ms)).toEqual(['/websites/0/preApprovals/0/approvalNumber']);
    expect(ms[0]!.line).toBeGreaterThan(0);
    expect(ms[0]!.message).toBe('the news pre-approval has no approval number; give the number of the approval document or licence (一、3)');
  });

  it('one numbered entry of the category is enough; several without a number point at the first', () => {
    const approvals = (n1: unknown, n2: unknown) => [{ category: 'culture', approvalNumber: 'x' }, { category: 'news', approvalNumber: n1 }, { category: 'news', approvalNumber: n2 }];
    expect(lint('pre-approval', 'government-verified', { set: { '/websites/0/preApprovals': approvals('', '33120260001') } })).toEqual([]);
    expect(paths(lint('pre-approval', 'government-verified', { set: { '/websites/0/preApprovals': approvals('', ' ') } }))).toEqual(['/websites/0/preApprovals/1/approvalNumber']);
  });

  it('an approval number of another type counts as given (the schema reports its type)', () => {
    expect(lint('pre-approval', 'government-verified', { set: { '/websites/0/preApprovals/0/approvalNumber': 33120260001 } })).toEqual([]);
  });

  it('reports a repeated code once, and checks each website against its own pre-approvals', () => {
    const second = { name: '门户二', domains: [{ name: 'shili-xihu2.gov.cn', registrant: '杭州市西湖区示例事务局' }], serviceContent: ['news', 'news'], access: { providerName: 'p', method: 'cloud', serverLocation: '杭州', ips: ['115.236.10.20'] } };
    expect(paths(lint('pre-approval', 'government-verified', { set: { '/websites/1': second } }))).toEqual(['/websites/1/serviceContent/0']);
  });

  it('takes the codes from the options', () => {
    const rules = { 'pre-approval': { options: { categories: ['forum'] } } };
    expect(paths(lint('pre-approval', 'enterprise-approved', { set: { '/websites/0/serviceContent': ['forum', 'news'] } }, { rules }))).toEqual(['/websites/0/serviceContent/0']);
  });
});

describe('ip-address', () => {
  it('a private address, in both locales', () => {
    const patch = { set: { '/websites/0/access/ips/0': '192.168.1.10' } };
    expect(one('ip-address', 'individual-draft', patch).message).toBe('192.168.1.10 is a private address; the access IP must be public unicast (一、4)');
    expect(one('ip-address', 'individual-draft', patch, { locale: 'zh-CN' }).message).toBe('192.168.1.10 是内网地址；网站 IP 应为公网单播地址（一、4）');
  });

  it.each([
    ['10.1.2.3', 'is a private address'],
    ['fd00::1', 'is a private address'],
    ['::ffff:192.168.1.10', '::ffff:192.168.1.10 is a private address'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['203.0.113.5', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'special-purpose range (reserved)'],
    ['0.0.0.0', 'special-purpose range (unspecified, "this network")'],
    ['198.18.0.1', 'special-purpose range (benchmarking)'],
    ['123.125.114.0/24', 'is a network, not an address'],
    ['123.125.114.144:80', 'has a port number'],
    ['[2400:da00::6666]', 'remove the brackets'],
    ['fe80::1%eth0', 'zone index'],
    ['123.125.114.256', 'not an IPv4 or IPv6 address'],
    ['123.125.114.0144', 'not plain dotted decimal'],
    ['010.1.1.1', 'not plain dotted decimal'],
    ['server-1', 'not an IPv4 or IPv6 address'],
    [' ', 'the IP address is blank'],
  ])('%j: %s', (ip, fragment) => {
    const m = one('ip-address', 'enterprise-approved', { set: { '/websites/0/access/ips/1': ip } });
    expect(m.path).toBe('/websites/0/access/ips/1');
    expect(m.message).toContain(fragment);
    expect(m.message).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('checks every address of every website; public addresses pass in any notation', () => {
    const second = { name: '商城', domains: [{ name: 'shop-example.cn', registrant: '北京示例科技有限公司' }], serviceContent: ['e-commerce'], access: { providerName: 'p', method: 'cloud', serverLocation: '北京市', ips: [' 123.125.114.145 ', '2400:DA00:0:0:0:0:0:6667', '10.0.0.8'] } };
    expect(paths(lint('ip-address', 'enterprise-approved', { set: { '/websites/1': second } }))).toEqual(['/websites/1/access/ips/2']);
  });
});

describe('duplicate-domain', () => {
  it('reports each later occurrence, naming the first, in both locales', () => {
    const patch = { set: { '/websites/0/domains/1/name': 'example-tech.cn', '/websites/0/domains/2': { name: 'example-tech.cn', registrant: '北京示例科技有限公司' } } };
    const ms = lint('duplicate-domain', 'enterprise-approved', patch);
    expect(paths(ms)).toEqual(['/websites/0/domains/1/name', '/websites/0/domains/2/name']);
    expect(ms[1]!.message).toBe('the domain example-tech.cn appears twice in this record (first at /websites/0/domains/0/name); list each domain once (一、3)');
    expect(texts(lint('duplicate-domain', 'enterprise-approved', patch, { locale: 'zh-CN' }))[0]).toBe(
      '域名 example-tech.cn 在本记录中重复出现（前一次在 /websites/0/domains/0/name）；每个域名只应填写一次（一、3）',
    );
  });

  it('folds case, a trailing dot and the ideographic full stop', () => {
    const ms = lint('duplicate-domain', 'enterprise-approved', { set: { '/websites/0/domains/1/name': ' Example-Tech.CN. ' } });
    expect(paths(ms)).toEqual(['/websites/0/domains/1/name']);
    expect(ms[0]!.message).toContain('the domain Example-Tech.CN. is the same domain as example-tech.cn at /websites/0/domains/0/name');
    expect(paths(lint('duplicate-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': '示例科技。中国', '/websites/0/domains/1/name': '示例科技.中国' } }))).toEqual([
      '/websites/0/domains/1/name',
    ]);
  });

  it('finds repeats across websites, and repeats of the same invalid name', () => {
    const second = { name: '商城', domains: [{ name: 'ex_ample.cn', registrant: '北京示例科技有限公司' }, { name: 'example-tech.com.cn', registrant: '北京示例科技有限公司' }], serviceContent: ['e-commerce'], access: { providerName: 'p', method: 'cloud', serverLocation: '北京市', ips: ['123.125.114.144'] } };
    const ms = lint('duplicate-domain', 'enterprise-approved', { set: { '/websites/0/domains/0/name': 'ex_ample.cn', '/websites/1': second } });
    expect(paths(ms)).toEqual(['/websites/1/domains/0/name', '/websites/1/domains/1/name']);
    expect(ms[1]!.message).toContain('(first at /websites/0/domains/1/name)');
  });

  it('a subdomain of a filed domain is not a repeat', () => {
    expect(lint('duplicate-domain', 'enterprise-approved', { set: { '/websites/0/domains/1/name': 'www.example-tech.cn' } })).toEqual([]);
  });
});
