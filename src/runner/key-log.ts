import * as crypto from 'node:crypto';
import type { SpillFile } from './spill-file.js';
import { enlarged } from '../engine/typed-arrays.js';

// Batch rules compare every record of a run with every other: a national
// batch has millions of records and several keys each. Keeping them in a Map
// costs heap objects for every key, growing with the batch; here each
// key is a fixed-size row of integers, the rows are split by digest into
// partitions as they come, and once the rows held in memory pass a budget
// they are appended to one temporary file. At the end each partition is
// read back alone (rows in input order) and its repeats found with a small
// table: memory stays at the budget however large the batch.
//
// Nothing personal reaches the file: only digests of keys, rule numbers and
// record positions.

const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

function sha256Base64(value: string): string {
  // crypto.hash (Node 20.12+) goes straight to a string, with no Hash object and no Buffer per key.
  return oneShot ? oneShot('sha256', value, 'base64') : crypto.createHash('sha256').update(value).digest('base64');
}

const BASE64_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** 24 bits from four base64 characters starting at `at`. */
function bits24(b64: string, at: number): number {
  return (
    (BASE64_VALUES[b64.charCodeAt(at)]! << 18) |
    (BASE64_VALUES[b64.charCodeAt(at + 1)]! << 12) |
    (BASE64_VALUES[b64.charCodeAt(at + 2)]! << 6) |
    BASE64_VALUES[b64.charCodeAt(at + 3)]!
  );
}

/**
 * A one-way digest of a key as three 24-bit integers (72 bits of SHA-256):
 * among ten million keys of one rule, a chance collision (a false repeat)
 * happens about once in a hundred million runs.
 */
export function fingerprint(value: string, out: Int32Array | number[], at: number): void {
  const b64 = sha256Base64(value);
  out[at] = bits24(b64, 0);
  out[at + 1] = bits24(b64, 4);
  out[at + 2] = bits24(b64, 8);
}

/** 30 bits of a digest of `value` whose fingerprint is at `at` of `digest` (they are the same SHA-256). */
export function holderBitsOf(digest: ArrayLike<number>, at: number): number {
  return (digest[at]! << 6) | (digest[at + 1]! >>> 18);
}

/** 30 bits of a digest of who holds a key: enough to tell two holders apart. */
export function holderBits(holder: string): number {
  const b64 = sha256Base64(holder);
  return (bits24(b64, 0) << 6) | BASE64_VALUES[b64.charCodeAt(4)]!;
}

// A key row (KEY_ROW ints), by column:
//
//   ROW_RULE_KEY     the rule (its number among the batch rules) in bits 24-30,
//                    and the key's index among the rule's keys of the record
//   ROW_DIGEST       three ints: the key's fingerprint
//   ROW_HOLDER       -1 without a holder; else the holder's scheme
//                    (HOLDER_SCHEMES number, 0 for a plain holder) in bits
//                    26-29, and 26 bits of a digest of its id
//   ROW_HOLDER_NAME  30 bits of a digest of the holder's name, -1 without one
//   ROW_HOLDER_ALIAS 30 bits of a digest of the holder's alias, -1 without one
//   ROW_RECORD       the record's sequence number in the run (in a unit's
//                    rows: its number in the unit's records); always last
//
// Two holders are the same when their scheme and id are, or their aliases,
// or, of different schemes, their names (see sameHolder). The row keeps the
// eight ints it had with one holder column: rule and key index share one
// (a run has a few batch rules, a record far fewer than 16 million keys of
// one rule), and the scheme, one of a few fixed numbers, shares the id's.
// Holder digests are compared only between a repeated key's first and
// later records, never looked up: 26 bits of id make two different holders
// of one scheme look the same (a missed report) once in 67 million such
// comparisons, 30 bits of a name or alias once in a billion.

export const ROW_RULE_KEY = 0;
export const ROW_DIGEST = 1;
export const ROW_HOLDER = 4;
export const ROW_HOLDER_NAME = 5;
export const ROW_HOLDER_ALIAS = 6;
export const ROW_RECORD = 7;
/** Ints per key row. */
export const KEY_ROW = 8;

const RULE_SHIFT = 24;
/** Batch rules a run can have, and keys one rule can take from one record. */
export const MAX_BATCH_RULES = 1 << (31 - RULE_SHIFT);
export const MAX_RECORD_KEYS = 1 << RULE_SHIFT;

