import { describe, expect, it } from 'vitest';
import { bundledRuleSet, Linter, type LintMessage } from '../../src/engine/index.js';
import { USCC_CATEGORIES } from '../../src/domain/uscc.js';
import { numberKey, sameNumber, joinEn, joinZh } from '../../src/checks/identity/shared.js';
import { showChar } from '../../src/checks/identity/document-number.js';
import { baseRecord, patched, type Patch } from '../support/records.js';
import { lintRecords, messagesOf, TEST_NOW, lintTextWith } from '../support/lint.js';

// Edge cases of the identity rules (the owner's and the principal's
// documents); the rule files' examples cover the plain cases.

const IDENTITY_RULES = [
  'owner-document-type',
  'principal-document-type',
  'fallback-document',
  'document-number',
  'first-generation-id-card',
  'document-holder',
  'principal-role',
  'uscc-category',
  'document-verification',
] as const;
type RuleId = (typeof IDENTITY_RULES)[number];

const FIXTURES = ['enterprise-approved', 'individual-draft', 'government-verified'] as const;

function lint(base: string | Record<string, unknown>, patch: Patch = {}, options: Parameters<typeof lintRecords>[1] = {}) {
  return lintRecords([patched(base, patch)], options);
}

/** The messages of one rule for a patched record. */
function run(rule: RuleId, base: string | Record<string, unknown>, patch: Patch = {}, options: Parameters<typeof lintRecords>[1] = {}): LintMessage[] {
  return messagesOf(lint(base, patch, options), rule);
}

function paths(messages: LintMessage[]): string[] {
  return messages.map((m) => m.path).sort();
}

/** The single message of a rule, in English and in Chinese. */
function both(rule: RuleId, base: string, patch: Patch, redact = true): { en: LintMessage; zh: LintMessage } {
  const en = run(rule, base, patch, { redact });
  const zh = run(rule, base, patch, { locale: 'zh-CN', redact });
  expect(en).toHaveLength(1);
  expect(zh).toHaveLength(1);
  return { en: en[0]!, zh: zh[0]! };
}

function identityMessages(messages: LintMessage[]): LintMessage[] {
  return messages.filter((m) => (IDENTITY_RULES as readonly string[]).includes(m.ruleId));
}

describe('canonical fixtures', () => {
  it.each(FIXTURES)('%s gets no message from the identity rules', (name) => {
    const result = lintRecords([baseRecord(name)]);
    expect(identityMessages(result.messages).map((m) => `${m.ruleId} ${m.path}: ${m.message}`)).toEqual([]);
  });
});

describe('odd input', () => {
  const odd: Array<[string, string, Patch]> = [
    ['owner is a string', 'enterprise-approved', { set: { '/owner': 'Acme' } }],
    ['owner is null', 'individual-draft', { set: { '/owner': null } }],
    ['owner is an array', 'government-verified', { set: { '/owner': [] } }],
    ['principal is a number', 'enterprise-approved', { set: { '/principal': 7 } }],
    ['no owner document', 'enterprise-approved', { unset: ['/owner/document'] }],
    ['no principal document', 'individual-draft', { unset: ['/principal/document'] }],
    ['document is a string', 'government-verified', { set: { '/owner/document': '00019876-6' } }],
    ['number is a number', 'individual-draft', { set: { '/owner/document/number': 440305199008152342, '/principal/document/number': 440305199008152342 } }],
    ['type is a number', 'enterprise-approved', { set: { '/owner/document/type': 3, '/principal/document/type': null } }],
    ['unknown document types', 'individual-draft', { set: { '/owner/document/type': 'id-card', '/principal/document/type': 'id-card' } }],
    ['empty numbers', 'enterprise-approved', { set: { '/owner/document/number': '', '/principal/document/number': '' }, unset: ['/verification'] }],
    ['holder is an object', 'enterprise-approved', { set: { '/owner/document/holder': { name: 'x' } } }],
    ['kind is unknown', 'enterprise-approved', { set: { '/owner/kind': 'company' } }],
    ['unitType is unknown', 'enterprise-approved', { set: { '/owner/unitType': 'company' } }],
    ['citizenship is lower case', 'individual-draft', { set: { '/owner/citizenship': 'cn', '/principal/citizenship': 'cn' } }],
    ['onSite documents is an object', 'enterprise-approved', { set: { '/verification/onSite/documents': { 0: {} } } }],
    ['onSite documents holds junk', 'enterprise-approved', { set: { '/verification/onSite/documents/0': 'licence', '/verification/onSite/documents/1': null } }],
    ['verification is a string', 'government-verified', { set: { '/verification': 'done' } }],
    ['flags missing or not booleans', 'enterprise-approved', { unset: ['/verification/onSite/documents/0/original'], set: { '/verification/onSite/documents/1/copyRetained': 'yes' } }],
  ];

  it.each(odd)('%s: no crash, no identity report', (_title, base, patch) => {
    const result = lint(base, patch);
    // The schema rule reports these; an internal error would come under the rule's id with path ''.
    expect(identityMessages(result.messages).map((m) => `${m.ruleId} ${m.path}: ${m.message}`)).toEqual([]);
  });

  it('a record that is not an object gets no identity report', () => {
    for (const record of [[1, 2], 'x', 42, null]) {
      const result = lintTextWith(new Linter({ ruleSet: bundledRuleSet(), now: TEST_NOW }), JSON.stringify(record), '/virtual/odd.json', 'json');
      expect(identityMessages(result.messages)).toEqual([]);
    }
  });
});

