// fallback-document (一、1.(1)(2), info): the notice names a first document
// (第一证件) for government bodies, public institutions and social groups (the
// organisation code certificate, whose successor is the unified social credit
// code certificate) and for Chinese citizens (the resident ID card), and allows
// others only "在没有……的情况下". Using one of those is allowed but worth a
// note. Since the 2015 reform, legal-person certificates carry the unit's
// unified social credit code and serve as the organisation code certificate
// did: with such a number they count as a first choice. The rule file's table
// gives, per unit type and per citizenship, the first choices and the
// fallbacks; a type that is neither is owner-/principal-document-type's to
// report, not this rule's. HK, MO and TW are no citizenships (the citizenship
// rule reports them), so there is no first choice to compare with.

import type { FromSchema } from 'json-schema-to-ts';
import { isDocumentType } from '../../domain/document-number.js';
import { checkUscc } from '../../domain/uscc.js';
import { SUBJECT_NAMES, documentTypeName, documentTypeWithCode, documentTypesWithCode, oneOf } from '../../domain/vocabulary.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import {
  SUBJECTS,
  citizenshipKeySchema,
  documentCitizenship,
  documentOf,
  documentTypeListSchema,
  documentTypeSchema,
  forCitizenship,
  forUnitType,
  isUnitType,
  numberKey,
  ownerKind,
  sameNumber,
  unitTypeSchema,
  type DocumentRef,
} from './shared.js';
import { OWNER_UNIT_TYPE } from '../fields.js';

const firstChoiceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['firstChoice', 'fallbacks'],
  properties: {
    // The first choice, or several equal ones (the organisation code certificate and its successor).
    firstChoice: { oneOf: [documentTypeSchema, { ...documentTypeListSchema, minItems: 1 }] },
    fallbacks: documentTypeListSchema,
    // Fallbacks that count as a first choice when their number is a unified social credit code.
    firstChoiceWithUscc: documentTypeListSchema,
  },
} as const;

export type FirstChoice = FromSchema<typeof firstChoiceSchema>;

export const fallbackDocumentOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['byUnitType', 'byCitizenship'],
  properties: {
    byUnitType: { type: 'object', propertyNames: unitTypeSchema, additionalProperties: firstChoiceSchema },
    byCitizenship: { type: 'object', propertyNames: citizenshipKeySchema, additionalProperties: firstChoiceSchema },
  },
} as const;

export type FallbackDocumentOptions = FromSchema<typeof fallbackDocumentOptionsSchema>;

export const fallbackDocumentMessageIds = ['default'] as const;

function entryFor(record: unknown, doc: DocumentRef, options: FallbackDocumentOptions): FirstChoice | undefined {
  if (doc.subject === 'owner' && ownerKind(record) === 'unit') {
    const unitType = textAt(record, OWNER_UNIT_TYPE);
    return isUnitType(unitType) ? forUnitType(options.byUnitType, unitType) : undefined;
  }
  if (doc.subject === 'owner' && ownerKind(record) !== 'individual') return undefined;
  const citizenship = documentCitizenship(record, doc.subject);
  return citizenship === undefined ? undefined : forCitizenship(options.byCitizenship, citizenship);
}

/**
 * Whether a number has the form of a unified social credit code: 18
 * characters of its code set. A wrong check character is document-number's
 * error; the certificate is still one that carries the code.
 */
function carriesUscc(number: string | undefined): boolean {
  if (number === undefined) return false;
  const verdict = checkUscc(numberKey(number));
  return verdict.ok || verdict.problem === 'check-character' || verdict.problem === 'org-code' || verdict.problem === 'region';
}

export const fallbackDocument: RecordCheck<FallbackDocumentOptions, (typeof fallbackDocumentMessageIds)[number]> = (ctx) => {
  const { record, options } = ctx;
  const owner = documentOf(record, 'owner');
  for (const subject of SUBJECTS) {
    const doc = subject === 'owner' ? owner : documentOf(record, subject);
    if (!isDocumentType(doc.type)) continue;
    // An individual's principal shows the owner's own document: one note, at the owner's.
    if (
      subject === 'principal' &&
      ownerKind(record) === 'individual' &&
      doc.type === owner.type &&
      doc.number !== undefined &&
      owner.number !== undefined &&
      sameNumber(doc.number, owner.number)
    ) {
      continue;
    }
    const entry = entryFor(record, doc, options);
    if (!entry || !entry.fallbacks.includes(doc.type)) continue;
    if (entry.firstChoiceWithUscc?.includes(doc.type) && carriesUscc(doc.number)) continue;
    const firstChoices = typeof entry.firstChoice === 'string' ? [entry.firstChoice] : entry.firstChoice;
    ctx.report({
      path: `${doc.base}/document/type`,
      data: {
        subject: SUBJECT_NAMES[subject],
        type: documentTypeWithCode(doc.type),
        firstChoice: documentTypesWithCode(firstChoices),
        firstChoiceName: oneOf(firstChoices.map(documentTypeName)),
      },
    });
  }
};
