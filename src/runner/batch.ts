import { isAbsolute, relative, sep } from 'node:path';
import type { SourceFormat, SourceRecord } from '../input/index.js';
import { storedSource, textSource, type RecordSource } from '../input/record-source.js';
import { HOLDER_SCHEMES, type HolderScheme, type Report } from '../checks/api.js';
import {
  fingerprint,
  holderBits,
  holderBitsOf,
  holderColumn,
  HOLDER_SCHEME_LIMIT,
  KEY_ROW,
  KeyLog,
  PositionLog,
  ROW_DIGEST,
  ROW_HOLDER,
  ROW_HOLDER_ALIAS,
  ROW_HOLDER_NAME,
  ROW_RECORD,
  ROW_RULE_KEY,
  ruleKeyColumn,
  MAX_BATCH_RULES,
  MAX_RECORD_KEYS,
  type RepeatRows,
} from './key-log.js';
import { SpillFile } from './spill-file.js';
import { enlarged } from '../engine/typed-arrays.js';
import type { BatchRuleSet, LintMessage, MessageSink } from '../engine/index.js';

/**
 * The batch keys of a unit's records, flat, as a worker sends them and the
 * cache keeps them: digests and positions only, never the values or the
 * message data (the main thread reads a reported record again for those).
 * Typed arrays, so a worker hands them over without a copy.
 */
export interface UnitKeys {
  /** Per record with keys, RECORD_ROW numbers: record index and first line in the unit, byte offset in the file (-1 when not streamed). */
  records: Float64Array<ArrayBuffer>;
  /** Per key, KEY_ROW ints (see key-log.ts); ROW_RECORD is the record's number in `records`. */
  rows: Int32Array<ArrayBuffer>;
}

export const RECORD_ROW = 3;
/** Where each number of a record's row sits. */
export const RECORD_INDEX = 0;
export const RECORD_LINE = 1;
export const RECORD_OFFSET = 2;

/** Strings of one record whose digests UnitKeysBuilder keeps while it keys the record. */
const DIGESTS_KEPT = 16;

/** A holder scheme's number in a key row (1 + its place in HOLDER_SCHEMES; 0 is a plain holder). */
function schemeNumber(scheme: HolderScheme): number {
  const i = HOLDER_SCHEMES.indexOf(scheme);
  // A scheme the list lacks (a check written against another version) stays apart from every other.
  return i < 0 ? HOLDER_SCHEME_LIMIT - 1 : i + 1;
}

/** The line a record starts on, as batch positions keep it. */
export function firstLineOf(record: SourceRecord): number {
  return record.line ?? record.startLine ?? record.locate('').line;
}

export function noUnitKeys(): UnitKeys {
  return { records: new Float64Array(0), rows: new Int32Array(0) };
}

/**
 * Builds a unit's keys, record by record, in typed arrays that grow by
 * doubling. (A worker's keys were a plain array, made in V8's old generation
 * once large: filling it cost as much per record as running a rule.)
 */
export class UnitKeysBuilder {
  private records = new Float64Array(16 * RECORD_ROW);
  private rows = new Int32Array(64 * KEY_ROW);
  private recordInts = 0;
  private rowInts = 0;