/** The ROW_RULE_KEY value of key `keyIndex` of rule `rule`. */
export function ruleKeyColumn(rule: number, keyIndex: number): number {
  return (rule << RULE_SHIFT) | keyIndex;
}

const SCHEME_SHIFT = 26;
const ID_MASK = (1 << SCHEME_SHIFT) - 1;
/** Schemes a holder column can carry (HOLDER_SCHEMES and the plain holder, 0). */
export const HOLDER_SCHEME_LIMIT = 1 << (30 - SCHEME_SHIFT);

/** The ROW_HOLDER value of a holder of scheme `scheme` (0 for plain) whose id digests to `idBits` (holderBits). */
export function holderColumn(scheme: number, idBits: number): number {
  return (scheme << SCHEME_SHIFT) | (idBits & ID_MASK);
}

/**
 * Whether a later key's holder (the ROW_HOLDER, ROW_HOLDER_NAME and
 * ROW_HOLDER_ALIAS of `rows` at `r`) is the first one's (at `f`): the same
 * scheme and id, or the same alias, or, of two different schemes, the same
 * name. Never when the later has no holder: every repeat of a key without
 * one is reported.
 */
export function sameHolder(rows: ArrayLike<number>, r: number, f: number): boolean {
  const holder = rows[r + ROW_HOLDER]!;
  const first = rows[f + ROW_HOLDER]!;
  if (holder === -1) return false;
  if (holder === first) return true;
  const alias = rows[r + ROW_HOLDER_ALIAS]!;
  if (alias !== -1 && alias === rows[f + ROW_HOLDER_ALIAS]) return true;
  const name = rows[r + ROW_HOLDER_NAME]!;
  return first !== -1 && holder >>> SCHEME_SHIFT !== first >>> SCHEME_SHIFT && name !== -1 && name === rows[f + ROW_HOLDER_NAME];
}

/**
 * Whether two holders are of one scheme with different ids: two owners, whatever their
 * names (two credit codes differ, so do two companies of the same name).
 */
function sameSchemeOtherId(rows: ArrayLike<number>, r: number, f: number): boolean {
  const holder = rows[r + ROW_HOLDER]!;
  const first = rows[f + ROW_HOLDER]!;
  return holder !== -1 && first !== -1 && holder !== first && holder >>> SCHEME_SHIFT === first >>> SCHEME_SHIFT;
}

/** Rows remembered as one first occurrence's holder, under its schemes and aliases. */
const HOLDER_MEMBERS = 8;

const PARTITIONS = 256;

/** A key seen again: the later record's key, and the record where the key was first seen. */
export interface Repeat {
  rule: number;
  keyIndex: number;
  later: number;
  first: number;
}

/** The ints of a repeat's row, and where each column sits in it. */
const REPEAT_ROW = 4;
const REPEAT_RULE = 0;
const REPEAT_KEY = 1;
const REPEAT_LATER = 2;
const REPEAT_FIRST = 3;

/**
 * Repeats as rows of four ints (rule, key index, later record, first
 * record): a batch of copies can have hundreds of thousands, and an object
 * each kept a large share of the heap alive while its messages were written.
 */
export class RepeatRows {
  private rows = new Int32Array(64);
  count = 0;

  push(rule: number, keyIndex: number, later: number, first: number): void {
    const at = this.count * REPEAT_ROW;
    if (at + REPEAT_ROW > this.rows.length) this.rows = enlarged(this.rows, this.rows.length * 2);
    this.rows[at + REPEAT_RULE] = rule;
    this.rows[at + REPEAT_KEY] = keyIndex;
    this.rows[at + REPEAT_LATER] = later;
    this.rows[at + REPEAT_FIRST] = first;
    this.count++;
  }

  get(i: number): Repeat {
    const at = i * REPEAT_ROW;
    return { rule: this.rows[at + REPEAT_RULE]!, keyIndex: this.rows[at + REPEAT_KEY]!, later: this.rows[at + REPEAT_LATER]!, first: this.rows[at + REPEAT_FIRST]! };
  }

  later(i: number): number {
    return this.rows[i * REPEAT_ROW + REPEAT_LATER]!;
  }

