#!/usr/bin/env node
// `npm run bench`: beianlint against the floor on generated batches (issue 5).
//
// For each size (default 10k, 100k, 1M records) and format (JSONL, JSON array):
//   - the floor: node bench/floor.mjs <file> (JSON.parse + compiled schema, one thread);
//   - beianlint: node bin/beianlint.js --format json -o <report> <file>, with
//     --concurrency auto when the CLI has it (and then once more with
//     --concurrency off, the one-thread run the per-record target is about).
// Then a provider's export with one systematic slip (default 100k records, JSONL,
// a wrong mobile on every record): the floor and beianlint on one thread.
// Each is a child process: wall time measured here, CPU time (user + system, all
// threads) and peak RSS by bench/rss-probe.mjs (preloaded with --import) or, if
// the child dies first, the VmHWM polled from /proc, and the 1-minute load
// average before and after. CPU ratios to the floor stay steady on a loaded
// machine, where wall times do not. A child that fails (non-0/1 exit, signal,
// out of memory, timeout) is recorded as failed and the bench goes on.
// Then start-up: `beianlint --version` and linting one small file (median of 10),
// re-linting one record in the engine (bench/relint.mjs), and the language
// server from a change to its diagnostics (bench/lsp.mjs).
//
// Prints a table and writes bench/RESULTS.md (machine, measurements, targets), then
// appends bench/DECISIONS.md verbatim: the figures behind design decisions, which this
// run does not measure and source comments no longer quote.
//
// Options:
//   --sizes 10000,100000     sizes to run (default 10000,100000,1000000)
//   --formats jsonl,json     formats to run (default both)
//   --compare REF            instead of the full bench: this checkout against
//                            commit REF, runs interleaved (bench/compare.mjs), on
//                            --sizes (default 10000,100000) × --formats, plus the
//                            systematic batch; prints the table, writes no RESULTS.md
//   --rounds N               with --compare: runs of each side per batch (default 3)
//   --systematic-sizes N,…   sizes of the systematic-slip batch (default 100000; none to skip)
//   --seed N                 generator seed (default 1)
//   --keep                   keep the data this run generated (and the reports);
//                            without it they are deleted at the end. Data found
//                            in bench/out/ from an earlier --keep run is reused.
//   --timeout S              per-child timeout in seconds (default 1200)
//   --no-startup             skip the start-up measurements
//   --results PATH           where to write the results (default bench/RESULTS.md)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, GENERATOR_VERSION } from './generate.mjs';
import { compareOnFile, comparisonTable, prepareCheckout } from './compare.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const outDir = join(benchDir, 'out');
/** The defect a systematic batch carries on every record (bench/generate.mjs DEFECTS), and how its runs are labelled. */
const SYSTEMATIC_DEFECT = 'invalid-mobile';
const SYSTEMATIC_FORMAT = `jsonl, every record ${SYSTEMATIC_DEFECT}`;
const oneThreadKeyOf = (hasConcurrency) => (hasConcurrency ? 'off' : 'default');
/** This run's lint reports and RSS files; removed at the end unless --keep (other runs' are left alone). */
const reportsDir = join(outDir, `reports-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
const bin = join(root, 'bin', 'beianlint.js');
const probe = pathToFileURL(join(benchDir, 'rss-probe.mjs')).href;

// ---------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const o = { sizes: [10_000, 100_000, 1_000_000], formats: ['jsonl', 'json'], systematicSizes: [100_000], compare: undefined, rounds: 3, seed: 1, keep: false, timeout: 1200, startup: true, results: join(benchDir, 'RESULTS.md') };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const [name, inline] = a.split('=', 2);
    const value = () => inline ?? argv[++k];
    if (name === '--sizes') o.sizes = value().split(',').map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (name === '--formats') o.formats = value().split(',');
    else if (name === '--compare') o.compare = value();
    else if (name === '--rounds') o.rounds = Number(value());
    else if (name === '--systematic-sizes') {
      const given = value();
      o.systematicSizes = given === 'none' ? [] : given.split(',').map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    }
    else if (name === '--seed') o.seed = Number(value());
    else if (name === '--keep') o.keep = true;
    else if (name === '--timeout') o.timeout = Number(value());
    else if (name === '--no-startup') o.startup = false;
    else if (name === '--results') o.results = resolve(process.cwd(), value());
    else if (name === '--help' || name === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  for (const s of [...o.sizes, ...o.systematicSizes]) if (!Number.isSafeInteger(s) || s <= 0) throw new Error(`bad size in --sizes or --systematic-sizes: ${s}`);
  for (const f of o.formats) if (f !== 'jsonl' && f !== 'json') throw new Error(`bad format in --formats: ${f}`);
  return o;
}

// ---------------------------------------------------------------------------
// Children

/** VmHWM (peak RSS, kB) of a live process, or undefined. */
function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

let probeCounter = 0;

/**
 * Runs `node --import rss-probe <args>` and resolves with
 * { status, signal, seconds, cpuSeconds, peakRssKb, load, stdout, stderr, timedOut }:
 * cpuSeconds is the child's user + system time, all its threads; load the
 * 1-minute load average before and after it ran.
 */
function measure(args, { timeout }) {
  const rssFile = join(reportsDir, `rss-${process.pid}-${probeCounter++}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise) => {
    const loadBefore = loadavg()[0];
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', probe, ...args], {
      cwd: root,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    let polled = 0;
    const poll = setInterval(() => {
      const v = vmHwm(child.pid);
      if (v !== undefined && v > polled) polled = v;
    }, 100);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout * 1000);
    child.on('close', (status, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(poll);
      clearTimeout(timer);
      let peakRssKb;
      let cpuSeconds;
      try {
        const probed = JSON.parse(readFileSync(rssFile, 'utf8'));
        peakRssKb = probed.maxRssKb;
        cpuSeconds = probed.cpuUs / 1e6;
        rmSync(rssFile, { force: true });
      } catch {
        peakRssKb = polled || undefined;
      }
      const load = { before: loadBefore, after: loadavg()[0] };
      resolvePromise({ status, signal, seconds, cpuSeconds, peakRssKb, load, rssFromProbe: peakRssKb !== undefined && peakRssKb !== polled, stdout, stderr, timedOut });
    });
  });
}

