import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { Collected } from '../support/cli.js';

// Issue 21: the command line ends every run with a status and, at most, a line
// on stderr; never a stack trace. Most of these call main() from src/ with
// stand-in streams; the last ones spawn the built binary (npm test builds
// first) on a real closed pipe and a real full device.

const CLEAN_RECORD = fileURLToPath(new URL('../fixtures/records/individual-draft.json', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/beianlint.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FORMATS = 'stylish, compact, json, sarif, junit, github, summary, html, checkstyle, gitlab, csv';

/** A scratch folder with a clean record (clean.json) and one that has errors (bad.json). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-cli-streams-'));
  copyFileSync(CLEAN_RECORD, join(dir, 'clean.json'));
  writeFileSync(join(dir, 'bad.json'), '{}\n');
  return dir;
}

/** A stream that keeps what is written to it. */
/** A stream whose writes fail with `code`, as a closed pipe (EPIPE) or a full disk (ENOSPC) does, after `acceptedWrites` good ones. */
class Failing extends Writable {
  /** Writes asked for, and writes that reached the device. */
  attempts = 0;
  writes = 0;
  constructor(
    private readonly code: string,
    private readonly acceptedWrites = 0,
  ) {
    super();
  }
  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    this.attempts++;
    return super.write(chunk, encoding as BufferEncoding, callback as (error?: Error | null) => void);
  }
  override _write(_chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writes++;
    if (this.writes <= this.acceptedWrites) callback();
    else callback(Object.assign(new Error(`${this.code}: write failed`), { code: this.code }));
  }
}

/** Copies of bad.json, `count` of them: enough for a stylish report of several pieces (a piece is some hundred lines). */
function manyBad(dir: string, count = 80): string[] {
  mkdirSync(join(dir, 'many'), { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const copy = join(dir, 'many', `bad-${i}.json`);
    copyFileSync(join(dir, 'bad.json'), copy);
    return copy;
  });
}

/** main() on stand-in streams, with no config file and English unless the arguments say otherwise. */
async function runMain(args: string[], stdout: Writable = new Collected(), stderr: Writable = new Collected()): Promise<{ status: number; stdout: string; stderr: string }> {
  const status = await main(['--no-config', ...(args.includes('--locale') ? [] : ['--locale', 'en']), ...args], { stdout, stderr });
  // A failed write's 'error' event comes a tick later; let it come, so that one left unheard fails the test.
  await new Promise((resolve) => setImmediate(resolve));
  return { status, stdout: stdout instanceof Collected ? stdout.text : '', stderr: stderr instanceof Collected ? stderr.text : '' };
}

describe('standard output that cannot be written', () => {
  it('ends quietly with the run’s own status when the reader has gone (EPIPE)', async () => {
    const dir = scratch();
    const withErrors = await runMain([join(dir, 'bad.json')], new Failing('EPIPE'));
    expect(withErrors).toMatchObject({ status: 1, stderr: '' });
    const clean = await runMain([join(dir, 'clean.json')], new Failing('EPIPE'));
    expect(clean).toMatchObject({ status: 0, stderr: '' });
    // `| head -1`: the first piece is read, the pipe closes under the rest of the report.
    const afterOnePiece = new Failing('EPIPE', 1);
    expect(await runMain(manyBad(dir), afterOnePiece)).toMatchObject({ status: 1, stderr: '' });
    expect(afterOnePiece.writes).toBe(2);
  });

  it('stops writing at the first failure', async () => {
    const dir = scratch();
    const whole = new Collected();
    await runMain(manyBad(dir), whole);
    expect(whole.writes).toBeGreaterThan(2);
    const broken = new Failing('EPIPE');
    expect((await runMain(manyBad(dir), broken)).status).toBe(1);
    expect(broken.attempts).toBe(1);
  });

  it('says so in one line, in the user’s language, and exits 2 on any other failure (ENOSPC)', async () => {
    const dir = scratch();
    expect(await runMain([join(dir, 'bad.json')], new Failing('ENOSPC'))).toMatchObject({ status: 2, stderr: 'beianlint: cannot write to standard output: ENOSPC\n' });
    expect(await runMain(['--locale', 'zh-CN', join(dir, 'bad.json')], new Failing('ENOSPC'))).toMatchObject({ status: 2, stderr: 'beianlint: 无法写入标准输出：ENOSPC\n' });
    expect(await runMain(manyBad(dir), new Failing('EIO', 1))).toMatchObject({ status: 2, stderr: 'beianlint: cannot write to standard output: EIO\n' });
    expect(await runMain(['--help'], new Failing('ENOSPC'))).toMatchObject({ status: 2, stderr: 'beianlint: cannot write to standard output: ENOSPC\n' });
    expect(await runMain(['--version'], new Failing('EPIPE'))).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('standard error that cannot be written', () => {
  it('costs the run nothing but the line: the status stands', async () => {
    const dir = scratch();
    expect((await runMain(['--frobnicate', 'a.json'], new Collected(), new Failing('EPIPE'))).status).toBe(2);
    expect((await runMain(['-f', 'xml', join(dir, 'clean.json')], new Collected(), new Failing('EPIPE'))).status).toBe(2);
    expect((await runMain([join(dir, 'bad.json')], new Failing('ENOSPC'), new Failing('ENOSPC'))).status).toBe(2);
    expect((await runMain([join(dir, 'bad.json')], new Failing('EPIPE'), new Failing('EPIPE'))).status).toBe(1);
    const throwing = Object.assign(new Collected(), {
      write(): boolean {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    expect((await runMain(['--frobnicate'], new Collected(), throwing)).status).toBe(2);
  });
});

describe('-f takes only a real format', () => {
  it.each([['constructor'], ['__proto__'], ['valueOf'], ['toString'], ['hasOwnProperty']])('-f %s is a usage error naming the formats', async (name) => {
    const dir = scratch();
    const r = await runMain(['-f', name, join(dir, 'bad.json')]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `beianlint: unknown format "${name}"; use ${FORMATS}\n` });
    const zh = await runMain(['--locale', 'zh-CN', '-f', name, join(dir, 'bad.json')]);
    expect(zh.stderr).toBe(`beianlint: 未知的报告格式 "${name}"；可用：${FORMATS}\n`);
  });

  it('still takes every real one', async () => {
    const dir = scratch();
    for (const name of FORMATS.split(', ')) expect((await runMain(['-f', name, join(dir, 'clean.json')])).status, name).toBe(0);
  });
});

describe('--now takes only a day that exists', () => {
  function usageError(args: string[]): UsageError | undefined {
    try {
      parseCliArgs(args);
      return undefined;
    } catch (e) {
      return e as UsageError;
    }
  }

  it.each([['2026-02-31'], ['2026-13-01'], ['2025-02-29'], ['2026-04-31'], ['2026-00-10'], ['2026-01-00'], ['26-01-01']])('refuses --now %s', (day) => {
    const e = usageError(['--now', day, 'a.json']);
    expect(e).toBeInstanceOf(UsageError);
    expect(e!.text).toEqual({ en: `--now expects a date like 2026-11-29, not "${day}"`, 'zh-CN': `--now 须为日期，例如 2026-11-29，不能是 "${day}"` });
  });

  it('takes a leap day and the last of a month, at noon in China', () => {
    expect(parseCliArgs(['--now', '2024-02-29', 'a.json']).now?.toISOString()).toBe('2024-02-29T04:00:00.000Z');
    expect(parseCliArgs(['--now', '2026-12-31', 'a.json']).now?.toISOString()).toBe('2026-12-31T04:00:00.000Z');
  });

  it('exits 2 on one from the command line', async () => {
    const dir = scratch();
    expect(await runMain(['--now', '2026-02-31', join(dir, 'clean.json')])).toEqual({ status: 2, stdout: '', stderr: 'beianlint: --now expects a date like 2026-11-29, not "2026-02-31"\n' });
  });
});

describe('--max-warnings -1', () => {
  it('parses as no limit, as --max-warnings=-1 does', () => {
    expect(parseCliArgs(['--max-warnings', '-1', 'a.json'])).toMatchObject({ maxWarnings: -1, paths: ['a.json'] });
    expect(parseCliArgs(['--max-warnings=-1', 'a.json'])).toMatchObject({ maxWarnings: -1, paths: ['a.json'] });
    expect(parseCliArgs(['--max-warnings', '3', 'a.json']).maxWarnings).toBe(3);
  });

  it('refuses another negative number with its own reason, and leaves arguments after -- alone', () => {
    expect(() => parseCliArgs(['--max-warnings', '-2', 'a.json'])).toThrow('--max-warnings must be a whole number, not "-2"');
    expect(parseCliArgs(['--', '--max-warnings', '-1']).paths).toEqual(['--max-warnings', '-1']);
  });
});

describe('-o onto a file being linted', () => {
  /** Runs with -o `target` and expects the refusal, with every file of `dir` left byte for byte. */
  async function expectRefused(dir: string, target: string, inputs: string[]): Promise<void> {
    const files = ['clean.json', 'bad.json'].map((name) => join(dir, name));
    const before = files.map((f) => readFileSync(f));
    const r = await runMain(['-f', 'json', '-o', target, ...inputs]);
    expect(r, target).toEqual({ status: 2, stdout: '', stderr: `beianlint: will not write the report to ${target}: it is one of the files being linted\n` });
    expect(files.map((f) => readFileSync(f))).toEqual(before);
    const zh = await runMain(['--locale', 'zh-CN', '-f', 'json', '-o', target, ...inputs]);
    expect(zh.stderr).toBe(`beianlint: 不会把报告写入 ${target}：它是被检查的文件之一\n`);
  }

  it('refuses it by its path, through a symbolic link, and through `..`', async () => {
    const dir = scratch();
    const bad = join(dir, 'bad.json');
    await expectRefused(dir, bad, [join(dir, 'clean.json'), bad]);
    symlinkSync(bad, join(dir, 'link.json'));
    await expectRefused(dir, join(dir, 'link.json'), [bad]);
    mkdirSync(join(dir, 'a'));
    await expectRefused(dir, `${relative(process.cwd(), dir)}/a/../bad.json`, [join(dir, 'clean.json'), bad]);
    // The input named through the link, the report aimed at the file itself.
    await expectRefused(dir, bad, [join(dir, 'link.json')]);
  });

  it('refuses it when the file was found in a folder', async () => {
    const dir = scratch();
    await expectRefused(dir, join(dir, 'clean.json'), [dir]);
  });

  it('writes a report that is no input, over an old report too', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'report.txt'), 'the last report');
    expect((await runMain(['-f', 'json', '-o', join(dir, 'report.txt'), join(dir, 'clean.json')])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.txt'), 'utf8'))[0].errorCount).toBe(0);
  });
});

describe('the built binary on real streams', () => {
  const env = { PATH: process.env.PATH ?? '', LANG: 'C' };

  /** Spawns beianlint with standard output and/or error closed by the reader before it writes. */
  async function runClosed(args: string[], closed: { stdout?: boolean; stderr?: boolean }): Promise<{ status: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: EXAMPLES, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (closed.stdout) child.stdout.destroy();
    else child.stdout.resume();
    let stderr = '';
    if (closed.stderr) child.stderr.destroy();
    else child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const [status] = (await once(child, 'close')) as [number | null];
    return { status, stderr };
  }

  it('ends quietly with status 1 on `| head -1` (EPIPE)', async () => {
    expect(await runClosed(['.'], { stdout: true })).toEqual({ status: 1, stderr: '' });
  });

  it('exits 2 on a usage error with standard error closed', async () => {
    expect((await runClosed(['--frobnicate'], { stderr: true })).status).toBe(2);
    expect((await runClosed(['.'], { stdout: true, stderr: true })).status).toBe(1);
  });

  it.skipIf(!existsSync('/dev/full'))('says ENOSPC in one line and exits 2 on a full device', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, '.'], { cwd: EXAMPLES, env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('beianlint: cannot write to standard output: ENOSPC\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('stderr lines', () => {
  it('show control and bidirectional characters of what they quote escaped, one line each', async () => {
    const { main } = await import('../../src/cli/main.js');
    const chunks: string[] = [];
    const stderr = new (await import('node:stream')).Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const stdout = new (await import('node:stream')).Writable({ write: (_c, _e, done) => done() });
    const status = await main(['-f', 'x\u001b[2J\u202e\nforged.json: line 1, col 1, Error - forged', 'a.json'], { stdout, stderr } as never);
    expect(status).toBe(2);
    const text = chunks.join('');
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toContain('\\u001B[2J');
  });
});
