// A worker thread of a parallel run: builds the same linter as the main
// thread from plain options, then lints the units it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter, type LintOptions } from './index.js';
import { runUnit, type UnitReply, type WorkUnit } from './units.js';

interface WorkerSetup {
  options: LintOptions & { now: string };
  maxFileSize: number;
}

const setup = workerData as WorkerSetup;
const linter = createLinter({ ...setup.options, now: new Date(setup.options.now) });

/**
 * Replies go back together: units this worker was handed at once (small files, up to eight) are
 * all linted before the first reply is sent, which saves a message and its copying per file.
 */
let outbox: UnitReply[] = [];
function reply(r: UnitReply): void {
  if (outbox.push(r) > 1) return;
  setImmediate(() => {
    const replies = outbox;
    outbox = [];
    parentPort!.postMessage(replies);
  });
}

parentPort!.on('message', (unit: WorkUnit) => {
  runUnit(linter, unit, setup.maxFileSize).then(
    (result) => reply({ ok: true, result }),
    (error: Error) => reply({ ok: false, id: unit.id, error: error.stack ?? String(error) }),
  );
});
