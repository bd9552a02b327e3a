import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, type SourceItem } from '../../src/input/index.js';
import { JsonlLineReader, readJsonlFile, type StreamedItem } from '../../src/input/jsonl-stream.js';

async function streamed(content: Buffer | string, maxLineBytes = 1 << 20): Promise<SourceItem[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'beianlint-jsonl-')), 'x.jsonl');
  writeFileSync(file, content);
  const items: SourceItem[] = [];
  for await (const item of readJsonlFile(file, { maxLineBytes })) items.push(item);
  return items;
}

function shape(items: SourceItem[]) {
  return items.map((i) => (i.kind === 'record' ? ['record', i.index, i.line, i.value] : ['fault', i.index, i.reason, i.range.line]));
}

describe('streamed JSONL', () => {
  it('reads the same records, faults and lines as the in-memory reader, whatever the line ends', async () => {
    const text = '\uFEFF{"a": 1}\r\n\r\n{"a": "二"}\n{"a": \r{"a": 4}\n\n';
    expect(shape(await streamed(text))).toEqual(shape(parseSource(text, 'jsonl')));
    expect(shape(await streamed(text))).toEqual([
      ['record', 0, 1, { a: 1 }],
      ['record', 1, 3, { a: '二' }],
      ['fault', 2, 'json-value-expected', 4],
      ['record', 3, 5, { a: 4 }],
    ]);
  });

  it('keeps a CRLF split across read chunks as one line end', async () => {
    // The reader takes 1 MiB at a time: put the CR last in the first chunk.
    const first = `{"pad": "${'x'.repeat((1 << 20) - 12)}"}`;
    expect(Buffer.byteLength(first) + 1).toBe(1 << 20);
    const items = await streamed(`${first}\r\n{"b": 2}\r\n`, 4 << 20);
    expect(shape(items).map((s) => s.slice(0, 3))).toEqual([
      ['record', 0, 1],
      ['record', 1, 2],
    ]);
  });

  it('splits a file of many chunks with every kind of line end as the in-memory reader does', async () => {
    // A fixed pseudo-random mix of LF, CRLF, lone CR and blank lines, about 3 MiB, so that chunk
    // boundaries fall between the CR and LF of a pair, right after a lone CR, and inside lines.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const ends = ['\n', '\r\n', '\r', '\n\n', '\r\r\n'];
    let text = '';
    for (let i = 0; text.length < 3 * (1 << 20); i++) {
      text += JSON.stringify({ i, pad: 'x'.repeat(next() % 3000) }) + ends[next() % ends.length];
    }
    const items = await streamed(text, 4 << 20);
    expect(items.length).toBeGreaterThan(1500);
    expect(shape(items)).toEqual(shape(parseSource(text, 'jsonl')));
  });

  it('spoils only the record with invalid UTF-8 or a NUL byte', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": 1}\n{"a": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"a":\u0000 1}\n{"a": 3}\n')]);
    expect(shape(await streamed(bytes))).toEqual([
      ['record', 0, 1, { a: 1 }],
      ['fault', 1, 'invalid-utf8', 2],
      ['fault', 2, 'binary-file', 3],
      ['record', 3, 4, { a: 3 }],
    ]);
  });

  it('takes what a fatal UTF-8 decoder takes, line by line', async () => {
    const line = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    const bytes = Buffer.concat([
      line('\uFEFF{"a": "first, after a byte order mark"}\n'),
      line([0xef, 0xbb, 0xbf], '{"a": "a byte order mark at a later line start"}\n'),
      line('{"a": "', [0xc0, 0xaf], '"}\n'), // overlong '/'
      line('{"a": "', [0xed, 0xa0, 0x80], '"}\n'), // a surrogate, CESU-8 style
      line('{"a": "', [0xe4, 0xb8], '"}\n'), // cut off inside a character
      line('{"a": "中文 ✓ 𠀀"}\n'),
    ]);
    const items = await streamed(bytes);
    expect(shape(items)).toEqual([
      ['record', 0, 1, { a: 'first, after a byte order mark' }],
      ['record', 1, 2, { a: 'a byte order mark at a later line start' }],
      ['fault', 2, 'invalid-utf8', 3],
      ['fault', 3, 'invalid-utf8', 4],
      ['fault', 4, 'invalid-utf8', 5],
      ['record', 5, 6, { a: '中文 ✓ 𠀀' }],
    ]);
  });

  it('reads past a byte order mark that starts a later line, with columns that count it, as the in-memory reader does', async () => {
    // Files exported one by one and then concatenated carry a mark at each join.
    const text = '\uFEFF{"a": 1}\n\uFEFF{"a": "two", "b": 2}\n\uFEFF{"a": ]\n\uFEFF\n{"a": 5}\n';
    const fromStream = await streamed(text);
    const inMemory = parseSource(text, 'jsonl');
    expect(shape(fromStream)).toEqual(shape(inMemory));
    expect(shape(fromStream)).toEqual([
      ['record', 0, 1, { a: 1 }],
      ['record', 1, 2, { a: 'two', b: 2 }],
      ['fault', 2, 'json-value-expected', 3],
      ['record', 3, 5, { a: 5 }],
    ]);
    for (const items of [fromStream, inMemory]) {
      const second = items[1] as Extract<SourceItem, { kind: 'record' }>;
      // "two" starts at UTF-16 column 8 after the mark: \uFEFF{"a": "two"
      expect(second.locate('/a')).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 13 });
      expect(items[2]!.kind === 'fault' && items[2]!.range).toMatchObject({ line: 3, column: 8 });
    }
  });

  it('skips a line over the limit without holding it, and goes on', async () => {
    const items = await streamed(`{"a": 1}\n{"big": "${'x'.repeat(5000)}"}\n{"a": 3}`, 1000);
    expect(shape(items)).toEqual([
      ['record', 0, 1, { a: 1 }],
      ['fault', 1, 'record-too-large', 2],
      ['record', 2, 3, { a: 3 }],
    ]);
  });

  it('locates values on their line', async () => {
    const [, rec] = await streamed('{"a": 1}\n{"owner": {"name": "张三"}}\n');
    expect(rec!.kind === 'record' && rec!.locate('/owner/name')).toEqual({ line: 2, column: 20, endLine: 2, endColumn: 24 });
  });

  it('reads lines again by their offsets, close together or far apart, as the stream read them', async () => {
    // Lines of every kind, some across the reader's 64 KiB windows and one longer than a window.
    const lines = ['\uFEFF{"n": 0}'];
    for (let i = 1; i < 400; i++) lines.push(JSON.stringify({ n: i, pad: 'x'.repeat((i * 37) % 900) }));
    lines.splice(150, 0, JSON.stringify({ n: 'long', pad: '长'.repeat(40_000) }));
    lines.splice(300, 0, JSON.stringify({ n: 'too long', pad: 'y'.repeat(300_000) }));
    const text = lines.map((l, i) => l + (i % 7 === 3 ? '\r\n' : i % 11 === 5 ? '\r' : '\n')).join('') + '{"n": "last, no line end"}';
    const file = join(mkdtempSync(join(tmpdir(), 'beianlint-jsonl-')), 'x.jsonl');
    writeFileSync(file, text);
    const lineOf = (item: SourceItem) => (item.kind === 'record' ? item.line! : item.range.line);
    const tooLarge = (item: SourceItem) => item.kind === 'fault' && item.reason === 'record-too-large';
    // A limit above every line that fits a window, and one below many lines that do.
    for (const [maxLineBytes, every] of [[200_000, 1], [200_000, 3], [200_000, 50], [500, 1]] as const) {
      const stream: StreamedItem[] = [];
      for await (const item of readJsonlFile(file, { maxLineBytes })) stream.push(item);
      const large = stream.filter(tooLarge).length;
      if (maxLineBytes === 500) expect(large).toBeGreaterThan(100);
      else expect(large).toBe(1);
      const fd = openSync(file, 'r');
      try {
        const reader = new JsonlLineReader(fd, maxLineBytes);
        for (const item of stream.filter((_, i) => i % every === 0)) {
          const again = reader.lineAt(item.byteOffset, lineOf(item), item.index);
          if (tooLarge(item)) expect(again, `line ${lineOf(item)}`).toBeUndefined();
          else expect(shape([again!]), `line ${lineOf(item)}`).toEqual(shape([item]));
        }
      } finally {
        closeSync(fd);
      }
      const last = stream.at(-1)!;
      expect(last.kind === 'record' ? last.value : last).toEqual({ n: 'last, no line end' });
    }
  });
});
