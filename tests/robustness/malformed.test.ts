import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/runner/index.js';
import { readSource, readSourceSync } from '../../src/input/read-file.js';
import { TEST_NOW } from '../support/lint.js';

// Each malformed file gives one clear parse-error with a position where one
// exists, and never stops the other files of the run from being linted.
const CASES: Array<[name: string, content: string | Buffer, message: string, line: number, column: number]> = [
  ['empty.json', '', 'the file is empty; it holds no filing record', 1, 1],
  ['blank.json', '  \r\n\t\n', 'the file is empty; it holds no filing record', 1, 1],
  ['bom-only.json', '\uFEFF', 'the file is empty; it holds no filing record', 1, 1],
  ['empty.yaml', '# nothing but a comment\n', 'the file is empty; it holds no filing record', 1, 1],
  ['truncated.json', '{\r\n  "schemaVersion": 1,\r\n  "owner": {"name": "张三"', 'JSON syntax error: the object is not closed with }', 3, 25],
  ['comments.json', '{\n  /* exported */ "schemaVersion": 1\n}', 'JSON syntax error: JSON does not allow comments', 2, 3],
  ['nan.json', '{"schemaVersion": NaN}', 'JSON syntax error: invalid symbol', 1, 19],
  ['infinity.json', '{"schemaVersion": 1, "x": -Infinity}', 'JSON syntax error: invalid symbol', 1, 27],
  ['trailing.json', '{"a": 1} {"b": 2}', 'JSON syntax error: text after the value (use a JSON array or JSONL for several records)', 1, 10],
  ['binary.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'this is a binary file, not a filing record', 1, 1],
  ['gbk.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xd5, 0xc5, 0xc8, 0xfd, 0x22, 0x7d]), 'the file is not valid UTF-8 (export it as UTF-8)', 1, 1],
  ['deep.yaml', '['.repeat(100_000) + ']'.repeat(100_000), 'nested too deeply to parse (a filing record nests only a few levels)', 1, 1],
  ['tab.yaml', 'owner:\n\tname: x\n', 'YAML syntax error', 2, 1],
  ['notes.txt', 'hello', 'unsupported file type (use .json, .jsonl, .ndjson, .yaml or .yml)', 1, 1],
];

describe('malformed files', () => {
  it.each(CASES)('%s', async (name, content, message, line, column) => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'after.json'), '{}');
    const [bad, after] = await lintFiles([name, 'after.json'], { config: false, cwd: dir, now: TEST_NOW });
    expect(bad!.messages).toHaveLength(1);
    expect(bad!.messages[0]).toMatchObject({ ruleId: 'parse-error', severity: 'error', line, column });
    expect(bad!.messages[0]!.message.startsWith(message)).toBe(true);
    expect(after!.messages.length).toBeGreaterThan(0);
  });

  it('reports 100,000 levels of nesting in JSON once, as a record nested too deep, on any thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    writeFileSync(join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(join(dir, 'deep-field.json'), '{"remarks": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    writeFileSync(join(dir, 'deep.jsonl'), `{"remarks": ${'['.repeat(5_000)}${']'.repeat(5_000)}}\n{"filingId": "NEXT"}\n`);
    const tooDeep = ['parse-error', '', 'nested too deeply to parse (a filing record nests only a few levels)'];
    for (const concurrency of ['off', 2] as const) {
      const [deep, field, lines] = await lintFiles(['deep.json', 'deep-field.json', 'deep.jsonl'], { config: false, cwd: dir, now: TEST_NOW, concurrency, chunkBytes: 1024 });
      expect(deep!.messages.map((m) => [m.ruleId, m.path, m.message])).toEqual([tooDeep]);
      expect(field!.messages.map((m) => [m.ruleId, m.path, m.message])).toEqual([tooDeep]);
      expect(lines!.messages.filter((m) => m.record === 0).map((m) => [m.ruleId, m.path, m.message, m.line])).toEqual([[...tooDeep, 1]]);
      expect(lines!.messages.some((m) => m.record === 1)).toBe(true);
    }
  });

  it('lints a record nested as deep as MAX_NESTING, and reports one a level deeper', async () => {
    const { MAX_NESTING } = await import('../../src/input/record-source.js');
    const nest = (levels: number) => `{"remarks": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    writeFileSync(join(dir, 'at-limit.json'), nest(MAX_NESTING));
    writeFileSync(join(dir, 'past-limit.json'), nest(MAX_NESTING + 1));
    const [atLimit, pastLimit] = await lintFiles(['at-limit.json', 'past-limit.json'], { config: false, cwd: dir, now: TEST_NOW });
    expect(atLimit!.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
    expect(atLimit!.messages.find((m) => m.path === '/remarks')?.ruleId).toBe('schema');
    expect(pastLimit!.messages.map((m) => m.ruleId)).toEqual(['parse-error']);
  });

  it('lints a 100 MB single line like any other record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    const huge = `{"filingId": "HUGE", "remarks": "${'备'.repeat(35_000_000)}"}`; // about 100 MB of UTF-8
    writeFileSync(join(dir, 'huge.jsonl'), `${huge}\n{"filingId": "NEXT"}\n`);
    const [result] = await lintFiles(['huge.jsonl'], { config: false, cwd: dir, now: TEST_NOW });
    const records = new Set(result!.messages.map((m) => m.record));
    expect([...records].sort()).toEqual([0, 1]);
    expect(result!.messages.find((m) => m.record === 0 && m.path === '/owner')).toMatchObject({ ruleId: 'schema', line: 1 });
  });

  it('reports a file that vanished between listing and reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    expect(await readSource(join(dir, 'gone.json'))).toEqual({ ok: false, reason: 'read-error', detail: 'ENOENT' });
    expect(readSourceSync(join(dir, 'gone.json'), 10)).toEqual({ ok: false, reason: 'read-error', detail: 'ENOENT' });
  });

  it('reads a small file whole even when it grew or shrank after its size was taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-bad-'));
    const text = '{"filingId": "F-1", "remarks": "备案"}\n';
    writeFileSync(join(dir, 'a.json'), text);
    const size = Buffer.byteLength(text);
    for (const known of [0, 1, size - 1, size, size + 1, size * 3]) {
      expect(readSourceSync(join(dir, 'a.json'), known), String(known)).toEqual({ ok: true, text });
    }
  });
});
