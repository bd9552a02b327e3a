import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgsProblem, parseCliArgs, UsageError } from '../../src/cli/args.js';
import { runMainIn } from '../support/cli.js';

// Issue 17, CLI hardening: a usage error says what is wrong in the user's
// language. node's parseArgs refuses argv in English; in zh-CN that English is
// put into a Chinese sentence rather than printed bare after a Chinese word.

const CLEAN_RECORD = fileURLToPath(new URL('../fixtures/records/individual-draft.json', import.meta.url));

function runMain(args: string[]): ReturnType<typeof runMainIn> {
  return runMainIn(undefined, ['--no-config', ...args]);
}

/** The usage error parseCliArgs throws for argv. */
function usageErrorOf(argv: string[]): UsageError {
  try {
    parseCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`${argv.join(' ')} parsed without a usage error`);
}

describe('--stdin-filename without "-"', () => {
  it('is a usage error that says standard input is not being read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-stdin-filename-'));
    copyFileSync(CLEAN_RECORD, join(dir, 'clean.json'));
    expect(await runMain(['--locale', 'en', '--stdin-filename', 'piped.yaml', join(dir, 'clean.json')])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'beianlint: --stdin-filename names the input read from standard input, but "-" is not among the paths; add "-" to lint standard input\n',
    });
    expect((await runMain(['--locale', 'zh-CN', '--stdin-filename=piped.yaml', join(dir, 'clean.json')])).stderr).toBe(
      'beianlint: --stdin-filename 为从标准输入读入的内容命名，但路径中没有 "-"；要检查标准输入，请加上 "-"\n',
    );
  });

  it('is taken with "-" among the paths, and defaults to stdin.json without the flag', () => {
    expect(parseCliArgs(['--stdin-filename', 'piped.yaml', 'a.json', '-']).stdinFilename).toBe('piped.yaml');
    expect(parseCliArgs(['-']).stdinFilename).toBe('stdin.json');
  });
});

describe('parseArgs’s refusals, in Chinese', () => {
  // Each argv with the Chinese sentence expected; the English stays node's own.
  const cases: Array<[string[], string, RegExp]> = [
    [['--format'], '命令行参数有误：选项 --format 缺少取值', /^Option '-f, --format <value>' argument missing/],
    [['-f'], '命令行参数有误：选项 --format 缺少取值', /argument missing/],
    [['a.json', '--rule'], '命令行参数有误：选项 --rule 缺少取值', /^Option '--rule <value>' argument missing/],
    [['--quiet=yes', 'a.json'], '命令行参数有误：选项 --quiet 不接受取值', /does not take an argument/],
    [['--format', '--quiet', 'a.json'], '命令行参数有误：选项 --format 后面是另一个选项，而不是它的取值；取值确实以 - 开头时，请用 = 连写，例如 --format=-x', /argument is ambiguous/],
    [['--frobnicate', 'a.json'], `命令行参数有误：没有选项 '--frobnicate'（以 - 开头的路径请写在 -- 之后，例如 -- "--frobnicate"）`, /^Unknown option '--frobnicate'/],
  ];

  it.each(cases)('%j reads as a Chinese sentence', (argv, zh, en) => {
    const error = usageErrorOf(argv);
    expect(error.text['zh-CN']).toBe(zh);
    expect(error.text.en).toMatch(en);
  });

  it('leaves no English sentence of node’s inside any of them', () => {
    for (const [argv] of cases) expect(usageErrorOf(argv).text['zh-CN'], argv.join(' ')).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
  });

  it('quotes a message node may add later after a Chinese lead-in, rather than running it into a sentence', () => {
    expect(parseArgsProblem("Option '--x' is something new")).toEqual({
      en: "Option '--x' is something new",
      'zh-CN': "命令行参数有误（Node.js 原文）：“Option '--x' is something new”",
    });
    expect(parseArgsProblem("Unexpected argument 'a.json'. This command does not take positional arguments")['zh-CN']).toBe("命令行参数有误：多余的参数 'a.json'");
  });

  it('reaches stderr in the locale asked for', async () => {
    expect(await runMain(['--locale', 'zh-CN', '--format'])).toEqual({ status: 2, stdout: '', stderr: 'beianlint: 命令行参数有误：选项 --format 缺少取值\n' });
  });
});

describe('config errors, in Chinese', () => {
  /** The zh-CN error for a config file holding `config` (YAML), and the English one. */
  async function configErrors(config: string): Promise<{ en: string; zh: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-config-zh-'));
    writeFileSync(join(dir, 'beianlint.config.yaml'), config);
    copyFileSync(CLEAN_RECORD, join(dir, 'clean.json'));
    const en = await runMainIn(dir, ['--locale', 'en', 'clean.json']);
    const zh = await runMainIn(dir, ['--locale', 'zh-CN', 'clean.json']);
    expect([en.status, zh.status]).toEqual([2, 2]);
    return { en: en.stderr, zh: zh.stderr };
  }

  // Each breaks a different schema keyword of schemas/config.schema.json; the values and names quoted are the user's.
  const configs: Array<[string, string, string]> = [
    ['an enum', 'locale: fr\n', 'beianlint: beianlint.config.yaml:1：配置无效：/locale 的值是 "fr"；应为以下之一：zh-CN, en\n'],
    ['a type', 'ignores: filings/old\n', 'beianlint: beianlint.config.yaml:1：配置无效：/ignores 的类型应为 数组，实际是 "filings/old"\n'],
    ['a missing field', 'overrides:\n  - rules: {}\n', 'beianlint: beianlint.config.yaml:2：配置无效：/overrides/0 处缺少必填字段 "files"\n'],
    ['a minimum count', 'overrides:\n  - files: []\n    rules: {}\n', 'beianlint: beianlint.config.yaml:2：配置无效：/overrides/0/files 至少要有 1 项\n'],
  ];
  for (const [what, config, zh] of configs) {
    it(`says ${what} without English words`, async () => {
      const errors = await configErrors(config);
      expect(errors.zh).toBe(zh);
      expect(errors.en).toMatch(/^beianlint: beianlint\.config\.yaml:\d+: /);
    });
  }

  it("says a rule's invalid options in Chinese", async () => {
    const errors = await configErrors('rules:\n  on-site-deadline: { options: { months: "one" } }\n');
    expect(errors.zh).not.toMatch(/\b(must|expected|missing|type)\b/);
  });
});
