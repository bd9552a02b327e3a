import { countResult, linterFor, StatsCollector, type Linter, type LintResult } from '../engine/index.js';
import { applyDirectives } from '../engine/directives.js';
import { yamlDirectives } from '../input/directives.js';
import { stripBom } from '../input/index.js';
import { readSourceSync } from '../input/read-file.js';
import { WHOLE_READ_BYTES } from '../input/record-source.js';
import { noUnitKeys, type BatchSession, type UnitKeys } from './batch.js';
import { unchangedSinceDigest, type LintCache } from './cache.js';
import { messagesOf, type FileMessages, type MessageStore } from './message-store.js';
import type { PlannedFile, RunPlan } from './plan.js';
import { noRecords, type UnitResult, type UnitRun, type WorkUnit } from './units.js';

export interface RunProgress {
  records: number;
  bytes: number;
  totalBytes: number;
  /** Once every record is linted: the batch rules' repeats written as messages so far, of all found. */
  batch?: { written: number; total: number };
}

/** What is known of one file while its units come back. */
interface FileState {
  /** Lines and records of the units applied so far: the next unit's records count on from here. */
  lines: number;
  records: number;
  messages: FileMessages;
  stats: StatsCollector;
  /** False once the file cannot be cached: it has a message. Until then its keys go to the cache's collection. */
  cacheable: boolean;
}

/**
 * The results of a run's units, merged file by file in unit order: record
 * indexes shifted by the units before in the same file, keys
 * added to the batch in input order, and, with a cache, the keys of each
 * file that has no message collected for it.
 */
export class RunMerge {
  private readonly files: FileState[];
  private doneBytes = 0;
  private doneRecords = 0;

  constructor(
    private readonly plan: RunPlan,
    private readonly linter: Linter,
    private readonly batch: BatchSession,
    store: MessageStore,
    private readonly cache: LintCache | undefined,
    private readonly onProgress: ((progress: RunProgress) => void) | undefined,
  ) {
    // A text in memory (stdin) is never cached: it has no file to find unchanged next time.
    this.files = plan.files.map(({ read }) => ({ lines: 0, records: 0, messages: store.file(), stats: new StatsCollector(), cacheable: cache !== undefined && read !== 'text' }));
  }

  /**
   * How a unit runs on this thread: its messages straight into its file's
   * store, its records' keys straight into the batch and, while its file
   * has no message, into the cache's collection. A unit run this way is a
   * whole file.
   */
  directRun(unit: WorkUnit): UnitRun {
    const file = this.files[unit.file]!;
    const { cache } = this;
    const start = unit.kind === 'jsonl' ? (unit.range?.start ?? 0) : 0;
    const onProgress = this.onProgress;
    return {
      sink: file.messages,
      batch: this.batch,
      ...(cache && {
        cacheKeys: {
          wanted: () => file.cacheable && file.messages.count === 0,
          add: (keys: UnitKeys) => cache.collected.add(unit.filePath, keys, 0, 0),
        },
      }),
      ...(onProgress && {
        onProgress: (records: number, offset: number) => onProgress({ records: this.doneRecords + records, bytes: this.doneBytes + offset - start, totalBytes: this.plan.totalBytes }),
      }),
    };
  }

  /** The result of a unit the cache answers for; its keys are read from the cache's key file as it is applied. */
  fromCache(unit: WorkUnit): UnitResult {
    const entry = this.plan.files[unit.file]!.cached!;
    return { id: unit.id, messages: [], records: entry.records, lines: entry.lines, stats: entry.stats, keys: noUnitKeys() };
  }

  /** A unit linted (`sign` 1) or, for a range of an array found broken, taken back (-1). */
  progressed(unit: WorkUnit, result: UnitResult, sign = 1): void {
    this.doneBytes += sign * unit.bytes;
    this.doneRecords += sign * result.records;
    this.onProgress?.({ records: this.doneRecords, bytes: this.doneBytes, totalBytes: this.plan.totalBytes });
  }

  /**
   * Applies a unit's result; units must come in order. `direct`: the unit
   * ran with directRun, so its messages and keys are in place already.
   */
  apply(unit: WorkUnit, result: UnitResult, direct = false): void {
    // A range of an array's elements is done with: its spans go.
    if (unit.kind === 'json-array-range') delete unit.spans;
    const file = this.files[unit.file]!;
    // Every unit numbers its records by the file's lines (a JSONL range knows its first line, an
    // array's elements carry theirs), so output is the same with any number of threads; only record
    // indexes count from the unit's start.
    const recordShift = file.records;
    if (!direct) this.takeMessages(file, result, recordShift);
    if (!direct) this.batch.addUnit(unit.filePath, result.keys, recordShift);
    const { cache } = this;
    if (unit.kind === 'cached') {
      for (const keys of cache!.keysOf(this.plan.files[unit.file]!.cached!)) this.batch.addUnit(unit.filePath, keys, recordShift);
    } else if (file.cacheable) {
      // The cache keeps only files with no message: once a file has one, its keys are let go.
      if (file.messages.count > 0) {
        file.cacheable = false;
        cache!.collected.drop(unit.filePath);
      } else if (!direct) {
        cache!.collected.add(unit.filePath, result.keys, recordShift, 0);
      }
    }
    file.stats.merge(result.stats, recordShift);
    file.lines += result.lines;
    file.records += result.records;
  }

