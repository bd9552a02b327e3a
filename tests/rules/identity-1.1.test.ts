import { describe, expect, it } from 'vitest';
import { bundledRuleSet, type LintMessage } from '../../src/engine/index.js';
import { HMT_REGIONS, checkCitizenship, describeCitizenship, isHmtRegionCode } from '../../src/domain/citizenship.js';
import { patched, type Patch } from '../support/records.js';
import { lintRecords, messagesOf } from '../support/lint.js';

// Contract 1.1, document types by citizenship: residents of Hong Kong, Macao
// and Taiwan are Chinese citizens (CN) with the permit they hold; a Chinese
// passport (华侨) and a foreign permanent resident ID card are fallbacks; the
// unified social credit code certificate, and legal-person certificates that
// carry a unified social credit code, are first choices; HK, MO and TW are
// no citizenships (rule citizenship).

const RULES = ['citizenship', 'owner-document-type', 'principal-document-type', 'fallback-document'] as const;
type RuleId = (typeof RULES)[number];

function lint(base: string, patch: Patch, locale: 'en' | 'zh-CN' = 'en') {
  return lintRecords([patched(base, patch)], { locale });
}

function run(rule: RuleId, base: string, patch: Patch, locale: 'en' | 'zh-CN' = 'en'): LintMessage[] {
  return messagesOf(lint(base, patch, locale), rule);
}

/** `rule path severity` of every message of the four rules. */
function summary(base: string, patch: Patch): string[] {
  return lint(base, patch)
    .messages.filter((m) => (RULES as readonly string[]).includes(m.ruleId))
    .map((m) => `${m.ruleId} ${m.path} ${m.severity}`)
    .sort();
}

function errors(base: string, patch: Patch): string[] {
  return lint(base, patch)
    .messages.filter((m) => m.severity === 'error')
    .map((m) => `${m.ruleId} ${m.path}: ${m.message}`);
}

/** A principal of the enterprise fixture holding a document (and showing it on site: documents/1 is the principal's). */
const principal = (type: string, number: string, citizenship = 'CN'): Patch => ({
  set: {
    '/principal/citizenship': citizenship,
    '/principal/document/type': type,
    '/principal/document/number': number,
    '/verification/onSite/documents/1/type': type,
    '/verification/onSite/documents/1/number': number,
  },
});

/** An individual owner (and principal: the same person) holding a document. */
const individual = (type: string, number: string, citizenship = 'CN'): Patch => ({
  set: {
    '/owner/citizenship': citizenship,
    '/principal/citizenship': citizenship,
    '/owner/document/type': type,
    '/owner/document/number': number,
    '/principal/document/type': type,
    '/principal/document/number': number,
  },
});

// Valid numbers: the 台胞证 from /work/shared/vectors/twpermit-valid.util-helpers.txt;
// the residence permit 810000 + 1990-08-15 + 123 with its MOD 11-2 check 6;
// the 2023 permanent resident ID 9 + 11 + 840 (US) + 1990-08-15 + 123, check 5.
const TW_PERMIT = '07257456';
const HK_PERMIT = 'H12345678';
const MO_PERMIT_NEW = 'M1234567801';
const RESIDENCE_PERMIT = '810000199008151236';
const CN_PASSPORT = 'E12345678';
const PERMANENT_RESIDENT_ID = '911840199008151235';

describe('people of Hong Kong, Macao and Taiwan are CN with their permit', () => {
  it.each([
    ['a Taiwan resident with a 台胞证', 'taiwan-compatriot-permit', TW_PERMIT],
    ['a Hong Kong resident with a 回乡证', 'hk-macao-permit', HK_PERMIT],
    ['a Macao resident with a new-form 回乡证', 'hk-macao-permit', MO_PERMIT_NEW],
    ['a Hong Kong resident with a residence permit', 'hmt-residence-permit', RESIDENCE_PERMIT],
  ])('%s, as principal: an info from fallback-document and no error at all', (_title, type, number) => {
    expect(summary('enterprise-approved', principal(type, number))).toEqual(['fallback-document /principal/document/type info']);
    expect(errors('enterprise-approved', principal(type, number))).toEqual([]);
  });

  it('an individual owner with a 台胞证: one info, at the owner, and no error', () => {
    expect(summary('individual-draft', individual('taiwan-compatriot-permit', TW_PERMIT))).toEqual(['fallback-document /owner/document/type info']);
    expect(errors('individual-draft', individual('taiwan-compatriot-permit', TW_PERMIT))).toEqual([]);
  });
});

