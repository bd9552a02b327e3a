import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../src/domain/document-number.js';
import {
  NONE,
  documentNumberName,
  documentTypeName,
  documentTypeWithCode,
  documentTypesWithCode,
  lengths,
  nameWithCode,
  oneOf,
  onSiteDocument,
  ownerKinds,
  principalRoleWithCode,
  regulationCited,
  subjectDocument,
  verbatim,
} from '../../src/domain/vocabulary.js';

describe('lists in each language', () => {
  it('joins alternatives the way each language does', () => {
    const words = ['甲', '乙', '丙'].map((zh, i) => ({ en: 'abc'[i]!, 'zh-CN': zh }));
    expect(oneOf([])).toEqual({ en: '', 'zh-CN': '' });
    expect(oneOf(words.slice(0, 1))).toEqual({ en: 'a', 'zh-CN': '甲' });
    expect(oneOf(words.slice(0, 2))).toEqual({ en: 'a or b', 'zh-CN': '甲或乙' });
    expect(oneOf(words)).toEqual({ en: 'a, b or c', 'zh-CN': '甲、乙或丙' });
  });

  it('sets 或 between numbers off with spaces', () => {
    expect(lengths([{ min: 18, max: 18 }])).toEqual({ en: '18', 'zh-CN': '18' });
    expect(lengths([{ min: 8, max: 8 }, { min: 10, max: 12 }])).toEqual({ en: '8 or 10 to 12', 'zh-CN': '8 或 10 至 12' });
  });

  it('joins every two owner kinds with 或', () => {
    expect(ownerKinds(['government', 'institution', 'military'])).toEqual({
      en: 'a government body, a public institution or a military unit',
      'zh-CN': '机关或事业单位或军队',
    });
  });
});

describe('document types', () => {
  it('has a Chinese name for every type of the contract', () => {
    for (const type of DOCUMENT_TYPES) {
      const name = documentTypeName(type);
      expect(name.en, type).toBe(type);
      expect(name['zh-CN'], type).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('quotes a type by its code, in Chinese after its name', () => {
    expect(documentTypeWithCode('resident-id-card')).toEqual({ en: 'resident-id-card', 'zh-CN': '居民身份证（resident-id-card）' });
    expect(documentTypesWithCode(['passport', 'hk-macao-permit'])).toEqual({
      en: 'passport or hk-macao-permit',
      'zh-CN': '护照（passport）或港澳居民来往内地通行证（hk-macao-permit）',
    });
  });

  it('reads a type the contract does not know as written', () => {
    expect(documentTypeName('library-card')).toEqual(verbatim('library-card'));
    expect(documentTypeWithCode('library-card')).toEqual(verbatim('library-card'));
    expect(documentNumberName('library-card')).toEqual({ en: 'library-card number', 'zh-CN': 'library-card号码' });
  });

  it('names a document by whose it is, or by its place among those verified on site', () => {
    expect(subjectDocument('principal', 'passport')).toEqual({ en: "the principal's passport", 'zh-CN': '网站负责人的护照（passport）' });
    expect(subjectDocument('owner', '')).toEqual({ en: "the owner's document", 'zh-CN': '主办者的证件' });
    expect(onSiteDocument(2, 'passport')).toEqual({ en: 'on-site document no. 2 (passport)', 'zh-CN': '当面核验的第 2 份证件（护照，passport）' });
    expect(onSiteDocument(1, 'library-card')).toEqual({ en: 'on-site document no. 1 (library-card)', 'zh-CN': '当面核验的第 1 份证件（library-card）' });
    expect(onSiteDocument(3, '')).toEqual({ en: 'on-site document no. 3', 'zh-CN': '当面核验的第 3 份证件' });
  });
});

describe('other codes and phrases', () => {
  it('quotes a role, or any code, after its Chinese name when it has one', () => {
    expect(principalRoleWithCode('self')).toEqual({ en: 'self', 'zh-CN': '本人（self）' });
    expect(principalRoleWithCode('boss')).toEqual(verbatim('boss'));
    expect(nameWithCode('religion', '宗教')).toEqual({ en: 'religion', 'zh-CN': '宗教（religion）' });
    expect(nameWithCode('religion', undefined)).toEqual(verbatim('religion'));
  });

  it('cites a regulation in each language', () => {
    expect(regulationCited('《办法》', '2022-03-01')).toEqual({ en: ' (《办法》, from 2022-03-01)', 'zh-CN': '（依据《办法》，自 2022-03-01 起）' });
    expect(NONE).toEqual({ en: 'none', 'zh-CN': '无' });
  });
});
