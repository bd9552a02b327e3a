import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleFile } from '../../src/engine/rules.js';
import { interpolate } from '../../src/engine/messages.js';
import { createAjv } from '../../src/schema/ajv.js';
import { closestName, describeSchemaProblem, explainSchemaErrors } from '../../src/schema/explain.js';
import { patched } from '../support/records.js';

// Issue 17: an unknown field that is a slip of a key or two from a field the
// format declares gets "did you mean `officePhone`?", in both languages.

const FILING_SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../schemas/filing.schema.json', import.meta.url)), 'utf8')) as object;
const validateFiling = createAjv().compile(FILING_SCHEMA);

/** The schema problems of a record, as the `schema` rule is given them when it passes the filing schema. */
function problemsOf(record: unknown) {
  expect(validateFiling(record)).toBe(false);
  return explainSchemaErrors(validateFiling.errors, record, FILING_SCHEMA);
}

describe('an unknown field close to a declared one', () => {
  it('names the declared field, at the unknown key', () => {
    const record = patched('individual-draft', { set: { '/principal/contacts/officephone': '010-65123456' } });
    expect(problemsOf(record)).toEqual([
      { path: '/principal/contacts/officephone', keyword: 'unknown-field-did-you-mean', locateKey: true, data: { field: 'officephone', suggestion: 'officePhone' } },
    ]);
  });

  it('is said by the schema rule’s message in both locales', () => {
    const rule = loadRuleFile(fileURLToPath(new URL('../../rules/schema.yaml', import.meta.url)), 'rules/schema.yaml', { trusted: true });
    const template = rule.messages['unknown-field-did-you-mean']!;
    const data = { path: '/principal/contacts/officephone', suggestion: 'officePhone' };
    expect(interpolate(template.en, 'en', data, true)).toBe('unknown field /principal/contacts/officephone; did you mean `officePhone`?');
    expect(interpolate(template['zh-CN'], 'zh-CN', data, true)).toBe('未知字段 /principal/contacts/officephone（是否应为 `officePhone`？）');
  });

  it('is said to a rule or config author as well', () => {
    const [problem] = problemsOf(patched('individual-draft', { set: { '/remark': 'x' } }));
    expect(describeSchemaProblem(problem!)).toBe('unknown field "remark" at /remark; did you mean "remarks"?');
  });
});

describe('an unknown field with no declared one close to it', () => {
  it('keeps the message it had', () => {
    const record = patched('individual-draft', { set: { '/principal/contacts/fax': '010-65123456' } });
    expect(problemsOf(record)).toEqual([{ path: '/principal/contacts/fax', keyword: 'unknown-field', locateKey: true, data: { field: 'fax' } }]);
  });

  it('keeps it too when the errors come without their schema', () => {
    const record = patched('individual-draft', { set: { '/principal/contacts/officephone': '010-65123456' } });
    validateFiling(record);
    expect(explainSchemaErrors(validateFiling.errors, record)).toEqual([
      { path: '/principal/contacts/officephone', keyword: 'unknown-field', locateKey: true, data: { field: 'officephone' } },
    ]);
  });

  it('does not suggest a field the object already has', () => {
    const record = patched('individual-draft', { set: { '/principal/contacts/mobil': '13912345678' } });
    expect(record).toHaveProperty(['principal', 'contacts', 'mobile']);
    expect(problemsOf(record)[0]).toMatchObject({ keyword: 'unknown-field', data: { field: 'mobil' } });
  });
});

describe('closestName', () => {
  it('takes a name within two edits that is not mostly edits', () => {
    expect(closestName('officephone', ['mobile', 'officePhone', 'email'])).toBe('officePhone');
    expect(closestName('emial', ['mobile', 'officePhone', 'email'])).toBe('email');
    expect(closestName('ab', ['xy', 'abc'])).toBe('abc');
    expect(closestName('xy', ['ab'])).toBeUndefined();
    expect(closestName('frobnicate', ['format', 'quiet'])).toBeUndefined();
  });
});
