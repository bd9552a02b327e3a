import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  fingerprint,
  holderBits,
  holderColumn,
  KEY_ROW,
  KeyLog,
  MAX_BATCH_RULES,
  MAX_RECORD_KEYS,
  PositionLog,
  ROW_DIGEST,
  ROW_HOLDER,
  ROW_HOLDER_ALIAS,
  ROW_HOLDER_NAME,
  ROW_RULE_KEY,
  ruleKeyColumn,
  type Repeat,
  type RepeatRows,
} from '../../src/runner/key-log.js';
import { SpillFile } from '../../src/runner/spill-file.js';
import { createLinter } from '../../src/engine/index.js';
import { BatchSession } from '../../src/runner/batch.js';
import { parseJsonLine } from '../../src/input/jsonl.js';
import { streamedJsonArray } from '../../src/input/json-array-stream.js';
import { patched } from '../support/records.js';
import { TEST_NOW } from '../support/lint.js';

const listed = (rows: RepeatRows): Repeat[] => Array.from({ length: rows.count }, (_, i) => rows.get(i));

/** Adds keys (rule, key index, key, holder, record) to a log, as the batch session does. */
function fill(log: KeyLog, keys: Array<[number, number, string, string | undefined, number]>): void {
  const row = new Array<number>(KEY_ROW).fill(0);
  for (const [rule, keyIndex, key, holder, seq] of keys) {
    row[ROW_RULE_KEY] = ruleKeyColumn(rule, keyIndex);
    fingerprint(key, row, ROW_DIGEST);
    row[ROW_HOLDER] = holder === undefined ? -1 : holderColumn(0, holderBits(holder));
    row[ROW_HOLDER_NAME] = -1;
    row[ROW_HOLDER_ALIAS] = -1;
    log.add(row, 0, seq);
  }
}

const KEYS: Array<[number, number, string, string | undefined, number]> = [
  [0, 0, 'example.cn', 'owner A', 0],
  [0, 1, 'example.com', 'owner A', 0],
  [0, 0, 'example.cn', 'owner A', 1], // the same owner again: not a repeat
  [0, 0, 'example.cn', 'owner B', 2], // another owner: a repeat of record 0
  [1, 0, 'example.cn', undefined, 2], // same key, another rule: first seen
  [1, 0, 'F-1', undefined, 3],
  [1, 0, 'F-1', undefined, 4], // no holder: every repeat counts
  [1, 0, 'F-1', undefined, 5],
];

describe('KeyLog', () => {
  it('finds each later repeat of a key and the record that first had it', () => {
    const spill = new SpillFile('batch-keys');
    const log = new KeyLog(spill, 1 << 20);
    fill(log, KEYS);
    const repeats = listed(log.repeats()).sort((a, b) => a.later - b.later);
    expect(repeats).toEqual([
      { rule: 0, keyIndex: 0, later: 2, first: 0 },
      { rule: 1, keyIndex: 0, later: 4, first: 3 },
      { rule: 1, keyIndex: 0, later: 5, first: 3 },
    ]);
    expect(spill.bytesWritten).toBe(0);
    spill.close();
  });

  it('finds the same repeats when every row goes through the temporary file, and removes the file', () => {
    const spill = new SpillFile('batch-keys');
    const log = new KeyLog(spill, 0);
    const many: typeof KEYS = [];
    for (let i = 0; i < 5000; i++) many.push([i % 2, 0, `key ${i % 1234}`, i % 3 === 0 ? undefined : `holder ${i % 7}`, i]);
    fill(log, many);
    const inMemory = new KeyLog(new SpillFile('batch-keys'), 1 << 30);
    fill(inMemory, many);
    expect(spill.bytesWritten).toBeGreaterThan(0);
    const order = (r: { later: number; rule: number }) => r.later * 2 + r.rule;
    expect(listed(log.repeats()).sort((a, b) => order(a) - order(b))).toEqual(listed(inMemory.repeats()).sort((a, b) => order(a) - order(b)));
    const path = (spill as unknown as { dir: string }).dir;
    expect(existsSync(path)).toBe(true);
    spill.close();
    expect(existsSync(path)).toBe(false);
  });
});

