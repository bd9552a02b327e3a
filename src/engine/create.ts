import { dirname, isAbsolute, parse, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import {
  findConfigFile,
  mergeSettings,
  normalizeSetting,
  resolveConfigFile,
  resolveConfigObject,
  type Config,
  type IgnorePatterns,
  type ResolvedConfig,
  type ResolvedOverride,
  type RuleSettingInput,
  type RuleSettingWritten,
  type RuleSeverity,
} from './config.js';
import { closestName } from '../schema/explain.js';
import { Linter } from './linter.js';
import { SEVERITIES_ALLOWED } from './presets.js';
import { bundledRuleSet, loadRuleSet, type RuleSet } from './rules.js';
import { ConfigurationError, type Locale, type RecordPeriod } from './types.js';

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
  /** Per-file rule settings already resolved, after the config's own `overrides` (a worker's recipe carries them). */
  overrides?: ResolvedOverride[];
  cwd?: string;
  /** Lint only the records of this period (the CLI's --submitted-from, --submitted-to); see RecordPeriod. */
  period?: RecordPeriod;
}

/** What a linter was made from, as plain data another thread can make the same linter from. */
export interface LinterRecipe {
  /** The resolved config: its locale, rule folders and merged rules. */
  config: Config;
  /** The command line's --rule settings, which win over every file's overrides. */
  rules: Record<string, RuleSettingInput>;
  presetSeverities: Record<string, RuleSeverity>;
  overrides: ResolvedOverride[];
  locale: Locale;
  redact: boolean;
  now: Date;
  cwd: string;
  period?: RecordPeriod;
}

/** The configuration a linter runs with, after presets, config files and overrides: what --print-config shows. */
export interface EffectiveConfig {
  locale: Locale;
  /** The presets and config files applied, in order, the one found or named last. */
  from: string[];
  ruleDirs: string[];
  ignores: IgnorePatterns[];
  /** The filing files the language server lints: the config's `files`, or DEFAULT_FILING_FILES from the filesystem root. */
  files: IgnorePatterns;
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

/** What a linter with `overrides` makes its per-file linters from. */
interface Variants {
  ruleSet: RuleSet;
  configRules: Record<string, RuleSettingInput>;
  commandLine: Record<string, RuleSettingInput>;
  presetSeverities: Record<string, RuleSeverity>;
  overrides: Array<ResolvedOverride & { matches: (relativePath: string) => boolean }>;
  /** The linters made so far, by the numbers of the overrides that apply (`0,2`). */
  made: Map<string, Linter>;
}
const variantsOf = new WeakMap<Linter, Variants>();

/**
 * An override's rules checked against the rule set: each names a rule, and
 * none a batch rule (they compare records across every file of a run, so
 * one file cannot see them differently from another).
 */
function checkOverrideRules(overrides: readonly ResolvedOverride[], ruleSet: RuleSet): void {
  for (const override of overrides) {
    for (const id of Object.keys(override.rules)) {
      const rule = ruleSet.byId.get(id);
      const origin = override.ruleOrigins[id];
      if (!rule) throw unknownRule(id, ruleSet, origin);
      if (rule.scope === 'batch') {
        const at = origin ? `${origin.shown}:${origin.line}` : override.shown;
        throw new ConfigurationError({
          en: `${at}: "${id}" is a batch rule: it compares records across every file of a run, so it cannot be set for some files; set it in the top-level rules`,
          'zh-CN': `${at}："${id}" 是批量规则：它在一次运行的所有文件之间比较记录，不能只对部分文件设置；请在顶层 rules 中设置`,
        });
      }
    }
  }
}

/**
 * An override's globs as ignores reads them: relative to its config's folder,
 * a folder name meaning every file in it, and `!` leaving out what the
 * others match.
 */
function globsMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const globsOf = (list: readonly string[]) =>
    list.flatMap((p) => {
      const trimmed = p.replace(/\/+$/, '');
      return [trimmed, `${trimmed}/**`];
    });
  const included = picomatch(globsOf(patterns.filter((p) => !p.startsWith('!'))), { dot: true });
  const leftOut = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = leftOut.length > 0 ? picomatch(globsOf(leftOut), { dot: true }) : () => false;
  return (path) => included(path) && !excluded(path);
}

/** `filePath` relative to `base` with forward slashes, or undefined when it lies outside. */
function inside(base: string, filePath: string): string | undefined {
  const rel = relative(base, resolve(filePath));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
}

/**
 * The files the language server lints when no config names them (`files`):
 * files named as filings, and the files of a folder named `filings`. An
 * editor opens every JSON and YAML file of a project (package.json, CI
 * workflows), which are no filings; these names are what the VS Code
 * extension maps to the filing schema too.
 */
export const DEFAULT_FILING_FILES = ['**/*.filing.{json,jsonl,ndjson,yaml,yml}', '**/filings/**/*.{json,jsonl,ndjson,yaml,yml}'];

const filesMatchers = new WeakMap<IgnorePatterns, (relativePath: string) => boolean>();

/** Whether the language server lints `filePath`: it is one of the filing files the linter's config names (`files`). */
export function isFilingFile(linter: Linter, filePath: string): boolean {
  const files = effectiveConfigs.get(linter)?.files;
  if (!files) return true;
  const rel = inside(files.base, filePath);
  if (rel === undefined) return false;
  let matches = filesMatchers.get(files);
  if (!matches) filesMatchers.set(files, (matches = globsMatcher(files.patterns)));
  return matches(rel);
}

