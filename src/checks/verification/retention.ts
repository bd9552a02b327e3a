// 三、(一)4: the provider keeps the documents, photos, forms and agreements of
// a verification "至少留存5年以上". The period is counted as 《民法典》第201–202条
// count it (src/domain/periods.ts): from the day after the on-site
// verification, whatever its time of day, to 24:00 of the anniversary date
// (28 February for 29 February). Kept until that date is kept 5 years.

import type { FromSchema } from 'json-schema-to-ts';
import type { RecordCheck } from '../api.js';
import { periodLastDay } from '../../domain/periods.js';
import { valueAt } from '../access.js';
import { dateAt, isImpossibleDate, POINTER_OPTION, reachesDay, showDate } from './dates.js';

export const retentionPeriodOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'years'],
  properties: {
    // The date the period starts from (on-site verification).
    from: POINTER_OPTION,
    // The date the records are kept until.
    to: POINTER_OPTION,
    years: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const;

export type RetentionPeriodOptions = FromSchema<typeof retentionPeriodOptions>;

export const retentionPeriodMessageIds = ['invalid-date'] as const;

/**
 * Reports a `to` date on a day before the last day of `years` years after
 * `from`, at `to`, naming that last day (the earliest acceptable date); and a
 * `to` value that has the form of a date but names no calendar day
 * (`invalid-date`). Silent when either date is missing or malformed. Whole
 * days: a `to` anywhere on the last day, bare date or time of day, is enough.
 */
export const retentionPeriod: RecordCheck<RetentionPeriodOptions, (typeof retentionPeriodMessageIds)[number]> = (ctx) => {
  const { from, to, years } = ctx.options;
  const raw = valueAt(ctx.record, to);
  if (isImpossibleDate(raw)) {
    ctx.report({ path: to, messageId: 'invalid-date', data: { value: raw } });
    return;
  }
  const start = dateAt(ctx.record, from);
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  const last = periodLastDay(start.beijingDate, { years });
  // Past year 9999: no record can be kept that long, and no schema-valid date says so.
  if (!last.ok) return;
  if (!reachesDay(end, last.date)) {
    ctx.report({ path: to, data: { value: showDate(end), start: showDate(start), minimum: last.date, years } });
  }
};
