// The runner: lints a set of files (or a text) with the engine as one run.
// One pipeline, each step once: plan → read and lint units (one thread or
// several) → merge in order → batch phase → results. docs/architecture.md
// draws it and states what it guarantees.
import { resolve } from 'node:path';
import { createLinter, linterFor, recipeOf, StatsCollector, type Linter, type LintMessage, type LintOptions, type LintResult } from '../engine/index.js';
import { formatOf, stripBom, type SourceFormat, type SourceItem } from '../input/index.js';
import { decodeSource } from '../input/read-file.js';
import { textSource, thrownFault, WHOLE_READ_BYTES } from '../input/record-source.js';
import { BatchSession } from './batch.js';
import { cacheFilePath, LintCache, runKeyOf } from './cache.js';
import { feedUnits, UnitFeed } from './feed.js';
import { expandPaths } from './files.js';
import type { IgnorePatterns } from '../engine/config.js';
import { effectiveConfigOf } from '../engine/create.js';
import { RunMerge, withInlineDirectives, type RunProgress } from './merge.js';
import { MessageStore } from './message-store.js';
import { CHUNK_BYTES, planRun, type Concurrency, type RunPlan } from './plan.js';
import { ResultsInOrder, runPool, workerOldGenerationMb } from './pool.js';
import { noRecords, runUnit } from './units.js';

export { BatchSession, DEFAULT_BATCH_MEMORY } from './batch.js';
export { expandPaths, isIgnored, type ExpandOptions } from './files.js';
export { threadsFor, type Concurrency } from './plan.js';
export type { RunProgress } from './merge.js';
export { DEFAULT_MESSAGES_IN_MEMORY, errorsOnly, filteredResult, messagesOf } from './message-store.js';

/** Files read whole are held in memory several times over while parsed; beyond this, JSONL is the way. */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

export interface RunOptions extends LintOptions {
  linter?: Linter;
  /**
   * What `-` among the paths stands for, and the name it is linted under: a
   * text, or the bytes read from a stream and how many it held (judged as a
   * file's: not UTF-8, binary, or over `maxFileSize`, it is a parse error).
   */
  stdin?: { filePath: string; text: string } | { filePath: string; bytes: Uint8Array; size: number };
  concurrency?: Concurrency;
  /** Size of the JSONL ranges and array ranges handed to workers (CHUNK_BYTES by default). */
  chunkBytes?: number;
  /** Old generation of each worker thread, in MB (sized for the run by default). */
  workerHeapMb?: number;
  /** `.json` files this large are read an element at a time when they are one array (16 MiB by default). */
  streamJsonBytes?: number;
  /** How far the run is, for a progress display; called at most every thousand records or so. */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Skip files unchanged since a run found nothing in them; the cache file
   * holds digests only. A folder (a path ending with a separator, or an
   * existing folder) gets a cache file inside it, named for `cwd`.
   */
  cacheLocation?: string;
  /**
   * The cache could not be written. The results are not affected; without
   * this, the error is a process warning.
   */
  onCacheError?: (error: Error, cacheFile: string) => void;
  /** Memory for batch-rule keys before they go to a temporary file (DEFAULT_BATCH_MEMORY, 16 MiB). */
  batchMemoryBytes?: number;
  /** Messages held in memory before they go to a temporary file (DEFAULT_MESSAGES_IN_MEMORY, 20,000). */
  messagesInMemory?: number;
  /** Files not to lint, on top of the config's `ignores` (the CLI's --ignore-pattern, relative to `cwd`). */
  ignores?: readonly IgnorePatterns[];
  /** A file named as it is was left out by an ignore pattern (the CLI warns on stderr, as ESLint does). */
  onIgnoredFile?: (pattern: string) => void;
}

/** A text's records linted (record and source rules) and visited by a batch session, as a unit's are. */
export interface TextLint {
  messages: LintMessage[];
  stats: StatsCollector;
}

/**
 * The record and source rules on every record of `text`, each record then
 * visited by `batch` (which holds the text, to read reported records again).
 * What lintText and an editor's lint of a document (src/lsp) share.
 */
