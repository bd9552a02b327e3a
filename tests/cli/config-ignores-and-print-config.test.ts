import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runMainIn } from '../support/cli.js';

// Issue 17: ignores in the config and --ignore-pattern, ESLint's severity
// words in --rule, and --print-config. main() runs from src/ in-process, in
// the project folder (the config is found from the working directory).

const CLEAN_RECORD = fileURLToPath(new URL('../fixtures/records/individual-draft.json', import.meta.url));

/** A project: a config (YAML text, at its root), clean.json, and a record with errors at each path of `bad`. */
function project(config: string, bad: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-cli-config-'));
  writeFileSync(join(dir, 'beianlint.config.yaml'), config);
  mkdirSync(join(dir, 'filings'));
  copyFileSync(CLEAN_RECORD, join(dir, 'filings', 'clean.json'));
  for (const path of bad) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '{}\n');
  }
  return dir;
}

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

function runIn(cwd: string, args: string[]): ReturnType<typeof runMainIn> {
  return runMainIn(cwd, [...(args.includes('--locale') ? [] : ['--locale', 'en']), ...args]);
}

/** The files a JSON report covers, as it names them: relative to the working directory. */
function linted(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath).sort();
}

describe('ignores', () => {
  it("leaves out what the config's ignores name, relative to the config's folder, from a subfolder too", async () => {
    const dir = project('ignores:\n  - filings/old\n  - "**/*.draft.json"\n', ['filings/old/a.json', 'filings/old/deeper/b.json', 'filings/c.draft.json', 'filings/new/d.json']);
    const fromRoot = await runIn(dir, ['-f', 'json', 'filings']);
    expect(linted(fromRoot.stdout)).toEqual(['filings/clean.json', 'filings/new/d.json']);
    const fromSub = await runIn(join(dir, 'filings'), ['-f', 'json', '.', '*.json']);
    expect(linted(fromSub.stdout)).toEqual(['clean.json', 'new/d.json']);
  });

  it('adds --ignore-pattern, relative to the working directory, and un-ignores with !', async () => {
    const dir = project('ignores: ["filings/old/**", "!filings/old/keep.json"]\n', ['filings/old/a.json', 'filings/old/keep.json', 'filings/new/d.json']);
    const r = await runIn(dir, ['-f', 'json', '--ignore-pattern', 'filings/new/*.json', 'filings']);
    expect(linted(r.stdout)).toEqual(['filings/clean.json', 'filings/old/keep.json']);
  });

  it('skips a file named on the command line that is ignored, with a warning on stderr', async () => {
    const dir = project('ignores: [filings/bad.json]\n', ['filings/bad.json']);
    const r = await runIn(dir, ['-f', 'json', 'filings/bad.json', 'filings/clean.json']);
    expect(r.status).toBe(0);
    expect(linted(r.stdout)).toEqual(['filings/clean.json']);
    expect(r.stderr).toBe('beianlint: warning: filings/bad.json: file ignored because of a matching ignore pattern (ignores, --ignore-pattern)\n');
    const zh = await runIn(dir, ['--locale', 'zh-CN', '-f', 'json', 'filings/bad.json', 'filings/clean.json']);
    expect(zh.stderr).toBe('beianlint: 警告：filings/bad.json：与忽略模式（ignores、--ignore-pattern）匹配，已跳过\n');
  });

  it('is a usage error when every file of a folder or glob is ignored', async () => {
    const dir = project('locale: en\n', ['filings/old/a.json']);
    const folder = await runIn(dir, ['--ignore-pattern', 'filings/old', 'filings/old']);
    expect(folder).toMatchObject({ status: 2, stderr: 'beianlint: every file in the folder "filings/old" is ignored (ignores, --ignore-pattern)\n' });
    const glob = await runIn(dir, ['--ignore-pattern', '**/a.json', 'filings/old/*.json']);
    expect(glob).toMatchObject({ status: 2, stderr: 'beianlint: every file matching "filings/old/*.json" is ignored (ignores, --ignore-pattern)\n' });
  });
});

describe('--rule severities', () => {
  it("takes ESLint's warn and 0, 1, 2, and lists what is allowed for a wrong one", async () => {
    const dir = project('locale: en\n', ['filings/bad.json']);
    expect((await runIn(dir, ['--rule', 'schema=0', '--rule', 'required-contacts=0', 'filings/bad.json'])).status).toBe(0);
    const warned = await runIn(dir, ['-f', 'json', '--rule', 'schema=warn', 'filings/bad.json']);
    const severities = (JSON.parse(warned.stdout) as Array<{ messages: Array<{ ruleId: string; severity: string }> }>)[0]!.messages.filter((m) => m.ruleId === 'schema').map((m) => m.severity);
    expect(new Set(severities)).toEqual(new Set(['warning']));
    const wrong = await runIn(dir, ['--rule', 'schema=loud', 'filings/bad.json']);
    expect(wrong).toMatchObject({ status: 2, stderr: 'beianlint: --rule expects id=severity, not "schema=loud"; a severity is one of off, info, warning (or warn), error, 0 (off), 1 (warning), 2 (error)\n' });
    const unknown = await runIn(dir, ['--rule', 'schemaa=off', 'filings/bad.json']);
    expect(unknown).toMatchObject({ status: 2, stderr: 'beianlint: unknown rule "schemaa"; did you mean "schema"?\n' });
  });
});

describe('--print-config', () => {
  it('prints the effective config for a file as JSON, after presets, the config and --rule', async () => {
    const dir = project('extends: beianlint:provider\nignores: [filings/old]\nrules:\n  whitespace: 1\n', ['filings/old/a.json']);
    const r = await runIn(join(dir, 'filings'), ['--print-config', 'clean.json', '--rule', 'photo-spec=off']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as Record<string, any>;
    expect(printed).toMatchObject({ file: 'clean.json', ignored: false, from: ['beianlint:provider', '../beianlint.config.yaml'], locale: 'en', ruleDirs: [] });
    expect(printed.ignores).toEqual([{ base: '..', patterns: ['filings/old'] }]);
    expect(printed.rules['bureau-review-deadline']).toEqual({ severity: 'off', options: expect.objectContaining({ days: 20 }) });
    expect(printed.rules.whitespace.severity).toBe('warning');
    expect(printed.rules['photo-spec'].severity).toBe('off');
    expect(printed.rules.schema).toEqual({ severity: 'error' });
    const ignored = await runIn(join(dir, 'filings'), ['--print-config', 'old/a.json']);
    expect(JSON.parse(ignored.stdout)).toMatchObject({ file: 'old/a.json', ignored: true });
  });

  it('says file:line for a wrong severity in the config, in Chinese too', async () => {
    const dir = project('locale: zh-CN\nrules:\n  whitespace: loud\n');
    const r = await runIn(dir, ['--locale', 'zh-CN', '--print-config', 'filings/clean.json']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('beianlint: beianlint.config.yaml:3：规则 "whitespace"："loud" 不是严重程度；可用 off、info、warning（或 warn）、error、0（off）、1（warning）、2（error）\n');
  });
});
