import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type Config, type RuleSettingInput } from './config.js';
import { expandPaths, readSource } from './files.js';
import { Linter } from './linter.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import type { LintMessage, LintResult, Locale } from './types.js';

export { Linter, BatchSession } from './linter.js';
export { loadRuleSet, loadRuleFile, bundledRuleSet, type Rule, type RuleSet, type RuleFile, type RuleExample } from './rules.js';
export { loadConfigFile, findConfigFile, CONFIG_FILE_NAMES, type Config, type RuleSettingInput } from './config.js';
export { expandPaths, readSource } from './files.js';
export { localeFromEnv } from './messages.js';
export * from './types.js';

export interface LintOptions {
  /** Config object, or a path to a config file; by default .beianlintrc.* in cwd. */
  config?: Config | string | false;
  /** Message language; wins over the config file's. */
  locale?: Locale;
  /** Used when neither `locale` nor the config file sets one (the CLI passes the environment's). */
  fallbackLocale?: Locale;
  redact?: boolean;
  now?: Date;
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
  const perFile: Array<{ filePath: string; messages: LintMessage[] }> = [];
  const sources: Array<{ filePath: string; read: () => Promise<Awaited<ReturnType<typeof readSource>>> }> = [];
  for (const p of paths) {
    if (p === '-' && options.stdin) {
      const { text, filePath } = options.stdin;
      sources.push({ filePath: resolve(cwd, filePath), read: async () => ({ ok: true, text }) });
    }
  }
  for (const f of files) sources.push({ filePath: f, read: () => readSource(f) });
  for (const source of sources) {
    const outcome = await source.read();
    const messages = outcome.ok
      ? linter.lintSource(outcome.text, source.filePath, undefined, batch)
      : linter.faultMessages([{ kind: 'fault', index: 0, reason: outcome.reason, detail: outcome.detail, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }]);
    perFile.push({ filePath: source.filePath, messages });
  }
  const batchMessages = batch.finish();
  return perFile.map(({ filePath, messages }) => linter.result(filePath, [...messages, ...(batchMessages.get(filePath) ?? [])]));
}
