import { describe, expect, it } from 'vitest';
import type { LintMessage, Locale } from '../../src/engine/index.js';
import { lintRecords, messagesOf } from '../support/lint.js';
import { patched, type Patch } from '../support/records.js';

// Contract 1.1: notification-message checks the SMS for the content the notice
// prescribes (二、(二)1.(2)), and stage-consistency holds the stage to the
// results (二、(二)1–2). The rule files' examples cover the plain cases.

type Base = 'enterprise-approved' | 'government-verified' | 'individual-draft';

function lint(ruleId: string, base: Base, patch: Patch = {}, options: { locale?: Locale; rules?: Record<string, 'off' | 'info' | 'warning' | 'error'> } = {}): LintMessage[] {
  return messagesOf(lintRecords([patched(base, patch)], options), ruleId);
}

const brief = (ms: LintMessage[]) => ms.map((m) => `${m.severity} ${m.path}`);

const PASSED = '您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续';
const RETURNED = '您提交的网站备案信息未通过预核验，请修改后重新提交';
const MESSAGE = '/verification/notification/message';
const RESULT = '/verification/preVerification/result';

describe('notification-message (1.1: content, not characters)', () => {
  const rule = 'notification-message';
  const sms = (message: string, result = 'passed', locale: Locale = 'en', base: Base = 'enterprise-approved') =>
    lint(rule, base, { set: { [MESSAGE]: message, [RESULT]: result } }, { locale });

  it.each([
    ['a signature at the start', `【某某云】${PASSED}`],
    ['a signature at the end, after a full stop', `${PASSED}。【某某云】`],
    ['a full-width square-bracket signature', `［某某云］${PASSED}`],
    ['一个月 for 1个月, 请于 for 请在', PASSED.replace('请在1个月内', '请于一个月内')],
    ['full-width digit and spaces', PASSED.replace('1个月内', ' １ 个月内 ')],
    ['extra punctuation and quotes', `“${PASSED.replace('，', '！ ').replace('携带', '，携带，')}”。`],
    ['a greeting, a reference and a polite closing', `尊敬的客户您好：${PASSED}（工单号：W20260303-17）。如有疑问请致电 95187，谢谢！`],
    ['the PDF spelling with its line break', '您提交的网站备案信息已通过预核验，请在 1个月内由网站负\n责人本人携带有关证件原件到我单位备案现场办理核验手续'],
    ['1个月之内', PASSED.replace('1个月内', '1个月之内')],
    ['相关证件原件 for 有关证件原件', PASSED.replace('有关证件原件', '相关证件原件')],
    ['预核验已通过 for 已通过预核验', PASSED.replace('已通过预核验', '预核验已通过')],
    ['通过了预核验', PASSED.replace('已通过预核验', '通过了预核验')],
    ['1个月以内', PASSED.replace('1个月内', '1个月以内')],
    ['the documents named (身份证原件及营业执照原件)', PASSED.replace('有关证件原件', '身份证原件及营业执照原件')],
    ['办理现场核验手续 for 到我单位备案现场办理核验手续', PASSED.replace('到我单位备案现场办理核验手续', '到我单位办理现场核验手续')],
    ['备案点 for 备案现场', PASSED.replace('备案现场', '备案点')],
    ['in traditional script, as sent to residents of Hong Kong, Macao and Taiwan', '【示例雲】您提交的網站備案信息已通過預核驗，請在1個月內由網站負責人本人攜帶有關證件原件到我單位備案現場辦理核驗手續'],
    ['bracketed content after the signature stays content', `【阿里云】【已通过预核验】${PASSED.replace('已通过预核验，', '')}`],
  ])('passes: %s', (_title, message) => {
    expect(sms(message)).toEqual([]);
  });

  it.each([
    ['the notice’s text', RETURNED],
    ['a reason for the return', '您提交的网站备案信息未通过预核验，原因：域名所有者与主办者不一致，请修改后重新提交'],
    ['再次提交 for 重新提交, with a signature at the end', '您提交的网站备案信息未通过预核验，请修改后再次提交。【某某云】'],
    ['预核验未通过', '您提交的网站备案信息预核验未通过，请修改后重新提交'],
    ['预核验不通过, 更正后再提交', '【某某云】您提交的网站备案信息预核验不通过，请更正后再提交'],
    ['没有通过预核验', '您提交的网站备案信息没有通过预核验，请修改后重新提交'],
    ['in traditional script', '您提交的網站備案信息未通過預核驗，請修改後重新提交'],
  ])('passes for a returned pre-verification: %s', (_title, message) => {
    expect(sms(message, 'returned', 'en', 'government-verified')).toEqual([]);
  });

  it('the return text after a passed result: an error naming the passed content that is missing, in both locales', () => {
    const [m, ...rest] = sms(RETURNED);
    expect(rest).toEqual([]);
    expect(m!.severity).toBe('error');
    expect(m!.path).toBe(MESSAGE);
    expect(m!.message).toBe(
      'the notification SMS lacks content the notice prescribes when pre-verification passes: 「已通过预核验」「1个月内」「网站负责人本人」「证件原件」「备案现场」 (二、(二)1.(2))',
    );
    expect(sms(RETURNED, 'passed', 'zh-CN')[0]!.message).toBe(
      '短信提示缺少预核验通过时通知规定的内容：「已通过预核验」「1个月内」「网站负责人本人」「证件原件」「备案现场」（二、(二)1.(2)）',
    );
  });

  it('the passed text after a returned result names the returned content', () => {
    const ms = sms(PASSED, 'returned');
    expect(brief(ms)).toEqual([`error ${MESSAGE}`]);
    expect(ms[0]!.message).toBe(
      'the notification SMS lacks content the notice prescribes when pre-verification returns the filing: 「未通过预核验」「修改」「重新提交」 (二、(二)1.(2))',
    );
    expect(sms(PASSED, 'returned', 'zh-CN')[0]!.message).toBe('短信提示缺少预核验未通过（信息退回）时通知规定的内容：「未通过预核验」「修改」「重新提交」（二、(二)1.(2)）');
  });

  it('30天内 is a different, shorter promise than 1个月内', () => {
    const ms = sms(`【某某云】${PASSED.replace('1个月内', '30天内')}`);
    expect(brief(ms)).toEqual([`error ${MESSAGE}`]);
    expect(ms[0]!.message).toContain('「1个月内」 (');
    expect(sms(PASSED.replace('1个月内', '30天内'), 'passed', 'zh-CN')[0]!.message).toBe('短信提示缺少预核验通过时通知规定的内容：「1个月内」（二、(二)1.(2)）');
  });

  it('an SMS without 本人, or without the time limit and the place, quotes each missing element', () => {
    expect(sms(PASSED.replace('本人', ''))[0]!.message).toContain(': 「网站负责人本人」 (');
    expect(sms('您提交的网站备案信息已通过预核验，请网站负责人本人携带证件原件办理核验手续')[0]!.message).toContain(': 「1个月内」「备案现场」 (');
  });

  it.each([
    ['11个月内', PASSED.replace('1个月内', '11个月内')],
    ['21个月内', PASSED.replace('1个月内', '21个月内')],
    ['十一个月内', PASSED.replace('1个月内', '十一个月内')],
  ])('another time limit is no 1个月内: %s', (_title, message) => {
    expect(sms(message)[0]!.message).toContain(': 「1个月内」 (');
  });

  it('核验 must be there besides the 核验 of 预核验', () => {
    expect(sms(PASSED.replace('办理核验手续', '办理手续'))[0]!.message).toContain(': 「核验」 (');
  });

  it('a signature does not supply content', () => {
    expect(sms(`【备案现场】${PASSED.replace('备案现场', '')}`)[0]!.message).toContain(': 「备案现场」 (');
  });

  it('an empty or blank message lacks everything', () => {
    expect(brief(sms(''))).toEqual([`error ${MESSAGE}`]);
    expect(brief(sms(' \n', 'returned'))).toEqual([`error ${MESSAGE}`]);
  });

  describe('a missing notification', () => {
    it('is a warning from stage verified, at the notification’s path, in both locales', () => {
      const [m, ...rest] = lint(rule, 'government-verified', { unset: ['/verification/notification'] });
      expect(rest).toEqual([]);
      expect(m!.severity).toBe('warning');
      expect(m!.path).toBe('/verification/notification');
      expect(m!.message).toBe(
        'no notification SMS is recorded (verification.notification); after pre-verification the owner must be sent the on-site verification notice or the return notice (二、(二)1.(2))',
      );
      const [zh] = lint(rule, 'government-verified', { unset: ['/verification/notification'] }, { locale: 'zh-CN' });
      expect(zh!.message).toBe('未记录预核验后发送给主办者的短信提示（verification.notification）；预核验后应发送现场核验通知或信息退回短信（二、(二)1.(2)）');
    });

    it('is a warning at every later stage too', () => {
      expect(brief(lint(rule, 'enterprise-approved', { unset: ['/verification/notification'] }))).toEqual(['warning /verification/notification']);
      const submitted = { unset: ['/verification/notification', '/review'], set: { '/stage': 'submitted' } };
      expect(brief(lint(rule, 'enterprise-approved', submitted))).toEqual(['warning /verification/notification']);
    });

    it('is not reported before stage verified', () => {
      const draft = { set: { '/verification/submittedAt': '2026-11-27T10:00:00+08:00', [RESULT]: 'passed', '/verification/preVerification/completedAt': '2026-11-27T15:00:00+08:00' } };
      expect(lint(rule, 'individual-draft', draft)).toEqual([]);
      expect(lint(rule, 'individual-draft')).toEqual([]);
    });

    it('follows a severity the user sets', () => {
      expect(brief(lint(rule, 'government-verified', { unset: ['/verification/notification'] }, { rules: { [rule]: 'error' } }))).toEqual([
        'error /verification/notification',
      ]);
    });

    it('is left to the schema rule when verification itself is missing or the notification has the wrong type', () => {
      expect(lint(rule, 'government-verified', { unset: ['/verification'] })).toEqual([]);
      expect(lint(rule, 'government-verified', { set: { '/verification/notification': [] } })).toEqual([]);
      expect(lint(rule, 'government-verified', { set: { '/verification/notification': null } })).toEqual([]);
      expect(lint(rule, 'government-verified', { unset: [MESSAGE] })).toEqual([]);
    });
  });

  it('stays silent for a result it has no content for', () => {
    expect(sms('hello', 'pending')).toEqual([]);
    expect(sms('hello', 'toString')).toEqual([]);
    expect(lint(rule, 'enterprise-approved', { unset: [RESULT], set: { [MESSAGE]: 'hello' } })).toEqual([]);
  });
});

