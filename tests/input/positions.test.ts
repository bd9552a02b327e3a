import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex, parseSource, type SourceItem, type SourceRecord } from '../../src/input/index.js';

function records(items: SourceItem[]): SourceRecord[] {
  return items.filter((i): i is SourceRecord => i.kind === 'record');
}

/** The text a range covers, for asserting ranges by what they select. */
function cover(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (r.line === r.endLine) return lines[r.line - 1]!.slice(r.column - 1, r.endColumn - 1);
  return [lines[r.line - 1]!.slice(r.column - 1), ...lines.slice(r.line, r.endLine - 1), lines[r.endLine - 1]!.slice(0, r.endColumn - 1)].join('\n');
}

describe('JSON positions', () => {
  const text = '{\n  "owner": {\n    "name": "北京示例科技有限公司",\n    "document": { "type": "business-license", "number": "91110105MA00000000" }\n  },\n  "websites": [ { "name": "示例", "domains": [ { "name": "例子.中国" } ] } ]\n}\n';

  it('locates a value after CJK text on the same line in UTF-16 columns', () => {
    const [rec] = records(parseSource(text, 'json'));
    const r = rec!.locate('/websites/0/domains/0/name');
    expect(r.line).toBe(6);
    expect(cover(text, r)).toBe('"例子.中国"');
  });

  it('locates keys when asked, values otherwise', () => {
    const [rec] = records(parseSource(text, 'json'));
    expect(cover(text, rec!.locate('/owner/document/type', { key: true }))).toBe('"type"');
    expect(cover(text, rec!.locate('/owner/document/type'))).toBe('"business-license"');
  });

  it('falls back to the nearest existing parent for a missing value', () => {
    const [rec] = records(parseSource(text, 'json'));
    const parent = rec!.locate('/owner/document');
    expect(rec!.locate('/owner/document/holder')).toEqual(parent);
    expect(rec!.locate('/principal/name')).toEqual(rec!.locate(''));
  });

  it('counts CRLF line ends and ignores a BOM', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const [rec] = records(parseSource(crlf, 'json'));
    const r = rec!.locate('/owner/name');
    expect(r).toMatchObject({ line: 3, column: 13 });
    expect(cover(crlf, r)).toBe('"北京示例科技有限公司"');
  });

  it('treats an array as a batch with a record per element', () => {
    const batch = '[\n {"filingId": "A"},\n {"filingId": "B"}\n]';
    const recs = records(parseSource(batch, 'json'));
    expect(recs.map((r) => r.index)).toEqual([0, 1]);
    expect(recs[1]!.locate('/filingId')).toMatchObject({ line: 3, column: 15, endColumn: 18 });
  });

  it('keeps linting the good elements of a broken batch', () => {
    const batch = '[\n {"filingId": "A"},\n {"filingId": "B" "x": 1},\n {"filingId": "C"}\n]';
    const items = parseSource(batch, 'json');
    expect(items.map((i) => `${i.kind}:${i.index}`)).toEqual(['record:0', 'fault:1', 'record:2']);
    const fault = items[1]!;
    expect(fault.kind === 'fault' && fault.reason).toBe('json-comma-expected');
    expect(fault.kind === 'fault' && fault.range.line).toBe(3);
  });

  it('reports duplicate keys with both places', () => {
    const dup = '{\n "owner": {\n  "name": "A",\n  "name": "B"\n }\n}';
    const [rec] = records(parseSource(dup, 'json'));
    expect(rec!.duplicateKeys()).toEqual([{ path: '/owner/name', range: { line: 4, column: 3, endLine: 4, endColumn: 9 }, firstLine: 3 }]);
    expect((rec!.value as { owner: { name: string } }).owner.name).toBe('B');
  });

  it('keeps "__proto__" as data', () => {
    const [rec] = records(parseSource('{"__proto__": {"polluted": true}}', 'json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(rec!.value as object)).toEqual(['__proto__']);
  });

  it('reports comments, NaN and empty files as faults with a position', () => {
    const c = parseSource('{\n  // note\n  "a": 1\n}', 'json');
    expect(c[0]).toMatchObject({ kind: 'fault', reason: 'json-invalid-comment-token', range: { line: 2, column: 3 } });
    expect(parseSource('{"a": NaN}', 'json')[0]).toMatchObject({ kind: 'fault', range: { line: 1, column: 7 } });
    expect(parseSource('  \n', 'json')[0]).toMatchObject({ kind: 'fault', reason: 'empty-file' });
  });
});

describe('JSONL positions', () => {
  it('gives each line its own record and a bad line its own fault', () => {
    const text = '{"filingId": "A", "owner": {"name": "张三"}}\r\n\r\n{"filingId": "B",\n{"filingId": "C", "owner": {"name": "李四"}}\n';
    const items = parseSource(text, 'jsonl');
    expect(items.map((i) => `${i.kind}:${i.index}`)).toEqual(['record:0', 'fault:1', 'record:2']);
    expect(items[1]).toMatchObject({ range: { line: 3 } });
    const c = items[2] as SourceRecord;
    const r = c.locate('/owner/name');
    expect(r).toMatchObject({ line: 4, column: 37, endLine: 4, endColumn: 41 });
    expect(cover(text, r)).toBe('"李四"');
  });
});

describe('YAML positions', () => {
  const text = 'schemaVersion: 1\nowner:\n  name: 北京示例科技有限公司\n  document:\n    type: business-license\nwebsites:\n  - name: 示例\n    domains:\n      - name: 例子.中国\n';

  it('locates block-style values, sequences included', () => {
    const [rec] = records(parseSource(text, 'yaml'));
    expect(cover(text, rec!.locate('/owner/name'))).toBe('北京示例科技有限公司');
    expect(cover(text, rec!.locate('/websites/0/domains/0/name'))).toBe('例子.中国');
    expect(rec!.locate('/websites/0/domains/0/name').line).toBe(9);
  });

  it('is exact with CRLF and a BOM', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const [rec] = records(parseSource(crlf, 'yaml'));
    const r = rec!.locate('/owner/document/type');
    expect(r).toMatchObject({ line: 5, column: 11 });
    expect(cover(crlf, r)).toBe('business-license');
  });

  it('reads --- documents as one record each and a lone array as a batch', () => {
    expect(records(parseSource('a: 1\n---\na: 2\n', 'yaml')).map((r) => r.index)).toEqual([0, 1]);
    expect(records(parseSource('- a: 1\n- a: 2\n- a: 3\n', 'yaml')).map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('reports a broken document as a fault and keeps the others', () => {
    const items = parseSource('a: 1\n---\na: [1\nb: 2\n---\na: 3\n', 'yaml');
    expect(items.map((i) => `${i.kind}:${i.index}`)).toEqual(['record:0', 'fault:1', 'record:2']);
  });

  it('reports duplicate keys instead of failing the document', () => {
    const [rec] = records(parseSource('owner:\n  name: A\n  name: B\n', 'yaml'));
    expect(rec!.duplicateKeys()).toMatchObject([{ path: '/owner/name', range: { line: 3, column: 3 }, firstLine: 2 }]);
  });
});

describe('counting keys before looking for repeats', async () => {
  const { countJsonPropertyNames, countParsedKeys } = await import('../../src/input/key-count.js');

  it.each([
    ['{"a": 1, "b": {"c": [ {"d": "e:f"} ]}}', 4],
    ['{"a\\"": "x", "b" : "\\":"}', 2],
    ['{"a": "b", "a": "c"}', 2],
    ['[{"k":1},{"k":2}]', 2],
  ])('%s has %i property names', (text, n) => {
    expect(countJsonPropertyNames(text)).toBe(n);
  });

  it('counts the names JSON.parse sees, for any JSON text, with any escapes and spacing', async () => {

    // A reviver is called once per property of the parsed value, and once more for the root (held
    // under the key "" of a wrapper object). Generated JSON has no repeated keys, so this is the truth.
    const truth = (text: string) => {
      let calls = 0;
      JSON.parse(text, function (this: unknown, _key: string, value: unknown) {
        if (!Array.isArray(this)) calls++;
        return value;
      });
      return calls - 1;
    };
    const json = fc.jsonValue().chain((v) => fc.constantFrom(JSON.stringify(v), JSON.stringify(v, null, 2), JSON.stringify(v, null, '\t')));
    fc.assert(fc.property(json, (text) => countJsonPropertyNames(text) === truth(text)), { seed: 5, numRuns: 500 });
    expect(countJsonPropertyNames('{"a\\\\": {"b\\"": "\\\\\\"c:", "d" \n : 1}}')).toBe(truth('{"a\\\\": {"b\\"": "\\\\\\"c:", "d" \n : 1}}'));
  });

  it('counts fewer parsed keys than names exactly when a key repeats', () => {
    const dup = '{"owner": {"name": "A", "name": "B"}, "x": [{"name": 1}]}';
    expect(countParsedKeys(JSON.parse(dup))).toBe(countJsonPropertyNames(dup) - 1);
    const clean = '{"owner": {"name": "A", "alias": "B"}, "x": [{"name": 1}]}';
    expect(countParsedKeys(JSON.parse(clean))).toBe(countJsonPropertyNames(clean));
  });
});

describe('finding the elements of a JSON batch without parsing it whole', async () => {
  const { topLevelElements } = await import('../../src/input/json.js');

  it.each([
    ['[]', []],
    [' [ {"a": "]},["} , 1, "x\\"]", null, [2, [3]] ] \n', ['{"a": "]},["}', '1', '"x\\"]"', 'null', '[2, [3]]']],
  ])('%s', (text, expected) => {
    expect(topLevelElements(text)?.map(([s, e]) => text.slice(s, e))).toEqual(expected);
  });

  it.each([['{"a": 1}'], ['[1, 2,]'], ['[1 2]'.replace(' ', ',,')], ['[1] x'], ['[1'], ['[{"a": 1}}']])('leaves %s to the recovering parser', (text) => {
    expect(topLevelElements(text)).toBeUndefined();
  });

  it('gives a bad element a fault of its own and keeps the others', () => {
    const text = '[\n  {"filingId": "A"},\n  {"filingId": "B", "n": 01},\n  {"filingId": "C"}\n]';
    const items = parseSource(text, 'json');
    expect(items.map((i) => `${i.kind}:${i.index}`)).toEqual(['record:0', 'fault:1', 'record:2']);
    // jsonc-parser reads the leading zero as a number of its own, then wants a comma.
    expect(items[1]).toMatchObject({ reason: 'json-comma-expected', range: { line: 3, column: 27 } });
    expect((items[2] as SourceRecord).locate('/filingId')).toMatchObject({ line: 4, column: 16, endColumn: 19 });
  });
});

describe('reading a value at a pointer', async () => {
  const { valueAt } = await import('../../src/input/pointer.js');
  const record = { a: [10, { 'b/c': 'slash', 'd~e': 'tilde' }], '': 'empty key' };

  it.each([
    ['', record],
    ['/a/0', 10],
    ['/a/1/b~1c', 'slash'],
    ['/a/1/d~0e', 'tilde'],
    ['/', 'empty key'],
  ])('%s', (pointer, expected) => expect(valueAt(record, pointer)).toEqual(expected));

  it.each([['/a/01'], ['/a/-1'], ['/a/1.0'], ['/a/2'], ['/a/x'], ['/missing'], ['/a/0/deeper'], ['/constructor'], ['/__proto__'], ['/a/1/toString'], ['/a/length']])('%s is absent', (pointer) => {
    expect(valueAt(record, pointer)).toBeUndefined();
  });

  it('reads names every object inherits only where the record has them itself', () => {
    const parsed = JSON.parse('{"__proto__": {"toString": "own"}, "o": {"constructor": 1, "hasOwnProperty": 2}, "n": {"valueOf": null}}');
    expect(valueAt(parsed, '/__proto__/toString')).toBe('own');
    expect(valueAt(parsed, '/o/constructor')).toBe(1);
    expect(valueAt(parsed, '/o/hasOwnProperty')).toBe(2);
    expect(valueAt(parsed, '/n/valueOf')).toBeNull();
    expect(valueAt(parsed, '/n/constructor')).toBeUndefined();
    expect(valueAt(parsed, '/o/__proto__')).toBeUndefined();
  });
});

describe('the outline of a well-formed value, built from the visitor', async () => {
  const { outlineJson, outlineValidJson } = await import('../../src/input/json.js');
  const { jsonc } = await import('../../src/input/jsonc.js');
  const fromTree = (text: string) => {
    const duplicates: Array<{ path: string; keyStart: number; keyEnd: number; firstKeyStart: number }> = [];
    return { node: outlineJson(jsonc().parseTree(text, [], { disallowComments: true })!, '', duplicates, 0, 7), duplicates };
  };
  const fromVisitor = (text: string) => {
    const duplicates: Array<{ path: string; keyStart: number; keyEnd: number; firstKeyStart: number }> = [];
    return { node: outlineValidJson(text, duplicates, 7), duplicates };
  };

  it('equals the outline of jsonc-parser’s tree on generated values', () => {
    const json = fc.jsonValue().chain((v) => fc.constantFrom(JSON.stringify(v), JSON.stringify(v, null, 2)));
    fc.assert(
      fc.property(json, (text) => {
        expect(fromVisitor(text)).toEqual(fromTree(text));
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  // Same fields in any order, and a Map's entries as fields.
  const replacer = (_key: string, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };

  it('equals it on repeated keys, escaped keys and nesting deeper than outlines go', () => {
    const deep = '{"a":'.repeat(70) + '[1, {"x": 2}]' + '}'.repeat(70);
    for (const text of [
      '{"owner": {"name": "A", "name": {"x": 1}}, "websites": [{"a/b~c": 1, "a/b~c": [2]}, {"n": [[{"k": 1, "k": 2}]]}]}',
      deep,
      '[' + deep + ', ' + deep + ']',
      '"just a string"',
      ' 42 ',
    ]) {
      // Compared as text: a diff of two 70-deep trees takes vitest minutes to print.
      expect(JSON.stringify(fromVisitor(text), replacer), text.slice(0, 40)).toBe(JSON.stringify(fromTree(text), replacer));
    }
    expect(fromTree('{"owner": {"name": "A", "name": 2}}').duplicates).toHaveLength(1);
  });
});

describe('LineIndex', () => {
  /** Line and column of `offset`, counted from the start every time. */
  function reference(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        start = i + 1;
      } else if (c === '\r') {
        // CRLF: the line starts after the LF, which belongs to the line break.
        if (i + 1 < offset) {
          line++;
          start = i + 2;
        }
        i++;
      }
    }
    return { line, column: offset - start + 1 };
  }

  it('answers any sequence of offsets as a full scan would, scanning only as far as asked', () => {
    const piece = fc.constantFrom('a', '中', '\n', '\r', '\r\n', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (pieces, asks) => {
        const text = pieces.join('');
        const lines = new LineIndex(text);
        for (const a of asks) {
          const offset = a % (text.length + 1);
          expect(lines.position(offset), `${JSON.stringify(text)} @ ${offset}`).toEqual(reference(text, offset));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('locating one value without the position tree', async () => {
  const { locateInJsonText } = await import('../../src/input/json-locate.js');
  const { outlineValidJson } = await import('../../src/input/json.js');
  const { locateInOutline } = await import('../../src/input/position-tree.js');
  const { escapeSegment } = await import('../../src/input/pointer.js');

  /** What the tree says, as offsets: the reference the targeted locator must equal. */
  function byOutline(text: string, pointer: string, key: boolean): { start: number; end: number } {
    const node = outlineValidJson(text, []);
    // A LineIndex over one line maps offsets to columns one to one, which turns ranges back into offsets.
    const r = locateInOutline(node, pointer, new LineIndex(text.replace(/[\r\n]/g, ' ')), { key });
    return { start: r.column - 1, end: r.endColumn - 1 };
  }
  function targeted(text: string, pointer: string, key: boolean): { start: number; end: number } {
    const v = locateInJsonText(text, pointer);
    return key && v.keyStart !== undefined ? { start: v.keyStart, end: v.keyEnd! } : { start: v.start, end: v.end };
  }
  /** Every pointer into a value, and a few that lead nowhere. */
  function pointersOf(value: unknown, at = ''): string[] {
    const out = [at, `${at}/missing`, `${at}/0`];
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointersOf(v, `${at}/${i}`)));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pointersOf(v, `${at}/${escapeSegment(k)}`));
    return out;
  }
  // Indented or not, CRLF line ends, and a written with an escape (\u0061) where a string starts with it.
  // JSON.stringify escapes every quote and line break inside strings, so these replacements keep it valid.
  const written = (value: unknown, indent: string, crlf: boolean) => {
    const json = JSON.stringify(value, null, indent).replace(/"a/g, '"\\u0061');
    return crlf ? json.replace(/\n/g, '\r\n') : json;
  };

  it('finds what the tree finds, for every pointer of random values, keys and fallbacks included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('', ' ', '\t', '  '), fc.boolean(), (value, indent, crlf) => {
        const text = written(value, indent, crlf);
        for (const pointer of pointersOf(JSON.parse(text))) {
          for (const key of [false, true]) expect(targeted(text, pointer, key), `${pointer} ${key}`).toEqual(byOutline(text, pointer, key));
          // JSON.stringify repeats no key, so stopping at a key's first occurrence finds the same.
          expect(locateInJsonText(text, pointer, 0, true), pointer).toEqual(locateInJsonText(text, pointer));
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('takes the last of a repeated key, as JSON.parse does, and escapes in keys and strings', () => {
    const text = '{"a": 1, "b\\"c": {"x": "q\\\\"}, "a": [true, {"a~b/c": null}], "\\u00e9": -1.5e3}';
    for (const pointer of ['/a', '/a/1/a~0b~1c', '/b"c/x', '/é', '/a/2', '/b"c/x/y']) {
      for (const key of [false, true]) expect(targeted(text, pointer, key), pointer).toEqual(byOutline(text, pointer, key));
    }
    expect(text.slice(locateInJsonText(text, '/a').start, locateInJsonText(text, '/a').end)).toBe('[true, {"a~b/c": null}]');
  });

  it('with no repeated key, stops at the first occurrence; with one, the caller must not say so', () => {
    const text = '{"a": 1, "b": {"c": 2}, "\\u0061x": 3}';
    expect(text.slice(locateInJsonText(text, '/b/c', 0, true).start, locateInJsonText(text, '/b/c', 0, true).end)).toBe('2');
    expect(text.slice(locateInJsonText(text, '/ax', 0, true).start, locateInJsonText(text, '/ax', 0, true).end)).toBe('3');
    const repeated = '{"a": 1, "a": 2}';
    expect(repeated.slice(locateInJsonText(repeated, '/a').start, locateInJsonText(repeated, '/a').end)).toBe('2');
    expect(repeated.slice(locateInJsonText(repeated, '/a', 0, true).start, locateInJsonText(repeated, '/a', 0, true).end)).toBe('1');
  });

  it('stops where the tree stops, 64 levels down', () => {
    const text = '['.repeat(70) + '1' + ']'.repeat(70);
    const pointer = '/0'.repeat(69);
    expect(targeted(text, pointer, false)).toEqual(byOutline(text, pointer, false));
  });
});

describe('a record asked for many positions', () => {
  // Past SCANS_BEFORE_TREE lookups a record builds its position tree once instead of scanning its text
  // for each (a record with thousands of messages would be quadratic): the answers must not change.
  const record = {
    filingId: 'F-1',
    websites: Array.from({ length: 40 }, (_, i) => ({ name: `site ${i}`, domains: [{ name: `d${i}.example`, registrant: 'x' }] })),
  };
  const pointers = record.websites.flatMap((_, i) => [`/websites/${i}/domains/0/name`, `/websites/${i}/name`, `/websites/${i}/missing`]);

  for (const [format, text] of [
    ['json', JSON.stringify(record, null, 2)],
    ['jsonl', `${JSON.stringify(record)}\n`],
    ['yaml', `filingId: F-1\nwebsites:\n${record.websites.map((w) => `  - name: ${w.name}\n    domains:\n      - name: ${w.domains[0]!.name}\n        registrant: x\n`).join('')}`],
  ] as const) {
    it(`gives the same ranges before and after it builds its tree (${format})`, () => {
      const many = parseSource(text, format)[0] as SourceRecord;
      const answers = pointers.map((p) => [many.locate(p), many.locate(p, { key: true })]);
      const one = pointers.map((p) => {
        const fresh = parseSource(text, format)[0] as SourceRecord;
        return [fresh.locate(p), (parseSource(text, format)[0] as SourceRecord).locate(p, { key: true })];
      });
      expect(answers).toEqual(one);
    });
  }
});