describe('owner-document-type', () => {
  it('names the unit type and the allowed documents, in both locales', () => {
    const { en, zh } = both('owner-document-type', 'government-verified', { set: { '/owner/document/type': 'business-license' } });
    expect(en.path).toBe('/owner/document/type');
    expect(en.message).toBe(
      'owner document type "business-license" is not allowed for a unit of type government; use org-code-certificate or uscc-certificate (一、1.(1)(2))',
    );
    expect(zh.message).toBe(
      '主办者证件类型工商营业执照（business-license）不适用于机关，应为组织机构代码证书（org-code-certificate）或统一社会信用代码证书（uscc-certificate）（一、1.(1)(2)）',
    );
  });

  it.each([
    ['military', 'org-code-certificate', true],
    ['military', 'military-code-certificate', false],
    ['social-group', 'social-group-legal-person-certificate', false],
    ['social-group', 'institution-legal-person-certificate', true],
    ['institution', 'business-license', true],
    ['enterprise', 'business-license', false],
    ['enterprise', 'institution-legal-person-certificate', true],
    ['government', 'passport', true],
  ])('a %s unit showing %s: reported = %s', (unitType, type, reported) => {
    const messages = run('owner-document-type', 'government-verified', { set: { '/owner/unitType': unitType, '/owner/document/type': type } });
    expect(paths(messages)).toEqual(reported ? ['/owner/document/type'] : []);
  });

  it('an individual of another citizenship must show a passport or a permanent resident ID card', () => {
    const { en, zh } = both('owner-document-type', 'individual-draft', { set: { '/owner/citizenship': 'US' } });
    expect(en.message).toBe(
      'owner document type "resident-id-card" is not allowed for a citizen of another country (US); use passport or foreign-permanent-resident-id (一、1.(1)(2))',
    );
    expect(zh.message).toContain('不适用于国籍为 US 的人，应为护照（passport）或外国人永久居留身份证（foreign-permanent-resident-id）');
  });

  it('a Chinese individual may use each fallback document', () => {
    for (const type of ['household-register', 'officer-id', 'taiwan-compatriot-permit', 'hk-macao-permit', 'hmt-residence-permit', 'passport']) {
      expect(run('owner-document-type', 'individual-draft', { set: { '/owner/document/type': type } })).toEqual([]);
    }
  });

  it('is silent without a unit type or a citizenship (the schema reports those)', () => {
    expect(run('owner-document-type', 'government-verified', { unset: ['/owner/unitType'], set: { '/owner/document/type': 'passport' } })).toEqual([]);
    expect(run('owner-document-type', 'individual-draft', { unset: ['/owner/citizenship'], set: { '/owner/document/type': 'business-license' } })).toEqual([]);
  });

  it('does not look at the principal', () => {
    expect(run('owner-document-type', 'enterprise-approved', { set: { '/principal/document/type': 'business-license' } })).toEqual([]);
  });
});

describe('principal-document-type', () => {
  it('says which documents a CN citizen may show, in both locales', () => {
    const { en, zh } = both('principal-document-type', 'enterprise-approved', {
      set: { '/principal/document/type': 'foreign-permanent-resident-id', '/principal/document/number': '911840199008151235' },
    });
    expect(en.path).toBe('/principal/document/type');
    expect(en.message).toBe(
      'principal document type "foreign-permanent-resident-id" is not allowed for a Chinese citizen; use resident-id-card, household-register, officer-id, taiwan-compatriot-permit, hk-macao-permit, hmt-residence-permit or passport (一、1.(1)(2))',
    );
    expect(zh.message).toBe(
      '网站负责人证件类型外国人永久居留身份证（foreign-permanent-resident-id）不适用于中国公民，应为居民身份证（resident-id-card）、户口簿（household-register）、军官证（officer-id）、台胞证（taiwan-compatriot-permit）、港澳居民来往内地通行证（hk-macao-permit）、港澳台居民居住证（hmt-residence-permit）或护照（passport）（一、1.(1)(2)）',
    );
  });

  it('goes by the principal\'s citizenship, not the owner\'s', () => {
    // A principal of another citizenship heading a Chinese enterprise shows a passport.
    expect(run('principal-document-type', 'enterprise-approved', { set: { '/principal/citizenship': 'DE', '/principal/document/type': 'passport', '/principal/document/number': 'C01X00T47' } })).toEqual([]);
    // An individual owner's citizenship does not decide the principal's documents.
    expect(run('principal-document-type', 'individual-draft', { set: { '/owner/citizenship': 'US' } })).toEqual([]);
  });

  it('a unit document is no personal document', () => {
    expect(paths(run('principal-document-type', 'enterprise-approved', { set: { '/principal/document/type': 'org-code-certificate' } }))).toEqual(['/principal/document/type']);
  });

  it('is silent when the citizenship is missing or malformed', () => {
    expect(run('principal-document-type', 'enterprise-approved', { unset: ['/principal/citizenship'], set: { '/principal/document/type': 'passport' } })).toEqual([]);
    expect(run('principal-document-type', 'enterprise-approved', { set: { '/principal/citizenship': 'China', '/principal/document/type': 'passport' } })).toEqual([]);
  });
});

