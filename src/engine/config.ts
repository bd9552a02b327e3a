import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { parseSource } from '../input/index.js';
import { yaml } from '../input/yaml.js';
import { createAjv, type ValidateFunction } from '../schema/ajv.js';
import { closestName, describeSchemaProblemIn, explainSchemaErrors, type SchemaProblem } from '../schema/explain.js';
import { schemasDir } from '../package-files.js';
import type { ConfigFile } from '../generated/config.js';
import { ConfigurationError, type Localized } from './types.js';
import { errorCode } from '../input/read-file.js';
import { isPresetName, PRESETS, SEVERITIES_ALLOWED, severityNamed, type RuleSeverity } from './presets.js';

export type { RuleSeverity } from './presets.js';
/** A rule's setting as the linter takes it: a severity, or a severity and options. */
export type RuleSettingInput = RuleSeverity | { severity?: RuleSeverity; options?: Record<string, unknown> };
/** A rule's entry in the config's `rules` as written: its severity may be ESLint's `warn` or 0, 1, 2. */
export type RuleSettingWritten = NonNullable<ConfigFile['rules']>[string];

/** The config file's contents (schemas/config.schema.json), with ruleDirs made absolute. */
export type Config = ConfigFile;

/** Globs of files not to lint, relative to `base` (the folder of the config that lists them, or the working directory). */
export interface IgnorePatterns {
  base: string;
  patterns: readonly string[];
}

/** Searched for in each folder from the working directory up; one folder may hold only one of them. */
export const CONFIG_FILE_NAMES = [
  'beianlint.config.yaml',
  'beianlint.config.yml',
  'beianlint.config.json',
  '.beianlintrc.yaml',
  '.beianlintrc.yml',
  '.beianlintrc.json',
];

/** The fields a config file may have, and those of a rule setting written as an object, for "did you mean". */
const CONFIG_FIELDS = ['$schema', 'extends', 'locale', 'rules', 'overrides', 'files', 'ignores', 'ruleDirs'];
const RULE_SETTING_FIELDS = ['severity', 'options'];
const OVERRIDE_FIELDS = ['files', 'rules'];

/** Where a rule's setting sits in a config file: the top-level `rules`, or an override's. */
const RULE_SETTING_PATH = /^(?:\/overrides\/\d+)?\/rules\/[^/]+$/;

let validator: ValidateFunction | undefined;

/**
 * The config file that applies in `cwd`: the first folder from `cwd` up to
 * the filesystem root that holds one. A folder holding two is an error, not a
 * silent choice: which one wins would be a guess the user cannot see.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const found = CONFIG_FILE_NAMES.map((n) => join(folder, n)).filter((p) => existsSync(p));
    if (found.length > 1) {
      const names = found.map((p) => relative(cwd, p) || p).join(', ');
      throw new ConfigurationError({
        en: `more than one config file in one folder: ${names}; keep one`,
        'zh-CN': `同一文件夹中有多个配置文件：${names}；请只保留一个`,
      });
    }
    if (found.length === 1) return found[0];
    if (dirname(folder) === folder) return undefined;
  }
}

/** A config file read and checked, with the line of any value in it for the errors found later (an unknown rule id). */
interface ConfigText {
  config: Config;
  /** How the file is named in messages. */
  shown: string;
  lineOf(pointer: string, key?: boolean): number;
}

/** `file:line: reason` in both languages. */
function configProblem(shown: string, line: number, reason: Localized): ConfigurationError {
  return new ConfigurationError({ en: `${shown}:${line}: ${reason.en}`, 'zh-CN': `${shown}:${line}：${reason['zh-CN']}` });
}