describe('KeyLog against the plain definition', () => {
  it('finds exactly the repeats a map of the keys themselves finds', () => {
    let seed = 17;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const many: typeof KEYS = [];
    for (let i = 0; i < 40000; i++) many.push([next(3), next(2), `key ${next(15000)}`, next(4) === 0 ? undefined : `holder ${next(5)}`, i]);
    // A key repeats when its rule saw it before, unless the first record's holder holds it again.
    const firsts = new Map<string, { seq: number; holder: string | undefined }>();
    const expected: Array<{ rule: number; keyIndex: number; later: number; first: number }> = [];
    for (const [rule, keyIndex, key, holder, seq] of many) {
      const first = firsts.get(`${rule} ${key}`);
      if (!first) firsts.set(`${rule} ${key}`, { seq, holder });
      else if (holder === undefined || holder !== first.holder) expected.push({ rule, keyIndex, later: seq, first: first.seq });
    }
    const log = new KeyLog(new SpillFile('batch-keys'), 1 << 16);
    fill(log, many);
    const order = (r: { later: number; rule: number }) => r.later * 3 + r.rule;
    expect(listed(log.repeats()).sort((a, b) => order(a) - order(b))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10000);
  });
});

/** A holder as a check gives it: scheme (0 plain), id, and optional name and alias. */
type Holder = { scheme: number; id: string; name?: string; alias?: string };

/** Adds keys with structured holders, as UnitKeysBuilder digests them. */
function fillHolders(log: KeyLog, keys: Array<[number, number, string, Holder | undefined, number]>): void {
  const row = new Array<number>(KEY_ROW).fill(0);
  for (const [rule, keyIndex, key, holder, seq] of keys) {
    row[ROW_RULE_KEY] = ruleKeyColumn(rule, keyIndex);
    fingerprint(key, row, ROW_DIGEST);
    row[ROW_HOLDER] = holder === undefined ? -1 : holderColumn(holder.scheme, holderBits(holder.id));
    row[ROW_HOLDER_NAME] = holder?.name === undefined ? -1 : holderBits(holder.name);
    row[ROW_HOLDER_ALIAS] = holder?.alias === undefined ? -1 : holderBits(holder.alias);
    log.add(row, 0, seq);
  }
}

