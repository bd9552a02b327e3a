// The words messages use, in both languages. Checks never know the locale:
// where a message names something in words (a document type, the owner, a
// list of choices), the check puts a LocalizedText into the message's data
// and the engine picks the locale's text when it fills the template. So a
// check holds no Chinese, and a word is translated once, here.
//
// English messages name a code of the filing format (a document type, a unit
// type, a principal's role) by the code itself, which is what the user writes
// in the record; Chinese messages by its name in the notice, most often with
// the code in brackets after it (`居民身份证（resident-id-card）`).

import { isDocumentType, type DocumentScheme, type DocumentType } from './document-number.js';
import type { LengthRange } from './verdict.js';

/** A text in each language messages are printed in. */
export interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** A text that reads the same in both languages: a code, a number, a name from the record. */
export function verbatim(text: string): LocalizedText {
  return { en: text, 'zh-CN': text };
}

/** A pair as other modules of src/domain keep one (`{ zh, en }`). */
export function localized(pair: { readonly en: string; readonly zh: string }): LocalizedText {
  return { en: pair.en, 'zh-CN': pair.zh };
}

/** A code with its Chinese name: `religion` / `宗教（religion）`; the code alone when it has no name. */
export function nameWithCode(code: string, nameZh: string | undefined): LocalizedText {
  return { en: code, 'zh-CN': nameZh === undefined ? code : `${nameZh}（${code}）` };
}

// ---------------------------------------------------------------------------
// Lists

/** The conjunction of a list of alternatives. */
export const OR: LocalizedText = { en: 'or', 'zh-CN': '或' };

/** `或` between numbers, which Chinese text sets off with spaces (`8 或 10`). */
const OR_BETWEEN_NUMBERS: LocalizedText = { en: 'or', 'zh-CN': ' 或 ' };

/** What a list of alternatives says when it has none. */
export const NONE: LocalizedText = { en: 'none', 'zh-CN': '无' };

/** `a`, `a or b`, `a, b or c`. */
export function joinEn(items: readonly string[], conjunction = OR.en): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `a`, `a或b`, `a、b或c`. */
export function joinZh(items: readonly string[], conjunction = OR['zh-CN']): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}${conjunction}${items[items.length - 1]}`;
}

/** A list joined in each language's way: `a, b or c` / `a、b或c`. */
export function oneOf(items: readonly LocalizedText[], conjunction: LocalizedText = OR): LocalizedText {
  return {
    en: joinEn(items.map((item) => item.en), conjunction.en),
    'zh-CN': joinZh(items.map((item) => item['zh-CN']), conjunction['zh-CN']),
  };
}

// ---------------------------------------------------------------------------
// Whose record: the owner (主办者) and the principal (网站负责人)

export const SUBJECT_NAMES: Readonly<Record<'owner' | 'principal', LocalizedText>> = {
  owner: { en: 'owner', 'zh-CN': '主办者' },
  principal: { en: 'principal', 'zh-CN': '网站负责人' },
};

// ---------------------------------------------------------------------------
// Document types (证件), as the notice and the contract's table name them

const DOCUMENT_TYPE_NAMES_ZH: Readonly<Record<DocumentType, string>> = {
  'org-code-certificate': '组织机构代码证书',
  'uscc-certificate': '统一社会信用代码证书',
  'institution-legal-person-certificate': '事业单位法人证书',
  'social-group-legal-person-certificate': '社会团体法人登记证书',
  'business-license': '工商营业执照',
  'military-code-certificate': '军队代号证书',
  'resident-id-card': '居民身份证',
  'household-register': '户口簿',
  'officer-id': '军官证',
  'taiwan-compatriot-permit': '台胞证',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'hmt-residence-permit': '港澳台居民居住证',
  passport: '护照',
  'foreign-permanent-resident-id': '外国人永久居留身份证',
};

/** A document type's name: `resident-id-card` / `居民身份证`. A type the contract does not know reads as written. */
export function documentTypeName(type: string): LocalizedText {
  return isDocumentType(type) ? { en: type, 'zh-CN': DOCUMENT_TYPE_NAMES_ZH[type] } : verbatim(type);
}

/** A document type as messages quote it: `resident-id-card` / `居民身份证（resident-id-card）`. */
export function documentTypeWithCode(type: string): LocalizedText {
  return nameWithCode(type, isDocumentType(type) ? DOCUMENT_TYPE_NAMES_ZH[type] : undefined);
}

/** Document types as a list of alternatives. */
export function documentTypesWithCode(types: readonly string[]): LocalizedText {
  return oneOf(types.map(documentTypeWithCode));
}

/**
 * A document a message names by whose it is: `the owner's resident-id-card` /
 * `主办者的居民身份证（resident-id-card）`; `document` / `证件` when the record
 * gives no type.
 */
export function subjectDocument(subject: 'owner' | 'principal', type: string): LocalizedText {
  const whose = SUBJECT_NAMES[subject];
  return {
    en: `the ${whose.en}'s ${type || 'document'}`,
    'zh-CN': `${whose['zh-CN']}的${type ? documentTypeWithCode(type)['zh-CN'] : '证件'}`,
  };
}