describe('fallback-document', () => {
  it('is an info message naming the first choice, in both locales', () => {
    const { en, zh } = both('fallback-document', 'enterprise-approved', { set: { '/principal/document/type': 'household-register' } });
    expect(en.severity).toBe('info');
    expect(en.path).toBe('/principal/document/type');
    expect(en.message).toBe(
      "the principal's document is household-register, not the first choice resident-id-card; allowed only where there is no resident-id-card (一、1.(1)(2))",
    );
    expect(zh.message).toBe('网站负责人使用的是户口簿（household-register），不是第一证件居民身份证（resident-id-card）；仅在没有居民身份证时可以使用（一、1.(1)(2)）');
  });

  it('a social group showing its legal-person certificate', () => {
    expect(paths(run('fallback-document', 'government-verified', { set: { '/owner/unitType': 'social-group', '/owner/document/type': 'social-group-legal-person-certificate' } }))).toEqual(['/owner/document/type']);
  });

  it('is silent for a document that is not allowed at all (the document-type rules report it)', () => {
    expect(run('fallback-document', 'government-verified', { set: { '/owner/document/type': 'institution-legal-person-certificate' } })).toEqual([]);
    expect(run('fallback-document', 'enterprise-approved', { set: { '/principal/document/type': 'business-license' } })).toEqual([]);
  });

  it('has no fallback for enterprises and the military; a passport is the first choice for another citizenship', () => {
    expect(run('fallback-document', 'enterprise-approved', { set: { '/owner/document/type': 'org-code-certificate' } })).toEqual([]);
    expect(run('fallback-document', 'government-verified', { set: { '/owner/unitType': 'military', '/owner/document/type': 'military-code-certificate' } })).toEqual([]);
    expect(run('fallback-document', 'enterprise-approved', { set: { '/principal/citizenship': 'GB', '/principal/document/type': 'passport' } })).toEqual([]);
  });

  it("notes an individual's principal separately when the principal shows another document", () => {
    const messages = run('fallback-document', 'individual-draft', {
      set: { '/owner/document/type': 'household-register', '/principal/document/type': 'officer-id', '/principal/document/number': '军字第1234567号' },
    });
    expect(paths(messages)).toEqual(['/owner/document/type', '/principal/document/type']);
  });
});

