// fallback-document (一、1.(1)(2), info): the notice names a first document
// (第一证件) for government bodies, public institutions and social groups (the
// organisation code certificate) and for Chinese citizens (the resident ID
// card), and allows others only "在没有……的情况下". Using one of those is
// allowed but worth a note. The rule file's table gives, per unit type and per
// citizenship, the first choice and the fallbacks; a type that is neither is
// owner-/principal-document-type's to report, not this rule's.

import { isDocumentType } from '../../domain/document-number.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import {
  DOCUMENT_TYPE_ZH,
  SUBJECTS,
  SUBJECT_ZH,
  citizenshipKeySchema,
  citizenshipOf,
  documentOf,
  documentTypeListSchema,
  documentTypeSchema,
  forCitizenship,
  forUnitType,
  isCountryCode,
  isUnitType,
  ownerKind,
  sameNumber,
  typeZh,
  unitTypeSchema,
  type DocumentRef,
} from './shared.js';

export interface FirstChoice {
  firstChoice: string;
  fallbacks: string[];
}

export interface FallbackDocumentOptions {
  byUnitType: Record<string, FirstChoice>;
  byCitizenship: Record<string, FirstChoice>;
}

const firstChoiceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['firstChoice', 'fallbacks'],
  properties: {
    firstChoice: documentTypeSchema,
    fallbacks: documentTypeListSchema,
  },
} as const;

export const fallbackDocumentOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['byUnitType', 'byCitizenship'],
  properties: {
    byUnitType: { type: 'object', propertyNames: unitTypeSchema, additionalProperties: firstChoiceSchema },
    byCitizenship: { type: 'object', propertyNames: citizenshipKeySchema, additionalProperties: firstChoiceSchema },
  },
} as const;

export const fallbackDocumentMessageIds = ['default'] as const;

function entryFor(record: unknown, doc: DocumentRef, options: FallbackDocumentOptions): FirstChoice | undefined {
  if (doc.subject === 'owner' && ownerKind(record) === 'unit') {
    const unitType = textAt(record, '/owner/unitType');
    return isUnitType(unitType) ? forUnitType(options.byUnitType, unitType) : undefined;
  }
  if (doc.subject === 'owner' && ownerKind(record) !== 'individual') return undefined;
  const citizenship = citizenshipOf(record, doc.subject);
  return isCountryCode(citizenship) ? forCitizenship(options.byCitizenship, citizenship) : undefined;
}

export const fallbackDocument: RecordCheck<FallbackDocumentOptions> = (ctx) => {
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
    ctx.report({
      path: `${doc.base}/document/type`,
      data: {
        subject,
        subjectZh: SUBJECT_ZH[subject],
        type: doc.type,
        typeZh: typeZh(doc.type),
        firstChoice: entry.firstChoice,
        firstChoiceZh: typeZh(entry.firstChoice),
        firstChoiceNameZh: isDocumentType(entry.firstChoice) ? DOCUMENT_TYPE_ZH[entry.firstChoice] : entry.firstChoice,
      },
    });
  }
};
