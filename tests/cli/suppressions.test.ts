import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { suppressionPath } from '../../src/cli/suppressions.js';
import { runMainIn } from '../support/cli.js';

// Bulk suppressions (issue 17), through main() in-process: --suppress-all
// and --suppress-rule write beianlint-suppressions.json, later runs report
// only what it does not cover, stale entries are reported and pruned, and
// the file holds no personal data.

const CLEAN = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/records/individual-draft.json', import.meta.url)), 'utf8')) as Record<string, any>;

/** Personal values that a record below carries in places the filing format does not know. */
const PERSONAL = ['13812345678', '110101199003077777', 'wangwu@example.com', '李四'];

/**
 * Two filings with problems: the first has padded address (a warning) and
 * unknown keys that are a phone number and a person's name (schema errors
 * whose paths are personal); the second has a bad domain.
 */
function batch(): Array<Record<string, any>> {
  const first = structuredClone(CLEAN);
  first.filingId = 'F-2026-0101';
  first.owner.address = ` ${first.owner.address}`;
  first['13812345678'] = 'call the owner';
  first.principal['李四'] = { '110101199003077777': 'wangwu@example.com' };
  const second = structuredClone(CLEAN);
  second.filingId = 'F-2026-0102';
  second.websites[0].domains[0].name = 'lisi blog.cn';
  return [first, second];
}

function project(records = batch()): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-suppressions-'));
  mkdirSync(join(dir, 'filings'));
  writeFileSync(join(dir, 'filings', 'batch.json'), JSON.stringify(records));
  return dir;
}

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

interface Report {
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: Array<{ ruleId: string; severity: string; path: string; filingId: string | null }>;
}

async function run(dir: string, args: string[]) {
  const result = await runMainIn(dir, ['--no-config', '--now', '2026-11-29', '--format', 'json', ...(args.includes('--locale') ? [] : ['--locale', 'en']), ...args]);
  return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as Report[]) : [] };
}

const problems = (report: Report[]) => report.flatMap((r) => r.messages.map((m) => `${m.filingId} ${m.ruleId} ${m.path}`)).sort();
const suppressionsFile = (dir: string) => readFileSync(join(dir, 'beianlint-suppressions.json'), 'utf8');

