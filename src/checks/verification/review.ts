// The provincial bureau's side (二、(二)1.(7), 二、(二)2): the provider submits
// to the bureau of the owner's province, and an approval issues a filing number
// carrying that province's abbreviation.

import type { FromSchema } from 'json-schema-to-ts';
import type { NoOptions, RecordCheck } from '../api.js';
import { objectAt, stringAt, textAt } from '../access.js';
import { FILING_NUMBER } from '../../domain/filing-number.js';

/** The check reports `default` only. */
export const bureauRegionMessageIds = [] as const;

/**
 * review.bureauRegionCode is the owner's province: the first two digits of
 * owner.regionCode. Silent unless both are present with the contract's form
 * (2 and 6 digits); `schema` reports anything else, and before approval the
 * review is usually absent.
 */
export const bureauRegion: RecordCheck<NoOptions, (typeof bureauRegionMessageIds)[number]> = (ctx) => {
  const bureau = stringAt(ctx.record, '/review/bureauRegionCode');
  const region = stringAt(ctx.record, '/owner/regionCode');
  if (bureau === undefined || region === undefined || !/^[0-9]{2}$/.test(bureau) || !/^[0-9]{6}$/.test(region)) return;
  const province = region.slice(0, 2);
  if (bureau !== province) {
    ctx.report({ path: '/review/bureauRegionCode', data: { bureau, region, province } });
  }
};

export const filingNumberOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['abbreviations'],
  properties: {
    // Filing-number abbreviation by 2-digit province code (11 京, 51 蜀, …).
    abbreviations: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[1-9][0-9]$' },
      additionalProperties: { type: 'string', pattern: '^\\p{Script=Han}$' },
    },
  },
} as const;

export type FilingNumberOptions = FromSchema<typeof filingNumberOptions>;

export const filingNumberMessageIds = ['wrong-bureau', 'unknown-abbreviation'] as const;

/**
 * An approved review's filing number has the contract's form and the
 * abbreviation of the reviewing bureau's province. When the bureau is missing
 * or unknown, the abbreviation must at least be one of the table's. Silent
 * unless review.result is "approved" and a filing number is present (`schema`
 * requires it).
 */
export const filingNumber: RecordCheck<FilingNumberOptions, (typeof filingNumberMessageIds)[number]> = (ctx) => {
  const review = objectAt(ctx.record, '/review');
  if (!review || review.result !== 'approved') return;
  const value = textAt(ctx.record, '/review/filingNumber');
  if (value === undefined) return;
  const path = '/review/filingNumber';
  const m = FILING_NUMBER.exec(value);
  if (!m) {
    ctx.report({ path, data: { value } });
    return;
  }
  const abbreviation = m[1]!;
  const { abbreviations } = ctx.options;
  const bureau = stringAt(ctx.record, '/review/bureauRegionCode');
  const expected = bureau !== undefined && Object.hasOwn(abbreviations, bureau) ? abbreviations[bureau] : undefined;
  if (expected !== undefined) {
    if (abbreviation !== expected) ctx.report({ path, messageId: 'wrong-bureau', data: { value, abbreviation, bureau: bureau!, expected } });
  } else if (!Object.values(abbreviations).includes(abbreviation)) {
    ctx.report({ path, messageId: 'unknown-abbreviation', data: { value, abbreviation, expected: Object.values(abbreviations).join(' ') } });
  }
};
