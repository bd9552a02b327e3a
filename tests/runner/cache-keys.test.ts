import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noUnitKeys, RECORD_ROW, type UnitKeys } from '../../src/runner/batch.js';
import { HEADER_BYTES, KeyBlockCollector, KeyFileReader, KeyFileWriter, removeStaleKeyFiles } from '../../src/runner/cache-keys.js';
import { KEY_ROW, ROW_RECORD } from '../../src/runner/key-log.js';

/** Keys of `count` records starting at record `first`: 0 to 3 keys each, digests of every sign, offsets past 4 GiB. */
function unitKeys(first: number, count: number, streamed: boolean): UnitKeys {
  const keys = { records: [] as number[], rows: [] as number[] };
  for (let i = 0; i < count; i++) {
    const index = first + i;
    const n = (index * 7) % 4;
    if (n === 0) continue;
    const record = keys.records.length / RECORD_ROW;
    keys.records.push(i, 2 * i + 1, streamed ? index * 2_400_001 + 5_000_000_000 : -1);
    for (let k = 0; k < n; k++) keys.rows.push((k % 3 << 24) | k, (index * 2654435761) | 0, -index - k, 0x7fffffff - k, k === 2 ? -1 : index % 5, k === 1 ? -1 : (index * 31) | 0, -k, record);
  }
  return { records: Float64Array.from(keys.records), rows: Int32Array.from(keys.rows) };
}

/** The keys as absolute [index, line, offset, ...per key: its row but the record column] tuples, for comparing. */
function flatten(units: Array<{ keys: UnitKeys; recordShift: number; lineShift: number }>): number[][] {
  const out: number[][] = [];
  for (const { keys, recordShift, lineShift } of units) {
    const first = out.length;
    for (let r = 0; r < keys.records.length / RECORD_ROW; r++) {
      out.push([keys.records[r * RECORD_ROW]! + recordShift, keys.records[r * RECORD_ROW + 1]! + lineShift, keys.records[r * RECORD_ROW + 2]!]);
    }
    for (let at = 0; at < keys.rows.length; at += KEY_ROW) out[first + keys.rows[at + ROW_RECORD]!]!.push(...keys.rows.subarray(at, at + ROW_RECORD));
  }
  return out;
}

