import { describe, expect, it } from 'vitest';
import { bundledRuleSet } from '../../src/engine/index.js';
import { patched } from '../support/records.js';
import { lintRecords, messagesOf, testLinter, lintTextWith } from '../support/lint.js';

// Every rule file carries at least one passing and one failing example; the
// docs show them and this test holds each rule to them, path for path.
const { rules } = bundledRuleSet();

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has a passing and a failing example', () => {
    expect(rule.examples.some((e) => e.valid)).toBe(true);
    expect(rule.examples.some((e) => !e.valid)).toBe(true);
  });

  it.each(rule.examples.map((e, i) => [`${e.valid ? 'passes' : 'fails'}: ${e.title ?? `example ${i + 1}`}`, e] as const))('%s', (_title, example) => {
    const now = example.now ? new Date(example.now.length === 10 ? `${example.now}T12:00:00+08:00` : example.now) : undefined;
    let result;
    if (example.text !== undefined) {
      const format = example.format ?? 'json';
      result = lintTextWith(testLinter({ ...(now ? { now } : {}) }), example.text, `/virtual/example.${format}`, format);
    } else {
      const first = patched(example.base, example);
      const more = (example.records ?? []).map((p) => patched(example.base, p));
      result = lintRecords([first, ...more], { ...(now ? { now } : {}), format: more.length ? 'jsonl' : 'json' });
    }
    const reported = messagesOf(result, id);
    if (example.valid) {
      expect(reported.map((m) => `${m.path}: ${m.message}`)).toEqual([]);
    } else {
      expect([...new Set(reported.map((m) => m.path))].sort()).toEqual([...(example.expect ?? [])].sort());
      for (const m of reported) {
        expect(m.line).toBeGreaterThan(0);
        expect(m.message).not.toMatch(/\{[A-Za-z]+\}/);
      }
    }
  });
});
