// owner-document-type and principal-document-type (一、1.(1)(2)): is the
// document type one the notice allows for this holder? Which types each unit
// type and each citizenship may use is the rule file's table; this check only
// looks the holder up in it. A citizenship of HK, MO or TW is silent here: the
// citizenship rule reports it (those residents are CN), and judging their
// documents against "another citizenship" would add a second, wrong error.

import type { FromSchema } from 'json-schema-to-ts';
import { describeCitizenship } from '../../domain/citizenship.js';
import { isDocumentType } from '../../domain/document-number.js';
import { SUBJECT_NAMES, UNIT_TYPE_NAMES, documentTypeWithCode, documentTypesWithCode, localized } from '../../domain/vocabulary.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import {
  citizenshipKeySchema,
  documentCitizenship,
  documentOf,
  documentTypeListSchema,
  forCitizenship,
  forUnitType,
  isUnitType,
  ownerKind,
  unitTypeSchema,
} from './shared.js';
import { OWNER_UNIT_TYPE } from '../fields.js';

export const documentTypeOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'byCitizenship'],
  properties: {
    // Whose document: the owner's (unit or individual) or the principal's.
    subject: { enum: ['owner', 'principal'] },
    // Owner units: the types each unit type may use. Needed for subject `owner`.
    byUnitType: {
      type: 'object',
      propertyNames: unitTypeSchema,
      additionalProperties: { ...documentTypeListSchema, minItems: 1 },
    },
    // People: the types each citizenship may use; `*` for any citizenship not listed.
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

// The if/then/else above is left to the validator: FromSchema does not read it by default, and a
// union by subject would buy nothing here, where `byUnitType` is read only through forUnitType.
export type DocumentTypeOptions = FromSchema<typeof documentTypeOptionsSchema>;

/**
 * Message ids: `default` for a person (a principal, or an individual owner);
 * `unit` for a unit owner, so only the owner's rule file has it. The registry
 * cannot require a message for one subject only, so `unit` is optional there;
 * tests/rules/identity.test.ts checks that the rule with `byUnitType` has it
 * (without it the engine would fall back to `default`).
 */
export const documentTypeMessageIds = ['default'] as const;
export const documentTypeOptionalMessageIds = ['unit'] as const;

export const documentType: RecordCheck<
  DocumentTypeOptions,
  (typeof documentTypeMessageIds)[number] | (typeof documentTypeOptionalMessageIds)[number]
> = (ctx) => {
  const { record, options } = ctx;
  const subject = options.subject;
  const doc = documentOf(record, subject);
  // An unknown type is the schema rule's to report.
  if (!isDocumentType(doc.type)) return;
  const type = doc.type;
  const path = `${doc.base}/document/type`;
  const common = { subject: SUBJECT_NAMES[subject], type: documentTypeWithCode(type) };

  if (subject === 'owner' && ownerKind(record) === 'unit') {
    const unitType = textAt(record, OWNER_UNIT_TYPE);
    if (!isUnitType(unitType)) return;
    const allowed = forUnitType(options.byUnitType, unitType);
    if (!allowed || allowed.includes(type)) return;
    const data = { ...common, unitType, unitTypeName: UNIT_TYPE_NAMES[unitType], expected: documentTypesWithCode(allowed) };
    ctx.report({ path, messageId: 'unit', data });
    return;
  }
  if (subject === 'owner' && ownerKind(record) !== 'individual') return;

  const citizenship = documentCitizenship(record, subject);
  if (citizenship === undefined) return;
  const allowed = forCitizenship(options.byCitizenship, citizenship);
  if (!allowed || allowed.includes(type)) return;
  // {citizen}: who holds the citizenship, `a Chinese citizen` / `中国公民`.
  const citizen = localized(describeCitizenship(citizenship));
  ctx.report({ path, data: { ...common, citizenship, citizen, expected: documentTypesWithCode(allowed) } });
};
