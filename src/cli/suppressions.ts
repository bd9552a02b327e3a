import { replaceFile } from './output-files.js';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import type { IgnorePatterns } from '../engine/config.js';
import { maskPersonalText } from '../domain/personal-text.js';
import { type LintMessage, type LintResult, type Localized } from '../engine/types.js';
import { filteredResult, messagesOf } from '../runner/index.js';
import { closestName } from '../schema/explain.js';
import { isFilingPointer } from '../schema/filing-pointer.js';
import { UsageError } from './args.js';

// Bulk suppressions, as ESLint 9.24's: a file that records the problems a
// project has accepted for now, so that a run reports only new ones. Each
// entry names a file (relative to the suppressions file, with forward
// slashes), a filingId, a rule and a path, not a line, and counts the
// problems under that key: entries survive a reformat and records moved
// about. A problem of no record (a parse error) has a null filingId and an
// empty path, so it is keyed by file and rule only.
//
// When a key has more problems than its count, all of them are reported, as
// ESLint does: which of them is the new one cannot be told.
//
// The file holds no personal data, with or without --no-redact: a filingId
// is kept as the masked output shows it, and a path keeps only the fields
// the filing format declares; a key the format does not know (which may be a
// person's name or number) and everything under it is written `*`. So the
// same problem has the same key in a run that masks and one that does not.

/** The file's name when --suppressions-location does not give one (in the working directory). */
export const DEFAULT_SUPPRESSIONS_FILE = 'beianlint-suppressions.json';

export interface SuppressionEntry {
  filingId: string | null;
  rule: string;
  path: string;
  count: number;
}

interface SuppressionsFileContent {
  version: 1;
  /** By file, relative to the suppressions file's folder, with forward slashes. */
  files: Record<string, SuppressionEntry[]>;
}

export interface SuppressionRequest {
  /** The suppressions file, absolute. */
  file: string;
  /** Record the run's problems: of every rule, or of the rules named (--suppress-all, --suppress-rule). */
  suppress?: 'all' | readonly string[];
  /** Remove entries the run no longer finds (--prune-suppressions). */
  prune?: boolean;
}

export interface SuppressionOutcome {
  results: LintResult[];
  /** Problems left out of the report. */
  suppressed: number;
  /** Problems of the file, among the linted files, that no longer occur. */
  stale: number;
  /** Problems recorded by --suppress-all or --suppress-rule; undefined when neither was given. */
  recorded?: number;
  /** Problems taken out of the file by --prune-suppressions; undefined without it. */
  pruned?: number;
}

/** Counts by entry key, one map per file key. */
type Counts = Map<string, Map<string, number>>;

const knownPaths = new Map<string, string>();

/**
 * A message's path as the suppressions file keys it: the fields the filing
 * format declares, then `*` for the first segment it does not (an unknown
 * key, which may be personal) and all below it.
 */
export function suppressionPath(path: string): string {
  const known = knownPaths.get(path);
  if (known !== undefined) return known;
  const segments = path === '' ? [] : path.slice(1).split('/');
  let kept = '';
  for (const segment of segments) {
    if (!isFilingPointer(`${kept}/${segment}`)) {
      kept += '/*';
      break;
    }
    kept += `/${segment}`;
  }
  if (knownPaths.size > 4096) knownPaths.clear();
  knownPaths.set(path, kept);
  return kept;
}

function entryKey(filingId: string | null, rule: string, path: string): string {
  return JSON.stringify([filingId, rule, path]);
}

function keyOfMessage(m: LintMessage): string {
  return entryKey(m.filingId === null ? null : maskPersonalText(m.filingId), m.ruleId, suppressionPath(m.path));
}

function fileKeyOf(filePath: string, suppressionsFile: string): string {
  return relative(dirname(suppressionsFile), filePath).split(sep).join('/');
}

function invalidFile(shown: string, reason: string): UsageError {
  return new UsageError({ en: `${shown}: not a beianlint suppressions file (${reason})`, 'zh-CN': `${shown}：不是 beianlint 的抑制文件（${reason}）` });
}

function isEntry(e: unknown): e is SuppressionEntry {
  if (e === null || typeof e !== 'object') return false;
  const { filingId, rule, path, count } = e as Record<string, unknown>;
  return (filingId === null || typeof filingId === 'string') && typeof rule === 'string' && typeof path === 'string' && Number.isInteger(count) && (count as number) > 0;
}