describe('document-number', () => {
  const principal = (number: string, extra: Record<string, unknown> = {}) =>
    run('document-number', 'enterprise-approved', { set: { '/principal/document/number': number, ...extra } });

  it('check character, in both locales', () => {
    const { en, zh } = both('document-number', 'enterprise-approved', { set: { '/principal/document/number': '110105198506121234' } });
    expect(en.path).toBe('/principal/document/number');
    expect(en.message).toBe('the citizen ID number has a wrong check character; check character should be X, not 4 (一、1)');
    expect(zh.message).toBe('公民身份号码的校验码错误：校验码应为 X，而不是 4（一、1）');
  });

  it.each([
    ['region', '100105198506121238', 'starts with 100105, which is no GB/T 2260 region code'],
    ['birth date', '110105198513121230', 'digits 7–14 of the citizen ID number are not a possible birth date'],
    ['future birth date', '110105202712011233', 'the birth date in the citizen ID number is in the future'],
    ['lower-case x', '11010519850612123x', 'ends in a lower-case x; the check character must be an upper-case X (fixable)'],
    ['length', '1101051985061212', 'the citizen ID number has 16 characters; expected 18'],
    ['characters', '11010519850612l23X', 'not allowed at position 15 (l); expected digits, and X as the last character'],
    ['X in the middle', '1101051985X612123X', 'not allowed at position 11 (X)'],
    // 1.1: a blank or padded number is the whitespace rule's; the others read it trimmed (tests/rules/record-wide-1.1.test.ts).
    ['space inside', '1101051985 0612123', 'not allowed at position 11 (U+0020)'],
    ['foreign permanent resident', '911840198506121237', 'foreign permanent resident ID number (nationality code 840)'],
  ])('citizen ID: %s', (_title, number, text) => {
    const messages = principal(number);
    expect(paths(messages)).toEqual(['/principal/document/number']);
    expect(messages[0]!.message).toContain(text);
  });

  it.each([
    ['USCC check character', 'business-license', '911101055536123499', 'the unified social credit code has a wrong check character; check character should be 8, not 9'],
    ['organisation code inside the USCC', 'business-license', '91110105553612340C', 'the organisation code inside the unified social credit code (characters 9–17) fails its GB 11714 check; character 17 should be 9'],
    ['USCC region', 'business-license', '91990105553612349Y', 'characters 3–8 of the unified social credit code (990105) are no region code'],
    ['USCC lower case', 'business-license', '91110105553612349b', 'not allowed at position'],
    ['licence length', 'business-license', '9111010555361234', 'the business-license number has 16 characters; expected 15 or 18'],
    ['registration number', 'business-license', '110105000000013', 'the business registration number has a wrong check character; check character should be 2, not 3'],
    ['organisation code', 'org-code-certificate', '00019876-5', 'the organisation code has a wrong check character; check character should be 6, not 5'],
    ['org-code certificate length', 'org-code-certificate', '0001987', 'has 7 characters; expected 9, 10 or 18'],
    ['legal-person certificate', 'institution-legal-person-certificate', '000198766', 'the unified social credit code has 9 characters; expected 18'],
    ['military code', 'military-code-certificate', '军-1', 'the military code certificate number has a character that is not allowed at position 2 (-)'],
  ])('owner: %s', (_title, type, number, text) => {
    const messages = run('document-number', 'enterprise-approved', { set: { '/owner/document/type': type, '/owner/document/number': number } });
    expect(paths(messages)).toEqual(['/owner/document/number']);
    expect(messages[0]!.message).toContain(text);
  });

  it('length in Chinese, with a range', () => {
    const [zh] = run('document-number', 'enterprise-approved', { set: { '/principal/document/type': 'officer-id', '/principal/document/number': 'ab' } }, { locale: 'zh-CN' });
    expect(zh!.message).toBe('军官证号码长度为 2 位，应为 4 至 30 位（一、1）');
  });

  it('passports: any form for a foreigner, the Chinese forms for a CN citizen', () => {
    expect(principal('C01X00T47', { '/principal/citizenship': 'DE', '/principal/document/type': 'passport' })).toEqual([]);
    const cn = principal('X1234', { '/principal/document/type': 'passport' });
    expect(paths(cn)).toEqual(['/principal/document/number']);
    expect(cn[0]!.message).toContain('the Chinese passport number has none of the known forms; expected E or G + 8 digits');
    expect(principal('1234', { '/principal/citizenship': 'DE', '/principal/document/type': 'passport' })[0]!.message).toContain('has 4 characters; expected 5 to 20');
  });

  it('Taiwan compatriot permit forms', () => {
    expect(principal('12345678', { '/principal/document/type': 'taiwan-compatriot-permit' })).toEqual([]);
    expect(principal('0561682001（D）', { '/principal/document/type': 'taiwan-compatriot-permit' })).toEqual([]);
    const bad = principal('123456789', { '/principal/document/type': 'taiwan-compatriot-permit' });
    expect(bad[0]!.message).toContain('the Taiwan compatriot permit number has none of the known forms');
  });

  it('an individual owner\'s passport is checked for the owner\'s citizenship', () => {
    const set = { '/owner/document/type': 'passport', '/owner/document/number': 'C01X00T47', '/principal/document/type': 'passport', '/principal/document/number': 'C01X00T47' };
    expect(run('document-number', 'individual-draft', { set: { ...set, '/owner/citizenship': 'DE', '/principal/citizenship': 'DE' } })).toEqual([]);
    expect(paths(run('document-number', 'individual-draft', { set }))).toEqual(['/owner/document/number', '/principal/document/number']);
  });

  it('stays silent on 15-digit first-generation numbers, malformed or not', () => {
    expect(principal('440305900815234')).toEqual([]);
    expect(principal('100105851312123')).toEqual([]);
    expect(principal('110105851312123', { '/principal/document/type': 'household-register' })).toEqual([]);
  });

  it('stays silent on unknown types, empty and non-string numbers', () => {
    expect(principal('123', { '/principal/document/type': 'id-card' })).toEqual([]);
    expect(principal('')).toEqual([]);
    expect(run('document-number', 'enterprise-approved', { set: { '/owner/document/number': 911101055536123498 } })).toEqual([]);
  });

  it('never quotes the number itself', () => {
    for (const redact of [true, false]) {
      const [m] = run('document-number', 'enterprise-approved', { set: { '/principal/document/number': '110105198506121234' } }, { redact });
      expect(m!.message).not.toContain('1101051985');
    }
  });

  it('shows invisible characters by code point', () => {
    expect(showChar('A')).toBe('A');
    expect(showChar('-')).toBe('-');
    expect(showChar(' ')).toBe('U+0020');
    expect(showChar('\u3000')).toBe('U+3000');
    expect(showChar('\u200b')).toBe('U+200B');
  });
});

