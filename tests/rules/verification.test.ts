import { describe, expect, it } from 'vitest';
import { PROVINCE_FILING_ABBREVIATIONS } from '../../src/domain/citizen-id.js';
import { calendarCoverage } from '../../src/domain/workdays.js';
import { bundledRuleSet, type LintMessage, type Locale } from '../../src/engine/index.js';
import { lintRecords, messagesOf } from '../support/lint.js';
import { patched, type Patch } from '../support/records.js';

// Edge cases of the verification and review rules (二、(二), 三、(一)3–4).
// The rule files' examples cover the plain cases; the 2026 calendar used below
// is chinese-days' (tests/fixtures/records/README.md):
//   Spring Festival: 02-15 … 02-23 off; Saturdays 02-14 and 02-28 are make-up working days.
//   Qingming: 04-04 … 04-06 off.
//   Mid-Autumn 09-25 … 09-27 and National Day 10-01 … 10-07 off; Sunday 09-20 and Saturday 10-10 are make-up working days.

const MINE = [
  'pre-verification-deadline',
  'notification-message',
  'on-site-deadline',
  'on-site-attendance',
  'photo-spec',
  'verification-form',
  'contract-clause',
  'submission-order',
  'bureau-region',
  'bureau-review-deadline',
  'filing-number',
  'retention-period',
] as const;

type Base = 'enterprise-approved' | 'government-verified' | 'individual-draft';

function lint(ruleId: string, base: Base | Record<string, unknown>, patch: Patch = {}, locale: Locale = 'en'): LintMessage[] {
  return messagesOf(lintRecords([patched(base, patch)], { locale }), ruleId);
}

function paths(ruleId: string, base: Base | Record<string, unknown>, patch: Patch = {}): string[] {
  return lint(ruleId, base, patch).map((m) => m.path);
}

const PASSED =
  '您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续';
const RETURNED = '您提交的网站备案信息未通过预核验，请修改后重新提交';

const SUBMITTED = '/verification/submittedAt';
const COMPLETED = '/verification/preVerification/completedAt';
const SENT = '/verification/notification/sentAt';
const VERIFIED = '/verification/onSite/verifiedAt';
const PROVIDER = '/verification/providerSubmittedAt';
const REVIEWED = '/review/reviewedAt';

const { firstYear, lastYear } = calendarCoverage();

describe('the canonical records', () => {
  it.each(['enterprise-approved', 'government-verified', 'individual-draft'] as const)('%s gets no message from these rules', (base) => {
    const result = lintRecords([patched(base)]);
    expect(result.messages.filter((m) => (MINE as readonly string[]).includes(m.ruleId))).toEqual([]);
  });
});

describe('odd input', () => {
  const odd: Array<[string, Patch]> = [
    ['verification is a string', { set: { '/verification': 'done' } }],
    ['verification is an array', { set: { '/verification': [1, 2] } }],
    ['verification is null', { set: { '/verification': null } }],
    ['review and retention are strings', { set: { '/review': 'ok', '/retention': 2031 } }],
    [
      'dates are numbers',
      {
        set: {
          [SUBMITTED]: 20260302,
          [COMPLETED]: 20260303,
          [SENT]: 1772521500000,
          [VERIFIED]: 20260310,
          [PROVIDER]: 20260311,
          [REVIEWED]: 20260320,
          '/retention/retainUntil': 20311231,
        },
      },
    ],
    [
      'sub-objects of the wrong type',
      { set: { '/verification/preVerification': 'passed', '/verification/notification': [], '/verification/onSite': true, '/verification/form': 2 } },
    ],
    [
      'fields of the wrong type',
      {
        set: {
          '/verification/onSite/attendedBy': 1,
          '/verification/onSite/photo/width': '640',
          '/verification/onSite/photo/color': 'yes',
          '/verification/form/copies': '1',
          '/verification/form/sealed': 'no',
          '/verification/securityAgreementSigned': 0,
          '/verification/contractClauseIncluded': 'false',
          '/verification/notification/message': 42,
          '/verification/preVerification/result': false,
          '/review/bureauRegionCode': 31,
          '/review/filingNumber': 12345678,
          '/owner/regionCode': 110105,
        },
      },
    ],
    ['dates that are not dates', { set: { [SUBMITTED]: 'yesterday', [COMPLETED]: '2026-13-01', [VERIFIED]: '', '/retention/retainUntil': 'forever' } }],
    ['the record is not an object', {}],
  ];

  it.each(odd)('%s: no crash and no message from these rules', (title, patch) => {
    const record = title === 'the record is not an object' ? ['not', 'a', 'record'] : patched('enterprise-approved', patch);
    const result = lintRecords([record as unknown as Record<string, unknown>]);
    expect(result.messages.filter((m) => (MINE as readonly string[]).includes(m.ruleId)).map((m) => `${m.ruleId} ${m.path}: ${m.message}`)).toEqual([]);
  });
});

