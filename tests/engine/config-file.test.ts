import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveConfigOf } from '../../src/engine/create.js';
import { ConfigurationError, createLinter, findConfigFile, loadConfigFile } from '../../src/engine/index.js';

// Issue 17: the config file is found as ESLint's is, takes ESLint's severity
// words, `extends` presets and other files, and says file:line for what is
// wrong in it, with "did you mean" for a slip.

/** A scratch folder with the given files (paths relative to it, folders made as needed). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-config-file-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The configuration error creating a linter in `cwd` stops with. */
function refusal(cwd: string, options: Parameters<typeof createLinter>[0] = {}): ConfigurationError {
  try {
    createLinter({ cwd, ...options });
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('createLinter accepted the config');
}

function effective(cwd: string, options: Parameters<typeof createLinter>[0] = {}) {
  return effectiveConfigOf(createLinter({ cwd, ...options }))!;
}

describe('finding the config file', () => {
  it('searches upward from the working directory, the nearest folder with one winning', () => {
    const dir = project({
      'beianlint.config.yaml': 'rules:\n  whitespace: off\n',
      'filings/2026/q1/.keep': '',
      'filings/beianlint.config.json': '{"rules": {"contact-format": "info"}}',
    });
    expect(effective(join(dir, 'filings/2026/q1')).from).toEqual(['../../beianlint.config.json']);
    expect(effective(join(dir, 'filings/2026/q1')).rules['contact-format']!.severity).toBe('info');
    expect(effective(dir).from).toEqual(['beianlint.config.yaml']);
    expect(effective(dir).rules.whitespace!.severity).toBe('off');
  });

  it('knows every name, beianlint.config.* and .beianlintrc.*', () => {
    for (const name of ['beianlint.config.yaml', 'beianlint.config.yml', 'beianlint.config.json', '.beianlintrc.yaml', '.beianlintrc.yml', '.beianlintrc.json']) {
      const dir = project({ [name]: name.endsWith('.json') ? '{}' : 'locale: en\n', 'sub/.keep': '' });
      expect(findConfigFile(join(dir, 'sub')), name).toBe(join(dir, name));
    }
  });

  it('refuses two config files in one folder, naming both', () => {
    const dir = project({ 'beianlint.config.yaml': 'locale: en\n', '.beianlintrc.json': '{}', 'sub/.keep': '' });
    const e = refusal(join(dir, 'sub'));
    expect(e.text.en).toBe('more than one config file in one folder: ../beianlint.config.yaml, ../.beianlintrc.json; keep one');
    expect(e.text['zh-CN']).toBe('同一文件夹中有多个配置文件：../beianlint.config.yaml, ../.beianlintrc.json；请只保留一个');
  });

  it('reads no file with config: false, and the named one with a path', () => {
    const dir = project({ 'beianlint.config.yaml': 'rules:\n  whitespace: off\n', 'other.yaml': 'rules:\n  whitespace: info\n' });
    expect(effective(dir, { config: false }).from).toEqual([]);
    expect(effective(dir, { config: false }).rules.whitespace!.severity).not.toBe('off');
    expect(effective(dir, { config: 'other.yaml' }).rules.whitespace!.severity).toBe('info');
  });
});

describe('severities', () => {
  it("takes ESLint's warn and 0, 1, 2, in YAML and in JSON, as a config and as overrides", () => {
    const yamlDir = project({ 'beianlint.config.yaml': 'rules:\n  whitespace: 0\n  contact-format: 1\n  fallback-document: 2\n  domain-format: warn\n  photo-spec: { severity: 2 }\n' });
    const jsonDir = project({ 'beianlint.config.json': '{"rules": {"whitespace": 0, "contact-format": 1, "fallback-document": 2, "domain-format": "warn", "photo-spec": {"severity": 2}}}' });
    for (const dir of [yamlDir, jsonDir]) {
      const { rules } = effective(dir);
      expect([rules.whitespace, rules['contact-format'], rules['fallback-document'], rules['domain-format']].map((r) => r!.severity)).toEqual(['off', 'warning', 'error', 'warning']);
      expect(rules['photo-spec']!.severity).toBe('error');
    }
    expect(effective(yamlDir, { rules: { whitespace: 'warn', 'contact-format': 2 } }).rules.whitespace!.severity).toBe('warning');
  });

  it('names the file and line of a wrong severity, and what is allowed', () => {
    const yamlDir = project({ 'beianlint.config.yaml': 'locale: en\nrules:\n  whitespace: off\n  schema: loud\n' });
    expect(refusal(yamlDir).text).toEqual({
      en: 'beianlint.config.yaml:4: rule "schema": "loud" is not a severity; use off, info, warning (or warn), error, 0 (off), 1 (warning), 2 (error)',
      'zh-CN': 'beianlint.config.yaml:4：规则 "schema"："loud" 不是严重程度；可用 off、info、warning（或 warn）、error、0（off）、1（warning）、2（error）',
    });
    const jsonDir = project({ '.beianlintrc.json': '{\n  "rules": {\n    "schema": {\n      "severity": 3\n    }\n  }\n}\n' });
    expect(refusal(jsonDir).message).toMatch(/^\.beianlintrc\.json:4: rule "schema": 3 is not a severity; use off, info/);
  });
});

describe('"did you mean" in a config', () => {
  it('for an unknown field, at the top level and in a rule setting', () => {
    const top = project({ 'beianlint.config.yaml': 'locale: en\nrule:\n  schema: off\n' });
    expect(refusal(top).text).toEqual({
      en: 'beianlint.config.yaml:2: unknown field "rule" at (top level); did you mean "rules"?',
      'zh-CN': 'beianlint.config.yaml:2：顶层有未知的字段 "rule"；是否想写 "rules"？',
    });
    const inRule = project({ 'beianlint.config.json': '{"rules": {\n"schema": {"severty": "off"}}}' });
    expect(refusal(inRule).message).toBe('beianlint.config.json:2: unknown field "severty" at /rules/schema; did you mean "severity"?');
  });

  it('for an unknown rule id, in the config (with its line) and in the overrides', () => {
    const dir = project({ 'beianlint.config.yaml': 'rules:\n  whitespace: off\n  bureau-review-deadlin: error\n' });
    expect(refusal(dir).text).toEqual({
      en: 'beianlint.config.yaml:3: unknown rule "bureau-review-deadlin"; did you mean "bureau-review-deadline"?',
      'zh-CN': 'beianlint.config.yaml:3：未知的规则 "bureau-review-deadlin"；是否想写 "bureau-review-deadline"？',
    });
    expect(refusal(dir, { config: false, rules: { whitespac: 'off' } }).message).toBe('unknown rule "whitespac"; did you mean "whitespace"?');
    expect(refusal(dir, { config: false, rules: { 'no-such-rule-at-all': 'off' } }).message).toBe('unknown rule "no-such-rule-at-all"');
  });
});

describe('extends', () => {
  it('applies presets and files in order, later entries and the own rules winning', () => {
    const dir = project({
      'beianlint.config.yaml': 'extends: [beianlint:bureau, shared/base.yaml]\nrules:\n  whitespace: info\n',
      'shared/base.yaml': 'extends: more.json\nlocale: zh-CN\nrules:\n  batch-shared-mobile: warn\n  whitespace: error\n  contact-format: off\n',
      'shared/more.json': '{"rules": {"contact-format": "error", "photo-spec": "off"}}',
    });
    const config = effective(dir);
    expect(config.from).toEqual(['beianlint:bureau', 'shared/more.json', 'shared/base.yaml', 'beianlint.config.yaml']);
    expect(config.locale).toBe('zh-CN');
    expect(config.rules['batch-shared-mobile']!.severity).toBe('warning');
    expect(config.rules['bureau-review-deadline']!.severity).toBe('error');
    expect(config.rules.whitespace!.severity).toBe('info');
    expect(config.rules['contact-format']!.severity).toBe('off');
    expect(config.rules['photo-spec']!.severity).toBe('off');
  });

  it('takes one string as well as a list', () => {
    expect(effective(project({ 'beianlint.config.yaml': 'extends: beianlint:provider\n' })).rules['bureau-review-deadline']!.severity).toBe('off');
  });

  it('refuses a cycle, a missing file and an unknown preset, saying where', () => {
    const cycle = project({ 'beianlint.config.yaml': 'extends: a.yaml\n', 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: [a.yaml]\n' });
    expect(refusal(cycle).text).toEqual({
      en: 'config files extend each other in a cycle: a.yaml → b.yaml → a.yaml',
      'zh-CN': '配置文件互相 extends，形成循环：a.yaml → b.yaml → a.yaml',
    });
    const missing = project({ 'beianlint.config.yaml': 'locale: en\nextends:\n  - beianlint:recommended\n  - nowhere.yaml\n' });
    expect(refusal(missing).message).toBe('beianlint.config.yaml:4: extends "nowhere.yaml", which does not exist');
    const unknown = project({ 'beianlint.config.yaml': 'extends: beianlint:bureaux\n' });
    expect(refusal(unknown).text).toEqual({
      en: 'beianlint.config.yaml:1: unknown preset "beianlint:bureaux"; did you mean "beianlint:bureau"?',
      'zh-CN': 'beianlint.config.yaml:1：未知的预设 "beianlint:bureaux"；是否想写 "beianlint:bureau"？',
    });
  });

  it('keeps ignores relative to the folder of the file that lists them', () => {
    const dir = project({ 'beianlint.config.yaml': 'extends: shared/base.yaml\nignores: [old/**]\n', 'shared/base.yaml': 'ignores: [drafts/**]\n' });
    expect(effective(dir).ignores).toEqual([
      { base: join(dir, 'shared'), patterns: ['drafts/**'] },
      { base: dir, patterns: ['old/**'] },
    ]);
  });
});

describe('loadConfigFile', () => {
  it('says file:line for what the schema refuses', () => {
    const dir = project({ 'c.yaml': 'rules: {}\nlocale: fr\n' });
    expect(() => loadConfigFile(join(dir, 'c.yaml'), 'c.yaml')).toThrow(/^c\.yaml:2: \/locale is "fr"; expected one of zh-CN, en$/);
  });
});
