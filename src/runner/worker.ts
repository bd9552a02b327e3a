// A worker thread of a parallel run: makes the same linter as the main
// thread from its recipe, then lints the units it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../engine/index.js';
import type { WorkerSetup } from './pool.js';
import { runUnit, type UnitReply, type WorkUnit } from './units.js';

const setup = workerData as WorkerSetup;
const linter = createLinter({ ...setup.recipe, now: new Date(setup.recipe.now) });

/**
 * Replies go back together: units this worker was handed at once (small
 * files, up to eight) are all linted before the first reply is sent, which
 * saves a message and its copying per file.
 */
let outbox: UnitReply[] = [];
function reply(r: UnitReply): void {
  if (outbox.push(r) > 1) return;
  setImmediate(() => {
    const replies = outbox;
    outbox = [];
    // The keys' arrays are handed over, not copied: each unit has its own.
    const transfer = replies.flatMap((r) => (r.ok ? [r.result.keys.records.buffer, r.result.keys.rows.buffer] : []));
    parentPort!.postMessage(replies, transfer);
  });
}

/**
 * Units are linted one after another, in the order they came: the main
 * thread hands over the next large unit while this one runs, so the worker
 * does not wait for it, and two units read at once would only hold twice
 * the memory.
 */
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (unit: WorkUnit) => {
  queue = queue.then(() =>
    runUnit(linter, unit, setup.maxFileSize).then(
      (result) => reply({ ok: true, result }),
      (error: Error) => reply({ ok: false, id: unit.id, error: error.stack ?? String(error) }),
    ),
  );
});
