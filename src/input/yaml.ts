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

function outlineYaml(node: YamlNode | null | undefined, fallback: [number, number], path: string, dup: OutlineBuilder['duplicates'], depth = 0): PositionNode {
  const range = node?.range;
  const out: PositionNode = range ? { start: range[0], end: range[1] } : { start: fallback[0], end: fallback[1] };
  if (!node || yaml().isAlias(node) || depth >= MAX_OUTLINE_DEPTH) return out;
  if (yaml().isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = yaml().isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const keyRange: [number, number] = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : [out.start, out.start];
      const child = outlineYaml(pair.value as YamlNode | null, [keyRange[1], keyRange[1]], path + '/' + escapeSegment(key), dup, depth + 1);
      child.keyStart = keyRange[0];
      child.keyEnd = keyRange[1];
      addProperty(out, () => path, key, child, dup);
    }
  } else if (yaml().isSeq(node)) {
    out.items = node.items.map((item, i) => outlineYaml(item as YamlNode, [out.start, out.start], path + '/' + i, dup, depth + 1));
  }
  return out;
}

function yamlRecord(index: number, value: unknown, node: YamlNode | null, docRange: [number, number], lines: LineIndex): SourceRecord {
  return lazyRecord(index, value, lines, (duplicates) => outlineYaml(node, docRange, '', duplicates), {
    editScalar: (pointer, text) => yamlScalarEdit(node, value, pointer, text, lines),
  });
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
export function yamlScalarEdit(root: YamlNode | null, record: unknown, pointer: string, value: string, lines: LineIndex): ScalarEdit | undefined {
  const current = valueAt(record, pointer);
  const found = typeof current === 'string' ? scalarAt(root, pointer) : undefined;
  if (!found) return undefined;
  const { scalar, inFlow } = found;
  if (scalar.anchor || scalar.tag || !scalar.range || scalar.value !== current || !EDITABLE_STYLES.has(scalar.type ?? '')) return undefined;
  // Single quotes cannot hold a line break on one line: double quotes then, which escape it.
  const styles = scalar.type === 'QUOTE_SINGLE' ? ['QUOTE_SINGLE', 'QUOTE_DOUBLE'] : [scalar.type!];
  for (const style of styles) {
    const text = renderScalar(value, style, inFlow);
    if (!/[\n\r]/.test(text) && readsBackAs(text, value, inFlow)) return { ...lines.range(scalar.range[0], scalar.range[1]), text };
  }
  return undefined;
}

/** The first line of the yaml package's message, without its own position suffix. */
function yamlReason(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** `.yaml`/`.yml`: one record, an array of records, or one record per `---` document. */
export function parseYamlText(text: string): SourceItem[] {
  const lines = new LineIndex(text);
  const docs = yaml().parseAllDocuments(text, OPTIONS);
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const withContent = list.filter((d) => d.contents !== null || d.errors.length > 0);
  if (withContent.length === 0) {
    return [{ kind: 'fault', index: 0, reason: 'empty-file', range: lines.range(0, text.length) }];
  }
  const items: SourceItem[] = [];
  const single = withContent.length === 1;
  withContent.forEach((doc, docIndex) => {
    const docRange: [number, number] = [doc.range[0], doc.range[1]];
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
      contents.items.forEach((item, i) => items.push(yamlRecord(i, value[i], item as YamlNode, docRange, lines)));
      return;
    }
    items.push(yamlRecord(docIndex, value, contents, docRange, lines));
  });
  return items;
}
