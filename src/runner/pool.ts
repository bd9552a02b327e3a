import { availableParallelism } from 'node:os';
import { closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatOf } from '../input/index.js';
import { JsonArrayScan, SCAN_STEP_BYTES, STREAM_JSON_BYTES } from '../input/json-array-stream.js';
import { jsonlChunks } from '../input/jsonl-stream.js';
import { packageRoot } from '../package-files.js';
import type { Config } from './config.js';
import { contentHash, type CachedFile, type LintCache } from './cache.js';
import { noUnitKeys, type BatchSession, type UnitKeys } from './batch.js';
import type { Linter } from './linter.js';
import { StatsCollector } from './stats.js';
import { enlarged } from './typed-arrays.js';
import { runUnit, type JsonArrayScanState, type UnitReply, type UnitResult, type WorkUnit } from './units.js';
import type { FileMessages, MessageStore } from './message-store.js';
import type { Locale } from './types.js';

/** JSONL files are cut into ranges of about this size, so one large batch keeps every core busy. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** Young generation of a worker thread, in MB (48 by default here, as worker_threads.resourceLimits reports). */
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Old generation of a worker thread, in MB, for a run whose largest file read
 * whole (JSON, YAML; JSONL is streamed) has `wholeFileBytes`. V8 lets a heap
 * grow before a full collection by a factor it derives from the heap's limit:
 * up to 4 with the default limit of a large machine, 1.6 with 1 GB, 1.3 with
 * 256 MB or less. A worker keeps about 11 MB from one unit to the next, yet
 * with the default each worker's heap sat at 50–65 MB, and two of them took
 * `auto` past its memory target. 1 GB keeps most of the saving at almost no
 * cost in time (256 MB saved a little more but took three times as many full
 * collections). A file read whole needs about three times its size, so a run
 * with larger JSON files gets room for them; a worker that still runs out is
 * stopped by V8, and its unit runs on this thread.
 */
export function workerOldGenerationMb(wholeFileBytes: number): number {
  return Math.max(WORKER_OLD_GENERATION_MB, Math.ceil((4 * wholeFileBytes) / (1024 * 1024)) + 64);
}
const WORKER_OLD_GENERATION_MB = 1024;

/**
 * Below this much input, starting workers costs more than it saves: each
 * loads the engine and warms up on its own (bench/RESULTS.md: 21 MB ran
 * faster on one thread, 214 MB 1.7 times faster on two).
 */
const PARALLEL_THRESHOLD_BYTES = 64 * 1024 * 1024;

/**
 * Units a worker holds at once when they are small files read whole, and
 * their bytes together. Larger units are held two at a time: the worker
 * lints one while the next waits, so it never waits for this thread.
 */
const LANE_UNITS = 8;
const LANE_BYTES = 4 * 1024 * 1024;

