// Shared by the identity checks: reading the owner's and the principal's
// documents from an untrusted record, the JSON Schema fragments of their
// options, and how two document numbers are compared. The words their
// messages quote (document types, unit types, the owner and the principal)
// are src/domain/vocabulary.ts's.

import { isHmtRegionCode } from '../../domain/citizenship.js';
import { DOCUMENT_TYPES, documentNumberKey as numberKey } from '../../domain/document-number.js';
import { compilePointer, perRecord, stringAt, textAt } from '../access.js';
import { OWNER_KIND } from '../fields.js';

export type Subject = 'owner' | 'principal';
export const SUBJECTS: readonly Subject[] = ['owner', 'principal'];

export const UNIT_TYPES = ['government', 'institution', 'social-group', 'enterprise', 'military'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export function isUnitType(v: unknown): v is UnitType {
  return typeof v === 'string' && (UNIT_TYPES as readonly string[]).includes(v);
}

/** Lists joined in each language's way; the identity checks' tests read them from here. */
export { joinEn, joinZh } from '../../domain/vocabulary.js';

/** A person's or unit's document as the record gives it; fields of the wrong type read as absent. */
export interface DocumentRef {
  readonly subject: Subject;
  /** `/owner` or `/principal`. */
  readonly base: string;
  readonly type: string | undefined;
  readonly number: string | undefined;
  readonly holder: string | undefined;
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

/** The pointers the subjects' fields are read at, compiled (see compilePointer). */
const READ_AT = Object.freeze({
  owner: readPointers('owner'),
  principal: readPointers('principal'),
});

function readPointers(subject: Subject) {
  const p = SUBJECT_POINTERS[subject];
  return { citizenship: compilePointer(p.citizenship), type: compilePointer(p.type), number: compilePointer(p.number), holder: compilePointer(p.holder) };
}

function readDocument(record: unknown, subject: Subject): DocumentRef {
  const pointers = READ_AT[subject];
  return Object.freeze({
    subject,
    base: SUBJECT_POINTERS[subject].base,
    type: textAt(record, pointers.type),
    number: stringAt(record, pointers.number),
    holder: textAt(record, pointers.holder),
  });
}

// Ten checks and a batch key read both documents of every record.
const documentsOf = perRecord((record) => ({ owner: readDocument(record, 'owner'), principal: readDocument(record, 'principal') }));

/** The subject's document; the same object for every check of a record, so none may change it. */
export function documentOf(record: unknown, subject: Subject): DocumentRef {
  return documentsOf(record)[subject];
}

/** The owner's kind as the record writes it (blank reads as absent). */
export function ownerKindText(record: unknown): string | undefined {
  return textAt(record, OWNER_KIND);
}

/**
 * The citizenship that decides which personal documents a subject may use:
 * the principal's own, or an individual owner's; undefined for a unit owner
 * or when the record does not say.
 */
export function citizenshipOf(record: unknown, subject: Subject): string | undefined {
  if (subject === 'owner' && ownerKindText(record) !== 'individual') return undefined;
  return textAt(record, READ_AT[subject].citizenship);
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
  const kind = ownerKindText(record);
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