/**
 * A document of the on-site verification, by its place in the list (from 1):
 * `on-site document no. 2 (passport)` / `当面核验的第 2 份证件（护照，passport）`,
 * the type's name and code within one pair of brackets rather than nested ones.
 */
export function onSiteDocument(ordinal: number, type: string): LocalizedText {
  const nameZh = isDocumentType(type) ? `${DOCUMENT_TYPE_NAMES_ZH[type]}，${type}` : type;
  return {
    en: `on-site document no. ${ordinal}${type ? ` (${type})` : ''}`,
    'zh-CN': `当面核验的第 ${ordinal} 份证件${type ? `（${nameZh}）` : ''}`,
  };
}

// ---------------------------------------------------------------------------
// Unit types (单位性质, 一、1.(1)) and the kinds of owner a domain registry admits

export const UNIT_TYPE_NAMES: Readonly<Record<'government' | 'institution' | 'social-group' | 'enterprise' | 'military', LocalizedText>> = {
  government: { en: 'government', 'zh-CN': '机关' },
  institution: { en: 'institution', 'zh-CN': '事业单位' },
  'social-group': { en: 'social-group', 'zh-CN': '社会团体' },
  enterprise: { en: 'enterprise', 'zh-CN': '企业' },
  military: { en: 'military', 'zh-CN': '军队' },
};

/** An owner by its kind, as a sentence names it: `a government body` / `机关`. */
export const OWNER_KIND_NAMES: Readonly<Record<'individual' | keyof typeof UNIT_TYPE_NAMES, LocalizedText>> = {
  individual: { en: 'an individual', 'zh-CN': '个人' },
  government: { en: 'a government body', 'zh-CN': UNIT_TYPE_NAMES.government['zh-CN'] },
  institution: { en: 'a public institution', 'zh-CN': UNIT_TYPE_NAMES.institution['zh-CN'] },
  'social-group': { en: 'a social group', 'zh-CN': UNIT_TYPE_NAMES['social-group']['zh-CN'] },
  enterprise: { en: 'an enterprise', 'zh-CN': UNIT_TYPE_NAMES.enterprise['zh-CN'] },
  military: { en: 'a military unit', 'zh-CN': UNIT_TYPE_NAMES.military['zh-CN'] },
};

/**
 * Owner kinds as alternatives: `a government body, a public institution or a
 * military unit` / `机关或事业单位或军队`. The Chinese joins every two with 或,
 * not with 、 as oneOf does: restricted-domain's messages have always read so.
 */
export function ownerKinds(kinds: readonly (keyof typeof OWNER_KIND_NAMES)[]): LocalizedText {
  const names = kinds.map((kind) => OWNER_KIND_NAMES[kind]);
  return { en: joinEn(names.map((name) => name.en)), 'zh-CN': names.map((name) => name['zh-CN']).join(OR['zh-CN']) };
}

// ---------------------------------------------------------------------------
// The principal's role (一、1.(3))

const PRINCIPAL_ROLE_NAMES_ZH: Readonly<Record<'legal-representative' | 'department-head' | 'self', string>> = {
  'legal-representative': '法定代表人',
  'department-head': '部门负责人',
  self: '本人',
};

/** A role as messages quote it: `self` / `本人（self）`. */
export function principalRoleWithCode(role: string): LocalizedText {
  return nameWithCode(role, Object.hasOwn(PRINCIPAL_ROLE_NAMES_ZH, role) ? PRINCIPAL_ROLE_NAMES_ZH[role as keyof typeof PRINCIPAL_ROLE_NAMES_ZH] : undefined);
}

// ---------------------------------------------------------------------------
// Document numbers: what each numbering scheme is called, the characters it
// is written with and the forms it has

export const DOCUMENT_NUMBER_NAMES: Readonly<Record<DocumentScheme, LocalizedText>> = {
  'citizen-id': { en: 'citizen ID number', 'zh-CN': '公民身份号码' },
  uscc: { en: 'unified social credit code', 'zh-CN': '统一社会信用代码' },
  'org-code': { en: 'organisation code', 'zh-CN': '组织机构代码' },
  'registration-number': { en: 'business registration number', 'zh-CN': '工商注册号' },
  passport: { en: 'passport number', 'zh-CN': '护照号码' },
  'chinese-passport': { en: 'Chinese passport number', 'zh-CN': '中国护照号码' },
  'taiwan-compatriot-permit': { en: 'Taiwan compatriot permit number', 'zh-CN': '台胞证号码' },
  'hk-macao-permit': { en: 'mainland travel permit number for Hong Kong and Macao residents', 'zh-CN': '港澳居民来往内地通行证号码' },
  'residence-permit': { en: 'residence permit number for Hong Kong, Macao and Taiwan residents', 'zh-CN': '港澳台居民居住证号码' },
  'foreign-permanent-resident-id': { en: 'foreign permanent resident ID number', 'zh-CN': '外国人永久居留身份证号码' },
  'officer-id': { en: 'officer ID number', 'zh-CN': '军官证号码' },
  'military-code': { en: 'military code certificate number', 'zh-CN': '军队代号证书号码' },
};