/** A file's size, or 0 when it cannot be asked (reading it will say why). */
function sizeOf(filePath: string): number {
  try {
    return statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

export type Concurrency = 'auto' | 'off' | number;

/** How many threads a run uses: `off` is this thread only; `auto` one per core when there is enough work. */
export function threadsFor(concurrency: Concurrency, totalBytes: number, units: number): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? (totalBytes < PARALLEL_THRESHOLD_BYTES ? 1 : availableParallelism()) : concurrency;
  return Math.max(1, Math.min(wanted, units));
}

export interface WorkerOptions {
  /** The resolved config workers rebuild the linter from; without it the run stays on this thread. */
  config: Config | undefined;
  locale: Locale;
  redact: boolean;
  now: Date;
  rules: NonNullable<import('./index.js').LintOptions['rules']>;
  cwd: string;
  maxFileSize: number;
  /** Size of the JSONL ranges handed to workers (CHUNK_BYTES by default). */
  chunkBytes?: number;
  /** `.json` files this large are read an element at a time when they are one array (STREAM_JSON_BYTES by default). */
  streamJsonBytes?: number;
  /** Old generation of each worker thread, in MB (workerOldGenerationMb by default). */
  workerHeapMb?: number;
  /** How far the run is, for a progress display; called at most every few thousand records. */
  onProgress?: (progress: RunProgress) => void;
  /** Files unchanged since a run that found nothing in them are not linted again. */
  cache?: LintCache;
}

export interface RunProgress {
  records: number;
  bytes: number;
  totalBytes: number;
  /** Once every record is linted: the batch rules' repeats written as messages so far, of all found. */
  batch?: { written: number; total: number };
}

/** Per-file state while units come back: offsets for the next unit, and what was found so far. */
interface FileState {
  lines: number;
  records: number;
  messages: FileMessages;
  stats: StatsCollector;
  /** False once the file cannot be cached: it has a message. Until then its keys go to the cache's collection. */
  cacheable: boolean;
}

/**
 * Lints the files with worker threads. Units are handed out in order and
 * their results applied strictly in order, so batch rules see records in
 * the order given and the output is the same as a single-threaded run.
 */
export async function lintInParallel(
  files: readonly string[],
  linter: Linter,
  batch: BatchSession,
  options: WorkerOptions,
  concurrency: Concurrency,
  store: MessageStore,
): Promise<Array<{ filePath: string; messages: FileMessages; stats: StatsCollector }>> {
  // Blocking, one file at a time: nothing else runs yet, and 5,000 stats through the thread pool
  // (64 at a time; all at once held 160 MB for 40,000 files) took 110-190 ms against 25-35 ms.
  const sizes = files.map(sizeOf);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const streamJson = (i: number) => formatOf(files[i]!) === 'json' && sizes[i]! >= (options.streamJsonBytes ?? STREAM_JSON_BYTES);
  // JSONL and streamed JSON arrays are cut into ranges; any other file is one unit, and a worker
  // for a single one would only add a second heap.
  let unitsAtMost = 0;
  for (const [i, f] of files.entries()) unitsAtMost += formatOf(f) === 'jsonl' || streamJson(i) ? Math.max(1, Math.ceil(sizes[i]! / chunkBytes)) : 1;
  const threads = options.config === undefined ? 1 : threadsFor(concurrency, totalBytes, unitsAtMost);
  const { cache } = options;
  const hashes = new Map<string, string>();
  const cached = new Map<string, CachedFile>();
  if (cache) {
    for (const filePath of files) {
      const hash = contentHash(filePath);
      if (!hash) continue;
      hashes.set(filePath, hash);
      const hit = cache.lookup(filePath, hash);
      if (hit) cached.set(filePath, hit);
    }
  }
  // Files read whole by a worker: its heap is sized for the largest.
  let wholeFileBytes = 0;
  for (const [i, filePath] of files.entries()) {
    if (!cached.has(filePath) && formatOf(filePath) !== 'jsonl' && !streamJson(i)) wholeFileBytes = Math.max(wholeFileBytes, sizes[i]!);
  }
  const feed = new UnitFeed();
  const produce = async () => {
    try {
      for (const [i, filePath] of files.entries()) {
        const size = sizes[i]!;
        if (cached.has(filePath)) {
          feed.push({ filePath, cached: true, bytes: size });
        } else if (threads > 1 && formatOf(filePath) === 'jsonl' && size > chunkBytes) {
          for (const range of await jsonlChunks(filePath, size, chunkBytes)) feed.push({ filePath, range, bytes: range[1] - range[0] });
        } else if (streamJson(i)) {
          // A worker must not get a whole array: it would hold its batch keys and messages until the
          // end (1.8 GB for a million filings). Its elements are cut into ranges, as JSONL lines are.
          // On one thread the unit scans the file itself.
          if (threads <= 1) feed.push({ filePath, bytes: size, streamJson: true });
          else await feedJsonArray(feed, filePath, size, chunkBytes);
        } else {
          feed.push({ filePath, bytes: size });
        }
      }
    } finally {
      feed.end();
    }
  };
  const state = new Map<string, FileState>(files.map((f) => [f, { lines: 0, records: 0, messages: store.file(), stats: new StatsCollector(), cacheable: cache !== undefined }]));

  let doneBytes = 0;
  let doneRecords = 0;
  /** A unit linted (`sign` 1) or, for a range of an array found broken, taken back (-1). */
  const progressed = (unit: WorkUnit, r: UnitResult, sign = 1) => {
    doneBytes += sign * unit.bytes;
    doneRecords += sign * r.records;
    options.onProgress?.({ records: doneRecords, bytes: doneBytes, totalBytes });
  };
  /** `keysInBatch`: the unit ran on this thread with the batch, which has its keys already. */
  const apply = (unit: WorkUnit, r: UnitResult, keysInBatch = false) => {
    // A range of an array's elements is done with: its spans (32 bytes an element) go.
    if (unit.jsonSpans) delete unit.jsonSpans;
    const s = state.get(unit.filePath)!;
    const lineShift = s.lines;
    const recordShift = s.records;
    // A unit's result belongs to this run alone, so its messages are adjusted in place: a copy of
    // each would double them in memory until the next full collection.
    for (const m of r.messages) {
      m.message = linter.shareText(m.message);
      m.path = linter.shareText(m.path);
      if (lineShift || recordShift) {
        m.line += lineShift;
        m.endLine += lineShift;
        m.record += recordShift;
      }
      s.messages.push(m);
    }
    if (!keysInBatch) batch.addUnit(unit.filePath, r.keys, recordShift, lineShift);
    if (unit.cached) {
      for (const keys of cache!.keysOf(cached.get(unit.filePath)!)) batch.addUnit(unit.filePath, keys, recordShift, lineShift);
    } else if (s.cacheable) {
      // The cache keeps only files with no message: once a file has one, its keys are let go.
      if (s.messages.count > 0) {
        s.cacheable = false;
        cache!.collected.drop(unit.filePath);
      } else if (!keysInBatch) {
        cache!.collected.add(unit.filePath, r.keys, recordShift, lineShift);
      }
    }
    s.stats.merge(r.stats, recordShift);
    s.lines += r.lines;
    s.records += r.records;
  };

  const fromCache = (unit: WorkUnit): UnitResult => {
    const entry = cached.get(unit.filePath)!;
    // Its keys are read from the cache's key file as the result is applied (see apply).
    return { id: unit.id, messages: [], records: entry.records, lines: entry.lines, stats: entry.stats, keys: noUnitKeys() };
  };
  if (threads <= 1) {
    await produce();
    for (const unit of feed.units) {
      if (unit.cached) {
        const result = fromCache(unit);
        apply(unit, result);
        progressed(unit, result);
        continue;
      }
      const start = unit.range?.[0] ?? 0;
      const progress = options.onProgress && ((records: number, offset: number) => options.onProgress!({ records: doneRecords + records, bytes: doneBytes + offset - start, totalBytes }));
      // One thread: records reach the batch directly, so its messages are placed exactly at once;
      // with a cache, keys also go to the cache's collection while the file has no message. A unit is
      // a whole file here, so its messages go straight to the file's store.
      const file = state.get(unit.filePath)!;
      const sink = file.messages;
      const cacheKeys = cache && {
        wanted: () => file.cacheable && sink.count === 0,
        add: (keys: UnitKeys) => cache.collected.add(unit.filePath, keys, 0, 0),
      };
      const result = await runUnit(linter, unit, options.maxFileSize, { sink, batch, ...(cacheKeys ? { cacheKeys } : {}), ...(progress ? { onProgress: progress } : {}) });
      apply(unit, result, true);
      progressed(unit, result);
    }
  } else {
    // Units are handed out as they are found: the ranges of a large JSON array while its first pass
    // reads on (it took 0.7 s per 100,000 filings, with every worker waiting).
    let failure: { error: unknown } | undefined;
    const producing = produce().catch((error: unknown) => {
      failure = { error };
    });
    // Progress counts a unit when its result comes, not when it is applied: a large array's ranges
    // wait for its first pass (12 s for a million filings), and the display would stand still.
    const results = new ResultsInOrder(feed.units, apply, (unit, r) => progressed(unit, r, -1));
    await runPool(feed, threads, { ...options, workerHeapMb: options.workerHeapMb ?? workerOldGenerationMb(wholeFileBytes) }, linter, results, progressed, fromCache);
    await producing;
    if (failure) throw failure.error;
  }
  if (cache) {
    for (const filePath of files) {
      const s = state.get(filePath)!;
      const hash = hashes.get(filePath);
      if (cached.has(filePath) || !hash) continue;
      if (s.cacheable && s.messages.count === 0 && cache.collected.has(filePath)) cache.store(filePath, { hash, records: s.records, lines: s.lines, stats: s.stats.result() });
      else cache.forget(filePath);
    }
  }
  return files.map((filePath) => ({ filePath, messages: state.get(filePath)!.messages, stats: state.get(filePath)!.stats }));
}

/**
 * The units of a run in input order, as they are found: a run hands them
 * out while more are being found.
 */
class UnitFeed {
  readonly units: WorkUnit[] = [];
  done = false;
  private wake: Array<() => void> = [];
  /** Called when a JSON array's first pass ends, so results held for it can be applied (or dropped). */
  onScanEnd: () => void = () => undefined;

  push(unit: Omit<WorkUnit, 'id'>): void {
    this.units.push({ ...unit, id: this.units.length });
    this.notify();
  }

  end(): void {
    this.done = true;
    this.notify();
  }

  /** Resolves once a unit is pushed or the feed ends. */
  more(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }
}

/**
 * Pushes a large JSON file's elements in ranges of about `chunkBytes` as its
 * first pass finds them. Its units carry the scan: their results wait until
 * the pass has vouched for the whole file. If the file turns out not to be
 * one well-formed array, they are dropped and the file is read whole, on
 * this thread (a worker's heap is sized for the files known to be read
 * whole).
 */
async function feedJsonArray(feed: UnitFeed, filePath: string, size: number, chunkBytes: number): Promise<void> {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch {
    // Unreadable: read whole, which says why.
    feed.push({ filePath, bytes: size });
    return;
  }
  const scan: JsonArrayScanState = { state: 'scanning' };
  try {
    const scanner = new JsonArrayScan(fd);
    let pending = new Float64Array(4 * 1024);
    let count = 0;
    let ranges = 0;
    for (;;) {
      let outcome: ReturnType<JsonArrayScan['step']>;
      try {
        outcome = scanner.step(SCAN_STEP_BYTES);
      } catch {
        outcome = 'invalid';
      }
      if (outcome === 'invalid') {
        scan.state = 'failed';
        feed.push({ filePath, bytes: size, here: true });
        return;
      }
      const found = scanner.take();
      if (count * 4 + found.length > pending.length) {
        let length = pending.length * 2;
        while (count * 4 + found.length > length) length *= 2;
        pending = enlarged(pending, length);
      }
      pending.set(found, count * 4);
      count += found.length / 4;
      // A range is cut once the element after it is known not to fit; at the end, whatever is left.
      let first = 0;
      while (first < count) {
        let last = first;
        while (last + 1 < count && pending[(last + 1) * 4 + 1]! - pending[first * 4]! <= chunkBytes) last++;
        if (last + 1 >= count && outcome === 'more') break;
        const jsonSpans = pending.slice(first * 4, (last + 1) * 4);
        feed.push({ filePath, bytes: jsonSpans[jsonSpans.length - 3]! - jsonSpans[0]!, jsonSpans, scan });
        ranges++;
        first = last + 1;
      }
      pending.copyWithin(0, first * 4, count * 4);
      count -= first;
      if (outcome === 'done') {
        // An empty array is one unit all the same, so the file is counted.
        if (ranges === 0) feed.push({ filePath, bytes: 0, jsonSpans: new Float64Array(0), scan });
        scan.state = 'done';
        return;
      }
      // The workers' results come in, and the units pushed go out, while the pass reads on.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
    feed.onScanEnd();
  }
}

async function runPool(
  feed: UnitFeed,
  threads: number,
  options: WorkerOptions & { workerHeapMb: number },
  linter: Linter,
  inOrder: ResultsInOrder,
  arrived: (unit: WorkUnit, r: UnitResult) => void,
  fromCache: (unit: WorkUnit) => UnitResult,
): Promise<void> {
  const workerFile = join(packageRoot, 'dist', 'engine', 'worker.js');
  const setup = {
    options: { config: options.config, locale: options.locale, redact: options.redact, now: options.now.toISOString(), rules: options.rules, cwd: options.cwd },
    maxFileSize: options.maxFileSize,
  };
  const units = feed.units;
  let next = 0;
  feed.onScanEnd = () => inOrder.drain();
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, async () => {
        // A worker's young generation is capped at half V8's default: linting keeps almost nothing
        // from one record to the next, and each worker's peak memory is counted in the run's.
        const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: options.workerHeapMb };
        const worker = new Worker(workerFile, { workerData: setup, resourceLimits });
        workers.push(worker);
        const waiting = new Map<number, { unit: WorkUnit; resolve: (r: UnitResult | Promise<UnitResult>) => void }>();
        let broken = false;
        // A unit the worker could not lint runs here; a worker that died or stopped is not used
        // again, and the units it held run here too.
        const onThisThread = (unit: WorkUnit) => runUnit(linter, unit, options.maxFileSize);
        const giveBack = () => {
          broken = true;
          for (const [id, w] of waiting) {
            waiting.delete(id);
            w.resolve(onThisThread(w.unit));
          }
        };
        worker.on('message', (replies: UnitReply[]) => {
          for (const msg of replies) {
            const id = msg.ok ? msg.result.id : msg.id;
            const w = waiting.get(id);
            if (!w) continue;
            waiting.delete(id);
            w.resolve(msg.ok ? msg.result : onThisThread(w.unit));
          }
        });
        worker.on('error', giveBack);
        worker.on('exit', giveBack);
        const held = new Set<Promise<void>>();
        let heldBytes = 0;
        for (;;) {
          if (next >= units.length) {
            if (feed.done) break;
            await feed.more();
            continue;
          }
          const unit = units[next]!;
          // Small files are handed over several at a time, so the worker goes on to the next without
          // waiting for this thread to take its result; large units (JSONL ranges) two at a time.
          if (held.size >= LANE_UNITS || (held.size >= 2 && heldBytes + unit.bytes > LANE_BYTES)) {
            await Promise.race(held);
            continue;
          }
          next++;
          if (unit.scan?.state === 'failed') {
            // The file is read whole instead (see feedJsonArray): this range is not linted at all.
            inOrder.set(unit.id, undefined);
            continue;
          }
          heldBytes += unit.bytes;
          const done = (async () => {
            let result: UnitResult;
            if (unit.cached) result = fromCache(unit);
            else if (broken || unit.here) result = await onThisThread(unit);
            else {
              result = await new Promise<UnitResult>((resolve) => {
                waiting.set(unit.id, { unit, resolve });
                worker.postMessage(unit);
              });
            }
            arrived(unit, result);
            inOrder.set(unit.id, result);
          })().finally(() => {
            held.delete(done);
            heldBytes -= unit.bytes;
          });
          held.add(done);
        }
        await Promise.all(held);
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  inOrder.drain();
}

/**
 * Unit results, applied strictly in unit order as they come in any order.
 * The ranges of a JSON array whose first pass still reads on wait for it,
 * and are dropped if it finds the file is not one array (see feedJsonArray).
 */
export class ResultsInOrder {
  private readonly results = new Map<number, UnitResult | undefined>();
  private applied = 0;

  constructor(
    private readonly units: readonly WorkUnit[],
    private readonly apply: (unit: WorkUnit, result: UnitResult) => void,
    /** A result dropped, as its array turned out not to be one. */
    private readonly dropped: (unit: WorkUnit, result: UnitResult) => void = () => undefined,
  ) {}

  /** A unit's result, or undefined for a unit that was not linted (a range of an array found broken). */
  set(id: number, result: UnitResult | undefined): void {
    this.results.set(id, result);
    this.drain();
  }

  drain(): void {
    while (this.results.has(this.applied)) {
      const unit = this.units[this.applied]!;
      if (unit.scan?.state === 'scanning') return;
      const result = this.results.get(this.applied);
      this.results.delete(this.applied);
      this.applied++;
      if (!result) continue;
      if (unit.scan?.state === 'failed') this.dropped(unit, result);
      else this.apply(unit, result);
    }
  }
}