  /**
   * The records named as first occurrences, each once, ascending, and how
   * many repeats name each (`counts[i]` for `seqs[i]`).
   */
  firstsInInputOrder(): { seqs: Int32Array; counts: Int32Array } {
    const all = new Int32Array(this.count);
    for (let i = 0; i < all.length; i++) all[i] = this.rows[i * REPEAT_ROW + REPEAT_FIRST]!;
    all.sort();
    let n = 0;
    const counts = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++) {
      if (n > 0 && all[n - 1] === all[i]) {
        counts[n - 1]!++;
      } else {
        all[n] = all[i]!;
        counts[n++] = 1;
      }
    }
    return { seqs: all.subarray(0, n), counts: counts.subarray(0, n) };
  }

  /** Row numbers in input order: by the later record, then rule, then key. */
  inInputOrder(): Uint32Array {
    const rows = this.rows;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const column = (row: number, at: number) => rows[row * REPEAT_ROW + at]!;
    return order.sort((a, b) => column(a, REPEAT_LATER) - column(b, REPEAT_LATER) || column(a, REPEAT_RULE) - column(b, REPEAT_RULE) || column(a, REPEAT_KEY) - column(b, REPEAT_KEY));
  }
}

/**
 * Key rows of a run, split into partitions by digest. Rows of one partition
 * come back in the order they were added, which is input order.
 */
export class KeyLog {
  /** Allocated on a partition's first row: a session that sees a few records (an editor's) stays small. */
  private readonly buffers: Array<Int32Array | undefined> = new Array(PARTITIONS).fill(undefined);
  private readonly used = new Int32Array(PARTITIONS);
  private readonly segments: Array<Array<[number, number]>> = [];
  private held = 0;

  constructor(
    private readonly spill: SpillFile,
    /** Bytes of rows held in memory before they go to the file. */
    private budgetBytes: number,
  ) {
    for (let p = 0; p < PARTITIONS; p++) this.segments.push([]);
  }

  /**
   * Adds one row: the ints of `rows` from `at` but its ROW_RECORD, and
   * `seq` as its record sequence number. Copied straight from the caller's rows:
   * a view or a row array per key cost more than the copy.
   */
  add(rows: ArrayLike<number>, at: number, seq: number): void {
    const p = rows[at + ROW_DIGEST + 1]! & (PARTITIONS - 1);
    let buffer = (this.buffers[p] ??= new Int32Array(KEY_ROW * 16));
    const used = this.used[p]!;
    if (used + KEY_ROW > buffer.length) this.buffers[p] = buffer = enlarged(buffer, buffer.length * 2);
    for (let i = 0; i < KEY_ROW; i++) buffer[used + i] = rows[at + i]!;
    buffer[used + ROW_RECORD] = seq;
    this.used[p] = used + KEY_ROW;
    this.held += KEY_ROW * 4;
    if (this.held > this.budgetBytes) this.flush();
  }

  private flush(): void {
    for (let p = 0; p < PARTITIONS; p++) {
      const used = this.used[p]!;
      if (used === 0) continue;
      const bytes = new Uint8Array(this.buffers[p]!.buffer, 0, used * 4);
      const at = this.spill.append(bytes);
      if (at === undefined) {
        // No temporary file: everything stays in memory from now on.
        this.budgetBytes = Number.POSITIVE_INFINITY;
        return;
      }
      this.segments[p]!.push([at, bytes.length]);
      // The buffer is filled again from the start. Digests spread rows evenly, so each partition's
      // buffer stays near its share of the budget; dropping them instead left a budget's worth of
      // dead typed arrays per flush, outside the heap, until a full collection.
      this.used[p] = 0;
    }
    this.held = 0;
  }

  /** Ints in partition `p`, on file and in memory. */
  private partitionLength(p: number): number {
    let total = this.used[p]!;
    for (const [, length] of this.segments[p]!) total += length / 4;
    return total;
  }

  /** Every row of one partition, in input order, into the start of `rows` (at least partitionLength(p) long). */
  private readPartition(p: number, rows: Int32Array): void {
    let at = 0;
    for (const [offset, length] of this.segments[p]!) {
      this.spill.read(new Uint8Array(rows.buffer, at * 4, length), offset);
      at += length / 4;
    }
    const tail = this.used[p]!;
    if (tail > 0) rows.set(this.buffers[p]!.subarray(0, tail), at);
  }