  /**
   * Appends the key rows of one record, numbered as the next record; returns
   * how many keys it has. Keys and holders are digested here, wherever the
   * record is parsed, so no key value leaves the check. A record with keys
   * is then given its place with addRecord.
   */
  addKeys(rules: BatchRuleSet, value: unknown): number {
    const groups = rules.keysOf(value);
    const record = this.recordInts / RECORD_ROW;
    let added = 0;
    this.remembered = 0;
    // A record's keys mostly share their holder, name and alias (its owner's): each is looked up once.
    let lastHolder: string | undefined;
    let lastHolderBits = 0;
    let lastName: string | undefined;
    let lastNameBits = 0;
    let lastAlias: string | undefined;
    let lastAliasBits = 0;
    for (const { rule, keys } of groups) {
      if (rule >= MAX_BATCH_RULES) throw new Error(`more than ${MAX_BATCH_RULES} batch rules`);
      // Keys past what a row can number (16 million of one rule in one record) are not compared.
      const count = Math.min(keys.length, MAX_RECORD_KEYS);
      for (let k = 0; k < count; k++) {
        const { key, holder, holderScheme, holderName, holderAlias } = keys[k]!;
        if (this.rowInts + KEY_ROW > this.rows.length) this.rows = enlarged(this.rows, this.rows.length * 2);
        const rows = this.rows;
        const at = this.rowInts;
        this.rowInts += KEY_ROW;
        rows[at + ROW_RULE_KEY] = ruleKeyColumn(rule, k);
        fingerprint(key, rows, at + ROW_DIGEST);
        this.remember(key, holderBitsOf(rows, at + ROW_DIGEST));
        if (holder === undefined) {
          rows[at + ROW_HOLDER] = -1;
          rows[at + ROW_HOLDER_NAME] = -1;
          rows[at + ROW_HOLDER_ALIAS] = -1;
        } else {
          if (holder !== lastHolder) lastHolderBits = this.bitsOf((lastHolder = holder));
          rows[at + ROW_HOLDER] = holderColumn(holderScheme === undefined ? 0 : schemeNumber(holderScheme), lastHolderBits);
          if (holderName !== undefined && holderName !== lastName) lastNameBits = this.bitsOf((lastName = holderName));
          rows[at + ROW_HOLDER_NAME] = holderName === undefined ? -1 : lastNameBits;
          if (holderAlias !== undefined && holderAlias !== lastAlias) lastAliasBits = this.bitsOf((lastAlias = holderAlias));
          rows[at + ROW_HOLDER_ALIAS] = holderAlias === undefined ? -1 : lastAliasBits;
        }
        rows[at + ROW_RECORD] = record;
        added++;
      }
    }
    return added;
  }

  /**
   * Strings of the record being keyed that were digested, with their holder
   * bits: a holder is often a key of another rule (an owner's or principal's
   * document number, whose name is another rule's holder), and a SHA-256
   * costs more than looking its string up here. Fixed arrays, no allocation
   * per record; past DIGESTS_KEPT strings, the last place is reused.
   */
  private readonly rememberedStrings: string[] = new Array<string>(DIGESTS_KEPT).fill('');
  private readonly rememberedLengths = new Int32Array(DIGESTS_KEPT);
  private readonly rememberedBits = new Int32Array(DIGESTS_KEPT);
  private remembered = 0;

  private remember(value: string, bits: number): void {
    const i = this.remembered < DIGESTS_KEPT ? this.remembered++ : DIGESTS_KEPT - 1;
    this.rememberedStrings[i] = value;
    this.rememberedLengths[i] = value.length;
    this.rememberedBits[i] = bits;
  }

  /** holderBits(value), from a string this record digested already where it can. */
  private bitsOf(value: string): number {
    const length = value.length;
    // Lengths first: comparing strings of one length compares their characters.
    for (let i = 0; i < this.remembered; i++) {
      if (this.rememberedLengths[i] === length && this.rememberedStrings[i] === value) return this.rememberedBits[i]!;
    }
    const bits = holderBits(value);
    this.remember(value, bits);
    return bits;
  }

  /** The place of the record whose keys were just added. */
  addRecord(index: number, line: number, byteOffset: number): void {
    if (this.recordInts + RECORD_ROW > this.records.length) this.records = enlarged(this.records, this.records.length * 2);
    this.records[this.recordInts + RECORD_INDEX] = index;
    this.records[this.recordInts + RECORD_LINE] = line;
    this.records[this.recordInts + RECORD_OFFSET] = byteOffset;
    this.recordInts += RECORD_ROW;
  }

  get recordCount(): number {
    return this.recordInts / RECORD_ROW;
  }

  /** Ints of key rows so far: where the next record's rows will start. */
  get rowLength(): number {
    return this.rowInts;
  }

