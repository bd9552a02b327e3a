import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledRuleSet } from '../../src/engine/index.js';
import { stripBom } from '../../src/input/index.js';
import type { SourceFormat } from '../../src/input/index.js';
import { baseRecord, setAt, unsetAt } from '../support/records.js';
import { testLinter, lintTextWith } from '../support/lint.js';

// Mutated filings must never crash the linter, and every message must carry a
// known rule id and a position inside the file. CI runs a bounded count with
// a fixed seed; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RULE_IDS = new Set(bundledRuleSet().rules.map((r) => r.id));
const BASES = ['enterprise-approved', 'individual-draft', 'government-verified'].map((name) => baseRecord(name));

function pointers(value: unknown, prefix = '', depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 12) return [];
  // Not value.map(): a mutated array may carry a "constructor" property of its own.
  const keys = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => String(i)) : Object.keys(value);
  return keys.flatMap((k) => {
    const p = `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return [p, ...pointers((value as Record<string, unknown>)[k], p, depth + 1)];
  });
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '\uD800',
  '\uDC00x',
  '\u200B\u200D\uFEFF',
  '\u202E110101199003077777',
  '１１０１０１１９９００３０７７７７Ｘ',
  '（北京）示例',
  'ｅｘａｍｐｌｅ．ｃｏｍ',
  'e\u0301',
  '__proto__',
  'constructor',
  '\u0000',
  '😀'.repeat(50),
  '1e400',
  '2026-02-30',
  '9999-12-31T23:59:59+14:00',
);

const replacement = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: nasty },
  // Built in mutate(), so a failing case prints as a size rather than as the value itself.
  { weight: 1, arbitrary: fc.record({ deep: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.record({ huge: fc.integer({ min: 1000, max: 200_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { polluted: true }, constructor: { prototype: 1 } }) },
);

type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'unset'; at: number } | { kind: 'rename'; at: number; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('unset' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), key: fc.oneof(nasty, fc.string()) }),
);

function materialize(value: unknown): unknown {
  if (value && typeof value === 'object' && Object.keys(value).length === 1) {
    const v = value as { deep?: number; huge?: number };
    if (typeof v.deep === 'number') return JSON.parse('['.repeat(v.deep) + ']'.repeat(v.deep));
    if (typeof v.huge === 'number') return '测'.repeat(v.huge);
  }
  return value;
}

function mutate(record: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(record);
  for (const m of mutations) {
    const all = pointers(copy);
    if (all.length === 0) break;
    const p = all[m.at % all.length]!;
    if (m.kind === 'set') setAt(copy, p, materialize(m.value));
    else if (m.kind === 'unset') unsetAt(copy, p);
    else {
      const parent = p.slice(0, p.lastIndexOf('/'));
      setAt(copy, `${parent}/${m.key.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'renamed');
    }
  }
  return copy;
}

function serialize(records: unknown[], format: SourceFormat, duplicateKey: boolean, crlf: boolean, bom: boolean): string {
  let text: string;
  if (format === 'jsonl') text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  else if (format === 'yaml') text = records.map((r) => toYaml(r, { aliasDuplicateObjects: false })).join('---\n');
  else text = JSON.stringify(records.length === 1 ? records[0] : records, null, 2);
  // A repeated key, written into the text since objects cannot hold one.
  if (duplicateKey && format !== 'yaml') text = text.replace('"filingId":', '"filingId": "dup", "filingId":');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + text;
}

describe('mutated filings never crash the linter', () => {
  it('every message has a known rule id and a position inside the file', () => {
    const linter = testLinter();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<SourceFormat>('json', 'jsonl', 'yaml'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (specs, format, duplicateKey, crlf, bom) => {
          const records = specs.map(([base, muts]) => mutate(BASES[base], muts));
          let text: string;
          try {
            text = serialize(records, format, duplicateKey, crlf, bom);
          } catch {
            return; // e.g. the YAML writer refusing a lone surrogate: nothing to lint
          }
          const result = lintTextWith(linter, text, `/virtual/fuzz.${format}`, format);
          const body = stripBom(text).split(/\r\n|\n|\r/);
          for (const m of result.messages) {
            expect(RULE_IDS.has(m.ruleId), m.ruleId).toBe(true);
            expect(['error', 'warning', 'info']).toContain(m.severity);
            expect(m.line).toBeGreaterThanOrEqual(1);
            expect(m.line).toBeLessThanOrEqual(body.length);
            expect(m.column).toBeGreaterThanOrEqual(1);
            expect(m.column).toBeLessThanOrEqual((body[m.line - 1]?.length ?? 0) + 1);
            expect(m.endLine).toBeGreaterThanOrEqual(m.line);
            // No placeholder left unfilled: a {name} in a message must come from the record itself
            // (a message may quote a key or value, and the fuzzer writes braces into them).
            for (const [placeholder] of m.message.matchAll(/\{[A-Za-z]+\}/g)) expect(text, placeholder).toContain(placeholder);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('polluted');
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // `npm run fuzz` runs thousands of cases: the time allowed grows with them.
  }, Math.max(30_000, RUNS * 100));
});
