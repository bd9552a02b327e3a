// A worker thread of a parallel run: builds the same linter as the main
// thread from plain options, then lints the units it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter, type LintOptions } from './index.js';
import { runUnit, type WorkUnit } from './units.js';

interface WorkerSetup {
  options: LintOptions & { now: string };
  maxFileSize: number;
}

const setup = workerData as WorkerSetup;
const linter = createLinter({ ...setup.options, now: new Date(setup.options.now) });

parentPort!.on('message', (unit: WorkUnit) => {
  runUnit(linter, unit, setup.maxFileSize).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: Error) => parentPort!.postMessage({ ok: false, id: unit.id, error: error.stack ?? String(error) }),
  );
});