describe('citizenship', () => {
  it.each(Object.keys(HMT_REGIONS))('%s as a citizenship is reported by citizenship only, not by the document-type rules', (code) => {
    expect(summary('enterprise-approved', principal('hk-macao-permit', HK_PERMIT, code))).toEqual(['citizenship /principal/citizenship error']);
    // Whatever document comes with it: no second error saying the document does not fit "another citizenship".
    expect(summary('enterprise-approved', principal('resident-id-card', '11010519850612123X', code))).toEqual(['citizenship /principal/citizenship error']);
    expect(summary('individual-draft', individual('foreign-permanent-resident-id', PERMANENT_RESIDENT_ID, code))).toEqual([
      'citizenship /owner/citizenship error',
      'citizenship /principal/citizenship error',
    ]);
  });

  it('says, in both locales, that those residents are Chinese citizens and to use CN, with the permits of their region', () => {
    const patch = principal('taiwan-compatriot-permit', TW_PERMIT, 'TW');
    const [en] = run('citizenship', 'enterprise-approved', patch);
    const [zh] = run('citizenship', 'enterprise-approved', patch, 'zh-CN');
    expect(en!.message).toBe(
      "the principal's citizenship is given as TW: residents of Taiwan are Chinese citizens, so use CN with the permit they hold (taiwan-compatriot-permit or hmt-residence-permit) (一、1.(1)(2))",
    );
    expect(zh!.message).toBe(
      '网站负责人的国籍填为 TW：台湾居民为中国公民，国籍应填 CN，证件类型填其持有的台胞证（taiwan-compatriot-permit）或港澳台居民居住证（hmt-residence-permit）（一、1.(1)(2)）',
    );
    // A Hong Kong resident is not sent to the Taiwan permit.
    const [hk] = run('citizenship', 'enterprise-approved', principal('hk-macao-permit', 'H60234511', 'HK'), 'zh-CN');
    expect(hk!.message).toContain('香港居民为中国公民，国籍应填 CN，证件类型填其持有的港澳居民来往内地通行证（hk-macao-permit）或港澳台居民居住证（hmt-residence-permit）');
  });

  it('a code no country has, with its own message; a known slip names the code', () => {
    const xx = run('citizenship', 'enterprise-approved', principal('passport', '123456789', 'XX'));
    expect(xx.map((m) => [m.path, m.severity])).toEqual([['/principal/citizenship', 'error']]);
    expect(xx[0]!.message).toBe(
      "the principal's citizenship XX is not an ISO 3166-1 alpha-2 country code; use CN for a Chinese citizen (residents of Hong Kong, Macao and Taiwan included), otherwise the country's code (一、1.(1)(2))",
    );
    const [uk] = run('citizenship', 'enterprise-approved', principal('passport', '123456789', 'UK'), 'zh-CN');
    expect(uk!.message).toBe('网站负责人的国籍 UK 不是 ISO 3166-1 二位字母国家代码，应为 GB（一、1.(1)(2)）');
  });

  it('an unknown code does not change what the document-type rules say (they know no country list)', () => {
    expect(summary('enterprise-approved', principal('passport', '123456789', 'XX'))).toEqual(['citizenship /principal/citizenship error']);
  });

  it("looks at an individual owner's citizenship, never at a unit's", () => {
    expect(run('citizenship', 'individual-draft', { set: { '/owner/citizenship': 'MO' } }).map((m) => m.path)).toEqual(['/owner/citizenship']);
    // A unit has no citizenship; the schema rule reports one given, this rule does not read it.
    expect(run('citizenship', 'enterprise-approved', { set: { '/owner/citizenship': 'HK' } })).toEqual([]);
  });

  it('leaves other shapes to the schema rule', () => {
    for (const value of ['hk', 'CHN', 'China', 86, '']) {
      expect(run('citizenship', 'enterprise-approved', { set: { '/principal/citizenship': value } }), String(value)).toEqual([]);
    }
    expect(run('citizenship', 'enterprise-approved', { unset: ['/principal/citizenship'] })).toEqual([]);
  });

  it("the rule's country list is ISO 3166-1's 249 codes", () => {
    const options = bundledRuleSet().byId.get('citizenship')!.check!.options as { countries: string[]; suggestions: Record<string, string> };
    expect(options.countries).toHaveLength(249);
    for (const code of ['CN', 'GB', 'US', 'JP', 'DE', 'SS', 'SX', 'AX']) expect(options.countries).toContain(code);
    for (const code of ['UK', 'EU', 'XK', 'SU', 'YU', 'AN']) expect(options.countries).not.toContain(code);
    for (const target of Object.values(options.suggestions)) expect(options.countries).toContain(target);
  });
});