function pointerTo(...segments: string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * A severity the config cannot mean. Checked before the schema, whose own
 * words for it would be about the setting's other form ("must be an
 * object"), not the word that is wrong.
 */
function checkSeverities(value: unknown, text: Pick<ConfigText, 'shown' | 'lineOf'>): void {
  if (!isPlainObject(value)) return;
  checkRuleSeverities(value.rules, [], text);
  if (Array.isArray(value.overrides)) value.overrides.forEach((o, i) => isPlainObject(o) && checkRuleSeverities(o.rules, ['overrides', String(i)], text));
}

function checkRuleSeverities(rules: unknown, at: string[], text: Pick<ConfigText, 'shown' | 'lineOf'>): void {
  if (!isPlainObject(rules)) return;
  for (const [id, setting] of Object.entries(rules)) {
    const asObject = isPlainObject(setting);
    if (asObject && !('severity' in setting)) continue;
    const written = asObject ? setting.severity : setting;
    if (severityNamed(written) !== undefined) continue;
    const shownValue = JSON.stringify(written) ?? String(written);
    throw configProblem(text.shown, text.lineOf(asObject ? pointerTo(...at, 'rules', id, 'severity') : pointerTo(...at, 'rules', id)), {
      en: `rule "${id}": ${shownValue} is not a severity; use ${SEVERITIES_ALLOWED.en}`,
      'zh-CN': `规则 "${id}"：${shownValue} 不是严重程度；可用 ${SEVERITIES_ALLOWED['zh-CN']}`,
    });
  }
}

/** The schema's first objection, with "did you mean" for a misspelt field. */
function schemaObjection(problem: SchemaProblem | undefined, text: Pick<ConfigText, 'shown' | 'lineOf'>): ConfigurationError {
  if (!problem) return configProblem(text.shown, 1, { en: 'invalid config', 'zh-CN': '配置无效' });
  const line = text.lineOf(problem.path, problem.locateKey);
  if (problem.keyword === 'unknown-field') {
    const field = String(problem.data.field);
    const parent = problem.path.slice(0, problem.path.lastIndexOf('/'));
    const known = RULE_SETTING_PATH.test(parent) ? RULE_SETTING_FIELDS : /^\/overrides\/\d+$/.test(parent) ? OVERRIDE_FIELDS : parent === '' ? CONFIG_FIELDS : [];
    const guess = closestName(field, known);
    const where = parent || '(top level)';
    const whereZh = where === '(top level)' ? '顶层' : `${where} 处`;
    return configProblem(text.shown, line, {
      en: `unknown field "${field}" at ${where}${guess ? `; did you mean "${guess}"?` : `; known fields: ${known.join(', ')}`}`,
      'zh-CN': `${whereZh}有未知的字段 "${field}"${guess ? `；是否想写 "${guess}"？` : `；可用的字段：${known.join('、')}`}`,
    });
  }
  const reason = describeSchemaProblemIn(problem);
  return configProblem(text.shown, line, { en: reason.en, 'zh-CN': `配置无效：${reason['zh-CN']}` });
}

/** Reads, parses and validates one config file; anything wrong is a configuration error (exit 2) naming the file and line. */
function readConfigText(file: string, shown: string): ConfigText {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError({ en: `${shown}: cannot read config (${errorCode(e)})`, 'zh-CN': `${shown}：无法读取配置文件（${errorCode(e)}）` });
  }
  const isJson = file.endsWith('.json');
  let value: unknown;
  try {
    value = isJson ? JSON.parse(text) : yaml().parse(text);
  } catch (e) {
    const syntax = isJson ? 'JSON' : 'YAML';
    const detail = (e as Error).message.split('\n')[0];
    throw new ConfigurationError({ en: `${shown}: invalid ${syntax}: ${detail}`, 'zh-CN': `${shown}：不是有效的 ${syntax}：${detail}` });
  }
  let record: ReturnType<typeof parseSource>[number] | undefined;
  const lineOf = (pointer: string, key = false): number => {
    // Positions are worked out only for a file that has something to point at.
    record ??= parseSource(text, isJson ? 'json' : 'yaml')[0];
    return record?.kind === 'record' ? record.locate(pointer, { key }).line : 1;
  };
  checkSeverities(value, { shown, lineOf });
  validator ??= createAjv().compile(JSON.parse(readFileSync(join(schemasDir, 'config.schema.json'), 'utf8')) as object);
  if (!validator(value)) {
    // A rule setting is a severity or an object. A wrong severity was said above, so what is left
    // at a setting is about its object form, not that the object is no severity word.
    const problems = explainSchemaErrors(validator.errors, value).filter((p) => !(RULE_SETTING_PATH.test(p.path) && (p.keyword === 'enum' || p.keyword === 'no-alternative')));
    // A misspelt field is also a missing one: said as the misspelling, the fix is plain.
    throw schemaObjection(problems.find((p) => p.keyword === 'unknown-field') ?? problems[0], { shown, lineOf });
  }
  const config = value as Config;
  if (config.ruleDirs) {
    const base = dirname(resolve(file));
    config.ruleDirs = config.ruleDirs.map((d, i) => {
      const abs = resolve(base, d);
      const rel = relative(base, abs);
      // A config may only extend rules from its own project, never pull code-adjacent files from elsewhere.
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw configProblem(shown, lineOf(pointerTo('ruleDirs', String(i))), {
          en: `ruleDirs entry "${d}" is outside the config's folder`,
          'zh-CN': `ruleDirs 中的 "${d}" 在配置文件所在文件夹之外`,
        });
      }
      return abs;
    });
  }
  return { config, shown, lineOf };
}

