import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { LintMessage, LintResult } from '../../src/engine/index.js';
import { json } from '../../src/formatters/json.js';
import { applyEdits, editsOf } from '../../src/runner/fix.js';
import { lintTextWith, messagesOf, testLinter } from '../support/lint.js';
import { patched } from '../support/records.js';

function lintJson(record: unknown): { text: string; result: LintResult } {
  const text = JSON.stringify(record, null, 2);
  return { text, result: lintTextWith(testLinter(), text, '/virtual/record.json') };
}

function at(result: LintResult, ruleId: string, path: string): LintMessage[] {
  return messagesOf(result, ruleId).filter((m) => m.path === path);
}

/** The record's text with the one fix applied, linted again. */
function fixedBy(text: string, message: LintMessage): { text: string; result: LintResult } {
  const fixedText = applyEdits(text, editsOf(text, [message]));
  return { text: fixedText, result: lintTextWith(testLinter(), fixedText, '/virtual/record.json') };
}

/** Asserts that the rule reports at the path with a fix, and that applying it leaves the value `expected` and no report of the rule there. */
function expectFixed(record: unknown, ruleId: string, path: string, expected: string): void {
  const { text, result } = lintJson(record);
  const reported = at(result, ruleId, path);
  expect(reported.length).toBeGreaterThan(0);
  for (const message of reported) {
    expect(message.fix).toBeDefined();
    const after = fixedBy(text, message);
    expect(at(after.result, ruleId, path)).toEqual([]);
    expect(valueOf(JSON.parse(after.text), path)).toBe(expected);
  }
}

function valueOf(record: unknown, path: string): unknown {
  return path
    .slice(1)
    .split('/')
    .reduce<unknown>((node, seg) => (node as Record<string, unknown>)[seg], record);
}

const NUMBER = '/principal/document/number';

describe('document-number fixes', () => {
  it('writes a lower-case check character x as X', () => {
    expectFixed(patched('individual-draft', { set: { [NUMBER]: '44030519900815118x' } }), 'document-number', NUMBER, '44030519900815118X');
  });

  it('writes full-width digits and letters as ASCII', () => {
    expectFixed(patched('individual-draft', { set: { [NUMBER]: '４４０３０５１９９００８１５１１８ｘ' } }), 'document-number', NUMBER, '44030519900815118X');
    expectFixed(patched('enterprise-approved', { set: { '/owner/document/number': '９１１１０１０５５５３６１２３４９８' } }), 'document-number', '/owner/document/number', '911101055536123498');
  });

  it('writes the lower-case letters of a unified social credit code as capitals', () => {
    const record = patched('government-verified', { set: { '/owner/document/type': 'uscc-certificate', '/owner/document/number': '11330106000198766t' } });
    expectFixed(record, 'document-number', '/owner/document/number', '11330106000198766T');
  });

  it('never fixes a wrong check character, however it is written', () => {
    for (const number of ['44030519900815117x', '44030519900815117X', '４４０３０５１９９００８１５１１７ｘ', '440305199008151181']) {
      const { result } = lintJson(patched('individual-draft', { set: { [NUMBER]: number } }));
      const reported = at(result, 'document-number', NUMBER);
      expect(reported.length, number).toBe(1);
      expect(reported[0]!.fix, number).toBeUndefined();
    }
  });

  it('keeps the padding around a number it fixes (that is the whitespace rule\'s)', () => {
    const { text, result } = lintJson(patched('individual-draft', { set: { [NUMBER]: ' 44030519900815118x' } }));
    const [message] = at(result, 'document-number', NUMBER);
    expect(message!.fix!.text).toBe('" 44030519900815118X"');
    expect(valueOf(JSON.parse(fixedBy(text, message!).text), NUMBER)).toBe(' 44030519900815118X');
  });
});

