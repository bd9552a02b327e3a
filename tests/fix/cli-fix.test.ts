import { chmodSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithFixes } from '../../src/cli/fix.js';
import { Linter, type LintMessage, type Rule } from '../../src/engine/index.js';
import { lintText } from '../../src/runner/index.js';
import { runMainIn } from '../support/cli.js';
import { TEST_NOW, testLinter } from '../support/lint.js';
import { ruleSetOf, syntheticRule } from '../support/synthetic-rules.js';

/** These rules see the record as parsed: their fixes are of the raw value. */
const RAW = { raw: true };

const FIXTURES = new URL('../fixtures/fix/', import.meta.url);
const EXAMPLES = new URL('../../examples/', import.meta.url);
const RUN = ['--no-config', '--now', '2026-11-29'];

function tempFolder(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'beianlint-fix-')));
}

/** A temporary folder holding the examples and the fixtures of fixable slips. */
function filingsCopy(): { dir: string; files: string[] } {
  const dir = tempFolder();
  cpSync(EXAMPLES, dir, { recursive: true });
  copyFileSync(new URL('slips.yaml', FIXTURES), join(dir, 'slips.yaml'));
  const files = readdirSync(dir).filter((f) => /\.(json|jsonl|ya?ml)$/.test(f));
  return { dir, files };
}

function fixesIn(text: string, filePath: string): LintMessage[] {
  return lintText(text, { filePath, linter: testLinter() }).messages.filter((m) => m.fix);
}

/**
 * Whether `after` differs from `before` only inside the spans of the fixes
 * `before` was offered: the same lines, and on each changed line the
 * changed characters (between the longest common head and tail) inside one
 * fix's span on that line.
 */
function changedOnlyInFixedSpans(before: string, after: string, fixes: readonly LintMessage[]): boolean {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return false;
  return a.every((line, i) => {
    const other = b[i]!;
    if (line === other) return true;
    let head = 0;
    while (head < line.length && line[head] === other[head]) head++;
    let tail = 0;
    while (tail < line.length - head && tail < other.length - head && line[line.length - 1 - tail] === other[other.length - 1 - tail]) tail++;
    return fixes.some(({ fix }) => fix!.line === i + 1 && fix!.endLine === i + 1 && fix!.column - 1 <= head && line.length - tail <= fix!.endColumn - 1);
  });
}