/** Reads and validates a config file as written (its `extends` not followed); anything wrong is a configuration error (exit 2). */
export function loadConfigFile(file: string, shown = file): Config {
  return readConfigText(file, shown).config;
}

/** A severity as written, or a setting with one, as the linter takes it. */
export function normalizeSetting(setting: RuleSettingWritten): RuleSettingInput | undefined {
  if (typeof setting === 'object' && setting !== null) {
    const { severity, ...rest } = setting;
    if (severity === undefined) return rest;
    const named = severityNamed(severity);
    return named === undefined ? undefined : { ...rest, severity: named };
  }
  return severityNamed(setting);
}

/** `later` over `earlier`: its severity if it sets one, its options over the earlier ones. */
function mergeSetting(earlier: RuleSettingInput | undefined, later: RuleSettingInput): RuleSettingInput {
  if (earlier === undefined) return later;
  const a = typeof earlier === 'string' ? { severity: earlier } : earlier;
  const b = typeof later === 'string' ? { severity: later } : later;
  const severity = b.severity ?? a.severity;
  const options = a.options || b.options ? { ...a.options, ...b.options } : undefined;
  return { ...(severity ? { severity } : {}), ...(options ? { options } : {}) };
}

/**
 * A config with every `extends` followed: its presets and files applied in
 * order, then its own settings. What the linter is made from, and what
 * --print-config shows.
 */
export interface ResolvedConfig {
  /** `locale`, the merged `rules` (severities as the linter takes them) and the absolute `ruleDirs`; no `extends`, no `ignores`. */
  config: { locale?: Config['locale']; rules: Record<string, RuleSettingInput>; ruleDirs?: string[] };
  /** Severities the presets give, as rules' defaults (LinterOptions.defaults); a later file's own setting wins. */
  presetSeverities: Record<string, RuleSeverity>;
  ignores: IgnorePatterns[];
  /** The filing files the language server lints, as the last config that names them gives them. */
  files?: IgnorePatterns;
  /** The config files' `overrides`, in the order they apply. */
  overrides: ResolvedOverride[];
  /** The presets and config files applied, in order, the config itself last. */
  from: string[];
  /** Where each rule's setting was last written (`file:line`), for an error about the rule. */
  ruleOrigins: Record<string, { shown: string; line: number }>;
}

/**
 * One entry of a config's `overrides`: rule settings for the files its globs
 * match, relative to `base` (the folder of the config that lists it). Plain
 * data, so a worker thread's recipe carries it.
 */
export interface ResolvedOverride {
  base: string;
  files: readonly string[];
  rules: Record<string, RuleSettingInput>;
  /** How --print-config and errors name it: `beianlint.config.yaml overrides[0]`. */
  shown: string;
  /** Where each rule's setting is written, for an error about the rule. */
  ruleOrigins: Record<string, { shown: string; line: number }>;
}

function emptyResolved(): ResolvedConfig {
  return { config: { rules: {} }, presetSeverities: {}, ignores: [], overrides: [], from: [], ruleOrigins: {} };
}

/** A rule setting as written, as the linter takes it; a severity the config cannot mean is an error naming the file. */
function settingOf(id: string, written: RuleSettingWritten, shown: string): RuleSettingInput {
  const setting = normalizeSetting(written);
  if (setting !== undefined) return setting;
  throw new ConfigurationError({
    en: `${shown}: rule "${id}": ${JSON.stringify(written)} is not a severity; use ${SEVERITIES_ALLOWED.en}`,
    'zh-CN': `${shown}：规则 "${id}"：${JSON.stringify(written)} 不是严重程度；可用 ${SEVERITIES_ALLOWED['zh-CN']}`,
  });
}

/** One config's own settings applied over what its `extends` gave. */
function applyOwn(into: ResolvedConfig, config: Config, origin: { shown: string; folder: string; lineOf?: ConfigText['lineOf'] }): void {
  if (config.locale) into.config.locale = config.locale;
  if (config.ruleDirs?.length) into.config.ruleDirs = [...(into.config.ruleDirs ?? []), ...config.ruleDirs];
  if (config.ignores?.length) into.ignores.push({ base: origin.folder, patterns: config.ignores });
  if (config.files) into.files = { base: origin.folder, patterns: config.files };
  for (const [id, written] of Object.entries(config.rules ?? {})) {
    into.config.rules[id] = mergeSetting(into.config.rules[id], settingOf(id, written, origin.shown));
    into.ruleOrigins[id] = { shown: origin.shown, line: origin.lineOf?.(pointerTo('rules', id), true) ?? 1 };
  }
  (config.overrides ?? []).forEach((override, i) => {
    const rules: Record<string, RuleSettingInput> = {};
    const ruleOrigins: ResolvedOverride['ruleOrigins'] = {};
    for (const [id, written] of Object.entries(override.rules)) {
      rules[id] = settingOf(id, written, origin.shown);
      ruleOrigins[id] = { shown: origin.shown, line: origin.lineOf?.(pointerTo('overrides', String(i), 'rules', id), true) ?? 1 };
    }
    into.overrides.push({ base: origin.folder, files: override.files, rules, shown: `${origin.shown} overrides[${i}]`, ruleOrigins });
  });
}

