import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Document, Node as YamlNode, Scalar } from 'yaml';
import { LineIndex } from './line-index.js';
import { addProperty, lazyRecord, MAX_OUTLINE_DEPTH, type OutlineBuilder, type PositionNode } from './position-tree.js';
import { arrayIndex, escapeSegment, pointerSegments, valueAt } from './pointer.js';
import type { ScalarEdit, SourceItem, SourceRecord } from './source.js';

// Loaded on first use: a run over JSON files never needs the YAML parser.
let yamlLib: typeof YamlLib | undefined;
export function yaml(): typeof YamlLib {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib);
}

// Keys must be unique in a filing, but a repeated key is reported by the
// `duplicate-key` rule with both places, not as a parse failure that hides the
// whole record. maxAliasCount keeps alias bombs from exploding in memory.
// logLevel 'error': the library's warnings go to stderr as they are and quote the input (a key that
// is a collection, say), which may hold personal data; what they warn of is reported as a problem anyway.
const OPTIONS = { uniqueKeys: false, prettyErrors: false, maxAliasCount: 100, logLevel: 'error' } as const;

/**
 * The outline of a parsed node. `offset` is where the text the node was
 * parsed from starts in the file (a document parsed on its own, see
 * parsedDocuments); the nodes' ranges count from there.
 */
function outlineYaml(node: YamlNode | null | undefined, fallback: [number, number], path: string, dup: OutlineBuilder['duplicates'], offset: number, depth = 0): PositionNode {
  const range = node?.range;
  const out: PositionNode = range ? { start: range[0] + offset, end: range[1] + offset } : { start: fallback[0], end: fallback[1] };
  if (!node || yaml().isAlias(node) || depth >= MAX_OUTLINE_DEPTH) return out;
  if (yaml().isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = yaml().isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const keyRange: [number, number] = keyNode?.range ? [keyNode.range[0] + offset, keyNode.range[1] + offset] : [out.start, out.start];
      const child = outlineYaml(pair.value as YamlNode | null, [keyRange[1], keyRange[1]], path + '/' + escapeSegment(key), dup, offset, depth + 1);
      child.keyStart = keyRange[0];
      child.keyEnd = keyRange[1];
      addProperty(out, () => path, key, child, dup);
    }
  } else if (yaml().isSeq(node)) {
    out.items = node.items.map((item, i) => outlineYaml(item as YamlNode, [out.start, out.start], path + '/' + i, dup, offset, depth + 1));
  }
  return out;
}

function yamlRecord(index: number, value: unknown, node: YamlNode | null, docRange: [number, number], lines: LineIndex, offset: number): SourceRecord {
  const start = node?.range ? node.range[0] + offset : docRange[0];
  return lazyRecord(index, value, lines, (duplicates) => outlineYaml(node, docRange, '', duplicates, offset), {
    // Known without the position tree, which a clean record (most of a batch) then never needs.
    startLine: lines.range(start, start).line,
    hasDuplicates: () => repeatsAKey(node),
    editScalar: (pointer, text) => yamlScalarEdit(node, value, pointer, text, lines, offset),
  });
}

/** Nodes known to repeat a key, or not, below them: a document reused unchanged is not walked again. */
const keyRepeats = new WeakMap<object, boolean>();

/**
 * Whether a map at or below `node` gives a key twice, by the keys
 * outlineYaml compares. A yes only sends the record to the position tree,
 * which says exactly where; a no must be right.
 */
function repeatsAKey(node: YamlNode | null | undefined, depth = 0): boolean {
  if (!node || yaml().isAlias(node)) return false;
  // As deep as the tree goes, no deeper: past it, the tree is asked.
  if (depth >= MAX_OUTLINE_DEPTH) return true;
  const known = keyRepeats.get(node);
  if (known !== undefined) return known;
  let repeats = false;
  if (yaml().isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = yaml().isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      if (seen.has(key) || repeatsAKey(pair.value as YamlNode | null, depth + 1)) {
        repeats = true;
        break;
      }
      seen.add(key);
    }
  } else if (yaml().isSeq(node)) {
    repeats = node.items.some((item) => repeatsAKey(item as YamlNode, depth + 1));
  }
  keyRepeats.set(node, repeats);
  return repeats;
}

