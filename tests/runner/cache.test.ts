import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { patched } from '../support/records.js';
import { HEADER_BYTES } from '../../src/runner/cache-keys.js';
import { TEST_NOW } from '../support/lint.js';

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-cache-'));
  // a.json has a problem of its own; b.jsonl and c.json are clean, but share
  // a's filing id and domain, so batch rules report on them.
  writeFileSync(join(dir, 'a.json'), JSON.stringify(patched('individual-draft', { unset: ['/principal/name'] }), null, 2));
  const b = [patched('enterprise-approved', { set: { '/filingId': 'F-2026-0002' } }), patched('enterprise-approved', { set: { '/filingId': 'F-B2' } })];
  writeFileSync(join(dir, 'b.jsonl'), b.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(dir, 'c.json'), JSON.stringify([patched('government-verified'), patched('individual-draft', {
      set: {
        '/filingId': 'F-C2',
        '/owner/name': '王五',
        '/owner/document/holder': '王五',
        '/principal/name': '王五',
        '/principal/document/holder': '王五',
        '/websites/0/domains/0/registrant': '王五',
        '/websites/0/domains/0/name': 'wangwu.cn',
      },
    })], null, 2));
  return dir;
}

const FILES = ['a.json', 'b.jsonl', 'c.json'];

