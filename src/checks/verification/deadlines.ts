// Deadlines of the verification procedure, counted on the Chinese statutory
// calendar: "within n working days" (预核验 5 个工作日, 审核 20 个工作日;
// src/domain/workdays.ts) and "within n calendar months" (1 个月内当面核验,
// counted per 《民法典》第201–203条 by src/domain/periods.ts). Both ends are whole
// Beijing days (see dates.ts): the start day never counts and the last day
// lasts to 24:00, so only the days of the two dates matter. Which
// dates and how many days are the rule file's options, so one check serves
// every deadline of its kind.
//
// A day the installed holiday calendar does not cover is never guessed at: the
// rule warns (message `outside-calendar`) that the deadline cannot be checked.
// Only when the answer is certain without the calendar (the end falls on or
// before the earliest possible last day) does the check stay silent instead.
// Missing or unparsable dates leave the check silent: the `schema` rule reports
// a missing or malformed date, and `submission-order` an impossible one.

import type { FromSchema } from 'json-schema-to-ts';
import type { CheckContext, RecordCheck } from '../api.js';
import { periodLastDay, timeLimitLastDay } from '../../domain/periods.js';
import { addWorkingDays, calendarCoverage, type BeijingDate, type OutsideCalendar } from '../../domain/workdays.js';
import { stringAt } from '../access.js';
import { dateAt, daysBetween, isOnOrBeforeDay, POINTER_OPTION, showDate, type RecordDate } from './dates.js';

export const workingDayDeadlineOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'days'],
  properties: {
    // The date the period starts from (its day does not count).
    from: POINTER_OPTION,
    // The date that must fall within the period.
    to: POINTER_OPTION,
    // Number of statutory working days.
    days: { type: 'integer', minimum: 1, maximum: 366 },
  },
} as const;

export type WorkingDayDeadlineOptions = FromSchema<typeof workingDayDeadlineOptions>;

export const workingDayDeadlineMessageIds = ['outside-calendar'] as const;

export const calendarMonthDeadlineOptions = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'months'],
  properties: {
    from: POINTER_OPTION,
    // A start used when `from` is absent (not when it is malformed).
    fallbackFrom: POINTER_OPTION,
    to: POINTER_OPTION,
    months: { type: 'integer', minimum: 1, maximum: 120 },
  },
} as const;

export type CalendarMonthDeadlineOptions = FromSchema<typeof calendarMonthDeadlineOptions>;

export const calendarMonthDeadlineMessageIds = ['late-fallback', 'outside-calendar'] as const;

type Deadline = { ok: true; deadline: BeijingDate } | OutsideCalendar | { ok: false; problem: 'syntax' | 'invalid-count' };

/**
 * Reports an end after the deadline's last day (a whole day: any moment of it
 * is in time, to 24:00), or a warning when the calendar does not cover a day
 * the deadline needs.
 */
function reportOutcome<LateMessageId extends string>(
  ctx: CheckContext<unknown, LateMessageId | 'outside-calendar'>,
  result: Deadline,
  start: RecordDate,
  end: RecordDate,
  lateMessageId: LateMessageId | 'default',
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
  if (!isOnOrBeforeDay(end, result.deadline)) {
    ctx.report({
      path: end.pointer,
      messageId: lateMessageId,
      data: { ...data, startDate: showDate(start), endDate: showDate(end), deadline: result.deadline },
    });
  }
}

/**
 * `to` within `days` statutory working days after `from`: the day of `from`
 * does not count, whatever its time, and the last working day lasts to 24:00,
 * so both ends are whole days and a bare date on either is simply its day.
 */
export const workingDayDeadline: RecordCheck<WorkingDayDeadlineOptions, (typeof workingDayDeadlineMessageIds)[number]> = (ctx) => {
  const { from, to, days } = ctx.options;
  const start = dateAt(ctx.record, from);
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  // n working days after a day span at least n calendar days, so an end no
  // later than that is within whatever the calendar says.
  if (daysBetween(start, end) <= days) return;
  const last = addWorkingDays(start.beijingDate, days);
  reportOutcome(ctx, last.ok ? { ok: true, deadline: last.date } : last, start, end, 'default', { days });
};

/**
 * `to` within `months` calendar months of `from`, per 《民法典》第201–203条
 * (src/domain/periods.ts): from the day after `from`, to 24:00 of the
 * corresponding day (the month's last day where there is none), moved to the
 * next working day when that is a rest day. Whole days on both ends. When
 * `from` is absent, `fallbackFrom` starts the period and the report uses
 * message `late-fallback`.
 */
export const calendarMonthDeadline: RecordCheck<CalendarMonthDeadlineOptions, (typeof calendarMonthDeadlineMessageIds)[number]> = (ctx) => {
  const { from, fallbackFrom, to, months } = ctx.options;
  let start = dateAt(ctx.record, from);
  let messageId: 'default' | 'late-fallback' = 'default';
  if (!start && fallbackFrom !== undefined && stringAt(ctx.record, from) === undefined) {
    start = dateAt(ctx.record, fallbackFrom);
    messageId = 'late-fallback';
  }
  const end = dateAt(ctx.record, to);
  if (!start || !end) return;
  // The period lasts at least to the corresponding day; only a later end needs the calendar.
  const nominal = periodLastDay(start.beijingDate, { months });
  if (nominal.ok && isOnOrBeforeDay(end, nominal.date)) return;
  const last = timeLimitLastDay(start.beijingDate, { months });
  reportOutcome(ctx, last.ok ? { ok: true, deadline: last.lastDay } : last, start, end, messageId, { months });
};
