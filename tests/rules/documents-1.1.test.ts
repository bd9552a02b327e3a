// Contract 1.1: document numbers of the new document types (document-number),
// the new rule document-validity, and document-verification with both.
// Edge cases beyond the rule files' examples; runs as of TEST_NOW (2026-11-29).
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/engine/index.js';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf } from '../support/lint.js';

type Base = 'enterprise-approved' | 'government-verified' | 'individual-draft';

function lint(ruleId: string, base: Base, set: Record<string, unknown> = {}, unset: string[] = [], options: { now?: Date; locale?: 'en' | 'zh-CN' } = {}): LintMessage[] {
  return messagesOf(lintRecords([patched(base, { set, unset })], options), ruleId);
}

const paths = (ms: LintMessage[]) => ms.map((m) => m.path).sort();

// Check characters below were computed with GB 11643 MOD 11-2 and GB 32100 (see tests/domain).
const HK_PERMIT_RESIDENT = '810000199008152343';
const MO_PERMIT_RESIDENT = '82000019850612123X';
const TW_PERMIT_RESIDENT = '830000197803053453';
const FPR_2023 = '944840198804121233';
const GOV_USCC = '11330106000198766T';

/** What no message about a Hong Kong, Macao or Taiwan resident's document may say of them. */
const FOREIGN_WORDING = /foreign|non-citizen|non-Chinese|外国|非中国公民|境外人员/iu;

