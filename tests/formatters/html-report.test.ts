import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { MAX_PROBLEM_ROWS, reportModel } from '../../src/formatters/report/model.js';
import type { LintResult } from '../../src/engine/types.js';
import { lintTextWith, testLinter } from '../support/lint.js';
import { BATCH_TEXT, PERSONAL_VALUES, PROVIDER_A, PROVIDER_B } from './support/bureau-batch.js';

// The HTML report's figures against the batch counted by hand in support/bureau-batch.ts.

const result = lintTextWith(testLinter(), BATCH_TEXT, '/srv/filings/batch.jsonl', 'jsonl');
const context = (locale: 'en' | 'zh-CN') => ({
  cwd: '/srv/filings',
  color: false,
  locale,
  rules: testLinter({ locale }).ruleInfo(),
  version: '9.9.9',
  inputs: ['batch.jsonl'],
  now: new Date('2026-11-29T12:00:00+08:00'),
  ruleSet: ['beianlint:bureau', 'beianlint.config.yaml'],
});
const page = (locale: 'en' | 'zh-CN' = 'en') => FORMATTERS.html!([result], context(locale));

/** The figures of a table's rows, by the text of their first two cells. */
function tableRows(html: string, tableId: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${tableId}"[^>]*>([\\s\\S]*?)</table>`).exec(html)![1]!;
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!));
}

describe('the report model of a hand-counted batch', () => {
  const model = reportModel([result], context('en'));
  const tally = (list: Array<{ key: string; records: number; withErrors: number }>) => Object.fromEntries(list.map((t) => [t.key, [t.records, t.withErrors]]));

  it('counts records, records with errors and problems', () => {
    expect({ records: model.records, withErrors: model.withErrors, counts: model.counts }).toEqual({ records: 10, withErrors: 5, counts: { error: 5, warning: 0, info: 0 } });
  });

  it('counts each province, provider, stage and month', () => {
    expect(tally(model.provinces)).toEqual({ '11': [3, 1], '33': [3, 1], '44': [3, 2], '??': [1, 1] });
    expect(tally(model.providers)).toEqual({ [PROVIDER_A]: [5, 2], [PROVIDER_B]: [3, 1], '?': [2, 2] });
    expect(tally(model.stages)).toEqual({ approved: [3, 1], verified: [3, 1], draft: [3, 2], '': [1, 1] });
    expect(tally(model.months)).toEqual({ '2026-03': [6, 2] });
    expect(model.withoutMonth).toBe(4);
  });

  it('counts problems by rule and by clause', () => {
    expect(model.rules).toEqual([
      { ruleId: 'contact-format', error: 3, warning: 0, info: 0 },
      { ruleId: 'parse-error', error: 1, warning: 0, info: 0 },
      { ruleId: 'schema', error: 1, warning: 0, info: 0 },
    ]);
    expect(model.clauses.reduce((n, c) => n + c.error, 0)).toBe(5);
  });

  it('lists rows up to the cap and counts the rest', () => {
    const capped = reportModel([result], context('en'), 2);
    expect([capped.rows.length, capped.omitted, capped.records, capped.withErrors]).toEqual([2, 3, 10, 5]);
  });
});

