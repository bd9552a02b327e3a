// One entry point for the document-number rule: which number scheme each
// document type of the contract ("Document types") carries, and the verdict
// of that scheme's check, tagged with the type and the scheme.
//
//   org-code-certificate                    organisation code (GB 11714) or USCC
//   uscc-certificate                        USCC
//   institution-legal-person-certificate    USCC (GB 32100)
//   social-group-legal-person-certificate   USCC
//   business-license                        USCC or 15-digit registration number
//   military-code-certificate               loose form check
//   resident-id-card, household-register    citizen ID number (GB 11643)
//   officer-id                              loose form check
//   taiwan-compatriot-permit                form check
//   hk-macao-permit                         form check (H/M + 8 or 10 digits)
//   hmt-residence-permit                    citizen ID number with region
//                                           810000, 820000 or 830000
//   foreign-permanent-resident-id           18 characters, leading 9, MOD 11-2
//                                           check; or 3 letters + 12 digits
//   passport                                form check (any country; the
//                                           Chinese forms for a CN holder)
//
// Problem codes are those of the scheme modules (see each for its meaning):
//   empty, characters, length, check-character       (all, as they apply)
//   format                                           (form checks)
//   first-generation, region, birth-date, future-birth-date, lowercase-x,
//   foreign-permanent-resident                       (citizen ID)
//   org-code, region                                 (USCC)
//   residence-permit-region                          (residence permit)
// plus one of this module:
//   unknown-type   the type is not one of the contract's; the schema rule
//                  reports that, so the document-number rule stays silent.
//
// Where a type allows two schemes, the length picks one (the schemes have
// different fixed lengths); a length that fits neither gives `length` without
// `scheme`.

import {
  checkCitizenId,
  checkForeignPermanentResidentId,
  checkResidencePermitNumber,
  type CitizenIdVerdict,
  type ForeignPermanentResidentIdVerdict,
  type ResidencePermitVerdict,
} from './citizen-id.js';
import { RecentResults } from './recent.js';
import { checkOrgCode, type OrgCodeVerdict } from './org-code.js';
import { checkRegistrationNumber, type RegistrationNumberVerdict } from './registration-number.js';
import {
  checkChinesePassport,
  checkHkMacaoPermit,
  checkMilitaryCodeCertificate,
  checkOfficerId,
  checkPassport,
  checkTaiwanCompatriotPermit,
  type FormVerdict,
} from './travel-documents.js';
import { checkUscc, type UsccVerdict } from './uscc.js';
import { EMPTY, asString, codePointLength, lengthProblem, type EmptyProblem, type LengthProblem } from './verdict.js';
import type { DocumentType as SchemaDocumentType } from '../generated/filing.js';

