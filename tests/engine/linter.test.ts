import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRuleSet, createLinter, Linter, type Rule, type RuleSet } from '../../src/engine/index.js';
import { lintFiles, lintText } from '../../src/runner/index.js';
import { patched } from '../support/records.js';
import { TEST_NOW, lintTextWith } from '../support/lint.js';
import { ruleSetOf, syntheticRule } from '../support/synthetic-rules.js';



describe('the Linter', () => {
  it('reports a check that throws as that rule\'s message on that record, and goes on', () => {
    const boom = syntheticRule('boom', () => {
      throw new TypeError('cannot read x');
    });
    const fine = syntheticRule('fine', (ctx) => ctx.report({ path: '/filingId' }));
    const linter = new Linter({ ruleSet: ruleSetOf([boom, fine]), now: TEST_NOW });
    const result = lintTextWith(linter, '[{"filingId": "A"}, {"filingId": "B"}]', 'x.json');
    expect(result.messages.map((m) => [m.ruleId, m.record])).toEqual([
      ['boom', 0],
      ['fine', 0],
      ['boom', 1],
      ['fine', 1],
    ]);
    expect(result.messages[0]!.message).toContain('cannot read x');
  });

  it('runs a rule only from the stage it applies from', () => {
    const seen: unknown[] = [];
    const late = syntheticRule('late', (ctx) => seen.push((ctx.record as { stage: string }).stage), { appliesFrom: 'submitted' });
    const linter = new Linter({ ruleSet: ruleSetOf([late]) });
    lintTextWith(linter, JSON.stringify(['draft', 'verified', 'submitted', 'approved', 'returned', 'bogus', 42].map((stage) => ({ stage }))), 'x.json');
    expect(seen).toEqual(['submitted', 'approved', 'returned']);
  });

  it('appends the clause in the locale\'s brackets and fills placeholders', () => {
    const rule = syntheticRule('fine', (ctx) => ctx.report({ path: '/filingId' }));
    const en = lintTextWith(new Linter({ ruleSet: ruleSetOf([rule]), locale: 'en' }), '{"filingId": "A"}', 'x.json');
    const zh = lintTextWith(new Linter({ ruleSet: ruleSetOf([rule]), locale: 'zh-CN' }), '{"filingId": "A"}', 'x.json');
    expect(en.messages[0]!.message).toBe('/filingId is wrong (一、4)');
    expect(zh.messages[0]!.message).toBe('/filingId 不对（一、4）');
  });

  it('refuses settings for unknown rules and options for rules without any', () => {
    expect(() => new Linter({ ruleSet: bundledRuleSet(), rules: { 'no-such-rule': 'off' } })).toThrow(/unknown rule "no-such-rule"/);
    expect(() => new Linter({ ruleSet: bundledRuleSet(), rules: { schema: { options: { x: 1 } } } })).toThrow(/takes no options/);
  });

  it('turns rules off and changes their severity', () => {
    const text = JSON.stringify(patched('individual-draft', { unset: ['/principal/name'] }));
    const on = lintText(text, { filePath: 'a.json', config: false, now: TEST_NOW });
    expect(on.messages.find((m) => m.ruleId === 'schema')?.severity).toBe('error');
    const warn = lintText(text, { filePath: 'a.json', config: false, now: TEST_NOW, rules: { schema: 'warning' } });
    expect(warn.messages.find((m) => m.ruleId === 'schema')?.severity).toBe('warning');
    expect(warn.errorCount).toBe(on.errorCount - on.messages.filter((m) => m.ruleId === 'schema').length);
    const off = lintText(text, { filePath: 'a.json', config: false, now: TEST_NOW, rules: { schema: 'off' } });
    expect(off.messages.filter((m) => m.ruleId === 'schema')).toEqual([]);
  });
});

describe('lintFiles', () => {
  it('runs batch rules across files and names the earlier file in the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-files-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(patched('individual-draft'), null, 2));
    writeFileSync(join(dir, 'b.yaml'), `# same filing id, another file\n${JSON.stringify(patched('individual-draft'))}\n`);
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const [a, b] = await lintFiles(['a.json', 'b.yaml'], { linter, cwd: dir });
    expect(a!.messages.filter((m) => m.ruleId.startsWith('batch-'))).toEqual([]);
    const dup = b!.messages.find((m) => m.ruleId === 'batch-duplicate-filing-id');
    expect(dup).toMatchObject({ path: '/filingId', line: 2, record: 0 });
    // The earlier record is named for people: counted from 1, and by the line it starts on.
    expect(dup!.message).toBe('filing id "F-2026-0002" is already used by record 1 of a.json, line 1');
  });

  it('reports an unreadable or binary file and still lints the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-files-'));
    writeFileSync(join(dir, 'bin.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{"owner": {"name": "\xe9"}}', 'latin1'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(patched('individual-draft')));
    const results = await lintFiles(['bin.json', 'latin1.json', 'good.json'], { config: false, now: TEST_NOW, cwd: dir });
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['parse-error'], ['parse-error'], []]);
    expect(results[0]!.messages[0]!.message).toBe('this is a binary file, not a filing record');
    expect(results[1]!.messages[0]!.message).toBe('the file is not valid UTF-8 (export it as UTF-8)');
  });

  it('skips a JSON file over --max-file-size with advice, and still streams a JSONL file of any size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-files-'));
    const record = JSON.stringify(patched('individual-draft'));
    writeFileSync(join(dir, 'big.json'), `[${record}, ${record}]`);
    writeFileSync(join(dir, 'big.jsonl'), `${record}\n${JSON.stringify(patched('individual-draft', { set: { '/filingId': 'F-B' } }))}\n`);
    const maxFileSize = Buffer.byteLength(record) + 10;
    const [json, jsonl] = await lintFiles(['big.json', 'big.jsonl'], { config: false, now: TEST_NOW, cwd: dir, maxFileSize });
    expect(json!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['parse-error', 1, 1]]);
    expect(json!.messages[0]!.message).toMatch(/exceeds --max-file-size .* export large batches as JSONL/);
    expect(jsonl!.messages).toEqual([]);
  });
});
