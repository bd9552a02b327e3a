import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinter, SKIPPED_RECORD, StatsCollector, type LintResult } from '../../src/engine/index.js';
import { inPeriod, periodDayOf } from '../../src/engine/stats.js';
import { lintFiles } from '../../src/runner/index.js';
import { packageRoot } from '../../src/package-files.js';
import { runMainIn } from '../support/cli.js';

// The batch of tests/fixtures/period/README.md, counted by hand there.
const FIXTURES = fileURLToPath(new URL('../fixtures/period/', import.meta.url));
const FILES = ['filings.jsonl', 'stock.jsonl'];
const MARCH = ['--submitted-from', '2026-03-01', '--submitted-to', '2026-03-31'];
const BASE = ['--now', '2026-11-29', '--no-color', ...FILES];

const scratch = mkdtempSync(join(tmpdir(), 'beianlint-period-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return runMainIn(FIXTURES, [...BASE, ...args]);
}

/** Each file's messages as `record:rule`, by file name. */
function problemsOf(json: string): Record<string, string[]> {
  const results = JSON.parse(json) as LintResult[];
  return Object.fromEntries(results.map((r) => [r.filePath.slice(r.filePath.lastIndexOf('/') + 1), r.messages.map((m) => `${m.record}:${m.ruleId}`)]));
}

const MARCH_PROBLEMS = {
  'filings.jsonl': ['2:contact-format', '6:contact-format', '7:schema', '8:parse-error'],
  'stock.jsonl': ['0:schema'],
};

describe('--submitted-from / --submitted-to', () => {
  it('lints only the records of the period: no message, no batch key for the others', async () => {
    const march = await run(['--format', 'json', '--locale', 'en', ...MARCH]);
    expect(march.status).toBe(1);
    expect(problemsOf(march.stdout)).toEqual(MARCH_PROBLEMS);
    // Without a period, line 1 (February) repeats line 3's filingId and is linted as well.
    const all = problemsOf((await run(['--format', 'json', '--locale', 'en'])).stdout);
    expect(all['filings.jsonl']).toContain('2:batch-duplicate-filing-id');
    expect(all['filings.jsonl']).toContain('0:contact-format');
    expect(all['stock.jsonl']).toContain('2:schema');
  });

  it('counts the records outside the period as skipped, and accuracy over the period only', async () => {
    const en = await run(['--format', 'summary', '--locale', 'en', ...MARCH]);
    expect(en.stdout.split('\n').slice(0, 2)).toEqual([
      'beianlint summary: 2 file(s), 8 record(s), 5 with errors, accuracy 37.5%',
      'period: 2026-03-01 – 2026-03-31; 5 record(s) outside it skipped (not linted, not counted above)',
    ]);
    const zh = await run(['--format', 'summary', '--locale', 'zh-CN', ...MARCH]);
    expect(zh.stdout.split('\n').slice(0, 2)).toEqual([
      'beianlint 汇总：2 个文件，8 条记录，5 条有错误，准确率 37.5%',
      '检查期间：2026-03-01 – 2026-03-31；不在期间内的 5 条记录已跳过（未检查，不计入以上数字）',
    ]);
    // The per-provider rows count March's records only: 甲云 has 3 in province 11 and 1 in 44.
    expect(en.stdout).toMatch(/11 京\s+甲云\s+3\s+2\s+0\s+33\.3%/);
    expect(en.stdout).toMatch(/44 粤\s+甲云\s+1\s+0\s+0\s+100\.0%/);
    // A run of every record says nothing of a period, as before.
    const everything = await run(['--format', 'summary', '--locale', 'en']);
    expect(everything.stdout.split('\n').slice(0, 2)).toEqual(['beianlint summary: 2 file(s), 13 record(s), 10 with errors, accuracy 23.1%', '']);
  });

  it('shows the period and the skipped records in the HTML report', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const { stdout } = await run(['--format', 'html', '--locale', locale, ...MARCH]);
      expect(stdout).toMatch(/data-figure="records"><span class="value">8</);
      expect(stdout).toMatch(/data-figure="skipped"><span class="value">5</);
      expect(stdout).toContain(locale === 'en' ? '<dt>Period</dt><dd>2026-03-01 – 2026-03-31' : '<dt>检查期间</dt><dd>2026-03-01 – 2026-03-31');
    }
    const { stdout } = await run(['--format', 'html', '--locale', 'en']);
    expect(stdout).not.toContain('data-figure="skipped"');
    expect(stdout).not.toContain('<dt>Period</dt>');
  });

  it('takes an open end, and leaves a record with no date outside any period', async () => {
    const { stdout } = await run(['--format', 'summary', '--locale', 'en', '--submitted-from', '2000-01-01']);
    // Only the two records with neither a submission nor a review date (filings line 6, stock line 3) are skipped.
    expect(stdout.split('\n')[1]).toBe('period: from 2000-01-01; 2 record(s) outside it skipped (not linted, not counted above)');
    const until = await run(['--format', 'summary', '--locale', 'zh-CN', '--submitted-to', '2026-02-28']);
    // Only line 1 (2026-02-27) lies before March; the parse error is reported whatever the period.
    expect(until.stdout.split('\n').slice(0, 2)).toEqual(['beianlint 汇总：2 个文件，2 条记录，2 条有错误，准确率 0.0%', '检查期间：至 2026-02-28；不在期间内的 11 条记录已跳过（未检查，不计入以上数字）']);
  });

  it('judges the day in Beijing time', () => {
    expect(periodDayOf({ verification: { submittedAt: '2026-02-28T16:30:00Z' } })).toBe('2026-03-01');
    expect(periodDayOf({ verification: { submittedAt: '2026-03-31T16:30:00Z' } })).toBe('2026-04-01');
    // The stock: no submission date, so the review's; a submission date that is no date is passed over too.
    expect(periodDayOf({ review: { reviewedAt: '2026-03-20' } })).toBe('2026-03-20');
    expect(periodDayOf({ verification: { submittedAt: 'soon' }, review: { reviewedAt: '2026-03-20' } })).toBe('2026-03-20');
    expect(periodDayOf({ stage: 'draft' })).toBeUndefined();
    expect(inPeriod({ review: { reviewedAt: '2026-03-31T23:59:00+08:00' } }, { from: '2026-03-01', to: '2026-03-31' })).toBe(true);
    expect(inPeriod({ review: { reviewedAt: '2026-04-01T00:00:00+08:00' } }, { from: '2026-03-01', to: '2026-03-31' })).toBe(false);
    expect(inPeriod({}, {})).toBe(false);
  });

  it('refuses a day that does not exist, or a period that ends before it starts, in both languages', async () => {
    const bad = await runMainIn(FIXTURES, ['--locale', 'zh-CN', '--submitted-from', '2026-02-30', 'filings.jsonl']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('beianlint: --submitted-from 须为日期，例如 2026-03-01，不能是 "2026-02-30"\n');
    const backwards = await runMainIn(FIXTURES, ['--locale', 'en', '--submitted-from', '2026-03-31', '--submitted-to', '2026-03-01', 'filings.jsonl']);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toBe('beianlint: --submitted-from 2026-03-31 is after --submitted-to 2026-03-01\n');
  });

  it('keeps a skipped record skipped when a file is merged from parts', () => {
    const part = new StatsCollector();
    part.add(0, { owner: { regionCode: '110105' } });
    part.skip(1);
    part.add(2, undefined);
    const whole = new StatsCollector();
    whole.add(0, { owner: { regionCode: '330106' } });
    whole.merge(part.result(), 1);
    expect(Array.from(whole.result().recordGroup)).toEqual([0, 1, SKIPPED_RECORD, -1]);
    expect(whole.result().records).toBe(4);
  });
});