  /**
   * The builder's own array of key rows, its first rowLength ints in use:
   * for a caller that reads one record's rows as they are added, without a
   * view per record (valid until the next record is added).
   */
  get rowArray(): Int32Array {
    return this.rows;
  }

  /** The keys so far, as views of the builder's arrays (valid until it is cleared or grows). */
  keys(): UnitKeys {
    return { records: this.records.subarray(0, this.recordInts), rows: this.rows.subarray(0, this.rowInts) };
  }

  clear(): void {
    this.recordInts = this.rowInts = 0;
  }
}

/**
 * A record read again at the end: one a batch rule reports, with its
 * repeats (row numbers in the run's RepeatRows), and/or the first
 * occurrence of a reported key, whose filingId the messages name.
 */
interface ReportedRecord {
  seq: number;
  record: number;
  line: number;
  byteOffset: number;
  repeats: number[];
  /** Whether a repeat names this record as the first occurrence. */
  first: boolean;
}

/** The first occurrence of reported keys, while a later record still names it. */
interface EarlierRecord {
  file: number;
  record: number;
  line: number;
  filingId: string | null;
  /** Repeats that name it and are still to be written. */
  pending: number;
}

/** A record's filingId as messages name it: the text, trimmed; null when it has none. */
function filingIdOf(record: SourceRecord | undefined): string | null {
  const value = record?.value as Record<string, unknown> | undefined;
  // Trimmed, as the record's own messages give it (the rules see the trimmed view).
  return value && typeof value === 'object' && typeof value.filingId === 'string' ? value.filingId.trim() || null : null;
}

/** Memory for batch keys before they go to a temporary file (see key-log.ts). */
export const DEFAULT_BATCH_MEMORY = 16 * 1024 * 1024;

export interface BatchOptions {
  /** Bytes of key rows and record positions held in memory; more goes to a temporary file. */
  memoryBytes?: number;
}

/**
 * Compares the keys of every record of a run, in input order, and reports
 * each later repeat at its own path, naming where the key was first seen.
 * Records may come from this thread (`visit`), a worker or the cache
 * (`addUnit`); either way only digests and positions are kept, within a
 * fixed memory budget, and the messages are written at the end by reading
 * the reported records again.
 */
export class BatchSession {
  private readonly spill = new SpillFile('batch-keys');
  private readonly keys: KeyLog;
  private readonly positions: PositionLog;
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Sources held in memory by the caller (an editor buffer, stdin): read from here, not from disk. */
  private readonly texts = new Map<string, { text: string; format?: SourceFormat }>();
  private readonly scratch = new UnitKeysBuilder();
  private finished = false;

  constructor(
    private readonly rules: BatchRuleSet,
    private readonly cwd = process.cwd(),
    options: BatchOptions = {},
  ) {
    const budget = options.memoryBytes ?? DEFAULT_BATCH_MEMORY;
    this.keys = new KeyLog(this.spill, Math.floor(budget * 0.75));
    this.positions = new PositionLog(this.spill, Math.floor(budget * 0.25));
  }

  private fileNumber(filePath: string): number {
    let file = this.fileIndex.get(filePath);
    if (file === undefined) {
      file = this.files.length;
      this.files.push(filePath);
      this.fileIndex.set(filePath, file);
    }
    return file;
  }

  /** A source whose text the session may read again from memory instead of from disk. */
  holdText(filePath: string, text: string, format?: SourceFormat): void {
    this.texts.set(filePath, { text, ...(format ? { format } : {}) });
  }

  /** A record parsed in this thread. */
  visit(record: SourceRecord & { byteOffset?: number }, filePath: string): void {
    const scratch = this.scratch;
    scratch.clear();
    if (scratch.addKeys(this.rules, record.value) === 0) return;
    this.addRecordKeys(filePath, record.index, firstLineOf(record), record.byteOffset ?? -1, scratch, 0);
  }