  /**
   * A unit's result belongs to this run alone, so its messages are adjusted
   * in place: a copy of each would double them in memory until the next
   * full collection.
   */
  private takeMessages(file: FileState, result: UnitResult, recordShift: number): void {
    const { linter } = this;
    for (const m of result.messages) {
      m.message = linter.shareText(m.message);
      m.path = linter.shareText(m.path);
      m.record += recordShift;
      file.messages.push(m);
    }
  }

  /**
   * Once every unit is applied: a file that held no record at all (blank
   * lines, an empty array) gets a warning. An export step that wrote nothing
   * would otherwise pass as clean.
   */
  flagEmptyFiles(): void {
    this.files.forEach((file, i) => {
      if (file.records === 0) file.messages.push(...linterFor(this.linter, this.plan.files[i]!.filePath).faultMessages([noRecords()]));
    });
  }

  /**
   * Once every unit is applied: each file with no message is stored in the
   * cache, any other forgotten. A file is stored under the digest the plan
   * took before any file was linted, so only if it is still what was
   * digested (unchangedSinceDigest says how far that holds): a file saved in
   * between was linted as it is now, and cached under its old digest its
   * old content's messages would be hidden when that content came back.
   */
  settleCache(): void {
    const { cache } = this;
    if (!cache) return;
    for (const [i, planned] of this.plan.files.entries()) {
      const file = this.files[i]!;
      if (planned.read === 'cached' || planned.read === 'text' || !planned.digest) continue;
      if (file.cacheable && file.messages.count === 0 && cache.collected.has(planned.filePath) && unchangedSinceDigest(planned.filePath, planned.digest)) {
        cache.store(planned.filePath, { hash: planned.digest.hash, records: file.records, lines: file.lines, stats: file.stats.result() });
      } else {
        cache.forget(planned.filePath);
      }
    }
  }

  /** Records linted so far. */
  get records(): number {
    return this.doneRecords;
  }

  /**
   * Each file's result once every message is in, batch messages included:
   * sorted and counted, and a YAML file's inline directives applied (its text
   * read again for its comments). Only here is every message of a file
   * known, on one thread or several, linted or answered by the cache.
   */
  finalResults(maxFileSize: number): LintResult[] {
    return this.plan.files.map((planned, i) => {
      const file = this.files[i]!;
      const result = file.messages.result(planned.filePath, file.stats.result());
      if (planned.format !== 'yaml') return result;
      const text = yamlTextOf(planned, maxFileSize);
      return text === undefined ? result : withInlineDirectives(result, text, linterFor(this.linter, planned.filePath));
    });
  }

  /** Each file's messages and stats, in plan order. */
  results(): Array<{ filePath: string; messages: FileMessages; stats: StatsCollector }> {
    return this.plan.files.map(({ filePath }, i) => ({ filePath, messages: this.files[i]!.messages, stats: this.files[i]!.stats }));
  }
}

/**
 * The text of a YAML file as its records were parsed from, for its
 * comments; undefined when it was not parsed (unreadable, not text, too
 * large to read whole), so no directive applies to what was never linted.
 */
function yamlTextOf(planned: PlannedFile, maxFileSize: number): string | undefined {
  if (planned.text !== undefined) return typeof planned.text === 'string' ? stripBom(planned.text) : undefined;
  if (planned.size > Math.min(maxFileSize, WHOLE_READ_BYTES.yaml)) return undefined;
  const read = readSourceSync(planned.filePath);
  return read.ok ? stripBom(read.text) : undefined;
}

/**
 * A result with the inline directives of its YAML text applied
 * (applyDirectives), counted again. `linter` is the file's own.
 */
export function withInlineDirectives(result: LintResult, text: string, linter: Linter): LintResult {
  const directives = yamlDirectives(text);
  if (directives.length === 0) return result;
  // A YAML file is read whole, so its messages fit in memory, spilled or not.
  const counted = countResult(result.filePath, applyDirectives([...messagesOf(result)], directives, linter));
  return result.stats ? { ...counted, stats: result.stats } : counted;
}
