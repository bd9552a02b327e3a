import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { LineIndex } from './line-index.js';
import { addProperty, lazyRecord, MAX_OUTLINE_DEPTH, type OutlineBuilder, type PositionNode } from './position-tree.js';
import { escapeSegment } from './pointer.js';
import type { SourceItem, SourceRecord } from './source.js';

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
  return lazyRecord(index, value, lines, (duplicates) => outlineYaml(node, docRange, '', duplicates));
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