  /**
   * A record parsed in this thread whose key rows the caller worked out
   * (UnitKeysBuilder.addKeys): the builder's rows from `from` on are its. A
   * run that also keeps the keys for the cache digests them once, for both.
   */
  addRecordKeys(filePath: string, record: number, line: number, byteOffset: number, keys: UnitKeysBuilder, from: number): void {
    const seq = this.positions.add(this.fileNumber(filePath), record, line, byteOffset);
    const rows = keys.rowArray;
    for (let at = from; at < keys.rowLength; at += KEY_ROW) this.keys.add(rows, at, seq);
  }

  /**
   * The keys of a unit parsed elsewhere (a worker, or the cache), whose
   * records count from `recordShift` in the file (lines are the file's).
   * Units must be added in input order.
   */
  addUnit(filePath: string, unit: UnitKeys, recordShift = 0): void {
    const file = this.fileNumber(filePath);
    // Typed: a unit has thousands of records, and a plain array that large is made in V8's old generation.
    const seqs = new Int32Array(unit.records.length / RECORD_ROW);
    for (let r = 0; r < unit.records.length; r += RECORD_ROW) {
      const { records } = unit;
      seqs[r / RECORD_ROW] = this.positions.add(file, records[r + RECORD_INDEX]! + recordShift, records[r + RECORD_LINE]!, records[r + RECORD_OFFSET]!);
    }
    const { rows } = unit;
    for (let at = 0; at < rows.length; at += KEY_ROW) this.keys.add(rows, at, seqs[rows[at + ROW_RECORD]!]!);
  }

  private displayPath(file: number): string {
    const filePath = this.files[file]!;
    const rel = relative(this.cwd, filePath);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : filePath;
  }

  /**
   * Ends the run: the batch messages, grouped by file. Each reported record
   * is read again (its line of a JSONL file, or its file once) for the
   * exact range and the message data. Temporary files are removed.
   *
   * With `into`, each file's messages go to its sink as they are made (a
   * batch of copies can have hundreds of thousands) and the map is empty.
   * `onProgress` hears now and then how many repeats are written, of all.
   */
  finish(
    maxLineBytes = Number.MAX_SAFE_INTEGER,
    { into, onProgress }: { into?: (filePath: string) => MessageSink; onProgress?: (written: number, total: number) => void } = {},
  ): Map<string, LintMessage[]> {
    if (this.finished) throw new Error('batch session already finished');
    this.finished = true;
    const grouped = new Map<string, LintMessage[]>();
    const sinkFor =
      into ??
      ((filePath: string) => {
        const messages: LintMessage[] = [];
        grouped.set(filePath, messages);
        return messages;
      });
    try {
      this.writeMessages(this.keys.repeats(), maxLineBytes, sinkFor, onProgress);
      return grouped;
    } finally {
      this.spill.close();
    }
  }