/**
 * The scalar at `pointer` under `root`, and whether it sits inside a flow
 * collection (`[a, b]`, `{k: v}`), where `,` `[` `]` `{` `}` end a plain
 * scalar. Undefined when the way passes an alias or a merge (`<<`), whose
 * text is elsewhere, or ends at no scalar. A repeated key gives its last
 * value, as the parsed record has it.
 */
function scalarAt(root: YamlNode | null, pointer: string): { scalar: Scalar; inFlow: boolean } | undefined {
  let node: unknown = root;
  let inFlow = false;
  for (const seg of pointerSegments(pointer)) {
    if (yaml().isMap(node)) {
      inFlow ||= node.flow === true;
      let found: unknown;
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (yaml().isScalar(key) && String(key.value) === seg) found = pair.value;
      }
      node = found;
    } else if (yaml().isSeq(node)) {
      inFlow ||= node.flow === true;
      const index = arrayIndex(seg);
      node = index >= 0 ? node.items[index] : undefined;
    } else {
      return undefined;
    }
  }
  return yaml().isScalar(node) ? { scalar: node, inFlow } : undefined;
}

/** Styles whose text an edit can replace on its line; block scalars (`|`, `>`) carry their indentation and are left alone. */
const EDITABLE_STYLES = new Set(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']);

/**
 * `value` as the yaml library writes it in `style`, or in a quoted style
 * when it cannot be plain (a plain `123` would read as a number, `a: b` as a
 * map), on one line. Inside a flow collection it is written as an item of
 * one, so that the library quotes what a flow collection would cut short.
 */
function renderScalar(value: string, style: string, inFlow: boolean): string {
  const doc = new (yaml().Document)(inFlow ? [value] : value);
  const collection = doc.contents as YamlNode;
  const node = (inFlow && yaml().isSeq(collection) ? collection.items[0] : collection) as Scalar;
  if (inFlow && yaml().isSeq(collection)) collection.flow = true;
  node.type = style as Scalar.Type;
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  return inFlow ? text.slice(1, -1) : text;
}

/** Whether `text` reads back as exactly `value` where the scalar stands (a flow item, or a block value). */
function readsBackAs(text: string, value: string, inFlow: boolean): boolean {
  try {
    const doc = yaml().parseDocument(inFlow ? `[${text}]` : text, OPTIONS);
    if (doc.errors.length > 0) return false;
    const back = doc.toJS() as unknown;
    return inFlow ? Array.isArray(back) && back.length === 1 && back[0] === value : back === value;
  } catch {
    return false;
  }
}

/**
 * SourceRecord.editScalar of a YAML record: the scalar keeps its style where
 * the library can write the new value in it (a quoted scalar its quotes, a
 * plain one stays plain when it can), and the new text is read back before
 * it is offered. A scalar with an anchor or a tag, or one the parsed record
 * does not hold as that string, gets no edit.
 */
export function yamlScalarEdit(root: YamlNode | null, record: unknown, pointer: string, value: string, lines: LineIndex, offset = 0): ScalarEdit | undefined {
  const current = valueAt(record, pointer);
  const found = typeof current === 'string' ? scalarAt(root, pointer) : undefined;
  if (!found) return undefined;
  const { scalar, inFlow } = found;
  if (scalar.anchor || scalar.tag || !scalar.range || scalar.value !== current || !EDITABLE_STYLES.has(scalar.type ?? '')) return undefined;
  // Single quotes cannot hold a line break on one line: double quotes then, which escape it.
  const styles = scalar.type === 'QUOTE_SINGLE' ? ['QUOTE_SINGLE', 'QUOTE_DOUBLE'] : [scalar.type!];
  for (const style of styles) {
    const text = renderScalar(value, style, inFlow);
    if (!/[\n\r]/.test(text) && readsBackAs(text, value, inFlow)) return { ...lines.range(scalar.range[0] + offset, scalar.range[1] + offset), text };
  }
  return undefined;
}

/** A parsed document, and where the text it was parsed from starts in the file. */
interface PlacedDocument {
  doc: Document.Parsed;
  offset: number;
}

function wholeParse(text: string): PlacedDocument[] {
  const docs = yaml().parseAllDocuments(text, OPTIONS);
  return (Array.isArray(docs) ? docs : []).map((doc) => ({ doc, offset: 0 }));
}

/** Parsed documents by their text, oldest first, up to `limitChars` of text. */
interface DocumentReuse {
  limitChars: number;
  chars: number;
  byText: Map<string, Document.Parsed[]>;
}

let reuse: DocumentReuse | undefined;

/**
 * Keep the parsed documents of YAML texts, and parse again only the
 * documents of a text that changed: for a caller that parses one file again
 * and again with small edits (the language server, after each keystroke;
 * the yaml library takes most of the time of a lint of a long file). Off by
 * default: a run parses each file once, and would only hold the memory.
 * 0 turns it off.
 */
export function reuseYamlDocuments(limitChars: number): void {
  reuse = limitChars > 0 ? { limitChars, chars: 0, byText: new Map() } : undefined;
}

/** A line that starts a document (`---` at the start of a line): no scalar or collection can hold one in YAML. */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * The documents of `text`, each part between two document starts parsed on
 * its own, or taken from `reuse` when that part was parsed before. What the
 * whole text would parse to, where this can tell: undefined (parse the whole
 * text) for a single document, directives (`%YAML`, `%TAG`, which reach
 * across the parts) and any part with an error, whose position and words
 * are the whole parse's to give.
 */
function parsedInParts(text: string, cache: DocumentReuse): PlacedDocument[] | undefined {
  if (/^%/m.test(text)) return undefined;
  const starts = [...text.matchAll(DOCUMENT_START)].map((m) => m.index!).filter((at) => at > 0);
  if (starts.length === 0) return undefined;
  const bounds = [0, ...starts, text.length];
  const placed: PlacedDocument[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = text.slice(bounds[k], bounds[k + 1]);
    let docs = cache.byText.get(part);
    if (docs) {
      // Most recently used last: the oldest are let go first.
      cache.byText.delete(part);
    } else {
      const parsed = yaml().parseAllDocuments(part, OPTIONS);
      docs = Array.isArray(parsed) ? parsed : [];
      if (docs.some((d) => d.errors.length > 0)) return undefined;
      cache.chars += part.length;
    }
    cache.byText.set(part, docs);
    for (const doc of docs) placed.push({ doc, offset: bounds[k]! });
  }
  for (const [part] of cache.byText) {
    if (cache.chars <= cache.limitChars) break;
    cache.byText.delete(part);
    cache.chars -= part.length;
  }
  return placed;
}

/** The first line of the yaml package's message, without its own position suffix. */
function yamlReason(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** `.yaml`/`.yml`: one record, an array of records, or one record per `---` document. */
export function parseYamlText(text: string): SourceItem[] {
  const lines = new LineIndex(text);
  const list = (reuse && parsedInParts(text, reuse)) ?? wholeParse(text);
  const withContent = list.filter(({ doc: d }) => d.contents !== null || d.errors.length > 0);
  if (withContent.length === 0) {
    return [{ kind: 'fault', index: 0, reason: 'empty-file', range: lines.range(0, text.length) }];
  }
  const items: SourceItem[] = [];
  const single = withContent.length === 1;
  withContent.forEach(({ doc, offset }, docIndex) => {
    const docRange: [number, number] = [doc.range[0] + offset, doc.range[1] + offset];
    const error = doc.errors[0];
    if (error) {
      // The yaml parser turns its own stack overflow into an error; say what it means.
      const tooDeep = /Maximum call stack/.test(error.message);
      items.push(
        tooDeep
          ? { kind: 'fault', index: docIndex, reason: 'too-deep', range: lines.range(0, 0) }
          : { kind: 'fault', index: docIndex, reason: 'yaml-syntax', detail: yamlReason(error.message), range: lines.range(error.pos[0], error.pos[1]) },
      );
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: OPTIONS.maxAliasCount });
    } catch (e) {
      items.push({ kind: 'fault', index: docIndex, reason: 'yaml-syntax', detail: yamlReason((e as Error).message), range: lines.range(docRange[0], docRange[1]) });
      return;
    }
    const contents = doc.contents as YamlNode | null;
    if (single && yaml().isSeq(contents) && Array.isArray(value)) {
      contents.items.forEach((item, i) => items.push(yamlRecord(i, value[i], item as YamlNode, docRange, lines, offset)));
      return;
    }
    items.push(yamlRecord(docIndex, value, contents, docRange, lines, offset));
  });
  return items;
}