describe('--cache', () => {
  it('gives the same results from the cache, batch messages on cached files included', async () => {
    const dir = project();
    const run = (concurrency: 'off' | 2 = 'off') =>
      lintFiles(FILES, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, cacheLocation: '.beianlintcache', concurrency });
    const first = await run();
    const uncached = await lintFiles(FILES, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir });
    expect(first.map((r) => r.messages)).toEqual(uncached.map((r) => r.messages));
    expect(first[1]!.messages.map((m) => m.ruleId)).toContain('batch-duplicate-filing-id');
    expect(first[2]!.messages.map((m) => m.ruleId)).toContain('batch-identity-conflict');
    const cache = JSON.parse(readFileSync(join(dir, '.beianlintcache'), 'utf8'));
    expect(Object.keys(cache.files).map((f) => f.slice(dir.length + 1)).sort()).toEqual(['b.jsonl', 'c.json']);
    const second = await run();
    expect(second.map((r) => r.messages)).toEqual(first.map((r) => r.messages));
    const parallel = await run(2);
    expect(parallel.map((r) => r.messages)).toEqual(first.map((r) => r.messages));
  });

  it('caches a clean file of any size, its keys in a key file, on one thread and with workers', async () => {
    // 4,500 copies of one clean filing: more records than one thread hands the cache at once, and
    // every copy after the first a repeat that only the cached keys can report on the next run.
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-cache-'));
    const line = JSON.stringify(patched('enterprise-approved'));
    writeFileSync(join(dir, 'copies.jsonl'), `${line}\n`.repeat(4500));
    const lint = (concurrency: 'off' | 2, cacheLocation?: string) =>
      lintFiles(['copies.jsonl'], { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, concurrency, chunkBytes: 256 * 1024, ...(cacheLocation ? { cacheLocation } : {}) });
    const uncached = await lint('off');
    expect(uncached[0]!.messages.filter((m) => m.ruleId === 'batch-duplicate-filing-id')).toHaveLength(4499);
    for (const concurrency of ['off', 2] as const) {
      const location = `cache-${concurrency}.json`;
      const first = await lint(concurrency, location);
      expect(first.map((r) => r.messages), String(concurrency)).toEqual(uncached.map((r) => r.messages));
      const index = JSON.parse(readFileSync(join(dir, location), 'utf8'));
      const entry = index.files[join(dir, 'copies.jsonl')];
      expect(entry.keys.records, String(concurrency)).toBe(4500);
      expect(statSync(join(dir, `${location}.keys`)).size).toBeGreaterThan(entry.keys.bytes);
      // The record count shows the second run read the cache, which still gives every repeat.
      entry.stats.records = 999;
      writeFileSync(join(dir, location), JSON.stringify(index));
      const second = await lint(concurrency, location);
      expect(second[0]!.stats?.records).toBe(999);
      expect(second.map((r) => r.messages), String(concurrency)).toEqual(uncached.map((r) => r.messages));
    }
  });

  it('works out a record\'s batch keys once on one thread, for the batch and the cache both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-cache-'));
    const lines = [1, 2, 3].map((i) => JSON.stringify(patched('enterprise-approved', { set: { '/filingId': `F-K${i}` } })));
    writeFileSync(join(dir, 'k.jsonl'), `${lines.join('\n')}\n`);
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    let calls = 0;
    const batchKeys = linter.batchKeys.bind(linter);
    linter.batchKeys = (value) => {
      calls++;
      return batchKeys(value);
    };
    const results = await lintFiles(['k.jsonl'], { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(results[0]!.messages).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).files[join(dir, 'k.jsonl')].keys.records).toBe(3);
    expect(calls).toBe(3);
  });

  it('is used only for unchanged content, and keeps no personal data', async () => {
    const dir = project();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    const text = readFileSync(join(dir, 'cache.json'), 'utf8');
    for (const value of ['11010519850612123X', '440305199008152342', '13812345678', '13912345678', '张三', '李四', '王五', '@']) {
      expect(text.includes(value), value).toBe(false);
    }
    // A tampered record count shows whether a run read the cache.
    const cache = JSON.parse(text);
    cache.files[join(dir, 'c.json')].stats.records = 999;
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(cache));
    const reused = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(reused[2]!.stats?.records).toBe(999);
    writeFileSync(join(dir, 'c.json'), readFileSync(join(dir, 'c.json'), 'utf8') + '\n');
    const changed = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(changed[2]!.stats?.records).toBe(2);
  });

  it('treats an entry whose keys are changed, cut short or gone as a miss, and lints the file again', async () => {
    const dir = project();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const first = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    const entry = index.files[join(dir, 'c.json')];
    entry.stats.records = 999;
    const keys = readFileSync(join(dir, 'cache.json.keys'));
    const damages: Array<[string, () => void]> = [
      ['a byte of its keys changed', () => {
        const changed = Buffer.from(keys);
        changed[entry.keys.at + 8]! ^= 0x40;
        writeFileSync(join(dir, 'cache.json.keys'), changed);
      }],
      ['its keys cut short', () => writeFileSync(join(dir, 'cache.json.keys'), keys.subarray(0, entry.keys.at + entry.keys.bytes - 4))],
      ['the key file gone', () => rmSync(join(dir, 'cache.json.keys'))],
      ['its place edited', () => {
        writeFileSync(join(dir, 'cache.json.keys'), keys);
        const edited = JSON.parse(JSON.stringify(index));
        edited.files[join(dir, 'c.json')].keys.at = 'x';
        writeFileSync(join(dir, 'cache.json'), JSON.stringify(edited));
      }],
    ];
    for (const [what, damage] of damages) {
      writeFileSync(join(dir, 'cache.json'), JSON.stringify(index));
      damage();
      const again = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
      expect(again[2]!.stats?.records, what).toBe(2);
      expect(again.map((r) => r.messages), what).toEqual(first.map((r) => r.messages));
      // The run wrote the cache again, with the file's keys as they should be.
      writeFileSync(join(dir, 'cache.json.keys'), keys);
    }
  });

  it('leaves the key file alone when a run only reads the cache, and copies the blocks it keeps when it writes', async () => {
    const dir = project();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const first = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    const keys = readFileSync(join(dir, 'cache.json.keys'));
    const mtime = statSync(join(dir, 'cache.json.keys')).mtimeMs;
    await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(statSync(join(dir, 'cache.json.keys')).mtimeMs).toBe(mtime);
    // A new clean file makes a new key file; b.jsonl's and c.json's blocks are carried over as they were.
    writeFileSync(join(dir, 'd.json'), JSON.stringify(patched('government-verified', { set: { '/filingId': 'F-D1' } }), null, 2));
    const withD = await lintFiles([...FILES, 'd.json'], { linter, cwd: dir, cacheLocation: 'cache.json' });
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    expect(Object.keys(index.files).map((f) => f.slice(dir.length + 1)).sort()).toEqual(['b.jsonl', 'c.json', 'd.json']);
    const rewritten = readFileSync(join(dir, 'cache.json.keys'));
    expect(rewritten.equals(keys)).toBe(false);
    const fromCache = await lintFiles([...FILES, 'd.json'], { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(fromCache.map((r) => r.messages)).toEqual(withD.map((r) => r.messages));
    expect(withD.slice(0, 3).map((r) => r.messages.filter((m) => m.ruleId.startsWith('batch-')).length)).toEqual(first.map((r) => r.messages.filter((m) => m.ruleId.startsWith('batch-')).length));
  });

  it('drops, when it writes a new key file, the entry of a file not in the run whose block changed', async () => {
    const dir = project();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    const index = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    const c = index.files[join(dir, 'c.json')].keys;
    const keys = readFileSync(join(dir, 'cache.json.keys'));
    keys[c.at + 4]! ^= 1;
    writeFileSync(join(dir, 'cache.json.keys'), keys);
    // c.json is not in this run; d.json is new, so the key file is written again.
    writeFileSync(join(dir, 'd.json'), JSON.stringify(patched('government-verified', { set: { '/filingId': 'F-D1' } }), null, 2));
    await lintFiles(['b.jsonl', 'd.json'], { linter, cwd: dir, cacheLocation: 'cache.json' });
    const after = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    expect(Object.keys(after.files).map((f) => f.slice(dir.length + 1)).sort()).toEqual(['b.jsonl', 'd.json']);
    const blocks = Object.values(after.files).map((e) => (e as { keys: { bytes: number } }).keys.bytes);
    expect(statSync(join(dir, 'cache.json.keys')).size).toBe(HEADER_BYTES + blocks.reduce((a, b) => a + b, 0));
  });

  it('puts its file inside a folder it is given, named for the working directory', async () => {
    const dir = project();
    const lint = (cacheLocation: string, cwd = dir) => lintFiles(FILES.map((f) => join(dir, f)), { linter: createLinter({ config: false, now: TEST_NOW, cwd }), cwd, cacheLocation });
    const first = await lint('caches/');
    const names = readdirSync(join(dir, 'caches')).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^\.beianlintcache-[0-9a-f]{12}$/);
    expect(names[1]).toBe(`${names[0]}.keys`);
    // The folder exists now: named without the separator, it is still a folder.
    expect((await lint('caches')).map((r) => r.messages)).toEqual(first.map((r) => r.messages));
    expect(readdirSync(join(dir, 'caches')).sort()).toEqual(names);
    // Another project sharing the folder gets a file of its own.
    const other = mkdtempSync(join(tmpdir(), 'beianlint-cache-'));
    await lint(join(dir, 'caches'), other);
    expect(readdirSync(join(dir, 'caches'))).toHaveLength(4);
  });

  it('returns the results when the cache cannot be written, and says why', async () => {
    const dir = project();
    writeFileSync(join(dir, 'not-a-folder'), '');
    const uncached = await lintFiles(FILES, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir });
    const errors: string[] = [];
    const results = await lintFiles(FILES, {
      linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }),
      cwd: dir,
      cacheLocation: 'not-a-folder/cache.json',
      onCacheError: (e, file) => errors.push(`${file}: ${(e as NodeJS.ErrnoException).code}`),
    });
    expect(results.map((r) => r.messages)).toEqual(uncached.map((r) => r.messages));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/not-a-folder[\\/]cache\.json: E[A-Z]+$/);
  });

  it('holds a clean file for the day it was linted and later days, not for an earlier --now', async () => {
    const dir = project();
    const lint = (now: Date, cacheLocation?: string) =>
      lintFiles(['b.jsonl'], { linter: createLinter({ config: false, now, cwd: dir }), cwd: dir, ...(cacheLocation ? { cacheLocation } : {}) });
    expect((await lint(TEST_NOW, 'cache.json'))[0]!.errorCount).toBe(0);
    // A later day reads the entry (a tampered record count shows it).
    const cache = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    const entry = cache.files[join(dir, 'b.jsonl')];
    expect(entry.asOf).toBe(TEST_NOW.getTime());
    entry.stats.records = 999;
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(cache));
    expect((await lint(new Date(TEST_NOW.getTime() + 90 * 86_400_000), 'cache.json'))[0]!.stats?.records).toBe(999);
    // Before the principal was born, the ID number's birth date is in the future: the file is linted again.
    const earlier = new Date('1970-01-01T00:00:00+08:00');
    const uncached = await lint(earlier);
    expect(uncached[0]!.messages.map((m) => m.ruleId)).toContain('document-number');
    const cached = await lint(earlier, 'cache.json');
    expect(cached[0]!.messages).toEqual(uncached[0]!.messages);
    expect(cached[0]!.stats?.records).toBe(2);
  });

  it('holds a clean draft no later than the day a document it judged against today expires', async () => {
    const dir = project();
    const draft = patched('individual-draft', { set: { '/principal/document/validUntil': '2027-01-01' } });
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
    const lint = (now: string, cacheLocation?: string) =>
      lintFiles(['draft.json'], { linter: createLinter({ config: false, now: new Date(now), cwd: dir }), cwd: dir, ...(cacheLocation ? { cacheLocation } : {}) });
    expect((await lint('2026-11-29T12:00:00+08:00', 'cache.json'))[0]!.errorCount).toBe(0);
    const entry = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).files[join(dir, 'draft.json')];
    expect(entry.stats.holdsThrough).toBe('2027-01-01');
    // On its last valid day the entry holds; the day after, the expired document is found.
    expect((await lint('2027-01-01T23:00:00+08:00', 'cache.json'))[0]!.errorCount).toBe(0);
    const later = await lint('2027-06-01T12:00:00+08:00', 'cache.json');
    expect(later[0]!.messages.map((m) => `${m.ruleId} ${m.path}`)).toEqual(['document-validity /principal/document/validUntil']);
    expect(later[0]!.messages).toEqual((await lint('2027-06-01T12:00:00+08:00'))[0]!.messages);
  });

  it('starts afresh under another --max-file-size, which decides whether a file is read at all', async () => {
    const dir = project();
    const lint = (maxFileSize?: number) =>
      lintFiles(['c.json'], { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, cacheLocation: 'cache.json', ...(maxFileSize ? { maxFileSize } : {}) });
    expect((await lint())[0]!.errorCount).toBe(0);
    const small = await lint(1024);
    expect(small[0]!.messages.map((m) => m.message)).toEqual([expect.stringContaining('--max-file-size')]);
  });

  it('starts afresh when the rules or their settings change', async () => {
    const dir = project();
    await lintFiles(FILES, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir, cacheLocation: 'cache.json' });
    const cache = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    cache.files[join(dir, 'c.json')].stats.records = 999;
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(cache));
    const other = createLinter({ config: false, now: TEST_NOW, cwd: dir, rules: { 'fallback-document': 'off' } });
    const results = await lintFiles(FILES, { linter: other, cwd: dir, cacheLocation: 'cache.json' });
    expect(results[2]!.stats?.records).toBe(2);
  });
});
