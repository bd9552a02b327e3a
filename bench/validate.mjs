#!/usr/bin/env node
// Checks the generator against beianlint and the project's own domain code:
//
// 1. The generator's hard-coded 2026 calendar equals the project's
//    (dist/domain/workdays.js, from chinese-days), and every clean record's
//    dates meet the deadlines (pre-verification ≤ 5 working days, on-site ≤ 1
//    month after the SMS, review ≤ 20 working days) and run in order; these
//    rules may not exist yet in the build, so the check is independent of them.
// 2. `beianlint --format json` over the batch: how many records have no error,
//    which rules fire on records without a planted defect (each is a bug in
//    the generator or in a rule), and which rule caught each planted defect.
//
// Usage: npm run build && node bench/validate.mjs [--count 2000] [--seed 1]
// Writes bench/out/validate-n<count>-s<seed>.{jsonl,meta.json,report.json}.

import { spawnSync } from 'node:child_process';
import { readFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { generate, isWorkingDay2026, SMS_PASSED } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const k = args.indexOf(`--${name}`);
  return k === -1 ? dflt : args[k + 1];
};
const count = Number(flag('count', 2000));
const seed = Number(flag('seed', 1));
const out = join(root, 'bench', 'out', `validate-n${count}-s${seed}`);

const { isWorkingDay, withinWorkingDays, withinCalendarMonths } = await import(join(root, 'dist/domain/workdays.js'));

// 1a. calendar table
let calendarMismatches = [];
for (let d = Date.UTC(2026, 0, 1); d <= Date.UTC(2026, 11, 31); d += 86_400_000) {
  const iso = new Date(d).toISOString().slice(0, 10);
  const theirs = isWorkingDay(iso);
  if (!theirs.ok || theirs.working !== isWorkingDay2026(iso)) calendarMismatches.push(iso);
}

const meta = await generate({ count, seed, out, formats: ['jsonl'] });
const defective = new Map(meta.defects.map(([i, kind, rule]) => [i, { kind, rule }]));

// 1b. dates of clean records
const dateProblems = [];
{
  const rl = createInterface({ input: createReadStream(`${out}.jsonl`), crlfDelay: Infinity });
  let i = 0;
  for await (const line of rl) {
    const index = i++;
    if (defective.has(index)) continue;
    const r = JSON.parse(line);
    const v = r.verification;
    if (!v) continue;
    const problems = [];
    const seq = [v.submittedAt, v.preVerification?.completedAt, v.notification?.sentAt, v.onSite?.verifiedAt, v.providerSubmittedAt, r.review?.reviewedAt].filter(Boolean);
    for (let k = 1; k < seq.length; k++) if (Date.parse(seq[k]) < Date.parse(seq[k - 1])) problems.push('order');
    if (v.preVerification && !withinWorkingDays(v.submittedAt, v.preVerification.completedAt, 5).within) problems.push('pre-verification-deadline');
    if (v.notification && v.notification.message !== SMS_PASSED) problems.push('notification-message');
    if (v.onSite && !withinCalendarMonths(v.notification.sentAt, v.onSite.verifiedAt, 1).within) problems.push('on-site-deadline');
    if (r.review && !withinWorkingDays(v.providerSubmittedAt, r.review.reviewedAt, 20).within) problems.push('bureau-review-deadline');
    if (r.retention && Date.parse(`${r.retention.retainUntil}T00:00:00+08:00`) < Date.parse(v.onSite.verifiedAt) + 5 * 365.25 * 86_400_000) problems.push('retention-period');
    if (problems.length) dateProblems.push([index, problems]);
  }
}

// 2. beianlint
const report = `${out}.report.json`;
const started = process.hrtime.bigint();
const child = spawnSync(process.execPath, [join(root, 'bin/beianlint.js'), '--format', 'json', '-o', report, `${out}.jsonl`], { cwd: root, encoding: 'utf8' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (child.status !== 0 && child.status !== 1) {
  console.error(`beianlint failed (status ${child.status}, signal ${child.signal}):\n${child.stderr}`);
  process.exit(2);
}
const [result] = JSON.parse(readFileSync(report, 'utf8'));
const errorsByRecord = new Map();
const severityCounts = {};
for (const m of result.messages) {
  severityCounts[`${m.ruleId} (${m.severity})`] = (severityCounts[`${m.ruleId} (${m.severity})`] ?? 0) + 1;
  if (m.severity !== 'error') continue;
  if (!errorsByRecord.has(m.record)) errorsByRecord.set(m.record, []);
  errorsByRecord.get(m.record).push(m);
}

let cleanWithError = 0;
const cleanRules = {};
const cleanExamples = {};
for (let i = 0; i < count; i++) {
  if (defective.has(i)) continue;
  const errs = errorsByRecord.get(i);
  if (!errs) continue;
  cleanWithError++;
  for (const m of errs) {
    cleanRules[m.ruleId] = (cleanRules[m.ruleId] ?? 0) + 1;
    (cleanExamples[m.ruleId] ??= []).length < 3 && cleanExamples[m.ruleId].push({ record: i, path: m.path, message: m.message });
  }
}

const detection = {};
for (const [i, { kind, rule }] of defective) {
  const d = (detection[kind] ??= { planted: 0, expectedRule: rule, caughtByExpected: 0, anyError: 0, rules: {} });
  d.planted++;
  const errs = errorsByRecord.get(i) ?? [];
  if (errs.length) d.anyError++;
  if (errs.some((m) => m.ruleId === rule)) d.caughtByExpected++;
  for (const id of new Set(errs.map((m) => m.ruleId))) d.rules[id] = (d.rules[id] ?? 0) + 1;
}

const withoutError = count - errorsByRecord.size;
const summary = {
  records: count,
  averageRecordBytes: meta.averageRecordBytes,
  planted: meta.defectCount,
  recordsWithoutError: withoutError,
  rateWithoutError: +(withoutError / count).toFixed(4),
  cleanRecordsWithError: cleanWithError,
  rulesFiringOnCleanRecords: cleanRules,
  cleanExamples,
  messagesByRule: severityCounts,
  defectDetection: detection,
  calendarMismatches,
  cleanRecordsWithDateProblems: dateProblems.length,
  dateProblemExamples: dateProblems.slice(0, 5),
  lintSeconds: +seconds.toFixed(2),
};
console.log(JSON.stringify(summary, null, 2));
