import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type Config, type RuleSettingInput } from './config.js';
import { expandPaths } from './files.js';
import { cacheFilePath, LintCache, runKeyOf } from './cache.js';
import { lintInParallel, type Concurrency, type RunProgress } from './parallel.js';
import { Linter } from './linter.js';
import { StatsCollector } from './stats.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import { MessageStore, type FileMessages } from './message-store.js';
import type { LintResult, Locale } from './types.js';

export { Linter } from './linter.js';
export { BatchSession, DEFAULT_BATCH_MEMORY } from './batch.js';
export { StatsCollector } from './stats.js';
export { loadRuleSet, loadRuleFile, bundledRuleSet, type Rule, type RuleSet, type RuleFile, type RuleExample } from './rules.js';
export { loadConfigFile, findConfigFile, CONFIG_FILE_NAMES, type Config, type RuleSettingInput } from './config.js';
export { expandPaths, readSource } from './files.js';
export { threadsFor, type Concurrency, type RunProgress } from './parallel.js';
export { localeFromEnv } from './messages.js';
export { DEFAULT_MESSAGES_IN_MEMORY, errorsOnly, messagesOf } from './message-store.js';
export * from './types.js';

/** Files read whole are held in memory several times over while parsed; beyond this, JSONL is the way. */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

export interface LintOptions {
  /** Config object, or a path to a config file; by default .beianlintrc.* in cwd. */
  config?: Config | string | false;
  /** Message language; wins over the config file's. */
  locale?: Locale;
  /** Used when neither `locale` nor the config file sets one (the CLI passes the environment's). */
  fallbackLocale?: Locale;
  redact?: boolean;
  now?: Date;
  /**
   * Largest file read whole (JSON, YAML), and largest single JSONL record, in
   * bytes. JSONL files are streamed and may be of any size.
   */
  maxFileSize?: number;
  /** Overrides on top of the config's rules (the CLI's --rule). */
  rules?: Record<string, RuleSettingInput>;
  cwd?: string;
}

function resolveConfig(options: LintOptions): Config {
  const cwd = options.cwd ?? process.cwd();
  if (options.config === false) return {};
  if (typeof options.config === 'object') return options.config;
  const file = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  return file ? loadConfigFile(file) : {};
}

/** Builds the linter a run uses: config, rule set and overrides resolved once. */
/** How a linter was made, so worker threads can make the same one. */
const creations = new WeakMap<Linter, { config: Config; rules: NonNullable<LintOptions['rules']> }>();

export function createLinter(options: LintOptions = {}): Linter {
  const config = resolveConfig(options);
  const ruleSet: RuleSet = config.ruleDirs?.length ? loadRuleSet(config.ruleDirs, { cwd: options.cwd }) : bundledRuleSet();
  const rules = { ...(config.rules ?? {}), ...(options.rules ?? {}) };
  const linter = new Linter({
    ruleSet,
    locale: options.locale ?? config.locale ?? options.fallbackLocale ?? 'en',
    redact: options.redact ?? true,
    now: options.now ?? new Date(),
    rules,
  });
  creations.set(linter, { config, rules });
  return linter;
}

/** Lints one text on its own, e.g. an editor buffer. */
export function lintText(text: string, options: LintOptions & { filePath: string; linter?: Linter }): LintResult {
  const linter = options.linter ?? createLinter(options);
  return linter.lintText(text, options.filePath);
}

/**
 * Lints files, directories and globs as one run: batch rules see every record
 * of every file. Results come in the order the files were given, the same
 * with any `concurrency`.
 */
export async function lintFiles(
  paths: readonly string[],
  options: LintOptions & {
    linter?: Linter;
    stdin?: { text: string; filePath: string };
    concurrency?: Concurrency;
    chunkBytes?: number;
    /** Old generation of each worker thread, in MB (sized for the run by default). */
    workerHeapMb?: number;
    /** `.json` files this large are read an element at a time when they are one array (16 MiB by default). */
    streamJsonBytes?: number;
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
  } = {},
): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const linter = options.linter ?? createLinter(options);
  const files = await expandPaths(paths.filter((p) => p !== '-'), cwd);
  const batch = linter.startBatch(cwd, options.batchMemoryBytes ? { memoryBytes: options.batchMemoryBytes } : {});
  const store = new MessageStore(options.messagesInMemory);
  // A file or record over the limit is a message: the limit is part of what decides a file is clean.
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const perFile: Array<{ filePath: string; messages: FileMessages; stats: StatsCollector }> = [];
  if (paths.includes('-') && options.stdin) {
    const filePath = resolve(cwd, options.stdin.filePath);
    batch.holdText(filePath, options.stdin.text);
    const stats = new StatsCollector();
    const messages = store.file();
    linter.lintSource(options.stdin.text, filePath, undefined, messages, batch, stats);
    perFile.push({ filePath, messages, stats });
  }
  const creation = creations.get(linter);
  const cacheFile = options.cacheLocation ? cacheFilePath(options.cacheLocation, cwd) : undefined;
  const cache = cacheFile ? await LintCache.open(cacheFile, runKeyOf({ rules: linter.fingerprint(), maxFileSize }), linter.now) : undefined;
  const linted = await lintInParallel(
    files,
    linter,
    batch,
    {
      config: creation?.config,
      locale: linter.locale,
      redact: linter.redact,
      now: linter.now,
      rules: creation?.rules ?? {},
      cwd,
      maxFileSize,
      ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
      ...(options.workerHeapMb ? { workerHeapMb: options.workerHeapMb } : {}),
      ...(options.streamJsonBytes !== undefined ? { streamJsonBytes: options.streamJsonBytes } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(cache ? { cache } : {}),
    },
    options.concurrency ?? 'off',
    store,
  ).catch((e: unknown) => {
    // The cache is not written; its key files are let go.
    cache?.close();
    throw e;
  });
  // A run may name hundreds of thousands of files: no spreading them into a call.
  for (const file of linted) perFile.push(file);
  await cache?.save().catch((e: Error) => {
    // A cache that cannot be written costs the next run its speed, not this run its results.
    if (options.onCacheError) options.onCacheError(e, cacheFile!);
    else process.emitWarning(`beianlint could not write its cache ${cacheFile}: ${e.message}`);
  });
  const sinks = new Map(perFile.map(({ filePath, messages }) => [filePath, messages]));
  const { onProgress } = options;
  // Every byte is read by now; progress goes on with the batch rules writing their messages.
  const records = onProgress ? perFile.reduce((n, f) => n + f.stats.result().records, 0) : 0;
  batch.finish(maxFileSize, {
    into: (filePath) => {
      const sink = sinks.get(filePath);
      if (!sink) throw new Error(`batch messages for ${filePath}, which is not in the run`);
      return sink;
    },
    ...(onProgress ? { onProgress: (written: number, total: number) => onProgress({ records, bytes: 1, totalBytes: 1, batch: { written, total } }) } : {}),
  });
  return perFile.map(({ filePath, messages, stats }) => messages.result(filePath, stats.result()));
}
