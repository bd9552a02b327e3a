import { formatOf } from '../input/index.js';
import { JsonArrayReader, jsonArrayProblem, streamedJsonArray } from '../input/json-array-stream.js';
import { readJsonlFile, type StreamedItem } from '../input/jsonl-stream.js';
import type { SourceItem, SourceRecord } from '../input/source.js';
import { errorCode, readSource, readSourceSync } from './files.js';
import { firstLineOf, UnitKeysBuilder, type BatchSession, type UnitKeys } from './batch.js';
import type { Linter } from './linter.js';
import { StatsCollector } from './stats.js';
import type { FileStats, LintMessage, MessageSink } from './types.js';

/** A piece of work for one thread: a whole file, or a byte range of a JSONL file. */
export interface WorkUnit {
  id: number;
  filePath: string;
  /** For JSONL ranges: [start, end) in bytes, starting at a line start. */
  range?: [number, number];
  /** The file's result comes from the cache. */
  cached?: boolean;
  /** Bytes the unit covers (the file's size when known), for --max-file-size and progress. */
  bytes: number;
  /** A large `.json` file: read an element at a time if it is one well-formed array. */
  streamJson?: boolean;
  /** A range of a streamed JSON array's elements (see JsonArrayScan), for a worker to read. */
  jsonSpans?: Float64Array;
  /** The first pass over the array the range is of, which may still be reading on (see feedJsonArray). */
  scan?: JsonArrayScanState;
  /** Runs on the main thread, never a worker (a file read whole that the workers' heaps are not sized for). */
  here?: boolean;
}

/** How far the first pass over a large JSON array has come: its ranges' results are applied once it is `done`. */
export interface JsonArrayScanState {
  state: 'scanning' | 'done' | 'failed';
}

/**
 * What a thread found in its unit, in plain data that crosses to the main
 * thread. Lines and record indexes count from the unit's start; the main
 * thread shifts them by the units before it in the same file.
 */
export interface UnitResult {
  id: number;
  messages: LintMessage[];
  records: number;
  lines: number;
  stats: FileStats;
  keys: UnitKeys;
}

/** What a worker thread says about a unit it was handed. */
export type UnitReply = { ok: true; result: UnitResult } | { ok: false; id: number; error: string };

/** Records whose keys are handed to the cache at once on this thread: well under a megabyte of them. */
const CACHE_KEYS_RECORDS = 4096;

/** Files up to this size are read blocking (see runUnit). */
const SMALL_FILE_BYTES = 1024 * 1024;

function fault(reason: string, detail: string, index = 0, line = 1): SourceItem {
  return { kind: 'fault', index, reason, detail, range: { line, column: 1, endLine: line, endColumn: 1 } };
}

export interface UnitRun {
  /** Records go to this batch as they are linted; without it their keys come back in the result. */
  batch?: BatchSession;
  /**
   * With a batch: the records' keys also go here, some thousands of records
   * at a time, while it wants them (for --cache, which keeps the keys of a
   * file with no message), and once more at the end, if only to say the
   * unit had none. Keys collected when it stops wanting them are dropped.
   */
  cacheKeys?: { wanted(): boolean; add(keys: UnitKeys): void };
  /** Called now and then while a JSONL unit is read in this thread: records so far and the byte reached. */
  onProgress?: (records: number, byteOffset: number) => void;
  /** Messages go here as they are found (the file's store, on this thread); without it they come back in the result. */
  sink?: MessageSink;
}

/** The reader of a unit that is a streamed JSON array or a range of one; undefined when the file is to be read whole. */
function jsonArrayReader(unit: WorkUnit, maxFileSize: number): JsonArrayReader | undefined {
  if (unit.jsonSpans) return new JsonArrayReader(unit.filePath, unit.jsonSpans, maxFileSize);
  return unit.streamJson ? streamedJsonArray(unit.filePath, 0, maxFileSize) : undefined;
}

/**
 * For a `.json` file too large to read whole: what keeps it from being read
 * as a stream, which has no such limit. Most often one missing comma or
 * bracket in an export of millions of filings, and its line is the fix.
 */
function whyNotStreamed(unit: WorkUnit): string {
  if (formatOf(unit.filePath) !== 'json') return '';
  let problem: string | undefined;
  try {
    problem = jsonArrayProblem(unit.filePath);
  } catch {
    return '';
  }
  return problem ? `; not streamed, as it is not one well-formed JSON array: ${problem}` : '';
}

