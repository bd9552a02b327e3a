/**
 * Dates and the Chinese statutory working-day calendar, for the deadlines of
 * the notice: pre-verification within 5 working days of submission and the
 * bureau's review within 20 working days (二、(二)1.(2), 二、(二)2), and the
 * on-site verification within 1 month of notification.
 *
 * Working days: Monday to Friday, minus the public holidays the State Council
 * announces each year (国务院办公厅关于部分节假日安排的通知), plus the
 * weekend days it declares make-up working days (调休上班). The announced days
 * come from chinese-days' data; a year it does not cover is never guessed at:
 * any computation that needs a day of such a year returns `outside-calendar`.
 *
 * All dates here are Beijing calendar dates, `YYYY-MM-DD` strings. Beijing is
 * UTC+8 with no daylight saving (none since 1991), so conversion is a fixed
 * offset. Arithmetic is done on UTC day numbers, never in the process's local
 * time zone. chinese-days' own functions mix UTC parsing with local-time
 * getters, so their answers depend on the machine's time zone (under
 * TZ=America/New_York, getDayDetail('2026-10-01') reports 2026-09-30 and
 * isWorkday says 2004-01-01 is a working day); that is why its static JSON data
 * is read directly.
 *
 * Problem codes (stable):
 * - `syntax`            not an ISO 8601 date / date-time of the accepted forms,
 *                       or an impossible date (2026-02-30, 25:00).
 * - `outside-calendar`  a day needed lies in a year the installed calendar does
 *                       not cover; `year` says which.
 * - `invalid-count`     a day/month count that is not a safe integer (or a
 *                       negative working-day count).
 */
import { createRequire } from 'node:module';
import { RecentResults } from './recent.js';

export type BeijingDate = string;

export type ParsedDate =
  // Shared between callers (parseFilingDate remembers recent results): never mutate `instant`.
  | { ok: true; readonly instant: Date; beijingDate: BeijingDate; hasTime: boolean }
  | { ok: false; problem: 'syntax' };

export type OutsideCalendar = { ok: false; problem: 'outside-calendar'; year: number };
type Syntax = { ok: false; problem: 'syntax' };
type InvalidCount = { ok: false; problem: 'invalid-count' };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export type WorkingDayResult =
  | { ok: true; date: BeijingDate; working: boolean; kind: DayKind; holidayName?: string }
  | OutsideCalendar
  | Syntax;

export type AddWorkingDaysResult = { ok: true; date: BeijingDate } | OutsideCalendar | Syntax | InvalidCount;
export type WorkingDaysBetweenResult = { ok: true; days: number } | OutsideCalendar | Syntax;
export type AddMonthsResult = { ok: true; date: BeijingDate } | Syntax | InvalidCount;
export type WithinResult =
  | {
      ok: true;
      within: boolean;
      /** Last day (Beijing) on which `end` still counts; the deadline runs to its 24:00. */
      deadline: BeijingDate;
      startDate: BeijingDate;
      endDate: BeijingDate;
    }
  | OutsideCalendar
  | Syntax
  | InvalidCount;

/** Anything a date parameter accepts: an ISO 8601 string (see parseFilingDate) or an instant. */
export type DateInput = string | Date;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

// ---------------------------------------------------------------------------
// Parsing

/** The verdict on anything that is not a date of the contract; shared, so frozen. */
const SYNTAX: ParsedDate = Object.freeze({ ok: false, problem: 'syntax' });

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Day numbers and calendar dates convert by integer arithmetic on the
// proleptic Gregorian calendar (the 400-year cycle of 146,097 days, counted
// from 1 March so that a leap day ends its year): every date rule converts
// several dates of every record, and a Date object per conversion was a
// visible share of a batch's time.

