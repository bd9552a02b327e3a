// uscc-category (一、1.(1), warning): positions 1-2 of a unified social credit
// code name the registration authority and the kind of body it registered
// (GB 32100-2015): 91 is an enterprise registered by market regulation, 11 a
// government organ registered by an establishment office, 51 a social group
// registered by civil affairs. A unit owner whose code says something else
// than its unit type has probably chosen the wrong unit type (or shows
// another body's code). Which categories fit which unit type is the rule
// file's table; the names of the categories come from src/domain/uscc.ts.
// The rule is silent when the number is no valid USCC (document-number
// reports that).

import type { FromSchema } from 'json-schema-to-ts';
import { checkDocumentNumber } from '../../domain/document-number.js';
import { USCC_CATEGORIES } from '../../domain/uscc.js';
import { NONE, UNIT_TYPE_NAMES, localized, oneOf, verbatim } from '../../domain/vocabulary.js';
import type { RecordCheck } from '../api.js';
import { textAt } from '../access.js';
import { documentOf, isUnitType, ownerKind, unitTypeSchema } from './shared.js';
import { OWNER_UNIT_TYPE } from '../fields.js';

export const usccCategoryOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['categories'],
  properties: {
    // Registration authority + category code (positions 1-2) → the unit types it fits; [] for none.
    categories: {
      type: 'object',
      propertyNames: { type: 'string', pattern: '^[0-9A-HJ-NP-RTUWXY]{2}$' },
      additionalProperties: { type: 'array', uniqueItems: true, items: unitTypeSchema },
    },
    // Warn about a code whose authority and category are not in the table.
    reportUnknown: { type: 'boolean' },
  },
} as const;

export type UsccCategoryOptions = FromSchema<typeof usccCategoryOptionsSchema>;

export const usccCategoryMessageIds = ['default', 'unknown-category'] as const;

export const usccCategory: RecordCheck<UsccCategoryOptions, (typeof usccCategoryMessageIds)[number]> = (ctx) => {
  const { record, options } = ctx;
  if (ownerKind(record) !== 'unit') return;
  const unitType = textAt(record, OWNER_UNIT_TYPE);
  if (!isUnitType(unitType)) return;
  const doc = documentOf(record, 'owner');
  if (doc.type === undefined || doc.number === undefined) return;
  const verdict = checkDocumentNumber(doc.type, doc.number, ctx.now);
  if (!verdict.ok || verdict.scheme !== 'uscc') return;

  const category = verdict.category;
  const known = Object.hasOwn(options.categories, category);
  if (known ? options.categories[category]!.includes(unitType) : !(options.reportUnknown ?? true)) return;

  // Only a record that is reported gets its message data: the categories that would fit.
  const fitting = Object.keys(options.categories)
    .filter((c) => options.categories[c]!.includes(unitType))
    .sort();
  const data = {
    category,
    unitType,
    unitTypeName: UNIT_TYPE_NAMES[unitType],
    expected: fitting.length ? oneOf(fitting.map(verbatim)) : NONE,
  };
  const path = '/owner/document/number';
  if (!known) {
    ctx.report({ path, messageId: 'unknown-category', data });
    return;
  }
  const names = Object.hasOwn(USCC_CATEGORIES, category) ? USCC_CATEGORIES[category] : undefined;
  ctx.report({
    path,
    data: {
      ...data,
      authority: names ? localized(names.authority) : verbatim(category[0]!),
      categoryName: names ? localized(names.category) : verbatim(category),
    },
  });
};
