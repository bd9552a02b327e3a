import { describe, expect, it } from 'vitest';
import { FORMATTERS, type ChunkedFormatter } from '../../src/formatters/index.js';
import type { LintResult } from '../../src/engine/types.js';
import { expectGolden } from '../support/golden.js';
import { parseCsv } from '../support/csv.js';

const cwd = '/srv/filings';

// Fixed results: a comma, quotes and a line break in messages, a filingId a spreadsheet would take
// for a formula, Chinese text, a file without problems, and a rule the run does not describe.
const RESULTS: LintResult[] = [
  {
    filePath: '/srv/filings/batch.jsonl',
    errorCount: 2,
    warningCount: 1,
    infoCount: 0,
    messages: [
      { ruleId: 'principal-document-type', severity: 'error', message: '网站负责人证件类型 "passport" 不适用于中国公民（一、1.(2)）', record: 4, filingId: 'F-0005', path: '/principal/document/type', line: 5, column: 210, endLine: 5, endColumn: 220 },
      { ruleId: 'domain-format', severity: 'warning', message: 'www.example.com is a subdomain, file example.com\nnext line', record: 5, filingId: '=HYPERLINK("http://x")', path: '/websites/0/domains/0/name', line: 6, column: 12, endLine: 6, endColumn: 29 },
      { ruleId: 'parse-error', severity: 'error', message: 'JSON syntax error', record: 6, filingId: null, path: '', line: 7, column: 1, endLine: 7, endColumn: 2 },
    ],
  },
  { filePath: '/srv/filings/clean.json', errorCount: 0, warningCount: 0, infoCount: 0, messages: [] },
  { filePath: '/srv/filings/sub dir/a,b.yaml', errorCount: 0, warningCount: 0, infoCount: 1, messages: [{ ruleId: 'user-rule', severity: 'info', message: 'a note', record: 0, filingId: 'A-1', path: '/remarks', line: 2, column: 3, endLine: 2, endColumn: 9 }] },
];
const RULES = [
  { id: 'principal-document-type', title: 't', clause: '一、1.(1)(2)', severity: 'error' as const },
  { id: 'domain-format', title: 't', clause: '一、3', severity: 'error' as const },
  { id: 'parse-error', title: 't', clause: 'whole', severity: 'error' as const },
];
const context = (locale: 'en' | 'zh-CN') => ({ cwd, color: false, locale, rules: RULES, version: '9.9.9' });


describe('csv', () => {
  const out = FORMATTERS.csv!(RESULTS, context('en'));

  it('matches its golden output, which no locale changes', () => {
    expectGolden(out, new URL('golden/csv.txt', import.meta.url));
    expect(FORMATTERS.csv!(RESULTS, context('zh-CN'))).toBe(out);
  });

  it('is UTF-8 with a byte order mark, and has one row per problem with the JSON fields and the clause', () => {
    expect(out.startsWith('\uFEFFfilePath,ruleId,severity,message,record,filingId,path,line,column,endLine,endColumn,clause\n')).toBe(true);
    const rows = parseCsv(out.slice(1));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    expect(rows[1]).toEqual(['batch.jsonl', 'principal-document-type', 'error', RESULTS[0]!.messages[0]!.message, '4', 'F-0005', '/principal/document/type', '5', '210', '5', '220', '一、1.(1)(2)']);
    expect(rows[4]).toEqual(['sub dir/a,b.yaml', 'user-rule', 'info', 'a note', '0', 'A-1', '/remarks', '2', '3', '2', '9', '']);
  });

  it('writes a line break as \\u000A and a formula as text', () => {
    const row = parseCsv(out.slice(1))[2]!;
    expect(row[3]).toBe('www.example.com is a subdomain, file example.com\\u000Anext line');
    expect(row[5]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('comes in pieces that join to the whole', () => {
    const pieces = [...(FORMATTERS.csv as ChunkedFormatter).chunks(RESULTS, context('en'))];
    expect(pieces.join('')).toBe(out);
    expect(FORMATTERS.csv!([RESULTS[1]!], context('en'))).toBe('\uFEFFfilePath,ruleId,severity,message,record,filingId,path,line,column,endLine,endColumn,clause\n');
  });
});
