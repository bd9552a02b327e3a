// Preloaded into a benchmarked child with `node --import <this file> …`: at
// exit, writes the process's peak resident set size (process.resourceUsage()
// .maxRSS, kilobytes; the whole process, worker threads included) to the file
// named by BENCH_RSS_FILE. Only the main thread writes (a preload also runs in
// workers). A child killed by a signal or aborted by V8 never gets here; the
// bench then falls back to the VmHWM it polled from /proc.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_RSS_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // nothing to report to
    }
  });
}
