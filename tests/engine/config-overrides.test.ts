import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinter, DEFAULT_FILING_FILES, linterFor, ruleInfoOfRun } from '../../src/engine/index.js';
import { lintFiles, lintText } from '../../src/runner/index.js';
import { runMainIn } from '../support/cli.js';

// Issue 17: `overrides` by file glob. A file's rules are the config's, then
// each override whose `files` match it, in order; --rule wins over all.
// Batch rules compare records across files and cannot be overridden.

/** A project with a config (YAML text) and, for each path given, a record `{}` (schema errors only). */
function project(config: string, empties: string[], configName = 'beianlint.config.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-overrides-'));
  writeFileSync(join(dir, configName), config);
  for (const path of empties) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '{}\n');
  }
  return dir;
}

/** Severities of each file's messages by rule, keyed by the file's path relative to the project. */
async function severities(dir: string, paths: string[], options: Parameters<typeof lintFiles>[1] = {}): Promise<Record<string, string[]>> {
  const results = await lintFiles(paths, { cwd: dir, ...options });
  return Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), [...new Set(r.messages.map((m) => `${m.ruleId}:${m.severity}`))]]));
}

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

describe('overrides', () => {
  it("applies an override's rules to the files its globs match, relative to the config's folder, and to no other", async () => {
    const dir = project('overrides:\n  - files: ["legacy/**/*.json"]\n    rules:\n      schema: warning\n', ['legacy/a.json', 'legacy/deeper/b.json', 'current/c.json']);
    expect(await severities(dir, ['legacy', 'current'])).toEqual({
      'legacy/a.json': ['schema:warning'],
      'legacy/deeper/b.json': ['schema:warning'],
      'current/c.json': ['schema:error'],
    });
  });

  it('reads a folder name as every file in it, and ! as leaving files out', async () => {
    const dir = project('overrides:\n  - files: [legacy, "!legacy/keep.json"]\n    rules: { schema: off }\n', ['legacy/a.json', 'legacy/keep.json']);
    expect(await severities(dir, ['legacy'])).toEqual({ 'legacy/a.json': [], 'legacy/keep.json': ['schema:error'] });
  });

  it('applies matching overrides in order, the later winning, and --rule over all', async () => {
    const config = 'rules:\n  schema: info\noverrides:\n  - files: ["*.json"]\n    rules: { schema: warning }\n  - files: [b.json]\n    rules: { schema: error }\n';
    const dir = project(config, ['a.json', 'b.json']);
    expect(await severities(dir, ['a.json', 'b.json'])).toEqual({ 'a.json': ['schema:warning'], 'b.json': ['schema:error'] });
    expect(await severities(dir, ['a.json', 'b.json'], { rules: { schema: 'info' } })).toEqual({ 'a.json': ['schema:info'], 'b.json': ['schema:info'] });
  });

  it('follows extends: an extended file’s overrides are relative to its own folder', async () => {
    const dir = project('extends: shared/base.yaml\n', ['shared/legacy/a.json', 'legacy/b.json']);
    writeFileSync(join(dir, 'shared', 'base.yaml'), 'overrides:\n  - files: [legacy]\n    rules: { schema: off }\n');
    expect(await severities(dir, ['shared/legacy/a.json', 'legacy/b.json'])).toEqual({ 'shared/legacy/a.json': [], 'legacy/b.json': ['schema:error'] });
  });

  it('gives the same results on worker threads as on one', async () => {
    const dir = project('overrides:\n  - files: [legacy]\n    rules: { schema: warning }\n', ['legacy/a.json', 'current/c.json']);
    const one = await severities(dir, ['legacy', 'current']);
    expect(await severities(dir, ['legacy', 'current'], { concurrency: 2 })).toEqual(one);
  });

  it('applies to a text linted on its own (an editor buffer) by its path', () => {
    const dir = project('overrides:\n  - files: [legacy]\n    rules: { schema: off }\n', []);
    const linter = createLinter({ cwd: dir });
    expect(lintText('{}', { filePath: join(dir, 'legacy', 'x.json'), linter }).messages).toEqual([]);
    expect(lintText('{}', { filePath: join(dir, 'other', 'x.json'), linter }).messages.length).toBeGreaterThan(0);
    // One linter per set of matching overrides, made once.
    expect(linterFor(linter, join(dir, 'legacy', 'a.json'))).toBe(linterFor(linter, join(dir, 'legacy', 'b.json')));
    expect(linterFor(linter, join(dir, 'other', 'x.json'))).toBe(linter);
  });

  it('lists for the reports a rule that only an override turns on, once a file it matches was linted', () => {
    const dir = project('rules: { fallback-document: off }\noverrides:\n  - files: [strict]\n    rules: { fallback-document: error }\n', []);
    const linter = createLinter({ cwd: dir });
    const severityOf = (info: Array<{ id: string; severity: string }>) => info.find((r) => r.id === 'fallback-document')?.severity;
    expect(severityOf(ruleInfoOfRun(linter))).toBeUndefined();
    expect(severityOf(linterFor(linter, join(dir, 'strict', 'a.json')).ruleInfo())).toBe('error');
    expect(severityOf(ruleInfoOfRun(linter))).toBe('error');
  });
});

