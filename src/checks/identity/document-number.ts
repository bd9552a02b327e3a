// document-number (一、1): the owner's and the principal's document numbers
// are well-formed for their types, check characters included. Which scheme a
// type carries and how each is checked is src/domain/document-number.ts; this
// check picks the message for each problem code and leaves alone what other
// rules report: an unknown type or an empty number (schema), a 15-digit
// first-generation ID number (first-generation-id-card).

import {
  checkDocumentNumber,
  type DocumentNumberVerdict,
  type DocumentScheme,
} from '../../domain/document-number.js';
import type { LengthRange } from '../../domain/verdict.js';
import type { MessageData, RecordCheck } from '../api.js';
import { SUBJECTS, citizenshipOf, documentOf, joinEn, joinZh, typeZh } from './shared.js';

/** What the number is called in messages, by scheme: `{what}` / `{whatZh}`. */
const SCHEME_NAMES: Readonly<Record<DocumentScheme, { en: string; zh: string }>> = {
  'citizen-id': { en: 'citizen ID number', zh: '公民身份号码' },
  uscc: { en: 'unified social credit code', zh: '统一社会信用代码' },
  'org-code': { en: 'organisation code', zh: '组织机构代码' },
  'registration-number': { en: 'business registration number', zh: '工商注册号' },
  passport: { en: 'passport number', zh: '护照号码' },
  'chinese-passport': { en: 'Chinese passport number', zh: '中国护照号码' },
  'taiwan-compatriot-permit': { en: 'Taiwan compatriot permit number', zh: '台胞证号码' },
  'hk-macao-permit': { en: 'mainland travel permit number for Hong Kong and Macao residents', zh: '港澳居民来往内地通行证号码' },
  'residence-permit': { en: 'residence permit number for Hong Kong, Macao and Taiwan residents', zh: '港澳台居民居住证号码' },
  'foreign-permanent-resident-id': { en: 'foreign permanent resident ID number', zh: '外国人永久居留身份证号码' },
  'officer-id': { en: 'officer ID number', zh: '军官证号码' },
  'military-code': { en: 'military code certificate number', zh: '军队代号证书号码' },
};

/** The characters each scheme is written with, for `characters`: `{allowed}` / `{allowedZh}`. */
const SCHEME_CHARACTERS: Readonly<Record<DocumentScheme, { en: string; zh: string }>> = {
  'citizen-id': { en: 'digits, and X as the last character', zh: '数字，末位可为 X' },
  uscc: { en: 'digits and upper-case letters other than I, O, S, V and Z', zh: '数字和除 I、O、S、V、Z 以外的大写字母' },
  'org-code': { en: 'digits and upper-case letters, with an optional hyphen before the check character', zh: '数字和大写字母，校验码前可有连字符' },
  'registration-number': { en: 'digits', zh: '数字' },
  passport: { en: 'letters and digits', zh: '字母和数字' },
  'chinese-passport': { en: 'letters and digits', zh: '字母和数字' },
  'taiwan-compatriot-permit': { en: 'digits, letters and parentheses', zh: '数字、字母和括号' },
  'hk-macao-permit': { en: 'H or M, then digits', zh: 'H 或 M 加数字' },
  'residence-permit': { en: 'digits, and X as the last character', zh: '数字，末位可为 X' },
  'foreign-permanent-resident-id': { en: 'letters and digits', zh: '字母和数字' },
  'officer-id': { en: 'letters, digits and Chinese characters', zh: '字母、数字和汉字' },
  'military-code': { en: 'letters, digits and Chinese characters', zh: '字母、数字和汉字' },
};

/** The known forms of the schemes that have `format` problems: `{form}` / `{formZh}`. */
const SCHEME_FORMS: Partial<Readonly<Record<DocumentScheme, { en: string; zh: string }>>> = {
  'chinese-passport': {
    en: 'E or G + 8 digits, E + a letter + 7 digits, D, S or P (+ E) + 7 or 8 digits, or K, H or M + 8 characters',
    zh: 'E 或 G 加 8 位数字、E 加 1 个字母和 7 位数字、D/S/P（可加 E）加 7 或 8 位数字，或 K/H/M 加 8 个字符',
  },
  'taiwan-compatriot-permit': {
    en: '8 digits, 10 digits optionally followed by a letter or digit in parentheses, or a letter + 9 digits',
    zh: '8 位数字、10 位数字（可带括号中的 1 个字母或数字），或 1 个字母加 9 位数字',
  },
  'hk-macao-permit': {
    en: 'H (Hong Kong) or M (Macao) + 8 digits, or + 10 digits (the 8-digit lifelong number and a 2-digit renewal count)',
    zh: 'H（香港）或 M（澳门）加 8 位数字，或加 10 位数字（8 位终身号加 2 位换证次数）',
  },
  'foreign-permanent-resident-id': {
    en: '18 characters starting with 9 (the 2023 card: 17 digits and a check character), or 3 letters + 12 digits (earlier cards)',
    zh: '以 9 开头的 18 位号码（2023 年版：17 位数字加 1 位校验码），或 3 位字母加 12 位数字（此前的版本）',
  },
};