describe('pre-verification-deadline', () => {
  const rule = 'pre-verification-deadline';
  const check = (submitted: string, completed: string) => lint(rule, 'enterprise-approved', { set: { [SUBMITTED]: submitted, [COMPLETED]: completed } });

  it('submitted just before the Spring Festival break: the 5th working day falls after it', () => {
    // Thu 02-12: 02-13 (1), Sat 02-14 make-up (2), break, 02-24 (3), 02-25 (4), 02-26 (5).
    expect(check('2026-02-12T16:00:00+08:00', '2026-02-26T23:59:00+08:00')).toEqual([]);
    const late = check('2026-02-12T16:00:00+08:00', '2026-02-27T09:00:00+08:00');
    expect(late.map((m) => m.path)).toEqual([COMPLETED]);
    expect(late[0]!.message).toBe(
      'pre-verification was completed on 2026-02-27 09:00, after the deadline 2026-02-26 (5 working days after submission on 2026-02-12 16:00) (二、(二)1.(2))',
    );
  });

  it('a make-up Saturday counts as a working day', () => {
    // Tue 02-24: 02-25 (1), 02-26 (2), 02-27 (3), Sat 02-28 make-up (4), Mon 03-02 (5).
    expect(check('2026-02-24T10:00:00+08:00', '2026-03-02T18:00:00+08:00')).toEqual([]);
    expect(check('2026-02-24T10:00:00+08:00', '2026-03-03T09:00:00+08:00')[0]!.message).toContain('deadline 2026-03-02');
    // Fri 02-13: the make-up Saturday 02-14 is day 1 and 02-27 day 5, so the make-up Saturday 02-28 is already day 6.
    expect(check('2026-02-13T10:00:00+08:00', '2026-02-27T10:00:00+08:00')).toEqual([]);
    expect(check('2026-02-13T10:00:00+08:00', '2026-02-28T10:00:00+08:00').map((m) => m.path)).toEqual([COMPLETED]);
  });

  it('across Mid-Autumn and National Day, with the make-up days 20 September and 10 October', () => {
    // Thu 09-24: 09-25…27 off, 09-28 (1), 09-29 (2), 09-30 (3), 10-01…07 off, 10-08 (4), 10-09 (5).
    expect(check('2026-09-24T10:00:00+08:00', '2026-10-09T10:00:00+08:00')).toEqual([]);
    expect(check('2026-09-24T10:00:00+08:00', '2026-10-10T10:00:00+08:00')[0]!.message).toContain('deadline 2026-10-09');
    // Fri 09-18: Sun 09-20 make-up (1), 09-21 (2), 09-22 (3), 09-23 (4), 09-24 (5).
    expect(check('2026-09-18T10:00:00+08:00', '2026-09-24T10:00:00+08:00')).toEqual([]);
    expect(check('2026-09-18T10:00:00+08:00', '2026-09-25T10:00:00+08:00')[0]!.message).toContain('deadline 2026-09-24');
  });

  it('a submission on a holiday counts from the next working day', () => {
    // Sat 10-03 (holiday): 10-08 (1), 10-09 (2), Sat 10-10 make-up (3), 10-12 (4), 10-13 (5).
    expect(check('2026-10-03T10:00:00+08:00', '2026-10-13T10:00:00+08:00')).toEqual([]);
    expect(check('2026-10-03T10:00:00+08:00', '2026-10-14T10:00:00+08:00').map((m) => m.path)).toEqual([COMPLETED]);
  });

  it('reads times in their zone and zone-less times as Beijing time', () => {
    // 2026-03-01T20:00Z is Monday 03-02 04:00 in Beijing: the deadline is Monday 03-09.
    expect(check('2026-03-01T20:00:00Z', '2026-03-09T15:59:00Z')).toEqual([]); // 23:59 Beijing
    expect(check('2026-03-01T20:00:00Z', '2026-03-09T16:00:00Z').map((m) => m.path)).toEqual([COMPLETED]); // 03-10 00:00 Beijing
    expect(check('2026-03-02T09:30:00', '2026-03-09T23:59:59')).toEqual([]);
    expect(check('2026-03-02', '2026-03-10')).toHaveLength(1);
  });

  it('a completion before the submission is not late (submission-order reports it)', () => {
    expect(check('2026-03-10T10:00:00+08:00', '2026-03-02T10:00:00+08:00')).toEqual([]);
  });

  it('warns, in both locales, when a day it needs is outside the holiday calendar', () => {
    const after = lastYear + 1;
    const patch = { set: { [SUBMITTED]: `${lastYear}-12-28T10:00:00+08:00`, [COMPLETED]: `${after}-01-20T10:00:00+08:00` } };
    const [en] = lint(rule, 'enterprise-approved', patch);
    expect(en).toMatchObject({ path: COMPLETED, severity: 'warning' });
    expect(en!.message).toBe(
      `cannot check the 5-working-day deadline: the holiday calendar covers ${firstYear}–${lastYear}, not ${after} (submitted ${lastYear}-12-28 10:00, pre-verification completed ${after}-01-20 10:00) (二、(二)1.(2))`,
    );
    const [zh] = lint(rule, 'enterprise-approved', patch, 'zh-CN');
    expect(zh!.message).toBe(
      `无法检查 5 个工作日的期限：节假日日历只覆盖 ${firstYear}–${lastYear} 年，不含 ${after} 年（提交于 ${lastYear}-12-28 10:00，预核验完成于 ${after}-01-20 10:00）（二、(二)1.(2)）`,
    );
    expect(lintRecords([patched('enterprise-approved', patch)]).warningCount).toBeGreaterThanOrEqual(1);
    // Before the calendar starts, too.
    const before = firstYear - 1;
    expect(check(`${before}-03-03T10:00:00+08:00`, `${before}-03-20T10:00:00+08:00`)).toMatchObject([{ severity: 'warning', path: COMPLETED }]);
  });

  it('needs no calendar when the answer is certain, and decides a late end past a covered deadline', () => {
    // Within 5 calendar days is within 5 working days, whatever the calendar says.
    expect(check('2100-03-01T10:00:00+08:00', '2100-03-06T10:00:00+08:00')).toEqual([]);
    // The deadline (2026-12-07) is in a covered year; a completion in the next year is simply late.
    const late = check('2026-11-30T10:00:00+08:00', `${lastYear + 1}-01-05T10:00:00+08:00`);
    if (lastYear === 2026) expect(late).toMatchObject([{ severity: 'error', path: COMPLETED }]);
  });

  it('the zh-CN message', () => {
    const [m] = lint(rule, 'enterprise-approved', { set: { [COMPLETED]: '2026-03-10T09:00:00+08:00' } }, 'zh-CN');
    expect(m!.message).toBe('预核验于 2026-03-10 09:00 完成，晚于期限 2026-03-09（提交于 2026-03-02 09:30，应在其后 5 个工作日内完成）（二、(二)1.(2)）');
  });

  it('stays silent on an impossible date (submission-order reports it) and before stage verified', () => {
    expect(check('2026-02-30T10:00:00+08:00', '2026-03-20T10:00:00+08:00')).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'draft', [COMPLETED]: '2026-03-20T10:00:00+08:00' } })).toEqual([]);
  });
});

