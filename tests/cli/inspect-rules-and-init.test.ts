import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yaml } from '../../src/input/yaml.js';
import { runMainIn } from '../support/cli.js';

// Issue 17: the rules can be read from the command line (--list-rules,
// --explain, as `ruff rule` does) and a starter config written (--init).
// These call main() from src/ in-process with stand-in streams.

/** main() in `cwd` (the working directory is what --init writes to and a config is looked up from). */
const runIn = runMainIn;

const emptyFolder = () => mkdtempSync(join(tmpdir(), 'beianlint-inspect-'));

/** The rows of a --list-rules table, split on the runs of spaces between columns. */
function rowsOf(table: string): string[][] {
  return table
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/ {2,}/));
}

describe('--list-rules', () => {
  it('lists each active rule with its severity, stage, clause and title, and exits 0', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--list-rules']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const [heading, ...rows] = rowsOf(r.stdout);
    expect(heading).toEqual(['rule', 'severity', 'from stage', 'clause', 'title']);
    expect(rows).toContainEqual(['schema', 'error', 'draft', 'whole notice', 'The record matches the filing format']);
    expect(rows.find((row) => row[0] === 'retention-period')).toEqual(['retention-period', expect.any(String), 'verified', '三、(一)4', expect.any(String)]);
    expect(rows.length).toBeGreaterThan(30);
  });

  it('speaks the locale, lining up Chinese columns by their width on a terminal', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'zh-CN', '--list-rules']);
    expect(r.status).toBe(0);
    const [heading, ...rows] = rowsOf(r.stdout);
    expect(heading).toEqual(['规则', '级别', '起始阶段', '条款', '说明']);
    expect(rows).toContainEqual(['schema', 'error', 'draft', '通知全文', '记录符合备案信息格式']);
    // The title column starts at the same terminal column on every line.
    const titleColumn = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const before = line.slice(0, line.lastIndexOf('  ') + 2);
        return Array.from(before).reduce((width, ch) => width + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
      });
    expect(new Set(titleColumn).size).toBe(1);
  });

  it('honors --rule and --config: a rule turned off is not listed, a changed severity is shown', async () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ rules: { whitespace: 'off' } }));
    const r = await runIn(dir, ['--config', 'settings.json', '--rule', 'schema=warning', '--locale', 'en', '--list-rules']);
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.map((row) => row[0])).not.toContain('whitespace');
    expect(rows.find((row) => row[0] === 'schema')?.[1]).toBe('warning');
  });
});

describe('--explain', () => {
  it('prints the rule’s title, description, clause, severity, stage and its examples as record patches', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--explain', 'schema']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const page = r.stdout;
    expect(page.startsWith('# schema: The record matches the filing format\n\nSeverity `error` · from stage `draft` · clause whole notice · scope record · rules/schema.yaml\n')).toBe(true);
    expect(page).toContain("## What it checks, and why\n\nChecks the record's structure against schemas/filing.schema.json");
    expect(page).toContain("## Failing example: the principal's name is missing\n\nStarting from the canonical record `enterprise-approved`, with:\n\n```yaml\nunset:\n  - /principal/name\n```\n\nReported at: `/principal/name`");
    expect(page).toContain('## Passing example: a complete approved enterprise filing\n\nStarting from the canonical record `enterprise-approved`, unchanged.');
    // Failing examples come before passing ones.
    expect(page.indexOf('## Failing example')).toBeLessThan(page.indexOf('## Passing example'));
    expect(page.lastIndexOf('## Failing example')).toBeLessThan(page.indexOf('## Passing example'));
  });

  it('shows a source rule’s example as the file text it is', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--explain', 'parse-error']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The JSONL text:\n\n```json\n{"schemaVersion": 1}\n{"schemaVersion": 1, "filingId": "F-2\n```');
  });

  it('speaks the locale, and shows the severity a config gives next to the default', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'zh-CN', '--rule', 'schema=warning', '--explain', 'schema']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('# schema: 记录符合备案信息格式\n\n级别 `warning`（默认 error） · 起始阶段 `draft` · 条款 通知全文 · 范围 record · rules/schema.yaml\n')).toBe(true);
    expect(r.stdout).toContain('## 检查什么，为什么\n\n按 schemas/filing.schema.json 检查记录的结构');
    expect(r.stdout).toContain("## 不通过的例子\n\n> the principal's name is missing\n\n以规范记录 `enterprise-approved` 为起点，改动如下：");
    expect(r.stdout).toContain('报告位置：`/principal/name`');
  });

  it('explains a rule that the config turned off, saying so', async () => {
    const r = await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--rule', 'whitespace=off', '--explain', 'whitespace']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# whitespace: .*\n\nSeverity `off` \(by default \w+\)/);
  });

  it('treats an unknown rule id as a usage error that names the rule meant', async () => {
    expect(await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--explain', 'shema'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'beianlint: unknown rule "shema"; did you mean schema?\n',
    });
    expect((await runIn(emptyFolder(), ['--no-config', '--locale', 'zh-CN', '--explain', 'shema'])).stderr).toBe('beianlint: 没有名为 "shema" 的规则；是否想查 schema？\n');
    expect((await runIn(emptyFolder(), ['--no-config', '--locale', 'en', '--explain', 'frobnicate'])).stderr).toBe(
      'beianlint: unknown rule "frobnicate" (beianlint --list-rules lists them)\n',
    );
  });
});