/** A character as a message shows it: itself, or its code point when it would not be seen. */
export function showChar(ch: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)) return ch;
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function lengthsText(ranges: readonly LengthRange[]): { en: string; zh: string } {
  const en = ranges.map((r) => (r.min === r.max ? String(r.min) : `${r.min} to ${r.max}`));
  const zh = ranges.map((r) => (r.min === r.max ? String(r.min) : `${r.min} 至 ${r.max}`));
  return { en: joinEn(en), zh: joinZh(zh, ' 或 ') };
}

/** The message id and placeholders for a problem, or undefined when this rule stays silent. */
export function numberMessage(verdict: DocumentNumberVerdict): { messageId: string; data: MessageData } | undefined {
  if (verdict.ok) return undefined;
  if (verdict.problem === 'unknown-type' || verdict.problem === 'empty') return undefined;
  const scheme = verdict.scheme;
  const name = scheme ? SCHEME_NAMES[scheme] : { en: `${verdict.type} number`, zh: `${typeZh(verdict.type)}号码` };
  const base: MessageData = { type: verdict.type, typeZh: typeZh(verdict.type), what: name.en, whatZh: name.zh };

  switch (verdict.problem) {
    case 'first-generation':
      return undefined;
    case 'region':
    case 'birth-date':
      // A 15-digit number is first-generation-id-card's, whatever else is wrong with it.
      if ('firstGeneration' in verdict && verdict.firstGeneration) return undefined;
      if (verdict.problem === 'birth-date') return { messageId: 'birth-date', data: base };
      return scheme === 'uscc'
        ? { messageId: 'uscc-region', data: { ...base, regionCode: verdict.regionCode } }
        : { messageId: 'region', data: { ...base, regionCode: verdict.regionCode } };
    case 'future-birth-date':
      return { messageId: 'future-birth-date', data: base };
    case 'lowercase-x':
      return { messageId: 'lowercase-x', data: base };
    case 'foreign-permanent-resident':
      return { messageId: 'foreign-permanent-resident', data: { ...base, nationality: verdict.nationality } };
    case 'org-code':
      return { messageId: 'org-code', data: { ...base, expected: verdict.expected } };
    case 'residence-permit-region':
      return { messageId: 'residence-permit-region', data: { ...base, regionCode: verdict.regionCode } };
    case 'legacy-number':
      return { messageId: 'legacy-number', data: base };
    case 'check-character':
      return { messageId: 'check-character', data: { ...base, expected: verdict.expected, actual: verdict.actual } };
    case 'characters': {
      const allowed = scheme ? SCHEME_CHARACTERS[scheme] : { en: 'letters and digits', zh: '字母和数字' };
      return {
        messageId: 'characters',
        data: { ...base, position: verdict.position, char: showChar(verdict.char), allowed: allowed.en, allowedZh: allowed.zh },
      };
    }
    case 'length': {
      const lengths = lengthsText(verdict.allowedLengths);
      return { messageId: 'length', data: { ...base, length: verdict.length, expected: lengths.en, expectedZh: lengths.zh } };
    }
    case 'format': {
      const form = (scheme && SCHEME_FORMS[scheme]) ?? { en: 'a known form', zh: '已知格式' };
      return { messageId: 'format', data: { ...base, form: form.en, formZh: form.zh } };
    }
  }
}

/** Every message id numberMessage can return (the registry refuses a rule file without one). */
export const documentNumberMessageIds = [
  'characters',
  'length',
  'check-character',
  'format',
  'region',
  'birth-date',
  'future-birth-date',
  'lowercase-x',
  'foreign-permanent-resident',
  'org-code',
  'uscc-region',
  'residence-permit-region',
  'legacy-number',
] as const;

export const documentNumber: RecordCheck = (ctx) => {
  const { record } = ctx;
  for (const subject of SUBJECTS) {
    const doc = documentOf(record, subject);
    if (doc.type === undefined || doc.number === undefined) continue;
    const citizenship = citizenshipOf(record, subject);
    const verdict = checkDocumentNumber(doc.type, doc.number, ctx.now, citizenship ? { citizenship } : {});
    const message = numberMessage(verdict);
    if (message) ctx.report({ path: `${doc.base}/document/number`, ...message });
  }
};