describe('bureau-review-deadline', () => {
  const rule = 'bureau-review-deadline';
  const check = (provider: string, reviewed: string, extra: Record<string, unknown> = {}) =>
    lint(rule, 'enterprise-approved', { set: { [PROVIDER]: provider, [REVIEWED]: reviewed, ...extra } });

  it('counts 20 working days across Mid-Autumn and National Day, with both make-up days', () => {
    // Tue 09-15: 09-16..18 (3), Sun 09-20 (4), 09-21..24 (8), 09-28..30 (11), 10-08, 10-09 (13),
    // Sat 10-10 (14), 10-12..16 (19), Mon 10-19 (20).
    expect(check('2026-09-15T16:00:00+08:00', '2026-10-19T17:00:00+08:00')).toEqual([]);
    const late = check('2026-09-15T16:00:00+08:00', '2026-10-20T09:00:00+08:00');
    expect(late.map((m) => m.path)).toEqual([REVIEWED]);
    expect(late[0]!.message).toBe(
      "the review was completed on 2026-10-20 09:00, after the deadline 2026-10-19 (20 working days after the provider's submission on 2026-09-15 16:00) (二、(二)2)",
    );
  });

  it('counts across the Spring Festival break', () => {
    // Mon 02-02: 02-03..06 (4), 02-09..13 (9), Sat 02-14 (10), 02-24..27 (14), Sat 02-28 (15), 03-02..06 (20).
    expect(check('2026-02-02T10:00:00+08:00', '2026-03-06T10:00:00+08:00')).toEqual([]);
    expect(check('2026-02-02T10:00:00+08:00', '2026-03-09T10:00:00+08:00')[0]!.message).toContain('deadline 2026-03-06');
  });

  it('applies to a returned review too', () => {
    const returned = check('2026-03-11T16:00:00+08:00', '2026-05-20T10:00:00+08:00', { '/stage': 'returned', '/review/result': 'returned' });
    expect(returned.map((m) => m.path)).toEqual([REVIEWED]);
  });

  it('does not apply before stage approved', () => {
    expect(check('2026-03-11T16:00:00+08:00', '2026-05-20T10:00:00+08:00', { '/stage': 'submitted' })).toEqual([]);
  });

  it('warns in zh-CN when the calendar does not cover the days it needs', () => {
    const after = lastYear + 1;
    const [m] = lint(rule, 'enterprise-approved', { set: { [PROVIDER]: `${lastYear}-12-20`, [REVIEWED]: `${after}-03-01` } }, 'zh-CN');
    expect(m).toMatchObject({ path: REVIEWED, severity: 'warning' });
    expect(m!.message).toBe(
      `无法检查 20 个工作日的审核期限：节假日日历只覆盖 ${firstYear}–${lastYear} 年，不含 ${after} 年（提交于 ${lastYear}-12-20，审核于 ${after}-03-01）（二、(二)2）`,
    );
  });

  it('stays silent without a provider submission date', () => {
    expect(paths(rule, 'enterprise-approved', { unset: [PROVIDER], set: { [REVIEWED]: '2026-06-01' } })).toEqual([]);
  });
});

