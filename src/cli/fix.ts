// --fix and --fix-dry-run: each file the run names is fixed on its own
// (src/runner/fix.ts), and with --fix written back atomically: a temporary
// file beside it, with its mode, renamed over it. A file that cannot be
// written keeps its original, and the run ends with status 2.

import { replaceFile } from './output-files.js';
import { chmodSync, chownSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { effectiveConfigOf } from '../engine/create.js';
import type { Linter, LintMessage, LintResult, Locale } from '../engine/index.js';
import { formatOf } from '../input/index.js';
import { decodeSource } from '../input/read-file.js';
import { WHOLE_READ_BYTES } from '../input/record-source.js';
import { fixText, movedThroughFixes, type FixedText } from '../runner/fix.js';
import { expandPaths } from '../runner/index.js';
import { messagesOf } from '../runner/message-store.js';

/** Writes a file's new text in its place, or throws (the original then stands). */
export type FileWriter = (filePath: string, text: string) => void;

/**
 * Writes `text` to a temporary file in the same folder, with the file's
 * mode (and owner, where the process may set it), and renames it over the
 * file: a reader sees the old text or the new, never a half-written one,
 * and a failure leaves the old. A symbolic link is followed, not replaced.
 */
export function writeAtomically(filePath: string, text: string): void {
  const target = realpathSync(filePath);
  const { mode, uid, gid } = statSync(target);
  replaceFile(target, text, mode & 0o7777, (written) => {
    // The umask narrowed the mode the file was created with.
    chmodSync(written, mode & 0o7777);
    try {
      chownSync(written, uid, gid);
    } catch {
      // Only root may give a file away; anyone else's file is their own already.
    }
  });
}

export interface FixRunOptions {
  paths: readonly string[];
  cwd: string;
  linter: Linter;
  /** --fix-dry-run: nothing is written; the report is of the texts as fixed, each changed one with its `output`. */
  dryRun: boolean;
  /** --ignore-pattern, relative to `cwd`, on top of the config's `ignores`. */
  ignorePatterns: readonly string[];
  maxFileSize?: number;
  /** Lints what the command line names, as a run without fixes does. */
  lint: () => Promise<LintResult[]>;
  /** Says a line on standard error. */
  tell: (line: string) => void;
  write?: FileWriter;
}

/** What the run says on stderr about a file it leaves as it was, in the run's language. */
function notFixed(locale: Locale, shown: string, why: 'worse' | 'too-large' | 'unwritable', detail = ''): string {
  if (locale === 'zh-CN') {
    if (why === 'worse') return `beianlint: ${shown}：未修正，修正后问题会更多\n`;
    if (why === 'too-large') return `beianlint: ${shown}：未修正，文件过大（${detail}），无法整个读入\n`;
    return `beianlint: 无法写入修正后的 ${shown}（${detail}），原文件未改动\n`;
  }
  if (why === 'worse') return `beianlint: ${shown}: not fixed: fixing it would add a problem\n`;
  if (why === 'too-large') return `beianlint: ${shown}: not fixed: too large to read whole (${detail})\n`;
  return `beianlint: cannot write the fixed ${shown} (${detail}); the original is unchanged\n`;
}

/** Why --fix-dry-run's report has no `output`: the fixed texts hold the records' personal data unmasked. */
function outputWithheld(locale: Locale): string {
  return locale === 'zh-CN'
    ? 'beianlint: 修正后的全文含有未遮盖的个人信息，报告中不附 output；需要时请加 --no-redact\n'
    : 'beianlint: the fixed texts hold personal data unmasked, so the report carries no output; add --no-redact for it\n';
}

/** The text of a file to fix, or undefined (said on stderr when it is for its size) for one that is not fixed. */
function readForFix(filePath: string, options: FixRunOptions, shown: string): string | undefined {
  const format = formatOf(filePath);
  if (!format) return undefined;
  // JSON Lines is streamed when linted; fixing reads it whole, so it is held to the JSON bound.
  const limit = Math.min(format === 'jsonl' ? WHOLE_READ_BYTES.json : WHOLE_READ_BYTES[format], options.maxFileSize ?? Number.POSITIVE_INFINITY);
  let bytes: Buffer;
  try {
    const { size } = statSync(filePath);
    if (size > limit) {
      options.tell(notFixed(options.linter.locale, shown, 'too-large', `${Math.ceil(size / 1048576)} MiB > ${Math.floor(limit / 1048576)} MiB`));
      return undefined;
    }
    bytes = readFileSync(filePath);
  } catch {
    // Unreadable: the lint reports it.
    return undefined;
  }
  const outcome = decodeSource(bytes);
  return outcome.ok ? outcome.text : undefined;
}

/**
 * The dry run's result of a changed file: what a lint of the fixed text
 * finds, and the batch messages the run found across files, moved to where
 * their values now stand (a fix changes no record's meaning, so no batch
 * verdict), with the fixed text as `output`.
 */
function dryRunResult(linter: Linter, original: LintResult, fixed: FixedText): LintResult {
  const batchRules = new Set(linter.batchRuleIds());
  const messages: LintMessage[] = [];
  for (const m of messagesOf(fixed.result)) if (!batchRules.has(m.ruleId)) messages.push(m);
  for (const m of messagesOf(original)) if (batchRules.has(m.ruleId)) messages.push(movedThroughFixes(m, fixed));
  const result = linter.result(original.filePath, messages, original.stats);
  // The fixed text is the whole file, personal data and all: shown only when the user asked for unmasked output.
  return linter.redact ? result : { ...result, output: fixed.output };
}

/**
 * --fix or --fix-dry-run over the files the paths name. Returns the report
 * (of the files as written, or as they would be) and whether a file could
 * not be written.
 */
export async function lintWithFixes(options: FixRunOptions): Promise<{ results: LintResult[]; writeFailed: boolean }> {
  const { linter, cwd } = options;
  const write = options.write ?? writeAtomically;
  const ignores = [...(effectiveConfigOf(linter)?.ignores ?? []), { base: cwd, patterns: options.ignorePatterns }];
  const files = await expandPaths(
    options.paths.filter((p) => p !== '-'),
    cwd,
    { ignores },
  );
  const changed = new Map<string, FixedText>();
  let writeFailed = false;
  for (const filePath of files) {
    const shown = relative(cwd, filePath) || filePath;
    const text = readForFix(filePath, options, shown);
    if (text === undefined) continue;
    const fixed = fixText(text, { filePath, linter });
    if (fixed.worsened) options.tell(notFixed(linter.locale, shown, 'worse'));
    if (fixed.output === text) continue;
    if (options.dryRun) {
      changed.set(filePath, fixed);
      continue;
    }
    try {
      write(filePath, fixed.output);
    } catch (e) {
      writeFailed = true;
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      options.tell(notFixed(linter.locale, shown, 'unwritable', reason));
    }
  }
  const results = await options.lint();
  if (!options.dryRun) return { results, writeFailed };
  if (changed.size > 0 && linter.redact) options.tell(outputWithheld(linter.locale));
  return { results: results.map((r) => (changed.has(r.filePath) ? dryRunResult(linter, r, changed.get(r.filePath)!) : r)), writeFailed };
}
