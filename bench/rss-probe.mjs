// Preloaded into a benchmarked child with `node --import <this file> …`: at
// exit, writes the process's peak resident set size (process.resourceUsage()
// .maxRSS, kilobytes) and its CPU time (user + system, microseconds), both of
// the whole process, worker threads included, as JSON to the file named by
// BENCH_RSS_FILE. CPU time is what stays comparable on a loaded machine. Only the main thread writes (a preload also runs in
// workers). A child killed by a signal or aborted by V8 never gets here; the
// bench then falls back to the VmHWM it polled from /proc.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_RSS_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }));
    } catch {
      // nothing to report to
    }
  });
}