describe('KeyLog with holders of several schemes', () => {
  it('finds exactly the repeats the definition gives, in memory and through the file', () => {
    // Same scheme: the ids decide; different schemes: the names, where both have one; equal aliases: the same.
    const same = (a: Holder, b: Holder) =>
      (a.scheme === b.scheme && a.id === b.id) || (a.alias !== undefined && a.alias === b.alias) || (a.scheme !== b.scheme && a.name !== undefined && a.name === b.name);
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const many: Array<[number, number, string, Holder | undefined, number]> = [];
    for (let i = 0; i < 30000; i++) {
      const holder: Holder | undefined =
        next(5) === 0
          ? undefined
          : {
              scheme: next(4),
              id: `id ${next(6)}`,
              ...(next(3) ? { name: `name ${next(3)}` } : {}),
              ...(next(4) === 0 ? { alias: `alias ${next(3)}` } : {}),
            };
      // Rules up to the last a row can number, key indexes up to the largest.
      many.push([next(2) ? MAX_BATCH_RULES - 1 : next(3), next(2) ? MAX_RECORD_KEYS - 1 : next(3), `key ${next(8000)}`, holder, i]);
    }
    // The first occurrence's holder, as it is met under several schemes: a later holder is it when it
    // matches one of the rows known to be it and has no scheme one of them holds with another id.
    const conflicts = (a: Holder, b: Holder) => !same(a, b) && a.scheme === b.scheme && a.id !== b.id;
    const firsts = new Map<string, Array<{ seq: number; holder: Holder | undefined }>>();
    const expected: Array<{ rule: number; keyIndex: number; later: number; first: number }> = [];
    for (const [rule, keyIndex, key, holder, seq] of many) {
      const known = firsts.get(`${rule} ${key}`);
      if (!known) {
        firsts.set(`${rule} ${key}`, [{ seq, holder }]);
        continue;
      }
      const members = known.filter((m): m is { seq: number; holder: Holder } => m.holder !== undefined);
      const matched = holder !== undefined && members.some((m) => same(holder, m.holder));
      const conflict = holder === undefined ? undefined : members.find((m) => conflicts(holder, m.holder));
      if (matched && !conflict) {
        const isNew = !members.some((m) => m.holder.scheme === holder!.scheme && m.holder.id === holder!.id && m.holder.alias === holder!.alias);
        if (isNew && known.length < 8) known.push({ seq, holder });
      } else {
        expected.push({ rule, keyIndex, later: seq, first: (conflict ?? known[0]!).seq });
      }
    }
    const order = (r: { later: number; rule: number }) => r.later * MAX_BATCH_RULES + r.rule;
    for (const budget of [1 << 30, 1 << 12]) {
      const spill = new SpillFile('batch-keys');
      const log = new KeyLog(spill, budget);
      fillHolders(log, many);
      expect(listed(log.repeats()).sort((a, b) => order(a) - order(b)), String(budget)).toEqual(expected);
      expect(spill.bytesWritten > 0, String(budget)).toBe(budget < 1 << 20);
      spill.close();
    }
    // Each kind of comparison decided some repeats both ways.
    expect(expected.length).toBeGreaterThan(1000);
    expect(many.length - firsts.size - expected.length).toBeGreaterThan(1000);
  });

  it('keeps the first occurrences of repeats once each, ascending, with how many name each', () => {
    const spill = new SpillFile('batch-keys');
    const log = new KeyLog(spill, 1 << 20);
    fill(log, [
      [0, 0, 'a', undefined, 0],
      [0, 0, 'b', undefined, 1],
      [0, 0, 'b', undefined, 2],
      [0, 0, 'a', undefined, 3],
      [0, 0, 'a', undefined, 4],
      [1, 0, 'a', undefined, 4],
      [1, 0, 'a', undefined, 5],
    ]);
    const { seqs, counts } = log.repeats().firstsInInputOrder();
    expect([...seqs]).toEqual([0, 1, 4]);
    expect([...counts]).toEqual([2, 1, 1]);
    spill.close();
  });
});

