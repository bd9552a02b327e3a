import { describe, expect, it } from 'vitest';
import { periodLastDay, timeLimitLastDay } from '../../src/domain/periods.js';
import { calendarCoverage } from '../../src/domain/workdays.js';

// 《民法典》第201–203条 on the 2026 calendar of chinese-days (see
// tests/rules/verification.test.ts for the breaks): Qingming 04-04…06,
// Labour Day 05-01…05, Dragon Boat 06-19…21; New Year 2026-01-01…03 with
// Sunday 01-04 a make-up working day.

describe('periodLastDay (第201–202条)', () => {
  it.each([
    ['2026-03-10', { years: 5 }, '2031-03-10'], // the anniversary itself is the last day
    ['2026-03-10T10:00:00+08:00', { years: 5 }, '2031-03-10'], // the time of day does not matter (第201条)
    ['2026-03-10T23:59:59+08:00', { years: 5 }, '2031-03-10'],
    ['2026-03-09T16:30:00Z', { years: 5 }, '2031-03-10'], // 03-10 00:30 in Beijing
    ['2028-02-29', { years: 5 }, '2033-02-28'], // no 29 February: the month's last day
    ['2028-02-29', { years: 4 }, '2032-02-29'],
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2026-03-31', { months: 1 }, '2026-04-30'],
    ['2026-02-28', { months: 1 }, '2026-03-28'], // a month's end is not carried to the next month's end
    ['2026-12-15', { months: 1 }, '2027-01-15'],
  ] as const)('%s + %o ends on %s', (start, length, expected) => {
    expect(periodLastDay(start, length)).toEqual({ ok: true, date: expected });
  });

  it('rejects a length that is not a positive whole number of its unit, and an impossible date', () => {
    expect(periodLastDay('2026-03-10', { months: 0 })).toEqual({ ok: false, problem: 'invalid-count' });
    expect(periodLastDay('2026-03-10', { months: -1 })).toEqual({ ok: false, problem: 'invalid-count' });
    expect(periodLastDay('2026-03-10', { years: 1.5 })).toEqual({ ok: false, problem: 'invalid-count' });
    expect(periodLastDay('9998-03-10', { years: 5 })).toEqual({ ok: false, problem: 'invalid-count' });
    expect(periodLastDay('2026-02-30', { years: 5 })).toEqual({ ok: false, problem: 'syntax' });
  });
});

describe('timeLimitLastDay (第203条: a rest day moves the end to the next working day)', () => {
  it('keeps a working corresponding day', () => {
    expect(timeLimitLastDay('2026-03-03T15:05:00+08:00', { months: 1 })).toEqual({ ok: true, nominal: '2026-04-03', lastDay: '2026-04-03' });
    // 2026-02-28 is a make-up Saturday: a working day, no extension.
    expect(timeLimitLastDay('2026-01-31', { months: 1 })).toEqual({ ok: true, nominal: '2026-02-28', lastDay: '2026-02-28' });
  });

  it('moves a last day in a break past the whole break', () => {
    expect(timeLimitLastDay('2026-03-04', { months: 1 })).toEqual({ ok: true, nominal: '2026-04-04', lastDay: '2026-04-07' });
    expect(timeLimitLastDay('2026-04-01', { months: 1 })).toEqual({ ok: true, nominal: '2026-05-01', lastDay: '2026-05-06' });
    expect(timeLimitLastDay('2026-05-19', { months: 1 })).toEqual({ ok: true, nominal: '2026-06-19', lastDay: '2026-06-22' });
    expect(timeLimitLastDay('2026-09-01', { months: 1 })).toEqual({ ok: true, nominal: '2026-10-01', lastDay: '2026-10-08' });
  });

  it('stops at a make-up working day inside a weekend', () => {
    // 2025-12-01 + 1 month = New Year's Day; 01-02 and 01-03 are off, Sunday 01-04 is worked.
    expect(timeLimitLastDay('2025-12-01', { months: 1 })).toEqual({ ok: true, nominal: '2026-01-01', lastDay: '2026-01-04' });
  });

  it('moves an ordinary weekend to Monday', () => {
    // 2026-03-07 is a Saturday.
    expect(timeLimitLastDay('2026-02-07', { months: 1 })).toEqual({ ok: true, nominal: '2026-03-07', lastDay: '2026-03-09' });
  });

  it('does not guess in a year the calendar does not cover', () => {
    const { lastYear } = calendarCoverage();
    expect(timeLimitLastDay(`${lastYear}-12-01`, { months: 1 })).toEqual({ ok: false, problem: 'outside-calendar', year: lastYear + 1 });
    expect(timeLimitLastDay('2026-03-10', { months: 0 })).toEqual({ ok: false, problem: 'invalid-count' });
    expect(timeLimitLastDay('soon', { months: 1 })).toEqual({ ok: false, problem: 'syntax' });
  });
});