describe('--init', () => {
  it('writes beianlint.config.yaml extending the provider preset, asking nothing', async () => {
    const dir = emptyFolder();
    const r = await runIn(dir, ['--locale', 'en', '--init']);
    expect(r).toEqual({ status: 0, stdout: 'wrote beianlint.config.yaml (extends: beianlint:provider)\n', stderr: '' });
    const text = readFileSync(join(dir, 'beianlint.config.yaml'), 'utf8');
    expect(yaml().parse(text)).toEqual({ extends: 'beianlint:provider' });
    // The commented starter names the settings most projects touch first.
    for (const setting of ['# locale:', '# rules:', '#   whitespace: warning', '# ignores:']) expect(text).toContain(setting);
  });

  it('picks the bureau preset with --bureau, and comments in the locale', async () => {
    const dir = emptyFolder();
    const r = await runIn(dir, ['--locale', 'zh-CN', '--init', '--bureau']);
    expect(r).toEqual({ status: 0, stdout: '已写入 beianlint.config.yaml（extends: beianlint:bureau）\n', stderr: '' });
    const text = readFileSync(join(dir, 'beianlint.config.yaml'), 'utf8');
    expect(yaml().parse(text)).toEqual({ extends: 'beianlint:bureau' });
    expect(text).toContain('# 消息语言：zh-CN 或 en');
  });

  it('writes a config that the next run reads: the preset’s rules are the ones listed', async () => {
    for (const [flags, preset] of [[[], 'provider'], [['--bureau'], 'bureau']] as const) {
      const dir = emptyFolder();
      expect((await runIn(dir, ['--locale', 'en', '--init', ...flags])).status).toBe(0);
      const listed = await runIn(dir, ['--list-rules']);
      expect(listed.stderr, preset).toBe('');
      const withoutConfig = await runIn(dir, ['--no-config', '--list-rules']);
      expect(listed.stdout, preset).not.toBe(withoutConfig.stdout);
    }
  });

  it('refuses to overwrite a config file, or to write one beside another (exit 2)', async () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'beianlint.config.yaml'), 'locale: en\n');
    expect(await runIn(dir, ['--locale', 'en', '--init'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'beianlint: beianlint.config.yaml already exists here; --init does not overwrite a config file\n',
    });
    expect(readFileSync(join(dir, 'beianlint.config.yaml'), 'utf8')).toBe('locale: en\n');
    const other = emptyFolder();
    writeFileSync(join(other, '.beianlintrc.json'), '{}\n');
    expect((await runIn(other, ['--locale', 'zh-CN', '--init'])).stderr).toBe('beianlint: 此处已有 .beianlintrc.json；--init 不会覆盖已有的配置文件\n');
    expect(existsSync(join(other, 'beianlint.config.yaml'))).toBe(false);
  });

  it('takes --bureau only with --init', async () => {
    expect(await runIn(emptyFolder(), ['--locale', 'en', '--bureau', 'a.json'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'beianlint: --bureau goes with --init (beianlint --init --bureau)\n',
    });
  });
});