describe('first-generation-id-card', () => {
  const FIRST = '440305900815234';
  const UPGRADED = '440305199008152342';

  it('gives the 18-character number, masked unless redaction is off, in both locales', () => {
    const patch = { set: { '/principal/document/number': FIRST, '/principal/document/holder': '李四', '/principal/name': '李四' } };
    const { en, zh } = both('first-generation-id-card', 'enterprise-approved', patch);
    expect(en.path).toBe('/principal/document/number');
    expect(en.message).toBe('a 15-digit first-generation ID number is no longer valid; use the 18-character citizen ID number (it would be 440305********2342) (一、1)');
    expect(zh.message).toBe('15 位第一代身份证号码已停止使用，应填写 18 位公民身份号码（对应号码为 440305********2342）（一、1）');
    expect(en.message).not.toContain(UPGRADED);
    const plain = both('first-generation-id-card', 'enterprise-approved', patch, false);
    expect(plain.en.message).toContain(UPGRADED);
    expect(plain.zh.message).toContain(UPGRADED);
  });

  it('reports a malformed 15-digit number without quoting it', () => {
    const [m] = run('first-generation-id-card', 'enterprise-approved', { set: { '/principal/document/number': '100105851312123' } }, { redact: false });
    expect(m!.path).toBe('/principal/document/number');
    expect(m!.message).toContain('this one has an invalid region code or birth date');
    expect(m!.message).not.toContain('100105851312123');
  });

  it('only for citizen ID numbers', () => {
    expect(run('first-generation-id-card', 'enterprise-approved', { set: { '/owner/document/number': '110105000000012' } })).toEqual([]);
    expect(run('first-generation-id-card', 'enterprise-approved', { set: { '/principal/document/type': 'passport', '/principal/document/number': FIRST } })).toEqual([]);
    expect(run('first-generation-id-card', 'enterprise-approved', { set: { '/principal/document/type': 'officer-id', '/principal/document/number': FIRST } })).toEqual([]);
    // 15 characters with an X are a wrong length for document-number, not a first-generation number.
    expect(run('first-generation-id-card', 'enterprise-approved', { set: { '/principal/document/number': '44030590081523X' } })).toEqual([]);
  });

  it('is silent for a number that is a number', () => {
    expect(run('first-generation-id-card', 'enterprise-approved', { set: { '/principal/document/number': 440305900815234 } })).toEqual([]);
  });
});

describe('document-holder', () => {
  it('names both names, in both locales', () => {
    const { en, zh } = both('document-holder', 'enterprise-approved', { set: { '/principal/document/holder': '张山' } }, false);
    expect(en.path).toBe('/principal/document/holder');
    expect(en.message).toBe('the document holder "张山" is not the principal\'s name "张三" (they differ from character 2 on) (二、(二)1.(5))');
    expect(zh.message).toBe('证件持有者“张山”与网站负责人名称“张三”不一致（自第 2 个字起不同）（二、(二)1.(5)）');
    // 1.1: names of natural persons are personal data, masked unless redaction is off.
    expect(both('document-holder', 'enterprise-approved', { set: { '/principal/document/holder': '张山' } }).zh.message).toBe(
      '证件持有者“张*”与网站负责人名称“张*”不一致（自第 2 个字起不同）（二、(二)1.(5)）',
    );
  });

  it('compares names after normalisation', () => {
    expect(run('document-holder', 'enterprise-approved', { set: { '/owner/document/holder': '北京示例科技有限公司\u200b ', '/principal/document/holder': '\u3000张三' } })).toEqual([]);
    expect(run('document-holder', 'enterprise-approved', { set: { '/owner/name': '北京示例科技（集团）有限公司', '/owner/document/holder': '北京示例科技【集团】有限公司' } })).toEqual([]);
  });

  it('checks the owner and the principal separately', () => {
    const messages = run('document-holder', 'government-verified', { set: { '/owner/document/holder': '杭州市西湖区另一事务局', '/principal/document/holder': '王六' } });
    expect(paths(messages)).toEqual(['/owner/document/holder', '/principal/document/holder']);
  });

  it('is silent when a name or the holder is missing or blank', () => {
    expect(run('document-holder', 'enterprise-approved', { unset: ['/principal/name'] })).toEqual([]);
    expect(run('document-holder', 'enterprise-approved', { set: { '/owner/name': '  ' } })).toEqual([]);
    expect(run('document-holder', 'enterprise-approved', { unset: ['/owner/document/holder'] })).toEqual([]);
    expect(run('document-holder', 'enterprise-approved', { set: { '/principal/document/holder': 42 } })).toEqual([]);
  });
});

