import { describe, it, expect } from 'vitest';
import { isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import {
  addCalendarMonths,
  beijingDateOf,
  addWorkingDays,
  calendarCoverage,
  firstWorkingDayFrom,
  isWorkingDay,
  parseFilingDate,
  parseWithPattern,
  withinCalendarMonths,
  withinWorkingDays,
  workingDaysBetween,
} from '../../src/domain/workdays.js';
import { vectorLines } from './vector-files.js';

const YEARS = [2024, 2025, 2026];

describe('parseFilingDate', () => {
  it('reads a date alone as Beijing midnight', () => {
    expect(parseFilingDate('2026-03-02')).toEqual({
      ok: true,
      instant: new Date('2026-03-01T16:00:00Z'),
      beijingDate: '2026-03-02',
      hasTime: false,
    });
  });

  it('reads a date-time without zone as Beijing time', () => {
    expect(parseFilingDate('2026-03-02T09:30:00')).toMatchObject({ instant: new Date('2026-03-02T01:30:00Z'), beijingDate: '2026-03-02' });
    expect(parseFilingDate('2026-03-02T09:30')).toMatchObject({ instant: new Date('2026-03-02T01:30:00Z') });
    expect(parseFilingDate('2026-03-02 09:30:00')).toMatchObject({ instant: new Date('2026-03-02T01:30:00Z') });
  });

  it('converts zoned times to the Beijing calendar date', () => {
    expect(parseFilingDate('2026-03-02T09:30:00+08:00')).toMatchObject({ instant: new Date('2026-03-02T01:30:00Z'), beijingDate: '2026-03-02' });
    expect(parseFilingDate('2026-03-01T15:59:59Z')).toMatchObject({ beijingDate: '2026-03-01' });
    expect(parseFilingDate('2026-03-01T16:00:00Z')).toMatchObject({ beijingDate: '2026-03-02' });
    expect(parseFilingDate('2026-03-01T20:00:00-05:00')).toMatchObject({ instant: new Date('2026-03-02T01:00:00Z'), beijingDate: '2026-03-02' });
    expect(parseFilingDate('2026-03-02T09:30:00.5+0800')).toMatchObject({ instant: new Date('2026-03-02T01:30:00.500Z') });
    expect(parseFilingDate('2026-03-02T09:30:00+08')).toMatchObject({ instant: new Date('2026-03-02T01:30:00Z') });
    expect(parseFilingDate('2026-12-31T23:00:00Z')).toMatchObject({ beijingDate: '2027-01-01' });
  });

  it.each([
    '',
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '2100-02-29', // nor is 2100
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-3-2',
    '20260302',
    '2026-03-02T24:00',
    '2026-03-02T23:60',
    '2026-03-02T23:59:60Z',
    '2026-03-02T09:30:00+24:00',
    '2026-03-02T09:30:00+08:60',
    '2026-03-02T09',
    '2026-03-02Z',
    '２０２６-03-02',
    '2026-03-02\u200f',
    '0000-01-01',
    '9999-12-31T23:59:59-12:00', // Beijing date would be in year 10000
    '2026-03-02T09:30:00 +08:00',
    'x'.repeat(100_000),
  ])('rejects %j', (s) => {
    expect(parseFilingDate(s)).toEqual({ ok: false, problem: 'syntax' });
  });

  it('accepts 29 February in leap years', () => {
    expect(parseFilingDate('2024-02-29')).toMatchObject({ ok: true, beijingDate: '2024-02-29' });
    expect(parseFilingDate('2000-02-29')).toMatchObject({ ok: true });
  });
});

describe('date arithmetic across the whole range of years', () => {
  // Day numbers are computed by integer arithmetic; Date's own UTC calendar is the reference.
  const ref = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = 86_400_000;

  it('parses every 997th day from 0001-01-01 to 9999-12-31 to the instant and Beijing date Date gives', () => {
    const start = new Date(0);
    start.setUTCFullYear(1, 0, 1);
    const end = new Date(0);
    end.setUTCFullYear(9999, 11, 31);
    let checked = 0;
    for (let ms = start.getTime(); ms <= end.getTime(); ms += 997 * dayMs) {
      const text = ref(ms);
      const parsed = parseFilingDate(text);
      expect(parsed).toMatchObject({ ok: true, beijingDate: text });
      if (parsed.ok) expect(parsed.instant.getTime()).toBe(ms - 8 * 3_600_000);
      checked++;
    }
    expect(checked).toBeGreaterThan(3600);
  });

  it('adds calendar months across leap years and centuries as Date does, clamped to the month end', () => {
    for (const [from, months, to] of [
      ['2024-02-29', 12, '2025-02-28'],
      ['2024-02-29', 48, '2028-02-29'],
      ['1900-01-31', 1, '1900-02-28'],
      ['2000-01-31', 1, '2000-02-29'],
      ['0001-01-01', 12 * 9998 + 11, '9999-12-01'],
      ['2026-03-31', -1, '2026-02-28'],
    ] as const) {
      expect(addCalendarMonths(from, months)).toEqual({ ok: true, date: to });
    }
  });
});

describe('calendarCoverage', () => {
  it('covers the years the package announces, derived from its data', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(firstYear).toBeLessThanOrEqual(2024);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
    // chinese-days 1.5.7 ships 2004–2026; a newer data release may extend this.
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('refuses years outside coverage instead of guessing', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(isWorkingDay(`${lastYear + 1}-03-02`)).toEqual({ ok: false, problem: 'outside-calendar', year: lastYear + 1 });
    expect(isWorkingDay(`${firstYear - 1}-12-31`)).toEqual({ ok: false, problem: 'outside-calendar', year: firstYear - 1 });
    expect(addWorkingDays(`${lastYear}-12-31`, 1)).toEqual({ ok: false, problem: 'outside-calendar', year: lastYear + 1 });
    expect(workingDaysBetween(`${lastYear}-12-01`, `${lastYear + 1}-01-10`)).toEqual({ ok: false, problem: 'outside-calendar', year: lastYear + 1 });
    expect(withinWorkingDays('2030-05-06', '2030-05-08', 5)).toEqual({ ok: false, problem: 'outside-calendar', year: 2030 });
  });
});

describe('isWorkingDay against the chinese-days vectors', () => {
  for (const year of YEARS) {
    it(`${year}: every listed holiday is a day off, every make-up day a working day`, () => {
      const holidays = vectorLines(`cn-holidays-${year}.chinese-days.txt`);
      const makeup = vectorLines(`cn-makeup-workdays-${year}.chinese-days.txt`);
      expect(holidays.length).toBeGreaterThan(20);
      expect(makeup.length).toBeGreaterThan(3);
      for (const d of holidays) expect(isWorkingDay(d), d).toMatchObject({ ok: true, working: false });
      for (const d of makeup) {
        expect(isWorkingDay(d), d).toMatchObject({ ok: true, working: true, kind: 'makeup-workday' });
        // Make-up working days are weekend days by construction.
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect([0, 6], d).toContain(weekday);
      }
    });

    it(`${year}: every other day follows the Monday–Friday week`, () => {
      const listed = new Set([
        ...vectorLines(`cn-holidays-${year}.chinese-days.txt`),
        ...vectorLines(`cn-makeup-workdays-${year}.chinese-days.txt`),
      ]);
      let counted = 0;
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (listed.has(d)) continue;
        const weekday = new Date(t).getUTCDay();
        expect(isWorkingDay(d), d).toMatchObject({ ok: true, working: weekday !== 0 && weekday !== 6 });
        counted++;
      }
      expect(counted).toBeGreaterThan(300);
    });
  }

  // chinese-days' functions use local-time getters and go wrong west of UTC
  // (that is why workdays.ts reads its JSON instead); compare only where they work.
  const westOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)('agrees with chinese-days isWorkday on every covered day', () => {
    // A local-noon Date sidesteps its parsing of 'YYYY-MM-DD' strings.
    const { firstYear, lastYear } = calendarCoverage();
    for (let y = firstYear; y <= lastYear; y++) {
      for (let d = new Date(y, 0, 1, 12); d.getFullYear() === y; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 12)) {
        const iso = `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        const ours = isWorkingDay(iso);
        expect(ours.ok && ours.working, iso).toBe(chineseDaysIsWorkday(d));
      }
    }
  });

  it('explains why a day is or is not a working day', () => {
    expect(isWorkingDay('2026-02-14')).toEqual({ ok: true, date: '2026-02-14', working: true, kind: 'makeup-workday', holidayName: '春节' });
    expect(isWorkingDay('2026-02-17')).toEqual({ ok: true, date: '2026-02-17', working: false, kind: 'holiday', holidayName: '春节' });
    expect(isWorkingDay('2026-03-07')).toEqual({ ok: true, date: '2026-03-07', working: false, kind: 'weekend' });
    expect(isWorkingDay('2026-03-09')).toEqual({ ok: true, date: '2026-03-09', working: true, kind: 'workday' });
  });

  it('takes the Beijing date of a date-time or Date', () => {
    // 2026-02-13T16:30Z is Saturday 14 February 00:30 in Beijing, a make-up working day.
    expect(isWorkingDay('2026-02-13T16:30:00Z')).toMatchObject({ date: '2026-02-14', kind: 'makeup-workday' });
    expect(isWorkingDay(new Date('2026-02-13T16:30:00Z'))).toMatchObject({ date: '2026-02-14', kind: 'makeup-workday' });
    expect(isWorkingDay('2026-02-30')).toEqual({ ok: false, problem: 'syntax' });
    expect(isWorkingDay(new Date(Number.NaN))).toEqual({ ok: false, problem: 'syntax' });
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('counts across the 2026 Spring Festival break, make-up Saturdays included', () => {
    // Fri 02-13 submitted; Sat 02-14 is a make-up working day (1); 02-15…02-23
    // off; 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
    expect(addWorkingDays('2026-02-13', 5)).toEqual({ ok: true, date: '2026-02-27' });
    expect(addWorkingDays('2026-02-13', 1)).toEqual({ ok: true, date: '2026-02-14' });
    expect(addWorkingDays('2026-02-13', 2)).toEqual({ ok: true, date: '2026-02-24' });
    // Sat 02-28 is the second make-up day of the break.
    expect(addWorkingDays('2026-02-13', 6)).toEqual({ ok: true, date: '2026-02-28' });
    expect(workingDaysBetween('2026-02-13', '2026-02-27')).toEqual({ ok: true, days: 5 });
    expect(workingDaysBetween('2026-02-14', '2026-02-23')).toEqual({ ok: true, days: 0 });
  });

  it('counts across the 2026 National Day break', () => {
    // 10-01…10-07 off, Sat 10-10 a make-up day: 10-08 (1), 10-09 (2), 10-10 (3), 10-12 (4), 10-13 (5).
    expect(addWorkingDays('2026-09-30', 5)).toEqual({ ok: true, date: '2026-10-13' });
    // Sun 09-20 is a make-up working day too.
    expect(addWorkingDays('2026-09-18', 1)).toEqual({ ok: true, date: '2026-09-20' });
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toEqual({ ok: true, days: 5 });
  });

  it('counts across the 2025 Spring Festival and the year boundary', () => {
    // 2025-01-26 (Sun) make-up; 01-28…02-04 off; 02-08 (Sat) make-up.
    expect(addWorkingDays('2025-01-24', 1)).toEqual({ ok: true, date: '2025-01-26' });
    expect(addWorkingDays('2025-01-27', 1)).toEqual({ ok: true, date: '2025-02-05' });
    expect(addWorkingDays('2024-12-31', 1)).toEqual({ ok: true, date: '2025-01-02' });
  });

  it('does not count the start day, whatever it is', () => {
    expect(addWorkingDays('2026-03-06', 1)).toEqual({ ok: true, date: '2026-03-09' }); // Friday
    expect(addWorkingDays('2026-03-07', 1)).toEqual({ ok: true, date: '2026-03-09' }); // Saturday
    expect(addWorkingDays('2026-03-09', 0)).toEqual({ ok: true, date: '2026-03-09' });
  });

  it('is consistent: the deadline is the first day reaching the count', () => {
    for (const start of ['2026-02-10', '2026-02-13', '2026-02-14', '2026-02-20', '2026-09-25', '2026-09-30', '2025-09-26']) {
      for (let n = 1; n <= 25; n++) {
        const r = addWorkingDays(start, n);
        if (!r.ok) throw new Error(`${start}+${n}: ${r.problem}`);
        expect(workingDaysBetween(start, r.date), `${start}+${n}`).toEqual({ ok: true, days: n });
        expect(isWorkingDay(r.date)).toMatchObject({ working: true });
      }
    }
  });

  it('gives a negative count backwards and rejects bad counts', () => {
    expect(workingDaysBetween('2026-02-27', '2026-02-13')).toEqual({ ok: true, days: -5 });
    expect(workingDaysBetween('2026-02-27', '2026-02-27')).toEqual({ ok: true, days: 0 });
    expect(addWorkingDays('2026-03-02', -1)).toEqual({ ok: false, problem: 'invalid-count' });
    expect(addWorkingDays('2026-03-02', 1.5)).toEqual({ ok: false, problem: 'invalid-count' });
    expect(addWorkingDays('2026-03-02', Number.NaN)).toEqual({ ok: false, problem: 'invalid-count' });
    expect(addWorkingDays('nope', 1)).toEqual({ ok: false, problem: 'syntax' });
    // A huge count runs off the calendar instead of looping for ever.
    expect(addWorkingDays('2026-03-02', 1_000_000)).toMatchObject({ ok: false, problem: 'outside-calendar' });
  });
});

describe('withinWorkingDays (pre-verification: 5 working days)', () => {
  it('allows completion through 24:00 Beijing time of the deadline day', () => {
    const start = '2026-02-13T17:45:00+08:00';
    expect(withinWorkingDays(start, '2026-02-27T23:59:59+08:00', 5)).toEqual({
      ok: true,
      within: true,
      deadline: '2026-02-27',
      startDate: '2026-02-13',
      endDate: '2026-02-27',
    });
    expect(withinWorkingDays(start, '2026-02-28T00:00:00+08:00', 5)).toMatchObject({ ok: true, within: false, deadline: '2026-02-27' });
    // 16:30 UTC on the 27th is already the 28th in Beijing.
    expect(withinWorkingDays(start, '2026-02-27T16:30:00Z', 5)).toMatchObject({ within: false });
    expect(withinWorkingDays(start, '2026-02-27T15:59:59Z', 5)).toMatchObject({ within: true });
  });

  it('starts a weekend or holiday submission from the next working day', () => {
    // Submitted on the first day of the break: 02-24 (1) … 02-28 (5, make-up Saturday).
    expect(withinWorkingDays('2026-02-15', '2026-02-28', 5)).toMatchObject({ within: true, deadline: '2026-02-28' });
    expect(withinWorkingDays('2026-03-07', '2026-03-13', 5)).toMatchObject({ within: true, deadline: '2026-03-13' });
    expect(withinWorkingDays('2026-03-07', '2026-03-16', 5)).toMatchObject({ within: false, deadline: '2026-03-13' });
  });

  it('decides with the calendar it has: an end after a covered deadline needs no more', () => {
    expect(withinWorkingDays('2026-12-01', '2027-03-01', 5)).toMatchObject({ ok: true, within: false, deadline: '2026-12-08' });
    expect(withinWorkingDays('2026-12-28', '2027-01-04', 5)).toEqual({ ok: false, problem: 'outside-calendar', year: 2027 });
  });

  it('treats an end before the start as within', () => {
    expect(withinWorkingDays('2026-03-10', '2026-03-02', 5)).toMatchObject({ ok: true, within: true });
  });

  it('computes the bureau review deadline (20 working days)', () => {
    // 2026-04-01: Qingming 04-04…04-06 (Sat–Mon) off.
    expect(withinWorkingDays('2026-04-01', '2026-04-30', 20)).toMatchObject({ within: true, deadline: '2026-04-30' });
  });

  it('rejects unparsable dates', () => {
    expect(withinWorkingDays('2026-02-30', '2026-03-02', 5)).toEqual({ ok: false, problem: 'syntax' });
    expect(withinWorkingDays('2026-03-02', '', 5)).toEqual({ ok: false, problem: 'syntax' });
  });
});

describe('addCalendarMonths and withinCalendarMonths (on-site: 1 month)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // clamped to month end (民法典 第202条)
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', 13, '2027-02-28'],
    ['2026-02-28', 1, '2026-03-28'], // not month-end to month-end
    ['2026-03-02T01:00:00+09:00', 1, '2026-04-02'], // Beijing date 03-02
    ['2026-03-01T20:00:00Z', 1, '2026-04-02'], // Beijing date 03-02
  ])('%s + %d month(s) = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toEqual({ ok: true, date: expected });
  });

  it('rejects bad input', () => {
    expect(addCalendarMonths('2026-02-30', 1)).toEqual({ ok: false, problem: 'syntax' });
    expect(addCalendarMonths('2026-01-31', 0.5)).toEqual({ ok: false, problem: 'invalid-count' });
    expect(addCalendarMonths('9999-12-01', 1)).toEqual({ ok: false, problem: 'invalid-count' });
  });

  it('moves a last day on a holiday to the next working day (民法典 第203条)', () => {
    // Notified 09-01: 10-01 is National Day; the break ends 10-07, so the period runs to 10-08.
    expect(withinCalendarMonths('2026-09-01', '2026-10-08T20:00:00+08:00', 1)).toEqual({
      ok: true,
      within: true,
      deadline: '2026-10-08',
      startDate: '2026-09-01',
      endDate: '2026-10-08',
    });
    // 2026-02-28 is a make-up Saturday, a working day: no extension.
    expect(withinCalendarMonths('2026-01-31', '2026-03-02', 1)).toMatchObject({ within: false, deadline: '2026-02-28' });
    // An ordinary Saturday moves to Monday.
    expect(withinCalendarMonths('2026-02-07', '2026-03-09', 1)).toMatchObject({ within: true, deadline: '2026-03-09' });
    expect(withinCalendarMonths('2026-12-01', '2027-01-01', 1)).toEqual({ ok: false, problem: 'outside-calendar', year: 2027 });
  });
});

describe('the common date forms read by character', () => {
  // parseFilingDate reads `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS+08:00` without the pattern; it must agree with the pattern.
  let seed = 3;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const two = (n: number) => String(n).padStart(2, '0');
  const samples: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const year = [0, 1, 999, 1900, 2000, 2024, 2025, 2026, 9999][next(9)]!;
    const date = `${String(year).padStart(4, '0')}-${two(next(14))}-${two(next(33))}`;
    const time = `${two(next(26))}:${two(next(62))}:${two(next(62))}`;
    const zone = ['+08:00', '+0800', 'Z', '-05:00', '+08:0', '+24:00', ''][next(7)];
    const sep = ['T', ' ', 't', 'X'][next(4)];
    samples.push(date, `${date}${sep}${time}${zone}`, ` ${date}`, `${date}T${time}+08:00 `, `${date}T${time}.5+08:00`);
  }
  samples.push('2026-02-28T23:59:59+08:00', '9999-12-31T23:59:59-08:00', '2024-02-29', '2025-02-29', '2026-3-02', '2026-03-0a', '２０２６-03-02');

  it('agrees with the full pattern on every sample', () => {
    const differ = samples.filter((s) => JSON.stringify(parseFilingDate(s)) !== JSON.stringify(parseWithPattern(s)));
    expect(differ).toEqual([]);
    expect(samples.filter((s) => parseFilingDate(s).ok).length).toBeGreaterThan(2000);
  });
});

describe('firstWorkingDayFrom (民法典 第203条)', () => {
  it('is the day itself when it is a working day, make-up days included', () => {
    expect(firstWorkingDayFrom('2026-04-03')).toEqual({ ok: true, date: '2026-04-03' });
    expect(firstWorkingDayFrom('2026-02-28')).toEqual({ ok: true, date: '2026-02-28' });
    expect(firstWorkingDayFrom('2026-04-03T23:59:00+08:00')).toEqual({ ok: true, date: '2026-04-03' });
  });

  it('skips weekends and breaks, stopping at the first working day', () => {
    expect(firstWorkingDayFrom('2026-04-04')).toEqual({ ok: true, date: '2026-04-07' });
    expect(firstWorkingDayFrom('2026-02-15')).toEqual({ ok: true, date: '2026-02-24' });
    expect(firstWorkingDayFrom('2026-01-01')).toEqual({ ok: true, date: '2026-01-04' }); // Sunday 01-04 is worked
    expect(firstWorkingDayFrom('2026-03-07')).toEqual({ ok: true, date: '2026-03-09' });
    // Friday 03-06 23:00 UTC is Saturday 03-07 in Beijing.
    expect(firstWorkingDayFrom('2026-03-06T23:00:00Z')).toEqual({ ok: true, date: '2026-03-09' });
  });

  it('refuses uncovered years and impossible dates', () => {
    const { lastYear } = calendarCoverage();
    expect(firstWorkingDayFrom(`${lastYear + 1}-01-01`)).toEqual({ ok: false, problem: 'outside-calendar', year: lastYear + 1 });
    expect(firstWorkingDayFrom('2026-02-30')).toEqual({ ok: false, problem: 'syntax' });
  });
});

describe('beijingDateOf', () => {
  it('gives the Beijing day of an instant, of a record date and of a bare date', () => {
    expect(beijingDateOf(new Date('2026-02-28T16:30:00Z'))).toBe('2026-03-01');
    expect(beijingDateOf(new Date('2026-02-28T15:59:59Z'))).toBe('2026-02-28');
    expect(beijingDateOf('2026-02-28T20:00:00-05:00')).toBe('2026-03-01');
    expect(beijingDateOf('2026-02-28')).toBe('2026-02-28');
  });

  it('is undefined for what is no date', () => {
    expect(beijingDateOf(new Date(Number.NaN))).toBeUndefined();
    expect(beijingDateOf('2026-02-30')).toBeUndefined();
    expect(beijingDateOf('tomorrow')).toBeUndefined();
  });
});
