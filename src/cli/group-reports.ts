// --group-by provider|province --output-dir DIR: the run's results cut into
// one report per access provider (or province), each holding only that
// group's records and their messages, to be sent back to whoever filed
// them (issue 18, "Per-provider reports"). Made from the results of the one
// run: the batch rules saw every record, so a repeat across providers is in
// the report of each record it names.
import { realPathOf } from './output-files.js';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { maskPersonalText } from '../domain/personal-text.js';
import { UNUSED_DIRECTIVE_RULE } from '../engine/directives.js';
import { SKIPPED_RECORD, UNPARSED_RECORD, type FileStats, type LintMessage, type LintResult, type Locale, type RecordGroup } from '../engine/types.js';
import { accuracyOf, percent } from '../formatters/accuracy.js';
import { textCell } from '../formatters/csv.js';
import type { ChunkedFormatter, Formatter, FormatterContext } from '../formatters/index.js';
import { filteredResult, messagesOf } from '../runner/index.js';
import { UsageError } from './args.js';

export type GroupBy = 'provider' | 'province';

/** The key of what belongs to no group: a text that did not parse, a message about the file itself. */
const UNASSIGNED = '\u0000unassigned';

/** The extension each format's reports are written with. */
const EXTENSIONS: Readonly<Record<string, string>> = { html: 'html', json: 'json', sarif: 'sarif', junit: 'xml', checkstyle: 'xml', gitlab: 'json', csv: 'csv' };

/** One group's report: the results of the run, each file's cut to the group's records and messages. */
export interface GroupReport {
  /** The province code or provider name as the records give it ('??', '?' when unknown); UNASSIGNED for the rest. */
  key: string;
  fileName: string;
  results: LintResult[];
}

function keyOf(group: RecordGroup, by: GroupBy): string {
  return by === 'provider' ? group.provider : group.province;
}

/**
 * A report's file name: `provider-<name>-<hash>` and `province-<code>`, so
 * a folder lists them by kind. A provider's name keeps its letters and
 * digits in any script (Chinese names stay readable), every other run of
 * characters one `-`, at most 40 of them, with personal data masked as in
 * every report; the hash (of the name exactly as written) makes the name
 * unique and the same on every run, whatever other providers there are.
 */
export function reportFileName(key: string, by: GroupBy, extension: string): string {
  if (key === UNASSIGNED) return `unassigned.${extension}`;
  if (by === 'province') return `province-${/^[0-9]{2}$/.test(key) ? key : 'unknown'}.${extension}`;
  if (key === '?' || key.trim() === '') return `provider-unknown.${extension}`;
  const readable = [...maskPersonalText(key).normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')].slice(0, 40).join('');
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
  return `provider-${readable ? `${readable}-` : ''}${hash}.${extension}`;
}

/** One file's records by group key: each group's own recordGroup, with holes where other groups' records are. */
function recordsByKey(stats: FileStats, by: GroupBy): Map<string, { recordGroup: number[]; records: number }> {
  const keys = stats.groups.map((g) => keyOf(g, by));
  const parts = new Map<string, { recordGroup: number[]; records: number }>();
  const { recordGroup } = stats;
  for (let index = 0; index < recordGroup.length; index++) {
    const g = recordGroup[index];
    // A record outside the period is no group's: the run's own report counts it as skipped.
    if (g === undefined || g === SKIPPED_RECORD) continue;
    const key = g >= 0 && keys[g] !== undefined ? keys[g]! : UNASSIGNED;
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { recordGroup: [], records: 0 }));
    part.recordGroup[index] = g >= 0 ? g : UNPARSED_RECORD;
    part.records++;
  }
  return parts;
}

/** Which group a message belongs to: its record's, or none when it is about no record of a group. */
function messageKeyOf(stats: FileStats | undefined, by: GroupBy): (m: LintMessage) => string {
  const keys = stats?.groups.map((g) => keyOf(g, by)) ?? [];
  return (m) => {
    // A directive that suppressed nothing is about the file's comments, not about the record it names by default.
    if (m.ruleId === UNUSED_DIRECTIVE_RULE) return UNASSIGNED;
    const g = stats?.recordGroup[m.record];
    return g !== undefined && g >= 0 && keys[g] !== undefined ? keys[g]! : UNASSIGNED;
  };
}

/**
 * The run's results cut by group, groups sorted by key, the unassigned
 * last. A group's report has the files it has records or messages in; its
 * messages are read one at a time again when the run's were (a national
 * batch's are in a temporary file).
 */
