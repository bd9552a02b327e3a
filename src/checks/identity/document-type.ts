// owner-document-type and principal-document-type (一、1.(1)(2)): is the
// document type one the notice allows for this holder? Which types each unit
// type and each citizenship may use is the rule file's table; this check only
// looks the holder up in it. A citizenship of HK, MO or TW is silent here: the
// citizenship rule reports it (those residents are CN), and judging their
// documents against "another citizenship" would add a second, wrong error.

import { describeCitizenship } from '../../domain/citizenship.js';
import { isDocumentType } from '../../domain/document-number.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import {
  SUBJECT_ZH,
  UNIT_TYPE_ZH,
  citizenshipKeySchema,
  documentCitizenship,
  documentOf,
  documentTypeListSchema,
  expectedTypes,
  forCitizenship,
  forUnitType,
  isUnitType,
  ownerKind,
  typeZh,
  unitTypeSchema,
  type Subject,
} from './shared.js';

export interface DocumentTypeOptions {
  /** Whose document: the owner's (unit or individual) or the principal's. */
  subject: Subject;
  /** Owner units: the types each unit type may use. Needed for subject `owner`. */
  byUnitType?: Record<string, string[]>;
  /** People: the types each citizenship may use; `*` for any citizenship not listed. */
  byCitizenship: Record<string, string[]>;
}

export const documentTypeOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'byCitizenship'],
  properties: {
    subject: { enum: ['owner', 'principal'] },
    byUnitType: {
      type: 'object',
      propertyNames: unitTypeSchema,
      additionalProperties: { ...documentTypeListSchema, minItems: 1 },
    },
    byCitizenship: {
      type: 'object',
      propertyNames: citizenshipKeySchema,
      additionalProperties: { ...documentTypeListSchema, minItems: 1 },
    },
  },
  // Only the owner can be a unit.
  if: { properties: { subject: { const: 'owner' } } },
  then: { required: ['byUnitType'] },
  else: { not: { required: ['byUnitType'] } },
} as const;

/**
 * Message ids: `default` for a person (a principal, or an individual owner);
 * `unit` for a unit owner, so only the owner's rule file has it. The registry
 * cannot require a message for one subject only; tests/rules/identity.test.ts
 * checks that the rule with `byUnitType` has `unit` (without it the engine
 * would fall back to `default`).
 */
export const documentTypeMessageIds = ['default'] as const;

export const documentType: RecordCheck<DocumentTypeOptions> = (ctx) => {
  const { record, options } = ctx;
  const subject = options.subject;
  const doc = documentOf(record, subject);
  // An unknown type is the schema rule's to report.
  if (!isDocumentType(doc.type)) return;
  const type = doc.type;
  const path = `${doc.base}/document/type`;
  const common = { subject, subjectZh: SUBJECT_ZH[subject], type, typeZh: typeZh(type) };

  if (subject === 'owner' && ownerKind(record) === 'unit') {
    const unitType = textAt(record, '/owner/unitType');
    if (!isUnitType(unitType)) return;
    const allowed = forUnitType(options.byUnitType, unitType);
    if (!allowed || allowed.includes(type)) return;
    ctx.report({ path, messageId: 'unit', data: { ...common, unitType, unitTypeZh: UNIT_TYPE_ZH[unitType], ...expectedTypes(allowed) } });
    return;
  }
  if (subject === 'owner' && ownerKind(record) !== 'individual') return;

  const citizenship = documentCitizenship(record, subject);
  if (citizenship === undefined) return;
  const allowed = forCitizenship(options.byCitizenship, citizenship);
  if (!allowed || allowed.includes(type)) return;
  const holder = describeCitizenship(citizenship);
  ctx.report({
    path,
    data: { ...common, citizenship, citizenshipZh: holder.zh, citizenshipEn: holder.en, ...expectedTypes(allowed) },
  });
};