describe('--fix', () => {
  it('leaves every example changed only inside its fixed spans, with no fixable problem left', async () => {
    const { dir, files } = filingsCopy();
    const before = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const run = await runMainIn(dir, ['--fix', '--format', 'json', ...RUN, '.']);
    expect(run.stderr).toBe('');
    let changed = 0;
    for (const file of files) {
      const original = before.get(file)!;
      const fixed = readFileSync(join(dir, file), 'utf8');
      if (fixed !== original) changed++;
      expect(changedOnlyInFixedSpans(original, fixed, fixesIn(original, join(dir, file))), file).toBe(true);
      expect(fixesIn(fixed, join(dir, file)), file).toEqual([]);
    }
    // individual-defects.yaml's ideographic space, and the planted slips.
    expect(changed).toBe(2);
    // The report is of the files as written: what was fixed is gone from it.
    const report = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; path: string }>; output?: string }>;
    const defects = report.find((r) => r.filePath === 'individual-defects.yaml')!;
    expect(defects.messages.some((m) => m.ruleId === 'whitespace')).toBe(false);
    expect(defects.messages.some((m) => m.ruleId === 'document-number')).toBe(true);
    expect(report.every((r) => r.output === undefined)).toBe(true);
  });

  it('writes by renaming a new file over the old, keeping its mode, and follows a symbolic link', async () => {
    const dir = tempFolder();
    const real = join(dir, 'real.yaml');
    copyFileSync(new URL('slips.yaml', FIXTURES), real);
    chmodSync(real, 0o640);
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const inode = statSync(real).ino;
    const run = await runMainIn(dir, ['--fix', ...RUN, 'link.yaml']);
    expect(run.stderr).toBe('');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o7777).toBe(0o640);
    expect(statSync(real).ino).not.toBe(inode);
    expect(readFileSync(real, 'utf8')).toContain("'blog'");
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('reports a file it cannot write, in both languages, leaves the original and exits 2', async () => {
    const dir = tempFolder();
    // A name so long that the temporary file beside it cannot be made, even by root.
    const name = `${'a'.repeat(245)}.yaml`;
    copyFileSync(new URL('slips.yaml', FIXTURES), join(dir, name));
    const original = readFileSync(join(dir, name), 'utf8');
    const en = await runMainIn(dir, ['--fix', ...RUN, name]);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(`beianlint: cannot write the fixed ${name} (ENAMETOOLONG); the original is unchanged\n`);
    const zh = await runMainIn(dir, ['--fix', '--locale', 'zh-CN', ...RUN, name]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe(`beianlint: 无法写入修正后的 ${name}（ENAMETOOLONG），原文件未改动\n`);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(original);
    expect(readdirSync(dir)).toEqual([name]);
    // The report is of the file as it stands, unfixed.
    expect(en.stdout).toContain('whitespace');
  });

  it('leaves the original intact when the writer fails', async () => {
    const dir = tempFolder();
    const file = join(dir, 'slips.yaml');
    copyFileSync(new URL('slips.yaml', FIXTURES), file);
    const original = readFileSync(file, 'utf8');
    const said: string[] = [];
    const linter = testLinter();
    const outcome = await lintWithFixes({
      paths: [file],
      cwd: dir,
      linter,
      dryRun: false,
      ignorePatterns: [],
      lint: async () => [],
      tell: (line) => said.push(line),
      write: () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    expect(outcome.writeFailed).toBe(true);
    expect(said).toEqual(['beianlint: cannot write the fixed slips.yaml (ENOSPC); the original is unchanged\n']);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('does not write a file that fixing would leave with more problems, and says so', async () => {
    const dir = tempFolder();
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"a": "x"}\n');
    for (const [locale, line] of [
      ['en', 'beianlint: a.json: not fixed: fixing it would add a problem\n'],
      ['zh-CN', 'beianlint: a.json：未修正，修正后问题会更多\n'],
    ] as const) {
      const said: string[] = [];
      const writes: string[] = [];
      const linter = new Linter({ ruleSet: { rules: [fixesToBad, dislikesBad], byId: new Map([fixesToBad, dislikesBad].map((r) => [r.id, r])) }, now: TEST_NOW, locale });
      await lintWithFixes({ paths: [file], cwd: dir, linter, dryRun: false, ignorePatterns: [], lint: async () => [], tell: (l) => said.push(l), write: (p) => writes.push(p) });
      expect(said).toEqual([line]);
      expect(writes).toEqual([]);
    }
  });

  it('does not fix a file too large to read whole, and says so', async () => {
    const dir = tempFolder();
    const big = readFileSync(new URL('slips.yaml', FIXTURES), 'utf8') + `# ${'x'.repeat(1100 * 1024)}\n`;
    writeFileSync(join(dir, 'big.yaml'), big);
    const en = await runMainIn(dir, ['--fix', '--max-file-size', '1', ...RUN, 'big.yaml']);
    expect(en.stderr).toContain('beianlint: big.yaml: not fixed: too large to read whole (2 MiB > 1 MiB)\n');
    const zh = await runMainIn(dir, ['--fix', '--max-file-size', '1', '--locale', 'zh-CN', ...RUN, 'big.yaml']);
    expect(zh.stderr).toContain('beianlint: big.yaml：未修正，文件过大（2 MiB > 1 MiB），无法整个读入\n');
    expect(readFileSync(join(dir, 'big.yaml'), 'utf8')).toBe(big);
  });

  it('refuses --fix with --fix-dry-run', async () => {
    const run = await runMainIn(undefined, ['--fix', '--fix-dry-run', 'examples/']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('beianlint: --fix and --fix-dry-run contradict each other\n');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing, and with --format json and --no-redact gives each changed file\'s fixed text as output', async () => {
    const { dir, files } = filingsCopy();
    const before = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const run = await runMainIn(dir, ['--fix-dry-run', '--no-redact', '--format', 'json', ...RUN, '.']);
    for (const file of files) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(before.get(file));
    expect(readdirSync(dir).sort()).toEqual([...files, 'README.md'].sort());
    const report = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }>; output?: string }>;
    const withOutput = report.filter((r) => r.output !== undefined).map((r) => r.filePath);
    expect(withOutput.sort()).toEqual(['individual-defects.yaml', 'slips.yaml']);
    const defects = report.find((r) => r.filePath === 'individual-defects.yaml')!;
    expect(defects.output).toBe(before.get('individual-defects.yaml')!.replace('"sunqi-photo.cn\\u3000"', '"sunqi-photo.cn"'));
    // Reported as if fixed: the fixed problem is gone, the others stay.
    expect(defects.messages.some((m) => m.ruleId === 'whitespace')).toBe(false);
    expect(defects.messages.some((m) => m.ruleId === 'document-number')).toBe(true);
    expect(run.stdout).not.toContain('"fix"');
    // The same report as --fix gives of the files once written.
    const written = await runMainIn(dir, ['--fix', '--no-redact', '--format', 'json', ...RUN, '.']);
    const stripped = report.map(({ output: _output, ...rest }) => rest);
    expect(JSON.parse(written.stdout)).toEqual(stripped);
  });

  it('leaves the fixed texts out of a masked report, and says so', async () => {
    const { dir } = filingsCopy();
    const run = await runMainIn(dir, ['--fix-dry-run', '--format', 'json', ...RUN, '.']);
    const report = JSON.parse(run.stdout) as Array<{ output?: string }>;
    expect(report.every((r) => r.output === undefined)).toBe(true);
    expect(run.stderr).toContain('the fixed texts hold personal data unmasked, so the report carries no output; add --no-redact for it');
  });
});

/** Offers "bad" for /a; the other rule reports /a once it reads "bad": a fix that adds a problem. */
const fixesToBad = syntheticRule('fixes-to-bad', (ctx) => {
  if ((ctx.record as { a?: unknown }).a !== 'bad') ctx.report({ path: '/a', fix: { value: 'bad' } });
}, RAW);
const dislikesBad = syntheticRule('dislikes-bad', (ctx) => {
  if ((ctx.record as { a?: unknown }).a === 'bad') ctx.report({ path: '/a' });
}, RAW);
