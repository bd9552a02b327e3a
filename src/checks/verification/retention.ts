// 三、(一)4: the provider keeps the documents, photos, forms and agreements of
// a verification for at least 5 years.

import type { RecordCheck } from '../api.js';
import { addCalendarMonths, parseFilingDate } from '../../domain/workdays.js';
import { valueAt } from '../access.js';
import { dateAt, formatBeijing, isImpossibleDate, POINTER_OPTION, showDate } from './dates.js';

export interface RetentionPeriodOptions {
  /** Pointer to the date the period starts from (on-site verification). */
  from: string;
  /** Pointer to the date the records are kept until. */
  to: string;
  years: number;
}

export const retentionPeriodOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'years'],
  properties: {
    from: POINTER_OPTION,
    to: POINTER_OPTION,
    years: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The earliest instant `to` may be: `from` plus `years` calendar years, same
 * Beijing time of day (29 February goes to 28 February). A bare `to` date
 * means the start of that day, so it must be a later day than the anniversary
 * of a verification that happened during the day.
 */
export function minimumRetention(from: string, years: number): Date | undefined {
  const start = parseFilingDate(from);
  if (!start.ok) return undefined;
  const end = addCalendarMonths(start.beijingDate, years * 12);
  if (!end.ok) return undefined;
  const timeOfDay = (((start.instant.getTime() + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  const day = parseFilingDate(end.date);
  return day.ok ? new Date(day.instant.getTime() + timeOfDay) : undefined;
}

/**
 * Reports a `to` date earlier than `years` years after `from`, at `to`; and a
 * `to` value that has the form of a date but names no calendar day
 * (`invalid-date`). Silent when either date is missing or malformed.
 */
export const retentionPeriod: RecordCheck<RetentionPeriodOptions> = (ctx) => {
  const { from, to, years } = ctx.options;
  const raw = valueAt(ctx.record, to);
  if (isImpossibleDate(raw)) {
    ctx.report({ path: to, messageId: 'invalid-date', data: { value: raw } });
    return;
  }
  const start = dateAt(ctx.record, from);
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  const minimum = minimumRetention(start.text, years);
  if (minimum && end.instant.getTime() < minimum.getTime()) {
    ctx.report({ path: to, data: { value: showDate(end), start: showDate(start), minimum: formatBeijing(minimum), years } });
  }
};
