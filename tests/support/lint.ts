import { bundledRuleSet, Linter, type LintMessage, type LintResult, type Locale } from '../../src/engine/index.js';
import type { SourceFormat } from '../../src/input/index.js';
import { lintText } from '../../src/runner/index.js';

/** The day every test runs on, so date rules give the same answer on any day. */
export const TEST_NOW = new Date('2026-11-29T12:00:00+08:00');

export function testLinter(options: { locale?: Locale; redact?: boolean; now?: Date; rules?: Record<string, 'off' | 'info' | 'warning' | 'error'> } = {}): Linter {
  return new Linter({ ruleSet: bundledRuleSet(), locale: options.locale ?? 'en', redact: options.redact ?? true, now: options.now ?? TEST_NOW, rules: options.rules ?? {} });
}

export function lintRecords(records: unknown[], options: Parameters<typeof testLinter>[0] & { format?: SourceFormat } = {}): LintResult {
  const format = options.format ?? 'json';
  const text = format === 'jsonl' ? records.map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records.length === 1 ? records[0] : records, null, 2);
  return lintTextWith(testLinter(options), text, `/virtual/records.${format}`, format);
}

/** One text linted on its own with `linter` (record, source and batch rules), as an editor buffer is. */
export function lintTextWith(linter: Linter, text: string, filePath: string, format?: SourceFormat): LintResult {
  return lintText(text, { filePath, linter, ...(format ? { format } : {}) });
}

export function messagesOf(result: LintResult, ruleId: string): LintMessage[] {
  return result.messages.filter((m) => m.ruleId === ruleId);
}
