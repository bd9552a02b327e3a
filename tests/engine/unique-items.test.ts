import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleFile } from '../../src/engine/index.js';
import { createAjv } from '../../src/schema/ajv.js';

/** A user rule (as from a configured folder) whose schema holds `websites` to `websitesSchema`. */
function userRule(websitesSchema: object) {
  const schema = { properties: { websites: websitesSchema } };
  const text = `id: unique-sites
severity: error
clause: 一、3
appliesFrom: draft
scope: record
title: { zh-CN: 网站不重复, en: Websites differ }
description: { zh-CN: 说明, en: Description }
messages:
  default: { zh-CN: '{path} 不对', en: '{path} is wrong' }
schema: ${JSON.stringify(schema)}
examples:
  - { valid: true, base: individual-draft }
  - { valid: false, base: individual-draft, set: { /remarks: x }, expect: [/remarks] }
`;
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-unique-'));
  writeFileSync(join(dir, 'unique-sites.yaml'), text);
  const rule = loadRuleFile(join(dir, 'unique-sites.yaml'));
  // ajv's own check, for the same schema: what the rule must keep reporting.
  const reference = createAjv().compile(schema);
  return { validate: rule.validate!, reference };
}

function website(i: number) {
  return { domain: `site-${i}.example.cn`, homepage: `https://site-${i}.example.cn/`, language: ['zh-CN'], services: { kind: 'news', approvals: [] } };
}

describe("a user rule's uniqueItems", () => {
  // No timing is asserted (these machines are shared): the test's own timeout is the hang guard. Comparing
  // every pair, ajv's way, costs the square of the length, and this many items run for minutes that way.
  it('checks an array of tens of thousands of objects in one pass', { timeout: 60_000 }, () => {
    const { validate } = userRule({ uniqueItems: true });
    const websites = Array.from({ length: 40_000 }, (_, i) => website(i));
    expect(validate({ websites })).toBe(true);
    websites.push({ ...website(17) });
    expect(validate({ websites })).toBe(false);
    expect(validate.errors).toEqual([
      {
        instancePath: '/websites',
        schemaPath: '#/properties/websites/uniqueItems',
        keyword: 'uniqueItems',
        params: { i: 40_000, j: 17 },
        message: 'must NOT have duplicate items (items ## 17 and 40000 are identical)',
      },
    ]);
  });

  it("reports exactly ajv's errors, in ajv's order, for any array", () => {
    // A small pool of values, so that arrays repeat items, often as objects with their keys in another order.
    const scalar = fc.oneof(fc.constantFrom(0, -0, 1, 1.5, NaN, '', '1', 'a', true, false, null), fc.integer({ min: 0, max: 3 }));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'constructor'), tie('value'), { maxKeys: 3, noNullPrototype: true }),
    })).value;
    const schemas = [
      { uniqueItems: true },
      { type: 'array', items: { type: 'object' }, uniqueItems: true },
      { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true },
      { type: 'array', maxItems: 3, contains: { type: 'object' }, minContains: 2, uniqueItems: true, items: { not: { const: 'a' } } },
      { items: true, uniqueItems: false },
    ];
    const rules = schemas.map((schema) => userRule(schema));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (websites) => {
        for (const { validate, reference } of rules) {
          expect(validate({ websites })).toBe(reference({ websites }));
          expect(validate.errors).toEqual(reference.errors);
        }
      }),
      { numRuns: 500 },
    );
  });
});
