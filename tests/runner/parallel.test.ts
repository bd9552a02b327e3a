import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/index.js';
import { errorsOnly, lintFiles, messagesOf, threadsFor, type RunProgress } from '../../src/runner/index.js';
import { compact } from '../../src/formatters/compact.js';
import { json } from '../../src/formatters/json.js';
import { summary } from '../../src/formatters/summary.js';
import { ResultsInOrder, workerOldGenerationMb } from '../../src/runner/pool.js';
import { noUnitKeys } from '../../src/runner/batch.js';
import { StatsCollector } from '../../src/engine/stats.js';
import type { JsonArrayScanState, UnitResult, WorkUnit } from '../../src/runner/units.js';
import { patched } from '../support/records.js';
import { TEST_NOW } from '../support/lint.js';

// Worker threads run the built engine (dist/, which npm test builds first).
// Whatever the number of threads, a run must say exactly the same.
function batchDir(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-par-'));
  const lines: string[] = [];
  for (let i = 0; i < 120; i++) {
    const r = patched(i % 3 === 0 ? 'enterprise-approved' : 'individual-draft', { set: { '/filingId': `F-${i % 50}` } });
    if (i % 17 === 5) (r.principal as { contacts: { mobile: string } }).contacts.mobile = '12345';
    // A repeated key names the line of its first occurrence: the file's line, in any chunk.
    const text = JSON.stringify(r);
    lines.push(i % 29 === 7 ? '{"filingId": "broken",' : i % 13 === 4 ? `{"stage": "draft", ${text.slice(1)}` : text);
    if (i % 31 === 3) lines.push('');
  }
  // Lone CRs end lines too: a chunk's first line is counted as a reader counts them.
  writeFileSync(join(dir, 'a.jsonl'), lines.slice(0, 60).join('\n') + '\r' + lines.slice(60).join('\n') + '\n');
  writeFileSync(join(dir, 'b.json'), JSON.stringify([patched('individual-draft', { set: { '/filingId': 'F-3' } }), patched('government-verified')], null, 2));
  writeFileSync(join(dir, 'c.jsonl'), lines.slice(0, 10).join('\r\n'));
  return { dir, files: ['a.jsonl', 'b.json', 'c.jsonl'] };
}