/** Day number (days since 1970-01-01) of a proleptic Gregorian date; days past the month's end run on. */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number: [year, month, day]. */
function civilDate(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function formatDay(n: number): BeijingDate {
  const [y, m, d] = civilDate(n);
  return `${y >= 1000 ? y : String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

function yearOfDay(n: number): number {
  return civilDate(n)[0];
}

function inYearRange(n: number): boolean {
  const y = yearOfDay(n);
  return y >= 1 && y <= 9999;
}

/**
 * Parses a date of the contract: ISO 8601 calendar date `2026-03-02`, or a
 * date-time `2026-03-02T09:30`, `…T09:30:00`, `…T09:30:00.123`, with an optional
 * `Z` or `±hh:mm` / `±hhmm` / `±hh` offset (a space may replace `T`, as RFC 3339
 * allows). Without an offset the time is Beijing time; a date alone is Beijing
 * midnight. Leap seconds (`:60`) and `24:00` are rejected, as is any
 * impossible date. `beijingDate` is the calendar date in Beijing of the instant,
 * so `2026-03-01T20:00:00Z` is on `2026-03-02`.
 */
export function parseFilingDate(s: string): ParsedDate {
  if (typeof s !== 'string' || s.length > 64) return SYNTAX;
  return recentDates.get(s, parseDateUncached);
}

// Several rules read the same few dates of each record: each is parsed once.
const recentDates = new RecentResults<ParsedDate>();

/** `count` ASCII digits of `s` from `at` as a number, or -1. */
function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The two forms filing systems export, read by character: a bare date
 * (`2026-03-02`) and a Beijing date-time with seconds (`2026-03-02T09:30:00+08:00`).
 * Undefined for anything else, which the full pattern then reads.
 */
function parseCommonForm(s: string): ParsedDate | undefined {
  const n = s.length;
  if ((n !== 10 && n !== 25) || s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (n === 10) return fromFields(year, month, day, 0, 0, 0, 0, BEIJING_OFFSET_MS, false);
  if (s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */ || s.charCodeAt(16) !== 58 || !s.endsWith('+08:00', 25)) return undefined;
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (hour < 0 || minute < 0 || second < 0) return undefined;
  return fromFields(year, month, day, hour, minute, second, 0, BEIJING_OFFSET_MS, true);
}

function parseDateUncached(s: string): ParsedDate {
  return parseCommonForm(s) ?? parseWithPattern(s);
}

/** Any form of the contract, by the full pattern; parseFilingDate must agree with it (a test holds it). */
export function parseWithPattern(s: string): ParsedDate {
  const m = ISO.exec(s.trim());
  if (!m) return SYNTAX;
  const hasTime = m[4] !== undefined;
  const millis = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  let offsetMs = BEIJING_OFFSET_MS;
  const zone = m[8];
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') offsetMs = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4) || '0');
      if (oh > 23 || om > 59) return SYNTAX;
      offsetMs = (zone.startsWith('-') ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
    }
  }
  return fromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), millis, offsetMs, hasTime);
}

function fromFields(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMs: number, hasTime: boolean): ParsedDate {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return SYNTAX;
  if (hour > 23 || minute > 59 || second > 59) return SYNTAX;
  const localMs = dayNumber(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  const instantMs = localMs - offsetMs;
  const instant = new Date(instantMs);
  const beijing = Math.floor((instantMs + BEIJING_OFFSET_MS) / DAY_MS);
  // An offset can push 9999-12-31 into year 10000 in Beijing, beyond YYYY.
  if (Number.isNaN(instant.getTime()) || !inYearRange(beijing)) return SYNTAX;
  return { ok: true, instant, beijingDate: formatDay(beijing), hasTime };
}

/**
 * The Beijing calendar date of a date input: of a record's date, or of an
 * instant that is no record value, such as the day of the check (`--now`).
 * Undefined for what does not parse or lies outside years 1–9999.
 */
export function beijingDateOf(input: DateInput): BeijingDate | undefined {
  const n = beijingDay(input);
  return n === undefined ? undefined : formatDay(n);
}

/** The calendar day before a Beijing date (`2022-03-01` → `2022-02-28`); undefined for what is no date. */
export function dayBefore(day: BeijingDate): BeijingDate | undefined {
  const n = beijingDay(day);
  return n === undefined ? undefined : formatDay(n - 1);
}

/** Beijing day number of a date input, or undefined. */
function beijingDay(input: DateInput): number | undefined {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) return undefined;
    const n = Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS);
    return inYearRange(n) ? n : undefined;
  }
  const p = parseFilingDate(input);
  if (!p.ok) return undefined;
  return Math.floor((p.instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

// ---------------------------------------------------------------------------
// The calendar

interface Calendar {
  /** Day number → holiday name, for announced days off (weekends inside a break included). */
  holidays: Map<number, string>;
  /** Day number → holiday name, for weekend days declared working days. */
  makeup: Map<number, string>;
  firstYear: number;
  lastYear: number;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let calendar: Calendar | undefined;

function keyToDay(key: string): number | undefined {
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!p) return undefined;
  return dayNumber(Number(p[1]), Number(p[2]), Number(p[3]));
}

/** The entry looks like "Spring Festival,春节,4"; keep the Chinese name. */
function holidayName(value: string): string {
  const parts = value.split(',');
  return parts[1] ?? parts[0] ?? value;
}

function loadCalendar(): Calendar {
  if (calendar !== undefined) return calendar;
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const holidays = new Map<number, string>();
  const makeup = new Map<number, string>();
  for (const [k, v] of Object.entries(data.holidays)) {
    const n = keyToDay(k);
    if (n !== undefined) holidays.set(n, holidayName(v));
  }
  for (const [k, v] of Object.entries(data.workdays)) {
    const n = keyToDay(k);
    if (n !== undefined) makeup.set(n, holidayName(v));
  }
  // A year is covered once its annual notice is in the data. Every notice
  // schedules both 元旦 (1 January) and 国庆节 (1 October), so a year whose data
  // lacks either is a partial or missing year. Coverage is the unbroken run of
  // covered years ending at the latest one.
  const covered = (y: number) =>
    holidays.has(dayNumber(y, 1, 1)) && holidays.has(dayNumber(y, 10, 1));
  const years = [...holidays.keys()].map(yearOfDay);
  let lastYear = Math.max(...years);
  while (lastYear > 0 && !covered(lastYear)) lastYear--;
  let firstYear = lastYear;
  while (covered(firstYear - 1)) firstYear--;
  calendar = { holidays, makeup, firstYear, lastYear };
  return calendar;
}

/** First and last year the installed holiday calendar covers, both inclusive. */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  const { firstYear, lastYear } = loadCalendar();
  return { firstYear, lastYear };
}

type DayVerdict = { working: boolean; kind: DayKind; holidayName?: string } | OutsideCalendar;

function classify(n: number): DayVerdict {
  const cal = loadCalendar();
  const year = yearOfDay(n);
  if (year < cal.firstYear || year > cal.lastYear) return { ok: false, problem: 'outside-calendar', year };
  const makeup = cal.makeup.get(n);
  if (makeup !== undefined) return { working: true, kind: 'makeup-workday', holidayName: makeup };
  const holiday = cal.holidays.get(n);
  if (holiday !== undefined) return { working: false, kind: 'holiday', holidayName: holiday };
  // 1970-01-01 (day 0) was a Thursday.
  const weekday = (((n + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6 ? { working: false, kind: 'weekend' } : { working: true, kind: 'workday' };
}

function isOutside(v: DayVerdict): v is OutsideCalendar {
  return 'ok' in v;
}

/** Whether a (Beijing) date is a statutory working day, and why. */
export function isWorkingDay(date: DateInput): WorkingDayResult {
  const n = beijingDay(date);
  if (n === undefined) return { ok: false, problem: 'syntax' };
  const v = classify(n);
  if (isOutside(v)) return v;
  return { ok: true, date: formatDay(n), ...v };
}

/**
 * The date of the n-th working day after `start`: the start day itself never
 * counts, whatever kind of day it is (《民法典》第201条: 开始的当日不计入), so a
 * start on a non-working day counts from the next working day. n = 0 gives the
 * start date. Every day examined must lie in a covered year.
 */
export function addWorkingDays(start: DateInput, n: number): AddWorkingDaysResult {
  if (!Number.isSafeInteger(n) || n < 0) return { ok: false, problem: 'invalid-count' };
  let day = beijingDay(start);
  if (day === undefined) return { ok: false, problem: 'syntax' };
  let counted = 0;
  while (counted < n) {
    day++;
    const v = classify(day);
    if (isOutside(v)) return v;
    if (v.working) counted++;
  }
  return { ok: true, date: formatDay(day) };
}

/**
 * The number of working days in (a, b]: after a, up to and including b, the
 * same counting as addWorkingDays, so addWorkingDays(a, k) is the first b with
 * workingDaysBetween(a, b) = k. Negative when b is before a.
 */
export function workingDaysBetween(a: DateInput, b: DateInput): WorkingDaysBetweenResult {
  const from = beijingDay(a);
  const to = beijingDay(b);
  if (from === undefined || to === undefined) return { ok: false, problem: 'syntax' };
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  for (let day = lo + 1; day <= hi; day++) {
    const v = classify(day);
    if (isOutside(v)) return v;
    if (v.working) days++;
  }
  return { ok: true, days: sign * days };
}

/**
 * The same day `months` calendar months later, clamped to the end of a shorter
 * month: 2026-01-31 + 1 month = 2026-02-28. This is the rule of
 * 《民法典》第202条 (到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的
 * 最后一日). It does not apply 第203条 (a last day falling on a holiday moves
 * to the next working day); withinCalendarMonths does.
 */
export function addCalendarMonths(date: DateInput, months: number): AddMonthsResult {
  if (!Number.isSafeInteger(months) || Math.abs(months) > 12 * 10_000) return { ok: false, problem: 'invalid-count' };
  const n = beijingDay(date);
  if (n === undefined) return { ok: false, problem: 'syntax' };
  const [y, m, d] = civilDate(n);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < 1 || year > 9999) return { ok: false, problem: 'invalid-count' };
  return { ok: true, date: formatDay(dayNumber(year, month, Math.min(d, daysInMonth(year, month)))) };
}

/**
 * "Within n working days of `start`", the one place this meaning is defined:
 *
 * - the day of `start` does not count (《民法典》第201条);
 * - counting runs over statutory working days only, make-up working days
 *   included, so a `start` on a weekend or holiday counts from the next working
 *   day;
 * - the deadline is the n-th working day after the start day, and it lasts to
 *   24:00 Beijing time of that day (第203条: 截止时间为二十四时), so `end`
 *   is within when its Beijing date is on or before the deadline.
 *
 * Example: submitted Friday 2026-02-13, 5 working days: Saturday 02-14 is a
 * make-up working day (1), 02-15…02-23 is the Spring Festival break, then
 * 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5): the deadline is 2026-02-27.
 *
 * An `end` before `start` is within (ordering is another rule's business).
 * Only the days up to the deadline are needed, so an `end` in an uncovered year
 * after a covered deadline is still decided.
 */
export function withinWorkingDays(start: DateInput, end: DateInput, n: number): WithinResult {
  const s = beijingDay(start);
  const e = beijingDay(end);
  if (s === undefined || e === undefined) return { ok: false, problem: 'syntax' };
  const deadline = addWorkingDays(start, n);
  if (!deadline.ok) return deadline;
  const deadlineDay = beijingDay(deadline.date) ?? s;
  return { ok: true, within: e <= deadlineDay, deadline: deadline.date, startDate: formatDay(s), endDate: formatDay(e) };
}

/**
 * "Within n calendar months of `start`": the last day is addCalendarMonths
 * (corresponding day, clamped to month end, 第202条); when that day is not a
 * working day the period ends on the next working day instead (第203条: 期间的
 * 最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日). Like
 * withinWorkingDays, the deadline lasts to 24:00 Beijing time. Needs the
 * calendar only for the days from the nominal last day to the next working day.
 */
export function withinCalendarMonths(start: DateInput, end: DateInput, months: number): WithinResult {
  const s = beijingDay(start);
  const e = beijingDay(end);
  if (s === undefined || e === undefined) return { ok: false, problem: 'syntax' };
  const nominal = addCalendarMonths(start, months);
  if (!nominal.ok) return nominal;
  const last = firstWorkingDayFrom(nominal.date);
  if (!last.ok) return last;
  return { ok: true, within: e <= (beijingDay(last.date) ?? s), deadline: last.date, startDate: formatDay(s), endDate: formatDay(e) };
}

/**
 * The last day of a time limit whose nominal last day is `date`, after
 * 《民法典》第203条: a last day that is a statutory rest day (weekend or holiday,
 * not a make-up working day) gives way to the first working day after it
 * (以法定休假日结束的次日为期间的最后一日). `date` itself when it is a working day.
 * Needs the calendar for every day from `date` to the answer.
 */
export function firstWorkingDayFrom(date: DateInput): AddWorkingDaysResult {
  let day = beijingDay(date);
  if (day === undefined) return { ok: false, problem: 'syntax' };
  for (;;) {
    const v = classify(day);
    if (isOutside(v)) return v;
    if (v.working) return { ok: true, date: formatDay(day) };
    day++;
  }
}