describe('stage-consistency', () => {
  const rule = 'stage-consistency';

  it('the canonical records agree with their stages', () => {
    for (const base of ['enterprise-approved', 'government-verified', 'individual-draft'] as const) expect(lint(rule, base)).toEqual([]);
  });

  describe('an on-site verification after a returned pre-verification', () => {
    it('is an error at /verification/onSite at any stage, in both locales', () => {
      for (const base of ['enterprise-approved', 'government-verified'] as const) {
        expect(brief(lint(rule, base, { set: { [RESULT]: 'returned' } }))).toEqual(['error /verification/onSite']);
      }
      const draft = {
        set: {
          '/verification/submittedAt': '2026-11-20T10:00:00+08:00',
          '/verification/preVerification': { completedAt: '2026-11-23T10:00:00+08:00', result: 'returned' },
          '/verification/onSite': { verifiedAt: '2026-11-25T10:00:00+08:00', attendedBy: 'principal' },
        },
      };
      const [m] = lint(rule, 'individual-draft', draft);
      expect(m!.path).toBe('/verification/onSite');
      expect(m!.message).toBe(
        'an on-site verification follows a returned pre-verification (preVerification.result is returned): the owner corrects and resubmits the filing, and on-site verification follows only a passed pre-verification (二、(二)1–2)',
      );
      expect(lint(rule, 'individual-draft', draft, { locale: 'zh-CN' })[0]!.message).toBe(
        '预核验未通过（preVerification.result 为 returned）后不应有当面核验：主办者应修改后重新提交，再次预核验通过后才当面核验（二、(二)1–2）',
      );
    });

    it('is not reported without an on-site verification, or after a passed one', () => {
      expect(lint(rule, 'government-verified', { set: { [RESULT]: 'returned' }, unset: ['/verification/onSite'] })).toEqual([]);
      expect(lint(rule, 'government-verified', { set: { [RESULT]: 'returned', '/verification/onSite': null } })).toEqual([]);
      expect(lint(rule, 'government-verified', { set: { [RESULT]: 'pending' } })).toEqual([]);
    });
  });

  describe('the review result against stages approved and returned', () => {
    it('stage approved with a returned review: at /review/result', () => {
      const patch = { set: { '/review/result': 'returned' }, unset: ['/review/filingNumber'] };
      expect(brief(lint(rule, 'enterprise-approved', patch))).toEqual(['error /review/result']);
      expect(lint(rule, 'enterprise-approved', patch)[0]!.message).toBe('the stage is approved, but the review result review.result is returned (二、(二)1–2)');
      expect(lint(rule, 'enterprise-approved', patch, { locale: 'zh-CN' })[0]!.message).toBe(
        '备案阶段为 approved（审核合格），但审核结果 review.result 为 returned（二、(二)1–2）',
      );
    });

    it('stage returned with an approved review: at /review/result', () => {
      const patch = { set: { '/stage': 'returned' } };
      expect(brief(lint(rule, 'enterprise-approved', patch))).toEqual(['error /review/result']);
      expect(lint(rule, 'enterprise-approved', patch)[0]!.message).toBe('the stage is returned, but the review result review.result is approved (二、(二)1–2)');
      expect(lint(rule, 'enterprise-approved', patch, { locale: 'zh-CN' })[0]!.message).toBe(
        '备案阶段为 returned（审核退回），但审核结果 review.result 为 approved（二、(二)1–2）',
      );
    });

    it('both contradictions of one record are reported', () => {
      const patch = { set: { '/stage': 'returned', [RESULT]: 'returned' } };
      expect(brief(lint(rule, 'enterprise-approved', patch)).sort()).toEqual(['error /review/result', 'error /verification/onSite']);
    });

    it('leaves a missing review, result or filing number to the schema rule', () => {
      expect(lint(rule, 'enterprise-approved', { unset: ['/review'] })).toEqual([]);
      expect(lint(rule, 'enterprise-approved', { unset: ['/review/result'] })).toEqual([]);
      expect(lint(rule, 'enterprise-approved', { unset: ['/review/filingNumber'] })).toEqual([]);
      expect(lint(rule, 'enterprise-approved', { set: { '/stage': 'returned' }, unset: ['/review'] })).toEqual([]);
      expect(lint(rule, 'enterprise-approved', { set: { '/review/result': 'pending' } })).toEqual([]);
      expect(messagesOf(lintRecords([patched('enterprise-approved', { unset: ['/review/filingNumber'] })]), 'schema').map((m) => m.path)).toEqual([
        '/review/filingNumber',
      ]);
    });

    it('says nothing about a review before approval (it may be under way)', () => {
      expect(lint(rule, 'enterprise-approved', { set: { '/stage': 'submitted' } })).toEqual([]);
      expect(lint(rule, 'enterprise-approved', { set: { '/stage': 'verified' } })).toEqual([]);
    });
  });

  describe('a draft with a review', () => {
    const review = { bureauRegionCode: '44', reviewedAt: '2026-11-20T10:00:00+08:00', result: 'approved', filingNumber: '粤ICP备2026012345号-1' };

    it('is an error at /review, in both locales', () => {
      const [m, ...rest] = lint(rule, 'individual-draft', { set: { '/review': review } });
      expect(rest).toEqual([]);
      expect(m!.path).toBe('/review');
      expect(m!.severity).toBe('error');
      expect(m!.message).toBe('the stage is draft (not yet verified), but the record carries the bureau\'s review; update the stage or remove the review (二、(二)1–2)');
      expect(lint(rule, 'individual-draft', { set: { '/review': review } }, { locale: 'zh-CN' })[0]!.message).toBe(
        '备案阶段为 draft（尚未核验），但记录已有通信管理局的审核（review）；应更新阶段或删除审核（二、(二)1–2）',
      );
    });

    it('also when the review is partial or of the wrong type, but not when it is null', () => {
      expect(brief(lint(rule, 'individual-draft', { set: { '/review': {} } }))).toEqual(['error /review']);
      expect(brief(lint(rule, 'individual-draft', { set: { '/review': 'pending' } }))).toEqual(['error /review']);
      expect(lint(rule, 'individual-draft', { set: { '/review': null } })).toEqual([]);
    });
  });

  it('is silent on odd input', () => {
    for (const patch of [{ set: { '/stage': 7 } }, { set: { '/verification': 'done' } }, { set: { '/review': [1] } }, { set: { '/verification/preVerification': 'returned' } }]) {
      expect(lint(rule, 'enterprise-approved', patch)).toEqual([]);
    }
    const notAnObject = lintRecords([['not', 'a', 'record'] as unknown as Record<string, unknown>]);
    expect(messagesOf(notAnObject, rule)).toEqual([]);
  });
});
