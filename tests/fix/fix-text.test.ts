import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Linter, type Rule, type RuleSet } from '../../src/engine/index.js';
import { applyEdits, editsOf, fixText, movedThroughFixes } from '../../src/runner/fix.js';
import { TEST_NOW, testLinter } from '../support/lint.js';
import { patched } from '../support/records.js';
import { ruleSetOf, syntheticRule } from '../support/synthetic-rules.js';

/** These rules see the record as parsed: their fixes are of the raw value. */
const RAW = { raw: true };

const SLIPS = readFileSync(new URL('../fixtures/fix/slips.yaml', import.meta.url), 'utf8');

describe('fixText', () => {
  it('fixes a YAML filing and keeps its comments, key order, quoting and indentation', () => {
    const fixed = fixText(SLIPS, { filePath: '/virtual/slips.yaml', linter: testLinter() });
    const expected = SLIPS.replace('４４０３０５１９９００８１５１１８Ｘ', '44030519900815118X')
      .replace("'李四　'", "'李四'")
      .replace('"44030519900815118x"', '"44030519900815118X"')
      .replace('lisi-blog.cn.', 'lisi-blog.cn')
      .replace("'blog '", "'blog'")
      .replace('深圳示例云计算有限公司　', '深圳示例云计算有限公司');
    expect(fixed.worsened).toBe(false);
    expect(fixed.output).toBe(expected);
    // The block scalar's padding stays, unfixed, and is still reported.
    expect(fixed.result.messages.map((m) => [m.ruleId, m.path])).toEqual([['whitespace', '/websites/0/name']]);
    expect(fixed.result.messages[0]!.fix).toBeUndefined();
  });

  it('in JSON Lines, changes only the fixed values and leaves the other lines byte for byte', () => {
    const clean = JSON.stringify(patched('individual-draft'));
    const slip = JSON.stringify(patched('individual-draft', { set: { '/principal/document/number': '44030519900815118x', '/websites/0/domains/0/name': ' lisi-blog.cn.' } }));
    const text = `${clean.replace('{', '{ ')}\r\n${slip}\r\n{"broken": \n${clean}`;
    const fixed = fixText(text, { filePath: '/virtual/batch.jsonl', linter: testLinter() });
    const before = text.split('\r\n');
    const after = fixed.output.split('\r\n');
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).toBe(before[1]!.replace('44030519900815118x', '44030519900815118X').replace('" lisi-blog.cn."', '"lisi-blog.cn"'));
  });

  it('applies the first of two overlapping fixes and the other in the next pass', () => {
    const text = JSON.stringify(patched('individual-draft', { set: { '/principal/document/number': ' 44030519900815118x ' } }), null, 2);
    const fixed = fixText(text, { filePath: '/virtual/record.json', linter: testLinter() });
    expect(fixed.passes).toHaveLength(2);
    expect(fixed.passes[0]!.edits).toHaveLength(1);
    expect((JSON.parse(fixed.output) as { principal: { document: { number: string } } }).principal.document.number).toBe('44030519900815118X');
    expect(fixed.result.messages.filter((m) => m.fix)).toEqual([]);
  });

  it('stops after the passes it is given', () => {
    const text = JSON.stringify(patched('individual-draft', { set: { '/principal/document/number': ' 44030519900815118x ' } }), null, 2);
    const fixed = fixText(text, { filePath: '/virtual/record.json', linter: testLinter(), maxPasses: 1 });
    expect(fixed.passes).toHaveLength(1);
    expect(fixed.result.messages.some((m) => m.fix)).toBe(true);
  });

  it('keeps nothing when a pass would add a problem', () => {
    const linter = new Linter({ ruleSet: ruleSetOf([fixesToBad, dislikesBad]), now: TEST_NOW });
    const text = '{"a": "x ", "b": "y "}';
    const fixed = fixText(text, { filePath: '/virtual/a.json', linter });
    expect(fixed.worsened).toBe(true);
    expect(fixed.output).toBe(text);
    expect(fixed.passes).toEqual([]);
  });

  it('moves a message of the text before the fixes to where its value now stands', () => {
    const text = '{"a": "   x", "b": "y"}';
    const linter = new Linter({ ruleSet: ruleSetOf([trims]), now: TEST_NOW });
    const fixed = fixText(text, { filePath: '/virtual/a.json', linter });
    expect(fixed.output).toBe('{"a": "x", "b": "y"}');
    const aboutB = { ruleId: 'batch-x', severity: 'error', message: 'm', record: 0, filingId: null, path: '/b', line: 1, column: 20, endLine: 1, endColumn: 23 } as const;
    expect(movedThroughFixes(aboutB, fixed)).toMatchObject({ line: 1, column: 17, endLine: 1, endColumn: 20 });
  });
});

describe('editsOf and applyEdits', () => {
  it('place fixes by line and UTF-16 column after a byte order mark, over CRLF and lone CR line ends', () => {
    const text = '\ufeffa\r\nb𝒳c\rdd\n';
    const fix = (line: number, column: number, endColumn: number, replacement: string) => ({ fix: { line, column, endLine: line, endColumn, text: replacement } }) as never;
    const edits = editsOf(text, [fix(2, 4, 5, 'C'), fix(3, 1, 3, 'D'), fix(3, 2, 3, 'overlapping')]);
    expect(applyEdits(text, edits)).toBe('\ufeffa\r\nb𝒳C\rD\n');
  });

  it('leave out a fix whose place is not in the text', () => {
    expect(editsOf('ab\n', [{ fix: { line: 5, column: 1, endLine: 5, endColumn: 2, text: 'x' } } as never])).toEqual([]);
    expect(editsOf('ab\n', [{ fix: { line: 1, column: 2, endLine: 1, endColumn: 9, text: 'x' } } as never])).toEqual([]);
  });
});


const field = (record: unknown, key: string): unknown => (record as Record<string, unknown>)[key];

/** Reports /a until it reads "bad", and offers "bad" as its fix: a problem of another rule the fix would add. */
const fixesToBad = syntheticRule('fixes-to-bad', (ctx) => {
  if (field(ctx.record, 'a') !== 'bad') ctx.report({ path: '/a', fix: { value: 'bad' } });
}, RAW);
const dislikesBad = syntheticRule('dislikes-bad', (ctx) => {
  if (field(ctx.record, 'a') === 'bad') ctx.report({ path: '/a' });
}, RAW);
const trims = syntheticRule('trims', (ctx) => {
  const a = field(ctx.record, 'a');
  if (typeof a === 'string' && a !== a.trim()) ctx.report({ path: '/a', fix: { value: a.trim() } });
}, RAW);
