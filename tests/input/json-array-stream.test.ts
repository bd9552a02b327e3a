import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/input/read-file.js';
import { iterateSource, type SourceItem } from '../../src/input/index.js';
import { FileChanged, JsonArrayScanner, streamedJsonArray, type ElementSpan } from '../../src/input/json-array-stream.js';

// A large JSON array is read an element at a time from its bytes; whatever it
// holds, that must say exactly what reading the file whole says.

const dir = mkdtempSync(join(tmpdir(), 'beianlint-json-array-'));
let files = 0;
function fileOf(content: Buffer | string): string {
  const file = join(dir, `f${files++}.json`);
  writeFileSync(file, content);
  return file;
}

/** Everything a rule or a formatter can learn from an item, positions included. */
function shape(items: Iterable<SourceItem>) {
  return [...items].map((i) =>
    i.kind === 'fault'
      ? ['fault', i.index, i.reason, i.range]
      : ['record', i.index, i.value, i.startLine, i.locate(''), i.locate('/a'), i.locate('/a', { key: true }), i.locate('/b/1'), i.locate('/名'), i.duplicateKeys()],
  );
}

function whole(content: Buffer | string) {
  const outcome = decodeSource(typeof content === 'string' ? Buffer.from(content) : content);
  if (!outcome.ok) throw new Error(outcome.reason);
  return shape(iterateSource(outcome.text, 'json'));
}

function streamed(content: Buffer | string, maxElementBytes = 1 << 20) {
  const reader = streamedJsonArray(fileOf(content), 0, maxElementBytes);
  return reader && shape(reader);
}

/** The spans of `bytes` fed in pieces cut at `cuts`. */
function spansFedAt(bytes: Buffer, cuts: number[]): ElementSpan[] | undefined {
  const scanner = new JsonArrayScanner();
  const spans: ElementSpan[] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    // Each piece in a buffer of its own, as a reused read buffer would hold it.
    scanner.feed(Buffer.from(bytes.subarray(from, cut)), from);
    if (scanner.invalid) return undefined;
    spans.push(...scanner.found);
    from = cut;
  }
  return scanner.finish() ? spans : undefined;
}

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom('二', '𠮷x', 'a"b', 'c\\d', '[]{},:', '\u00e9', 'line\nbreak', ''),
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', '名', 'x y'), tie('node'), { maxKeys: 3 })),
}));