/** Lints one unit with record and source rules, and takes each record's batch keys. */
export async function runUnit(linter: Linter, unit: WorkUnit, maxFileSize: number, run: UnitRun = {}): Promise<UnitResult> {
  const { batch, onProgress } = run;
  const messages: LintMessage[] = [];
  const out: MessageSink = run.sink ?? messages;
  const stats = new StatsCollector();
  const keys = new UnitKeysBuilder();
  let records = 0;
  const handKeysToCache = () => {
    run.cacheKeys!.add(keys.keys());
    keys.clear();
  };
  // With a batch and the cache, a record's keys are worked out here, once, for both: lintItem is not
  // given the batch. With a batch alone, lintItem gives it each record.
  const lintBatch = run.cacheKeys ? undefined : batch;
  const takeKeys = (item: SourceRecord & { byteOffset?: number }) => {
    if (lintBatch) return;
    if (batch && !run.cacheKeys!.wanted()) {
      keys.clear();
      batch.visit(item, unit.filePath);
      return;
    }
    const from = keys.rowLength;
    if (keys.addKeys(linter, item.value) === 0) return;
    const line = firstLineOf(item);
    const byteOffset = item.byteOffset ?? -1;
    keys.addRecord(item.index, line, byteOffset);
    if (!batch) return;
    batch.addRecordKeys(unit.filePath, item.index, line, byteOffset, keys, from);
    if (keys.recordCount >= CACHE_KEYS_RECORDS) handKeysToCache();
  };
  const take = (item: SourceItem | StreamedItem) => {
    records++;
    linter.lintItem(item, unit.filePath, out, lintBatch, stats);
    if (item.kind === 'record') takeKeys(item);
  };

  let lines = 0;
  let reader: JsonArrayReader | undefined;
  if (formatOf(unit.filePath) === 'jsonl') {
    const [start, end] = unit.range ?? [0, undefined];
    const stream = readJsonlFile(unit.filePath, { maxLineBytes: maxFileSize, start, ...(end !== undefined ? { end } : {}) });
    let lastLine = 0;
    try {
      for (let r = await stream.next(); ; r = await stream.next()) {
        if (r.done) {
          lines = r.value.lines;
          break;
        }
        take(r.value);
        lastLine = r.value.kind === 'record' ? (r.value.line ?? lastLine) : r.value.range.line;
        if (onProgress && (records & 1023) === 0) onProgress(records, r.value.byteOffset);
      }
    } catch (e) {
      // The file vanished or became unreadable mid-run: keep what was linted, say where it stopped.
      take(fault('read-error', errorCode(e), records, lastLine + 1));
      lines = lastLine + 1;
    }
  } else if ((reader = jsonArrayReader(unit, maxFileSize))) {
    let lastLine = 0;
    try {
      for (const item of reader) {
        take(item);
        lastLine = item.kind === 'record' ? (item.startLine ?? lastLine) : item.range.line;
        if (onProgress && (records & 1023) === 0) onProgress(records, reader.bytesRead);
      }
    } catch (e) {
      // As for JSONL: keep what was linted, say where it stopped.
      take(fault('read-error', errorCode(e), records, lastLine + 1));
    }
  } else {
    if (formatOf(unit.filePath) && unit.bytes > maxFileSize) {
      take(fault('file-too-large', `${Math.ceil(unit.bytes / 1048576)} MiB > ${Math.floor(maxFileSize / 1048576)} MiB${whyNotStreamed(unit)}`));
    } else {
      // A small file is read blocking: a directory of one-filing JSON files otherwise waits for four
      // round trips to the thread pool (open, stat, read, close) per file, which cost more than
      // linting the filing (40,000 files: 24 s, of which a third idle, against 16 s).
      const outcome = unit.bytes <= SMALL_FILE_BYTES ? readSourceSync(unit.filePath, unit.bytes) : await readSource(unit.filePath);
      if (outcome.ok) {
        linter.lintSource(outcome.text, unit.filePath, undefined, out, lintBatch, stats, takeKeys);
        records = stats.result().records;
      } else {
        take(fault(outcome.reason, outcome.detail));
      }
    }
  }
  if (batch && run.cacheKeys?.wanted()) handKeysToCache();
  return { id: unit.id, messages, records, lines, stats: stats.result(), keys: keys.keys() };
}