describe('on-site-deadline', () => {
  const rule = 'on-site-deadline';
  const check = (sent: string, verified: string) => lint(rule, 'enterprise-approved', { set: { [SENT]: sent, [VERIFIED]: verified } });

  it('clamps to the end of a shorter month; a make-up Saturday ends the month without extension', () => {
    // 01-31 + 1 month = 02-28, a make-up working day.
    expect(check('2026-01-31T10:00:00+08:00', '2026-02-28T18:00:00+08:00')).toEqual([]);
    expect(check('2026-01-31T10:00:00+08:00', '2026-03-02T09:00:00+08:00')[0]!.message).toContain('deadline 2026-02-28');
  });

  it('a last day in the Spring Festival break runs to the next working day', () => {
    // 01-15 + 1 month = 02-15, in the break: the period runs to 02-24.
    expect(check('2026-01-15T10:00:00+08:00', '2026-02-24T17:00:00+08:00')).toEqual([]);
    const late = check('2026-01-15T10:00:00+08:00', '2026-02-25T09:00:00+08:00');
    expect(late.map((m) => m.path)).toEqual([VERIFIED]);
    expect(late[0]!.message).toBe(
      'on-site verification took place on 2026-02-25 09:00, after the deadline 2026-02-24 (the 1-month limit counted from the notification sent on 2026-01-15 10:00) (二、(二)1.(2))',
    );
  });

  it('a last day in the National Day break runs to 8 October', () => {
    expect(check('2026-09-01T10:00:00+08:00', '2026-10-08T10:00:00+08:00')).toEqual([]);
    expect(check('2026-09-01T10:00:00+08:00', '2026-10-09T10:00:00+08:00')[0]!.message).toContain('deadline 2026-10-08');
  });

  it('the corresponding day itself is within, to 24:00 Beijing time', () => {
    expect(check('2026-03-10T10:00:00+08:00', '2026-04-10T23:59:00+08:00')).toEqual([]);
    expect(check('2026-03-10T10:00:00+08:00', '2026-04-10T16:00:00Z')).toHaveLength(1); // 04-11 00:00 Beijing, a Saturday after a working day
  });

  it('counts from pre-verification when no notification is recorded, and says so', () => {
    const patch = { unset: ['/verification/notification'], set: { [VERIFIED]: '2026-04-08T10:00:00+08:00' } };
    const [m] = lint(rule, 'enterprise-approved', patch, 'zh-CN');
    expect(m!.path).toBe(VERIFIED);
    expect(m!.message).toBe(
      '当面核验于 2026-04-08 10:00 进行，晚于期限 2026-04-03（未记录通知发送时间；预核验于 2026-03-03 15:00 完成，应在其后 1 个月内核验）（二、(二)1.(2)）',
    );
  });

  it('does not fall back when the notification date is there but unreadable', () => {
    expect(check('2026-02-30T10:00:00+08:00', '2026-06-01T10:00:00+08:00')).toEqual([]);
    expect(check('soon', '2026-06-01T10:00:00+08:00')).toEqual([]);
  });

  it('warns when the extension needs an uncovered year, and stays silent when it does not', () => {
    const after = lastYear + 1;
    const [m] = check(`${lastYear}-12-10T10:00:00+08:00`, `${after}-01-20T10:00:00+08:00`);
    expect(m).toMatchObject({ path: VERIFIED, severity: 'warning' });
    expect(m!.message).toContain(`the holiday calendar covers ${firstYear}–${lastYear}, not ${after}`);
    // On or before the corresponding day: within, calendar or not.
    expect(check('2100-03-01T10:00:00+08:00', '2100-04-01T10:00:00+08:00')).toEqual([]);
  });
});