describe('document-number: the document types of 1.1', () => {
  it.each([
    ['a Hong Kong resident\'s 回乡证, H + 8 digits', 'hk-macao-permit', 'H12345678'],
    ['a Macao resident\'s 回乡证, M + 10 digits', 'hk-macao-permit', 'M1234567801'],
    ['a 回乡证 typed in lower case', 'hk-macao-permit', 'h12345678'],
    ['a residence permit, Hong Kong', 'hmt-residence-permit', HK_PERMIT_RESIDENT],
    ['a residence permit, Macao', 'hmt-residence-permit', MO_PERMIT_RESIDENT],
    ['a residence permit, Taiwan', 'hmt-residence-permit', TW_PERMIT_RESIDENT],
    ['a Chinese passport (华侨), E + 8 digits', 'passport', 'E12345678'],
    ['a Chinese e-passport, E + letter + 7 digits', 'passport', 'EA1234567'],
    ['a Chinese public-affairs passport', 'passport', 'P1234567'],
  ])('passes: %s', (_title, type, number) => {
    expect(lint('document-number', 'enterprise-approved', { '/principal/document/type': type, '/principal/document/number': number })).toEqual([]);
  });

  it('passes: foreign permanent resident ID cards of both forms for a citizen of another country', () => {
    for (const number of [FPR_2023, '932682198501010017', 'USA440880412123']) {
      const set = { '/principal/citizenship': 'US', '/principal/document/type': 'foreign-permanent-resident-id', '/principal/document/number': number };
      expect(lint('document-number', 'enterprise-approved', set), number).toEqual([]);
    }
  });

  it('passes: a unified social credit code certificate; a wrong check character is reported, not corrected', () => {
    expect(lint('document-number', 'government-verified', { '/owner/document/type': 'uscc-certificate', '/owner/document/number': GOV_USCC })).toEqual([]);
    const ms = lint('document-number', 'government-verified', { '/owner/document/type': 'uscc-certificate', '/owner/document/number': '11330106000198766A' });
    expect(paths(ms)).toEqual(['/owner/document/number']);
    expect(ms[0]!.severity).toBe('error');
    expect(ms[0]!.message).toBe('the unified social credit code has a wrong check character; check character should be T, not A (一、1)');
  });

  it('a residence permit under a mainland region code: which codes were expected, in both languages', () => {
    const set = { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': '11010519850612123X' };
    const en = lint('document-number', 'enterprise-approved', set);
    expect(en.map((m) => [m.path, m.severity])).toEqual([['/principal/document/number', 'error']]);
    expect(en[0]!.message).toBe(
      'a residence permit number of a Hong Kong, Macao or Taiwan resident starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan), not 110105 (一、1)',
    );
    const zh = lint('document-number', 'enterprise-approved', set, [], { locale: 'zh-CN' });
    expect(zh[0]!.message).toBe('港澳台居民居住证号码的前 6 位应为 810000（香港）、820000（澳门）或 830000（台湾），而不是 110105（一、1）');
  });

  it('a residence permit: the GB 11643 problems are named for the permit, and the check character is never corrected', () => {
    const wrongCheck = HK_PERMIT_RESIDENT.slice(0, 17) + '4';
    const en = lint('document-number', 'enterprise-approved', { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': wrongCheck });
    expect(en.map((m) => m.message)).toEqual([
      'the residence permit number for Hong Kong, Macao and Taiwan residents has a wrong check character; check character should be 3, not 4 (一、1)',
    ]);
    const x = lint('document-number', 'enterprise-approved', {
      '/principal/document/type': 'hmt-residence-permit',
      '/principal/document/number': MO_PERMIT_RESIDENT.toLowerCase(),
    }, [], { locale: 'zh-CN' });
    expect(x.map((m) => m.message)).toEqual(['港澳台居民居住证号码末位校验码写成了小写 x，应为大写 X（可修正）（一、1）']);
  });

  it('a 回乡证 of no known form: the expected form in both languages', () => {
    const set = { '/principal/document/type': 'hk-macao-permit', '/principal/document/number': 'A12345678' };
    expect(lint('document-number', 'enterprise-approved', set).map((m) => m.message)).toEqual([
      'the mainland travel permit number for Hong Kong and Macao residents has none of the known forms; expected H (Hong Kong) or M (Macao) + 8 digits, or + 10 digits (the 8-digit lifelong number and a 2-digit renewal count) (一、1)',
    ]);
    expect(lint('document-number', 'enterprise-approved', set, [], { locale: 'zh-CN' }).map((m) => m.message)).toEqual([
      '港澳居民来往内地通行证号码不符合已知格式，应为H（香港）或 M（澳门）加 8 位数字，或加 10 位数字（8 位终身号加 2 位换证次数）（一、1）',
    ]);
    // 9 digits after the letter is neither form.
    expect(paths(lint('document-number', 'enterprise-approved', { ...set, '/principal/document/number': 'H123456789' }))).toEqual(['/principal/document/number']);
  });

  it('messages about the documents of Hong Kong, Macao and Taiwan residents never call them foreign', () => {
    const cases: Record<string, unknown>[] = [
      { '/principal/document/type': 'hk-macao-permit', '/principal/document/number': 'A12345678' },
      { '/principal/document/type': 'hk-macao-permit', '/principal/document/number': 'H1234' },
      { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': '11010519850612123X' },
      { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': '932682198501010017' },
      { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': '8100001990081523' },
      { '/principal/document/type': 'taiwan-compatriot-permit', '/principal/document/number': '123456789' },
    ];
    for (const set of cases) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const ms = lint('document-number', 'enterprise-approved', set, [], { locale });
        expect(ms.length, JSON.stringify(set)).toBe(1);
        expect(ms[0]!.message).not.toMatch(FOREIGN_WORDING);
      }
    }
  });

  it('a Chinese citizen\'s passport is held to the Chinese forms; another citizen\'s only to plausibility', () => {
    const set = { '/principal/document/type': 'passport', '/principal/document/number': 'C01X00T47' };
    const ms = lint('document-number', 'enterprise-approved', set);
    expect(paths(ms)).toEqual(['/principal/document/number']);
    expect(ms[0]!.message).toMatch(/^the Chinese passport number has none of the known forms; expected E or G \+ 8 digits/u);
    expect(lint('document-number', 'enterprise-approved', { ...set, '/principal/citizenship': 'DE' })).toEqual([]);
    // An individual owner's passport follows the owner's citizenship; a unit owner has none.
    const individual = {
      '/owner/document/type': 'passport',
      '/owner/document/number': 'E1234567',
      '/principal/document/type': 'passport',
      '/principal/document/number': 'E1234567',
    };
    expect(paths(lint('document-number', 'individual-draft', individual))).toEqual(['/owner/document/number', '/principal/document/number']);
    expect(
      lint('document-number', 'individual-draft', { ...individual, '/owner/citizenship': 'FR', '/principal/citizenship': 'FR' }),
    ).toEqual([]);
  });

  it('a foreign permanent resident ID number on a resident ID card names the right type', () => {
    const set = { '/principal/document/number': '932682198501010017' };
    const en = lint('document-number', 'enterprise-approved', set);
    expect(en.map((m) => m.message)).toEqual([
      "this is a foreign permanent resident ID number (nationality code 682), not a citizen ID number; that card's document type is foreign-permanent-resident-id (一、1)",
    ]);
    const zh = lint('document-number', 'enterprise-approved', set, [], { locale: 'zh-CN' });
    expect(zh[0]!.message).not.toMatch(/非中国公民/u);
    expect(zh[0]!.message).toContain('foreign-permanent-resident-id');
  });

  it('a foreign permanent resident ID card of neither form, or with a wrong check character', () => {
    const base = { '/principal/citizenship': 'US', '/principal/document/type': 'foreign-permanent-resident-id' };
    const format = lint('document-number', 'enterprise-approved', { ...base, '/principal/document/number': '11010519850612123X' });
    expect(format.map((m) => m.message)).toEqual([
      'the foreign permanent resident ID number has none of the known forms; expected 18 characters starting with 9 (the 2023 card: 17 digits and a check character), or 3 letters + 12 digits (earlier cards) (一、1)',
    ]);
    const check = lint('document-number', 'enterprise-approved', { ...base, '/principal/document/number': FPR_2023.slice(0, 17) + '5' });
    expect(check.map((m) => m.message)).toEqual([
      'the foreign permanent resident ID number has a wrong check character; check character should be 3, not 5 (一、1)',
    ]);
    const length = lint('document-number', 'enterprise-approved', { ...base, '/principal/document/number': 'USA44088041212' }, [], { locale: 'zh-CN' });
    expect(length.map((m) => m.message)).toEqual(['外国人永久居留身份证号码长度为 14 位，应为 15 或 18 位（一、1）']);
  });

  it('a 15-digit number on a residence permit is a length problem, not first-generation-id-card\'s', () => {
    const set = { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': '810000900815234' };
    expect(lint('first-generation-id-card', 'enterprise-approved', set)).toEqual([]);
    expect(lint('document-number', 'enterprise-approved', set).map((m) => m.message)).toEqual([
      'the residence permit number for Hong Kong, Macao and Taiwan residents has 15 characters; expected 18 (一、1)',
    ]);
  });
});

describe('document-number: an old legal-person certificate number', () => {
  const old = (number: string, type = 'institution-legal-person-certificate', locale: 'en' | 'zh-CN' = 'en') =>
    messagesOf(
      lintRecords([patched('government-verified', { set: { '/owner/unitType': type.startsWith('social') ? 'social-group' : 'institution', '/owner/document/type': type, '/owner/document/number': number } })], { locale }),
      'document-number',
    );

  it.each([
    ['事证第133010600123号', 'institution-legal-person-certificate'],
    ['133010600123', 'institution-legal-person-certificate'],
    ['社证字第 330100012345 号', 'social-group-legal-person-certificate'],
  ])('%s is named as an old number, not as a bad credit code', (number, type) => {
    const [m, ...rest] = old(number, type);
    expect(rest).toEqual([]);
    expect(m!.path).toBe('/owner/document/number');
    expect(m!.message).toContain('old legal-person certificate');
    expect(old(number, type, 'zh-CN')[0]!.message).toContain('旧版法人证书的号码');
  });

  it('a wrong credit code on the new certificate is still judged as a credit code', () => {
    expect(old('12330106MB012345')[0]!.message).toContain('unified social credit code');
  });
});

describe('document-validity', () => {
  // enterprise-approved was verified on site on 2026-03-10T10:00:00+08:00.
  const PRINCIPAL = '/principal/document/validUntil';
  const ENTRY = '/verification/onSite/documents/1/validUntil';

  it('a document that expired the day before on-site verification: error, with both dates, in both languages', () => {
    const set = { [PRINCIPAL]: '2026-03-09' };
    const en = lint('document-validity', 'enterprise-approved', set);
    expect(en.map((m) => [m.path, m.severity])).toEqual([[PRINCIPAL, 'error']]);
    expect(en[0]!.message).toBe(
      "the principal's resident-id-card was valid until 2026-03-09, so it had expired when it was verified on site on 2026-03-10 (二、(二)1.(5) 有效证件)",
    );
    const zh = lint('document-validity', 'enterprise-approved', set, [], { locale: 'zh-CN' });
    expect(zh[0]!.message).toBe('网站负责人的居民身份证（resident-id-card）有效期至 2026-03-09，2026-03-10 当面核验时已过期（二、(二)1.(5) 有效证件）');
  });

  it('an on-site entry is named by its position and type', () => {
    const en = lint('document-validity', 'enterprise-approved', { [ENTRY]: '2025-12-31' });
    expect(en.map((m) => [m.path, m.message])).toEqual([
      [ENTRY, 'on-site document no. 2 (resident-id-card) was valid until 2025-12-31, so it had expired when it was verified on site on 2026-03-10 (二、(二)1.(5) 有效证件)'],
    ]);
    const zh = lint('document-validity', 'enterprise-approved', { [ENTRY]: '2025-12-31' }, [], { locale: 'zh-CN' });
    expect(zh[0]!.message).toBe('当面核验的第 2 份证件（居民身份证，resident-id-card）有效期至 2025-12-31，2026-03-10 当面核验时已过期（二、(二)1.(5) 有效证件）');
  });

  it('valid through the whole of its last day, whatever the time of verification', () => {
    expect(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: '2026-03-10', [ENTRY]: '2026-03-10' })).toEqual([]);
    // Verified late in the evening of the last day, Beijing time, given in UTC.
    expect(
      lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: '2026-03-10', '/verification/onSite/verifiedAt': '2026-03-10T15:30:00Z' }),
    ).toEqual([]);
    // The first minutes of the next Beijing day are too late.
    expect(
      paths(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: '2026-03-10', '/verification/onSite/verifiedAt': '2026-03-10T16:05:00Z' })),
    ).toEqual([PRINCIPAL]);
    // A validUntil with a time still counts its whole day.
    expect(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: '2026-03-10T08:00:00+08:00' })).toEqual([]);
  });

  it('long-term (长期) never expires, and a document that expired after verification was valid when it counted', () => {
    expect(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: 'long-term', [ENTRY]: 'long-term' })).toEqual([]);
    expect(lint('document-validity', 'enterprise-approved', { '/owner/document/validUntil': '2026-03-11' })).toEqual([]);
  });

  it('before on-site verification, the day of the check (--now) counts', () => {
    const set = { '/owner/document/validUntil': '2026-11-28', '/principal/document/validUntil': '2026-11-28' };
    const en = lint('document-validity', 'individual-draft', set);
    expect(en.map((m) => [m.path, m.severity])).toEqual([
      ['/owner/document/validUntil', 'error'],
      ['/principal/document/validUntil', 'error'],
    ]);
    expect(en[0]!.message).toBe(
      "the owner's resident-id-card was valid until 2026-11-28 and has expired (checked on 2026-11-29); on-site verification needs a document that is still valid (二、(二)1.(5) 有效证件)",
    );
    const zh = lint('document-validity', 'individual-draft', set, [], { locale: 'zh-CN' });
    expect(zh[1]!.message).toBe(
      '网站负责人的居民身份证（resident-id-card）有效期至 2026-11-28，到检查日 2026-11-29 已过期；当面核验须出示有效期内的证件（二、(二)1.(5) 有效证件）',
    );
    // The day of the check is the Beijing day: 17:00 UTC on the 28th is already the 29th in Beijing.
    expect(paths(lint('document-validity', 'individual-draft', set, [], { now: new Date('2026-11-28T17:00:00Z') }))).toEqual([
      '/owner/document/validUntil',
      '/principal/document/validUntil',
    ]);
    expect(lint('document-validity', 'individual-draft', set, [], { now: new Date('2026-11-28T15:59:00Z') })).toEqual([]);
    // A later --now does not matter once the record was verified on site.
    expect(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: '2026-03-10' }, [], { now: new Date('2030-01-01T12:00:00+08:00') })).toEqual([]);
  });

  it('a record past draft without an on-site verification is also judged on the day of the check', () => {
    const ms = lint('document-validity', 'government-verified', { '/owner/document/validUntil': '2026-06-30' }, ['/verification/onSite']);
    expect(ms.map((m) => [m.path, m.message])).toEqual([
      [
        '/owner/document/validUntil',
        "the owner's org-code-certificate was valid until 2026-06-30 and has expired (checked on 2026-11-29); on-site verification needs a document that is still valid (二、(二)1.(5) 有效证件)",
      ],
    ]);
    // With its on-site verification (2026-03-24) the same document was valid.
    expect(lint('document-validity', 'government-verified', { '/owner/document/validUntil': '2026-06-30' })).toEqual([]);
  });

  it('a validity date that names no calendar day is reported; another malformed value is the schema rule\'s', () => {
    const ms = lint('document-validity', 'enterprise-approved', { [ENTRY]: '2030-02-30' });
    expect(ms.map((m) => [m.path, m.message])).toEqual([
      [ENTRY, 'the validity date 2030-02-30 of on-site document no. 2 (resident-id-card) is no calendar date (二、(二)1.(5) 有效证件)'],
    ]);
    expect(lint('document-validity', 'individual-draft', { '/owner/document/validUntil': '2029-02-29' }, [], { locale: 'zh-CN' }).map((m) => m.message)).toEqual([
      '主办者的居民身份证（resident-id-card）的有效期 2029-02-29 不是存在的日期（二、(二)1.(5) 有效证件）',
    ]);
    for (const value of ['2030-13-01', '长期', 'permanent', 20300501, '']) {
      expect(lint('document-validity', 'enterprise-approved', { [PRINCIPAL]: value }), String(value)).toEqual([]);
    }
  });

  it('an unreadable on-site date gives no day to compare with: only impossible dates are reported', () => {
    const set = { '/verification/onSite/verifiedAt': '2026-02-30T10:00:00+08:00', [PRINCIPAL]: '2020-01-01', [ENTRY]: '2030-02-30' };
    expect(paths(lint('document-validity', 'enterprise-approved', set))).toEqual([ENTRY]);
  });

  it('odd shapes do not throw', () => {
    expect(lint('document-validity', 'enterprise-approved', { '/verification/onSite/documents': ['x', null, { validUntil: '2020-01-01' }] }).map((m) => m.path)).toEqual([
      '/verification/onSite/documents/2/validUntil',
    ]);
    expect(lint('document-validity', 'enterprise-approved', { '/principal/document': 'none' })).toEqual([]);
  });
});

