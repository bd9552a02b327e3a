import { describe, expect, it } from 'vitest';
import { compareDates, CONTRACT_DATE, dateAt, showDate } from '../../src/checks/verification/dates.js';
import { readFileSync } from 'node:fs';
import { bundledRuleSet, type LintMessage, type Locale } from '../../src/engine/index.js';
import { lintRecords, messagesOf } from '../support/lint.js';
import { patched, type Patch } from '../support/records.js';

// Contract 1.1, "Whole days": a bare date is the whole Beijing day; calendar
// month and year periods follow 《民法典》第201–203条. Calendar facts used
// (chinese-days, 2024–2026): Qingming 2026-04-04…06; Labour Day 2026-05-01…05;
// New Year 2026-01-01…03 with Sunday 01-04 worked; 2026-02-28 a make-up Saturday.

const SUBMITTED = '/verification/submittedAt';
const COMPLETED = '/verification/preVerification/completedAt';
const SENT = '/verification/notification/sentAt';
const VERIFIED = '/verification/onSite/verifiedAt';
const PROVIDER = '/verification/providerSubmittedAt';
const REVIEWED = '/review/reviewedAt';
const RETAIN = '/retention/retainUntil';

function lint(ruleId: string, patch: Patch, locale: Locale = 'en', base = 'enterprise-approved' as const): LintMessage[] {
  return messagesOf(lintRecords([patched(base, patch)], { locale }), ruleId);
}

const set = (values: Record<string, unknown>): Patch => ({ set: values });

describe('the shared whole-day notion (dates.ts)', () => {
  const at = (text: string) => dateAt({ d: text }, '/d')!;

  it('knows a bare date from a moment', () => {
    expect(at('2026-03-02')).toMatchObject({ wholeDay: true, beijingDate: '2026-03-02' });
    expect(at('2026-03-02T00:00:00+08:00')).toMatchObject({ wholeDay: false, beijingDate: '2026-03-02' });
    expect(at('2026-03-01T20:00:00Z')).toMatchObject({ wholeDay: false, beijingDate: '2026-03-02' });
  });

  it('a whole day is neither before nor after any moment in it', () => {
    expect(compareDates(at('2026-03-02'), at('2026-03-02T23:59:59+08:00'))).toBe(0);
    expect(compareDates(at('2026-03-02T00:00:00+08:00'), at('2026-03-02'))).toBe(0);
    expect(compareDates(at('2026-03-02'), at('2026-03-01T16:00:00Z'))).toBe(0); // 03-02 00:00 Beijing
    expect(compareDates(at('2026-03-02'), at('2026-03-01T15:59:59Z'))).toBeGreaterThan(0);
    expect(compareDates(at('2026-03-02T09:00'), at('2026-03-02T10:00'))).toBeLessThan(0);
  });

  it('shows a whole day as a date and a moment with its time, midnight included', () => {
    expect(showDate(at('2026-03-02'))).toBe('2026-03-02');
    expect(showDate(at('2026-03-02T00:00:00+08:00'))).toBe('2026-03-02 00:00');
    expect(showDate(at('2026-03-01T20:00:30Z'))).toBe('2026-03-02 04:00:30');
  });
});