describe('the period across threads and the cache', () => {
  it('gives the same with --concurrency 2 (the workers get the period in their recipe)', async () => {
    if (!existsSync(join(packageRoot, 'dist', 'runner', 'worker.js'))) throw new Error('needs a build: npm run build');
    for (const format of ['json', 'summary']) {
      const one = await run(['--format', format, '--locale', 'en', ...MARCH]);
      const two = await run(['--format', format, '--locale', 'en', '--concurrency', '2', ...MARCH]);
      expect(two.stdout).toBe(one.stdout);
    }
  });

  it('gives the same when a file is cut into ranges linted by workers', async () => {
    const paths = FILES.map((f) => join(FIXTURES, f));
    const linter = createLinter({ config: false, now: new Date('2026-11-29T12:00:00+08:00'), locale: 'en', period: { from: '2026-03-01', to: '2026-03-31' } });
    const one = await lintFiles(paths, { linter });
    const ranges = await lintFiles(paths, { linter, concurrency: 2, chunkBytes: 3000 });
    const shape = (results: LintResult[]) => results.map((r) => ({ messages: r.messages, recordGroup: Array.from(r.stats!.recordGroup), groups: r.stats!.groups }));
    expect(shape(ranges)).toEqual(shape(one));
    expect(Array.from(one[0]!.stats!.recordGroup).filter((g) => g === SKIPPED_RECORD)).toHaveLength(3);
  });

  it('gives the same from the cache, and a cache of another period is not used', async () => {
    const cache = join(scratch, 'cache', '.beianlintcache');
    const may = ['--submitted-from', '2026-05-01', '--submitted-to', '2026-05-31'];
    const first = await run(['--format', 'summary', '--locale', 'en', '--cache-location', cache, ...may]);
    // In May every record of stock.jsonl lies outside: it has no message, so the cache keeps it, skipped records and all.
    const second = await run(['--format', 'summary', '--locale', 'en', '--cache-location', cache, ...may]);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout.split('\n')[1]).toBe('period: 2026-05-01 – 2026-05-31; 12 record(s) outside it skipped (not linted, not counted above)');
    // March with the same cache: stock.jsonl has an error in March, which the May entry must not hide.
    const march = await run(['--format', 'json', '--locale', 'en', '--cache-location', cache, ...MARCH]);
    expect(problemsOf(march.stdout)).toEqual(MARCH_PROBLEMS);
    const marchAgain = await run(['--format', 'json', '--locale', 'en', '--cache-location', cache, ...MARCH]);
    expect(marchAgain.stdout).toBe(march.stdout);
  });
});

