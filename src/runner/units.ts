import type { SourceFault, SourceFormat, SourceItem, SourceRecord } from '../input/index.js';
import type { JsonlRange } from '../input/jsonl-stream.js';
import { bytesSource, eachItem, thrownFault, jsonArraySource, jsonlFileSource, textSource, wholeFileSource, type RecordReading, type RecordSource } from '../input/record-source.js';
import { linterFor, StatsCollector, type BatchRuleSet, type FileStats, type LintMessage, type Linter, type MessageSink } from '../engine/index.js';
import { firstLineOf, UnitKeysBuilder, type BatchSession, type UnitKeys } from './batch.js';

interface UnitBase {
  /** Its place in the run: results are applied in this order. */
  id: number;
  /** The file's place in the run's plan, and its path. */
  file: number;
  filePath: string;
  /** Bytes the unit covers (the file's size when known), for progress and worker lanes. */
  bytes: number;
}

/**
 * A piece of work for one thread, by how its records are read. Units cross
 * to worker threads as plain data.
 */
export type WorkUnit =
  /** A file unchanged since a run found nothing in it: its result comes from the cache. */
  | (UnitBase & { kind: 'cached' })
  /**
   * A file read whole (JSON, YAML, or of no known format). `here`: it runs
   * on the main thread, never a worker, whose heap is not sized for it (a
   * large `.json` file that turned out not to be one array).
   */
  | (UnitBase & { kind: 'whole-file'; format?: SourceFormat; here?: boolean })
  /** A text held in memory (stdin), or the bytes read for it: it runs on the main thread. */
  | (UnitBase & { kind: 'text'; text: string | { bytes: Uint8Array; size: number }; format?: SourceFormat })
  /** A JSONL file, or one range of its lines; a range's records carry the file's line numbers. */
  | (UnitBase & { kind: 'jsonl'; range?: JsonlRange })
  /** A large `.json` file, read an element at a time if it is one well-formed array (on one thread, which scans it itself). */
  | (UnitBase & { kind: 'json-array' })
  /**
   * A range of a large JSON array's elements (their spans, see
   * JsonArrayScan), for a worker to read; `scan` is the first pass over the
   * array, which may still be reading on (see feedJsonArray). `spans` is
   * let go once the result is applied.
   */
  | (UnitBase & { kind: 'json-array-range'; spans?: Float64Array; scan: JsonArrayScanState; tail?: SourceFault });

/** How far the first pass over a large JSON array has come: its ranges' results are applied once it is `done`. */
export interface JsonArrayScanState {
  state: 'scanning' | 'done' | 'failed';
}

/** A unit without its place, as the plan makes it. */
export type PlannedUnit = WorkUnit extends infer U ? (U extends WorkUnit ? Omit<U, 'id'> : never) : never;