describe('principal-role', () => {
  it('a unit principal, in both locales', () => {
    const { en, zh } = both('principal-role', 'enterprise-approved', { set: { '/principal/role': 'self' } });
    expect(en.path).toBe('/principal/role');
    expect(en.message).toBe('a unit\'s principal is its legal representative or a department head it appoints; role should be legal-representative or department-head, not "self" (一、1.(3))');
    expect(zh.message).toBe('主办者为单位时，网站负责人应为法定代表人或单位委派的部门负责人：role 应为法定代表人（legal-representative）或部门负责人（department-head），而不是本人（self）（一、1.(3)）');
  });

  it('leaves a role that is none of the contract\'s to the schema rule', () => {
    expect(run('principal-role', 'enterprise-approved', { set: { '/principal/role': 'ceo' } })).toEqual([]);
    expect(run('principal-role', 'individual-draft', { set: { '/principal/role': 'owner' } })).toEqual([]);
    expect(run('principal-role', 'enterprise-approved', { unset: ['/principal/role'] })).toEqual([]);
  });

  it("an individual's principal whose name differs only in spacing is the owner", () => {
    expect(run('principal-role', 'individual-draft', { set: { '/principal/name': '李 四 ' } })).toEqual([]);
  });

  it("an individual's principal named differently", () => {
    const { en, zh } = both('principal-role', 'individual-draft', { set: { '/principal/name': '李思' } }, false);
    expect(en.path).toBe('/principal/name');
    expect(en.message).toBe('an individual\'s principal is the owner in person; the name "李思" should be the owner\'s name "李四" (一、1.(3))');
    expect(zh.message).toBe('主办者为个人时，网站负责人为其本人：负责人姓名“李思”应与主办者姓名“李四”相同（一、1.(3)）');
  });

  it("an individual's principal with another number: masked by default, in full with redaction off", () => {
    const other = '440305199008152326';
    const owner = '440305199008152342';
    const masked = both('principal-role', 'individual-draft', { set: { '/principal/document/number': other } });
    expect(masked.en.path).toBe('/principal/document/number');
    expect(masked.en.message).toBe(
      "an individual's principal is the owner in person and shows the owner's document; number 440305********2326 should be the owner's 440305********2342 (一、1.(3))",
    );
    expect(masked.zh.message).toContain('证件号码 440305********2326 应与主办者的 440305********2342 相同');
    for (const m of [masked.en, masked.zh]) {
      expect(m.message).not.toContain(other);
      expect(m.message).not.toContain(owner);
    }
    const plain = both('principal-role', 'individual-draft', { set: { '/principal/document/number': other } }, false);
    expect(plain.en.message).toContain(other);
    expect(plain.en.message).toContain(owner);
  });

  it('the same number written differently is the same document', () => {
    expect(run('principal-role', 'individual-draft', { set: { '/principal/document/number': ' 440305199008152342' } })).toEqual([]);
    expect(run('principal-role', 'individual-draft', { set: { '/principal/document/number': '４４０３０５１９９００８１５２３４２' } })).toEqual([]);
  });

  it('reports only the type when the document type differs', () => {
    const messages = run('principal-role', 'individual-draft', { set: { '/principal/document/type': 'household-register', '/principal/document/number': '440305199008152326' } });
    expect(paths(messages)).toEqual(['/principal/document/type']);
  });

  it('reports every difference at its own path', () => {
    const messages = run('principal-role', 'individual-draft', {
      set: { '/principal/role': 'department-head', '/principal/name': '王五', '/principal/document/number': '330106197803053459' },
    });
    expect(paths(messages)).toEqual(['/principal/document/number', '/principal/name', '/principal/role']);
  });

  it('does not compare a unit\'s principal with the owner', () => {
    expect(run('principal-role', 'enterprise-approved', { set: { '/principal/role': 'department-head' } })).toEqual([]);
  });

  it('is silent on missing pieces', () => {
    expect(run('principal-role', 'individual-draft', { unset: ['/owner/kind'], set: { '/principal/role': 'legal-representative' } })).toEqual([]);
    expect(run('principal-role', 'individual-draft', { unset: ['/owner/document'], set: { '/principal/document/number': '330106197803053459' } })).toEqual([]);
    expect(run('principal-role', 'individual-draft', { unset: ['/owner/name'], set: { '/principal/name': '王五' } })).toEqual([]);
  });
});

