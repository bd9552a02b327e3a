import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { CHECKS, checkNamed, type CheckDefinition } from '../checks/index.js';
import { parseYamlText } from '../input/yaml.js';
import type { SourceRecord } from '../input/source.js';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv/dist/2020.js';
import { createAjv, precompiledName, precompiledValidator, schemaStamp, type ValidateFunction } from '../schema/ajv.js';
import { describeSchemaProblem, explainSchemaErrors } from '../schema/explain.js';
import { packageRoot, rulesDir as bundledRulesDir, schemasDir } from '../package-files.js';
import type { Example, RuleFileSchema } from '../generated/rule-file.js';
import { ConfigurationError } from './types.js';
import { errorCode } from '../input/read-file.js';

/** A rule file as written (after validation against schemas/rule.schema.json). */
export type RuleFile = RuleFileSchema;

/** One of a rule file's `examples`. */
export type RuleExample = Example;

export interface Rule extends RuleFile {
  /** Where the rule was loaded from, for error messages and docs. */
  file: string;
  /** The named check, when the rule has one. */
  definition?: CheckDefinition;
  /** The compiled fragment, when the rule is a schema rule. */
  validate?: ValidateFunction;
  /** Validates the check's options (from the rule file and the config). */
  validateOptions?: ValidateFunction;
}

export interface RuleSet {
  rules: Rule[];
  byId: Map<string, Rule>;
}

// Bundled rules are ours; rules from configured folders get the linear-time regex engine and a one-pass uniqueItems.
let trustedInstance: ReturnType<typeof createAjv> | undefined;
const trustedAjvOf = () => (trustedInstance ??= createAjv());
let untrustedInstance: ReturnType<typeof createAjv> | undefined;
const untrustedAjv = () => (untrustedInstance ??= withLinearUniqueItems(createAjv({ untrusted: true })));
// Rules from the build's bundle were compiled in strict mode when the bundle was written.
let bundleInstance: ReturnType<typeof createAjv> | undefined;
const bundleAjv = () => (bundleInstance ??= createAjv({ prevalidated: true }));
let ruleFileValidator: ValidateFunction | undefined;

/**
 * ajv checks `uniqueItems` by comparing every item with every other unless
 * the items' schema declares them strings, numbers, booleans or nulls, so an
 * array of objects costs the square of its length, and a record with tens
 * of thousands of websites kept a run from ending under a user rule. A rule
 * from a configured folder gets one pass instead, each item keyed by its
 * canonical JSON (see `lastRepeat`); ajv's own check stays where it already
 * is a single pass. The keyword keeps ajv's place in the keyword order and
 * ajv's error, so a rule reports exactly what it reported before.
 */
function withLinearUniqueItems(ajv: ReturnType<typeof createAjv>): ReturnType<typeof createAjv> {
  const require = createRequire(import.meta.url);
  const builtin = (require('ajv/dist/vocabularies/validation/uniqueItems.js') as { default: CodeKeywordDefinition }).default;
  const { getSchemaTypes } = require('ajv/dist/compile/validate/dataType.js') as { getSchemaTypes: (schema: object) => string[] };
  const { _ } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    ...builtin,
    before: 'maxContains',
    code(cxt: KeywordCxt) {
      const { gen, data, schema, parentSchema } = cxt;
      const itemTypes = parentSchema.items ? getSchemaTypes(parentSchema.items as object) : [];
      const scalarItems = itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array');
      if (!schema || scalarItems) {
        builtin.code(cxt);
        return;
      }
      const valid = gen.let('valid', true);
      const repeat = gen.const('repeat', _`${gen.scopeValue('func', { ref: lastRepeat })}(${data})`);
      const i = gen.let('i');
      const j = gen.let('j');
      cxt.setParams({ i, j });
      gen.if(repeat, () => {
        gen.assign(i, _`${repeat}[0]`);
        gen.assign(j, _`${repeat}[1]`);
        cxt.error();
        gen.assign(valid, false);
      });
      cxt.ok(valid);
    },
  });
  return ajv;
}

/**
 * The pair ajv's pairwise `uniqueItems` reports: the last item equal to an
 * earlier one, and the last earlier item it equals; null when all differ.
 */
function lastRepeat(items: readonly unknown[]): [number, number] | null {
  const lastAt = new Map<string, number>();
  const identities = new Map<unknown, string>();
  let repeat: [number, number] | null = null;
  for (let i = 0; i < items.length; i++) {
    const key = jsonKey(items[i], identities);
    const earlier = lastAt.get(key);
    if (earlier !== undefined) repeat = [i, earlier];
    lastAt.set(key, i);
  }
  return repeat;
}