describe('citizenship domain', () => {
  const countries = new Set(['CN', 'GB', 'HK', 'MO', 'TW', 'US']);

  it('HK, MO and TW are no citizenship even where the country list has them', () => {
    expect(checkCitizenship('HK', countries)).toEqual({ ok: false, problem: 'hmt-region', region: 'HK' });
    expect(checkCitizenship('TW', countries)).toEqual({ ok: false, problem: 'hmt-region', region: 'TW' });
    expect(checkCitizenship('CN', countries)).toEqual({ ok: true });
    expect(checkCitizenship('UK', countries, { UK: 'GB' })).toEqual({ ok: false, problem: 'not-a-country', suggestion: 'GB' });
    expect(checkCitizenship('XX', countries, { UK: 'GB' })).toEqual({ ok: false, problem: 'not-a-country' });
    // An inherited property is no suggestion.
    expect(checkCitizenship('XX', countries, Object.create({ XX: 'CN' }) as Record<string, string>)).toEqual({ ok: false, problem: 'not-a-country' });
    expect(isHmtRegionCode('toString')).toBe(false);
  });

  it('names holders neutrally: Chinese citizens, residents of the regions as Chinese citizens, others as citizens of another country', () => {
    expect(describeCitizenship('CN')).toEqual({ zh: '中国公民', en: 'a Chinese citizen' });
    expect(describeCitizenship('MO')).toEqual({ zh: '澳门居民（中国公民）', en: 'a resident of Macao (a Chinese citizen)' });
    expect(describeCitizenship('US')).toEqual({ zh: '国籍为 US 的人', en: 'a citizen of another country (US)' });
  });
});