  /**
   * The messages of the repeats, file by file in input order. The repeats
   * are walked in input order one reported record at a time, so nothing
   * per repeat is kept but its row: a file's records are contiguous in that
   * order, as records are numbered as they come. The first occurrences the
   * repeats name are read again in the same walk, before the records that
   * name them (a first occurrence always comes earlier), for their
   * filingIds: only those of first occurrences still named later are kept,
   * never one per record or per key.
   */
  private writeMessages(repeats: RepeatRows, maxLineBytes: number, sinkFor: (filePath: string) => MessageSink, onProgress?: (written: number, total: number) => void): void {
    const order = repeats.inInputOrder();
    const { seqs: firsts, counts: firstCounts } = repeats.firstsInInputOrder();
    // Read again and still named by a repeat to be written, by sequence number.
    const earlier = new Map<number, EarlierRecord>();
    let next = 0;
    let nextFirst = 0;
    let taken = 0;
    onProgress?.(0, order.length);
    /** The sequence number of the next record to read again, or -1. */
    const upcoming = (): number => {
      const later = next < order.length ? repeats.later(order[next]!) : -1;
      const first = nextFirst < firsts.length ? firsts[nextFirst]! : -1;
      return later < 0 ? first : first < 0 ? later : Math.min(later, first);
    };
    /** The next record to read again, while it is in `file`. */
    const take = (file: number): ReportedRecord | undefined => {
      const seq = upcoming();
      if (seq < 0) return undefined;
      if (onProgress && (++taken & 1023) === 0) onProgress(next, order.length);
      const position = this.positions.get(seq, true);
      if (position.file !== file) return undefined;
      const reported: ReportedRecord = { seq, record: position.record, line: position.line, byteOffset: position.byteOffset, repeats: [], first: false };
      if (nextFirst < firsts.length && firsts[nextFirst] === seq) {
        reported.first = true;
        earlier.set(seq, { file, record: position.record, line: position.line, filingId: null, pending: firstCounts[nextFirst]! });
        nextFirst++;
      }
      while (next < order.length && repeats.later(order[next]!) === seq) reported.repeats.push(order[next++]!);
      return reported;
    };
    const locale = this.rules.locale;
    while (upcoming() >= 0) {
      const file = this.positions.get(upcoming(), true).file;
      const filePath = this.files[file]!;
      // Made on the first message: a file read again only for first occurrences gets none.
      let messages: MessageSink | undefined;
      // One reported record at a time: a batch may report tens of thousands, each with its position tree.
      this.eachRecord(filePath, () => take(file), maxLineBytes, (reported, record) => {
        const filingId = filingIdOf(record);
        if (reported.first) earlier.get(reported.seq)!.filingId = filingId;
        if (reported.repeats.length === 0) return;
        const keys = record ? this.rules.keysOf(record.value) : [];
        for (const row of reported.repeats) {
          const repeat = repeats.get(row);
          const first = earlier.get(repeat.first)!;
          if (--first.pending === 0) earlier.delete(repeat.first);
          messages ??= sinkFor(filePath);
          const data = {
            earlierFile: this.displayPath(first.file),
            // For people: counted from 1, as the line is (the message's `record` field counts from 0).
            earlierRecord: first.record + 1,
            earlierFilingId: first.filingId === null ? '' : locale === 'zh-CN' ? `（${first.filingId}）` : ` (${first.filingId})`,
            earlierLine: first.line,
          };
          const key = keys.find((g) => g.rule === repeat.rule)?.keys[repeat.keyIndex];
          if (record && key) {
            const report: Report = { path: key.path, data: { ...key.data, ...data } };
            messages.push(this.rules.message(repeat.rule, reported.record, filingId, report, record.locate(key.path), record.value));
          } else {
            // The file changed or vanished since it was linted: the repeat stands, on the record's first line.
            const range = { line: reported.line, column: 1, endLine: reported.line, endColumn: 1 };
            messages.push(this.rules.message(repeat.rule, reported.record, filingId, { path: '', data }, range));
          }
        }
      });
    }
  }

  /**
   * Reads the reported records of one file again — from memory, a JSONL line
   * each, the elements of a large array, or the whole file once — and hands
   * each to `visit`, in input order; undefined when it can no longer be read.
   * `nextReported` gives the file's reported records in input order, then
   * undefined.
   */
  private eachRecord(
    filePath: string,
    nextReported: () => ReportedRecord | undefined,
    maxLineBytes: number,
    visit: (reported: ReportedRecord, record: SourceRecord | undefined) => void,
  ): void {
    const first = nextReported();
    if (!first) return;
    let unread: ReportedRecord | undefined = first;
    const next = () => {
      if (!unread) return nextReported();
      const place = unread;
      unread = undefined;
      return place;
    };
    this.sourceOf(filePath, first, maxLineBytes).recordsAt(next, visit);
  }

  private sourceOf(filePath: string, first: ReportedRecord, maxLineBytes: number): RecordSource {
    const held = this.texts.get(filePath);
    if (held) return textSource(filePath, held.text, held.format);
    // A record that was streamed (a JSONL line, an element of a large array) has its byte offset, and
    // every record of its file has one.
    return storedSource(filePath, first.byteOffset >= 0, maxLineBytes);
  }
}