/**
 * A text two values share exactly when they are equal as JSON: the same
 * type, numbers of the same value, arrays item by item, objects with the
 * same keys in any order and equal values. As ajv's comparison does, a
 * number equals itself however written, -0 equals 0, NaN equals NaN and a
 * date equals a date of the same time. Anything else that is no JSON value
 * (YAML 1.1 can give a set or bytes) equals only itself. Where ajv's
 * comparison throws (an object with a "valueOf" or "toString" field), the
 * fields are compared as any other.
 */
function jsonKey(value: unknown, identities: Map<unknown, string>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return String(value);
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => jsonKey(item, identities)).join(',')}]`;
      const prototype = Object.getPrototypeOf(value) as unknown;
      const object = value as Record<string, unknown>;
      // ajv compares objects' constructors first, by identity: a "constructor" field holding an object or NaN makes an object equal only to itself.
      const constructorField = Object.hasOwn(object, 'constructor') ? object.constructor : undefined;
      const plainConstructor = constructorField === undefined || constructorField === null || (typeof constructorField !== 'object' && typeof constructorField !== 'function' && !Number.isNaN(constructorField));
      if ((prototype === Object.prototype || prototype === null) && plainConstructor) {
        const fields = Object.keys(object)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${jsonKey(object[k], identities)}`);
        return `${prototype === null ? 'no prototype ' : ''}{${fields.join(',')}}`;
      }
      if (value instanceof Date && !Number.isNaN(value.getTime())) return `date ${value.getTime()}`;
      break;
    }
  }
  let identity = identities.get(value);
  if (identity === undefined) identities.set(value, (identity = `#${identities.size}`));
  return identity;
}

function ruleFileSchema(): ValidateFunction {
  ruleFileValidator ??= trustedAjvOf().compile(JSON.parse(readFileSync(join(schemasDir, 'rule.schema.json'), 'utf8')) as object);
  return ruleFileValidator;
}

function fail(file: string, line: number, reason: string): never {
  throw new ConfigurationError(`${file}:${line}: ${reason}`);
}

/**
 * A folded YAML scalar (`>-`) joins its lines with a space, which Chinese
 * text does not put between characters or after its full stops: the space
 * is taken out where both sides are Chinese (characters or full-width
 * punctuation). Spaces next to Latin text, numbers and codes stay.
 */
function unfoldChinese(text: string): string {
  return text.replace(/([\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E]) (?=[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E])/gu, '$1');
}

/** Reads, validates and compiles one rule file; any defect stops the run. */
export function loadRuleFile(file: string, displayName = file, options: { trusted?: boolean } = {}): Rule {
  const ajv = options.trusted ? trustedAjvOf() : untrustedAjv();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(displayName, 1, `cannot read rule file (${errorCode(e)})`);
  }
  const items = parseYamlText(text);
  const first = items[0];
  if (!first || items.length !== 1) fail(displayName, 1, 'a rule file holds exactly one YAML document');
  if (first.kind === 'fault') fail(displayName, first.range.line, `invalid YAML: ${first.detail ?? first.reason}`);
  const record: SourceRecord = first;
  // The key's line: for a block mapping the value starts a line later, and the key is what the author looks for.
  const lineOf = (path: string) => record.locate(path, { key: true }).line;

  const validate = ruleFileSchema();
  if (!validate(record.value)) {
    const p = explainSchemaErrors(validate.errors, record.value)[0];
    const where = p ? lineOf(p.path) : 1;
    const what = p ? describeSchemaProblem(p) : 'does not match schemas/rule.schema.json';
    fail(displayName, where, what);
  }
  const written = record.value as RuleFile;
  const rule: Rule = { ...written, description: { ...written.description, 'zh-CN': unfoldChinese(written.description['zh-CN']) }, file };
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (rule.id !== expectedId) fail(displayName, lineOf('/id'), `rule id "${rule.id}" must equal the file name "${expectedId}"`);

  if (rule.check) {
    const definition = checkNamed(rule.check.name);
    if (!definition) fail(displayName, lineOf('/check/name'), `unknown check "${rule.check.name}"; known checks: ${Object.keys(CHECKS).sort().join(', ')}`);
    if (definition.kind !== rule.scope) fail(displayName, lineOf('/scope'), `check "${rule.check.name}" is a ${definition.kind} check, but the rule's scope is "${rule.scope}"`);
    rule.definition = definition;
    if (definition.options) {
      try {
        rule.validateOptions = ajv.compile(definition.options);
      } catch (e) {
        fail(displayName, lineOf('/check'), `the check's options schema does not compile: ${(e as Error).message}`);
      }
      if (!rule.validateOptions(rule.check.options ?? {})) {
        const p = explainSchemaErrors(rule.validateOptions.errors, rule.check.options ?? {})[0];
        fail(displayName, lineOf('/check/options' + (p?.path ?? '')), `invalid option: ${p ? describeSchemaProblem(p) : 'does not match'}`);
      }
    } else if (rule.check.options && Object.keys(rule.check.options).length > 0) {
      fail(displayName, lineOf('/check/options'), `check "${rule.check.name}" takes no options`);
    }
    for (const id of definition.messageIds) {
      if (!rule.messages[id]) fail(displayName, lineOf('/messages'), `message "${id}" used by check "${rule.check.name}" is missing`);
    }
  } else if (rule.schema) {
    if (rule.scope !== 'record') fail(displayName, lineOf('/scope'), 'a schema rule has scope "record"');
    try {
      rule.validate = ajv.compile(rule.schema);
    } catch (e) {
      fail(displayName, lineOf('/schema'), `the rule's schema does not compile: ${(e as Error).message}`);
    }
  }
  return rule;
}

