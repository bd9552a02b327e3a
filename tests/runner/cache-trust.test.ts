import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, createLinter } from '../../src/engine/index.js';
import { digestFile, unchangedSinceDigest } from '../../src/runner/cache.js';
import { removeStaleKeyFiles } from '../../src/runner/cache-keys.js';
import { lintFiles, type RunOptions } from '../../src/runner/index.js';
import { patched } from '../support/records.js';
import { TEST_NOW } from '../support/lint.js';

// A cache entry says "this content was linted and found clean". These tests
// are the ways it could say so falsely, or do harm where it is kept.

const CLEAN = JSON.stringify(patched('government-verified'), null, 2);
/** Another filing, clean on its own; without its principal's name, not. */
const OTHER_CLEAN = JSON.stringify(patched('enterprise-approved', { set: { '/filingId': 'F-T2', '/websites/0/domains/0/name': 'other-example.cn' } }), null, 2);
const OTHER_DIRTY = JSON.stringify(patched('enterprise-approved', { set: { '/filingId': 'F-T2', '/websites/0/domains/0/name': 'other-example.cn' }, unset: ['/principal/name'] }), null, 2);

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'beianlint-cache-trust-'));
}

function lint(dir: string, files: string[], options: Partial<RunOptions> = {}) {
  return lintFiles(files, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, ...options });
}

describe('--cache keeps only what it linted', () => {
  it('does not keep a file that changed between its digest and its lint', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'first.json'), CLEAN);
    writeFileSync(join(dir, 'raced.json'), OTHER_DIRTY);
    const files = ['first.json', 'raced.json'];
    const dirty = await lint(dir, files);
    expect(dirty[0]!.messages).toEqual([]);
    expect(dirty[1]!.errorCount).toBeGreaterThan(0);
    // The plan digests both files first; once first.json is linted, raced.json is saved clean,
    // so the run lints content other than what it digested.
    let saved = false;
    const raced = await lint(dir, files, {
      cacheLocation: 'cache.json',
      onProgress: () => {
        if (saved) return;
        saved = true;
        writeFileSync(join(dir, 'raced.json'), OTHER_CLEAN);
      },
    });
    expect(saved).toBe(true);
    expect(raced[1]!.messages).toEqual([]);
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    expect(Object.keys(index.files)).toEqual([join(dir, 'first.json')]);
    // The dirty content comes back (an undo, a checkout): its errors are found, not hidden.
    writeFileSync(join(dir, 'raced.json'), OTHER_DIRTY);
    const again = await lint(dir, files, { cacheLocation: 'cache.json' });
    expect(again.map((r) => r.messages)).toEqual(dirty.map((r) => r.messages));
  });

  it('digests again a file changed so recently that a change within its timestamps\' granularity would not show', () => {
    const dir = folder();
    const path = join(dir, 'recent.json');
    writeFileSync(path, CLEAN);
    const digest = digestFile(path)!;
    expect(digest.racy).toBe(true);
    expect(unchangedSinceDigest(path, digest)).toBe(true);
    // Same size, times, inode and device, other bytes: what a second write within one tick of a
    // coarse clock leaves. Only the content tells.
    expect(unchangedSinceDigest(path, { ...digest, hash: 'not the digest of its bytes' })).toBe(false);
    // Last changed well before its digest: its stat is enough, and its content is not read again.
    expect(unchangedSinceDigest(path, { ...digest, hash: 'not the digest of its bytes', racy: false })).toBe(true);
    // Any change to its stat is a change.
    writeFileSync(path, `${CLEAN}\n`);
    expect(unchangedSinceDigest(path, { ...digest, racy: false })).toBe(false);
  });
});

