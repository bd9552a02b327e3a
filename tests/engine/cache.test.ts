import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, lintFiles } from '../../src/engine/index.js';
import { patched } from '../support/records.js';
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

  it('does not cache a clean file with more batch keys than it keeps, and its results are unchanged', async () => {
    // Each of b.jsonl's and c.json's two records has a few dozen numbers of keys: a limit of 50 holds one record's, not two.
    for (const concurrency of ['off', 2] as const) {
      const dir = project();
      const uncached = await lintFiles(FILES, { linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }), cwd: dir });
      // chunkBytes splits b.jsonl into one unit per record in the parallel run, so the limit is passed across units.
      const options = { cwd: dir, cacheLocation: 'cache.json', cacheKeyNumbers: 50, concurrency, chunkBytes: 64 };
      const limited = await lintFiles(FILES, { ...options, linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }) });
      expect(limited.map((r) => r.messages), String(concurrency)).toEqual(uncached.map((r) => r.messages));
      expect(Object.keys(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).files), String(concurrency)).toEqual([]);
      // With room for them, the same files are cached.
      await lintFiles(FILES, { ...options, cacheKeyNumbers: 500, linter: createLinter({ config: false, now: TEST_NOW, cwd: dir }) });
      expect(Object.keys(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).files), String(concurrency)).toHaveLength(2);
    }
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

  it('treats an entry whose keys are malformed as a miss, and lints the file again', async () => {
    const dir = project();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const first = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    const cache = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
    const entry = cache.files[join(dir, 'c.json')];
    entry.stats.records = 999;
    entry.keys.rows[entry.keys.rows.length - 1] = 99; // a key of a record the entry does not have
    writeFileSync(join(dir, 'cache.json'), JSON.stringify(cache));
    const again = await lintFiles(FILES, { linter, cwd: dir, cacheLocation: 'cache.json' });
    expect(again[2]!.stats?.records).toBe(2);
    expect(again.map((r) => r.messages)).toEqual(first.map((r) => r.messages));
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