describe('a config file among the filings', () => {
  it('is not linted as a filing when its folder is', async () => {
    const dir = project('rules: { schema: warning }\n', ['a.yaml']);
    writeFileSync(join(dir, '.beianlintrc.json'), '{}');
    const results = await lintFiles(['.'], { cwd: dir, config: join(dir, 'beianlint.config.yaml') });
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['a.yaml']);
  });
});

describe('errors in overrides name the file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a batch rule', 'overrides:\n  - files: [a]\n    rules:\n      batch-duplicate-domain: off\n', /^beianlint\.config\.yaml:4: "batch-duplicate-domain" is a batch rule: .*set it in the top-level rules$/],
    ['an unknown rule, with did-you-mean', 'overrides:\n  - files: [a]\n    rules:\n      shema: off\n', /^beianlint\.config\.yaml:4: unknown rule "shema"; did you mean "schema"\?$/],
    ['a wrong severity', 'overrides:\n  - files: [a]\n    rules:\n      schema: loud\n', /^beianlint\.config\.yaml:4: rule "schema": "loud" is not a severity/],
    ['a misspelt field', 'overrides:\n  - file: [a]\n    rules: {}\n', /^beianlint\.config\.yaml:2: unknown field "file" at \/overrides\/0; did you mean "files"\?$/],
  ];
  for (const [what, config, expected] of cases) {
    it(what, async () => {
      const dir = project(config, ['a.json']);
      const r = await runMainIn(dir, ['--locale', 'en', 'a.json']);
      expect(r.status).toBe(2);
      expect(r.stderr.replace(/^beianlint: /, '').trim()).toMatch(expected);
    });
  }

  it('says a batch rule in zh-CN', async () => {
    const dir = project('overrides:\n  - files: [a]\n    rules:\n      batch-duplicate-domain: off\n', ['a.json']);
    const r = await runMainIn(dir, ['--locale', 'zh-CN', 'a.json']);
    expect(r.stderr).toContain('beianlint.config.yaml:4："batch-duplicate-domain" 是批量规则');
  });
});

describe('--print-config shows what a file gets', () => {
  it('names the overrides applied and their severities', async () => {
    const dir = project('overrides:\n  - files: [legacy]\n    rules: { schema: warning }\n', ['legacy/a.json', 'b.json']);
    const legacy = JSON.parse((await runMainIn(dir, ['--print-config', 'legacy/a.json'])).stdout) as { from: string[]; rules: Record<string, { severity: string }> };
    expect(legacy.from).toEqual(['beianlint.config.yaml', 'beianlint.config.yaml overrides[0]']);
    expect(legacy.rules.schema!.severity).toBe('warning');
    const other = JSON.parse((await runMainIn(dir, ['--print-config', 'b.json'])).stdout) as { from: string[]; rules: Record<string, { severity: string }> };
    expect(other.from).toEqual(['beianlint.config.yaml']);
    expect(other.rules.schema!.severity).toBe('error');
  });

  it("shows the filing files the editor lints: the config's files, relative to its folder, or the default", async () => {
    const dir = project('files: [exports, "*.filing.yaml"]\n', ['exports/a.json']);
    const shown = JSON.parse((await runMainIn(join(dir, 'exports'), ['--print-config', 'a.json'])).stdout) as { files: { base: string; patterns: string[] } };
    expect(shown.files).toEqual({ base: '..', patterns: ['exports', '*.filing.yaml'] });
    const none = project('{}\n', ['a.json'], 'beianlint.config.json');
    const byDefault = JSON.parse((await runMainIn(none, ['--print-config', 'a.json'])).stdout) as { files: { patterns: string[] } };
    expect(byDefault.files.patterns).toEqual(DEFAULT_FILING_FILES);
  });
});
