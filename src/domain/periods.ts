/**
 * Periods counted in calendar months and years, as 《民法典》第200–204条 count
 * them. The notice has two: the on-site verification "请在1个月内" after the
 * notification (二、(二)1.(2)), a time limit for an act, and the retention of
 * verification records "至少留存5年以上" (三、(一)4), a minimum duration.
 *
 * - 第201条: 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算. The
 *   day of the event never counts, whatever its time of day, so periods are
 *   whole Beijing days and the time of day of the start is irrelevant.
 * - 第202条: 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 *   月末日为期间的最后一日. One month from 01-31 ends 02-28 (02-29 in a leap
 *   year); five years from 2028-02-29 end 2033-02-28.
 * - 第203条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日；
 *   期间的最后一日的截止时间为二十四时. A time limit for an act whose last day is a
 *   rest day runs to the next working day (statutory calendar, make-up working
 *   days included); every period lasts to 24:00 of its last day, so a day, not
 *   a moment, is compared with it.
 *
 * The extension of 第203条 is for time limits to act. A minimum duration
 * ("keep for at least 5 years") is not extended: its last day is a day the
 * duty still runs, and moving it would only demand more than the period.
 *
 * All dates are Beijing calendar dates, `YYYY-MM-DD`; a date-time counts as
 * its Beijing day (see parseFilingDate).
 */
import {
  addCalendarMonths,
  firstWorkingDayFrom,
  type AddMonthsResult,
  type BeijingDate,
  type DateInput,
  type OutsideCalendar,
} from './workdays.js';

/** A period's length in calendar months or years. */
export type PeriodLength = { months: number } | { years: number };

type Syntax = { ok: false; problem: 'syntax' };
type InvalidCount = { ok: false; problem: 'invalid-count' };

export type TimeLimitResult =
  | {
      ok: true;
      /** The corresponding day (第202条), before any extension. */
      nominal: BeijingDate;
      /** The last day an act is still in time, to its 24:00 (第203条). */
      lastDay: BeijingDate;
    }
  | OutsideCalendar
  | Syntax
  | InvalidCount;

/** The length in months, or undefined unless it is a positive whole number of its unit. */
function monthsOf(length: PeriodLength): number | undefined {
  const n = 'years' in length ? length.years : length.months;
  if (!Number.isSafeInteger(n) || n < 1) return undefined;
  return 'years' in length ? n * 12 : n;
}

/**
 * The last day of a period of `length` that begins the day after `start`
 * (第201–202条): the corresponding day of the month `length` later, or that
 * month's last day when it has no such day. No rest-day extension.
 */
export function periodLastDay(start: DateInput, length: PeriodLength): AddMonthsResult {
  const months = monthsOf(length);
  if (months === undefined) return { ok: false, problem: 'invalid-count' };
  return addCalendarMonths(start, months);
}

/**
 * The last day of a time limit of `length` counted from `start` (an act "within
 * 1 month"): periodLastDay, moved past rest days to the next working day
 * (第203条). Needs the holiday calendar only from the nominal last day to the
 * working day that ends the limit.
 */
export function timeLimitLastDay(start: DateInput, length: PeriodLength): TimeLimitResult {
  const nominal = periodLastDay(start, length);
  if (!nominal.ok) return nominal;
  const last = firstWorkingDayFrom(nominal.date);
  if (!last.ok) return last;
  return { ok: true, nominal: nominal.date, lastDay: last.date };
}
