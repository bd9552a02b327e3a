import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, type ScalarEdit, type SourceFormat, type SourceItem, type SourceRecord } from '../../src/input/index.js';
import { streamedJsonArray } from '../../src/input/json-array-stream.js';
import { applyEdits, editsOf } from '../../src/runner/fix.js';
import type { LintMessage } from '../../src/engine/index.js';

function records(items: Iterable<SourceItem>): SourceRecord[] {
  return [...items].filter((i): i is SourceRecord => i.kind === 'record');
}

function recordOf(text: string, format: SourceFormat, index = 0): SourceRecord {
  const record = records(parseSource(text, format))[index];
  if (!record) throw new Error('no such record');
  return record;
}

/** The text with one edit applied, through the same code --fix uses. */
function edited(text: string, edit: ScalarEdit): string {
  const message = { fix: edit } as unknown as LintMessage;
  return applyEdits(text, editsOf(text, [message]));
}

/** Sets `pointer` of record `index` to `value` in the text, or undefined when the record offers no edit. */
function withValue(text: string, format: SourceFormat, pointer: string, value: string, index = 0): string | undefined {
  const edit = recordOf(text, format, index).editScalar(pointer, value);
  return edit && edited(text, edit);
}

describe('YAML scalar edits keep the scalar\'s style and everything around it', () => {
  it('keeps a plain scalar plain, and the comment after it', () => {
    const text = '# head\na: foo   # note\nb: 2\n';
    expect(withValue(text, 'yaml', '/a', 'bar')).toBe('# head\na: bar   # note\nb: 2\n');
  });

  it('quotes a plain scalar whose new value would not read back as that string', () => {
    expect(withValue('a: x123\n', 'yaml', '/a', '123')).toBe('a: "123"\n');
    expect(withValue('a: x\n', 'yaml', '/a', 'k: v')).toBe('a: "k: v"\n');
    expect(withValue('a: x\n', 'yaml', '/a', 'true')).toBe('a: "true"\n');
  });

  it('keeps single quotes, doubling a quote inside', () => {
    expect(withValue("a: 'it''s '\n", 'yaml', '/a', "it's")).toBe("a: 'it''s'\n");
  });

  it('keeps double quotes, with their escapes', () => {
    expect(withValue('a: "x\\u3000"\n', 'yaml', '/a', 'x')).toBe('a: "x"\n');
    expect(withValue('a: "x"\n', 'yaml', '/a', 'say "hi"')).toBe('a: "say \\"hi\\""\n');
  });

  it('writes a line break a single-quoted value cannot hold on one line in double quotes', () => {
    expect(withValue("a: 'x'\n", 'yaml', '/a', 'x\ny')).toBe('a: "x\\ny"\n');
  });

  it('quotes what a flow collection would cut short', () => {
    const text = "list: [p, 'q ', r]\n";
    expect(withValue(text, 'yaml', '/list/1', 'q')).toBe("list: [p, 'q', r]\n");
    expect(withValue(text, 'yaml', '/list/0', 'a,b')).toBe("list: [\"a,b\", 'q ', r]\n");
    expect(withValue('m: {k: v }\n', 'yaml', '/m/k', 'w')).toBe('m: {k: w }\n');
  });

  it('keeps indentation and key order in nested maps and sequences', () => {
    const text = 'z: 1\nouter:\n    inner:\n        - one\n        - "two "\n    after: x\n';
    expect(withValue(text, 'yaml', '/outer/inner/1', 'two')).toBe('z: 1\nouter:\n    inner:\n        - one\n        - "two"\n    after: x\n');
  });

  it('edits the right record of a multi-document file and of a top-level sequence', () => {
    expect(withValue('a: x\n---\na: y\n', 'yaml', '/a', 'z', 1)).toBe('a: x\n---\na: z\n');
    expect(withValue('- a: x\n- a: y\n', 'yaml', '/a', 'z', 1)).toBe('- a: x\n- a: z\n');
  });

  it('offers no edit for a block scalar, an anchor, an alias, a tag or a value that is no string', () => {
    expect(withValue('a: |\n  x \nb: 1\n', 'yaml', '/a', 'x')).toBeUndefined();
    expect(withValue('a: >\n  x\n', 'yaml', '/a', 'x')).toBeUndefined();
    expect(withValue('a: &n x \nb: *n\n', 'yaml', '/a', 'x')).toBeUndefined();
    expect(withValue('a: &n x \nb: *n\n', 'yaml', '/b', 'x')).toBeUndefined();
    expect(withValue('a: !!str x \n', 'yaml', '/a', 'x')).toBeUndefined();
    expect(withValue('a: 12\n', 'yaml', '/a', '13')).toBeUndefined();
    expect(withValue('a: x\n', 'yaml', '/missing', 'y')).toBeUndefined();
  });

  it('edits the value the parsed record holds for a repeated key (the last)', () => {
    expect(withValue('a: x\na: y\n', 'yaml', '/a', 'z')).toBe('a: x\na: z\n');
  });

  it('counts positions after a byte order mark, as messages do', () => {
    expect(withValue('\ufeffa: "x "\n', 'yaml', '/a', 'x')).toBe('\ufeffa: "x"\n');
  });
});