/** Builds the linter a run uses: config, rule set and overrides resolved once. */
export function createLinter(options: LintOptions = {}): Linter {
  const cwd = options.cwd ?? process.cwd();
  const { resolved, folder } = resolveConfig(options);
  const { config } = resolved;
  const ruleSet: RuleSet = config.ruleDirs?.length ? loadRuleSet(config.ruleDirs, { cwd: options.cwd, ...(folder ? { project: folder } : {}) }) : bundledRuleSet();
  for (const id of Object.keys(config.rules)) {
    if (!ruleSet.byId.has(id)) throw unknownRule(id, ruleSet, resolved.ruleOrigins[id]);
  }
  const overrides = [...resolved.overrides, ...(options.overrides ?? [])];
  checkOverrideRules(overrides, ruleSet);
  const commandLine = overridesOf(options.rules ?? {}, ruleSet);
  const rules = { ...config.rules, ...commandLine };
  const presetSeverities = { ...resolved.presetSeverities, ...options.presetSeverities };
  const linter = new Linter({
    defaults: presetSeverities,
    ruleSet,
    locale: options.locale ?? config.locale ?? options.fallbackLocale ?? 'en',
    redact: options.redact ?? true,
    now: options.now ?? new Date(),
    rules,
    ...(options.period ? { period: options.period } : {}),
  });
  // The recipe's config is the resolved one: a worker thread makes the same linter from it without reading a file.
  // Its rules are settings as the linter takes them, which a config may write as they are.
  const recipeConfig: Config = { ...(config.locale ? { locale: config.locale } : {}), ...(config.ruleDirs ? { ruleDirs: config.ruleDirs } : {}), rules: config.rules };
  recipes.set(linter, { config: recipeConfig, rules: commandLine, presetSeverities, overrides, locale: linter.locale, redact: linter.redact, now: linter.now, cwd, ...(linter.period ? { period: linter.period } : {}) });
  effectiveConfigs.set(linter, {
    locale: linter.locale,
    from: resolved.from,
    ruleDirs: (config.ruleDirs ?? []).map((d) => relative(cwd, d) || '.'),
    ignores: resolved.ignores,
    files: resolved.files ?? { base: parse(resolve(cwd)).root, patterns: DEFAULT_FILING_FILES },
    rules: effectiveRules(ruleSet, rules, presetSeverities),
  });
  if (overrides.length > 0) {
    const withMatchers = overrides.map((o) => ({ ...o, matches: globsMatcher(o.files) }));
    variantsOf.set(linter, { ruleSet, configRules: config.rules, commandLine, presetSeverities, overrides: withMatchers, made: new Map() });
  }
  return linter;
}

/**
 * The linter for one file: `linter` itself, or, where the config's
 * `overrides` match the file, one with their rules applied after the
 * config's (and the command line's --rule after those). Made once per set
 * of matching overrides. Every one has the same batch rules, since
 * overrides may not set them: a run's batch phase is the same for all.
 */
export function linterFor(linter: Linter, filePath: string): Linter {
  const variants = variantsOf.get(linter);
  if (!variants) return linter;
  const absolute = resolve(filePath);
  const matching: number[] = [];
  variants.overrides.forEach((o, i) => {
    const rel = inside(o.base, absolute);
    if (rel !== undefined && o.matches(rel)) matching.push(i);
  });
  if (matching.length === 0) return linter;
  const key = matching.join(',');
  const known = variants.made.get(key);
  if (known) return known;
  let rules = variants.configRules;
  for (const i of matching) rules = mergeSettings(rules, variants.overrides[i]!.rules);
  rules = { ...rules, ...variants.commandLine };
  const variant = new Linter({ defaults: variants.presetSeverities, ruleSet: variants.ruleSet, locale: linter.locale, redact: linter.redact, now: linter.now, rules, ...(linter.period ? { period: linter.period } : {}) });
  const base = effectiveConfigs.get(linter)!;
  effectiveConfigs.set(variant, { ...base, from: [...base.from, ...matching.map((i) => variants.overrides[i]!.shown)], rules: effectiveRules(variants.ruleSet, rules, variants.presetSeverities) });
  variants.made.set(key, variant);
  return variant;
}

/**
 * The rules a run's reports describe: the linter's active rules, and those
 * that only a file's overrides turned on, for the linters made so far.
 */
export function ruleInfoOfRun(linter: Linter): ReturnType<Linter['ruleInfo']> {
  const info = linter.ruleInfo();
  const seen = new Set(info.map((r) => r.id));
  for (const variant of variantsOf.get(linter)?.made.values() ?? []) {
    for (const r of variant.ruleInfo()) {
      if (!seen.has(r.id)) {
        seen.add(r.id);
        info.push(r);
      }
    }
  }
  return info;
}

/** The recipe of a linter createLinter made; undefined for one made otherwise (it cannot be made again elsewhere). */
export function recipeOf(linter: Linter): LinterRecipe | undefined {
  return recipes.get(linter);
}

/** The configuration a linter createLinter made runs with; undefined for one made otherwise. */
export function effectiveConfigOf(linter: Linter): EffectiveConfig | undefined {
  return effectiveConfigs.get(linter);
}