  /**
   * Every later occurrence of a key, with the record of an earlier one. With
   * holders, a repeat by the first occurrence's own holder is not a repeat
   * (the same owner filing its domain again; see sameHolder). That holder may
   * show itself under several schemes (a registration number, then its credit
   * code, matched by name): a later row is the same holder when it matches
   * one of those rows and is of no scheme they hold with another id, so
   * whatever order the records come in, two credit codes are two owners. A
   * repeat names the row it conflicts with, else the first occurrence.
   */
  repeats(): RepeatRows {
    const out = new RepeatRows();
    // One set of arrays for every partition, sized for the largest: arrays made per partition
    // are freed only by a full collection, and the 256 partitions' worth raised the run's peak
    // just as it ended.
    let largest = 0;
    for (let p = 0; p < PARTITIONS; p++) largest = Math.max(largest, this.partitionLength(p));
    const rows = new Int32Array(largest);
    let tableSize = 16;
    while (tableSize < (largest / KEY_ROW) * 2) tableSize *= 2;
    const table = new Int32Array(tableSize);
    const next = new Int32Array(largest / KEY_ROW);
    // Per first occurrence, the other rows known to be its holder's (linked through `members`):
    // one owner may be met under several schemes (a registration number, then its credit code),
    // and a later row is that owner only if it matches one of them and conflicts with none.
    const members = new Int32Array(largest / KEY_ROW);
    for (let p = 0; p < PARTITIONS; p++) {
      const n = this.partitionLength(p) / KEY_ROW;
      if (n === 0) continue;
      this.readPartition(p, rows);
      // First occurrences in an open hash table of row numbers, chained through `next`. Typed
      // arrays, not a Map: a Map's entries (48-bit keys are heap numbers) piled up as garbage
      // until the end of the comparison.
      let size = 16;
      while (size < n * 2) size *= 2;
      const heads = table.subarray(0, size).fill(-1);
      for (let i = 0; i < n; i++) {
        const r = i * KEY_ROW;
        // The partition is chosen by the low bits of the second digest part: the slot by the other parts.
        const slot = (rows[r + ROW_DIGEST]! ^ Math.imul(rows[r + ROW_DIGEST + 2]!, 0x9e3779b1)) & (size - 1);
        let j = heads[slot]!;
        while (j >= 0) {
          const f = j * KEY_ROW;
          if (
            rows[f + ROW_RULE_KEY]! >>> RULE_SHIFT === rows[r + ROW_RULE_KEY]! >>> RULE_SHIFT &&
            rows[f + ROW_DIGEST] === rows[r + ROW_DIGEST] &&
            rows[f + ROW_DIGEST + 1] === rows[r + ROW_DIGEST + 1] &&
            rows[f + ROW_DIGEST + 2] === rows[r + ROW_DIGEST + 2]
          ) {
            break;
          }
          j = next[j]!;
        }
        if (j < 0) {
          next[i] = heads[slot]!;
          heads[slot] = i;
          members[i] = -1;
          continue;
        }
        let matched = false;
        let conflict = -1;
        let known = false;
        let last = j;
        let count = 0;
        for (let m = j; m >= 0; m = members[m]!) {
          const f = m * KEY_ROW;
          if (sameHolder(rows, r, f)) matched = true;
          else if (conflict < 0 && sameSchemeOtherId(rows, r, f)) conflict = m;
          if (rows[f + ROW_HOLDER] === rows[r + ROW_HOLDER] && rows[f + ROW_HOLDER_ALIAS] === rows[r + ROW_HOLDER_ALIAS]) known = true;
          last = m;
          count++;
        }
        if (matched && conflict < 0) {
          // The same owner, perhaps under another scheme: remembered, so that a later row of this
          // scheme with another id is told apart. Bounded, so that no key costs more than a few.
          if (!known && count < HOLDER_MEMBERS) {
            members[last] = i;
            members[i] = -1;
          }
          continue;
        }
        const f = (conflict >= 0 ? conflict : j) * KEY_ROW;
        const ruleKey = rows[r + ROW_RULE_KEY]!;
        out.push(ruleKey >>> RULE_SHIFT, ruleKey & (MAX_RECORD_KEYS - 1), rows[r + ROW_RECORD]!, rows[f + ROW_RECORD]!);
      }
    }
    return out;
  }
}