/** The rule files of one folder (not its subfolders), sorted. */
function ruleFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ConfigurationError({ en: `${dir}: cannot read rule folder (${errorCode(e)})`, 'zh-CN': `${dir}：无法读取规则文件夹（${errorCode(e)}）` });
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => statSync(f).isFile());
}

/** Every rule file of one folder, sorted, validated and compiled. */
export function loadRuleDir(dir: string, options: { cwd?: string; trusted?: boolean } = {}): Rule[] {
  return ruleFilesIn(dir).map((file) => loadRuleFile(file, relative(options.cwd ?? process.cwd(), file) || file, { trusted: options.trusted ?? false }));
}

/** Whether `path` is `folder` or lies inside it (both real paths). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

/** A path with every link in it followed; undefined when it cannot be (gone, unreadable): reading it then says so. */
function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a rule folder, or a rule file in it, that a link leads out of
 * `project` (the config's folder). The config names its rule folders by
 * path, and the path is inside the project; a link on the way (the folder
 * itself, a folder above it, or one rule file) can still lead anywhere, and
 * rule files decide what is reported.
 */
function refuseLinkOut(project: string, path: string, shown: string, what: 'folder' | 'file'): void {
  const realProject = realPathOf(project) ?? project;
  const real = realPathOf(path);
  if (real === undefined || isInside(realProject, real)) return;
  const en = what === 'folder' ? 'rule folder' : 'rule file';
  const zh = what === 'folder' ? '规则文件夹' : '规则文件';
  throw new ConfigurationError({
    en: `${shown}: ${en} leads outside the config's folder, to ${real}`,
    'zh-CN': `${shown}：${zh}经链接指向配置文件所在文件夹之外（${real}）`,
  });
}

/**
 * The bundled rules plus those of the given folders; ids are unique across
 * them. `project` is the config's folder: the rule folders and their files
 * must really be inside it, after every link is followed.
 */
export function loadRuleSet(extraDirs: readonly string[] = [], options: { cwd?: string; project?: string } = {}): RuleSet {
  const rules: Rule[] = [...bundledRuleSet().rules];
  const byId = new Map<string, Rule>(rules.map((r) => [r.id, r]));
  const shownPath = (path: string) => relative(options.cwd ?? process.cwd(), path) || path;
  for (const dir of extraDirs) {
    if (options.project) refuseLinkOut(options.project, dir, shownPath(dir), 'folder');
    for (const file of ruleFilesIn(dir)) {
      const shown = shownPath(file);
      if (options.project) refuseLinkOut(options.project, file, shown, 'file');
      const rule = loadRuleFile(file, shown);
      const earlier = byId.get(rule.id);
      if (earlier) fail(shown, 1, `rule id "${rule.id}" is already defined in ${earlier.file}`);
      rules.push(rule);
      byId.set(rule.id, rule);
    }
  }
  return { rules, byId };
}

let bundled: RuleSet | undefined;

/** The bundled rule set, loaded and compiled once per process. */
export function bundledRuleSet(): RuleSet {
  if (!bundled) {
    const rules = rulesFromBundle() ?? loadRuleDir(bundledRulesDir, { trusted: true });
    bundled = { rules, byId: new Map(rules.map((r) => [r.id, r])) };
  }
  return bundled;
}

// ---------------------------------------------------------------------------
// The build validates the bundled rule files once (scripts/bundle-rules.mjs)
// and writes them as one JSON file, so a run starts without parsing 35 YAML
// files and compiling a validator for each; a rule file edited since the
// build makes the bundle stale and the YAML is read instead.

export const RULE_BUNDLE = join(packageRoot, 'dist', 'rules.bundle.json');

interface RuleBundle {
  version: 2;
  files: Array<{ name: string; digest: string }>;
  rules: Array<RuleFile & { name: string }>;
}

/**
 * What the bundle was made from: each rule file's name and a digest of its
 * text. By content, not modification time: an installed package (npm keeps
 * no times in its archive) or a .vsix would otherwise find its bundle stale
 * on every run and read the YAML instead.
 */
function ruleFileStamps(): RuleBundle['files'] {
  return ruleFilesIn(bundledRulesDir).map((f) => ({ name: basename(f), digest: schemaStamp(readFileSync(f, 'utf8')) }));
}

/** The bundle's text for the bundled rules as loaded now (they must all load). */
export function serializeRuleBundle(): string {
  const rules = loadRuleDir(bundledRulesDir, { trusted: true });
  const bundle: RuleBundle = {
    version: 2,
    files: ruleFileStamps(),
    rules: rules.map(({ file, definition: _d, validate: _v, validateOptions: _o, ...ruleFile }) => ({ ...ruleFile, name: basename(file) })),
  };
  return JSON.stringify(bundle);
}

/** The build's bundle, when it was made from the rule files as they are now. */
function currentBundle(): RuleBundle | undefined {
  let bundle: RuleBundle;
  try {
    bundle = JSON.parse(readFileSync(RULE_BUNDLE, 'utf8')) as RuleBundle;
  } catch {
    return undefined;
  }
  return bundle.version === 2 && JSON.stringify(bundle.files) === JSON.stringify(ruleFileStamps()) ? bundle : undefined;
}

/** Whether a run loads the bundled rules from the build's bundle rather than from the YAML files. */
export function ruleBundleIsCurrent(): boolean {
  return currentBundle() !== undefined;
}

function rulesFromBundle(): Rule[] | undefined {
  const bundle = currentBundle();
  if (!bundle) return undefined;
  const rules: Rule[] = [];
  for (const { name, ...ruleFile } of bundle.rules) {
    const rule: Rule = { ...ruleFile, file: join(bundledRulesDir, name) };
    if (rule.check) {
      const definition = checkNamed(rule.check.name);
      if (!definition || definition.kind !== rule.scope) return undefined;
      rule.definition = definition;
      const optionsSchema = definition.options;
      if (optionsSchema) {
        // Only a config that sets options needs this validator; compile it then.
        let compiled: ValidateFunction | undefined;
        Object.defineProperty(rule, 'validateOptions', { enumerable: true, get: () => (compiled ??= bundleAjv().compile(optionsSchema)) });
      }
    } else if (rule.schema) {
      const name = precompiledName(`rule-${rule.id}`);
      rule.validate = precompiledValidator(join(packageRoot, 'dist', 'validators.cjs'), name, schemaStamp(JSON.stringify(rule.schema))) ?? bundleAjv().compile(rule.schema);
    }
    rules.push(rule);
  }
  return rules;
}

/**
 * The source of dist/validators.cjs: the filing schema and every bundled
 * schema rule compiled to plain functions (ajv standalone), each with the
 * digest of the schema it was compiled from, so a later edit is noticed.
 */
export function precompiledValidatorsSource(): string {
  const ajv = createAjv({ standaloneSource: true });
  const refs: Record<string, string> = {};
  const stamps: Record<string, string> = {};
  const filingText = readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8');
  const filing = JSON.parse(filingText) as { $id: string };
  ajv.addSchema(filing);
  refs.filing = filing.$id;
  stamps.filing = schemaStamp(filingText);
  for (const rule of loadRuleDir(bundledRulesDir, { trusted: true })) {
    if (!rule.schema) continue;
    const name = precompiledName(`rule-${rule.id}`);
    const id = `urn:beianlint:rule:${rule.id}`;
    ajv.addSchema({ ...rule.schema, $id: id });
    refs[name] = id;
    stamps[name] = schemaStamp(JSON.stringify(rule.schema));
  }
  const require = createRequire(import.meta.url);
  const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: unknown, refs: Record<string, string>) => string }).default;
  return `${standaloneCode(ajv, refs)}\nexports.stamps = ${JSON.stringify(stamps)};\n`;
}