export function groupReports(results: readonly LintResult[], by: GroupBy, extension: string): GroupReport[] {
  const byKey = new Map<string, LintResult[]>();
  for (const file of results) {
    const parts = file.stats ? recordsByKey(file.stats, by) : new Map<string, { recordGroup: number[]; records: number }>();
    const keyOfMessage = messageKeyOf(file.stats, by);
    const keys = new Set(parts.keys());
    for (const m of messagesOf(file)) keys.add(keyOfMessage(m));
    for (const key of keys) {
      const part = parts.get(key) ?? { recordGroup: [], records: 0 };
      const stats: FileStats = { records: part.records, groups: file.stats?.groups ?? [], recordGroup: part.recordGroup };
      const cut = filteredResult(file, (m) => keyOfMessage(m) === key);
      // filteredResult hands back the result itself when it keeps every message: that one is not to be changed.
      const result = cut === file ? { ...file, stats } : Object.assign(cut, { stats });
      const list = byKey.get(key) ?? [];
      list.push(result);
      byKey.set(key, list);
    }
  }
  const order = [...byKey.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)));
  return order.map((key) => ({ key, fileName: reportFileName(key, by, extension), results: byKey.get(key)! }));
}

/** The index of the reports written: one row a report, then the whole run; counts only, as the summary's. */
function indexCsv(reports: readonly GroupReport[], all: { fileName: string; results: readonly LintResult[] }, by: GroupBy, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const head = zh ? [by === 'provider' ? '接入服务单位' : '省份', '文件', '记录', '有错误', '准确率', '期间外跳过'] : [by === 'provider' ? 'access provider' : 'province', 'file', 'records', 'with errors', 'accuracy', 'skipped (outside the period)'];
  const nameOf = (key: string) => {
    if (key === UNASSIGNED) return zh ? '（不属于任何记录：无法解析的内容等）' : '(no record: text that did not parse, and the like)';
    if (by === 'provider' && (key === '?' || key.trim() === '')) return zh ? '（未填写接入服务单位）' : '(access provider not given)';
    if (by === 'province' && key === '??') return zh ? '（未知省份）' : '(province unknown)';
    return by === 'provider' ? maskPersonalText(key) : key;
  };
  const row = (name: string, fileName: string, results: readonly LintResult[]) => {
    const acc = accuracyOf(results);
    return [textCell(name), textCell(fileName), String(acc.records), String(acc.withErrors), percent(acc.records - acc.withErrors, acc.records), acc.skipped > 0 ? String(acc.skipped) : ''].join(',');
  };
  const lines = [head.map(textCell).join(','), ...reports.map((r) => row(nameOf(r.key), r.fileName, r.results)), row(zh ? '（全部）' : '(all)', all.fileName, all.results)];
  // With a byte order mark, as --format csv: Excel then reads it as UTF-8.
  return `\uFEFF${lines.join('\n')}\n`;
}

/** A report written over a file just linted would destroy the input (`--output-dir .` beside an `all.json`): refused before anything is written. */
function refuseToOverwriteInputs(dir: string, fileNames: readonly string[], results: readonly LintResult[]): void {
  const inputs = new Set(results.map((r) => realPathOf(r.filePath)).filter((p) => p !== undefined));
  const clash = fileNames.find((name) => {
    const real = realPathOf(join(dir, name));
    return real !== undefined && inputs.has(real);
  });
  if (clash !== undefined) {
    throw new UsageError({ en: `will not write the report ${clash}: it is one of the files being linted; choose another --output-dir`, 'zh-CN': `不会写入报告 ${clash}：它是被检查的文件之一；请另选 --output-dir` });
  }
}

async function writePieces(target: string, pieces: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(pieces), createWriteStream(target));
}

function piecesOf(formatter: Formatter, results: readonly LintResult[], context: FormatterContext): Iterable<string> {
  // A chunked formatter's pieces are written as they come: a report is never one string in memory.
  return 'chunks' in formatter ? (formatter as ChunkedFormatter).chunks(results, context) : [formatter(results, context)];
}

/**
 * Writes one report per group into `dir` in the run's format, `all.<ext>`
 * with the whole run (its skipped records too), and `index.csv` listing
 * them. Returns the names written, in the index's order.
 */
export async function writeGroupReports(
  results: readonly LintResult[],
  options: { by: GroupBy; dir: string; format: string; formatter: Formatter; context: FormatterContext },
): Promise<string[]> {
  const { by, dir, formatter, context } = options;
  const extension = EXTENSIONS[options.format] ?? 'txt';
  const reports = groupReports(results, by, extension);
  const all = { fileName: `all.${extension}`, results };
  const names = [...reports.map((r) => r.fileName), all.fileName, 'index.csv'];
  refuseToOverwriteInputs(dir, names, results);
  await mkdir(dir, { recursive: true });
  for (const report of reports) await writePieces(join(dir, report.fileName), piecesOf(formatter, report.results, context));
  await writePieces(join(dir, all.fileName), piecesOf(formatter, results, context));
  await writePieces(join(dir, 'index.csv'), [indexCsv(reports, all, by, context.locale)]);
  return names;
}
