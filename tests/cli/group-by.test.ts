import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFileName } from '../../src/cli/group-reports.js';
import type { LintResult } from '../../src/engine/index.js';
import { runMainIn } from '../support/cli.js';

// The batch of tests/fixtures/period/README.md, counted by hand there.
const FIXTURES = fileURLToPath(new URL('../fixtures/period/', import.meta.url));
const BASE = ['--now', '2026-11-29', '--no-color', 'filings.jsonl', 'stock.jsonl'];
const MARCH = ['--submitted-from', '2026-03-01', '--submitted-to', '2026-03-31'];

const scratch = mkdtempSync(join(tmpdir(), 'beianlint-group-by-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
async function grouped(args: string[]): Promise<{ dir: string; status: number; stderr: string; files: string[] }> {
  const dir = join(scratch, `out-${++folders}`);
  const { status, stdout, stderr } = await runMainIn(FIXTURES, [...BASE, ...args, '--output-dir', dir]);
  expect(stdout).toBe('');
  return { dir, status, stderr, files: readdirSync(dir).sort() };
}

/** Each file's messages as `record:rule`, by file name, leaving out files without any. */
function problemsOf(json: string): Record<string, string[]> {
  const results = JSON.parse(json) as LintResult[];
  return Object.fromEntries(results.filter((r) => r.messages.length > 0).map((r) => [r.filePath.slice(r.filePath.lastIndexOf('/') + 1), r.messages.map((m) => `${m.record}:${m.ruleId}`)]));
}

const A = reportFileName('甲云', 'provider', 'json');
const B = reportFileName('乙数据', 'provider', 'json');

describe('--group-by provider --output-dir', () => {
  it('writes one report per provider with only its records’ messages, which add up to the whole run', async () => {
    const { dir, status, files, stderr } = await grouped(['--format', 'json', '--locale', 'en', '--group-by', 'provider', ...MARCH]);
    expect(status).toBe(1);
    expect(files).toEqual(['all.json', 'index.csv', 'provider-unknown.json', B, A, 'unassigned.json'].sort());
    expect(stderr).toContain('wrote 4 group report(s), the whole run as all.json and index.csv into');
    const read = (name: string) => problemsOf(readFileSync(join(dir, name), 'utf8'));
    expect(read(A)).toEqual({ 'filings.jsonl': ['2:contact-format'], 'stock.jsonl': ['0:schema'] });
    expect(read(B)).toEqual({ 'filings.jsonl': ['6:contact-format'] });
    expect(read('provider-unknown.json')).toEqual({ 'filings.jsonl': ['7:schema'] });
    expect(read('unassigned.json')).toEqual({ 'filings.jsonl': ['8:parse-error'] });
    // Summed, the groups' messages are the whole run's, which is what a run without --group-by prints.
    const whole = await runMainIn(FIXTURES, [...BASE, '--format', 'json', '--locale', 'en', ...MARCH]);
    expect(readFileSync(join(dir, 'all.json'), 'utf8')).toBe(whole.stdout);
    const summed = [A, B, 'provider-unknown.json', 'unassigned.json'].flatMap((name) => Object.entries(read(name)).flatMap(([file, problems]) => problems.map((p) => `${file} ${p}`)));
    const all = Object.entries(problemsOf(whole.stdout)).flatMap(([file, problems]) => problems.map((p) => `${file} ${p}`));
    expect(summed.sort()).toEqual(all.sort());
  });

  it('counts each provider’s records in its summary, and lists the reports in index.csv', async () => {
    const { dir } = await grouped(['--format', 'summary', '--locale', 'en', '--group-by', 'provider', ...MARCH]);
    const txt = (name: string) => name.replace(/\.json$/, '.txt');
    expect(readFileSync(join(dir, txt(A)), 'utf8').split('\n').slice(0, 2)).toEqual(['beianlint summary: 2 file(s), 4 record(s), 2 with errors, accuracy 50.0%', 'period: 2026-03-01 – 2026-03-31']);
    expect(readFileSync(join(dir, txt(B)), 'utf8')).toMatch(/^beianlint summary: 1 file\(s\), 2 record\(s\), 1 with errors, accuracy 50\.0%/);
    expect(readFileSync(join(dir, 'provider-unknown.txt'), 'utf8')).toMatch(/^beianlint summary: 1 file\(s\), 1 record\(s\), 1 with errors, accuracy 0\.0%/);
    expect(readFileSync(join(dir, 'all.txt'), 'utf8').split('\n')[1]).toBe('period: 2026-03-01 – 2026-03-31; 5 record(s) outside it skipped (not linted, not counted above)');
    expect(readFileSync(join(dir, 'index.csv'), 'utf8')).toBe(
      [
        '\uFEFFaccess provider,file,records,with errors,accuracy,skipped (outside the period)',
        `(access provider not given),provider-unknown.txt,1,1,0.0%,`,
        `乙数据,${txt(B)},2,1,50.0%,`,
        `甲云,${txt(A)},4,2,50.0%,`,
        '"(no record: text that did not parse, and the like)",unassigned.txt,1,1,0.0%,',
        '(all),all.txt,8,5,37.5%,5',
        '',
      ].join('\n'),
    );
  });

  it('writes one report per province, in HTML and CSV too, with the index in Chinese', async () => {
    const html = await grouped(['--format', 'html', '--locale', 'zh-CN', '--group-by', 'province', ...MARCH]);
    expect(html.files).toEqual(['all.html', 'index.csv', 'province-11.html', 'province-33.html', 'province-44.html', 'unassigned.html']);
    const beijing = readFileSync(join(html.dir, 'province-11.html'), 'utf8');
    // Province 11 in March: filings lines 2, 3, 4, 8 and stock line 1; 3 with errors.
    expect(beijing).toMatch(/data-figure="records"><span class="value">5</);
    expect(beijing).toMatch(/data-figure="with-errors"><span class="value">3</);
    expect(readFileSync(join(html.dir, 'index.csv'), 'utf8').split('\n')[0]).toBe('\uFEFF省份,文件,记录,有错误,准确率,期间外跳过');
    const csv = await grouped(['--format', 'csv', '--locale', 'en', '--group-by', 'province']);
    const rows = readFileSync(join(csv.dir, 'province-44.csv'), 'utf8').trimEnd().split('\n');
    // Without a period, province 44 has filings line 6 (a bad mobile) and line 10 (clean).
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(['contact-format']);
  });

  it('names files predictably: a stable escape of the provider’s name, masked as reports mask it', () => {
    expect(reportFileName('甲云', 'provider', 'html')).toMatch(/^provider-甲云-[0-9a-f]{8}\.html$/);
    expect(reportFileName('甲云', 'provider', 'html')).toBe(reportFileName('甲云', 'provider', 'html'));
    // Names that differ only in what a file name cannot hold still get files of their own.
    expect(reportFileName('A/B Cloud', 'provider', 'txt')).not.toBe(reportFileName('A B Cloud', 'provider', 'txt'));
    expect(reportFileName('A/B Cloud', 'provider', 'txt')).toMatch(/^provider-A-B-Cloud-[0-9a-f]{8}\.txt$/);
    expect(reportFileName('客服 13812345678', 'provider', 'txt')).not.toContain('13812345678');
    expect(reportFileName('?', 'provider', 'txt')).toBe('provider-unknown.txt');
    expect(reportFileName('??', 'province', 'txt')).toBe('province-unknown.txt');
  });

  it('is a usage error without --output-dir, with -o, or with a grouping it does not know, in both languages', async () => {
    const cases: Array<[string[], string]> = [
      [['--locale', 'en', '--group-by', 'provider'], 'beianlint: --group-by writes one report per group and needs --output-dir <folder> to write them into\n'],
      [['--locale', 'zh-CN', '--group-by', 'provider'], 'beianlint: --group-by 为每组各写一份报告，需要用 --output-dir <目录> 指定写入的目录\n'],
      [['--locale', 'en', '--group-by', 'provider', '--output-dir', 'x', '-o', 'r.html'], 'beianlint: --group-by writes its reports into --output-dir; --output-file cannot be used with it\n'],
      [['--locale', 'zh-CN', '--group-by', 'provider', '--output-dir', 'x', '-o', 'r.html'], 'beianlint: --group-by 把报告写入 --output-dir 指定的目录，不能同时使用 --output-file\n'],
      [['--locale', 'en', '--group-by', 'city', '--output-dir', 'x'], 'beianlint: --group-by must be provider or province, not "city"\n'],
      [['--locale', 'zh-CN', '--output-dir', 'x'], 'beianlint: --output-dir 只能与 --group-by provider|province 同用\n'],
    ];
    for (const [args, said] of cases) {
      const { status, stderr } = await runMainIn(FIXTURES, [...args, 'filings.jsonl']);
      expect({ args, status, stderr }).toEqual({ args, status: 2, stderr: said });
    }
  });

  it('will not write a report over a file being linted', async () => {
    const dir = join(scratch, 'clash');
    mkdirSync(dir);
    const input = readFileSync(join(FIXTURES, 'filings.jsonl'), 'utf8');
    // An input named as the whole run's report would be, in the folder the reports go to.
    writeFileSync(join(dir, 'all.jsonl'), input);
    const { status, stderr } = await runMainIn(dir, ['--locale', 'en', '--group-by', 'provider', '--output-dir', '.', '--format', 'json', 'all.jsonl']);
    // Its records have errors; the reports are written beside it all the same.
    expect(status).toBe(1);
    expect(readdirSync(dir)).toContain('all.json');
    expect(stderr).toContain('wrote');
    const refused = await runMainIn(dir, ['--locale', 'zh-CN', '--group-by', 'provider', '--output-dir', '.', '--format', 'json', 'all.json', 'all.jsonl']);
    expect(refused).toEqual({ status: 2, stdout: '', stderr: 'beianlint: 不会写入报告 all.json：它是被检查的文件之一；请另选 --output-dir\n' });
    expect(readFileSync(join(dir, 'all.jsonl'), 'utf8')).toBe(input);
  });
});
