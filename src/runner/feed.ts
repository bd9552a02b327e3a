import { closeSync, openSync } from 'node:fs';
import { JsonArrayScan, SCAN_STEP_BYTES, SPAN, SPAN_END, SPAN_START } from '../input/json-array-stream.js';
import { jsonlRanges } from '../input/jsonl-stream.js';
import { enlarged } from '../engine/typed-arrays.js';
import type { RunPlan } from './plan.js';
import type { JsonArrayScanState, PlannedUnit, WorkUnit } from './units.js';

/**
 * Pushes the units of a planned run into `feed`, in input order, and ends
 * it. On several threads, a large JSONL file is cut into ranges of about
 * `chunkBytes`, and a large JSON array into ranges of its elements as its
 * first pass finds them; on one thread each file is one unit.
 */
export async function feedUnits(plan: RunPlan, feed: UnitFeed, chunkBytes: number): Promise<void> {
  const several = plan.threads > 1;
  try {
    for (const [file, { filePath, size, read, text, format }] of plan.files.entries()) {
      switch (read) {
        case 'cached':
          feed.push({ kind: 'cached', file, filePath, bytes: size });
          break;
        case 'whole-file':
          feed.push({ kind: 'whole-file', file, filePath, bytes: size, ...(format ? { format } : {}) });
          break;
        case 'text':
          feed.push({ kind: 'text', file, filePath, bytes: size, text: text ?? '', ...(format ? { format } : {}) });
          break;
        case 'jsonl':
          if (several && size > chunkBytes) {
            for await (const range of jsonlRanges(filePath, size, chunkBytes)) feed.push({ kind: 'jsonl', file, filePath, range, bytes: range.end - range.start });
          } else {
            feed.push({ kind: 'jsonl', file, filePath, bytes: size });
          }
          break;
        case 'json-array':
          // A worker must not get a whole array: it would hold its batch keys and messages until the
          // end. Its elements are cut into ranges, as JSONL lines are; on one thread the unit scans
          // the file itself.
          if (several) await feedJsonArray(feed, file, filePath, size, chunkBytes);
          else feed.push({ kind: 'json-array', file, filePath, bytes: size });
          break;
      }
    }
  } finally {
    feed.end();
  }
}

/**
 * The units of a run in input order, as they are found: a run hands them
 * out while more are being found.
 */
export class UnitFeed {
  readonly units: WorkUnit[] = [];
  done = false;
  private wake: Array<() => void> = [];
  /** Called when a JSON array's first pass ends, so results held for it can be applied (or dropped). */
  onScanEnd: () => void = () => undefined;

  push(unit: PlannedUnit): void {
    this.units.push({ ...unit, id: this.units.length } as WorkUnit);
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
async function feedJsonArray(feed: UnitFeed, file: number, filePath: string, size: number, chunkBytes: number): Promise<void> {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch {
    // Unreadable: read whole, which says why.
    feed.push({ kind: 'whole-file', file, filePath, bytes: size });
    return;
  }
  const scan: JsonArrayScanState = { state: 'scanning' };
  try {
    const scanner = new JsonArrayScan(fd);
    let pending = new Float64Array(SPAN * 1024);
    let count = 0;
    let ranges = 0;
    for (;;) {
      let outcome: ReturnType<JsonArrayScan['step']>;
      try {
        outcome = scanner.step(SCAN_STEP_BYTES);
      } catch {
        outcome = 'invalid';
      }
      const found = scanner.take();
      if (outcome === 'invalid' && ranges === 0 && count === 0 && found.length === 0) {
        // Not an array with a whole element: read whole, which says what it is (within the size limits).
        scan.state = 'failed';
        feed.push({ kind: 'whole-file', file, filePath, bytes: size, here: true });
        return;
      }
      if (count * SPAN + found.length > pending.length) {
        let length = pending.length * 2;
        while (count * SPAN + found.length > length) length *= 2;
        pending = enlarged(pending, length);
      }
      pending.set(found, count * SPAN);
      count += found.length / SPAN;
      // A range is cut once the element after it is known not to fit; at the end, whatever is left.
      let first = 0;
      while (first < count) {
        let last = first;
        while (last + 1 < count && pending[(last + 1) * SPAN + SPAN_END]! - pending[first * SPAN + SPAN_START]! <= chunkBytes) last++;
        if (last + 1 >= count && outcome === 'more') break;
        const jsonSpans = pending.slice(first * SPAN, (last + 1) * SPAN);
        feed.push({ kind: 'json-array-range', file, filePath, bytes: jsonSpans[jsonSpans.length - SPAN + SPAN_END]! - jsonSpans[SPAN_START]!, spans: jsonSpans, scan });
        ranges++;
        first = last + 1;
      }
      pending.copyWithin(0, first * SPAN, count * SPAN);
      count -= first;
      if (outcome === 'invalid') {
        // The array breaks after whole elements (its end cut off, say): they are linted, and the break
        // is a fault after them, in a unit of its own so no unit already handed out changes.
        feed.push({ kind: 'json-array-range', file, filePath, bytes: 0, spans: new Float64Array(0), tail: scanner.brokenTail(0), scan });
        scan.state = 'done';
        return;
      }
      if (outcome === 'done') {
        // An empty array is one unit all the same, so the file is counted.
        if (ranges === 0) feed.push({ kind: 'json-array-range', file, filePath, bytes: 0, spans: new Float64Array(0), scan });
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
