import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fg from 'fast-glob';
import { CHECKS, type CheckDefinition } from '../checks/index.js';
import { parseYamlText } from '../input/yaml.js';
import type { SourceRecord } from '../input/source.js';
import { createAjv, type ValidateFunction } from '../schema/ajv.js';
import { explainSchemaErrors } from '../schema/explain.js';
import { rulesDir as bundledRulesDir, schemasDir } from '../package-files.js';
import { ConfigurationError, type Localized, type Severity, type Stage } from './types.js';

export interface RuleExample {
  valid: boolean;
  title?: string;
  base: string;
  set?: Record<string, unknown>;
  unset?: string[];
  records?: Array<{ set?: Record<string, unknown>; unset?: string[] }>;
  text?: string;
  format?: 'json' | 'jsonl' | 'yaml';
  now?: string;
  expect?: string[];
}

/** A rule file as written (after validation against schemas/rule.schema.json). */
export interface RuleFile {
  id: string;
  severity: Severity;
  clause: string;
  appliesFrom: Stage;
  scope: 'record' | 'batch' | 'source';
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  check?: { name: string; options?: Record<string, unknown> };
  schema?: object;
  examples: RuleExample[];
}

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

// Bundled rules are ours; rules from configured folders get the linear-time regex engine.
const trustedAjv = createAjv();
const untrustedAjv = createAjv({ untrusted: true });
let ruleFileValidator: ValidateFunction | undefined;

function ruleFileSchema(): ValidateFunction {
  ruleFileValidator ??= trustedAjv.compile(JSON.parse(readFileSync(join(schemasDir, 'rule.schema.json'), 'utf8')) as object);
  return ruleFileValidator;
}

function fail(file: string, line: number, reason: string): never {
  throw new ConfigurationError(`${file}:${line}: ${reason}`);
}

/** Reads, validates and compiles one rule file; any defect stops the run. */
export function loadRuleFile(file: string, displayName = file, options: { trusted?: boolean } = {}): Rule {
  const ajv = options.trusted ? trustedAjv : untrustedAjv;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(displayName, 1, `cannot read rule file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
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
    const what = p ? describeProblem(p.keyword, p.path, p.data) : 'does not match schemas/rule.schema.json';
    fail(displayName, where, what);
  }
  const rule: Rule = { ...(record.value as RuleFile), file };
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (rule.id !== expectedId) fail(displayName, lineOf('/id'), `rule id "${rule.id}" must equal the file name "${expectedId}"`);

  if (rule.check) {
    const definition = Object.prototype.hasOwnProperty.call(CHECKS, rule.check.name) ? CHECKS[rule.check.name] : undefined;
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
        fail(displayName, lineOf('/check/options' + (p?.path ?? '')), `invalid option: ${p ? describeProblem(p.keyword, p.path, p.data) : 'does not match'}`);
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

function describeProblem(keyword: string, path: string, data: Record<string, string | number>): string {
  const where = path || '(top level)';
  switch (keyword) {
    case 'required':
      return `missing required field "${data.field}" at ${where}`;
    case 'unknown-field':
      return `unknown field "${data.field}" at ${where}`;
    case 'enum':
      return `${where} is ${data.value}; expected one of ${data.expected}`;
    case 'type':
      return `${where} must be of type ${data.expected}, got ${data.value}`;
    default:
      return `${where}: ${keyword} ${data.expected ?? ''}`.trim();
  }
}

/** All rule files of the given folders, bundled rules first; ids are unique across them. */
export function loadRuleSet(extraDirs: readonly string[] = [], options: { cwd?: string } = {}): RuleSet {
  const rules: Rule[] = [];
  const byId = new Map<string, Rule>();
  for (const dir of [bundledRulesDir, ...extraDirs]) {
    const files = fg.sync('*.{yaml,yml}', { cwd: dir, absolute: true, onlyFiles: true }).sort();
    for (const file of files) {
      const shown = relative(options.cwd ?? process.cwd(), file) || file;
      const rule = loadRuleFile(file, shown, { trusted: dir === bundledRulesDir });
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
  bundled ??= loadRuleSet();
  return bundled;
}
