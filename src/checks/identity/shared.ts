// Shared by the identity checks: reading the owner's and the principal's
// documents from an untrusted record, the vocabulary their messages quote
// (document types and unit types in Chinese, lists joined per language), the
// JSON Schema fragments of their options, and how two document numbers are
// compared.
//
// Checks never know the locale, so a message that names a document type gets
// both the code (`{type}`, what the user writes in the record) and its
// Chinese name (`{typeZh}`); the zh-CN template uses the latter.

import { isHmtRegionCode } from '../../domain/citizenship.js';
import { DOCUMENT_TYPES, documentNumberKey as numberKey, isDocumentType, type DocumentType } from '../../domain/document-number.js';
import { stringAt, textAt } from '../access.js';

export type Subject = 'owner' | 'principal';
export const SUBJECTS: readonly Subject[] = ['owner', 'principal'];

/** How messages name the two people/bodies whose documents are checked. */
export const SUBJECT_ZH: Readonly<Record<Subject, string>> = { owner: '主办者', principal: '网站负责人' };

export const UNIT_TYPES = ['government', 'institution', 'social-group', 'enterprise', 'military'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** 单位性质 as the notice names them (一、1.(1)). */
export const UNIT_TYPE_ZH: Readonly<Record<UnitType, string>> = {
  government: '机关',
  institution: '事业单位',
  'social-group': '社会团体',
  enterprise: '企业',
  military: '军队',
};

/** 证件 as the notice and the contract's table name them. */
export const DOCUMENT_TYPE_ZH: Readonly<Record<DocumentType, string>> = {
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

export function isUnitType(v: unknown): v is UnitType {
  return typeof v === 'string' && (UNIT_TYPES as readonly string[]).includes(v);
}

/** `居民身份证（resident-id-card）`: the Chinese name with the code the record uses. */
export function typeZh(type: string): string {
  return isDocumentType(type) ? `${DOCUMENT_TYPE_ZH[type]}（${type}）` : type;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinEn(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `a`, `a或b`, `a、b或c`. */
export function joinZh(items: readonly string[], conjunction = '或'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}${conjunction}${items[items.length - 1]}`;
}

/** `{expected}` and `{expectedZh}` for a list of document types. */
export function expectedTypes(types: readonly string[]): { expected: string; expectedZh: string } {
  return { expected: joinEn(types), expectedZh: joinZh(types.map(typeZh)) };
}

/** A person's or unit's document as the record gives it; fields of the wrong type read as absent. */
export interface DocumentRef {
  subject: Subject;
  /** `/owner` or `/principal`. */
  base: string;
  type: string | undefined;
  number: string | undefined;
  holder: string | undefined;
}

/**
 * The pointers of a subject's fields, written out once: identity rules read
 * them for every record, and a pointer built afresh each time costs a string
 * concatenation and a hash per read.
 */
export const SUBJECT_POINTERS: Readonly<Record<Subject, { base: string; name: string; citizenship: string; type: string; number: string; holder: string }>> = Object.freeze({
  owner: { base: '/owner', name: '/owner/name', citizenship: '/owner/citizenship', type: '/owner/document/type', number: '/owner/document/number', holder: '/owner/document/holder' },
  principal: {
    base: '/principal',
    name: '/principal/name',
    citizenship: '/principal/citizenship',
    type: '/principal/document/type',
    number: '/principal/document/number',
    holder: '/principal/document/holder',
  },
});

export function documentOf(record: unknown, subject: Subject): DocumentRef {
  const pointers = SUBJECT_POINTERS[subject];
  return {
    subject,
    base: pointers.base,
    type: textAt(record, pointers.type),
    number: stringAt(record, pointers.number),
    holder: textAt(record, pointers.holder),
  };
}

/**
 * The citizenship that decides which personal documents a subject may use:
 * the principal's own, or an individual owner's; undefined for a unit owner
 * or when the record does not say.
 */
export function citizenshipOf(record: unknown, subject: Subject): string | undefined {
  if (subject === 'owner' && textAt(record, '/owner/kind') !== 'individual') return undefined;
  return textAt(record, SUBJECT_POINTERS[subject].citizenship);
}

/**
 * The citizenship to look a person's documents up by: a country code, but not
 * HK, MO or TW, which are no citizenships (the citizenship rule reports them;
 * judging those residents as "another citizenship" would add a wrong error).
 */
export function documentCitizenship(record: unknown, subject: Subject): string | undefined {
  const code = citizenshipOf(record, subject);
  return isCountryCode(code) && !isHmtRegionCode(code) ? code : undefined;
}

/** The owner's kind, when it is one of the contract's. */
export function ownerKind(record: unknown): 'unit' | 'individual' | undefined {
  const kind = textAt(record, '/owner/kind');
  return kind === 'unit' || kind === 'individual' ? kind : undefined;
}

/** The comparison key of a document number (see documentNumberKey). */
export { numberKey };

/** Whether two document numbers name the same document; an empty number matches nothing. */
export function sameNumber(a: string, b: string): boolean {
  const ka = numberKey(a);
  return ka !== '' && ka === numberKey(b);
}

// ---------------------------------------------------------------------------
// Options schema fragments

export const documentTypeSchema = { enum: [...DOCUMENT_TYPES] } as const;

export const documentTypeListSchema = {
  type: 'array',
  items: documentTypeSchema,
  uniqueItems: true,
} as const;

/** `CN`, another ISO 3166-1 alpha-2 code, or `*` for every citizenship not listed. */
export const citizenshipKeySchema = { type: 'string', pattern: '^([A-Z]{2}|\\*)$' } as const;

export const unitTypeSchema = { enum: [...UNIT_TYPES] } as const;

/** The entry of a `byCitizenship` table for a citizenship: its own, else `*`. */
export function forCitizenship<T>(table: Readonly<Record<string, T>> | undefined, citizenship: string): T | undefined {
  if (!table) return undefined;
  if (Object.hasOwn(table, citizenship)) return table[citizenship];
  return Object.hasOwn(table, '*') ? table['*'] : undefined;
}

/** The entry of a `byUnitType` table. */
export function forUnitType<T>(table: Readonly<Record<string, T>> | undefined, unitType: string): T | undefined {
  return table && Object.hasOwn(table, unitType) ? table[unitType] : undefined;
}

/** A citizenship code the tables can be keyed by (the schema rule reports other values). */
export function isCountryCode(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Z]{2}$/u.test(v);
}
