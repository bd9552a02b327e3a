#!/usr/bin/env node
// `npm run bench:memory`: the files that took a run out of memory below
// --max-file-size (issue 21), linted by the CLI with their peak RSS measured.
// Each must end with exit status 1 (problems found, no crash) within
// MEMORY_BOUND_MB of peak RSS, the bound the README states for one file.
//
//   - a YAML file of about 124 MB: refused unread (too large to read whole);
//   - a JSON array with its closing bracket and last filing cut off: read
//     element by element up to the break, which is reported.
//
// Options: --array-records N (default 100000, about 225 MB), --yaml-mb N
// (default 124), --keep (keep the generated files in bench/out/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const MEMORY_BOUND_MB = 1024;

const benchDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(benchDir, 'out');
const bin = join(benchDir, '..', 'bin', 'beianlint.js');
const probe = join(benchDir, 'rss-probe.mjs');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
}
const arrayRecords = option('--array-records', 100_000);
const yamlMb = option('--yaml-mb', 124);
const keep = process.argv.includes('--keep');

mkdirSync(outDir, { recursive: true });
const yamlFile = join(outDir, `memory-${yamlMb}mb.yaml`);
const arrayBase = join(outDir, `memory-array-n${arrayRecords}`);
const arrayFile = `${arrayBase}-truncated.json`;

if (!existsSync(yamlFile)) {
  const line = 'remarks: "a filing record would be here, padded to look like real data 0123456789"\n';
  writeFileSync(yamlFile, line.repeat(Math.ceil((yamlMb * 1024 * 1024) / line.length)));
}
if (!existsSync(arrayFile)) {
  await generate({ count: arrayRecords, seed: 1, formats: ['json'], out: arrayBase });
  const whole = `${arrayBase}.json`;
  // Cut inside the last filing: the array is never closed.
  const fd = openSync(whole, 'r+');
  ftruncateSync(fd, statSync(whole).size - 500);
  closeSync(fd);
  writeFileSync(arrayFile, readFileSync(whole));
  rmSync(whole);
}

const rows = [];
let failed = false;
for (const [name, file] of [
  ['YAML read whole', yamlFile],
  ['JSON array cut off', arrayFile],
]) {
  const rssFile = join(outDir, `memory-rss-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', probe, bin, '--format', 'summary', '--now', '2026-12-01', file], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  const ok = run.status === 1 && rssMb <= MEMORY_BOUND_MB;
  failed ||= !ok;
  rows.push({ name, mb: (statSync(file).size / 1048576).toFixed(0), status: run.status ?? run.signal, seconds: seconds.toFixed(1), rssMb: rssMb.toFixed(0), ok });
}

console.log(`| file | MB | exit | s | peak RSS MB (bound ${MEMORY_BOUND_MB}) | ok |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.mb} | ${r.status} | ${r.seconds} | ${r.rssMb} | ${r.ok ? 'yes' : 'NO'} |`);
if (!keep) {
  rmSync(yamlFile, { force: true });
  rmSync(arrayFile, { force: true });
  rmSync(`${arrayBase}.meta.json`, { force: true });
}
process.exitCode = failed ? 1 : 0;
