import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/input/index.js';
import { pointerSegments } from '../../src/input/pointer.js';
import { parseYamlText, reuseYamlDocuments } from '../../src/input/yaml.js';

// The language server keeps the parsed documents of a YAML file and parses
// again only those an edit changed (reuseYamlDocuments). Whatever is reused,
// a text must read exactly as a parse of the whole text reads it: values,
// the range of every pointer, repeated keys, and scalar edits.

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8');

/** Every pointer into a value: the value's own, and each of its members', recursively. */
function pointersOf(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pointersOf((value as Record<string, unknown>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
}

/** What the rest of the linter can see of the items of a text. */
function observed(items: SourceItem[]): unknown[] {
  return items.map((item) => {
    if (item.kind === 'fault') return item;
    const pointers = pointersOf(item.value);
    // Known without the position tree, and what the tree says.
    expect(item.startLine).toBe(item.locate('').line);
    return {
      index: item.index,
      value: item.value,
      ranges: pointers.map((p) => [p, item.locate(p), item.locate(p, { key: true })]),
      duplicates: item.duplicateKeys(),
      edits: pointers.filter((p) => typeof valueAtPointer(item.value, p) === 'string').map((p) => item.editScalar?.(p, 'edited value')),
    };
  });
}

function valueAtPointer(value: unknown, pointer: string): unknown {
  let at: unknown = value;
  for (const seg of pointerSegments(pointer)) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[seg] : undefined;
  return at;
}

function asWhole(text: string): unknown[] {
  reuseYamlDocuments(0);
  return observed(parseYamlText(text));
}

afterEach(() => reuseYamlDocuments(0));

const record = example('government.yml');
const documents = [record, example('individual-defects.yaml'), example('hmt-and-overseas-principals.yaml'), 'a: 1\na: 2\n', '# only a comment\n', 'x: [1, 2]\n...\n'];
const texts: Array<[string, string]> = [
  ['documents one after another', documents.join('---\n')],
  ['a comment before the first start, and starts with content on their line', '# head\n--- \n' + record + '--- {filingId: F-1, stage: draft}\n--- |\n  a block\n'],
  ['CRLF line ends', documents.slice(0, 3).join('---\n').replace(/\n/g, '\r\n')],
  ['a directive (parsed whole)', '%YAML 1.2\n---\n' + record + '---\n' + record],
  ['an error in one document (parsed whole)', record + '---\nowner: [unclosed\n---\n' + record],
  ['one document', record],
];

describe('parsing YAML documents again only where they changed', () => {
  it.each(texts)('reads %s as the whole parse does, and again after an edit', (_, text) => {
    const whole = asWhole(text);
    reuseYamlDocuments(1 << 20);
    expect(observed(parseYamlText(text))).toEqual(whole);
    // Reused: the same text again, then one document changed and its neighbours moved.
    expect(observed(parseYamlText(text))).toEqual(whole);
    const edited = text.replace('ZJ-2026-0401', 'ZJ-2026-0401-longer-id\n# and a line more');
    const expected = asWhole(edited);
    reuseYamlDocuments(1 << 20);
    parseYamlText(text);
    expect(observed(parseYamlText(edited))).toEqual(expected);
  });

  it('lets the oldest documents go past its limit, and reads the same', () => {
    const text = Array.from({ length: 20 }, (_, i) => record.replace('ZJ-2026-0401', `ZJ-${i}`)).join('---\n');
    const whole = asWhole(text);
    reuseYamlDocuments(record.length * 3);
    expect(observed(parseYamlText(text))).toEqual(whole);
    expect(observed(parseYamlText(text))).toEqual(whole);
  });
});