/** An array written with assorted spacing and line ends, some elements on one line, some broken up. */
const arrayText = fc
  .record({
    elements: fc.array(fc.oneof(value.node, fc.constant('RAW:{"a": tru}'), fc.constant('RAW:{"a":1,"a":2}')), { maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    indent: fc.constantFrom('', ' ', '  ', '\t', '二'),
    pretty: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ elements, eol, indent, pretty, bom }) => {
    const sep = pretty ? `,${eol}${indent === '二' ? '' : indent}` : ',';
    const body = elements.map((e) => (typeof e === 'string' && e.startsWith('RAW:') ? e.slice(4) : JSON.stringify(e, null, pretty ? 2 : undefined)!.replace(/\n/g, eol)));
    return `${bom ? '\uFEFF' : ''}${pretty ? `[${eol}${indent === '二' ? '' : indent}` : '['}${body.join(sep)}${pretty ? eol : ''}]${eol}`;
  });

describe('a JSON array read an element at a time', () => {
  it('says what reading the file whole says: values, faults, lines, columns and repeated keys', () => {
    fc.assert(
      fc.property(arrayText, (text) => {
        expect(streamed(text)).toEqual(whole(text));
      }),
      { numRuns: 300 },
    );
  });

  it('places elements that share a line, follow wide characters or sit after a byte order mark', () => {
    const text = '\uFEFF[{"名": "二"}, {"a": "𠮷"},\r\n  {"a": 1, "a": 2},\r{"b": [0, {"c": tru}]}, 7]\n';
    expect(streamed(text)).toEqual(whole(text));
    const items = [...streamedJsonArray(fileOf(text), 0, 1 << 20)!];
    expect(items.map((i) => (i.kind === 'record' ? i.locate('') : i.range))).toEqual([
      { line: 1, column: 2, endLine: 1, endColumn: 12 },
      { line: 1, column: 14, endLine: 1, endColumn: 25 },
      { line: 2, column: 3, endLine: 2, endColumn: 19 },
      { line: 3, column: 17, endLine: 3, endColumn: 20 }, // the fault `tru`
      { line: 3, column: 25, endLine: 3, endColumn: 26 },
    ]);
  });

  it('finds the same elements however the bytes are cut into reads, inside a character too', () => {
    fc.assert(
      fc.property(arrayText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = Buffer.from(text);
        const all = spansFedAt(bytes, []);
        expect(spansFedAt(bytes, cuts.map((c) => c % (bytes.length + 1)))).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('checks UTF-8 across reads: a character cut in two is whole, a bad sequence is bad wherever the cut', () => {
    const good = Buffer.from('[{"a": "é二𠮷"}, "二"]');
    const bad = Buffer.concat([Buffer.from('[{"a": "二'), Buffer.from([0xe4, 0xba]), Buffer.from('"}]')]);
    for (let cut = 0; cut <= good.length; cut++) expect(spansFedAt(good, [cut]), `cut at ${cut}`).toEqual(spansFedAt(good, []));
    expect(spansFedAt(good, [])).toHaveLength(2);
    for (let cut = 0; cut <= bad.length; cut++) expect(spansFedAt(bad, [cut]), `cut at ${cut}`).toBeUndefined();
  });

  it('leaves every file that is not an array with a whole element of UTF-8 text to the whole-file reader', () => {
    for (const text of ['', '  ', '{"a": 1}', '[, {"a": 1}]', '[{"a": 1}', '[{"a": "1}]', '[{"a": 1}}']) {
      expect(streamed(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(streamed(Buffer.from('[{"a": "\0"}]'))).toBeUndefined();
    expect(streamed(Buffer.from([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d]))).toBeUndefined(); // an invalid sequence
    expect(streamed(Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]))).toBeUndefined(); // a surrogate
    // Cut at the end, after a whole element: the element is read, the cut is the array's break.
    expect(streamed(Buffer.from([0x5b, 0x22, 0x22, 0x5d, 0xe4, 0xba]))?.map((item) => item[0])).toEqual(['record', 'fault']);
    expect(streamed('[]')).toEqual([]);
  });

  it('reads the whole elements of an array that breaks after them, then the break as a fault at its place', () => {
    const cases: Array<[string, string]> = [
      ['[{"a": 1},]', '1:11 line 1, column 11: a comma with no value after it'],
      ['[{"a": 1},,{}]', '1:11 line 1, column 11: a comma with no value before it'],
      ['[{"a": 1}] x', '1:12 line 1, column 12: text after the closing ]'],
      ['[{"a": 1},\n {"a": 2},\n {"a": ', '3:8 the array is not closed'],
    ];
    for (const [text, tail] of cases) {
      const file = fileOf(text);
      const items = [...streamedJsonArray(file, 0, 1 << 20)!];
      const faults = items.filter((i) => i.kind === 'fault');
      expect(faults.map((f) => `${f.range.line}:${f.range.column} ${f.detail}`), text).toEqual([tail]);
      expect(faults[0]).toMatchObject({ reason: 'json-array-broken', index: items.length - 1 });
      expect(items.slice(0, -1).every((i) => i.kind === 'record'), text).toBe(true);
    }
  });

  it('says where a file stops being one array, in UTF-16 columns, however the bytes are cut into reads', () => {
    const cases: Array<[string, string]> = [
      ['\uFEFF[1, 2] x', 'line 1, column 8: text after the closing ]'],
      ['[\n  "二𠮷\\"", 1,]', 'line 2, column 14: a comma with no value after it'],
      ['[{"a": "二"}, , 1]', 'line 1, column 14: a comma with no value before it'],
      ['["x"\r\n\t}]', 'line 2, column 2: a } that closes nothing'],
      ['[1,\r"二\n𠮷", 2\r\n]]', 'line 4, column 2: text after the closing ]'],
    ];
    for (const [text, problem] of cases) {
      const bytes = Buffer.from(text);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const scanner = new JsonArrayScanner();
        scanner.feed(Buffer.from(bytes.subarray(0, cut)), 0);
        scanner.feed(Buffer.from(bytes.subarray(cut)), cut);
        scanner.finish();
        expect(scanner.problem, `${JSON.stringify(text)} cut at ${cut}`).toBe(problem);
      }
    }
  });

  it('says so when the file shrank after its first pass, keeping the elements read before', () => {
    const file = fileOf(`[${Array.from({ length: 50 }, (_, i) => JSON.stringify({ a: i, pad: 'x'.repeat(30_000) })).join(',\n')}]`);
    const reader = streamedJsonArray(file, 0, 1 << 20)!;
    truncateSync(file, 1_000_000);
    const seen: number[] = [];
    expect(() => {
      for (const item of reader) seen.push(item.index);
    }).toThrow(FileChanged);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual(seen.map((_, i) => i));
  });

  it('makes an element past the size limit a fault of its own, at its first character', () => {
    const text = `[{"a": 1},\n  {"a": "${'x'.repeat(200)}"},\n{"a": 3}]`;
    const items = streamed(text, 100)!;
    expect(items.map((i) => [i[0], i[1]])).toEqual([
      ['record', 0],
      ['fault', 1],
      ['record', 2],
    ]);
    expect(items[1]).toEqual(['fault', 1, 'record-too-large', { line: 2, column: 3, endLine: 2, endColumn: 3 }]);
  });
});