/** The counts a suppressions file holds; none when there is no file. A file that is not one stops the run. */
function readSuppressions(file: string, shown: string): Counts {
  const counts: Counts = new Map();
  if (!existsSync(file)) return counts;
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalidFile(shown, (e as NodeJS.ErrnoException).code ?? 'JSON');
  }
  const files = (content as Partial<SuppressionsFileContent> | null)?.files;
  if ((content as Partial<SuppressionsFileContent> | null)?.version !== 1 || files === null || typeof files !== 'object') throw invalidFile(shown, 'version, files');
  for (const [fileKey, entries] of Object.entries(files)) {
    if (!Array.isArray(entries) || !entries.every(isEntry)) throw invalidFile(shown, fileKey);
    const byKey = new Map<string, number>();
    for (const e of entries) byKey.set(entryKey(e.filingId, e.rule, e.path), (byKey.get(entryKey(e.filingId, e.rule, e.path)) ?? 0) + e.count);
    counts.set(fileKey, byKey);
  }
  return counts;
}

/** The file's text: files and entries sorted, so a change to it is a readable diff. */
function serialize(counts: Counts): string {
  const files: Record<string, SuppressionEntry[]> = {};
  for (const fileKey of [...counts.keys()].sort()) {
    const entries = [...counts.get(fileKey)!]
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, count]) => {
        const [filingId, rule, path] = JSON.parse(key) as [string | null, string, string];
        return { filingId, rule, path, count };
      });
    if (entries.length > 0) files[fileKey] = entries;
  }
  const content: SuppressionsFileContent = { version: 1, files };
  return `${JSON.stringify(content, null, 2)}\n`;
}

function writeSuppressions(file: string, shown: string, counts: Counts): void {
  // Written whole and moved into place: an interrupted run leaves the old file, not half of a new one.
  try {
    replaceFile(file, serialize(counts), 0o666);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError({ en: `cannot write the suppressions file ${shown}: ${reason}`, 'zh-CN': `无法写入抑制文件 ${shown}：${reason}` });
  }
}