export function lintRecordsOfText(text: string, options: { filePath: string; format?: SourceFormat; linter: Linter; batch: BatchSession }): TextLint {
  const { filePath, format, linter, batch } = options;
  batch.holdText(filePath, text, format);
  const stats = new StatsCollector();
  const messages: LintMessage[] = [];
  let taken = 0;
  const items = textSource(filePath, text, format).read().items as Iterable<SourceItem>;
  try {
    for (const item of items) {
      taken++;
      linter.lintItem(item, messages, stats);
      if (item.kind === 'record') batch.visit(item, filePath);
    }
  } catch (e) {
    // As in runUnit: a record nested too deep for a rule's walk ends the text with a fault there.
    linter.lintItem(thrownFault(e, taken), messages, stats);
  }
  if (taken === 0) messages.push(...linter.faultMessages([noRecords()]));
  return { messages, stats };
}

/** A text's result with its inline directives applied (# beianlint-disable…), when the text is YAML. */
export function withDirectivesOfText(result: LintResult, text: string, options: { filePath: string; format?: SourceFormat; linter: Linter }): LintResult {
  return (options.format ?? formatOf(options.filePath)) === 'yaml' ? withInlineDirectives(result, stripBom(text), options.linter) : result;
}

/**
 * Lints one text on its own, e.g. an editor buffer: record and source rules,
 * and the batch rules among its own records.
 */
export function lintText(text: string, options: LintOptions & { filePath: string; linter?: Linter; format?: SourceFormat }): LintResult {
  const { filePath, format } = options;
  const linter = linterFor(options.linter ?? createLinter(options), resolve(options.cwd ?? process.cwd(), filePath));
  const batch = new BatchSession(linter.batchRules());
  const { messages, stats } = lintRecordsOfText(text, { filePath, ...(format ? { format } : {}), linter, batch });
  const batchMessages = batch.finish().get(filePath) ?? [];
  const result = linter.result(filePath, [...messages, ...batchMessages], stats.result());
  return withDirectivesOfText(result, text, { filePath, ...(format ? { format } : {}), linter });
}

/**
 * Lints files, directories and globs as one run: batch rules see every record
 * of every file. Results come in the order the files were given, the same
 * with any `concurrency`.
 */
export async function lintFiles(paths: readonly string[], options: RunOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const linter = options.linter ?? createLinter(options);
  const ignores = [...(effectiveConfigOf(linter)?.ignores ?? []), ...(options.ignores ?? [])];
  const files = await expandPaths(
    paths.filter((p) => p !== '-'),
    cwd,
    { ignores, ...(options.onIgnoredFile ? { onIgnoredFile: options.onIgnoredFile } : {}) },
  );
  // A file or record over the limit is a message: the limit is part of what decides a file is clean.
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const cacheFile = options.cacheLocation ? cacheFilePath(options.cacheLocation, cwd) : undefined;
  const cache = cacheFile ? await LintCache.open(cacheFile, runKeyOf({ rules: linter.fingerprint(), ...overridesKey(linter), ...(linter.period ? { period: linter.period } : {}), maxFileSize }), linter.now) : undefined;
  const given = paths.includes('-') ? options.stdin : undefined;
  const stdin = given && { filePath: resolve(cwd, given.filePath), text: 'text' in given ? given.text : decodedStdin(given.filePath, given.bytes, given.size, maxFileSize) };
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const plan = planRun(files, {
    concurrency: options.concurrency ?? 'off',
    workersPossible: recipeOf(linter) !== undefined,
    chunkBytes,
    ...(options.streamJsonBytes !== undefined ? { streamJsonBytes: options.streamJsonBytes } : {}),
    ...(cache ? { cache } : {}),
    ...(stdin ? { stdin } : {}),
  });
  const batch = new BatchSession(linter.batchRules(), cwd, options.batchMemoryBytes ? { memoryBytes: options.batchMemoryBytes } : {});
  if (stdin && typeof stdin.text === 'string') batch.holdText(stdin.filePath, stdin.text);
  const merge = new RunMerge(plan, linter, batch, new MessageStore(options.messagesInMemory), cache, options.onProgress);
  await lintUnits(plan, linter, merge, { maxFileSize, chunkBytes, ...(options.workerHeapMb ? { workerHeapMb: options.workerHeapMb } : {}) }).catch((e: unknown) => {
    // The cache is not written; its key files are let go.
    cache?.close();
    throw e;
  });
  merge.flagEmptyFiles();
  merge.settleCache();
  await cache?.save().catch((e: Error) => {
    // A cache that cannot be written costs the next run its speed, not this run its results.
    if (options.onCacheError) options.onCacheError(e, cacheFile!);
    else process.emitWarning(`beianlint could not write its cache ${cacheFile}: ${e.message}`);
  });
  const results = merge.results();
  const sinks = new Map(results.map(({ filePath, messages }) => [filePath, messages]));
  const { onProgress } = options;
  // Every byte is read by now; progress goes on with the batch rules writing their messages.
  const records = merge.records;
  batch.finish(maxFileSize, {
    into: (filePath) => {
      const sink = sinks.get(filePath);
      if (!sink) throw new Error(`batch messages for ${filePath}, which is not in the run`);
      return sink;
    },
    ...(onProgress ? { onProgress: (written: number, total: number) => onProgress({ records, bytes: 1, totalBytes: 1, batch: { written, total } }) } : {}),
  });
  return merge.finalResults(maxFileSize);
}

