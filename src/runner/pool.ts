import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-files.js';
import type { Linter, LinterRecipe } from '../engine/index.js';
import type { UnitFeed } from './feed.js';
import { runsHere, runUnit, type UnitReply, type UnitResult, type WorkUnit } from './units.js';

/** Young generation of a worker thread, in MB: half V8's default, as linting keeps almost nothing from one record to the next. */
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Old generation of a worker thread, in MB, for a run whose largest file read
 * whole (JSON, YAML; JSONL is streamed) has `wholeFileBytes`. V8 lets a heap
 * grow before a full collection by a factor it derives from the heap's limit:
 * up to 4 with the default limit of a large machine, 1.6 with 1 GB, 1.3 with
 * 256 MB or less. A worker keeps little from one unit to the next, but with
 * the default limit each worker's heap grew several times larger, and two of
 * them took `auto` past its memory target. 1 GB keeps most of the saving
 * without many more full collections (measured: bench/RESULTS.md). A file
 * read whole needs about three times its size, so a run with larger JSON
 * files gets room for them; a worker that still runs out is stopped by V8,
 * and its unit runs on this thread.
 */
export function workerOldGenerationMb(wholeFileBytes: number): number {
  return Math.max(WORKER_OLD_GENERATION_MB, Math.ceil((4 * wholeFileBytes) / (1024 * 1024)) + 64);
}
const WORKER_OLD_GENERATION_MB = 1024;

/**
 * A worker's stack, as large as the main thread's (V8's default, 984 KB;
 * a worker's own default is 4 MB): how deep a recursive parser can go then
 * does not depend on the thread a file is read on.
 */
const MAIN_THREAD_STACK_MB = 984 / 1024;

/**
 * Units a worker holds at once when they are small files read whole, and
 * their bytes together. Larger units are held two at a time: the worker
 * lints one while the next waits, so it never waits for this thread.
 */
const LANE_UNITS = 8;
const LANE_BYTES = 4 * 1024 * 1024;

/** What a worker thread is started with: it makes the same linter from it. */
export interface WorkerSetup {
  recipe: Omit<LinterRecipe, 'now'> & { now: string };
  maxFileSize: number;
}

export interface PoolOptions {
  threads: number;
  recipe: LinterRecipe;
  maxFileSize: number;
  /** Old generation of each worker thread, in MB. */
  workerHeapMb: number;
  /** Where results go, applied in unit order. */
  inOrder: ResultsInOrder;
  /** A unit's result came (in any order). */
  arrived: (unit: WorkUnit, result: UnitResult) => void;
  /** The result of a unit the cache answers for. */
  fromCache: (unit: WorkUnit) => UnitResult;
}

/**
 * Lints the units of `feed` on `threads` threads, as they are found: this
 * one and `threads - 1` worker threads. Each takes the next unit in input
 * order; a unit that must run here, or that a worker could not lint, runs on
 * this thread. Results go to `inOrder`.
 *
 * This thread lints as well, rather than only hand units out: a worker
 * loads the engine and warms it up on its own, so each one costs CPU time a
 * single-threaded run does not spend, and this thread was idle (issue 20).
 */
export async function runPool(feed: UnitFeed, linter: Linter, options: PoolOptions): Promise<void> {
  const setup: WorkerSetup = { recipe: { ...options.recipe, now: options.recipe.now.toISOString() }, maxFileSize: options.maxFileSize };
  const lanes: WorkerLane[] = [];
  // Shared by the lanes: each takes the next unit in input order.
  const cursor = { next: 0 };
  const here = (unit: WorkUnit) => runUnit(linter, unit, options.maxFileSize);
  feed.onScanEnd = () => options.inOrder.drain();
  try {
    await Promise.all([
      ...Array.from({ length: Math.max(1, options.threads - 1) }, async () => {
        const lane = new WorkerLane(setup, options.workerHeapMb, here);
        lanes.push(lane);
        await lane.work(feed, cursor, options);
      }),
      workHere(feed, cursor, options, here),
    ]);
  } finally {
    await Promise.all(lanes.map((lane) => lane.stop()));
  }
  options.inOrder.drain();
}

/** Whether `unit` is a range of a JSON array found broken: the file is read whole instead (see feedJsonArray), and the range is not linted at all. */
function droppedRange(unit: WorkUnit, options: PoolOptions): boolean {
  if (unit.kind !== 'json-array-range' || unit.scan.state !== 'failed') return false;
  options.inOrder.set(unit.id, undefined);
  return true;
}

