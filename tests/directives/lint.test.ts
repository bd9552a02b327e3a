import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { lintTextWith, testLinter } from '../support/lint.js';

// Inline directives through the runner: lintText (an editor's buffer) and
// lintFiles (the command line's run, batch messages and the cache included).

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'directives');
const record = readFileSync(join(fixtures, 'record.yaml'), 'utf8');
const ADDRESS = '  address: 广东省深圳市南山区示例街道示例路 8 号';
const PADDED = '  address: " 广东省深圳市南山区示例街道示例路 8 号"';

/** The clean record with its owner's address padded (a whitespace warning), and `before` put on the line above it. */
function withPaddedAddress(before?: string): string {
  if (!record.includes(ADDRESS)) throw new Error('the fixture changed: no owner address line');
  return record.replace(ADDRESS, before === undefined ? PADDED : `${before}\n${PADDED}`);
}

const lint = (text: string, linter = testLinter()) => lintTextWith(linter, text, '/virtual/record.yaml', 'yaml');
const summary = (result: LintResult) => result.messages.map((m) => `${m.line} ${m.ruleId} ${m.path}`);

describe('inline directives in a YAML file', () => {
  it('a padded address is a warning without a directive', () => {
    expect(summary(lint(withPaddedAddress()))).toEqual(['10 whitespace /owner/address']);
  });

  it('disable-next-line with a reason suppresses it, and the counts follow', () => {
    const result = lint(withPaddedAddress('  # beianlint-disable-next-line whitespace -- copied from the ID card scan'));
    expect(result.messages).toEqual([]);
    expect([result.errorCount, result.warningCount, result.infoCount]).toEqual([0, 0, 0]);
  });

  it('a disable … enable range suppresses what lies between', () => {
    const text = withPaddedAddress('  # beianlint-disable whitespace').replace('  document:', '  # beianlint-enable whitespace\n  document:');
    expect(summary(lint(text))).toEqual([]);
    const after = withPaddedAddress().replace('owner:', '# beianlint-disable whitespace\n# beianlint-enable whitespace\nowner:');
    // The enable turns back on what the disable turned off, so only the disable is unused.
    expect(summary(lint(after))).toEqual(['5 unused-directive ', '12 whitespace /owner/address']);
  });

  it('disable-line in a trailing comment', () => {
    const text = withPaddedAddress().replace(PADDED, `${PADDED}  # beianlint-disable-line whitespace`);
    expect(summary(lint(text))).toEqual([]);
  });

  it('a # inside a quoted value is no directive', () => {
    const text = withPaddedAddress().replace(PADDED, '  address: " 示例路 8 号 # beianlint-disable-line whitespace"');
    expect(summary(lint(text))).toEqual(['10 whitespace /owner/address']);
  });

  it('an unknown rule is reported with the one meant, and suppresses nothing', () => {
    const result = lint(withPaddedAddress('  # beianlint-disable-next-line white-space'));
    expect(result.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity} ${m.message}`)).toEqual([
      '10 unused-directive warning beianlint-disable-next-line names unknown rule "white-space"; did you mean "whitespace"?',
      '11 whitespace warning /owner/address starts with whitespace (U+0020); the other rules check the value without it',
    ]);
    expect(result.warningCount).toBe(2);
  });

  it('an unused directive is reported, in either language, and not when the rule is off', () => {
    const text = record.replace('stage: draft', '# beianlint-disable-next-line schema -- no longer needed\nstage: draft');
    const en = lint(text);
    expect(en.messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn, m.message])).toEqual([
      ['unused-directive', 4, 1, 57, 'unused beianlint-disable-next-line directive: no problem from rule schema to suppress here'],
    ]);
    expect(lint(text, testLinter({ locale: 'zh-CN' })).messages.map((m) => m.message)).toEqual(['未使用的指令 beianlint-disable-next-line：此处没有规则 schema 的问题可屏蔽']);
    expect(lint(text, testLinter({ rules: { 'unused-directive': 'off' } })).messages).toEqual([]);
  });

  it('suppresses a batch rule message, through lintText and lintFiles alike', async () => {
    const text = readFileSync(join(fixtures, 'batch.yaml'), 'utf8');
    const ids = (result: LintResult) => result.messages.map((m) => m.ruleId);
    expect(ids(lint(text))).not.toContain('batch-duplicate-filing-id');
    expect(ids(lint(text.replace('# beianlint-disable', '# no longer beianlint-disable')))).toContain('batch-duplicate-filing-id');
    const [result] = await lintFiles([join(fixtures, 'batch.yaml')], { linter: testLinter(), cwd: fixtures });
    expect(ids(result!)).not.toContain('batch-duplicate-filing-id');
    expect(ids(result!)).not.toContain('unused-directive');
    expect(result!.errorCount).toBe(result!.messages.filter((m) => m.severity === 'error').length);
  });

  it('gives the same result with --cache, on the run that fills it and the one it answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-directives-'));
    const clean = join(dir, 'clean.yaml');
    // A clean file with a stale directive: the cache stores it (it had no message while linted), and
    // the directive must still be reported when the cache answers for it.
    writeFileSync(clean, record.replace('stage: draft', '# beianlint-disable-next-line schema\nstage: draft').replace('F-2026-0002', 'F-2026-0099'));
    copyFileSync(join(fixtures, 'batch.yaml'), join(dir, 'batch.yaml'));
    const run = () => lintFiles([dir], { linter: testLinter(), cwd: dir, cacheLocation: join(dir, '.cache') });
    const first = await run();
    const second = await run();
    const shown = (results: LintResult[]) => results.map((r) => [r.filePath, r.warningCount, r.errorCount, summary(r)]);
    expect(shown(second)).toEqual(shown(first));
    expect(first.find((r) => r.filePath === clean)!.messages.map((m) => m.ruleId)).toEqual(['unused-directive']);
  });
});
