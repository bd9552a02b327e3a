// Reading the dates of a record for the verification rules. Dates follow the
// contract (ISO 8601, a date or date-time without zone is Beijing time) and
// are parsed by src/domain/workdays.ts; this module only adds what the checks
// share: reading a date at a pointer, comparing two of them, telling an
// impossible calendar date from any other malformed value, and rendering.

import { parseFilingDate } from '../../domain/workdays.js';
import { stringAt } from '../access.js';

export interface RecordDate {
  pointer: string;
  text: string;
  instant: Date;
  /** Beijing calendar date, YYYY-MM-DD. */
  beijingDate: string;
  /** False for a bare date (2026-03-02), which names a day rather than a moment. */
  hasTime: boolean;
}

/** The date at `pointer`, or undefined when it is absent, not a string, or does not parse. */
export function dateAt(record: unknown, pointer: string): RecordDate | undefined {
  const text = stringAt(record, pointer);
  if (text === undefined) return undefined;
  const p = parseFilingDate(text);
  if (!p.ok) return undefined;
  return { pointer, text, instant: p.instant, beijingDate: p.beijingDate, hasTime: p.hasTime };
}

/**
 * Whether `b` is before `a`. A bare date names a whole day, so when either
 * side has no time the two are compared by Beijing calendar date (a
 * pre-verification recorded as `2026-03-02` is not before a submission at
 * `2026-03-02T09:30`); otherwise by instant.
 */
export function isBefore(b: RecordDate, a: RecordDate): boolean {
  if (!a.hasTime || !b.hasTime) return b.beijingDate < a.beijingDate;
  return b.instant.getTime() < a.instant.getTime();
}

const DATE_PREFIX = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/;

/**
 * A value that has the form of a contract date (so the `schema` rule, whose
 * pattern checks form only, accepts it) but names no calendar day:
 * 2026-02-30, 2025-02-29, year 0000. The schema leaves calendar validity to
 * the rules; these are the values no other rule would report.
 */
export function isImpossibleDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PREFIX.test(value)) return false;
  if (parseFilingDate(value).ok) return false;
  // Same time and zone on a real day parses: only the day itself is wrong.
  return parseFilingDate('2000-01-01' + value.slice(10)).ok;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as Beijing local time: `2031-03-10` at midnight, else `2031-03-10 10:00` (seconds when not zero). */
export function formatBeijing(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const h = local.getUTCHours();
  const m = local.getUTCMinutes();
  const s = local.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0 && local.getUTCMilliseconds() === 0) return date;
  return `${date} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/** How a record date is shown in a message: its Beijing date, with the time when it has one. */
export function showDate(d: RecordDate): string {
  return d.hasTime ? formatBeijing(d.instant) : d.beijingDate;
}

/** JSON Schema of an options value that is a JSON Pointer into the record. */
export const POINTER_OPTION = {
  type: 'string',
  pattern: '^(/[^/]+)+$',
  description: 'JSON Pointer into the record',
} as const;