/** The 1-minute load average before and after a measurement. */
const fmtLoad = (load) => (load ? `${load.before.toFixed(2)} → ${load.after.toFixed(2)}` : '');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function failureReason(r) {
  if (r.timedOut) return 'timed out';
  const oom = /heap out of memory|Invalid string length|ERR_STRING_TOO_LONG|Cannot create a string longer|Array buffer allocation failed|RangeError/.exec(r.stderr);
  if (r.signal) return `killed by ${r.signal}${oom ? ` (${oom[0]})` : ''}`;
  const line = r.stderr.trim().split('\n').find((l) => l.trim() !== '') ?? '';
  return `exit ${r.status}${oom ? ` (${oom[0]})` : ''}: ${line.slice(0, 200)}`;
}

// ---------------------------------------------------------------------------
// Data

const dataBase = (size, seed, systematic) => join(outDir, `filings-n${size}-s${seed}${systematic ? `-every-${systematic}` : ''}`);

/** Generates the batch unless a complete one of this generator version is cached; `systematic`: that defect on every record. */
async function ensureData(size, seed, formats, systematic) {
  const base = dataBase(size, seed, systematic);
  const metaPath = `${base}.meta.json`;
  if (existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      const complete = meta.generatorVersion === GENERATOR_VERSION && meta.count === size && meta.seed === seed && meta.systematic === systematic &&
        formats.every((f) => meta.files[f] && existsSync(meta.files[f].path) && statSync(meta.files[f].path).size === meta.files[f].bytes);
      if (complete) return { meta, generated: false };
    } catch {
      // regenerate
    }
  }
  const meta = await generate({
    count: size,
    seed,
    out: base,
    formats: systematic ? ['jsonl'] : ['jsonl', 'json'],
    ...(systematic ? { defectRate: 1, systematic } : {}),
    onProgress: (n, total) => process.stderr.write(`\rgenerating ${total.toLocaleString('en')} records (seed ${seed}) … ${Math.round((100 * n) / total)}%`),
  });
  process.stderr.write(` done in ${meta.generationSeconds.toFixed(1)} s\n`);
  return { meta, generated: true };
}

// ---------------------------------------------------------------------------
// Machine

function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // not Linux
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(availableParallelism());
  const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git(['status', '--porcelain', '--', 'src', 'rules', 'schemas', 'bin']) !== '';
  const distBuilt = existsSync(join(root, 'dist', 'cli', 'main.js')) ? statSync(join(root, 'dist', 'cli', 'main.js')).mtime.toISOString() : 'missing';
  return {
    nproc,
    cpuModel,
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    date: new Date().toISOString(),
    commit: `${git(['rev-parse', '--short', 'HEAD']) || 'unknown'}${dirty ? ' + uncommitted changes in src/rules/schemas' : ''}`,
    distBuilt,
    loadBefore: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

/** Newest modification time under dist/ (ms), to notice a rebuild in the middle of a run. */
function distStamp() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  try {
    walk(join(root, 'dist'));
  } catch {
    // dist/ vanished mid-run: reported as a change
  }
  return newest;
}

// ---------------------------------------------------------------------------
// Formatting

