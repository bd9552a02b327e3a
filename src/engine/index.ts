import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type Config, type RuleSettingInput } from './config.js';
import { stat } from 'node:fs/promises';
import { formatOf } from '../input/index.js';
import { readJsonlFile } from '../input/jsonl-stream.js';
import { expandPaths, readSource } from './files.js';
import { Linter, StatsCollector } from './linter.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import type { LintMessage, LintResult, Locale } from './types.js';

export { Linter, BatchSession, StatsCollector } from './linter.js';
export { loadRuleSet, loadRuleFile, bundledRuleSet, type Rule, type RuleSet, type RuleFile, type RuleExample } from './rules.js';
export { loadConfigFile, findConfigFile, CONFIG_FILE_NAMES, type Config, type RuleSettingInput } from './config.js';
export { expandPaths, readSource } from './files.js';
export { localeFromEnv } from './messages.js';
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
export function createLinter(options: LintOptions = {}): Linter {
  const config = resolveConfig(options);
  const ruleSet: RuleSet = config.ruleDirs?.length ? loadRuleSet(config.ruleDirs, { cwd: options.cwd }) : bundledRuleSet();
  return new Linter({
    ruleSet,
    locale: options.locale ?? config.locale ?? options.fallbackLocale ?? 'en',
    redact: options.redact ?? true,
    now: options.now ?? new Date(),
    rules: { ...(config.rules ?? {}), ...(options.rules ?? {}) },
  });
}

/** Lints one text on its own, e.g. an editor buffer. */
export function lintText(text: string, options: LintOptions & { filePath: string; linter?: Linter }): LintResult {
  const linter = options.linter ?? createLinter(options);
  return linter.lintText(text, options.filePath);
}

/**
 * Lints files, directories and globs as one run: batch rules see every record
 * of every file. Results come in the order the files were given.
 */
export async function lintFiles(paths: readonly string[], options: LintOptions & { linter?: Linter; stdin?: { text: string; filePath: string } } = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const linter = options.linter ?? createLinter(options);
  const files = await expandPaths(paths.filter((p) => p !== '-'), cwd);
  const batch = linter.startBatch(cwd);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const perFile: Array<{ filePath: string; messages: LintMessage[]; stats: StatsCollector }> = [];
  const fault = (reason: string, detail: string) => linter.faultMessages([{ kind: 'fault', index: 0, reason, detail, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }]);
  if (paths.includes('-') && options.stdin) {
    const filePath = resolve(cwd, options.stdin.filePath);
    const stats = new StatsCollector();
    perFile.push({ filePath, messages: linter.lintSource(options.stdin.text, filePath, undefined, batch, stats), stats });
  }
  for (const filePath of files) {
    const messages: LintMessage[] = [];
    const stats = new StatsCollector();
    const format = formatOf(filePath);
    if (format === 'jsonl') {
      try {
        for await (const item of readJsonlFile(filePath, { maxLineBytes: maxFileSize })) linter.lintItem(item, filePath, messages, batch, stats);
      } catch (e) {
        // The file vanished or became unreadable mid-run: keep what was linted, say why it stopped.
        messages.push(...fault('read-error', (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      }
    } else {
      const size = (await stat(filePath).catch(() => undefined))?.size ?? 0;
      if (format && size > maxFileSize) {
        messages.push(...fault('file-too-large', `${Math.ceil(size / 1048576)} MiB > ${Math.floor(maxFileSize / 1048576)} MiB`));
      } else {
        const outcome = await readSource(filePath);
        if (outcome.ok) messages.push(...linter.lintSource(outcome.text, filePath, undefined, batch, stats));
        else messages.push(...fault(outcome.reason, outcome.detail));
      }
    }
    perFile.push({ filePath, messages, stats });
  }
  const batchMessages = batch.finish();
  return perFile.map(({ filePath, messages, stats }) => linter.result(filePath, [...messages, ...(batchMessages.get(filePath) ?? [])], stats.result()));
}
