import { dirname, relative, resolve } from 'node:path';
import {
  findConfigFile,
  normalizeSetting,
  resolveConfigFile,
  resolveConfigObject,
  type Config,
  type IgnorePatterns,
  type ResolvedConfig,
  type RuleSettingInput,
  type RuleSettingWritten,
  type RuleSeverity,
} from './config.js';
import { closestName } from '../schema/explain.js';
import { Linter } from './linter.js';
import { SEVERITIES_ALLOWED } from './presets.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import { ConfigurationError, type Locale } from './types.js';

/** How a linter is made: its configuration, language and day. */
export interface LintOptions {
  /**
   * Config object, or a path to a config file; by default the config file
   * found from `cwd` upward (beianlint.config.* or .beianlintrc.*); false for none.
   */
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
  /** Overrides on top of the config's rules (the CLI's --rule); severities as a config may write them. */
  rules?: Record<string, RuleSettingWritten>;
  /** Rules' default severities from presets, besides those of the config's `extends` (a worker's recipe carries them). */
  presetSeverities?: Record<string, RuleSeverity>;
  cwd?: string;
}

/** What a linter was made from, as plain data another thread can make the same linter from. */
export interface LinterRecipe {
  config: Config;
  rules: Record<string, RuleSettingInput>;
  presetSeverities: Record<string, RuleSeverity>;
  locale: Locale;
  redact: boolean;
  now: Date;
  cwd: string;
}

/** The configuration a linter runs with, after presets, config files and overrides: what --print-config shows. */
export interface EffectiveConfig {
  locale: Locale;
  /** The presets and config files applied, in order, the one found or named last. */
  from: string[];
  ruleDirs: string[];
  ignores: IgnorePatterns[];
  /** Every rule of the rule set, off or not, with its severity and its check's options. */
  rules: Record<string, { severity: RuleSeverity; options?: Record<string, unknown> }>;
}

/** The config with its extends followed, and the folder of the file it came from (its rule folders must stay inside it). */
function resolveConfig(options: LintOptions): { resolved: ResolvedConfig; folder?: string } {
  const cwd = options.cwd ?? process.cwd();
  if (options.config === false) return { resolved: resolveConfigObject({}, cwd) };
  if (typeof options.config === 'object') return { resolved: resolveConfigObject(options.config, cwd) };
  const file = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  return file ? { resolved: resolveConfigFile(file, cwd), folder: dirname(file) } : { resolved: resolveConfigObject({}, cwd) };
}

/** The overrides (--rule) as the linter takes them; a wrong severity or an unknown rule is a configuration error. */
function overridesOf(written: Record<string, RuleSettingWritten>, ruleSet: RuleSet): Record<string, RuleSettingInput> {
  const out: Record<string, RuleSettingInput> = {};
  for (const [id, setting] of Object.entries(written)) {
    if (!ruleSet.byId.has(id)) throw unknownRule(id, ruleSet);
    const normalized = normalizeSetting(setting);
    if (normalized === undefined) {
      const shown = JSON.stringify(setting);
      throw new ConfigurationError({ en: `rule "${id}": ${shown} is not a severity; use ${SEVERITIES_ALLOWED.en}`, 'zh-CN': `规则 "${id}"：${shown} 不是严重程度；可用 ${SEVERITIES_ALLOWED['zh-CN']}` });
    }
    out[id] = normalized;
  }
  return out;
}

function unknownRule(id: string, ruleSet: RuleSet, where?: { shown: string; line: number }): ConfigurationError {
  const guess = closestName(id, ruleSet.byId.keys());
  const at = where ? `${where.shown}:${where.line}` : undefined;
  return new ConfigurationError({
    en: `${at ? `${at}: ` : ''}unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
    'zh-CN': `${at ? `${at}：` : ''}未知的规则 "${id}"${guess ? `；是否想写 "${guess}"？` : ''}`,
  });
}

function effectiveRules(ruleSet: RuleSet, settings: Record<string, RuleSettingInput>, defaults: Record<string, RuleSeverity>): EffectiveConfig['rules'] {
  const out: EffectiveConfig['rules'] = {};
  for (const rule of ruleSet.rules) {
    const setting = settings[rule.id];
    const given = typeof setting === 'string' ? { severity: setting } : (setting ?? {});
    const options = rule.check?.options || given.options ? { ...rule.check?.options, ...given.options } : undefined;
    out[rule.id] = { severity: given.severity ?? defaults[rule.id] ?? rule.severity, ...(options ? { options } : {}) };
  }
  return out;
}

const recipes = new WeakMap<Linter, LinterRecipe>();
const effectiveConfigs = new WeakMap<Linter, EffectiveConfig>();

/** Builds the linter a run uses: config, rule set and overrides resolved once. */
export function createLinter(options: LintOptions = {}): Linter {
  const cwd = options.cwd ?? process.cwd();
  const { resolved, folder } = resolveConfig(options);
  const { config } = resolved;
  const ruleSet: RuleSet = config.ruleDirs?.length ? loadRuleSet(config.ruleDirs, { cwd: options.cwd, ...(folder ? { project: folder } : {}) }) : bundledRuleSet();
  for (const id of Object.keys(config.rules)) {
    if (!ruleSet.byId.has(id)) throw unknownRule(id, ruleSet, resolved.ruleOrigins[id]);
  }
  const overrides = overridesOf(options.rules ?? {}, ruleSet);
  const rules = { ...config.rules, ...overrides };
  const presetSeverities = { ...resolved.presetSeverities, ...options.presetSeverities };
  const linter = new Linter({
    defaults: presetSeverities,
    ruleSet,
    locale: options.locale ?? config.locale ?? options.fallbackLocale ?? 'en',
    redact: options.redact ?? true,
    now: options.now ?? new Date(),
    rules,
  });
  // The recipe's config is the resolved one: a worker thread makes the same linter from it without reading a file.
  const recipeConfig: Config = { ...(config.locale ? { locale: config.locale } : {}), ...(config.ruleDirs ? { ruleDirs: config.ruleDirs } : {}) };
  recipes.set(linter, { config: recipeConfig, rules, presetSeverities, locale: linter.locale, redact: linter.redact, now: linter.now, cwd });
  effectiveConfigs.set(linter, {
    locale: linter.locale,
    from: resolved.from,
    ruleDirs: (config.ruleDirs ?? []).map((d) => relative(cwd, d) || '.'),
    ignores: resolved.ignores,
    rules: effectiveRules(ruleSet, rules, presetSeverities),
  });
  return linter;
}

/** The recipe of a linter createLinter made; undefined for one made otherwise (it cannot be made again elsewhere). */
export function recipeOf(linter: Linter): LinterRecipe | undefined {
  return recipes.get(linter);
}

/** The configuration a linter createLinter made runs with; undefined for one made otherwise. */
export function effectiveConfigOf(linter: Linter): EffectiveConfig | undefined {
  return effectiveConfigs.get(linter);
}