describe('a run of one period, with suppressions and inline directives', () => {
  it('refuses to record or prune suppressions, in both languages: the records it leaves out would look fixed', async () => {
    const prune = await run([...MARCH, '--prune-suppressions', '--locale', 'en']);
    expect(prune.status).toBe(2);
    expect(prune.stderr).toBe('beianlint: --prune-suppressions records or prunes suppressions over a whole run; drop --submitted-from/--submitted-to for it\n');
    const record = await run([...MARCH, '--suppress-all', '--locale', 'zh-CN']);
    expect(record.stderr).toBe('beianlint: --suppress-all 针对整次运行记录或清理抑制项；请去掉 --submitted-from/--submitted-to 再运行\n');
  });

  it('applies recorded suppressions, and calls none of them stale', async () => {
    const location = join(scratch, 'suppressions.json');
    const whole = await runMainIn(FIXTURES, [...BASE, '--suppress-all', '--suppressions-location', location, '--locale', 'en']);
    expect(whole.status).toBe(0);
    const march = await runMainIn(FIXTURES, [...BASE, ...MARCH, '--suppressions-location', location, '--locale', 'en']);
    expect(march.status).toBe(0);
    expect(march.stderr).not.toMatch(/no longer occur/);
  });

  it('reports no directive as unused: it may sit on a record the period left out', async () => {
    const dir = mkdtempSync(join(scratch, 'directives-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'a.yaml'), '# beianlint-disable-next-line schema\nschemaVersion: 1\n');
    const args = ['--now', '2026-11-29', '--format', 'json', '--rule', 'schema=off', 'a.yaml'];
    const whole = JSON.parse((await runMainIn(dir, args)).stdout) as LintResult[];
    expect(whole[0]!.messages.map((m) => m.ruleId)).toEqual(['unused-directive']);
    const inPeriodRun = JSON.parse((await runMainIn(dir, [...args, ...MARCH])).stdout) as LintResult[];
    expect(inPeriodRun[0]!.messages.map((m) => m.ruleId)).toEqual([]);
  });
});