/** The document types of the contract, fixed by it. */
export const DOCUMENT_TYPES = [
  'org-code-certificate',
  'uscc-certificate',
  'institution-legal-person-certificate',
  'social-group-legal-person-certificate',
  'business-license',
  'military-code-certificate',
  'resident-id-card',
  'household-register',
  'officer-id',
  'taiwan-compatriot-permit',
  'hk-macao-permit',
  'hmt-residence-permit',
  'passport',
  'foreign-permanent-resident-id',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// The list is the schema's enum, written out for the code that branches on it: the
// generated type from schemas/filing.schema.json fails this line when the two differ.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SCHEMA_DOCUMENT_TYPES: SameSet<DocumentType, SchemaDocumentType> = true;
void SCHEMA_DOCUMENT_TYPES;

const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

export function isDocumentType(type: unknown): type is DocumentType {
  return typeof type === 'string' && DOCUMENT_TYPE_SET.has(type);
}

/** The numbering scheme a verdict was reached under. */
export type DocumentScheme =
  | 'citizen-id'
  | 'uscc'
  | 'org-code'
  | 'registration-number'
  | 'passport'
  | 'chinese-passport'
  | 'taiwan-compatriot-permit'
  | 'hk-macao-permit'
  | 'residence-permit'
  | 'foreign-permanent-resident-id'
  | 'officer-id'
  | 'military-code';

interface Tag<S extends DocumentScheme> {
  readonly type: DocumentType;
  readonly scheme: S;
}

export type DocumentNumberVerdict =
  | (CitizenIdVerdict & Tag<'citizen-id'>)
  | (ResidencePermitVerdict & Tag<'residence-permit'>)
  | (ForeignPermanentResidentIdVerdict & Tag<'foreign-permanent-resident-id'>)
  | (UsccVerdict & Tag<'uscc'>)
  | (LegacyNumberProblem & Tag<'uscc'>)
  | (OrgCodeVerdict & Tag<'org-code'>)
  | (RegistrationNumberVerdict & Tag<'registration-number'>)
  | (FormVerdict &
      Tag<'passport' | 'chinese-passport' | 'taiwan-compatriot-permit' | 'hk-macao-permit' | 'officer-id' | 'military-code'>)
  /** Empty, or a length that fits none of the type's schemes: no scheme was chosen. */
  | ((EmptyProblem | LengthProblem) & { readonly type: DocumentType; readonly scheme?: undefined })
  | UnknownTypeProblem;

/**
 * The number of a legal-person certificate of before the credit code
 * (事证第133010600123号, 社证字第…号, or its 12 digits): such certificates were
 * all reissued with a unified social credit code, which is what a filing gives.
 */
export interface LegacyNumberProblem {
  readonly ok: false;
  readonly problem: 'legacy-number';
}

export interface UnknownTypeProblem {
  readonly ok: false;
  readonly problem: 'unknown-type';
  /** The type as given ('' when it was not a string). */
  readonly type: string;
}

export type DocumentNumberProblemCode = Extract<DocumentNumberVerdict, { ok: false }>['problem'];

// Keyed by the union, so adding a problem code anywhere without listing it
// here is a type error.
const PROBLEM_CODES: Record<DocumentNumberProblemCode, true> = {
  empty: true,
  characters: true,
  length: true,
  'check-character': true,
  format: true,
  'first-generation': true,
  region: true,
  'birth-date': true,
  'future-birth-date': true,
  'lowercase-x': true,
  'foreign-permanent-resident': true,
  'org-code': true,
  'residence-permit-region': true,
  'legacy-number': true,
  'unknown-type': true,
};

/** Every problem code checkDocumentNumber can return, for message catalogues and their tests. */
export const DOCUMENT_NUMBER_PROBLEM_CODES: readonly DocumentNumberProblemCode[] = Object.freeze(
  Object.keys(PROBLEM_CODES) as DocumentNumberProblemCode[],
);

export interface DocumentNumberOptions {
  /**
   * The holder's citizenship (ISO 3166-1 alpha-2). The contract gives
   * passports to people of another citizenship, so a passport is checked
   * against any country's form; with "CN" it is checked against the forms of
   * Chinese passports.
   */
  readonly citizenship?: string;
}

function tag<V extends object, S extends DocumentScheme>(verdict: V, type: DocumentType, scheme: S): V & Tag<S> {
  // Object.assign rather than spread: verdicts come in many shapes, and V8's
  // spread of megamorphic objects cost more than the check itself.
  return Object.assign({}, verdict, { type, scheme });
}

/**
 * Checks a document number for its document type. `now` is "today" for the
 * birth-date check of citizen ID numbers. Never throws on any input.
 */
export function checkDocumentNumber(
  type: string,
  number: string,
  now: Date,
  options: DocumentNumberOptions = {},
): DocumentNumberVerdict {
  const citizenship = options.citizenship ?? '';
  if (!isDocumentType(type) || typeof number !== 'string' || number.length > 64 || typeof citizenship !== 'string') {
    return checkUncached(type, number, now, options);
  }
  // Three rules check each document number of a record; the verdict is worked out once. A table per
  // type, keyed by the number alone: no key string is built per call. Only a passport's verdict
  // depends on the citizenship, and only on whether it is Chinese, so a rule that passes none shares
  // the verdict of one that does (a table per citizenship computed each ID number twice).
  const time = now.getTime();
  if (time !== verdictsAt && !(Number.isNaN(time) && Number.isNaN(verdictsAt))) {
    recentVerdicts.clear();
    verdictsAt = time;
  }
  const tableKey = type === 'passport' && citizenship === 'CN' ? 'passport/CN' : type;
  let table = recentVerdicts.get(tableKey);
  if (!table) recentVerdicts.set(tableKey, (table = new RecentResults()));
  return table.get(number, () => checkUncached(type, number, now, options));
}

/** Remembered verdicts for one "today" (`verdictsAt`), by type (and a Chinese citizen's passport), then number. */
const recentVerdicts = new Map<string, RecentResults<DocumentNumberVerdict>>();
let verdictsAt = Number.NaN;

// 事证第133010600123号 (institutions), 社证字第…号 (social groups), or the 12 digits alone.
const LEGACY_LEGAL_PERSON_NUMBER = /^\s*(?:[事社]证字?第)?\s*[0-9]{12}\s*号?\s*$/u;

function checkUncached(type: string, number: string, now: Date, options: DocumentNumberOptions): DocumentNumberVerdict {
  if (!isDocumentType(type)) return { ok: false, problem: 'unknown-type', type: asString(type) };
  const s = asString(number);
  switch (type) {
    case 'resident-id-card':
    case 'household-register':
      // 居民身份证 and 户口簿 carry the same citizen ID number (GB 11643).
      return tag(checkCitizenId(s, now), type, 'citizen-id');

    case 'institution-legal-person-certificate':
    case 'social-group-legal-person-certificate':
      // An old certificate's number reads as no credit code; it is named as what it is.
      if (LEGACY_LEGAL_PERSON_NUMBER.test(s.normalize('NFKC'))) return tag({ ok: false, problem: 'legacy-number' } as const, type, 'uscc');
      return tag(checkUscc(s), type, 'uscc');
    case 'uscc-certificate':
      // Legal-person certificates issued since 2015 carry the USCC only, and
      // so does the certificate named after it.
      return tag(checkUscc(s), type, 'uscc');

    case 'hmt-residence-permit':
      return tag(checkResidencePermitNumber(s, now), type, 'residence-permit');

    case 'foreign-permanent-resident-id':
      return tag(checkForeignPermanentResidentId(s), type, 'foreign-permanent-resident-id');

    case 'hk-macao-permit':
      return tag(checkHkMacaoPermit(s), type, 'hk-macao-permit');

    case 'org-code-certificate': {
      // The certificate carries a 9-character organisation code; since the
      // three-in-one reform its holders have a USCC that embeds that code.
      if (s === '') return { ...EMPTY, type };
      const n = codePointLength(s);
      if (n === 18) return tag(checkUscc(s), type, 'uscc');
      if (n === 9 || n === 10) return tag(checkOrgCode(s), type, 'org-code');
      return { ...lengthProblem(n, 9, 10, 18), type };
    }

    case 'business-license': {
      // Licences since 2015-10 carry the USCC; older ones the 15-digit number.
      if (s === '') return { ...EMPTY, type };
      const n = codePointLength(s);
      if (n === 18) return tag(checkUscc(s), type, 'uscc');
      if (n === 15) return tag(checkRegistrationNumber(s), type, 'registration-number');
      return { ...lengthProblem(n, 15, 18), type };
    }

    case 'passport':
      return options.citizenship === 'CN'
        ? tag(checkChinesePassport(s), type, 'chinese-passport')
        : tag(checkPassport(s), type, 'passport');

    case 'taiwan-compatriot-permit':
      return tag(checkTaiwanCompatriotPermit(s), type, 'taiwan-compatriot-permit');

    case 'officer-id':
      return tag(checkOfficerId(s), type, 'officer-id');

    case 'military-code-certificate':
      return tag(checkMilitaryCodeCertificate(s), type, 'military-code');
  }
}

const KEY_FORM = /^[0-9A-Z]*$/;

/**
 * The comparison key of a document number: what two transcriptions of the
 * same document share. NFKC (full-width digits and letters, （） → ()), no
 * whitespace, no hyphens (an organisation code is printed `12345678-9` and
 * typed `123456789`), upper case (the citizen ID's X, passport letters).
 * Empty for a number with nothing left.
 */
export function documentNumberKey(number: string): string {
  if (typeof number !== 'string') return '';
  // Batch rules key every record's document numbers, nearly all digits and capitals already in key form.
  if (KEY_FORM.test(number)) return number;
  return number
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212]/gu, '')
    .toUpperCase();
}