describe('without a writable temporary directory', () => {
  it('keeps everything in memory and still finds every repeat', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/beianlint-test';
    try {
      const spill = new SpillFile('batch-keys');
      const log = new KeyLog(spill, 0);
      const positions = new PositionLog(spill, 0);
      fill(log, KEYS);
      for (let i = 0; i < 20000; i++) positions.add(0, i, i + 1, -1);
      expect(spill.bytesWritten).toBe(0);
      expect(listed(log.repeats()).map((r) => r.later).sort()).toEqual([2, 4, 5]);
      expect(positions.get(12345)).toEqual({ file: 0, record: 12345, line: 12346, byteOffset: -1 });
      spill.close();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe('PositionLog', () => {
  it('gives back every position, from memory or from the file', () => {
    const spill = new SpillFile('batch-keys');
    const positions = new PositionLog(spill, 0);
    for (let i = 0; i < 20000; i++) expect(positions.add(i % 3, i, i + 1, i * 2200 + 5_000_000_000)).toBe(i);
    expect(spill.bytesWritten).toBeGreaterThan(0);
    const at = (i: number) => ({ file: i % 3, record: i, line: i + 1, byteOffset: i * 2200 + 5_000_000_000 });
    for (const i of [0, 1, 8191, 8192, 12345, 19999]) expect(positions.get(i)).toEqual(at(i));
    // In order, a block on file is read back whole and kept; asked out of order between, each answer is still its own.
    for (const i of [3, 4, 8191, 8192, 8193, 16383, 16384, 19999]) {
      expect(positions.get(i, true)).toEqual(at(i));
      expect(positions.get(20000 - 1 - i)).toEqual(at(20000 - 1 - i));
    }
    spill.close();
  });

  it('reads a position on file once when it is asked for again and again (the first record of many repeats)', () => {
    const spill = new SpillFile('batch-keys');
    const positions = new PositionLog(spill, 0);
    for (let i = 0; i < 20000; i++) positions.add(0, i, i + 1, i * 100);
    const read = vi.spyOn(spill, 'read');
    for (let k = 0; k < 1000; k++) expect(positions.get(7)).toEqual({ file: 0, record: 7, line: 8, byteOffset: 700 });
    expect(read).toHaveBeenCalledTimes(1);
    // Other positions are still their own, however many are asked for.
    for (let i = 0; i < 6000; i++) expect(positions.get(i).record).toBe(i);
    expect(positions.get(7).record).toBe(7);
    spill.close();
  });
});

describe('BatchSession', () => {
  it('reports a repeat on the record’s first line when its file has changed since it was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-batch-'));
    const file = join(dir, 'a.jsonl');
    const record = JSON.stringify(patched('enterprise-approved', { set: { '/filingId': 'F-1' } }));
    writeFileSync(file, `${record}\n${record}\n`);
    const linter = createLinter({ config: false, now: TEST_NOW, rules: { 'batch-duplicate-filing-id': 'error' } });
    const batch = new BatchSession(linter.batchRules(), dir);
    batch.visit(Object.assign(parseJsonLine(record, 1, 0) as never, { byteOffset: 0 }), file);
    batch.visit(Object.assign(parseJsonLine(record, 2, 1) as never, { byteOffset: record.length + 1 }), file);
    rmSync(dirname(file), { recursive: true });
    const messages = batch.finish().get(file)!.filter((m) => m.ruleId === 'batch-duplicate-filing-id');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ record: 1, line: 2, column: 1, path: '' });
    expect(messages[0]!.message).toContain('a.jsonl');
  });

  it('reads a reported element of a streamed JSON array at its place, and falls back to its first line once the file moved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-batch-'));
    const file = join(dir, 'a.json');
    const records = [1, 2, 3].map((i) => patched('enterprise-approved', { set: { '/filingId': i === 3 ? 'F-1' : `F-${i}` } }));
    const text = JSON.stringify(records, null, 2);
    writeFileSync(file, text);
    let opened = 0;
    const thirdStartLine = text.split('\n').findIndex((l) => l === '  {' && ++opened === 3) + 1;
    const linter = createLinter({ config: false, now: TEST_NOW, rules: { 'batch-duplicate-filing-id': 'error' } });
    const lint = () => {
      const batch = new BatchSession(linter.batchRules(), dir);
      const items = [...streamedJsonArray(file, 0, 1 << 20)!];
      expect(items.map((item) => (item as { byteOffset?: number }).byteOffset)).toEqual(records.map(() => expect.any(Number)));
      for (const item of items) batch.visit(item as never, file);
      return batch;
    };
    const exact = lint().finish().get(file)!.filter((m) => m.ruleId === 'batch-duplicate-filing-id');
    expect(exact).toHaveLength(1);
    expect(exact[0]).toMatchObject({ record: 2, path: '/filingId' });
    expect(exact[0]!.column).toBeGreaterThan(1);
    // The same file with a space in front: every element has moved, so no element is taken for another.
    const batch = lint();
    writeFileSync(file, ` ${text}`);
    const moved = batch.finish().get(file)!.filter((m) => m.ruleId === 'batch-duplicate-filing-id');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ record: 2, line: thirdStartLine, column: 1, path: '' });
  });
});