describe('retention-period: 5 years to the anniversary date', () => {
  const rule = 'retention-period';
  const check = (verified: string, until: string, locale: Locale = 'en') => lint(rule, set({ [VERIFIED]: verified, [RETAIN]: until }), locale);

  it('the anniversary passes whatever the time of the verification; the day before fails', () => {
    for (const verified of ['2026-03-10', '2026-03-10T00:00:00+08:00', '2026-03-10T10:00:00+08:00', '2026-03-10T23:59:59+08:00']) {
      expect(check(verified, '2031-03-10')).toEqual([]);
      expect(check(verified, '2031-03-09').map((m) => m.path)).toEqual([RETAIN]);
    }
  });

  it('the whole last day counts, with a time of day too', () => {
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-10T00:00:00+08:00')).toEqual([]);
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-09T23:59:59+08:00')).toHaveLength(1);
  });

  it('counts from the Beijing day of the verification', () => {
    // 20:00 UTC on 03-10 is 04:00 on 03-11 in Beijing.
    expect(check('2026-03-10T20:00:00Z', '2031-03-11')).toEqual([]);
    expect(check('2026-03-10T20:00:00Z', '2031-03-10')).toHaveLength(1);
  });

  it('says the earliest acceptable date as a date, in both locales, as an error', () => {
    const [en] = check('2026-03-10T10:00:00+08:00', '2031-03-09');
    expect(en).toMatchObject({ path: RETAIN, severity: 'error' });
    expect(en!.message).toBe(
      'records are kept only until 2031-03-09, less than 5 years after on-site verification (2026-03-10 10:00); keep them until at least 2031-03-10 (三、(一)4)',
    );
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-09', 'zh-CN')[0]!.message).toBe(
      '资料只留存到 2031-03-09，不足当面核验（2026-03-10 10:00）后 5 年；应至少留存到 2031-03-10（三、(一)4）',
    );
  });

  it('29 February: the month’s last day, 28 February', () => {
    expect(check('2028-02-29T10:00:00+08:00', '2033-02-28')).toEqual([]);
    expect(check('2028-02-29T10:00:00+08:00', '2033-02-27')[0]!.message).toContain('keep them until at least 2033-02-28');
  });

  it('does not extend the last day over a rest day (第203条 is for time limits to act)', () => {
    // 2021-10-01 + 5 years = 2026-10-01, National Day: still the last day.
    expect(check('2021-10-01T10:00:00+08:00', '2026-10-01')).toEqual([]);
  });

  it('keeps reporting a retainUntil that is no calendar date', () => {
    expect(check('2026-03-10T10:00:00+08:00', '2031-02-30')).toMatchObject([
      { path: RETAIN, message: 'retainUntil is 2031-02-30, which is not a calendar date (三、(一)4)' },
    ]);
  });
});

describe('on-site-deadline: 1 month per 第201–203条, in whole days', () => {
  const rule = 'on-site-deadline';
  const check = (sent: string, verified: string, locale: Locale = 'en') => lint(rule, set({ [SENT]: sent, [VERIFIED]: verified }), locale);

  it('never calls a same-day verification late, bare or not', () => {
    expect(check('2026-03-03', '2026-03-03')).toEqual([]);
    expect(check('2026-03-03', '2026-03-03T08:00:00+08:00')).toEqual([]);
    expect(check('2026-03-03T15:05:00+08:00', '2026-03-03')).toEqual([]);
  });

  it('the last day passes to 24:00, whatever form either date has', () => {
    for (const sent of ['2026-03-03', '2026-03-03T00:00:00+08:00', '2026-03-03T23:59:00+08:00', '2026-03-02T17:00:00Z']) {
      expect(check(sent, '2026-04-03')).toEqual([]);
      expect(check(sent, '2026-04-03T23:59:59+08:00')).toEqual([]);
      expect(check(sent, '2026-04-07').map((m) => m.path)).toEqual([VERIFIED]);
    }
  });

  it('reports the day after the last day, showing a bare date as a date and a midnight time with its time', () => {
    const [en] = check('2026-03-03', '2026-04-04T00:00:00+08:00');
    expect(en).toMatchObject({ path: VERIFIED, severity: 'error' });
    expect(en!.message).toBe(
      'on-site verification took place on 2026-04-04 00:00, after the deadline 2026-04-03 (the 1-month limit counted from the notification sent on 2026-03-03) (二、(二)1.(2))',
    );
    expect(check('2026-03-03', '2026-04-04', 'zh-CN')[0]!.message).toBe(
      '当面核验于 2026-04-04 进行，晚于期限 2026-04-03（通知于 2026-03-03 发出，应在 1 个月内核验）（二、(二)1.(2)）',
    );
  });

  it('month end: notified 31 January, the period ends on February’s last day', () => {
    expect(check('2024-01-31', '2024-02-29')).toEqual([]);
    expect(check('2024-01-31', '2024-03-01')[0]!.message).toContain('deadline 2024-02-29');
    expect(check('2025-01-31T18:00:00+08:00', '2025-02-28')).toEqual([]);
    expect(check('2025-01-31T18:00:00+08:00', '2025-03-03')[0]!.message).toContain('deadline 2025-02-28');
    expect(check('2026-03-31', '2026-04-30')).toEqual([]);
    expect(check('2026-03-31', '2026-05-06')[0]!.message).toContain('deadline 2026-04-30');
  });

  it('a last day in a holiday moves to the next working day, a make-up Sunday included', () => {
    // 05-01 + Labour Day break → Wednesday 05-06.
    expect(check('2026-04-01', '2026-05-06')).toEqual([]);
    expect(check('2026-04-01', '2026-05-07')[0]!.message).toContain('deadline 2026-05-06');
    // 2026-01-01 New Year's Day; 01-02, 01-03 off; Sunday 01-04 worked.
    expect(check('2025-12-01T09:00:00+08:00', '2026-01-04')).toEqual([]);
    expect(check('2025-12-01T09:00:00+08:00', '2026-01-05')[0]!.message).toContain('deadline 2026-01-04');
  });

  it('the fallback start (pre-verification) is a whole day too', () => {
    const patch = { unset: ['/verification/notification'], set: { [COMPLETED]: '2026-03-03', [VERIFIED]: '2026-04-03T20:00:00+08:00' } };
    expect(lint(rule, patch)).toEqual([]);
  });
});