/** Positions PositionLog keeps of those it read one at a time. */
const READ_ONE_POSITIONS = 4096;

/** Ints (as doubles) per position row: file, record index, first line, byte offset (-1 when not streamed). */
const POSITION_ROW = 4;
const BLOCK_ROWS = 8192;

export interface RecordPosition {
  file: number;
  record: number;
  line: number;
  byteOffset: number;
}

/**
 * Where each record with keys sits, by sequence number. Full blocks beyond
 * the budget go to the file; a position is read back only for the few
 * records a batch rule reports.
 */
export class PositionLog {
  private readonly blocks: Array<Float64Array | number> = [];
  /** The block being filled; the first one starts small and grows, as a short run needs little. */
  private current = new Float64Array(64 * POSITION_ROW);
  private count = 0;
  private readonly inMemory: number[] = [];

  constructor(
    private readonly spill: SpillFile,
    private readonly budgetBytes: number,
  ) {}

  /** Adds a record's position; returns its sequence number. */
  add(file: number, record: number, line: number, byteOffset: number): number {
    const row = (this.count % BLOCK_ROWS) * POSITION_ROW;
    if (row + POSITION_ROW > this.current.length) this.current = enlarged(this.current, Math.min(this.current.length * 2, BLOCK_ROWS * POSITION_ROW));
    this.current[row] = file;
    this.current[row + 1] = record;
    this.current[row + 2] = line;
    this.current[row + 3] = byteOffset;
    const seq = this.count++;
    if (this.count % BLOCK_ROWS === 0) {
      this.inMemory.push(this.blocks.length);
      this.blocks.push(this.current);
      let next: Float64Array<ArrayBuffer> | undefined;
      if (this.inMemory.length * BLOCK_ROWS * POSITION_ROW * 8 > this.budgetBytes) {
        const oldest = this.inMemory[0]!;
        const block = this.blocks[oldest] as Float64Array<ArrayBuffer>;
        const at = this.spill.append(new Uint8Array(block.buffer));
        // Without a temporary file the block stays in memory.
        if (at !== undefined) {
          this.inMemory.shift();
          this.blocks[oldest] = at;
          // Written out, its memory takes the next block's rows rather than waiting to be collected.
          next = block;
        }
      }
      this.current = next ?? new Float64Array(BLOCK_ROWS * POSITION_ROW);
    }
    return seq;
  }

  /** The last block read back whole from the file (see get), and its number. */
  private readBack: { block: number; values: Float64Array } | undefined;
  /**
   * Positions read one at a time from the file, by sequence number. Many
   * repeats name the same first record (a batch of copies names one for all
   * 200,000), and each read was a system call and a decryption.
   */
  private readonly readOne = new Map<number, RecordPosition>();

  /**
   * A record's position. `inOrder` says the caller asks in ascending order
   * (the reported records, at the end): a block on file is then read back
   * whole, once, instead of a system call per record.
   */
  get(seq: number, inOrder = false): RecordPosition {
    const b = Math.floor(seq / BLOCK_ROWS);
    const row = (seq % BLOCK_ROWS) * POSITION_ROW;
    let values: Float64Array;
    if (b === this.blocks.length) {
      values = this.current;
    } else {
      const block = this.blocks[b]!;
      if (typeof block !== 'number') {
        values = block;
      } else if (this.readBack?.block === b) {
        values = this.readBack.values;
      } else if (inOrder) {
        values = this.readBack?.values ?? new Float64Array(BLOCK_ROWS * POSITION_ROW);
        this.spill.read(new Uint8Array(values.buffer), block);
        this.readBack = { block: b, values };
      } else {
        const known = this.readOne.get(seq);
        if (known) return known;
        values = new Float64Array(POSITION_ROW);
        this.spill.read(new Uint8Array(values.buffer), block + row * 8);
        const position = { file: values[0]!, record: values[1]!, line: values[2]!, byteOffset: values[3]! };
        if (this.readOne.size >= READ_ONE_POSITIONS) this.readOne.clear();
        this.readOne.set(seq, position);
        return position;
      }
    }
    return { file: values[row]!, record: values[row + 1]!, line: values[row + 2]!, byteOffset: values[row + 3]! };
  }
}
