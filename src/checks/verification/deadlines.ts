// Deadlines of the verification procedure, counted on the Chinese statutory
// calendar by src/domain/workdays.ts: "within n working days" (预核验 5 个工作日,
// 审核 20 个工作日) and "within n calendar months" (1 个月内当面核验). Which
// dates and how many days are the rule file's options, so one check serves
// every deadline of its kind.
//
// A day the installed holiday calendar does not cover is never guessed at: the
// rule warns (message `outside-calendar`) that the deadline cannot be checked.
// Only when the answer is certain without the calendar (the end falls on or
// before the earliest possible last day) does the check stay silent instead.
// Missing or unparsable dates leave the check silent: the `schema` rule reports
// a missing or malformed date, and `submission-order` an impossible one.

import type { CheckContext, RecordCheck } from '../api.js';
import { addCalendarMonths, calendarCoverage, withinCalendarMonths, withinWorkingDays, type WithinResult } from '../../domain/workdays.js';
import { stringAt } from '../access.js';
import { dateAt, POINTER_OPTION, showDate, type RecordDate } from './dates.js';

export interface WorkingDayDeadlineOptions {
  /** Pointer to the date the period starts from (its day does not count). */
  from: string;
  /** Pointer to the date that must fall within the period. */
  to: string;
  /** Number of statutory working days. */
  days: number;
}

export const workingDayDeadlineOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'days'],
  properties: {
    from: POINTER_OPTION,
    to: POINTER_OPTION,
    days: { type: 'integer', minimum: 1, maximum: 366 },
  },
} as const;

export interface CalendarMonthDeadlineOptions {
  from: string;
  /** Pointer to a start used when `from` is absent (not when it is malformed). */
  fallbackFrom?: string;
  to: string;
  months: number;
}

export const calendarMonthDeadlineOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'months'],
  properties: {
    from: POINTER_OPTION,
    fallbackFrom: POINTER_OPTION,
    to: POINTER_OPTION,
    months: { type: 'integer', minimum: 1, maximum: 120 },
  },
} as const;

const DAY_MS = 86_400_000;

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of a date, as a day number (the day `beijingDate` names). */
function dayIndex(date: RecordDate): number {
  return Math.floor((date.instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

/** Reports a late end, or a warning when the calendar does not cover a day the deadline needs. */
function reportOutcome(
  ctx: CheckContext<unknown>,
  result: WithinResult,
  start: RecordDate,
  end: RecordDate,
  lateMessageId: string,
  data: Record<string, string | number>,
): void {
  if (!result.ok) {
    if (result.problem === 'outside-calendar') {
      const { firstYear, lastYear } = calendarCoverage();
      ctx.report({
        path: end.pointer,
        messageId: 'outside-calendar',
        severity: 'warning',
        data: { ...data, year: result.year, firstYear, lastYear, startDate: showDate(start), endDate: showDate(end) },
      });
    }
    // `syntax` and `invalid-count` cannot happen: both dates parsed and the options schema bounds the count.
    return;
  }
  if (!result.within) {
    ctx.report({
      path: end.pointer,
      messageId: lateMessageId,
      data: { ...data, startDate: showDate(start), endDate: showDate(end), deadline: result.deadline },
    });
  }
}

/** `to` within `days` statutory working days after `from` (the day of `from` not counted). */
export const workingDayDeadline: RecordCheck<WorkingDayDeadlineOptions> = (ctx) => {
  const { from, to, days } = ctx.options;
  const start = dateAt(ctx.record, from);
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  // n working days after a day span at least n calendar days, so an end no
  // later than that is within whatever the calendar says.
  if (dayIndex(end) - dayIndex(start) <= days) return;
  reportOutcome(ctx, withinWorkingDays(start.text, end.text, days), start, end, 'default', { days });
};

/**
 * `to` within `months` calendar months of `from` (corresponding day, clamped to
 * the month's end; a last day that is not a working day moves to the next
 * working day). When `from` is absent, `fallbackFrom` starts the period and the
 * report uses message `late-fallback`.
 */
export const calendarMonthDeadline: RecordCheck<CalendarMonthDeadlineOptions> = (ctx) => {
  const { from, fallbackFrom, to, months } = ctx.options;
  let start = dateAt(ctx.record, from);
  let messageId = 'default';
  if (!start && fallbackFrom !== undefined && stringAt(ctx.record, from) === undefined) {
    start = dateAt(ctx.record, fallbackFrom);
    messageId = 'late-fallback';
  }
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  // The period lasts at least to the corresponding day; only a later end needs the calendar.
  const nominal = addCalendarMonths(start.text, months);
  if (nominal.ok && end.beijingDate <= nominal.date) return;
  reportOutcome(ctx, withinCalendarMonths(start.text, end.text, months), start, end, messageId, { months });
};