describe('bulk suppressions', () => {
  it('--suppress-all records every problem; the next run reports none and says how many it left out', async () => {
    const dir = project();
    const before = await run(dir, ['filings']);
    expect(before.status).toBe(1);
    const found = problems(before.report).length;
    expect(found).toBeGreaterThanOrEqual(4);

    const suppressing = await run(dir, ['--suppress-all', 'filings']);
    expect(suppressing.status).toBe(0);
    expect(problems(suppressing.report)).toEqual([]);
    expect(suppressing.stderr).toBe(`beianlint: beianlint-suppressions.json: ${found} problems recorded as suppressed\nbeianlint: ${found} problems suppressed by beianlint-suppressions.json\n`);

    const after = await run(dir, ['filings']);
    expect(after.status).toBe(0);
    expect(after.report.map((r) => [r.errorCount, r.warningCount, r.infoCount])).toEqual([[0, 0, 0]]);
    expect(after.stderr).toBe(`beianlint: ${found} problems suppressed by beianlint-suppressions.json\n`);
    const zh = await run(dir, ['--locale', 'zh-CN', 'filings']);
    expect(zh.stderr).toBe(`beianlint: beianlint-suppressions.json 抑制了 ${found} 个问题\n`);
  });

  it('keys entries by file, filingId, rule and path, so they survive a reformat and a reordering', async () => {
    const dir = project();
    await run(dir, ['--suppress-all', 'filings']);
    const written = JSON.parse(suppressionsFile(dir)) as { version: number; files: Record<string, Array<{ filingId: string; rule: string; path: string; count: number }>> };
    expect(Object.keys(written.files)).toEqual(['filings/batch.json']);
    expect(written.files['filings/batch.json']).toContainEqual({ filingId: 'F-2026-0101', rule: 'whitespace', path: '/owner/address', count: 1 });

    // The records in the other order, and the file pretty-printed: every line has moved.
    writeFileSync(join(dir, 'filings', 'batch.json'), JSON.stringify(batch().reverse(), null, 4));
    const after = await run(dir, ['filings']);
    expect(problems(after.report)).toEqual([]);
    expect(after.stderr).not.toMatch(/no longer occur/);
  });

  it('reports a new problem, and a stale entry, which --prune-suppressions removes', async () => {
    const dir = project();
    await run(dir, ['--suppress-all', 'filings']);
    const records = batch();
    // Fixed: the padded address. New: a padded owner name in the second filing.
    records[0]!.owner.address = CLEAN.owner.address;
    records[1]!.owner.name = `${CLEAN.owner.name} `;
    writeFileSync(join(dir, 'filings', 'batch.json'), JSON.stringify(records));

    const after = await run(dir, ['filings']);
    expect(problems(after.report)).toEqual(['F-2026-0102 whitespace /owner/name']);
    expect(after.report[0]!.warningCount).toBe(1);
    expect(after.stderr).toMatch(/^beianlint: 1 suppressed problem in beianlint-suppressions\.json no longer occurs; remove it with --prune-suppressions$/m);

    const pruning = await run(dir, ['--prune-suppressions', 'filings']);
    expect(pruning.stderr).toMatch(/^beianlint: beianlint-suppressions\.json: removed 1 suppressed problem that no longer occurs$/m);
    expect(suppressionsFile(dir)).not.toMatch(/"path": "\/owner\/address"/);
    const pruned = await run(dir, ['filings']);
    expect(pruned.stderr).not.toMatch(/no longer occur/);
    expect(problems(pruned.report)).toEqual(['F-2026-0102 whitespace /owner/name']);
  });

  it('reports every problem of a key once there are more than its count, as ESLint does', async () => {
    const dir = project();
    await run(dir, ['--suppress-all', 'filings']);
    const records = batch();
    // A second unknown key at the top: its path is keyed /* as the first one's is, so the key now has two problems.
    records[0]!.remarkz = 'typo';
    writeFileSync(join(dir, 'filings', 'batch.json'), JSON.stringify(records));
    const after = await run(dir, ['filings']);
    expect(problems(after.report)).toEqual(['F-2026-0101 schema /138****5678', 'F-2026-0101 schema /remarkz']);
  });

  it('--suppress-rule records that rule only, and a rule that does not exist is a usage error', async () => {
    const dir = project();
    const suppressing = await run(dir, ['--suppress-rule', 'whitespace', 'filings']);
    expect(problems(suppressing.report).some((p) => p.includes(' whitespace '))).toBe(false);
    expect(problems(suppressing.report).some((p) => p.includes(' domain-format '))).toBe(true);
    expect(suppressing.report[0]!.errorCount).toBe(suppressing.report[0]!.messages.filter((m) => m.severity === 'error').length);
    expect(suppressionsFile(dir)).not.toMatch(/domain-format/);

    const typo = await run(dir, ['--suppress-rule', 'whitespaces', 'filings']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('beianlint: --suppress-rule: unknown rule "whitespaces"; did you mean "whitespace"?\n');
  });

  it('holds no personal data, with --no-redact too, and the same entries either way', async () => {
    const masked = project();
    await run(masked, ['--suppress-all', 'filings']);
    const plain = project();
    const unmasked = await run(plain, ['--no-redact', '--suppress-all', 'filings']);
    expect(unmasked.status).toBe(0);
    for (const text of [suppressionsFile(masked), suppressionsFile(plain)]) {
      for (const value of PERSONAL) expect(text).not.toContain(value);
    }
    expect(suppressionsFile(plain)).toBe(suppressionsFile(masked));
    expect(suppressionsFile(plain)).toContain('"path": "/principal/*"');
    // And the run without --no-redact finds the file written with it covers everything.
    expect(problems((await run(plain, ['filings'])).report)).toEqual([]);
  });

  it('--suppressions-location names another file, relative to which entries name their files', async () => {
    const dir = project();
    await run(dir, ['--suppress-all', '--suppressions-location', 'filings/known.json', 'filings']);
    expect(existsSync(join(dir, 'beianlint-suppressions.json'))).toBe(false);
    const written = JSON.parse(readFileSync(join(dir, 'filings', 'known.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(written.files)).toEqual(['batch.json']);
    const after = await run(dir, ['--suppressions-location', 'filings/known.json', 'filings']);
    expect(problems(after.report)).toEqual([]);
    // The suppressions file is no filing: it is not linted, though it is in the folder linted.
    expect(after.report.map((r) => r.filePath)).toEqual(['filings/batch.json']);
    // Without it, the default file (absent here) applies: everything is reported.
    expect(problems((await run(dir, ['filings'])).report)).not.toEqual([]);
  });

  it('a suppressions file that is not one stops the run, in the locale', async () => {
    const dir = project();
    writeFileSync(join(dir, 'beianlint-suppressions.json'), '{"files": []}');
    const result = await run(dir, ['--locale', 'zh-CN', 'filings']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('beianlint: beianlint-suppressions.json：不是 beianlint 的抑制文件（version, files）\n');
  });
});

describe('suppressionPath', () => {
  it('keeps the fields the filing format declares, and writes * from the first it does not', () => {
    expect(suppressionPath('')).toBe('');
    expect(suppressionPath('/owner/address')).toBe('/owner/address');
    expect(suppressionPath('/websites/3/domains/0/name')).toBe('/websites/3/domains/0/name');
    expect(suppressionPath('/13812345678')).toBe('/*');
    expect(suppressionPath('/principal/李*/110101********7777')).toBe('/principal/*');
  });
});