describe('uscc-category', () => {
  it('is a warning naming the category and what fits, in both locales', () => {
    const { en, zh } = both('uscc-category', 'government-verified', { set: { '/owner/document/number': '911101055536123498' } });
    expect(en.severity).toBe('warning');
    expect(en.path).toBe('/owner/document/number');
    expect(en.message).toBe(
      "the unified social credit code's registration authority and category 91 (market regulation (industry and commerce): enterprise) do not fit unit type government; expected a code starting with 11, 19 or Y1 (一、1.(1))",
    );
    expect(zh.message).toBe('统一社会信用代码的登记管理部门和机构类别 91（工商：企业）与单位性质机关（government）不符；机关的代码应以 11、19或Y1 开头（一、1.(1)）');
    expect(en.message).not.toContain('911101055536123498');
  });

  it.each([
    ['institution', '12110105553612349D', false],
    ['enterprise', '12110105553612349D', true],
    ['enterprise', 'Y1110105553612349J', false],
    ['enterprise', '21110105553612349F', true],
    ['social-group', '51110105000543216G', false],
  ])('a %s with %s: reported = %s', (unitType, number, reported) => {
    const messages = run('uscc-category', 'enterprise-approved', { set: { '/owner/unitType': unitType, '/owner/document/number': number } });
    expect(paths(messages)).toEqual(reported ? ['/owner/document/number'] : []);
  });

  it('warns about a category missing from the table, unless told not to', () => {
    const patch = { set: { '/owner/document/number': '94110105553612349Y' } };
    const [m] = run('uscc-category', 'enterprise-approved', patch);
    expect(m!.message).toContain('category 94 are not in the GB 32100-2015 code table; for unit type enterprise, expected a code starting with');
    const linter = new Linter({ ruleSet: bundledRuleSet(), now: TEST_NOW, rules: { 'uscc-category': { options: { reportUnknown: false } } } });
    const result = lintTextWith(linter, JSON.stringify(patched('enterprise-approved', patch)), '/virtual/r.json', 'json');
    expect(messagesOf(result, 'uscc-category')).toEqual([]);
  });

  it('is silent for no valid USCC, a registration number, or an individual', () => {
    expect(run('uscc-category', 'government-verified', { set: { '/owner/document/number': '91110105553612340C' } })).toEqual([]);
    expect(run('uscc-category', 'enterprise-approved', { set: { '/owner/document/number': '110105000000012' } })).toEqual([]);
    expect(run('uscc-category', 'government-verified')).toEqual([]);
    expect(run('uscc-category', 'individual-draft', { set: { '/owner/document/type': 'business-license', '/owner/document/number': '11110105000123457D' } })).toEqual([]);
  });

  it("its table agrees with the domain's category table", () => {
    const rule = bundledRuleSet().byId.get('uscc-category')!;
    const categories = rule.check!.options!.categories as Record<string, string[]>;
    expect(Object.keys(categories).sort()).toEqual(Object.keys(USCC_CATEGORIES).sort());
    for (const [code, entry] of Object.entries(USCC_CATEGORIES)) expect([...categories[code]!].sort()).toEqual([...entry.unitTypes].sort());
  });
});

describe('document-verification', () => {
  const DOCS = '/verification/onSite/documents';

  it('a missing document, masked, in both locales', () => {
    const { en, zh } = both('document-verification', 'enterprise-approved', { unset: [`${DOCS}/0`] });
    expect(en.path).toBe(DOCS);
    expect(en.message).toBe("the owner's document (business-license, number 911101********3498) is not among the documents verified on site (二、(二)1.(5))");
    expect(zh.message).toBe('当面核验的证件中没有主办者的证件（工商营业执照（business-license），号码 911101********3498）（二、(二)1.(5)）');
    expect(both('document-verification', 'enterprise-approved', { unset: [`${DOCS}/0`] }, false).en.message).toContain('911101055536123498');
  });

  it('a different number: both numbers masked unless redaction is off', () => {
    const patch = { set: { [`${DOCS}/1/number`]: '110105198506121251' } };
    const { en, zh } = both('document-verification', 'enterprise-approved', patch);
    expect(en.path).toBe(`${DOCS}/1/number`);
    expect(en.message).toBe("the on-site resident-id-card number 110105********1251 differs from the principal's document number 110105********123X (二、(二)1.(5))");
    expect(zh.message).toBe('当面核验的居民身份证（resident-id-card）号码 110105********1251 与网站负责人证件号码 110105********123X 不一致（二、(二)1.(5)）');
    for (const m of [en, zh]) {
      expect(m.message).not.toContain('110105198506121251');
      expect(m.message).not.toContain('11010519850612123X');
    }
    const plain = both('document-verification', 'enterprise-approved', patch, false);
    expect(plain.en.message).toContain('110105198506121251');
    expect(plain.en.message).toContain('11010519850612123X');
  });

  it('a wrong type, in both locales', () => {
    const { en, zh } = both('document-verification', 'enterprise-approved', { set: { [`${DOCS}/1/type`]: 'household-register' } });
    expect(en.path).toBe(`${DOCS}/1/type`);
    expect(en.message).toBe('on-site document no. 2 has type "household-register", but the principal\'s document is of type resident-id-card (二、(二)1.(5))');
    expect(zh.message).toBe('当面核验的第 2 份证件类型为户口簿（household-register），与网站负责人证件的类型居民身份证（resident-id-card）不一致（二、(二)1.(5)）');
  });

  it('each flag at its own path', () => {
    const messages = run('document-verification', 'enterprise-approved', {
      set: { [`${DOCS}/0/original`]: false, [`${DOCS}/0/authenticated`]: false, [`${DOCS}/1/copyRetained`]: false },
    });
    expect(paths(messages)).toEqual([`${DOCS}/0/authenticated`, `${DOCS}/0/original`, `${DOCS}/1/copyRetained`]);
    const texts = messages.map((m) => m.message).sort();
    expect(texts).toEqual([
      "no copy of the principal's resident-id-card was retained (二、(二)1.(5))",
      "the owner's business-license was not authenticated against the public-security, quality-supervision or industry-and-commerce source (二、(二)1.(5))",
      "the owner's business-license was not verified as an original (二、(二)1.(5))",
    ]);
  });

  it('both documents missing: two messages at the list', () => {
    const messages = run('document-verification', 'government-verified', { set: { [DOCS]: [] } });
    expect(messages.map((m) => m.path)).toEqual([DOCS, DOCS]);
  });

  it("an individual's principal shows the owner's document: one entry serves both", () => {
    const verified = patched('individual-draft', {
      set: {
        '/stage': 'verified',
        '/verification': structuredClone(baseRecord('enterprise-approved').verification),
        '/retention': { retainUntil: '2031-12-31' },
      },
    });
    const ok = patched(verified, {
      set: { [DOCS]: [{ type: 'resident-id-card', number: '440305199008152342', original: true, authenticated: true, copyRetained: true }] },
    });
    expect(run('document-verification', ok)).toEqual([]);
    const copy = patched(ok, { set: { [`${DOCS}/0/original`]: false } });
    expect(paths(run('document-verification', copy))).toEqual([`${DOCS}/0/original`]);
  });

  it('extra documents are fine, and the exact match wins over a near miss', () => {
    const extra = { type: 'resident-id-card', number: '330106197803053467', original: false, authenticated: false, copyRetained: false };
    expect(run('document-verification', 'government-verified', { set: { [`${DOCS}/2`]: extra } })).toEqual([]);
    // The near miss first in the list: still the exact entry is the principal's.
    const docs = baseRecord('government-verified') as { verification: { onSite: { documents: unknown[] } } };
    const list = [extra, ...docs.verification.onSite.documents];
    expect(run('document-verification', 'government-verified', { set: { [DOCS]: list } })).toEqual([]);
  });

  it('applies from stage verified', () => {
    const draft = { set: { '/stage': 'draft', [`${DOCS}/0/original`]: false, [`${DOCS}/1/number`]: '1' } };
    expect(run('document-verification', 'government-verified', draft)).toEqual([]);
    expect(run('document-verification', 'government-verified', { set: { '/stage': 'submitted', [`${DOCS}/0/original`]: false } })).toHaveLength(1);
  });

  it('leaves unknown entry types and non-boolean flags to the schema rule', () => {
    expect(run('document-verification', 'enterprise-approved', { set: { [`${DOCS}/0/type`]: 'licence' } })).toEqual([]);
    expect(run('document-verification', 'enterprise-approved', { set: { [`${DOCS}/0/original`]: 'no' } })).toEqual([]);
  });

  it('is silent when the record has nothing to compare with', () => {
    expect(run('document-verification', 'enterprise-approved', { unset: ['/owner/document', '/principal/document'] })).toEqual([]);
    expect(run('document-verification', 'enterprise-approved', { unset: [DOCS] })).toEqual([]);
  });
});