/** Stdin's bytes as text when they are UTF-8 within the size limit; otherwise as they are, to be reported as a file's would. */
function decodedStdin(filePath: string, bytes: Uint8Array, size: number, maxFileSize: number): string | { bytes: Uint8Array; size: number } {
  const format = formatOf(filePath);
  if (size > maxFileSize || (format && size > WHOLE_READ_BYTES[format])) return { bytes, size };
  const outcome = decodeSource(bytes);
  return outcome.ok ? outcome.text : { bytes, size };
}

/**
 * Reads and lints every unit of the plan, their results merged in order. On
 * one thread each unit's records go straight to the batch and its messages
 * to the store; on several, units are found while workers lint those found
 * already.
 */
async function lintUnits(plan: RunPlan, linter: Linter, merge: RunMerge, options: { maxFileSize: number; chunkBytes: number; workerHeapMb?: number }): Promise<void> {
  const feed = new UnitFeed();
  const recipe = recipeOf(linter);
  if (plan.threads <= 1 || !recipe) {
    await feedUnits(plan, feed, options.chunkBytes);
    for (const unit of feed.units) {
      const cached = unit.kind === 'cached';
      const result = cached ? merge.fromCache(unit) : await runUnit(linter, unit, options.maxFileSize, merge.directRun(unit));
      merge.apply(unit, result, !cached);
      merge.progressed(unit, result);
    }
    return;
  }
  let failure: { error: unknown } | undefined;
  const producing = feedUnits(plan, feed, options.chunkBytes).catch((error: unknown) => {
    failure = { error };
  });
  // Progress counts a unit when its result comes, not when it is applied: a large array's ranges
  // wait for its first pass, and the display would stand still.
  const inOrder = new ResultsInOrder(
    feed.units,
    (unit, result) => merge.apply(unit, result),
    (unit, result) => merge.progressed(unit, result, -1),
  );
  await runPool(feed, linter, {
    threads: plan.threads,
    recipe,
    maxFileSize: options.maxFileSize,
    workerHeapMb: options.workerHeapMb ?? workerOldGenerationMb(plan.wholeFileBytes),
    inOrder,
    arrived: (unit, result) => merge.progressed(unit, result),
    fromCache: (unit) => merge.fromCache(unit),
  });
  await producing;
  if (failure) throw failure.error;
}

/** A file's rules depend on the config's overrides too, so a change to them is a change of the run's rules. */
function overridesKey(linter: Linter): { overrides?: unknown } {
  const overrides = recipeOf(linter)?.overrides ?? [];
  return overrides.length > 0 ? { overrides: overrides.map(({ base, files, rules }) => ({ base, files, rules })) } : {};
}