describe('owner-document-type and principal-document-type', () => {
  it('a Chinese passport is allowed for a Chinese citizen (华侨): an info, no error', () => {
    expect(summary('individual-draft', individual('passport', CN_PASSPORT))).toEqual(['fallback-document /owner/document/type info']);
    expect(errors('individual-draft', individual('passport', CN_PASSPORT))).toEqual([]);
    expect(summary('enterprise-approved', principal('passport', CN_PASSPORT))).toEqual(['fallback-document /principal/document/type info']);
  });

  it('a US citizen with a foreign permanent resident ID card: an info, no error', () => {
    expect(summary('individual-draft', individual('foreign-permanent-resident-id', PERMANENT_RESIDENT_ID, 'US'))).toEqual([
      'fallback-document /owner/document/type info',
    ]);
    expect(errors('individual-draft', individual('foreign-permanent-resident-id', PERMANENT_RESIDENT_ID, 'US'))).toEqual([]);
  });

  it('a Hong Kong, Macao or Taiwan document is a Chinese citizen\'s, not one of another country\'s', () => {
    for (const [type, number] of [
      ['hk-macao-permit', HK_PERMIT],
      ['hmt-residence-permit', RESIDENCE_PERMIT],
      ['taiwan-compatriot-permit', TW_PERMIT],
    ] as const) {
      expect(run('principal-document-type', 'enterprise-approved', principal(type, number, 'US')).map((m) => m.path), type).toEqual([
        '/principal/document/type',
      ]);
    }
  });

  it('names another citizenship neutrally, in both locales', () => {
    const patch = { set: { '/owner/citizenship': 'US', '/principal/citizenship': 'US' } };
    const [en] = run('owner-document-type', 'individual-draft', patch);
    const [zh] = run('owner-document-type', 'individual-draft', patch, 'zh-CN');
    expect(en!.message).toBe(
      'owner document type "resident-id-card" is not allowed for a citizen of another country (US); use passport or foreign-permanent-resident-id (一、1.(1)(2))',
    );
    expect(zh!.message).toBe(
      '主办者证件类型居民身份证（resident-id-card）不适用于国籍为 US 的人，应为护照（passport）或外国人永久居留身份证（foreign-permanent-resident-id）（一、1.(1)(2)）',
    );
  });

  it('names a Chinese citizen as such', () => {
    const [en] = run('principal-document-type', 'enterprise-approved', { set: { '/principal/document/type': 'business-license' } });
    expect(en!.message).toContain('is not allowed for a Chinese citizen; use resident-id-card, household-register, officer-id, taiwan-compatriot-permit, hk-macao-permit, hmt-residence-permit or passport');
  });

  it.each([
    ['government', 'uscc-certificate', false],
    ['institution', 'uscc-certificate', false],
    ['social-group', 'uscc-certificate', false],
    ['enterprise', 'uscc-certificate', true],
    ['military', 'uscc-certificate', true],
  ])('a %s unit showing %s: reported = %s', (unitType, type, reported) => {
    const messages = run('owner-document-type', 'government-verified', {
      set: { '/owner/unitType': unitType, '/owner/document/type': type, '/owner/document/number': '11330106000198766T' },
    });
    expect(messages.map((m) => m.path)).toEqual(reported ? ['/owner/document/type'] : []);
  });
});

describe('fallback-document', () => {
  const unit = (unitType: string, type: string, number: string): Patch => ({
    set: { '/owner/unitType': unitType, '/owner/document/type': type, '/owner/document/number': number },
  });

  it.each([
    ['institution', 'institution-legal-person-certificate', '12330106000198766P'],
    ['social-group', 'social-group-legal-person-certificate', '51110105000543216G'],
  ])('a %s legal-person certificate carrying a unified social credit code is a first choice', (unitType, type, number) => {
    expect(run('fallback-document', 'government-verified', unit(unitType, type, number))).toEqual([]);
    // Written with spaces or in lower case, it is the same code.
    expect(run('fallback-document', 'government-verified', unit(unitType, type, number.toLowerCase().replace(/(.{6})/g, '$1 ')))).toEqual([]);
  });

  it('a legal-person certificate whose code has a wrong check character still carries one (document-number reports the check)', () => {
    expect(run('fallback-document', 'government-verified', unit('social-group', 'social-group-legal-person-certificate', '51110105000543216H'))).toEqual([]);
  });

  it('a legal-person certificate without a unified social credit code is a fallback, naming both first choices', () => {
    const patch = unit('institution', 'institution-legal-person-certificate', '事证第133010600123号');
    const [en] = run('fallback-document', 'government-verified', patch);
    const [zh] = run('fallback-document', 'government-verified', patch, 'zh-CN');
    expect(en!.severity).toBe('info');
    expect(en!.path).toBe('/owner/document/type');
    expect(en!.message).toBe(
      "the owner's document is institution-legal-person-certificate, not the first choice org-code-certificate or uscc-certificate; allowed only where there is no org-code-certificate or uscc-certificate (一、1.(1)(2))",
    );
    expect(zh!.message).toMatch(/^主办者使用的是事业单位法人证书（institution-legal-person-certificate），不是第一证件组织机构代码证书（org-code-certificate）或.*（uscc-certificate）；仅在没有组织机构代码证书或.*时可以使用（一、1\.\(1\)\(2\)）$/);
  });

  it('the unified social credit code certificate is a first choice for government, institution and social group', () => {
    for (const unitType of ['government', 'institution', 'social-group']) {
      expect(run('fallback-document', 'government-verified', unit(unitType, 'uscc-certificate', '11330106000198766T')), unitType).toEqual([]);
    }
  });

  it('enterprises and the military have no fallback', () => {
    expect(run('fallback-document', 'enterprise-approved', { set: { '/owner/document/type': 'org-code-certificate', '/owner/document/number': '55361234-9' } })).toEqual([]);
    expect(run('fallback-document', 'government-verified', unit('military', 'military-code-certificate', '军字第123456号'))).toEqual([]);
  });

  it('is silent for HK, MO and TW (citizenship reports them)', () => {
    expect(run('fallback-document', 'enterprise-approved', principal('foreign-permanent-resident-id', PERMANENT_RESIDENT_ID, 'HK'))).toEqual([]);
    expect(run('fallback-document', 'enterprise-approved', principal('taiwan-compatriot-permit', TW_PERMIT, 'TW'))).toEqual([]);
  });

  it('is never an error', () => {
    expect(bundledRuleSet().byId.get('fallback-document')!.severity).toBe('info');
  });
});

