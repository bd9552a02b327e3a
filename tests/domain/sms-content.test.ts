import { describe, expect, it } from 'vitest';
import { elementLabel, foldSmsText, missingContent, normalizeSms, type ContentElement } from '../../src/domain/sms-content.js';

// The elements of rules/notification-message.yaml, repeated here so that the
// domain function is tested on its own; the rule's tests use the rule file.
const PASSED: ContentElement[] = ['已通过预核验', ['1个月内', '1个月之内'], '网站负责人本人', '证件原件', '备案现场', '核验'];
const RETURNED: ContentElement[] = ['未通过预核验', '修改', ['重新提交', '再次提交']];

const PASSED_TEXT = '您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续';
const RETURNED_TEXT = '您提交的网站备案信息未通过预核验，请修改后重新提交';

const labels = (text: string, elements: ContentElement[]) => missingContent(text, elements).map(elementLabel);

describe('foldSmsText', () => {
  it('drops whitespace, Chinese and ASCII punctuation, symbols and format characters', () => {
    expect(foldSmsText(' 请在 1 个月内，\n由“网站负责人”本人!（谢谢）～\u200b\u3000')).toBe('请在1个月内由网站负责人本人谢谢');
  });

  it('applies NFKC and writes the numeral 一 as 1', () => {
    expect(foldSmsText('请于一个月内')).toBe('请于1个月内');
    expect(foldSmsText('请在１个月内')).toBe('请在1个月内');
    expect(foldSmsText('ＡＢＣ')).toBe('ABC');
  });
});

describe('normalizeSms', () => {
  it('removes one signature at the start and one at the end, and keeps other bracketed text as content', () => {
    expect(normalizeSms('【示例云】您好')).toBe('您好');
    expect(normalizeSms('您好。【示例云】 ')).toBe('您好');
    expect(normalizeSms(' 【示例云】【已通过预核验】您好【示例云】')).toBe('已通过预核验您好');
  });

  it('removes full-width and ASCII square-bracket signatures (NFKC makes ［］ into [])', () => {
    expect(normalizeSms('［示例云］您好')).toBe('您好');
    expect(normalizeSms('您好[示例云]')).toBe('您好');
  });

  it('keeps brackets inside the text (only their punctuation goes) and a bracketed whole SMS', () => {
    expect(normalizeSms('您好【备注】再见')).toBe('您好备注再见');
    const long = `【${RETURNED_TEXT}】`;
    expect(normalizeSms(long)).toBe(foldSmsText(RETURNED_TEXT));
  });
});

describe('missingContent', () => {
  it('finds every element in the notice’s own texts', () => {
    expect(labels(PASSED_TEXT, PASSED)).toEqual([]);
    expect(labels(RETURNED_TEXT, RETURNED)).toEqual([]);
  });

  it('accepts real-world variants', () => {
    expect(labels(`【示例云】${PASSED_TEXT}。`, PASSED)).toEqual([]);
    expect(labels(`${PASSED_TEXT}【示例云】`, PASSED)).toEqual([]);
    expect(labels(PASSED_TEXT.replace('请在1个月内', '请于一个月内'), PASSED)).toEqual([]);
    expect(labels(PASSED_TEXT.replace('1个月内', '1个月之内'), PASSED)).toEqual([]);
    expect(labels(PASSED_TEXT.replace('1个月内', '１ 个 月 内'), PASSED)).toEqual([]);
    expect(labels('您提交的网站备案信息未通过预核验，原因：域名所有者与主办者不一致，请修改后重新提交', RETURNED)).toEqual([]);
    expect(labels('您提交的网站备案信息未通过预核验，请修改后再次提交。', RETURNED)).toEqual([]);
    expect(labels("您提交的网站备案信息\n未通过 预核验 ，请修改后重新提交！客服电话 95187。", RETURNED)).toEqual([]);
  });

  it('reports what is missing, as the first spelling, in the order given', () => {
    expect(labels(PASSED_TEXT.replace('1个月内', '30天内'), PASSED)).toEqual(['1个月内']);
    expect(labels(PASSED_TEXT.replace('负责人本人', '负责人'), PASSED)).toEqual(['网站负责人本人']);
    expect(labels(RETURNED_TEXT, PASSED)).toEqual(['已通过预核验', '1个月内', '网站负责人本人', '证件原件', '备案现场']);
    expect(labels(PASSED_TEXT, RETURNED)).toEqual(['未通过预核验', '修改', '重新提交']);
    expect(labels('', RETURNED)).toEqual(['未通过预核验', '修改', '重新提交']);
  });

  it('does not count an element inside another element’s place', () => {
    // The only 核验 left is the one inside 已通过预核验.
    expect(labels(PASSED_TEXT.replace('办理核验手续', '办理手续'), PASSED)).toEqual(['核验']);
  });

  it('does not take content from a signature', () => {
    expect(labels('【备案现场】您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位办理核验手续', PASSED)).toEqual([
      '备案现场',
    ]);
  });

  it('treats an element that folds to nothing as present', () => {
    expect(labels('任何文字', ['，'])).toEqual([]);
  });
});