describe('the HTML report of a hand-counted batch', () => {
  it('leads with the key figures', () => {
    const figures = Object.fromEntries([...page().matchAll(/data-figure="([^"]+)"><span class="value">([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(figures).toEqual({ files: '1', records: '10', 'with-errors': '5', accuracy: '50.0%', warnings: '0' });
  });

  it('names the inputs, the day of the check, the rule set and the version', () => {
    const header = /<header>([\s\S]*?)<\/header>/.exec(page())![1]!;
    expect(header).toContain('<code>batch.jsonl</code>');
    expect(header).toContain('2026-11-29');
    expect(header).toContain('<code>beianlint:bureau</code> → <code>beianlint.config.yaml</code>');
    expect(header).toContain('9.9.9');
  });

  // Provinces by code and providers by name (乙 sorts before 甲), as the summary orders them.
  it('gives every province a subtotal, every provider a row, the unknown provider by name, and the total', () => {
    const rows = tableRows(page(), 'groups').map((cells) => cells.map((c) => c.replace(/<[^>]+>/g, '')));
    expect(rows).toEqual([
      ['Province', 'Access provider', 'Records', 'With errors', 'Warnings only', 'Accuracy'],
      ['(province unknown)', 'Subtotal', '1', '1', '0', '0.0%'],
      ['(province unknown)', '(access provider not given)', '1', '1', '0', '0.0%'],
      ['11 京', 'Subtotal', '3', '1', '0', '66.7%'],
      ['11 京', PROVIDER_B, '1', '0', '0', '100.0%'],
      ['11 京', PROVIDER_A, '2', '1', '0', '50.0%'],
      ['33 浙', 'Subtotal', '3', '1', '0', '66.7%'],
      ['33 浙', PROVIDER_B, '2', '1', '0', '50.0%'],
      ['33 浙', PROVIDER_A, '1', '0', '0', '100.0%'],
      ['44 粤', 'Subtotal', '3', '2', '0', '33.3%'],
      ['44 粤', '(access provider not given)', '1', '1', '0', '0.0%'],
      ['44 粤', PROVIDER_A, '2', '1', '0', '50.0%'],
      ['Total', '', '10', '5', '0', '50.0%'],
    ]);
    const providers = tableRows(page(), 'providers').map((cells) => cells.map((c) => c.replace(/<[^>]+>/g, '')));
    expect(providers.slice(1)).toEqual([
      ['(access provider not given)', '2', '2', '0', '0.0%'],
      [PROVIDER_B, '3', '1', '0', '66.7%'],
      [PROVIDER_A, '5', '2', '0', '60.0%'],
      ['Total', '10', '5', '0', '50.0%'],
    ]);
  });

  it('draws a bar per province, worst first, and per provider', () => {
    const figures = new Map([...page().matchAll(/<figure class="chart" id="([^"]+)">[\s\S]*?<\/figure>/g)].map((m) => [m[1], m[0]]));
    const bars = (id: string) => (figures.get(id)!.match(/ecmeta_ssr_type="chart"/g) ?? []).length;
    expect(bars('chart-province')).toBe(4);
    expect(bars('chart-provider')).toBe(3);
    const labels = [...figures.get('chart-province')!.matchAll(/text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['(province unknown)', '44 粤', '11 京', '33 浙']);
    expect(bars('chart-stage')).toBe(6);
  });

  it('is in the locale: headings, severities and the unknown provider in Chinese', () => {
    const zh = page('zh-CN');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('（未填写接入服务单位）');
    expect(zh).toContain('"severityNames":{"error":"错误","warning":"警告","info":"提示"}');
    expect(zh).toContain('Noto Sans CJK SC');
  });

  it('holds no personal value of the batch', () => {
    for (const text of [page('en'), page('zh-CN')]) for (const value of PERSONAL_VALUES) expect(text.includes(value), value).toBe(false);
  });

  it('is the same for the same results', () => {
    expect(page()).toBe(page());
  });
});

describe('a report past the row cap', () => {
  it('lists the first rows, says how many were left out and how to get them, and counts them all', () => {
    const base = result.messages[0]!;
    const many = Array.from({ length: MAX_PROBLEM_ROWS + 7 }, (_, i) => ({ ...base, line: i + 1, record: i }));
    const big: LintResult = { filePath: '/srv/filings/big.jsonl', errorCount: many.length, warningCount: 0, infoCount: 0, messages: many };
    const html = FORMATTERS.html!([big], context('en'));
    expect(html).toContain(`Only the first ${MAX_PROBLEM_ROWS} problems are listed; 7 more are left out. Use --format json`);
    const rows = /<script type="application\/json" id="report-rows">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(rows)).toHaveLength(MAX_PROBLEM_ROWS);
    expect(html).toMatch(new RegExp(`data-figure="records"><span class="value">${many.length}<`));
  });
});