describe('pre-verification-deadline: whole days on both ends', () => {
  const rule = 'pre-verification-deadline';
  const check = (submitted: string, completed: string) => lint(rule, set({ [SUBMITTED]: submitted, [COMPLETED]: completed }));

  it('a bare completion on the 5th working day passes; the next day fails', () => {
    // Monday 03-02: 03-03 … 03-06 (4), Monday 03-09 (5).
    for (const submitted of ['2026-03-02', '2026-03-02T00:00:00+08:00', '2026-03-02T23:59:00+08:00']) {
      expect(check(submitted, '2026-03-09')).toEqual([]);
      expect(check(submitted, '2026-03-10').map((m) => m.path)).toEqual([COMPLETED]);
    }
  });

  it('a bare submission on a rest day counts from the next working day', () => {
    // Saturday 03-07: 03-09 … 03-13 (5).
    expect(check('2026-03-07', '2026-03-13')).toEqual([]);
    expect(check('2026-03-07', '2026-03-16')[0]!.message).toBe(
      'pre-verification was completed on 2026-03-16, after the deadline 2026-03-13 (5 working days after submission on 2026-03-07) (二、(二)1.(2))',
    );
  });
});

describe('bureau-review-deadline: the bureau’s duty, a warning by default', () => {
  const rule = 'bureau-review-deadline';
  const patch = (provider: string, reviewed: string) => set({ [PROVIDER]: provider, [REVIEWED]: reviewed });

  it('is a warning in the rule file', () => {
    expect(bundledRuleSet().rules.find((r) => r.id === rule)?.severity).toBe('warning');
  });

  it('a bare review date on the 20th working day passes; the next working day is a warning, not an error', () => {
    // Provider 03-11: the 20th working day is Thursday 04-09 (Qingming 04-04…06 off).
    expect(lint(rule, patch('2026-03-11', '2026-04-09'))).toEqual([]);
    expect(lint(rule, patch('2026-03-11T16:00:00+08:00', '2026-04-09'))).toEqual([]);
    const result = lintRecords([patched('enterprise-approved', patch('2026-03-11T16:00:00+08:00', '2026-04-10'))]);
    const [m] = messagesOf(result, rule);
    expect(m).toMatchObject({ path: REVIEWED, severity: 'warning' });
    expect(m!.message).toBe(
      "the review was completed on 2026-04-10, after the deadline 2026-04-09 (20 working days after the provider's submission on 2026-03-11 16:00) (二、(二)2)",
    );
    expect(result.errorCount).toBe(0);
  });

  it('a user can still make it an error', () => {
    const result = lintRecords([patched('enterprise-approved', patch('2026-03-11', '2026-04-10'))], { rules: { [rule]: 'error' } });
    expect(messagesOf(result, rule)).toMatchObject([{ path: REVIEWED, severity: 'error' }]);
  });
});