describe('rule tables', () => {
  const { byId } = bundledRuleSet();
  const options = (id: string) => byId.get(id)!.check!.options as Record<string, Record<string, unknown>>;

  it('the document-type tables follow the contract 1.1', () => {
    const owner = options('owner-document-type');
    expect(owner.byCitizenship!.CN).toEqual([
      'resident-id-card',
      'household-register',
      'officer-id',
      'taiwan-compatriot-permit',
      'hk-macao-permit',
      'hmt-residence-permit',
      'passport',
    ]);
    expect(owner.byCitizenship!['*']).toEqual(['passport', 'foreign-permanent-resident-id']);
    for (const unitType of ['government', 'institution', 'social-group']) expect(owner.byUnitType![unitType]).toContain('uscc-certificate');
    for (const unitType of ['enterprise', 'military']) expect(owner.byUnitType![unitType]).not.toContain('uscc-certificate');
  });

  it("fallback-document's first choices and fallbacks are exactly what the document-type rules allow, for every key", () => {
    const allowed = options('owner-document-type');
    const fallback = options('fallback-document') as Record<string, Record<string, { firstChoice: string | string[]; fallbacks: string[]; firstChoiceWithUscc?: string[] }>>;
    for (const table of ['byUnitType', 'byCitizenship'] as const) {
      expect(Object.keys(fallback[table]!).sort(), table).toEqual(Object.keys(allowed[table]!).sort());
      for (const [key, entry] of Object.entries(fallback[table]!)) {
        const first = typeof entry.firstChoice === 'string' ? [entry.firstChoice] : entry.firstChoice;
        expect([...first, ...entry.fallbacks].sort(), `${table}.${key}`).toEqual([...(allowed[table]![key] as string[])].sort());
        for (const type of entry.firstChoiceWithUscc ?? []) expect(entry.fallbacks, `${table}.${key}`).toContain(type);
      }
    }
  });
});

describe('document type names in messages', () => {
  // The Chinese names of the 1.1 types come from src/checks/identity/shared.ts (DOCUMENT_TYPE_ZH).
  it.each([
    ['hk-macao-permit', '港澳居民来往内地通行证', 'CN'],
    ['hmt-residence-permit', '港澳台居民居住证', 'CN'],
    ['foreign-permanent-resident-id', '外国人永久居留身份证', 'US'],
  ])('%s is named %s', (type, name, citizenship) => {
    const patch = { set: { '/principal/citizenship': citizenship, '/principal/document/type': 'org-code-certificate' } };
    const [zh] = run('principal-document-type', 'enterprise-approved', patch, 'zh-CN');
    expect(zh!.message).toContain(`${name}（${type}）`);
  });
});