/** The next unit no lane has taken, once the feed has found it; undefined when the feed is done. */
async function nextUnit(feed: UnitFeed, cursor: { next: number }): Promise<WorkUnit | undefined> {
  for (;;) {
    if (cursor.next < feed.units.length) return feed.units[cursor.next++]!;
    if (feed.done) return undefined;
    await feed.more();
  }
}

/**
 * This thread's lane: one unit at a time, its result kept as a worker's is
 * (not sent straight to the batch: the results of earlier units may still be
 * on their way). Between units it yields, so replies from the workers and
 * the feed's first pass over a large array go on.
 */
async function workHere(feed: UnitFeed, cursor: { next: number }, options: PoolOptions, lint: (unit: WorkUnit) => Promise<UnitResult>): Promise<void> {
  for (let unit = await nextUnit(feed, cursor); unit; unit = await nextUnit(feed, cursor)) {
    if (droppedRange(unit, options)) continue;
    const result = unit.kind === 'cached' ? options.fromCache(unit) : await lint(unit);
    options.arrived(unit, result);
    options.inOrder.set(unit.id, result);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** One worker thread and the units it holds. */
class WorkerLane {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { unit: WorkUnit; resolve: (r: UnitResult | Promise<UnitResult>) => void }>();
  /** The worker died or stopped: it is not used again, and the units it held run here. */
  private broken = false;

  constructor(
    setup: WorkerSetup,
    heapMb: number,
    /** Lints a unit on this thread. */
    private readonly onThisThread: (unit: WorkUnit) => Promise<UnitResult>,
  ) {
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb, stackSizeMb: MAIN_THREAD_STACK_MB };
    this.worker = new Worker(join(packageRoot, 'dist', 'runner', 'worker.js'), { workerData: setup, resourceLimits });
    this.worker.on('message', (replies: UnitReply[]) => this.received(replies));
    this.worker.on('error', () => this.giveBack());
    this.worker.on('exit', () => this.giveBack());
  }

  /**
   * Claims units in turn until the feed ends. Small files are handed over
   * several at a time, so the worker goes on to the next without waiting for
   * this thread to take its result; large units (ranges) two at a time.
   */
  async work(feed: UnitFeed, cursor: { next: number }, options: PoolOptions): Promise<void> {
    const held = new Set<Promise<void>>();
    let heldBytes = 0;
    for (;;) {
      if (cursor.next >= feed.units.length) {
        if (feed.done) break;
        await feed.more();
        continue;
      }
      const unit = feed.units[cursor.next]!;
      if (held.size >= LANE_UNITS || (held.size >= 2 && heldBytes + unit.bytes > LANE_BYTES)) {
        await Promise.race(held);
        continue;
      }
      cursor.next++;
      if (droppedRange(unit, options)) continue;
      heldBytes += unit.bytes;
      const done = this.lint(unit, options)
        .then((result) => {
          options.arrived(unit, result);
          options.inOrder.set(unit.id, result);
        })
        .finally(() => {
          held.delete(done);
          heldBytes -= unit.bytes;
        });
      held.add(done);
    }
    await Promise.all(held);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }

  private lint(unit: WorkUnit, options: PoolOptions): Promise<UnitResult> {
    if (unit.kind === 'cached') return Promise.resolve(options.fromCache(unit));
    if (this.broken || runsHere(unit)) return this.onThisThread(unit);
    return new Promise<UnitResult>((resolve) => {
      this.waiting.set(unit.id, { unit, resolve });
      this.worker.postMessage(unit);
    });
  }

  private received(replies: UnitReply[]): void {
    for (const reply of replies) {
      const id = reply.ok ? reply.result.id : reply.id;
      const waiting = this.waiting.get(id);
      if (!waiting) continue;
      this.waiting.delete(id);
      // A unit the worker could not lint runs here.
      waiting.resolve(reply.ok ? reply.result : this.onThisThread(waiting.unit));
    }
  }

  private giveBack(): void {
    this.broken = true;
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.resolve(this.onThisThread(waiting.unit));
    }
  }
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
      const scan = unit.kind === 'json-array-range' ? unit.scan.state : undefined;
      if (scan === 'scanning') return;
      const result = this.results.get(this.applied);
      this.results.delete(this.applied);
      this.applied++;
      if (!result) continue;
      if (scan === 'failed') this.dropped(unit, result);
      else this.apply(unit, result);
    }
  }
}