describe('submission-order: a bare date overlaps every time of its day', () => {
  const rule = 'submission-order';
  const paths = (values: Record<string, unknown>) => lint(rule, set(values)).map((m) => m.path);

  it('a bare date between two times of its day does not hide that they run backwards', () => {
    expect(paths({ [SUBMITTED]: '2026-03-02T15:00:00+08:00', [COMPLETED]: '2026-03-02', [SENT]: '2026-03-02T10:00:00+08:00', [VERIFIED]: '2026-03-03T10:00:00+08:00' })).toEqual([SENT]);
    expect(paths({ [SUBMITTED]: '2026-03-02T09:00:00+08:00', [COMPLETED]: '2026-03-02', [SENT]: '2026-03-02T10:00:00+08:00', [VERIFIED]: '2026-03-03T10:00:00+08:00' })).toEqual([]);
  });

  it('leaves a date of another form to the schema rule, calendar day or not', () => {
    const messages = lintRecords([patched('enterprise-approved', { set: { [SENT]: '2026-02-30 10:00' } })]).messages;
    expect(messages.filter((m) => m.path === SENT).map((m) => m.ruleId)).toEqual(['schema']);
  });

  it('a bare date and a time on the same Beijing day are in order either way round', () => {
    // Later step bare, earlier step late in the day.
    expect(paths({ [SUBMITTED]: '2026-03-03T23:00:00+08:00', [COMPLETED]: '2026-03-03', [SENT]: '2026-03-03T23:30:00+08:00' })).toEqual([]);
    // Earlier step bare, later step at midnight.
    expect(paths({ [SUBMITTED]: '2026-03-03', [COMPLETED]: '2026-03-03T00:00:00+08:00' })).toEqual([]);
    // Same Beijing day through a zone: 19:00 UTC on 03-02 is 03-03 03:00 in Beijing.
    expect(paths({ [SUBMITTED]: '2026-03-03', [COMPLETED]: '2026-03-02T19:00:00Z' })).toEqual([]);
  });

  it('a bare date on an earlier day is out of order, by Beijing day', () => {
    expect(paths({ [SUBMITTED]: '2026-03-03T00:30:00+08:00', [COMPLETED]: '2026-03-02' })).toEqual([COMPLETED]);
    expect(paths({ [SUBMITTED]: '2026-03-03', [COMPLETED]: '2026-03-02T15:59:59Z' })).toEqual([COMPLETED]); // 23:59:59 Beijing
    const [zh] = lint(rule, set({ [SUBMITTED]: '2026-03-03', [COMPLETED]: '2026-03-02T23:00:00+08:00' }), 'zh-CN');
    expect(zh!.message).toBe(
      'verification.preVerification.completedAt（2026-03-02 23:00）早于前一步骤 verification.submittedAt（2026-03-03）；顺序应为：提交、预核验、短信通知、当面核验、接入服务单位提交、审核（二、(二)）',
    );
  });

  it('two times are still compared to the second', () => {
    expect(paths({ [SUBMITTED]: '2026-03-03T10:00:00+08:00', [COMPLETED]: '2026-03-03T09:59:59+08:00' })).toEqual([COMPLETED]);
  });
});

describe('the form of a date', () => {
  it('is the pattern of $defs/date in the filing schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/filing.schema.json', import.meta.url), 'utf8')) as { $defs: { date: { pattern: string } } };
    expect(CONTRACT_DATE.source).toBe(schema.$defs.date.pattern);
  });
});
