import { describe, expect, it } from 'vitest';
import { applyDirectives } from '../../src/engine/directives.js';
import type { LintMessage } from '../../src/engine/index.js';
import { parseDirectiveComment, yamlDirectives } from '../../src/input/directives.js';
import { testLinter } from '../support/lint.js';

// The pure part: messages and directives in, the messages kept and the
// directives' own reports out. Positions are all that matter here, so the
// messages are made up; the YAML texts only carry the comments.

function message(ruleId: string, line: number, column = 3): LintMessage {
  return { ruleId, severity: 'error', message: `${ruleId} at ${line}`, record: 0, filingId: 'F-1', path: '/x', line, column, endLine: line, endColumn: column + 1 };
}

const shown = (messages: LintMessage[]) => messages.map((m) => `${m.line}:${m.ruleId}${m.ruleId === 'unused-directive' ? ` ${m.message}` : ''}`);

describe('directive comments', () => {
  it('reads the kind, the rules and the reason as ESLint does', () => {
    expect(parseDirectiveComment('# beianlint-disable-next-line whitespace, schema -- pasted from the scan')).toEqual({
      kind: 'disable-next-line',
      rules: ['whitespace', 'schema'],
      reason: 'pasted from the scan',
    });
    expect(parseDirectiveComment('#beianlint-disable')).toEqual({ kind: 'disable', rules: [] });
    expect(parseDirectiveComment('# beianlint-enable -- done')).toEqual({ kind: 'enable', rules: [], reason: 'done' });
    expect(parseDirectiveComment('# beianlint-disable-line schema')).toEqual({ kind: 'disable-line', rules: ['schema'] });
  });

  it('takes no ordinary comment, nor a word that only starts like a directive', () => {
    expect(parseDirectiveComment('# checked by hand')).toBeUndefined();
    expect(parseDirectiveComment('# beianlint-disabled whitespace')).toBeUndefined();
    expect(parseDirectiveComment('# see beianlint-disable in the README')).toBeUndefined();
  });

  it('finds directives in comments only, with their positions', () => {
    const text = ['a: "x # beianlint-disable-line schema"', 'b: |', '  # beianlint-disable', '  text', 'c: 1  # beianlint-disable-line schema', '# beianlint-enable'].join('\n');
    expect(yamlDirectives(text).map((d) => [d.kind, d.range.line, d.range.column])).toEqual([
      ['disable-line', 5, 7],
      ['enable', 6, 1],
    ]);
  });
});

describe('applyDirectives', () => {
  const linter = testLinter();

  it('drops what a next-line directive covers, for its rules only', () => {
    const directives = yamlDirectives(['a: 1', '# beianlint-disable-next-line whitespace', 'b: 2'].join('\n'));
    const out = applyDirectives([message('whitespace', 3), message('schema', 3), message('whitespace', 4)], directives, linter);
    expect(shown(out)).toEqual(['3:schema', '4:whitespace']);
  });

  it('turns rules off from a disable to its enable, and every rule with none named', () => {
    const text = ['# beianlint-disable whitespace', 'a: 1', '# beianlint-enable whitespace', 'b: 2', '# beianlint-disable', 'c: 3', '# beianlint-enable schema', 'd: 4'].join('\n');
    const messages = [message('whitespace', 2), message('schema', 2), message('whitespace', 4), message('whitespace', 6), message('schema', 6), message('whitespace', 8), message('schema', 8)];
    expect(shown(applyDirectives(messages, yamlDirectives(text), linter))).toEqual(['2:schema', '4:whitespace', '8:schema']);
  });

  it('reports each rule of a directive that covered nothing, and an enable with nothing to turn on', () => {
    const text = ['# beianlint-disable-next-line whitespace, schema', 'a: 1', '# beianlint-enable', '# beianlint-disable-line'].join('\n');
    const out = applyDirectives([message('whitespace', 2)], yamlDirectives(text), linter);
    expect(shown(out)).toEqual([
      '1:unused-directive unused beianlint-disable-next-line directive: no problem from rule schema to suppress here',
      '3:unused-directive unused beianlint-enable directive: no rule was turned off before it',
      '4:unused-directive unused beianlint-disable-line directive: no problem to suppress here',
    ]);
    expect(out.every((m) => m.severity === 'warning' && m.path === '' && m.filingId === null)).toBe(true);
  });

  it('names an unknown rule, with the one probably meant', () => {
    const out = applyDirectives([message('whitespace', 2)], yamlDirectives('# beianlint-disable-next-line whitespaces\na: 1'), linter);
    expect(shown(out)).toEqual(['1:unused-directive beianlint-disable-next-line names unknown rule "whitespaces"; did you mean "whitespace"?', '2:whitespace']);
    const zh = applyDirectives([], yamlDirectives('# beianlint-disable no-such-rule-at-all'), testLinter({ locale: 'zh-CN' }));
    expect(zh.map((m) => m.message)).toEqual(['指令 beianlint-disable 中的规则 "no-such-rule-at-all" 不存在']);
  });

  it('writes no report while unused-directive is off, and still applies the directives', () => {
    const off = testLinter({ rules: { 'unused-directive': 'off' } });
    const text = '# beianlint-disable-next-line schema\na: 1\n# beianlint-disable-next-line whitespace\nb: 1';
    expect(shown(applyDirectives([message('whitespace', 4)], yamlDirectives(text), off))).toEqual([]);
  });

  it('keeps every message when there is no directive', () => {
    const messages = [message('schema', 1), message('whitespace', 2)];
    expect(applyDirectives(messages, [], linter)).toEqual(messages);
  });
});