describe('rule tables', () => {
  const { byId } = bundledRuleSet();
  const options = (id: string) => byId.get(id)!.check!.options as Record<string, Record<string, unknown>>;

  it('the owner rule, which looks at units, has a unit message; the principal rule needs none', () => {
    expect(byId.get('owner-document-type')!.messages.unit).toBeDefined();
    expect(options('owner-document-type').byUnitType).toBeDefined();
    expect(options('principal-document-type').byUnitType).toBeUndefined();
  });

  it('owner and principal rules allow the same personal documents', () => {
    expect(options('principal-document-type').byCitizenship).toEqual(options('owner-document-type').byCitizenship);
  });

  it("fallback-document's first choices and fallbacks are exactly what the document-type rules allow", () => {
    const allowed = options('owner-document-type');
    const fallback = options('fallback-document') as Record<string, Record<string, { firstChoice: string | string[]; fallbacks: string[] }>>;
    for (const table of ['byUnitType', 'byCitizenship'] as const) {
      for (const [key, entry] of Object.entries(fallback[table]!)) {
        expect([entry.firstChoice, ...entry.fallbacks].flat().sort(), `${table}.${key}`).toEqual([...(allowed[table]![key] as string[])].sort());
      }
    }
  });
});

describe('shared helpers', () => {
  it('numberKey folds width, case, spaces and hyphens', () => {
    expect(numberKey('00019876-6')).toBe('000198766');
    expect(numberKey(' １１０１０５１９８５０６１２１２３ｘ ')).toBe('11010519850612123X');
    expect(sameNumber('', '')).toBe(false);
    expect(sameNumber('e12345678', 'E 1234 5678')).toBe(true);
    expect(numberKey(42 as unknown as string)).toBe('');
  });

  it('joins lists per language', () => {
    expect(joinEn([])).toBe('');
    expect(joinEn(['a'])).toBe('a');
    expect(joinEn(['a', 'b'])).toBe('a or b');
    expect(joinEn(['a', 'b', 'c'])).toBe('a, b or c');
    expect(joinZh(['甲', '乙', '丙'])).toBe('甲、乙或丙');
  });
});