describe('document-verification with the types and fields of 1.1', () => {
  const entry = (type: string, number: string, extra: Record<string, unknown> = {}) => ({
    type,
    number,
    original: true,
    authenticated: true,
    copyRetained: true,
    ...extra,
  });

  it.each([
    ['hk-macao-permit', 'H12345678'],
    ['hmt-residence-permit', TW_PERMIT_RESIDENT],
    ['passport', 'E12345678'],
  ])('a principal\'s %s verified on site, its validUntil on the entry only or different from the record\'s', (type, number) => {
    const set = {
      '/principal/document/type': type,
      '/principal/document/number': number,
      '/principal/document/validUntil': '2031-01-01',
      '/verification/onSite/documents/1': entry(type, number, { validUntil: '2030-05-01' }),
    };
    expect(lint('document-verification', 'enterprise-approved', set)).toEqual([]);
  });

  it('a government office\'s unified social credit code certificate verified on site', () => {
    const set = {
      '/owner/document/type': 'uscc-certificate',
      '/owner/document/number': GOV_USCC,
      '/verification/onSite/documents/0': entry('uscc-certificate', GOV_USCC, { validUntil: 'long-term' }),
    };
    expect(lint('document-verification', 'government-verified', set)).toEqual([]);
    // The certificate it replaced, with its own number, is another document: the owner's was not verified.
    const old = { ...set, '/verification/onSite/documents/0': entry('org-code-certificate', '00019876-6') };
    expect(paths(lint('document-verification', 'government-verified', old))).toEqual(['/verification/onSite/documents']);
  });

  it('type and number must still equal the record\'s', () => {
    const base = { '/principal/document/type': 'hmt-residence-permit', '/principal/document/number': HK_PERMIT_RESIDENT };
    const wrongType = lint('document-verification', 'enterprise-approved', {
      ...base,
      '/verification/onSite/documents/1': entry('resident-id-card', HK_PERMIT_RESIDENT),
    });
    expect(paths(wrongType)).toEqual(['/verification/onSite/documents/1/type']);
    const wrongNumber = lint('document-verification', 'enterprise-approved', {
      ...base,
      '/verification/onSite/documents/1': entry('hmt-residence-permit', MO_PERMIT_RESIDENT, { validUntil: '2030-05-01' }),
    });
    expect(paths(wrongNumber)).toEqual(['/verification/onSite/documents/1/number']);
    // The numbers are masked.
    expect(wrongNumber[0]!.message).not.toContain(HK_PERMIT_RESIDENT);
    expect(wrongNumber[0]!.message).not.toContain(MO_PERMIT_RESIDENT);
  });
});

describe('validUntil of the wrong form', () => {
  it('is one schema finding, not one per alternative', () => {
    const ms = lintRecords([patched('individual-draft', { set: { '/principal/document/validUntil': '2030/01/01' } })]).messages;
    expect(ms.filter((m) => m.path === '/principal/document/validUntil').map((m) => m.ruleId)).toEqual(['schema']);
  });
});
