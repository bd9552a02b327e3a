import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/index.js';
import { lintFiles, lintText } from '../../src/runner/index.js';
import { TEST_NOW } from '../support/lint.js';

// An export step that wrote no record must not pass as clean: a file that
// holds none is a parse-error warning (issue 21), not silence.
describe('a file that holds no record', () => {
  const files: Record<string, string> = {
    'blank.jsonl': '\n\n  \n\r\n',
    'empty-array.json': '[ ]\n',
  };

  it('is a warning at its first line, in lintFiles and in lintText', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-empty-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const results = await lintFiles(Object.keys(files), { linter, cwd: dir });
    for (const result of results) {
      expect(result.messages, result.filePath).toEqual([
        expect.objectContaining({ ruleId: 'parse-error', severity: 'warning', line: 1, column: 1, record: 0 }),
      ]);
      expect(result.warningCount).toBe(1);
      expect(result.errorCount).toBe(0);
    }
    for (const [name, text] of Object.entries(files)) {
      expect(lintText(text, { filePath: join(dir, name), linter }).messages.map((m) => m.severity)).toEqual(['warning']);
    }
  });

  it('says so in both languages', () => {
    const zh = createLinter({ config: false, now: TEST_NOW, locale: 'zh-CN' });
    const en = createLinter({ config: false, now: TEST_NOW, locale: 'en' });
    expect(lintText('\n', { filePath: 'x.jsonl', linter: zh }).messages[0]!.message).toContain('没有备案记录');
    expect(lintText('\n', { filePath: 'x.jsonl', linter: en }).messages[0]!.message).toContain('holds no filing record');
  });

  it('is an error when the user sets parse-error to error, and silent when off', () => {
    const strict = createLinter({ config: false, now: TEST_NOW, rules: { 'parse-error': 'error' } });
    const off = createLinter({ config: false, now: TEST_NOW, rules: { 'parse-error': 'off' } });
    expect(lintText('[]', { filePath: 'x.json', linter: strict }).messages.map((m) => m.severity)).toEqual(['error']);
    expect(lintText('[]', { filePath: 'x.json', linter: off }).messages).toEqual([]);
  });

  it('is no warning for a file with a record, or with a fault', () => {
    const linter = createLinter({ config: false, now: TEST_NOW });
    expect(lintText('{"filingId": ', { filePath: 'x.json', linter }).messages.map((m) => m.severity)).toEqual(['error']);
    expect(lintText('', { filePath: 'x.json', linter }).messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });
});