/** The warning for a file that held no record: it is where a file starts. */
export function noRecords(): SourceFault {
  return { kind: 'fault', index: 0, reason: 'no-records', severity: 'warning', range: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/** Whether a unit must run on the main thread. */
export function runsHere(unit: WorkUnit): boolean {
  return unit.kind === 'text' || (unit.kind === 'whole-file' && unit.here === true);
}

/** The records of a unit. */
export function sourceOfUnit(unit: WorkUnit, maxFileSize: number): RecordSource {
  switch (unit.kind) {
    case 'text':
      return typeof unit.text === 'string' ? textSource(unit.filePath, unit.text, unit.format) : bytesSource(unit.filePath, unit.text.bytes, unit.text.size, maxFileSize);
    case 'jsonl':
      return jsonlFileSource(unit.filePath, maxFileSize, unit.range);
    case 'json-array':
      return jsonArraySource(unit.filePath, maxFileSize, { size: unit.bytes });
    case 'json-array-range':
      return jsonArraySource(unit.filePath, maxFileSize, { spans: unit.spans ?? new Float64Array(0), ...(unit.tail ? { tail: unit.tail } : {}) });
    case 'whole-file':
      return wholeFileSource(unit.filePath, unit.bytes, maxFileSize, unit.format);
    case 'cached':
      return wholeFileSource(unit.filePath, unit.bytes, maxFileSize);
  }
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

/** How often a unit read on this thread says how far it has come, in records. */
const PROGRESS_RECORDS = 1024;

/** Where a unit run on the main thread puts what it finds, as it finds it. */
export interface UnitRun {
  /** Messages go here (the file's store). */
  sink: MessageSink;
  /** Each record's batch keys go here. */
  batch: BatchSession;
  /**
   * For --cache, which keeps the keys of a file with no message: the
   * records' keys also go here, some thousands of records at a time, while
   * it wants them, and once more at the end, if only to say the unit had
   * none. Keys collected when it stops wanting them are dropped.
   */
  cacheKeys?: { wanted(): boolean; add(keys: UnitKeys): void };
  /** Called now and then: records so far and the byte reached. */
  onProgress?: (records: number, byteOffset: number) => void;
}

/**
 * Lints one unit with the record and source rules, and takes each record's
 * batch keys: into the result (a worker's unit, or one a worker gave back),
 * or, with `run`, straight into the run's batch and the file's messages.
 */
export async function runUnit(runLinter: Linter, unit: WorkUnit, maxFileSize: number, run?: UnitRun): Promise<UnitResult> {
  // The config's overrides may set the file's rules apart; a worker matches them as the main thread does.
  const linter = linterFor(runLinter, unit.filePath);
  const messages: LintMessage[] = [];
  const out: MessageSink = run?.sink ?? messages;
  const stats = new StatsCollector();
  const keys = new KeyTaker(linter.batchRules(), unit.filePath, run);
  const reading = sourceOfUnit(unit, maxFileSize).read();
  let records = 0;
  await eachItemUntilThrow(reading, (item) => {
    records++;
    linter.lintItem(item, out, stats);
    if (item.kind === 'record') keys.take(item);
    if (run?.onProgress && records % PROGRESS_RECORDS === 0) run.onProgress(records, reading.bytesRead);
  }, (fault) => {
    records++;
    linter.lintItem(fault, out, stats);
  });
  keys.finish();
  return { id: unit.id, messages, records, lines: reading.lines, stats: stats.result(), keys: keys.unitKeys() };
}

/**
 * The items of a reading, each to `take`; an error thrown while one is
 * linted (nesting deep enough to exhaust the stack in a rule's walk) ends
 * the unit with a fault at that point, as a parser's would, and is not a
 * crash of the run.
 */
async function eachItemUntilThrow(reading: RecordReading, take: (item: SourceItem) => void, fault: (item: SourceItem) => void): Promise<void> {
  let taken = 0;
  try {
    await eachItem(reading.items, (item) => {
      taken++;
      take(item);
    });
  } catch (e) {
    fault(thrownFault(e, taken));
  }
}

/**
 * A unit's batch keys. Each record's keys are worked out once: in a worker
 * they are kept for the result; on the main thread they go straight to the
 * run's batch, and are kept for the cache only while it wants them.
 */
class KeyTaker {
  private readonly builder = new UnitKeysBuilder();

  constructor(
    private readonly rules: BatchRuleSet,
    private readonly filePath: string,
    private readonly run: UnitRun | undefined,
  ) {}

  take(record: SourceRecord & { byteOffset?: number }): void {
    const { builder, run } = this;
    const keep = run === undefined || (run.cacheKeys?.wanted() ?? false);
    if (!keep) builder.clear();
    const from = builder.rowLength;
    if (builder.addKeys(this.rules, record.value) === 0) return;
    const line = firstLineOf(record);
    const byteOffset = record.byteOffset ?? -1;
    if (keep) builder.addRecord(record.index, line, byteOffset);
    if (!run) return;
    run.batch.addRecordKeys(this.filePath, record.index, line, byteOffset, builder, from);
    if (keep && builder.recordCount >= CACHE_KEYS_RECORDS) this.handToCache();
  }

  finish(): void {
    if (this.run?.cacheKeys?.wanted()) this.handToCache();
  }

  /** The keys kept for the result: none when they went to the run's batch as they came. */
  unitKeys(): UnitKeys {
    return this.run ? new UnitKeysBuilder().keys() : this.builder.keys();
  }

  private handToCache(): void {
    this.run!.cacheKeys!.add(this.builder.keys());
    this.builder.clear();
  }
}