describe('a parallel run', () => {
  it('reports exactly what a single-threaded run reports, batch rules across chunks included', async () => {
    const { dir, files } = batchDir();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const single = await lintFiles(files, { linter, cwd: dir, concurrency: 'off' });
    const parallel = await lintFiles(files, { linter, cwd: dir, concurrency: 2, chunkBytes: 8 * 1024 });
    expect(single.flatMap((r) => r.messages).filter((m) => m.ruleId.startsWith('batch-')).length).toBeGreaterThan(50);
    const repeatedKeys = single[0]!.messages.filter((m) => m.ruleId === 'duplicate-key');
    expect(repeatedKeys.length).toBeGreaterThan(5);
    // In a JSONL record the first occurrence is on the record's own line.
    for (const m of repeatedKeys) expect(m.message).toContain(`line ${m.line}`);
    expect(parallel.map((r) => r.messages)).toEqual(single.map((r) => r.messages));
    expect(parallel.map((r) => r.stats)).toEqual(single.map((r) => r.stats));
  });

  it('reports the same when the batch keys go through a temporary file', async () => {
    const { dir, files } = batchDir();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const inMemory = await lintFiles(files, { linter, cwd: dir, concurrency: 'off' });
    const spilled = await lintFiles(files, { linter, cwd: dir, concurrency: 'off', batchMemoryBytes: 1 });
    const spilledParallel = await lintFiles(files, { linter, cwd: dir, concurrency: 2, chunkBytes: 8 * 1024, batchMemoryBytes: 1 });
    expect(spilled.map((r) => r.messages)).toEqual(inMemory.map((r) => r.messages));
    expect(spilledParallel.map((r) => r.messages)).toEqual(inMemory.map((r) => r.messages));
  });

  it('reports the same when messages go through a temporary file, and the report reads them from it', async () => {
    const { dir, files } = batchDir();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const inMemory = await lintFiles(files, { linter, cwd: dir, concurrency: 'off' });
    const context = { cwd: dir, color: false, locale: 'en' as const };
    for (const run of [
      { concurrency: 'off' as const, messagesInMemory: 1 },
      { concurrency: 'off' as const, messagesInMemory: 7 },
      { concurrency: 2, chunkBytes: 8 * 1024, messagesInMemory: 5 },
    ]) {
      const spilled = await lintFiles(files, { linter, cwd: dir, ...run });
      // The large file's messages did not stay in memory: the report streams them.
      expect(Array.isArray(messagesOf(spilled[0]!))).toBe(false);
      expect([...json.chunks(spilled, context)].join('')).toBe(json(inMemory, context));
      expect(spilled.map(errorsOnly).map((r) => [...messagesOf(r)])).toEqual(inMemory.map(errorsOnly).map((r) => r.messages));
      expect(summary(spilled, context)).toBe(summary(inMemory, context));
      expect(spilled).toEqual(inMemory);
    }
    // The json, compact and summary reports never read a spilled file's messages all at once.
    const spilled = await lintFiles(files, { linter, cwd: dir, concurrency: 'off', messagesInMemory: 1 });
    for (const r of spilled) Object.defineProperty(r, 'messages', { get: () => expect.fail('messages read all at once') });
    expect([...json.chunks(spilled, context)].join('')).toBe(json(inMemory, context));
    expect([...compact.chunks(spilled, context)].join('')).toBe(compact(inMemory, context));
    expect(summary(spilled, context)).toBe(summary(inMemory, context));
  });

  it('tells how far the batch rules are once every record is linted', async () => {
    const { dir, files } = batchDir();
    const seen: Array<NonNullable<RunProgress['batch']>> = [];
    const results = await lintFiles(files, { config: false, now: TEST_NOW, cwd: dir, onProgress: (p) => p.batch && seen.push(p.batch) });
    const repeats = results.flatMap((r) => r.messages).filter((m) => m.ruleId.startsWith('batch-')).length;
    expect(seen[0]).toEqual({ written: 0, total: repeats });
  });

  it('reports the same for a directory of one-filing files, several held by each worker at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-par-'));
    const files: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = patched(i % 2 ? 'enterprise-approved' : 'individual-draft', { set: { '/filingId': `F-${i % 7}` } });
      files.push(`f${String(i).padStart(2, '0')}.json`);
      writeFileSync(join(dir, files[i]!), i % 13 === 4 ? '{"filingId": ' : JSON.stringify(r, null, 2));
    }
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const single = await lintFiles([dir], { linter, cwd: dir, concurrency: 'off' });
    const parallel = await lintFiles([dir], { linter, cwd: dir, concurrency: 2 });
    const starved = await lintFiles([dir], { linter, cwd: dir, concurrency: 2, workerHeapMb: 2 });
    expect(single.map((r) => r.filePath)).toEqual(files.map((f) => join(dir, f)));
    expect(single.flatMap((r) => r.messages).filter((m) => m.ruleId === 'batch-duplicate-filing-id').length).toBeGreaterThan(40);
    expect(parallel).toEqual(single);
    expect(starved).toEqual(single);
  });

  it('reports the same for a JSON array read an element at a time as for one read whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-par-'));
    const records = Array.from({ length: 40 }, (_, i) => patched(i % 2 ? 'enterprise-approved' : 'individual-draft', { set: { '/filingId': `F-${i % 9}` } }));
    const text = JSON.stringify(records, null, 2).replace('"F-3"', '"F-3", "filingId": "F-4"').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'batch.json'), text);
    writeFileSync(join(dir, 'broken.json'), text.slice(0, -10));
    const files = ['batch.json', 'broken.json'];
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const whole = await lintFiles(files, { linter, cwd: dir, concurrency: 'off' });
    const streamed = await lintFiles(files, { linter, cwd: dir, concurrency: 'off', streamJsonBytes: 0 });
    // In worker threads, the array is cut into ranges of elements, as JSONL is cut into ranges of lines.
    const streamedParallel = await lintFiles(files, { linter, cwd: dir, concurrency: 2, streamJsonBytes: 0, chunkBytes: 8 * 1024 });
    const ids = whole[0]!.messages.map((m) => m.ruleId);
    expect(ids).toContain('batch-duplicate-filing-id');
    expect(ids).toContain('duplicate-key');
    expect(whole[1]!.messages.map((m) => m.ruleId)).toContain('parse-error');
    expect(streamed[0]).toEqual(whole[0]);
    expect(streamedParallel[0]).toEqual(whole[0]);
    // A streamed array whose end is cut off (inside its 40th filing) is read up to the break, its last message.
    const broken = streamed[1]!.messages;
    expect(broken.filter((m) => m.ruleId === 'parse-error')).toEqual([expect.objectContaining({ record: 39, severity: 'error' })]);
    expect(new Set(broken.filter((m) => m.ruleId !== 'parse-error').map((m) => m.record)).size).toBeGreaterThan(30);
    expect(streamedParallel[1]).toEqual(streamed[1]);
  });

  it('hands out a large array\'s ranges while its first pass reads on, and lints up to the break when the array breaks late', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-par-'));
    const records = Array.from({ length: 2600 }, (_, i) => patched(i % 2 ? 'enterprise-approved' : 'individual-draft', { set: { '/filingId': `F-${i % 700}` } }));
    const text = JSON.stringify(records, null, 2);
    // More than one step of the first pass (4 MiB): ranges go to the workers before the end is read.
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    writeFileSync(join(dir, 'batch.json'), text);
    // Cut inside its last filing: not an array after all, found only at the end.
    writeFileSync(join(dir, 'broken.json'), text.slice(0, -3));
    // A file after them, whose repeated filing id is reported against the first file's.
    writeFileSync(join(dir, 'after.jsonl'), `${JSON.stringify(records[5])}\n`);
    const files = ['batch.json', 'broken.json', 'after.jsonl'];
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const single = await lintFiles(files, { linter, cwd: dir, concurrency: 'off', streamJsonBytes: 0 });
    // The broken array's elements before the break are linted; the break is its last message.
    const broken = single[1]!.messages;
    expect(broken.at(-1)).toMatchObject({ ruleId: 'parse-error', record: 2599 });
    expect(broken.some((m) => m.ruleId === 'batch-duplicate-filing-id' && m.record > 2000)).toBe(true);
    expect(single[2]!.messages.map((m) => m.ruleId)).toContain('batch-duplicate-filing-id');
    const progress: RunProgress[] = [];
    const parallel = await lintFiles(files, { linter, cwd: dir, concurrency: 2, streamJsonBytes: 0, chunkBytes: 256 * 1024, onProgress: (p) => !p.batch && progress.push(p) });
    expect(parallel).toEqual(single);
    // Progress counts each range when it comes back (the broken array's, if any came back before its
    // pass failed, are taken back; ResultsInOrder's test holds that): it ends at the run's records, and
    // its bytes (a range counts its elements, not the punctuation between ranges).
    const last = progress[progress.length - 1]!;
    expect(last.records).toBe(parallel.reduce((n, r) => n + r.stats!.records, 0));
    expect(last.bytes).toBeLessThanOrEqual(last.totalBytes);
    expect(last.bytes).toBeGreaterThan(0.999 * last.totalBytes);
  });

  it('applies results in unit order, holding a JSON array\'s ranges until its first pass ends and dropping them if it failed', () => {
    for (const end of ['done', 'failed'] as const) {
      const scan: JsonArrayScanState = { state: 'scanning' };
      const units: WorkUnit[] = [
        { kind: 'jsonl', id: 0, file: 0, filePath: 'a.jsonl', bytes: 1 },
        { kind: 'json-array-range', id: 1, file: 1, filePath: 'b.json', bytes: 1, scan },
        { kind: 'json-array-range', id: 2, file: 1, filePath: 'b.json', bytes: 1, scan },
        { kind: 'whole-file', id: 3, file: 1, filePath: 'b.json', bytes: 1, here: true },
        { kind: 'whole-file', id: 4, file: 2, filePath: 'c.json', bytes: 1 },
      ];
      const applied: number[] = [];
      const dropped: number[] = [];
      const inOrder = new ResultsInOrder(units, (unit) => applied.push(unit.id), (unit) => dropped.push(unit.id));
      const result = (id: number): UnitResult => ({ id, messages: [], records: 1, lines: 1, stats: new StatsCollector().result(), keys: noUnitKeys() });
      inOrder.set(4, result(4));
      inOrder.set(2, result(2));
      inOrder.set(0, result(0));
      inOrder.set(1, result(1));
      expect(applied, end).toEqual([0]);
      scan.state = end;
      // With the array broken, its file is read whole (unit 3), and its ranges' results go.
      inOrder.set(3, result(3));
      expect(applied, end).toEqual(end === 'done' ? [0, 1, 2, 3, 4] : [0, 3, 4]);
      expect(dropped, end).toEqual(end === 'done' ? [] : [1, 2]);
    }
  });

  it('reads a large JSON array up to where it breaks, and says why a large file that is no array is not streamed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-par-'));
    const records = Array.from({ length: 30 }, (_, i) => patched('individual-draft', { set: { '/filingId': `F-${i}` } }));
    const text = JSON.stringify(records, null, 2).split('\n');
    const at = text.findIndex((l, i) => i > 100 && l === '  },');
    text[at] = '  }},'; // a brace too many after one filing
    writeFileSync(join(dir, 'big.json'), text.join('\n'));
    writeFileSync(join(dir, 'big-ok.json'), JSON.stringify(records));
    writeFileSync(join(dir, 'big-object.json'), JSON.stringify({ records }));
    const r = await lintFiles(['big.json', 'big-ok.json', 'big-object.json'], { config: false, now: TEST_NOW, cwd: dir, maxFileSize: 16 * 1024, streamJsonBytes: 0 });
    const breaks = r[0]!.messages.filter((m) => m.ruleId === 'parse-error');
    expect(breaks.map((m) => [m.line, m.column])).toEqual([[at + 1, 4]]);
    expect(breaks[0]!.message).toContain('a } that closes nothing');
    expect(breaks[0]!.record).toBeGreaterThan(0);
    expect(r[1]!.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
    expect(r[2]!.messages.map((m) => m.message)).toEqual([expect.stringContaining('not one well-formed JSON array: it does not start with [')]);
  });

  it('reports the same when workers run out of memory: their units run on this thread', async () => {
    const { dir, files } = batchDir();
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const single = await lintFiles(files, { linter, cwd: dir, concurrency: 'off' });
    // Too small a heap even to load the engine: V8 stops each worker on its first unit.
    const starved = await lintFiles(files, { linter, cwd: dir, concurrency: 2, chunkBytes: 8 * 1024, workerHeapMb: 2 });
    expect(starved.map((r) => r.messages)).toEqual(single.map((r) => r.messages));
    expect(starved.map((r) => r.stats)).toEqual(single.map((r) => r.stats));
  });

  it('gives workers room for the largest file read whole, and a small heap otherwise', () => {
    expect(workerOldGenerationMb(0)).toBe(1024);
    expect(workerOldGenerationMb(100 * 1024 * 1024)).toBe(1024);
    expect(workerOldGenerationMb(256 * 1024 * 1024)).toBe(1088);
  });

  it('uses one thread for small runs on auto, and never more threads than units', () => {
    expect(threadsFor('auto', 1024, 10)).toBe(1);
    expect(threadsFor('off', 1 << 30, 10)).toBe(1);
    expect(threadsFor(4, 1 << 30, 3)).toBe(3);
  });
});