describe('the cache key file', () => {
  it('gives back what was collected, across units, pieces and megabytes, for several files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-keys-'));
    const path = join(dir, 'cache.keys');
    let writer: KeyFileWriter | undefined;
    const collector = new KeyBlockCollector(() => (writer = new KeyFileWriter(path)));
    // a.jsonl spans several 1 MiB pieces of the collector and of the reader, so entries straddle both.
    const units = {
      'a.jsonl': [0, 1, 2, 3, 4, 5].map((u) => ({ keys: unitKeys(u * 20_000, 20_000, true), recordShift: u * 20_000, lineShift: u * 20_000 })),
      'b.json': [{ keys: unitKeys(7, 50, false), recordShift: 0, lineShift: 0 }],
      'dropped.jsonl': [{ keys: unitKeys(0, 30_000, true), recordShift: 0, lineShift: 0 }],
      'c.json': [{ keys: noUnitKeys(), recordShift: 0, lineShift: 0 }],
    };
    for (const [file, parts] of Object.entries(units)) {
      for (const p of parts) collector.add(file, p.keys, p.recordShift, p.lineShift);
      // A file with a message is dropped as it is collected: its bytes are cut off again.
      if (file === 'dropped.jsonl') collector.drop(file);
    }
    expect(collector.has('dropped.jsonl')).toBe(false);
    expect(collector.has('c.json')).toBe(true);
    const blocks = Object.fromEntries(['a.jsonl', 'b.json', 'c.json'].map((file) => [file, collector.block(file)!]));
    expect(collector.take()).toBe(writer);
    // Nothing is collected once the key file is taken.
    collector.add('late.json', unitKeys(0, 10, false), 0, 0);
    expect(collector.has('late.json')).toBe(false);
    writer!.commit();
    expect(statSync(path).size).toBe(blocks['c.json']!.at);
    expect(blocks['a.jsonl']!.bytes).toBeGreaterThan(3 * 1024 * 1024);
    expect(blocks['c.json']).toMatchObject({ bytes: 0, records: 0, keys: 0 });
    expect(blocks['b.json']!.at).toBe(blocks['a.jsonl']!.at + blocks['a.jsonl']!.bytes);

    const reader = KeyFileReader.open(path, writer!.id)!;
    expect(reader).toBeDefined();
    for (const file of ['a.jsonl', 'b.json'] as const) {
      const block = blocks[file]!;
      expect(reader.verify(block), file).toBe(true);
      // Each piece is in the same arrays: copied as it comes.
      const back = Array.from(reader.unitKeys(block), (keys) => ({ keys: { records: keys.records.slice(), rows: keys.rows.slice() }, recordShift: 0, lineShift: 0 }));
      expect(back.length, file).toBe(file === 'a.jsonl' ? Math.ceil(block.bytes / (1024 * 1024)) : 1);
      expect(flatten(back), file).toEqual(flatten(units[file]));
    }
    // A small block is read into arrays of its own size: a run replays thousands of one-filing files,
    // and arrays sized for a megabyte each made a cached run of 5,000 files take 10 s instead of 1.3 s.
    const small = [...reader.unitKeys(blocks['b.json']!)][0]!;
    expect(small.rows.buffer.byteLength + small.records.buffer.byteLength).toBeLessThan(8 * blocks['b.json']!.bytes);
    reader.close();
    expect(KeyFileReader.open(path, 'another run')).toBeUndefined();
    expect(KeyFileReader.open(join(dir, 'missing.keys'), writer!.id)).toBeUndefined();
  });

  it('fails the digest of a block that was changed or cut short, and reads nothing of another file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-keys-'));
    const path = join(dir, 'cache.keys');
    const writer = new KeyFileWriter(path);
    const collector = new KeyBlockCollector(() => writer);
    collector.add('a.jsonl', unitKeys(0, 300, true), 0, 0);
    const block = collector.block('a.jsonl')!;
    writer.commit();
    expect(block.at).toBe(HEADER_BYTES);

    const bytes = readFileSync(path);
    const changed = Buffer.from(bytes);
    changed[block.at + 40]! ^= 1;
    writeFileSync(path, changed);
    let reader = KeyFileReader.open(path, writer.id)!;
    expect(reader.verify(block)).toBe(false);
    reader.close();

    writeFileSync(path, bytes.subarray(0, bytes.length - 4));
    reader = KeyFileReader.open(path, writer.id)!;
    expect(reader.verify(block)).toBe(false);
    expect(reader.verify({ ...block, bytes: block.bytes - 4 })).toBe(false);
    expect(reader.verify({ ...block, at: 0 })).toBe(false);
    reader.close();

    writeFileSync(path, bytes);
    reader = KeyFileReader.open(path, writer.id)!;
    expect(reader.verify(block)).toBe(true);
    // Counts that do not add up (an index edited by hand) throw rather than feed the batch half a file.
    expect(() => [...reader.unitKeys({ ...block, records: block.records + 1 })]).toThrow(/damaged/);
    reader.close();
  });

  it('collects nothing where the key file cannot be made or written, and removes the key files of killed runs', () => {
    const collector = new KeyBlockCollector(() => {
      throw new Error('EROFS');
    });
    collector.add('a.json', unitKeys(0, 10, false), 0, 0);
    expect(collector.has('a.json')).toBe(false);
    expect(collector.take()).toBeUndefined();
    expect(collector.failure?.message).toBe('EROFS');

    // A key file that stops taking bytes (a full disk) mid-run: everything collected goes, and the run goes on.
    const full = join(mkdtempSync(join(tmpdir(), 'beianlint-keys-')), 'cache.keys');
    const broken = new KeyFileWriter(full);
    broken.abandon();
    const failing = new KeyBlockCollector(() => broken);
    failing.add('a.json', unitKeys(0, 30_000, false), 0, 0);
    failing.add('b.json', unitKeys(0, 10, false), 0, 0);
    expect(failing.has('a.json') || failing.has('b.json')).toBe(false);
    expect(failing.block('a.json')).toBeUndefined();
    expect(failing.take()).toBeUndefined();
    expect(failing.failure).toBeInstanceOf(Error);

    const dir = mkdtempSync(join(tmpdir(), 'beianlint-keys-'));
    const path = join(dir, 'cache.keys');
    // No process has pid 2^22 + 1 (Linux's largest is 2^22); this one is running.
    for (const name of ['cache.keys', `cache.keys.${2 ** 22 + 1}.tmp`, `cache.keys.${process.pid}.tmp`, 'cache.keys.x.tmp', 'other.keys.4194305.tmp']) writeFileSync(join(dir, name), '');
    removeStaleKeyFiles(path);
    expect(readdirSync(dir).sort()).toEqual(['cache.keys', `cache.keys.${process.pid}.tmp`, 'cache.keys.x.tmp', 'other.keys.4194305.tmp'].sort());
  });
});