describe('notification-message', () => {
  const rule = 'notification-message';
  const MESSAGE = '/verification/notification/message';
  const check = (message: unknown, result = 'passed', locale: Locale = 'en') =>
    lint(rule, 'enterprise-approved', { set: { [MESSAGE]: message, '/verification/preVerification/result': result } }, locale);

  // Contract 1.1: the SMS is checked for the content the notice prescribes,
  // not character by character (more in tests/rules/notification-stage-1.1.test.ts).
  it('accepts the prescribed text with any whitespace (PDF layout) in it', () => {
    expect(check(PASSED)).toEqual([]);
    expect(check('您提交的网站备案信息已通过预核验，请在 1 个月内由网站负\n责人本人携带有关证件原件到我单位备案现场办理核验手续')).toEqual([]);
    expect(check('  您提交的网站备案信息\t未通过预核验，\u3000请修改后重新提交\r\n', 'returned')).toEqual([]);
  });

  it('uses the content of the result: a returned filing with the passed text', () => {
    const [m] = check(PASSED, 'returned');
    expect(m!.path).toBe(MESSAGE);
    expect(m!.severity).toBe('error');
    expect(m!.message).toBe(
      'the notification SMS lacks content the notice prescribes when pre-verification returns the filing: 「未通过预核验」「修改」「重新提交」 (二、(二)1.(2))',
    );
    const [zh] = check(PASSED, 'returned', 'zh-CN');
    expect(zh!.message).toBe('短信提示缺少预核验未通过（信息退回）时通知规定的内容：「未通过预核验」「修改」「重新提交」（二、(二)1.(2)）');
  });

  it('punctuation and a provider signature are not content (1.1)', () => {
    expect(check(PASSED.replace('，', ','))).toEqual([]);
    expect(check(PASSED + '。')).toEqual([]);
    expect(check(`“${PASSED}”`)).toEqual([]);
    expect(check(`【示例云】${PASSED}`)).toEqual([]);
  });

  it('a truncated or empty text lacks content', () => {
    expect(check(PASSED.slice(0, 20))).toHaveLength(1);
    expect(check('')).toHaveLength(1);
  });

  it('a missing notification is a warning (1.1); silent without a message or a known result', () => {
    expect(lint(rule, 'enterprise-approved', { unset: ['/verification/notification'] }).map((m) => `${m.severity} ${m.path}`)).toEqual([
      'warning /verification/notification',
    ]);
    expect(paths(rule, 'enterprise-approved', { unset: [MESSAGE] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { unset: ['/verification/preVerification/result'], set: { [MESSAGE]: 'hello' } })).toEqual([]);
    expect(check('hello', 'pending')).toEqual([]);
    expect(check('hello', 'toString')).toEqual([]);
  });
});

describe('on-site-attendance', () => {
  const rule = 'on-site-attendance';
  const AT = '/verification/onSite/attendedBy';

  it('reports someone else, in both locales', () => {
    const patch = { set: { [AT]: 'other' } };
    expect(lint(rule, 'government-verified', patch)).toMatchObject([
      { path: AT, message: 'on-site verification was attended by "other", not the principal in person (二、(二)1.(3))' },
    ]);
    expect(lint(rule, 'government-verified', patch, 'zh-CN')[0]!.message).toBe('当面核验时到场的是 "other"，应为网站负责人本人（principal）（二、(二)1.(3)）');
  });

  it('a missing field or one of another type is the schema rule’s', () => {
    expect(paths(rule, 'enterprise-approved', { unset: [AT] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [AT]: ['principal'] } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/verification/onSite': 'principal' } })).toEqual([]);
  });
});

describe('photo-spec', () => {
  const rule = 'photo-spec';
  const PHOTO = '/verification/onSite/photo';

  it('reports each field off the specification at its own path, and takes 800×600 either way up', () => {
    // 1.1: a portrait photo of the same size meets 二、(二)1.(4), which gives only the pixel size.
    expect(paths(rule, 'enterprise-approved', { set: { [`${PHOTO}/width`]: 600, [`${PHOTO}/height`]: 800 } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [`${PHOTO}/width`]: 1600, [`${PHOTO}/height`]: 1200 } })).toHaveLength(2);
  });

  it('says what was expected, in both locales', () => {
    const patch = { set: { [`${PHOTO}/showsTimestamp`]: false } };
    expect(lint(rule, 'enterprise-approved', patch)[0]!.message).toBe(
      "the photo's showsTimestamp is false, expected true (an 800×600 colour photo showing the time taken and the backdrop mark) (二、(二)1.(4))",
    );
    expect(lint(rule, 'enterprise-approved', patch, 'zh-CN')[0]!.message).toBe(
      '照片的 showsTimestamp 为 false，应为 true（须为 800×600 像素的彩色照片，显示拍照时间和背景标识）（二、(二)1.(4)）',
    );
  });

  it('is silent on absent fields and wrong types', () => {
    expect(paths(rule, 'enterprise-approved', { unset: [`${PHOTO}/width`, `${PHOTO}/color`] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [`${PHOTO}/width`]: '800', [`${PHOTO}/color`]: 1 } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [PHOTO]: 'photo.jpg' } })).toEqual([]);
  });
});