/** `later` over `earlier`, rule by rule, as a config's later entries win over its earlier ones. */
export function mergeSettings(earlier: Record<string, RuleSettingInput>, later: Record<string, RuleSettingInput>): Record<string, RuleSettingInput> {
  const out = { ...earlier };
  for (const [id, setting] of Object.entries(later)) out[id] = mergeSetting(out[id], setting);
  return out;
}

/** Applies each `extends` entry of a config: a preset by name, or a file relative to `folder`, its own `extends` followed. */
function applyExtends(into: ResolvedConfig, config: Config, folder: string, from: { shown: string; lineOf?: ConfigText['lineOf'] }, context: ResolveContext): void {
  const entries = config.extends === undefined ? [] : typeof config.extends === 'string' ? [config.extends] : config.extends;
  entries.forEach((entry, i) => {
    const line = from.lineOf?.(typeof config.extends === 'string' ? '/extends' : pointerTo('extends', String(i))) ?? 1;
    if (isPresetName(entry)) {
      const preset = Object.hasOwn(PRESETS, entry) ? PRESETS[entry] : undefined;
      if (!preset) {
        const guess = closestName(entry, Object.keys(PRESETS));
        const names = Object.keys(PRESETS).join(', ');
        throw configProblem(from.shown, line, {
          en: `unknown preset "${entry}"${guess ? `; did you mean "${guess}"?` : `; use ${names}`}`,
          'zh-CN': `未知的预设 "${entry}"${guess ? `；是否想写 "${guess}"？` : `；可用：${names}`}`,
        });
      }
      into.from.push(entry);
      for (const [id, severity] of Object.entries(preset.rules)) {
        into.presetSeverities[id] = severity;
        // A preset applied after a file that set this rule's severity wins over it, as any later entry does.
        const earlier = into.config.rules[id];
        if (earlier === undefined) continue;
        if (typeof earlier === 'string' || !earlier.options) delete into.config.rules[id];
        else into.config.rules[id] = { options: earlier.options };
      }
      return;
    }
    const file = resolve(folder, entry);
    if (!existsSync(file)) {
      throw configProblem(from.shown, line, { en: `extends "${entry}", which does not exist`, 'zh-CN': `extends 中的 "${entry}" 不存在` });
    }
    resolveInto(into, file, context);
  });
}

interface ResolveContext {
  cwd: string;
  /** Real paths of the files being resolved, outermost first: one met again is a cycle. */
  chain: string[];
}

function resolveInto(into: ResolvedConfig, file: string, context: ResolveContext): void {
  const real = realPathOr(file);
  const shown = relative(context.cwd, file) || file;
  if (context.chain.includes(real)) {
    const cycle = [...context.chain.slice(context.chain.indexOf(real)), real].map((p) => relative(context.cwd, p) || p).join(' → ');
    throw new ConfigurationError({ en: `config files extend each other in a cycle: ${cycle}`, 'zh-CN': `配置文件互相 extends，形成循环：${cycle}` });
  }
  const text = readConfigText(file, shown);
  const folder = dirname(resolve(file));
  context.chain.push(real);
  applyExtends(into, text.config, folder, text, context);
  context.chain.pop();
  into.from.push(shown);
  applyOwn(into, text.config, { shown, folder, lineOf: text.lineOf });
}

/** A config file with its `extends` followed. */
export function resolveConfigFile(file: string, cwd: string): ResolvedConfig {
  const into = emptyResolved();
  resolveInto(into, resolve(cwd, file), { cwd, chain: [] });
  return into;
}

/** A config given as an object (by a library caller, or a worker thread's recipe): its `extends` relative to `cwd`. */
export function resolveConfigObject(config: Config, cwd: string): ResolvedConfig {
  const into = emptyResolved();
  const origin = { shown: '(config object)', folder: cwd };
  applyExtends(into, config, cwd, origin, { cwd, chain: [] });
  applyOwn(into, config, origin);
  return into;
}

/** The path with its links followed, or as it is when it cannot be (missing: reading it says so). */
function realPathOr(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