describe('whitespace fixes', () => {
  it('trims padding, Unicode whitespace too', () => {
    expectFixed(patched('individual-draft', { set: { '/principal/name': '\u3000李四 ' } }), 'whitespace', '/principal/name', '李四');
  });

  it('folds a line break or tab in a single-line field to one space', () => {
    expectFixed(patched('enterprise-approved', { set: { '/owner/name': '北京示例科技 \r\n 有限公司' } }), 'whitespace', '/owner/name', '北京示例科技 有限公司');
    expectFixed(patched('enterprise-approved', { set: { '/owner/name': ' 北京示例\t科技有限公司' } }), 'whitespace', '/owner/name', '北京示例 科技有限公司');
  });

  it('keeps the line breaks of a field that may hold lines, trimming it only', () => {
    expectFixed(patched('enterprise-approved', { set: { '/owner/address': ' 北京市朝阳区示例路 88 号\n8 层 801 室 ' } }), 'whitespace', '/owner/address', '北京市朝阳区示例路 88 号\n8 层 801 室');
  });
});

describe('domain-format fixes', () => {
  it('drops a root dot, ASCII or full-width, and leaves the case', () => {
    const path = '/websites/0/domains/0/name';
    expectFixed(patched('individual-draft', { set: { [path]: 'Lisi-Blog.cn.' } }), 'domain-format', path, 'Lisi-Blog.cn');
    expectFixed(patched('individual-draft', { set: { [path]: 'lisi-blog.cn。' } }), 'domain-format', path, 'lisi-blog.cn');
  });

  it('offers no fix for a subdomain or a name that is no domain', () => {
    const path = '/websites/0/domains/0/name';
    for (const name of ['www.lisi-blog.cn.', 'https://lisi-blog.cn/', 'lisi_blog.cn']) {
      const { result } = lintJson(patched('individual-draft', { set: { [path]: name } }));
      const reported = at(result, 'domain-format', path);
      expect(reported.length, name).toBeGreaterThan(0);
      expect(reported.every((m) => m.fix === undefined), name).toBe(true);
    }
  });
});

describe('which rules fix', () => {
  it('only the rules whose files say fixable give fixes', () => {
    const fixable = new Set(['whitespace', 'document-number', 'domain-format']);
    for (const id of fixable) expect((parse(readFileSync(`rules/${id}.yaml`, 'utf8')) as { fixable?: boolean }).fixable, id).toBe(true);
    const record = patched('individual-draft', {
      set: { [NUMBER]: '44030519900815118x', '/principal/name': '李四 ', '/websites/0/domains/0/name': 'lisi-blog.cn.', '/owner/document/number': '440305199008151181' },
    });
    const { result } = lintJson(record);
    const withFix = result.messages.filter((m) => m.fix);
    expect(new Set(withFix.map((m) => m.ruleId))).toEqual(fixable);
  });

  it('batch messages carry no fix', () => {
    const twice = [patched('individual-draft', { set: { [NUMBER]: '44030519900815118x' } }), patched('individual-draft', { set: { [NUMBER]: '44030519900815118x', '/filingId': 'F-2026-0002' } })];
    const result = lintTextWith(testLinter(), JSON.stringify(twice, null, 2), '/virtual/batch.json');
    const batch = result.messages.filter((m) => m.ruleId.startsWith('batch-'));
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.every((m) => m.fix === undefined)).toBe(true);
  });

  it('the JSON report never prints a fix, whose text may be a personal value', () => {
    const { result } = lintJson(patched('individual-draft', { set: { [NUMBER]: '44030519900815118x' } }));
    expect(result.messages.some((m) => m.fix)).toBe(true);
    const report = json([result], { cwd: '/', locale: 'en', color: false, rules: [], version: '0' } as never);
    expect(report).toContain('"ruleId":"document-number"');
    expect(report).not.toContain('"fix"');
    expect(report).not.toContain('44030519900815118X');
    expect(report).not.toContain('"output"');
  });
});