const fmtInt = (n) => (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en'));
const fmtMb = (kb) => (kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`);
const fmtS = (s) => (s === undefined ? '–' : `${s.toFixed(2)} s`);
const fmtMs = (ms) => (ms === undefined ? '–' : `${ms.toFixed(0)} ms`);
const fmtSize = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, k) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ') + (k === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}

function mdTable(rows) {
  return [rows[0], rows[0].map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

// ---------------------------------------------------------------------------
// Main

/** --compare: this checkout against another commit on the same batches, interleaved, then a table. */
async function compareMain(options) {
  const there = prepareCheckout(root, outDir, options.compare);
  mkdirSync(reportsDir, { recursive: true });
  const sizes = process.argv.includes('--sizes') ? options.sizes : [10_000, 100_000];
  const rows = [];
  const batches = [];
  for (const size of sizes) {
    const { meta } = await ensureData(size, options.seed, options.formats);
    for (const format of options.formats) batches.push(meta.files[format].path);
  }
  for (const size of options.systematicSizes.filter((s) => sizes.includes(s))) batches.push((await ensureData(size, options.seed, ['jsonl'], SYSTEMATIC_DEFECT)).meta.files.jsonl.path);
  for (const file of batches) {
    for (const extra of [['--concurrency', 'off'], ['--concurrency', 'auto']]) {
      process.stderr.write(`${relative(root, file)} ${extra.join(' ')}: ${options.rounds} rounds … `);
      const result = await compareOnFile({ file, here: bin, there: there.bin, rounds: options.rounds, extra, measure, options });
      process.stderr.write(`${(result.here.cpuSeconds / result.there.cpuSeconds).toFixed(3)}× the CPU\n`);
      rows.push({ file, extra, ...result });
    }
  }
  process.stdout.write(comparisonTable(rows, { ref: options.compare, commit: there.commit, root }));
  rmSync(reportsDir, { recursive: true, force: true });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.compare !== undefined) return compareMain(options);
  // Read before measuring, so a missing file stops the run before it measures anything.
  const decisions = readFileSync(join(benchDir, 'DECISIONS.md'), 'utf8').trimEnd();
  mkdirSync(reportsDir, { recursive: true });
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
    process.exit(2);
  }
  const host = machine();
  const distAtStart = distStamp();
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  const hasConcurrency = /--concurrency/.test(help);
  const version = spawnSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  process.stderr.write(`beianlint ${version} (${host.commit}); --concurrency ${hasConcurrency ? 'supported' : 'not supported'}; load ${host.loadBefore}\n`);

  const generatedFiles = [];
  const runs = [];
  const dataInfo = [];

  const variants = hasConcurrency
    ? [
        { label: 'beianlint (--concurrency auto)', key: 'auto', extra: ['--concurrency', 'auto'] },
        { label: 'beianlint (--concurrency off)', key: 'off', extra: ['--concurrency', 'off'] },
      ]
    : [{ label: 'beianlint (one thread: no --concurrency in this build)', key: 'default', extra: [] }];

  for (const size of options.sizes) {
    const { meta, generated } = await ensureData(size, options.seed, options.formats);
    if (generated) generatedFiles.push(...Object.values(meta.files).map((f) => f.path), `${dataBase(size, options.seed)}.meta.json`);
    dataInfo.push({ size, averageRecordBytes: meta.averageRecordBytes, defects: meta.defectCount, files: meta.files });
    for (const format of options.formats) {
      const file = meta.files[format].path;
      const rel = relative(root, file);
      const bytes = meta.files[format].bytes;

      process.stderr.write(`${fmtSize(size)} ${format}: floor … `);
      const floor = await measure([join(benchDir, 'floor.mjs'), file], options);
      let floorOut;
      try {
        floorOut = JSON.parse(floor.stdout.trim().split('\n').at(-1));
      } catch {
        floorOut = undefined;
      }
      const floorOk = floor.status === 0 && floorOut && floorOut.records === size;
      runs.push({
        size, format, bytes, tool: 'floor (JSON.parse + compiled schema, one thread)', key: 'floor',
        ok: floorOk, seconds: floor.seconds, cpuSeconds: floor.cpuSeconds, load: floor.load, peakRssKb: floor.peakRssKb,
        failure: floorOk ? undefined : floorOut?.error ?? failureReason(floor),
        detail: floorOut,
      });
      process.stderr.write(floorOk ? `${fmtS(floor.seconds)}, ${fmtMb(floor.peakRssKb)}\n` : `FAILED (${runs.at(-1).failure})\n`);

      for (const v of variants) {
        process.stderr.write(`${fmtSize(size)} ${format}: ${v.label} … `);
        const report = join(reportsDir, `report-n${size}-${format}-${v.key}.json`);
        rmSync(report, { force: true });
        const r = await measure([bin, '--format', 'json', '-o', report, ...v.extra, rel], options);
        let ok = (r.status === 0 || r.status === 1) && !r.timedOut;
        let detail;
        let failure = ok ? undefined : failureReason(r);
        if (ok) {
          try {
            const results = JSON.parse(readFileSync(report, 'utf8'));
            const messages = results.reduce((n, x) => n + x.messages.length, 0);
            const recordsWithError = new Set(results.flatMap((x) => x.messages.filter((m) => m.severity === 'error').map((m) => m.record))).size;
            detail = { errorCount: results.reduce((n, x) => n + x.errorCount, 0), messages, recordsWithError, reportBytes: statSync(report).size };
            const parseErrors = results.flatMap((x) => x.messages.filter((m) => m.ruleId === 'parse-error'));
            // The generated data always parses, so a parse-error means the file was not (all) linted,
            // e.g. a size limit or a JSON array too large to read.
            if (parseErrors.length > 0) {
              ok = false;
              failure = `reported ${parseErrors.length} parse-error(s) instead of linting: ${parseErrors[0].message.slice(0, 200)}`;
            }
          } catch (e) {
            ok = false;
            failure = `report unreadable: ${e.message.slice(0, 200)}`;
          }
        }
        runs.push({ size, format, bytes, tool: v.label, key: v.key, ok, seconds: r.seconds, cpuSeconds: r.cpuSeconds, load: r.load, peakRssKb: r.peakRssKb, failure, detail });
        process.stderr.write(ok ? `${fmtS(r.seconds)}, ${fmtMb(r.peakRssKb)}\n` : `FAILED after ${fmtS(r.seconds)} (${failure})\n`);
        if (!options.keep) rmSync(report, { force: true });
      }
    }
  }

  // The HTML report of the largest JSONL batch: a size a browser opens easily (issue 18).
  let htmlReport;
  const largest = Math.max(...options.sizes);
  if (options.formats.includes('jsonl')) {
    const { meta } = await ensureData(largest, options.seed, options.formats);
    const report = join(reportsDir, `report-n${largest}.html`);
    process.stderr.write(`${fmtSize(largest)} jsonl: the HTML report … `);
    const r = await measure([bin, '--format', 'html', '-o', report, ...(hasConcurrency ? ['--concurrency', 'auto'] : []), relative(root, meta.files.jsonl.path)], options);
    const ok = (r.status === 0 || r.status === 1) && !r.timedOut && existsSync(report);
    htmlReport = { size: largest, ok, seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssKb: r.peakRssKb, bytes: ok ? statSync(report).size : undefined, failure: ok ? undefined : failureReason(r) };
    process.stderr.write(ok ? `${(htmlReport.bytes / 2 ** 20).toFixed(1)} MiB in ${fmtS(r.seconds)}\n` : `FAILED (${htmlReport.failure})\n`);
    if (!options.keep) rmSync(report, { force: true });
  }

  // A provider's export with one systematic slip: every record a wrong mobile, on one thread, against the floor.
  for (const size of options.systematicSizes) {
    const { meta, generated } = await ensureData(size, options.seed, ['jsonl'], SYSTEMATIC_DEFECT);
    if (generated) generatedFiles.push(meta.files.jsonl.path, `${dataBase(size, options.seed, SYSTEMATIC_DEFECT)}.meta.json`);
    const file = meta.files.jsonl.path;
    const format = SYSTEMATIC_FORMAT;
    const bytes = meta.files.jsonl.bytes;
    process.stderr.write(`${fmtSize(size)} ${format}: floor … `);
    const floor = await measure([join(benchDir, 'floor.mjs'), file], options);
    runs.push({ size, format, bytes, tool: 'floor (JSON.parse + compiled schema, one thread)', key: 'floor', ok: floor.status === 0, seconds: floor.seconds, cpuSeconds: floor.cpuSeconds, load: floor.load, peakRssKb: floor.peakRssKb, failure: floor.status === 0 ? undefined : failureReason(floor) });
    process.stderr.write(`${fmtS(floor.seconds)}\n${fmtSize(size)} ${format}: beianlint (one thread) … `);
    const report = join(reportsDir, `report-n${size}-systematic.json`);
    const r = await measure([bin, '--format', 'json', '-o', report, ...(hasConcurrency ? ['--concurrency', 'off'] : []), relative(root, file)], options);
    const ok = (r.status === 0 || r.status === 1) && !r.timedOut;
    runs.push({ size, format, bytes, tool: 'beianlint (--concurrency off)', key: oneThreadKeyOf(hasConcurrency), ok, seconds: r.seconds, cpuSeconds: r.cpuSeconds, load: r.load, peakRssKb: r.peakRssKb, failure: ok ? undefined : failureReason(r) });
    process.stderr.write(ok ? `${fmtS(r.seconds)}\n` : `FAILED (${failureReason(r)})\n`);
    if (!options.keep) rmSync(report, { force: true });
  }

  // Start-up
  let startup;
  if (options.startup) {
    process.stderr.write('start-up: --version, one small file, re-lint in the engine … ');
    const small = relative(root, join(root, 'tests/fixtures/records/enterprise-approved.json'));
    const smallReport = join(reportsDir, 'report-small.json');
    const times = async (args, n = 10) => {
      await measure(args, options); // warm the file cache
      const ts = [];
      const rss = [];
      let failed;
      for (let k = 0; k < n; k++) {
        const r = await measure(args, options);
        if (r.status !== 0 && r.status !== 1) failed = failureReason(r);
        ts.push(r.seconds * 1000);
        rss.push(r.peakRssKb);
      }
      return { medianMs: median(ts), minMs: Math.min(...ts), peakRssKb: median(rss), failed };
    };
    const versionT = await times([bin, '--version']);
    const smallT = await times([bin, '--format', 'json', '-o', smallReport, small]);
    rmSync(smallReport, { force: true });
    const relint = await measure([join(benchDir, 'relint.mjs')], options);
    let relintOut;
    try {
      relintOut = JSON.parse(relint.stdout.trim());
    } catch {
      relintOut = { error: failureReason(relint) };
    }
    // The language server as an editor waits for it (bench/lsp.mjs): a change to its diagnostics.
    const lsp = await measure([join(benchDir, 'lsp.mjs'), '--json'], options);
    let lspOut;
    try {
      lspOut = JSON.parse(lsp.stdout.trim().split('\n').at(-1));
    } catch {
      lspOut = { error: failureReason(lsp) };
    }
    startup = { version: versionT, small: smallT, relint: relintOut, lsp: lspOut };
    process.stderr.write('done\n');
  }
  host.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
  const distAtEnd = distStamp();
  const rebuilt = distAtEnd !== distAtStart ? `dist/ changed during the run (newest file ${new Date(distAtStart).toISOString()} at the start, ${new Date(distAtEnd).toISOString()} at the end): later measurements may be of another build` : undefined;
  if (rebuilt) process.stderr.write(`bench: warning: ${rebuilt}\n`);

  // Derived figures
  const find = (size, format, key) => runs.find((r) => r.size === size && r.format === format && r.key === key);
  const mainKey = hasConcurrency ? 'auto' : 'default';
  const oneThreadKey = oneThreadKeyOf(hasConcurrency);
  for (const r of runs) {
    r.recordsPerSecond = r.ok ? r.size / r.seconds : undefined;
    r.usPerRecord = r.ok ? (r.seconds * 1e6) / r.size : undefined;
    const floor = find(r.size, r.format, 'floor');
    r.ratio = r.key !== 'floor' && r.ok && floor?.ok ? r.usPerRecord / floor.usPerRecord : undefined;
    // CPU against the floor's CPU: steady on a loaded machine, where wall time is not.
    r.cpuRatio = r.key !== 'floor' && r.ok && floor?.ok && r.cpuSeconds && floor.cpuSeconds ? r.cpuSeconds / floor.cpuSeconds : undefined;
  }

  // Marginal cost between consecutive sizes: start-up cancels out, what is left is the per-record work.
  const marginal = [];
  const sizesRun = [...options.sizes].sort((a, b) => a - b);
  for (const format of options.formats) {
    for (const key of ['floor', ...variants.map((v) => v.key)]) {
      for (let k = 1; k < sizesRun.length; k++) {
        const a = find(sizesRun[k - 1], format, key);
        const b = find(sizesRun[k], format, key);
        if (!a?.ok || !b?.ok) continue;
        marginal.push({ format, key, tool: b.tool, from: a.size, to: b.size, usPerRecord: ((b.seconds - a.seconds) * 1e6) / (b.size - a.size), rssKbPerRecord: (b.peakRssKb - a.peakRssKb) / (b.size - a.size) });
      }
    }
  }
  for (const m of marginal) {
    if (m.key === 'floor') continue;
    const f = marginal.find((x) => x.key === 'floor' && x.format === m.format && x.from === m.from && x.to === m.to);
    if (f && f.usPerRecord > 0) m.ratio = m.usPerRecord / f.usPerRecord;
  }

  // Console table
  const consoleRows = [['records', 'format', 'file', 'tool', 'time', 'CPU', 'records/s', 'µs/record', 'peak RSS', 'ratio', 'CPU ratio', 'load', 'note']];
  for (const r of runs) {
    consoleRows.push([
      fmtSize(r.size), r.format, `${(r.bytes / 2 ** 20).toFixed(0)} MiB`, r.tool, r.ok ? fmtS(r.seconds) : 'FAILED', r.cpuSeconds ? fmtS(r.cpuSeconds) : '–', fmtInt(r.recordsPerSecond), r.ok ? r.usPerRecord.toFixed(1) : '–',
      fmtMb(r.peakRssKb), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`, r.cpuRatio === undefined ? '' : `${r.cpuRatio.toFixed(2)}×`, fmtLoad(r.load), r.ok ? '' : r.failure,
    ]);
  }
  process.stdout.write('\n' + table(consoleRows) + '\n');
  if (marginal.length) {
    process.stdout.write('\nmarginal cost per record between sizes (start-up cancels out):\n');
    for (const m of marginal) process.stdout.write(`  ${m.format} ${fmtSize(m.from)}→${fmtSize(m.to)} ${m.tool}: ${m.usPerRecord.toFixed(1)} µs/record${m.ratio ? ` (${m.ratio.toFixed(2)}× floor)` : ''}, RSS ${m.rssKbPerRecord >= 0 ? '+' : ''}${(m.rssKbPerRecord * 1024).toFixed(0)} bytes/record\n`);
  }
  if (startup) {
    for (const r of Array.isArray(startup.lsp) ? startup.lsp : []) process.stdout.write(`\nlanguage server, ${r.records}-record YAML: a change to new diagnostics, median ${r.medianMs.toFixed(1)} ms, worst ${r.worstMs.toFixed(1)} ms`);
    process.stdout.write(`\nbeianlint --version: median ${fmtMs(startup.version.medianMs)}; one small file: median ${fmtMs(startup.small.medianMs)}; re-lint in the engine: median ${startup.relint.medianMs?.toFixed(1) ?? '–'} ms (first lint ${startup.relint.firstLintMs?.toFixed(0) ?? '–'} ms, createLinter ${startup.relint.createLinterMs?.toFixed(0) ?? '–'} ms)\n`);
  }

  // Targets
  const targets = [];
  const verdict = (cond) => (cond === undefined ? 'not measured' : cond ? '**met**' : '**not met**');
  const m1 = find(1_000_000, 'jsonl', mainKey);
  targets.push([
    `HTML report of ${htmlReport ? fmtInt(htmlReport.size) : 'the largest batch'} records ≤ 10 MB (1M records in the full bench)`,
    htmlReport ? (htmlReport.ok ? `${(htmlReport.bytes / 2 ** 20).toFixed(1)} MiB, ${fmtS(htmlReport.seconds)}, ${fmtMb(htmlReport.peakRssKb)}` : `failed: ${htmlReport.failure}`) : 'not run',
    verdict(htmlReport ? htmlReport.ok && htmlReport.bytes <= 10 * 2 ** 20 : undefined),
  ]);
  // Issue 20's targets: CPU time against the floor's, measured in the same run.
  const cpuTarget = (label, run, limit) => targets.push([label, run ? (run.cpuRatio !== undefined ? `${run.cpuRatio.toFixed(2)}× (CPU ${fmtS(run.cpuSeconds)}, load ${fmtLoad(run.load)})` : `failed: ${run.failure ?? 'no floor'}`) : 'not run', verdict(run ? run.cpuRatio !== undefined && run.cpuRatio <= limit : undefined)]);
  cpuTarget('One thread, 100k JSONL, 5% defects: CPU ≤ 3× the floor', find(100_000, 'jsonl', oneThreadKey), 3);
  cpuTarget(`One thread, 100k JSONL, every record ${SYSTEMATIC_DEFECT}: CPU ≤ 4× the floor`, find(100_000, SYSTEMATIC_FORMAT, oneThreadKey), 4);
  const autoRun = hasConcurrency ? find(100_000, 'jsonl', 'auto') : undefined;
  const offRun = find(100_000, 'jsonl', oneThreadKey);
  const autoCpu = autoRun?.ok && offRun?.ok && autoRun.cpuSeconds && offRun.cpuSeconds ? autoRun.cpuSeconds / offRun.cpuSeconds : undefined;
  targets.push(['`--concurrency auto`: CPU ≤ 1.05× one thread (100k JSONL)', autoCpu !== undefined ? `${autoCpu.toFixed(2)}×, wall ${(offRun.seconds / autoRun.seconds).toFixed(2)}× faster (load ${fmtLoad(autoRun.load)})` : 'not run', verdict(autoCpu === undefined ? undefined : autoCpu <= 1.05)]);
  // 5 million records: the 1M run's time plus 4M more at its marginal cost from 100k to 1M.
  const auto100 = hasConcurrency ? find(100_000, 'jsonl', 'auto') : undefined;
  const fiveMillion = m1?.ok && auto100?.ok ? m1.seconds + (4_000_000 * (m1.seconds - auto100.seconds)) / 900_000 : undefined;
  targets.push([
    '5 million records (JSONL) on 2 cores in ≤ 2.5 min, extrapolated from the 100k and 1M runs',
    fiveMillion !== undefined ? `${(fiveMillion / 60).toFixed(1)} min (load ${fmtLoad(m1.load)})` : 'needs the 100k and 1M runs with --concurrency auto',
    verdict(fiveMillion === undefined ? undefined : fiveMillion <= 150),
  ]);
  targets.push(['Full rule set, JSONL, 2 cores: ≥ 75,000 records/s', m1 ? (m1.ok ? `${fmtInt(m1.recordsPerSecond)} records/s (1M)` : `failed: ${m1.failure}`) : 'no 1M run', verdict(m1 ? m1.ok && m1.recordsPerSecond >= 75_000 : undefined)]);
  targets.push(['1M records (JSONL) in under 14 s', m1 ? (m1.ok ? fmtS(m1.seconds) : `failed: ${m1.failure}`) : 'no 1M run', verdict(m1 ? m1.ok && m1.seconds < 14 : undefined)]);
  for (const size of options.sizes) {
    if (!options.formats.includes('jsonl')) continue;
    const r = find(size, 'jsonl', oneThreadKey);
    targets.push([`Per-record cost on one thread ≤ 2× floor (JSONL, ${fmtSize(size)})`, r?.ratio !== undefined ? `${r.ratio.toFixed(2)}× (${r.usPerRecord.toFixed(1)} vs ${find(size, 'jsonl', 'floor').usPerRecord.toFixed(1)} µs/record)` : r ? `failed: ${r.failure}` : '–', verdict(r ? r.ratio !== undefined && r.ratio <= 2 : undefined)]);
  }
  targets.push(['Peak RSS ≤ 300 MB for 1M records of JSONL', m1 ? (m1.peakRssKb ? `${fmtMb(m1.peakRssKb)}${m1.ok ? '' : ' (run failed)'}` : 'unknown') : 'no 1M run', verdict(m1 ? m1.ok && m1.peakRssKb <= 300 * 1024 : undefined)]);
  const m100 = find(100_000, 'jsonl', mainKey);
  targets.push(['Peak RSS grows ≤ a few MB (taken as ≤ 10 MB) from 100k to 1M (JSONL)', m1 && m100 ? `${fmtMb(m100.peakRssKb)} → ${fmtMb(m1.peakRssKb)}` : 'needs the 100k and 1M runs', verdict(m1 && m100 ? m1.ok && m100.ok && m1.peakRssKb - m100.peakRssKb <= 10 * 1024 : undefined)]);
  const a100 = find(100_000, 'json', mainKey);
  targets.push(['A 100k-record JSON array without running out of memory', a100 ? (a100.ok ? `ok, ${fmtS(a100.seconds)}, ${fmtMb(a100.peakRssKb)}` : `failed: ${a100.failure}`) : 'no 100k JSON run', verdict(a100 ? a100.ok : undefined)]);
  if (startup) {
    targets.push(['`beianlint --version` ≤ 150 ms', `median ${fmtMs(startup.version.medianMs)} (min ${fmtMs(startup.version.minMs)})`, verdict(startup.version.medianMs <= 150)]);
    targets.push(['One small file ≤ 300 ms end to end', `median ${fmtMs(startup.small.medianMs)} (min ${fmtMs(startup.small.minMs)})`, verdict(startup.small.medianMs <= 300)]);
    for (const r of Array.isArray(startup.lsp) ? startup.lsp : []) {
      targets.push([`Language server: a change to new diagnostics, ${r.records}-record YAML ≤ ${r.goalMs} ms`, `median ${r.medianMs.toFixed(1)} ms (worst ${r.worstMs.toFixed(1)} ms)`, verdict(r.medianMs <= r.goalMs)]);
    }
    if (!Array.isArray(startup.lsp)) targets.push(['Language server: a change to new diagnostics', `failed: ${startup.lsp.error}`, verdict(false)]);
    targets.push(['Re-linting one open filing in the engine ≤ 20 ms', startup.relint.medianMs !== undefined ? `median ${startup.relint.medianMs.toFixed(1)} ms` : `failed: ${startup.relint.error}`, verdict(startup.relint.medianMs === undefined ? false : startup.relint.medianMs <= 20)]);
  }

  // RESULTS.md
  const resultRows = [['records', 'format', 'file size', 'what', 'wall time', 'CPU (user + sys)', 'records/s', 'µs/record', 'peak RSS', 'ratio to floor', 'CPU ratio to floor', 'load before → after', 'errors reported / records with an error']];
  for (const r of runs) {
    resultRows.push([
      fmtInt(r.size), r.format === 'jsonl' ? 'JSONL' : r.format === 'json' ? 'JSON array' : r.format, `${(r.bytes / 2 ** 20).toFixed(0)} MiB`, r.tool,
      r.ok ? fmtS(r.seconds) : `**failed**: ${r.failure?.replace(/\|/g, '\\|')}${r.seconds ? ` (after ${fmtS(r.seconds)})` : ''}`,
      r.cpuSeconds ? fmtS(r.cpuSeconds) : '–',
      fmtInt(r.recordsPerSecond), r.ok ? r.usPerRecord.toFixed(1) : '–', `${fmtMb(r.peakRssKb)}${!r.ok && r.peakRssKb ? ' (at failure)' : ''}`,
      r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
      r.cpuRatio === undefined ? '' : `${r.cpuRatio.toFixed(2)}×`,
      fmtLoad(r.load),
      r.key === 'floor' ? (r.detail?.invalid !== undefined ? `schema-invalid: ${fmtInt(r.detail.invalid)}` : '') : r.detail ? `${fmtInt(r.detail.errorCount)} / ${fmtInt(r.detail.recordsWithError)}` : '',
    ]);
  }
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.mjs); see bench/README.md for what is measured and how to read it.',
    '',
    '## Machine',
    '',
    mdTable([
      ['', ''],
      ['CPUs (nproc)', host.nproc],
      ['CPU model', host.cpuModel],
      ['memory', `${host.memoryGiB} GiB`],
      ['Node.js', host.node],
      ['date', host.date],
      ['beianlint', `${version} at ${host.commit}; dist/ built ${host.distBuilt}`],
      ['--concurrency', hasConcurrency ? 'supported (runs with auto and off)' : 'not supported by this build (every run is one thread)'],
      ['load average (1/5/15 min) before / after', `${host.loadBefore} / ${host.loadAfter}`],
    ]),
    '',
    'A load average above the CPU count means other processes competed for the CPUs during the run, and the times are pessimistic.',
    ...(rebuilt ? ['', `**Warning**: ${rebuilt}.`] : []),
    '',
    '## Data',
    '',
    `Generated by bench/generate.mjs (generator version ${GENERATOR_VERSION}, seed ${options.seed}); about 5% of the records carry one planted defect.`,
    '',
    mdTable([
      ['records', 'average record (JSONL line, bytes)', 'planted defects', 'JSONL file', 'JSON array file'],
      ...dataInfo.map((d) => [fmtInt(d.size), fmtInt(d.averageRecordBytes), fmtInt(d.defects), d.files.jsonl ? `${(d.files.jsonl.bytes / 2 ** 20).toFixed(1)} MiB` : '–', d.files.json ? `${(d.files.json.bytes / 2 ** 20).toFixed(1)} MiB` : '–']),
    ]),
    '',
    '## Throughput and memory',
    '',
    'Wall time of the whole child process (start-up included), records/s = records / wall time, peak RSS = the process\'s',
    'maximum resident set size. Ratio = beianlint\'s per-record cost / the floor\'s on the same file.',
    '',
    mdTable(resultRows),
    '',
    '### Marginal cost',
    '',
    'Between two sizes of the same format, (time difference) / (record difference): start-up cancels out, so this is the',
    'steady per-record cost, and the RSS difference per record shows what is kept per record.',
    '',
    marginal.length
      ? mdTable([
          ['format', 'sizes', 'what', 'µs/record', 'ratio to floor', 'RSS growth per record'],
          ...marginal.map((m) => [m.format === 'jsonl' ? 'JSONL' : 'JSON array', `${fmtInt(m.from)} → ${fmtInt(m.to)}`, m.tool, m.usPerRecord.toFixed(1), m.ratio ? `${m.ratio.toFixed(2)}×` : '', `${(m.rssKbPerRecord * 1024).toFixed(0)} bytes`]),
        ])
      : 'Needs two successful sizes of the same format and tool.',
    '',
    '## Start-up',
    '',
    startup
      ? mdTable([
          ['what', 'median', 'min', 'peak RSS'],
          ['`beianlint --version` (10 runs)', fmtMs(startup.version.medianMs), fmtMs(startup.version.minMs), fmtMb(startup.version.peakRssKb)],
          ['`beianlint --format json -o … tests/fixtures/records/enterprise-approved.json` (10 runs)', fmtMs(startup.small.medianMs), fmtMs(startup.small.minMs), fmtMb(startup.small.peakRssKb)],
          ['re-lint one record with a warm `Linter` (bench/relint.mjs, 21 runs)', startup.relint.medianMs !== undefined ? `${startup.relint.medianMs.toFixed(1)} ms` : `failed: ${startup.relint.error}`, '', ''],
          ['… `createLinter()` once / first lint (cold)', startup.relint.createLinterMs !== undefined ? `${startup.relint.createLinterMs.toFixed(0)} ms / ${startup.relint.firstLintMs.toFixed(0)} ms` : '–', '', ''],
        ])
      : 'Skipped (--no-startup).',
    '',
    '## Targets (issue 5)',
    '',
    mdTable([['target', 'measured', 'verdict'], ...targets]),
    '',
    decisions,
    '',
  ].join('\n');
  writeFileSync(options.results, md);
  process.stdout.write(`\nwrote ${relative(process.cwd(), options.results)}\n`);

  if (!options.keep) {
    for (const f of generatedFiles) rmSync(f, { force: true });
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e?.stack ?? e}\n`);
  process.exit(2);
});