describe('JSON scalar edits', () => {
  it('write a JSON string literal, non-ASCII as it is, and keep the rest byte for byte', () => {
    const text = '{\n  "b": 1,\n  "a": "\\u674e\\u56db\\u3000",   \n  "c": [ "x" ]\n}\n';
    expect(withValue(text, 'json', '/a', '李四')).toBe('{\n  "b": 1,\n  "a": "李四",   \n  "c": [ "x" ]\n}\n');
    expect(withValue(text, 'json', '/c/0', 'say "y"')).toBe('{\n  "b": 1,\n  "a": "\\u674e\\u56db\\u3000",   \n  "c": [ "say \\"y\\"" ]\n}\n');
  });

  it('edit the right element of a batch, and the last of a repeated key', () => {
    expect(withValue('[{"a": "1"}, {"a": "2"}]', 'json', '/a', '3', 1)).toBe('[{"a": "1"}, {"a": "3"}]');
    expect(withValue('{"a": "1", "a": "2"}', 'json', '/a', '3')).toBe('{"a": "1", "a": "3"}');
  });

  it('offer no edit where no string is', () => {
    expect(withValue('{"a": 1}', 'json', '/a', '2')).toBeUndefined();
    expect(withValue('{"a": {"b": "x"}}', 'json', '/a', '2')).toBeUndefined();
    expect(withValue('{"a": "x"}', 'json', '/b', '2')).toBeUndefined();
  });

  it('edit a record of a batch with a syntax error elsewhere (the recovering parser)', () => {
    const text = '[{"a": "x "}, {"a": }]';
    expect(withValue(text, 'json', '/a', 'x')).toBe('[{"a": "x"}, {"a": }]');
  });

  it('in JSON Lines, leave every other line byte for byte, line ends too', () => {
    const text = '{"a":"1"}\r\n{ "a" : " 2" ,"b":3}\r\n\r\n{"a":"3"}\n';
    expect(withValue(text, 'jsonl', '/a', '2', 1)).toBe('{"a":"1"}\r\n{ "a" : "2" ,"b":3}\r\n\r\n{"a":"3"}\n');
    expect(recordOf(text, 'jsonl', 1).editScalar('/a', '2')).toMatchObject({ line: 2, endLine: 2 });
  });

  it('place an element of a JSON array read an element at a time in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-fix-'));
    const file = join(dir, 'batch.json');
    const text = '[\n  {"a": "x "},\n  {"b": ["\\u674e", "y\\t"]}\n]\n';
    writeFileSync(file, text);
    const items = records(streamedJsonArray(file, 0, 1 << 20)!);
    const edit = items[1]!.editScalar('/b/1', 'y')!;
    expect(edit).toMatchObject({ line: 3, endLine: 3 });
    expect(edited(text, edit)).toBe('[\n  {"a": "x "},\n  {"b": ["\\u674e", "y"]}\n]\n');
  });
});
