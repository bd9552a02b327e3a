import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, checkNamed } from '../../src/checks/index.js';
import { DEPRECATED_CHECK_NAMES } from '../../src/checks/registry.js';
import { ConfigurationError, createLinter, loadConfigFile, loadRuleFile } from '../../src/engine/index.js';
import { isFilingPointer } from '../../src/schema/filing-pointer.js';
import { USER_RULE } from '../support/rule-files.js';

const VALID = USER_RULE;

function ruleFile(text: string, name = 'my-rule.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-rule-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function loadError(text: string, name?: string): string {
  try {
    loadRuleFile(ruleFile(text, name), 'rules/' + (name ?? 'my-rule.yaml'));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
  throw new Error('the rule file loaded');
}

describe('loading a rule file', () => {
  it('loads a valid schema rule and compiles its fragment', () => {
    const rule = loadRuleFile(ruleFile(VALID));
    expect(rule.id).toBe('my-rule');
    expect(rule.validate?.({ remarks: 'abcd' })).toBe(false);
  });

  it('refuses invalid YAML with the line of the fault', () => {
    expect(loadError('id: my-rule\nseverity: [error\nclause: x\n')).toMatch(/^rules\/my-rule\.yaml:\d+: invalid YAML/);
  });

  it('refuses a bad field with the line it is on', () => {
    expect(loadError(VALID.replace('severity: warning', 'severity: loud'))).toBe(
      'rules/my-rule.yaml:2: /severity is "loud"; expected one of error, warning, info',
    );
  });

  it('refuses a missing message language, an unknown field and an id that is not the file name', () => {
    expect(loadError(VALID.replace("default: { zh-CN: '{path} 不对', en: '{path} is wrong' }", "default: { en: '{path} is wrong' }"))).toMatch(/:9: missing required field "zh-CN"/);
    expect(loadError(VALID + 'fixible: true\n')).toMatch(/:16: unknown field "fixible"/);
    expect(loadError(VALID, 'other-name.yaml')).toMatch(/^rules\/other-name\.yaml:1: rule id "my-rule" must equal the file name "other-name"/);
  });

  it('refuses an unknown check, a check of the wrong scope and a schema that does not compile', () => {
    const withCheck = (check: string, scope = 'record') =>
      VALID.replace(/schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/, `check:\n  name: ${check}\n`).replace('scope: record', `scope: ${scope}`);
    expect(loadError(withCheck('no-such-check'))).toMatch(/:11: unknown check "no-such-check"; known checks: .*submission-order/);
    expect(loadError(withCheck('batch-duplicate-filing-id'))).toMatch(/:5: check "batch-duplicate-filing-id" is a batch check, but the rule's scope is "record"/);
    expect(loadError(VALID.replace('maxLength: 3', 'maxLength: three'))).toMatch(/:10: the rule's schema does not compile/);
    expect(loadError(VALID.replace('maxLength: 3', 'maxLenght: 3'))).toMatch(/:10: the rule's schema does not compile: strict mode: unknown keyword: "maxLenght"/);
  });

  it('refuses options for a check that takes none, and a check whose messages are missing', () => {
    const schemaCheck = VALID.replace(/schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/, 'check:\n  name: schema\n  options: { strict: true }\n');
    expect(loadError(schemaCheck)).toMatch(/:12: check "schema" takes no options/);
    const noMessages = VALID.replace(/schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/, 'check:\n  name: schema\n');
    expect(loadError(noMessages)).toMatch(/message "required" used by check "schema" is missing/);
  });

  it('loads a rule that names a check by its old name as the renamed check', () => {
    const withCheck = (check: string, scope: string) =>
      VALID.replace(/schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/, `check:\n  name: ${check}\n`)
        .replace('scope: record', `scope: ${scope}`)
        .replace('messages:\n', "messages:\n  other-spelling: { zh-CN: '{path} 重复', en: '{path} is repeated' }\n");
    expect(loadRuleFile(ruleFile(withCheck('record-duplicate-domain', 'record'))).definition).toBe(CHECKS['duplicate-domain']);
    expect(loadRuleFile(ruleFile(withCheck('duplicate-filing-id', 'batch'))).definition).toBe(CHECKS['batch-duplicate-filing-id']);
    // `duplicate-domain` was the batch check's name; it is the record check's now, and no alias.
    expect(loadError(withCheck('duplicate-domain', 'batch'))).toMatch(/:5: check "duplicate-domain" is a record check, but the rule's scope is "batch"/);
  });

  it('keeps each old check name for a check of another name', () => {
    for (const [old, current] of Object.entries(DEPRECATED_CHECK_NAMES)) {
      expect(Object.hasOwn(CHECKS, old), old).toBe(false);
      expect(CHECKS[current], old).toBeDefined();
      expect(checkNamed(old), old).toBe(CHECKS[current]);
    }
  });
});

describe('loading a config file', () => {
  function config(text: string, name = '.beianlintrc.json'): string {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-config-'));
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  }

  it('reads JSON and YAML configs', () => {
    expect(loadConfigFile(config('{"locale": "zh-CN", "rules": {"schema": "warning"}}')).rules).toEqual({ schema: 'warning' });
    expect(loadConfigFile(config('rules:\n  schema: { severity: info }\n', '.beianlintrc.yaml')).rules).toEqual({ schema: { severity: 'info' } });
  });

  it('refuses invalid content with the reason', () => {
    expect(() => loadConfigFile(config('{"locale": "fr"}'))).toThrow(/: \/locale is "fr"; expected one of zh-CN, en$/);
    expect(() => loadConfigFile(config('{"rules": {"schema": "loud"}}'))).toThrow(ConfigurationError);
    expect(() => loadConfigFile(config('{"rules": '))).toThrow(/invalid JSON/);
  });

  it('refuses rule directories outside the config folder', () => {
    expect(() => loadConfigFile(config('{"ruleDirs": ["../elsewhere"]}'))).toThrow(/outside the config's folder/);
    expect(() => loadConfigFile(config('{"ruleDirs": ["/etc"]}'))).toThrow(/outside the config's folder/);
  });
});

describe('patterns in rule files from configured folders', () => {
  const withPattern = (pattern: string) => VALID.replace('maxLength: 3', () => `pattern: '${pattern}'`);

  it('run in linear time even when they would backtrack catastrophically', () => {
    const rule = loadRuleFile(ruleFile(withPattern('^(a+)+$')));
    const started = process.hrtime.bigint();
    expect(rule.validate?.({ remarks: 'a'.repeat(5000) + 'b' })).toBe(false);
    // A backtracking engine would take longer than the age of the universe here; RE2 needs milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(10);
  });

  it('are refused when loaded if RE2 cannot run them in linear time', () => {
    expect(loadError(withPattern('^(?=x)x$'))).toMatch(/:10: the rule's schema does not compile: .*unsupported Perl syntax/);
  });
});

describe('options of a named check', () => {
  it('are validated against the check\'s own options schema, with the line of the bad option', () => {
    const text = VALID.replace(
      /schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/,
      'check:\n  name: required-contacts\n  options:\n    unit: 5\n    individual: [mobile]\n',
    ).replace("default: { zh-CN: '{path} 不对', en: '{path} is wrong' }", "default: { zh-CN: '{path} 不对', en: '{path} is wrong' }\n  office-phone-or-home-phone: { zh-CN: x, en: x }\n  any-of: { zh-CN: x, en: x }");
    expect(loadError(text)).toMatch(/^rules\/my-rule\.yaml:1[2-5]: invalid option: \/unit must be of type array/);
  });
});

describe('options that point into the record', () => {
  it('name a field of the filing format, or the rule would stay silent on every record', () => {
    expect(isFilingPointer('/verification/onSite/verifiedAt')).toBe(true);
    expect(isFilingPointer('/retention/retainUntil')).toBe(true);
    expect(isFilingPointer('/websites/0/domains/1/name')).toBe(true);
    expect(isFilingPointer('/principal/document/validUntil')).toBe(true);
    expect(isFilingPointer('/verification/onSite/verifedAt')).toBe(false);
    expect(isFilingPointer('/websites/first/name')).toBe(false);
    expect(isFilingPointer('/websites/01/name')).toBe(false);
    expect(isFilingPointer('verification')).toBe(false);
  });

  it('a typo in a rule file is an invalid option, at its line', () => {
    const text = VALID.replace(
      /schema:\n  properties:\n    remarks: \{ maxLength: 3 \}\n/,
      'check:\n  name: retention-period\n  options:\n    from: /verification/onSite/verifedAt\n    to: /retention/retainUntil\n    years: 5\n',
    ).replace("default: { zh-CN: '{path} 不对', en: '{path} is wrong' }", "default: { zh-CN: '{path} 不对', en: '{path} is wrong' }\n  invalid-date: { zh-CN: x, en: x }");
    expect(loadError(text)).toMatch(/^rules\/my-rule\.yaml:1[2-6]: invalid option: \/from is "\/verification\/onSite\/verifedAt", which names no field of the filing format/);
  });

  it('a typo in a config\'s options stops the run with the same reason', () => {
    const options = { from: '/verification/onSite/verifedAt', to: '/retention/retainUntil', years: 5 };
    expect(() => createLinter({ config: { rules: { 'retention-period': { options } } } })).toThrow(/names no field of the filing format/);
  });
});

describe('rule descriptions folded in YAML', () => {
  it('read in Chinese without the space folding puts between lines, and keep it next to Latin text', async () => {
    const { bundledRuleSet } = await import('../../src/engine/index.js');
    const zh = bundledRuleSet().byId.get('duplicate-domain')!.description['zh-CN'];
    expect(zh).toContain('对不上号。比较时');
    expect(zh).toContain('与其 Punycode 形式');
    for (const rule of bundledRuleSet().rules) expect(rule.description['zh-CN'], rule.id).not.toMatch(/[。；，：）] (?=\p{Script=Han})/u);
  });
});