describe('verification-form', () => {
  const rule = 'verification-form';

  it('requires at least two copies (一式两份): one kept, one for the bureau; a third is no violation', () => {
    expect(paths(rule, 'enterprise-approved', { set: { '/verification/form/copies': 3 } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/verification/form/copies': 1 } })).toEqual(['/verification/form/copies']);
    expect(paths(rule, 'enterprise-approved', { set: { '/verification/form/copies': 0 } })).toEqual(['/verification/form/copies']);
  });

  it('says what was expected, in both locales', () => {
    const patch = { set: { '/verification/form/sealed': false } };
    expect(lint(rule, 'enterprise-approved', patch)[0]!.message).toBe(
      'sealed is false, expected true (the form completed, in duplicate, sealed, and the security agreement signed) (二、(二)1.(6))',
    );
    expect(lint(rule, 'enterprise-approved', patch, 'zh-CN')[0]!.message).toBe(
      'sealed 为 false，应为 true（核验单须填写完整、一式两份、加盖公章，并签订信息安全管理协议书）（二、(二)1.(6)）',
    );
  });

  it('is silent on absent fields and wrong types', () => {
    expect(paths(rule, 'enterprise-approved', { unset: ['/verification/form', '/verification/securityAgreementSigned'] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/verification/form/copies': '2', '/verification/form/completed': 'yes' } })).toEqual([]);
  });
});

describe('contract-clause', () => {
  const rule = 'contract-clause';
  const AT = '/verification/contractClauseIncluded';

  it('reports a missing clause in both locales', () => {
    const patch = { set: { [AT]: false } };
    expect(lint(rule, 'government-verified', patch)).toMatchObject([
      { path: AT, message: 'the service contract does not include the clause on truthful filing information the notice prescribes (contractClauseIncluded is false) (三、(一)3)' },
    ]);
    expect(lint(rule, 'government-verified', patch, 'zh-CN')[0]!.message).toBe('业务合同未包含通知规定的备案信息真实性条款（contractClauseIncluded 为 false）（三、(一)3）');
  });

  it('is silent on an absent field, a wrong type and before stage verified', () => {
    expect(paths(rule, 'enterprise-approved', { unset: [AT] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [AT]: 'no' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'draft', [AT]: false } })).toEqual([]);
  });
});

describe('submission-order', () => {
  const rule = 'submission-order';

  it('equal times are in order', () => {
    const t = '2026-03-05T10:00:00+08:00';
    expect(paths(rule, 'enterprise-approved', { set: { [SUBMITTED]: t, [COMPLETED]: t, [SENT]: t, [VERIFIED]: t, [PROVIDER]: t, [REVIEWED]: t } })).toEqual([]);
  });

  it('one wrong date gives one message, at the later step, naming the earlier field', () => {
    const [m, ...rest] = lint(rule, 'enterprise-approved', { set: { [SUBMITTED]: '2026-04-01T10:00:00+08:00' } });
    expect(rest).toEqual([]);
    expect(m!.path).toBe(COMPLETED);
    expect(m!.message).toBe(
      'verification.preVerification.completedAt (2026-03-03 15:00) is before the earlier step verification.submittedAt (2026-04-01 10:00); the order is: submission, pre-verification, notification, on-site verification, provider submission, review (二、(二))',
    );
  });

  it('compares a bare date by day', () => {
    // On-site recorded as 2026-03-03, the day of the 15:05 notification: in order.
    expect(paths(rule, 'enterprise-approved', { set: { [VERIFIED]: '2026-03-03' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [VERIFIED]: '2026-03-02' } })).toEqual([VERIFIED]);
  });

  it('compares instants across zones, and shows them in Beijing time', () => {
    expect(paths(rule, 'enterprise-approved', { set: { [SENT]: '2026-03-03T07:00:00Z' } })).toEqual([]); // 15:00 Beijing
    const [zh] = lint(rule, 'enterprise-approved', { set: { [SENT]: '2026-03-03T06:59:00Z' } }, 'zh-CN');
    expect(zh!.path).toBe(SENT);
    expect(zh!.message).toBe(
      'verification.notification.sentAt（2026-03-03 14:59）早于前一步骤 verification.preVerification.completedAt（2026-03-03 15:00）；顺序应为：提交、预核验、短信通知、当面核验、接入服务单位提交、审核（二、(二)）',
    );
  });

  it('skips absent steps', () => {
    // government-verified has neither providerSubmittedAt nor a review: a review date is compared with on-site verification.
    expect(lint(rule, 'government-verified', { set: { [REVIEWED]: '2026-03-20T10:00:00+08:00' } })).toMatchObject([
      { path: REVIEWED, message: expect.stringContaining('is before the earlier step verification.onSite.verifiedAt (2026-03-24 14:30)') },
    ]);
    expect(paths(rule, 'enterprise-approved', { unset: [COMPLETED, SENT], set: { [VERIFIED]: '2026-03-01T10:00:00+08:00' } })).toEqual([VERIFIED]);
  });

  it('reports a date of the right form that is no calendar date, once, and skips it in the order', () => {
    const patch = { set: { [COMPLETED]: '2026-02-29T10:00:00+08:00', [REVIEWED]: '0000-01-01' } };
    expect(lint(rule, 'enterprise-approved', patch)).toMatchObject([
      { path: COMPLETED, message: 'verification.preVerification.completedAt is 2026-02-29T10:00:00+08:00, which is not a calendar date (二、(二))' },
      { path: REVIEWED },
    ]);
    expect(lint(rule, 'enterprise-approved', { set: { [SENT]: '2026-04-31' } }, 'zh-CN')[0]!.message).toBe(
      'verification.notification.sentAt 的值 2026-04-31 不是日历上存在的日期（二、(二)）',
    );
    // 2028 is a leap year; a wrong form is the schema rule's.
    expect(paths(rule, 'enterprise-approved', { set: { [REVIEWED]: '2028-02-29' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [COMPLETED]: '2026-13-01', [SENT]: '2026-03-03T25:00' } })).toEqual([]);
    // Only the other rules read the impossible date as absent: no deadline message for it.
    const all = lintRecords([patched('enterprise-approved', patch)]).messages.filter((m) => m.path === COMPLETED);
    expect(all.map((m) => m.ruleId)).toEqual(['submission-order']);
  });
});

describe('bureau-region', () => {
  const rule = 'bureau-region';
  const AT = '/review/bureauRegionCode';

  it('reports a bureau of another province, in both locales', () => {
    const patch = { set: { '/owner/regionCode': '440305', [AT]: '11' } };
    expect(lint(rule, 'enterprise-approved', patch)).toMatchObject([
      {
        path: AT,
        message: "the filing was reviewed by the bureau of province 11, but the owner's region 440305 is in province 44; it must go to the bureau where the owner is (二、(二)1.(7))",
      },
    ]);
    expect(lint(rule, 'enterprise-approved', patch, 'zh-CN')[0]!.message).toBe(
      '审核的是省级代码 11 的通信管理局，但主体所在地 440305 属于 44；应提交主体所在地的通信管理局（二、(二)1.(7)）',
    );
  });

  it('applies from stage submitted when a review is there', () => {
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'submitted', [AT]: '31' } })).toEqual([AT]);
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'verified', [AT]: '31' } })).toEqual([]);
  });

  it('is silent without a review or with codes of the wrong form', () => {
    expect(paths(rule, 'enterprise-approved', { set: { '/review': null } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { unset: [AT] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { [AT]: '3' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/owner/regionCode': '1101' } })).toEqual([]);
  });
});

describe('filing-number', () => {
  const rule = 'filing-number';
  const AT = '/review/filingNumber';
  const check = (filingNumber: string, bureau = '11', locale: Locale = 'en') =>
    lint(rule, 'enterprise-approved', { set: { [AT]: filingNumber, '/review/bureauRegionCode': bureau } }, locale);

  it('the rule file’s table is the contract’s (as in src/domain/citizen-id.ts)', () => {
    expect(bundledRuleSet().byId.get(rule)!.check!.options!.abbreviations).toEqual(PROVINCE_FILING_ABBREVIATIONS);
  });

  it('accepts 8 to 10 digits with an optional website suffix', () => {
    for (const n of ['京ICP备12345678号', '京ICP备123456789号', '京ICP备2026012345号', '京ICP备12345678号-1', '京ICP备12345678号-12']) {
      expect(check(n), n).toEqual([]);
    }
  });

  it('reports any other form', () => {
    for (const n of [
      '京ICP备1234567号',
      '京ICP备12345678901号',
      '京ICP备12345678',
      '京ICP备12345678号-0',
      '京ICP备12345678号-',
      '京ICP证12345678号',
      '京icp备12345678号',
      '京ICP备１２３４５６７８号',
      'ICP备12345678号',
      'BJICP备12345678号',
    ]) {
      expect(check(n).map((m) => m.path), n).toEqual([AT]);
    }
    // 1.1: padding is the whitespace rule's (a warning); this rule reads the trimmed value.
    expect(check(' 京ICP备12345678号 ')).toEqual([]);
    expect(check('京ICP备1234567号', '11', 'zh-CN')[0]!.message).toBe(
      '备案号 京ICP备1234567号 形式不对，应为“<省简称>ICP备<8至10位数字>号”，可带“-<序号>”（二、(二)2）',
    );
  });

  it('uses 蜀 黔 滇 陇 for Sichuan, Guizhou, Yunnan and Gansu', () => {
    expect(check('蜀ICP备12345678号', '51')).toEqual([]);
    expect(check('黔ICP备12345678号', '52')).toEqual([]);
    expect(check('滇ICP备12345678号', '53')).toEqual([]);
    expect(check('陇ICP备12345678号', '62')).toEqual([]);
    expect(check('贵ICP备12345678号', '52')[0]!.message).toBe(
      '贵ICP备12345678号 was issued by the wrong bureau: the reviewing bureau 52 uses 黔, not 贵 (二、(二)2)',
    );
  });

  it('names the bureau and its abbreviation for a number of another province, in both locales', () => {
    const [en] = check('京ICP备2026012345号-1', '31');
    expect(en).toMatchObject({ path: AT });
    expect(en!.message).toMatch(/^京ICP备2026012345号-1 was issued by the wrong bureau: the reviewing bureau 31 uses 沪/);
    expect(check('京ICP备2026012345号-1', '31', 'zh-CN')[0]!.message).toBe('备案号 京ICP备2026012345号-1 的省简称不对：审核局 31 的简称是 沪，不是 京（二、(二)2）');
  });

  it('without a known bureau, the abbreviation must still be a province’s', () => {
    expect(check('沪ICP备12345678号', '19')).toEqual([]);
    const [m] = check('川ICP备12345678号', '19');
    expect(m!.message).toMatch(/^川 in filing number 川ICP备12345678号 is not the abbreviation of any provincial bureau \(expected one of: 京 津 冀/);
    expect(paths(rule, 'enterprise-approved', { unset: ['/review/bureauRegionCode'], set: { [AT]: '川ICP备12345678号' } })).toEqual([AT]);
  });

  it('checks approved reviews only', () => {
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'returned', '/review/result': 'returned', [AT]: 'none' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { unset: [AT] })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { set: { '/stage': 'submitted', [AT]: 'none' } })).toEqual([]);
  });
});

describe('retention-period', () => {
  const rule = 'retention-period';
  const AT = '/retention/retainUntil';
  const check = (verified: string, until: string, locale: Locale = 'en') =>
    lint(rule, 'enterprise-approved', { set: { [VERIFIED]: verified, [AT]: until } }, locale);

  it('needs the anniversary date, in whole days, whatever the time of verification', () => {
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-10')).toEqual([]);
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-10T09:59:00')).toEqual([]);
    expect(check('2026-03-10T10:00:00+08:00', '2031-03-09T23:59:00')).toHaveLength(1);
    expect(check('2026-03-10T23:30:00+08:00', '2031-03-10T00:00:00+08:00')).toEqual([]);
    expect(check('2026-03-10', '2031-03-10')).toEqual([]);
    expect(check('2026-03-10', '2031-03-09T23:59')).toHaveLength(1);
  });

  it('maps 29 February to 28 February, and names the earliest acceptable date, in both locales', () => {
    expect(check('2028-02-29T10:00:00+08:00', '2033-02-28')).toEqual([]);
    const [en] = check('2028-02-29T10:00:00+08:00', '2033-02-27');
    expect(en).toMatchObject({ path: AT });
    expect(en!.message).toBe(
      'records are kept only until 2033-02-27, less than 5 years after on-site verification (2028-02-29 10:00); keep them until at least 2033-02-28 (三、(一)4)',
    );
    expect(check('2028-02-29T10:00:00+08:00', '2033-02-27', 'zh-CN')[0]!.message).toBe(
      '资料只留存到 2033-02-27，不足当面核验（2028-02-29 10:00）后 5 年；应至少留存到 2033-02-28（三、(一)4）',
    );
  });

  it('reports an impossible retainUntil date once', () => {
    const [m, ...rest] = check('2026-03-10T10:00:00+08:00', '2031-02-29');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ path: AT, message: 'retainUntil is 2031-02-29, which is not a calendar date (三、(一)4)' });
  });

  it('is silent when a date is missing or malformed', () => {
    expect(check('2026-02-30T10:00:00+08:00', '2027-01-01')).toEqual([]);
    expect(check('2026-03-10T10:00:00+08:00', '2031-13-01')).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { unset: [VERIFIED], set: { [AT]: '2026-04-01' } })).toEqual([]);
    expect(paths(rule, 'enterprise-approved', { unset: ['/retention'] })).toEqual([]);
  });
});
