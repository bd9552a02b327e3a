import { dirname, resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type Config, type RuleSettingInput } from './config.js';
import { Linter } from './linter.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import type { Locale } from './types.js';

/** How a linter is made: its configuration, language and day. */
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

/** What a linter was made from, as plain data another thread can make the same linter from. */
export interface LinterRecipe {
  config: Config;
  rules: Record<string, RuleSettingInput>;
  locale: Locale;
  redact: boolean;
  now: Date;
  cwd: string;
}

/** The config, and the folder of the file it came from (its rule folders must stay inside it). */
function resolveConfig(options: LintOptions): { config: Config; folder?: string } {
  const cwd = options.cwd ?? process.cwd();
  if (options.config === false) return { config: {} };
  if (typeof options.config === 'object') return { config: options.config };
  const file = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  return file ? { config: loadConfigFile(file), folder: dirname(file) } : { config: {} };
}

const recipes = new WeakMap<Linter, LinterRecipe>();

/** Builds the linter a run uses: config, rule set and overrides resolved once. */
export function createLinter(options: LintOptions = {}): Linter {
  const { config, folder } = resolveConfig(options);
  const ruleSet: RuleSet = config.ruleDirs?.length ? loadRuleSet(config.ruleDirs, { cwd: options.cwd, ...(folder ? { project: folder } : {}) }) : bundledRuleSet();
  const rules = { ...(config.rules ?? {}), ...(options.rules ?? {}) };
  const linter = new Linter({
    ruleSet,
    locale: options.locale ?? config.locale ?? options.fallbackLocale ?? 'en',
    redact: options.redact ?? true,
    now: options.now ?? new Date(),
    rules,
  });
  recipes.set(linter, { config, rules, locale: linter.locale, redact: linter.redact, now: linter.now, cwd: options.cwd ?? process.cwd() });
  return linter;
}

/** The recipe of a linter createLinter made; undefined for one made otherwise (it cannot be made again elsewhere). */
export function recipeOf(linter: Linter): LinterRecipe | undefined {
  return recipes.get(linter);
}
