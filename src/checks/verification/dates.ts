// Reading the dates of a record for the verification rules. Dates follow the
// contract (ISO 8601, a date or date-time without zone is Beijing time) and
// are parsed by src/domain/workdays.ts; this module adds what the checks
// share: reading a date at a pointer, the one notion of a whole day, comparing
// two dates and a date with the last day of a period, telling an impossible
// calendar date from any other malformed value, and rendering.
//
// Whole days (contract 1.1): a bare date (`2031-03-10`) is the whole Beijing
// day, 00:00 to 24:00, not its first moment. So a bare date is compared with
// anything by Beijing day, and so is every date compared with a period, which
// 《民法典》第201–203条 count in whole days, each lasting to 24:00.

import { parseFilingDate, type BeijingDate } from '../../domain/workdays.js';
import { perRecord, stringAt } from '../access.js';

export interface RecordDate {
  readonly pointer: string;
  readonly text: string;
  /** The moment; for a whole day, its first moment (Beijing midnight). */
  instant: Date;
  /** Beijing calendar date, YYYY-MM-DD: the day `text` names, or the day its moment falls on in Beijing. */
  beijingDate: BeijingDate;
  /** True for a bare date (2026-03-02): it names the whole Beijing day rather than a moment. */
  wholeDay: boolean;
}

// The verification rules ask for the same few dates of a record about twenty times between them.
const datesOf = perRecord(() => new Map<string, RecordDate | undefined>());

/** The date at `pointer`, or undefined when it is absent, not a string, or does not parse. Shared: never changed. */
export function dateAt(record: unknown, pointer: string): RecordDate | undefined {
  const known = datesOf(record);
  let date = known.get(pointer);
  if (date === undefined && !known.has(pointer)) {
    date = readDate(record, pointer);
    known.set(pointer, date);
  }
  return date;
}

function readDate(record: unknown, pointer: string): RecordDate | undefined {
  const text = stringAt(record, pointer);
  if (text === undefined) return undefined;
  const p = parseFilingDate(text);
  if (!p.ok) return undefined;
  return Object.freeze({ pointer, text, instant: p.instant, beijingDate: p.beijingDate, wholeDay: !p.hasTime });
}

/**
 * Negative when `a` is before `b`, positive when after, 0 when neither. A
 * whole day overlaps every moment in it, so when either side is a bare date
 * the two are compared by Beijing day (`2026-03-02` is neither before nor
 * after `2026-03-02T09:30`); two moments are compared as instants.
 */
export function compareDates(a: RecordDate, b: RecordDate): number {
  if (a.wholeDay || b.wholeDay) return a.beijingDate < b.beijingDate ? -1 : a.beijingDate > b.beijingDate ? 1 : 0;
  return a.instant.getTime() - b.instant.getTime();
}

/** Whether `b` is before `a` (see compareDates). */
export function isBefore(b: RecordDate, a: RecordDate): boolean {
  return compareDates(b, a) < 0;
}

/**
 * Whether `d` falls within a period whose last day is `lastDay`: a period
 * lasts to 24:00 of its last day (第203条), so any moment of that day, and the
 * whole day itself, is within.
 */
export function isOnOrBeforeDay(d: RecordDate, lastDay: BeijingDate): boolean {
  return d.beijingDate <= lastDay;
}

/** Whether `d` reaches `lastDay`: a whole day or any moment on or after it (a duration that must last to that day). */
export function reachesDay(d: RecordDate, lastDay: BeijingDate): boolean {
  return d.beijingDate >= lastDay;
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Whole Beijing days from the day of `a` to the day of `b` (negative when `b` is an earlier day). */
export function daysBetween(a: RecordDate, b: RecordDate): number {
  const day = (d: RecordDate) => Math.floor((d.instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
  return day(b) - day(a);
}

/**
 * The form of a contract date: the pattern of `$defs/date` in
 * schemas/filing.schema.json, which tests/rules/dates-1.1.test.ts holds this
 * copy to.
 */
export const CONTRACT_DATE =
  /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?$/;

/**
 * A value that has the form of a contract date (so the `schema` rule, whose
 * pattern checks form only, accepts it) but names no calendar day:
 * 2026-02-30, 2025-02-29, year 0000. The schema leaves calendar validity to
 * the rules; these are the values no other rule would report. A value the
 * schema rejects (`2026-02-30 10:00`) is the schema rule's alone.
 */
export function isImpossibleDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CONTRACT_DATE.test(value)) return false;
  if (parseFilingDate(value).ok) return false;
  // Same time and zone on a real day parses: only the day itself is wrong.
  return parseFilingDate('2000-01-01' + value.slice(10)).ok;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as Beijing local time, `2031-03-10 10:00` (seconds when not
 * zero). Always with the time, midnight included: a bare date would read as
 * the whole day.
 */
export function formatBeijing(instant: Date): string {
  const local = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const s = local.getUTCSeconds();
  return `${date} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${s ? `:${pad(s)}` : ''}`;
}

/** How a record date is shown in a message: its Beijing date, with the time unless it is a whole day. */
export function showDate(d: RecordDate): string {
  return d.wholeDay ? d.beijingDate : formatBeijing(d.instant);
}

/** JSON Schema of an options value that is a JSON Pointer to a field of the filing format (src/schema/filing-pointer.ts). */
export const POINTER_OPTION = {
  type: 'string',
  pattern: '^(/[^/]+)+$',
  format: 'filing-pointer',
  description: 'JSON Pointer to a field of the filing format',
} as const;