/** The number of a document whose type carries no scheme: `passport number` / `护照（passport）号码`. */
export function documentNumberName(type: string): LocalizedText {
  return { en: `${type} number`, 'zh-CN': `${documentTypeWithCode(type)['zh-CN']}号码` };
}

const LETTERS_AND_DIGITS: LocalizedText = { en: 'letters and digits', 'zh-CN': '字母和数字' };
const CITIZEN_ID_CHARACTERS: LocalizedText = { en: 'digits, and X as the last character', 'zh-CN': '数字，末位可为 X' };
const WITH_CHINESE_CHARACTERS: LocalizedText = { en: 'letters, digits and Chinese characters', 'zh-CN': '字母、数字和汉字' };

/** The characters each scheme is written with. */
export const DOCUMENT_NUMBER_CHARACTERS: Readonly<Record<DocumentScheme, LocalizedText>> = {
  'citizen-id': CITIZEN_ID_CHARACTERS,
  uscc: { en: 'digits and upper-case letters other than I, O, S, V and Z', 'zh-CN': '数字和除 I、O、S、V、Z 以外的大写字母' },
  'org-code': { en: 'digits and upper-case letters, with an optional hyphen before the check character', 'zh-CN': '数字和大写字母，校验码前可有连字符' },
  'registration-number': { en: 'digits', 'zh-CN': '数字' },
  passport: LETTERS_AND_DIGITS,
  'chinese-passport': LETTERS_AND_DIGITS,
  'taiwan-compatriot-permit': { en: 'digits, letters and parentheses', 'zh-CN': '数字、字母和括号' },
  'hk-macao-permit': { en: 'H or M, then digits', 'zh-CN': 'H 或 M 加数字' },
  'residence-permit': CITIZEN_ID_CHARACTERS,
  'foreign-permanent-resident-id': LETTERS_AND_DIGITS,
  'officer-id': WITH_CHINESE_CHARACTERS,
  'military-code': WITH_CHINESE_CHARACTERS,
};

/** The characters of a number whose type carries no scheme. */
export const ANY_NUMBER_CHARACTERS = LETTERS_AND_DIGITS;

/** The known forms of the schemes that have more than one. */
export const DOCUMENT_NUMBER_FORMS: Partial<Readonly<Record<DocumentScheme, LocalizedText>>> = {
  'chinese-passport': {
    en: 'E or G + 8 digits, E + a letter + 7 digits, D, S or P (+ E) + 7 or 8 digits, or K, H or M + 8 characters',
    'zh-CN': 'E 或 G 加 8 位数字、E 加 1 个字母和 7 位数字、D/S/P（可加 E）加 7 或 8 位数字，或 K/H/M 加 8 个字符',
  },
  'taiwan-compatriot-permit': {
    en: '8 digits, 10 digits optionally followed by a letter or digit in parentheses, or a letter + 9 digits',
    'zh-CN': '8 位数字、10 位数字（可带括号中的 1 个字母或数字），或 1 个字母加 9 位数字',
  },
  'hk-macao-permit': {
    en: 'H (Hong Kong) or M (Macao) + 8 digits, or + 10 digits (the 8-digit lifelong number and a 2-digit renewal count)',
    'zh-CN': 'H（香港）或 M（澳门）加 8 位数字，或加 10 位数字（8 位终身号加 2 位换证次数）',
  },
  'foreign-permanent-resident-id': {
    en: '18 characters starting with 9 (the 2023 card: 17 digits and a check character), or 3 letters + 12 digits (earlier cards)',
    'zh-CN': '以 9 开头的 18 位号码（2023 年版：17 位数字加 1 位校验码），或 3 位字母加 12 位数字（此前的版本）',
  },
};

/** The form of a scheme that has only one, or of a number whose type carries no scheme. */
export const A_KNOWN_FORM: LocalizedText = { en: 'a known form', 'zh-CN': '已知格式' };

/** Allowed lengths: `18`, `8 or 10 to 12` / `8 或 10 至 12`. */
export function lengths(ranges: readonly LengthRange[]): LocalizedText {
  return oneOf(
    ranges.map((r) => (r.min === r.max ? verbatim(String(r.min)) : { en: `${r.min} to ${r.max}`, 'zh-CN': `${r.min} 至 ${r.max}` })),
    OR_BETWEEN_NUMBERS,
  );
}

// ---------------------------------------------------------------------------
// Pre-approvals (一、3)

/** The regulation a requirement cites and the day it applies from: ` (…, from 2022-03-01)` / `（依据…，自 2022-03-01 起）`. */
export function regulationCited(source: string, from: string): LocalizedText {
  return { en: ` (${source}, from ${from})`, 'zh-CN': `（依据${source}，自 ${from} 起）` };
}
