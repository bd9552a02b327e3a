import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.js';

// These spawn the built binary (npm test builds first), as a user's shell or CI would.
const BIN = fileURLToPath(new URL('../../bin/beianlint.js', import.meta.url));
const RECORDS = new URL('../fixtures/records/', import.meta.url);
const POSITIONS = new URL('../fixtures/positions/', import.meta.url);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? workdir(),
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch project with the canonical records in it. */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-cli-'));
  for (const name of ['enterprise-approved', 'individual-draft', 'government-verified']) {
    copyFileSync(new URL(`${name}.json`, RECORDS), join(dir, `${name}.json`));
  }
  return dir;
}

function record(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, RECORDS), 'utf8'));
}

function jsonOut(r: Run): Array<{ filePath: string; errorCount: number; warningCount: number; messages: Array<Record<string, any>> }> {
  return JSON.parse(r.stdout);
}

describe('beianlint CLI', () => {
  it('prints its version and help, exit 0', () => {
    const v = run(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    const h = run(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('--max-warnings');
    expect(h.stdout).toContain('Usage: beianlint');
  });

  it('gives its help in Chinese when asked, or when the environment is Chinese, with every option of the English one', () => {
    const en = run(['--help']).stdout;
    for (const zh of [run(['--help', '--locale', 'zh-CN']), run(['--help'], { env: { LANG: 'zh_CN.UTF-8' } })]) {
      expect(zh.status).toBe(0);
      expect(zh.stdout).toContain('用法：beianlint');
      expect(zh.stdout).toContain('退出状态');
      const options = (text: string) => [...text.matchAll(/(?<![\w-])-{1,2}[a-z][a-z-]*/g)].map((m) => m[0]);
      expect(options(zh.stdout)).toEqual(options(en));
    }
    expect(run(['--help', '--locale', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toBe(en);
  });

  it('exits 2 with a one-line reason on a bad flag, a bad value or no paths', () => {
    for (const args of [['--frobnicate', 'a.json'], ['--format', 'xml', 'a.json'], ['--rule', 'schema=loud', 'a.json'], ['--locale', 'fr', 'a.json'], []]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^beianlint: /);
      expect(r.stdout).toBe('');
    }
  });

  it('gives usage and configuration problems in Chinese when asked, or when the environment is Chinese', () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['--concurrency', 'many', '--locale', 'zh-CN', 'a.json'], {}, '--concurrency 只能是 auto、off 或线程数，不能是 "many"'],
      [['--frobnicate', '--locale=zh-CN', 'a.json'], {}, '命令行参数有误：'],
      [['--frobnicate', 'a.json'], zh, '命令行参数有误：'],
      [[], zh, '没有给出要检查的文件'],
      [['missing/*.json'], zh, '没有文件与 "missing/*.json" 匹配'],
      [['--rule', 'no-such-rule=error', 'a.json'], zh, '未知的规则 "no-such-rule"'],
      // The flag wins over the environment, both ways.
      [['--locale', 'en', 'missing/*.json'], zh, 'no files match "missing/*.json"'],
    ];
    for (const [args, env, expected] of cases) {
      const r = run(args, { env });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`beianlint: ${expected}`);
    }
  });

  it('exits 2 when a path or glob matches nothing', () => {
    const r = run(['missing/*.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no files match');
  });

  it('exits 0 and prints nothing for clean filings', () => {
    const r = run(['enterprise-approved.json', 'individual-draft.json', 'government-verified.json']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 1 on an error and reports it with file:line:col in stylish', () => {
    const dir = workdir();
    const bad = record('individual-draft');
    delete bad.principal.name;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad, null, 2));
    const r = run(['bad.json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(join(dir, 'bad.json'));
    expect(r.stdout).toMatch(/^\s+\d+:\d+\s+error\s+missing required field \/principal\/name\s\s+schema$/m);
  });

  it('lints an unparsable file next to good ones and keeps the good lines of a JSONL batch', () => {
    const dir = workdir();
    const good = record('individual-draft');
    writeFileSync(join(dir, 'batch.jsonl'), [JSON.stringify({ ...good, filingId: 'A' }), '{"filingId": "B", ', JSON.stringify({ ...good, filingId: 'C', stage: 'nope' })].join('\n'));
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1,,}');
    const r = run(['--format', 'json', 'broken.json', 'batch.jsonl', 'individual-draft.json'], { cwd: dir });
    expect(r.status).toBe(1);
    const out = jsonOut(r);
    expect(out.map((f) => f.filePath)).toEqual(['broken.json', 'batch.jsonl', 'individual-draft.json']);
    expect(out[0]!.messages.map((m) => m.ruleId)).toEqual(['parse-error']);
    expect(out[1]!.messages.filter((m) => ['parse-error', 'schema'].includes(m.ruleId)).map((m) => [m.ruleId, m.record, m.line])).toEqual([
      ['parse-error', 1, 2],
      ['schema', 2, 3],
    ]);
  });

  it('reads standard input, naming it with --stdin-filename (the extension picks the format)', () => {
    const yaml = 'schemaVersion: 1\nfilingId: S-1\nstage: draft\n';
    const r = run(['--format', 'json', '--stdin-filename', 'piped.yaml', '-'], { input: yaml });
    expect(r.status).toBe(1);
    const [file] = jsonOut(r);
    expect(file!.filePath).toBe('piped.yaml');
    expect(file!.messages.find((m) => m.path === '/owner')).toMatchObject({ ruleId: 'schema', line: 1 });
  });

  it('writes the report to --output-file and nothing to stdout', () => {
    const dir = workdir();
    const r = run(['--format', 'json', '-o', 'reports/out.json', 'individual-draft.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'reports/out.json'), 'utf8'))[0].filePath).toBe('individual-draft.json');
  });

  it('exits 2 with the reason when the report cannot be written', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'reports'));
    const r = run(['--format', 'json', '-o', 'reports', 'individual-draft.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('beianlint: cannot write the report to reports: EISDIR\n');
  });

  it('exits 2 with file:line for an invalid rule file in a configured rule directory, and lints nothing', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'my-rules'));
    writeFileSync(join(dir, 'my-rules', 'my-rule.yaml'), 'id: my-rule\nseverity: loud\nclause: 一、1\n');
    writeFileSync(join(dir, '.beianlintrc.json'), JSON.stringify({ ruleDirs: ['my-rules'] }));
    const r = run(['individual-draft.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^beianlint: my-rules\/my-rule\.yaml:\d+: /);
  });

  it('exits 2 on an unreadable or invalid config, and on an unknown rule in it', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'bad.json'), '{"rules": ');
    expect(run(['-c', 'bad.json', 'individual-draft.json'], { cwd: dir }).status).toBe(2);
    expect(run(['-c', 'nowhere.json', 'individual-draft.json'], { cwd: dir }).status).toBe(2);
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = run(['-c', 'unknown.json', 'individual-draft.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-rule');
  });

  it('applies --rule overrides, --quiet and --max-warnings to the exit status', () => {
    const dir = workdir();
    const a = record('individual-draft');
    const b: Record<string, any> = { ...record('individual-draft'), filingId: 'OTHER' };
    b.owner = { ...b.owner, name: '赵六', document: { ...b.owner.document, number: '31011519880420456X', holder: '赵六' } };
    b.principal = { ...b.principal, name: '赵六', document: { ...b.principal.document, number: '31011519880420456X', holder: '赵六' } };
    writeFileSync(join(dir, 'two.jsonl'), `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    // The same mobile for two owners' principals is a warning (batch-shared-mobile); the same domain an error.
    const base = ['--rule', 'batch-duplicate-domain=off', '--rule', 'owner-domain-consistency=off', 'two.jsonl'];
    const warned = run(['--format', 'json', ...base], { cwd: dir });
    expect(jsonOut(warned)[0]!.messages.map((m) => m.ruleId)).toContain('batch-shared-mobile');
    expect(warned.status).toBe(0);
    expect(run(['--max-warnings', '0', ...base], { cwd: dir }).status).toBe(1);
    expect(run(['--rule', 'batch-shared-mobile=error', ...base], { cwd: dir }).status).toBe(1);
    const quiet = run(['--quiet', '--format', 'json', ...base], { cwd: dir });
    expect(jsonOut(quiet)[0]!.messages.filter((m) => m.severity !== 'error')).toEqual([]);
    expect(run(['--quiet', '--max-warnings', '0', ...base], { cwd: dir }).status).toBe(0);
    expect(run(['two.jsonl'], { cwd: dir }).status).toBe(1);
  });

  it('masks identity numbers and phones unless --no-redact, and speaks the locale of LANG', () => {
    const dir = workdir();
    const a = record('individual-draft');
    const b: Record<string, any> = { ...record('individual-draft'), filingId: 'OTHER' };
    b.owner = { ...b.owner, name: '王五', document: { ...b.owner.document, holder: '王五' } };
    writeFileSync(join(dir, 'two.jsonl'), `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    const number = a.owner.document.number as string;
    const masked = run(['--rule', 'batch-duplicate-domain=off', 'two.jsonl'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(masked.stdout).toContain('batch-identity-conflict');
    expect(masked.stdout).toContain('证件号码');
    expect(masked.stdout).not.toContain(number);
    expect(masked.stdout).toContain(number.slice(0, 6) + '********' + number.slice(-4));
    const full = run(['--no-redact', '--locale', 'en', 'two.jsonl'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(full.stdout).toContain(number);
    expect(full.stdout).toContain('document number');
  });

  it('colours output only on request when not on a terminal', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'bad.json'), '{}');
    expect(run(['bad.json'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(run(['--color', 'bad.json'], { cwd: dir }).stdout).toContain('\u001b[');
  });

  it('prints the same with --concurrency 2 and with --cache, and refuses a bad --concurrency', () => {
    const dir = workdir();
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ ...record('individual-draft'), filingId: `F-${i % 25}` }));
    writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n') + '\n');
    const plain = run(['--format', 'json', '.'], { cwd: dir });
    expect(plain.status).toBe(1);
    const parallel = run(['--format', 'json', '--concurrency', '2', '.'], { cwd: dir });
    expect(parallel.stdout).toBe(plain.stdout);
    const cached = run(['--format', 'json', '--cache', '.'], { cwd: dir });
    const again = run(['--format', 'json', '--cache', '.'], { cwd: dir });
    expect(cached.stdout).toBe(plain.stdout);
    expect(again.stdout).toBe(plain.stdout);
    expect(readFileSync(join(dir, '.beianlintcache'), 'utf8')).toContain('government-verified.json');
    expect(run(['--concurrency', 'many', '.'], { cwd: dir }).status).toBe(2);
    // A cache that cannot be written is said, in the user's language, and the run's report and status stand.
    writeFileSync(join(dir, 'a-file'), '');
    const unwritable = run(['--format', 'json', '--cache-location', 'a-file/cache', '.'], { cwd: dir });
    expect(unwritable.status).toBe(1);
    expect(unwritable.stdout).toBe(plain.stdout);
    expect(unwritable.stderr).toMatch(/^beianlint: could not write the cache a-file\/cache \(E[A-Z]+: .*a-file.*\); the results are not affected\n$/);
    const zh = run(['--format', 'json', '--cache-location', 'a-file/cache', '.'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('无法写入缓存 a-file/cache');
  });

  it('expands directories in sorted order, skipping node_modules', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'package.json'), '{}');
    const r = run(['--format', 'json', '.'], { cwd: dir });
    expect(jsonOut(r).map((f) => f.filePath)).toEqual(['enterprise-approved.json', 'government-verified.json', 'individual-draft.json']);
  });
});

describe('positions in the json output (golden)', () => {
  // Only the structural rules, so the golden shows positions, not the rule catalogue.
  const STRUCTURAL = new Set(['schema', 'parse-error', 'duplicate-key']);

  it.each([['crlf-cjk.json'], ['batch.jsonl'], ['yaml-docs.yaml']])('%s', (name) => {
    const cwd = fileURLToPath(POSITIONS);
    const r = run(['--format', 'json', '--locale', 'en', name], { cwd });
    expect(r.stderr).toBe('');
    const [file] = jsonOut(r);
    const rows = file!.messages.filter((m) => STRUCTURAL.has(m.ruleId as string));
    expectGolden(JSON.stringify(rows, null, 1) + '\n', new URL(`golden/${name}.json`, POSITIONS));
  });
});