describe('--cache writes only files of its own', () => {
  it('writes through new files, never through a name planted in its folder', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.json'), CLEAN);
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    // The names a run used to write through, as another user of a shared cache folder can plant them.
    for (const name of [`cache.json.${process.pid}.tmp`, `cache.json.keys.${process.pid}.tmp`]) symlinkSync(join(dir, 'victim.txt'), join(dir, name));
    const errors: Error[] = [];
    const first = await lint(dir, ['c.json'], { cacheLocation: 'cache.json', onCacheError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'cache.json')).isFile()).toBe(true);
    expect(lstatSync(join(dir, 'cache.json.keys')).isFile()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).files)).toEqual([join(dir, 'c.json')]);
    // Nothing of the run's own is left behind.
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'cache.json', `cache.json.${process.pid}.tmp`, 'cache.json.keys', `cache.json.keys.${process.pid}.tmp`, 'victim.txt']);
    // The cache it wrote is used.
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    index.files[join(dir, 'c.json')].stats.records = 999;
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(index));
    const second = await lint(dir, ['c.json'], { cacheLocation: 'cache.json' });
    expect(second[0]!.stats?.records).toBe(999);
    expect(second.map((r) => r.messages)).toEqual(first.map((r) => r.messages));
  });

  it('refuses a location that is a link to a device, says why in both languages, and leaves it as it is', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.json'), CLEAN);
    symlinkSync(process.platform === 'win32' ? 'NUL' : '/dev/null', join(dir, 'null-cache'));
    const uncached = await lint(dir, ['c.json']);
    const errors: Array<{ error: Error; file: string }> = [];
    const results = await lint(dir, ['c.json'], { cacheLocation: 'null-cache', onCacheError: (error, file) => errors.push({ error, file }) });
    expect(results.map((r) => r.messages)).toEqual(uncached.map((r) => r.messages));
    expect(lstatSync(join(dir, 'null-cache')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'null-cache']);
    expect(errors).toHaveLength(1);
    const { error, file } = errors[0]!;
    expect(file).toBe(join(dir, 'null-cache'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).text).toEqual({
      en: `refused to replace '${join(dir, 'null-cache')}', which is not a regular file`,
      'zh-CN': `拒绝替换 '${join(dir, 'null-cache')}'：它不是普通文件`,
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a location that is a FIFO, without waiting on it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.json'), CLEAN);
    execFileSync('mkfifo', [join(dir, 'fifo-cache'), join(dir, 'cache.json.keys')]);
    const errors: string[] = [];
    const results = await lint(dir, ['c.json'], { cacheLocation: 'fifo-cache', onCacheError: (e) => errors.push(e.message) });
    expect(results[0]!.messages).toEqual([]);
    expect(errors).toEqual([`refused to replace '${join(dir, 'fifo-cache')}', which is not a regular file`]);
    expect(lstatSync(join(dir, 'fifo-cache')).isFIFO()).toBe(true);
    // A key file's place that holds a FIFO: not waited on when read, not replaced when written.
    const keyErrors: string[] = [];
    await lint(dir, ['c.json'], { cacheLocation: 'cache.json', onCacheError: (e) => keyErrors.push(e.message) });
    expect(keyErrors).toEqual([`refused to replace '${join(dir, 'cache.json.keys')}', which is not a regular file`]);
    expect(lstatSync(join(dir, 'cache.json.keys')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'cache.json.keys', 'fifo-cache']);
  }, 10_000);

  it('removes the temporary key file of a run that was killed, and no other', () => {
    const dir = folder();
    // No process has pid 2^22 + 1 (Linux's largest is 2^22); this one is running.
    const dead = 2 ** 22 + 1;
    const names = ['cache.json.keys', `cache.json.keys.${dead}.0f3a9c.tmp`, `cache.json.keys.${process.pid}.0f3a9c.tmp`, `cache.json.keys.${dead}.x.tmp`, `cache.json.${dead}.0f3a9c.tmp`];
    for (const name of names) writeFileSync(join(dir, name), '');
    removeStaleKeyFiles(join(dir, 'cache.json.keys'));
    expect(readdirSync(dir).sort()).toEqual(names.filter((name) => name !== `cache.json.keys.${dead}.0f3a9c.tmp`).sort());
  });
});

describe('--cache reads an index it did not write', () => {
  it('takes an entry of the wrong shape for a miss: the file is linted again, and nothing crashes', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.json'), CLEAN);
    const first = await lint(dir, ['c.json'], { cacheLocation: 'cache.json' });
    expect(first[0]!.messages).toEqual([]);
    const written = readFileSync(join(dir, 'cache.json'), 'utf8');
    const path = join(dir, 'c.json');
    type Index = { keyFile?: string; files: Record<string, Record<string, unknown> & { stats: Record<string, unknown>; keys?: Record<string, unknown> }> };
    const damages: Array<[string, (index: Index) => void]> = [
      ['stats null', (index) => void (index.files[path]!.stats = null as never)],
      ['stats a number', (index) => void (index.files[path]!.stats = 5 as never)],
      ['a negative record count', (index) => void (index.files[path]!.records = -1)],
      ['a fractional line count', (index) => void (index.files[path]!.lines = 1.5)],
      ['a line count that is a string', (index) => void (index.files[path]!.lines = '40')],
      ['stats without groups', (index) => void delete index.files[path]!.stats.groups],
      ['a group that is not a province and a provider', (index) => void (index.files[path]!.stats.groups = [null])],
      ['a record of a group that is not there', (index) => void (index.files[path]!.stats.recordGroup = [3])],
      ['record groups that are not an array', (index) => void (index.files[path]!.stats.recordGroup = { 0: 0 })],
      ['a negative stats record count', (index) => void (index.files[path]!.stats.records = -2)],
      ['a holds-through day that is not a string', (index) => void (index.files[path]!.stats.holdsThrough = 20270101)],
      ['a hash that is not a string', (index) => void (index.files[path]!.hash = 7)],
      ['an as-of day that is not a number', (index) => void (index.files[path]!.asOf = 'today')],
      ['no key file block', (index) => void delete index.files[path]!.keys],
      ['a key file block with a negative size', (index) => void (index.files[path]!.keys!.bytes = -8)],
      ['no key file named', (index) => void delete index.keyFile],
      ['the entry null', (index) => void (index.files[path] = null as never)],
      ['the entry a string', (index) => void (index.files[path] = 'clean' as never)],
    ];
    for (const [what, damage] of damages) {
      const index = JSON.parse(written) as Index;
      // A stats record count no lint gives shows whether a run took the entry.
      if (index.files[path]!.stats) index.files[path]!.stats.records = 999;
      damage(index);
      writeFileSync(join(dir, 'cache.json'), JSON.stringify(index));
      const again = await lint(dir, ['c.json'], { cacheLocation: 'cache.json' });
      expect(again[0]!.stats?.records, what).toBe(1);
      expect(again.map((r) => r.messages), what).toEqual(first.map((r) => r.messages));
      // The run wrote the entry again, whole.
      const rewritten = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')) as Index;
      expect(rewritten.files[path]!.records, what).toBe(1);
      expect(rewritten.files[path]!.stats.records, what).toBe(1);
    }
  });

  it('drops an entry of the wrong shape of a file not in the run, and keeps the good ones', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'c.json'), CLEAN);
    writeFileSync(join(dir, 'd.json'), OTHER_CLEAN);
    await lint(dir, ['c.json', 'd.json'], { cacheLocation: 'cache.json' });
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    index.files[join(dir, 'd.json')].stats = null;
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(index));
    await lint(dir, ['c.json'], { cacheLocation: 'cache.json' });
    const after = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    expect(Object.keys(after.files)).toEqual([join(dir, 'c.json')]);
  });
});