/** The run's problems by file key and entry key. */
function countProblems(results: readonly LintResult[], file: string): Counts {
  const counts: Counts = new Map();
  for (const result of results) {
    const byKey = new Map<string, number>();
    for (const m of messagesOf(result)) {
      const key = keyOfMessage(m);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    counts.set(fileKeyOf(result.filePath, file), byKey);
  }
  return counts;
}

/** Puts the run's problems of the chosen rules into the stored counts, in place of what was stored for their keys. */
function record(stored: Counts, current: Counts, suppress: 'all' | readonly string[]): number {
  const rules = suppress === 'all' ? undefined : new Set(suppress);
  let recorded = 0;
  for (const [fileKey, byKey] of current) {
    let entries = stored.get(fileKey);
    for (const [key, count] of byKey) {
      const rule = (JSON.parse(key) as [unknown, string])[1];
      if (rules && !rules.has(rule)) continue;
      if (!entries) stored.set(fileKey, (entries = new Map()));
      entries.set(key, count);
      recorded += count;
    }
  }
  return recorded;
}

/** Each linted file's entries no longer fully used: how many problems they count that the run did not find. */
function staleness(stored: Counts, current: Counts): number {
  let stale = 0;
  for (const [fileKey, byKey] of current) {
    for (const [key, count] of stored.get(fileKey) ?? []) stale += Math.max(0, count - (byKey.get(key) ?? 0));
  }
  return stale;
}

/** Lowers each linted file's counts to what the run found, dropping entries it found none of. */
function prune(stored: Counts, current: Counts): void {
  for (const [fileKey, byKey] of current) {
    const entries = stored.get(fileKey);
    if (!entries) continue;
    for (const [key, count] of entries) {
      const found = byKey.get(key) ?? 0;
      if (found === 0) entries.delete(key);
      else entries.set(key, Math.min(count, found));
    }
    if (entries.size === 0) stored.delete(fileKey);
  }
}

const totalOf = (r: LintResult) => r.errorCount + r.warningCount + r.infoCount;

/** The results without the problems the stored counts cover, counted again. */
function withoutSuppressed(results: readonly LintResult[], stored: Counts, current: Counts, file: string): { results: LintResult[]; suppressed: number } {
  let suppressed = 0;
  const kept = results.map((result) => {
    const fileKey = fileKeyOf(result.filePath, file);
    const entries = stored.get(fileKey);
    if (!entries) return result;
    const found = current.get(fileKey)!;
    // A key with more problems than its count is reported whole.
    const covered = (key: string) => entries.has(key) && found.get(key)! <= entries.get(key)!;
    const left = filteredResult(result, (m) => !covered(keyOfMessage(m)));
    suppressed += totalOf(result) - totalOf(left);
    return left;
  });
  return { results: kept, suppressed };
}

/**
 * Applies (and with `suppress` or `prune`, first updates and writes) the
 * suppressions file to a run's results. Without a file and without
 * `suppress`, the results are returned as they are.
 */
export function applySuppressions(results: LintResult[], request: SuppressionRequest, shown: string): SuppressionOutcome {
  const stored = readSuppressions(request.file, shown);
  if (stored.size === 0 && !request.suppress && !request.prune) return { results, suppressed: 0, stale: 0 };
  const current = countProblems(results, request.file);
  const recorded = request.suppress ? record(stored, current, request.suppress) : undefined;
  const stale = staleness(stored, current);
  if (request.prune) prune(stored, current);
  if (request.suppress || request.prune) writeSuppressions(request.file, shown, stored);
  const applied = withoutSuppressed(results, stored, current, request.file);
  return { ...applied, stale: request.prune ? 0 : stale, ...(request.suppress ? { recorded } : {}), ...(request.prune ? { pruned: stale } : {}) };
}

/** --suppress-rule names rules of the rule set; a slip of a key gets the rule meant. */
export function checkSuppressedRules(rules: readonly string[], known: readonly string[]): void {
  for (const rule of rules) {
    if (known.includes(rule)) continue;
    const guess = closestName(rule, known);
    throw new UsageError({
      en: `--suppress-rule: unknown rule "${rule}"${guess ? `; did you mean "${guess}"?` : ''}`,
      'zh-CN': `--suppress-rule：未知的规则 "${rule}"${guess ? `；是否想写 "${guess}"？` : ''}`,
    });
  }
}

/** "1 problem", "2 problems" (with `kind`: "1 suppressed problem"). */
function problems(count: number, kind = ''): string {
  return `${count} ${kind}${count === 1 ? 'problem' : 'problems'}`;
}

/** What the run tells on stderr about its suppressions, one line each. */
export function suppressionNotes(outcome: SuppressionOutcome, shown: string): Localized[] {
  const notes: Localized[] = [];
  const { recorded, pruned } = outcome;
  if (recorded !== undefined) notes.push({ en: `${shown}: ${problems(recorded)} recorded as suppressed`, 'zh-CN': `已在 ${shown} 中记录 ${recorded} 个抑制的问题` });
  if (pruned !== undefined) notes.push({ en: `${shown}: removed ${problems(pruned, 'suppressed ')} that no longer ${pruned === 1 ? 'occurs' : 'occur'}`, 'zh-CN': `已从 ${shown} 中删除 ${pruned} 个不再出现的抑制问题` });
  if (outcome.suppressed > 0) notes.push({ en: `${problems(outcome.suppressed)} suppressed by ${shown}`, 'zh-CN': `${shown} 抑制了 ${outcome.suppressed} 个问题` });
  if (outcome.stale > 0) {
    notes.push({
      en: `${problems(outcome.stale, 'suppressed ')} in ${shown} no longer ${outcome.stale === 1 ? 'occurs' : 'occur'}; remove ${outcome.stale === 1 ? 'it' : 'them'} with --prune-suppressions`,
      'zh-CN': `${shown} 中有 ${outcome.stale} 个抑制的问题已不再出现；可用 --prune-suppressions 删除`,
    });
  }
  return notes;
}

/** The suppressions file a run uses: --suppressions-location, or the default in the working directory. */
export function suppressionsFileOf(location: string | undefined, cwd: string): { file: string; shown: string } {
  const file = resolve(cwd, location ?? DEFAULT_SUPPRESSIONS_FILE);
  return { file, shown: relative(cwd, file) || file };
}

/**
 * The command line's suppressions: the file --suppressions-location names
 * (or the default), updated as --suppress-all, --suppress-rule and
 * --prune-suppressions ask and applied to the results; each note goes to
 * `tell` (stderr).
 */
export function suppressedForCli(
  results: LintResult[],
  options: { suppress?: 'all' | readonly string[]; suppressionsLocation?: string; pruneSuppressions: boolean; period?: unknown },
  cwd: string,
  tell: (note: Localized) => void,
): LintResult[] {
  const { file, shown } = suppressionsFileOf(options.suppressionsLocation, cwd);
  const request = { file, ...(options.suppress ? { suppress: options.suppress } : {}), prune: options.pruneSuppressions };
  const outcome = applySuppressions(results, request, shown);
  // A run of one period leaves records out: what it does not find may still occur in them.
  if (options.period) outcome.stale = 0;
  for (const note of suppressionNotes(outcome, shown)) tell(note);
  return outcome.results;
}

/** The suppressions file as an ignore pattern: it is JSON, and would otherwise be linted as a filing in a folder that is. */
export function suppressionsIgnore(location: string | undefined, cwd: string): IgnorePatterns {
  const { file } = suppressionsFileOf(location, cwd);
  return { base: dirname(file), patterns: [fg.escapePath(basename(file))] };
}
