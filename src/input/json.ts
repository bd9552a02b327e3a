import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { LineIndex } from './line-index.js';
import { addProperty, duplicatesToRanges, locateInOutline, MAX_OUTLINE_DEPTH, type OutlineBuilder, type PositionNode } from './position-tree.js';
import { escapeSegment } from './pointer.js';
import type { SourceFault, SourceItem, SourceRecord } from './source.js';

// jsonc-parser is VS Code's own JSON scanner: it keeps going after an error and
// gives offsets for every node, which is what exact ranges and per-record
// recovery need. Values still come from JSON.parse, which is exact about
// numbers and stores "__proto__" as plain data.
const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Stable problem codes for unparsable JSON, from jsonc-parser's error names. */
export function jsonProblem(error: ParseError): string {
  return 'json-' + printParseErrorCode(error.error).replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
}

export function outlineJson(node: JsonNode, path: string, builder: OutlineBuilder['duplicates'], depth = 0): PositionNode {
  const out: PositionNode = { start: node.offset, end: node.offset + node.length };
  if (depth >= MAX_OUTLINE_DEPTH) return out;
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const child = valueNode
        ? outlineJson(valueNode, path + '/' + escapeSegment(key), builder, depth + 1)
        : { start: keyNode.offset, end: keyNode.offset + keyNode.length };
      child.keyStart = keyNode.offset;
      child.keyEnd = keyNode.offset + keyNode.length;
      addProperty(out, path, key, child, builder);
    }
  } else if (node.type === 'array') {
    out.items = (node.children ?? []).map((c, i) => outlineJson(c, path + '/' + i, builder, depth + 1));
  }
  return out;
}

export function jsonRecord(index: number, value: unknown, node: JsonNode, lines: LineIndex): SourceRecord {
  let builder: OutlineBuilder | undefined;
  const outline = (): OutlineBuilder => {
    if (!builder) {
      const duplicates: OutlineBuilder['duplicates'] = [];
      builder = { node: outlineJson(node, '', duplicates), duplicates };
    }
    return builder;
  };
  return {
    kind: 'record',
    index,
    value,
    locate: (pointer, options) => locateInOutline(outline().node, pointer, lines, options),
    duplicateKeys: () => duplicatesToRanges(outline(), lines),
  };
}

function fault(index: number, problem: string, start: number, end: number, lines: LineIndex): SourceFault {
  return { kind: 'fault', index, reason: problem, range: lines.range(start, end) };
}

/** A `.json` file: one record (an object) or a batch (an array of records). */
export function parseJsonFile(text: string): SourceItem[] {
  const lines = new LineIndex(text);
  if (text.trim() === '') return [fault(0, 'empty-file', 0, text.length, lines)];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT_JSON);
  if (!root) return [fault(0, errors[0] ? jsonProblem(errors[0]) : 'empty-file', errors[0]?.offset ?? 0, (errors[0]?.offset ?? 0) + (errors[0]?.length ?? 0), lines)];

  if (errors.length === 0) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // jsonc-parser accepted something JSON.parse does not (should not happen); report at the top.
      return [fault(0, 'json-invalid-symbol', root.offset, root.offset + root.length, lines)];
    }
    if (root.type === 'array' && Array.isArray(value)) {
      return (root.children ?? []).map((el, i) => jsonRecord(i, value[i], el, lines));
    }
    return [jsonRecord(0, value, root, lines)];
  }

  // A broken batch: every element that holds no syntax error is still a record
  // worth linting; each element that does becomes one parse-error.
  if (root.type !== 'array') {
    const e = errors[0]!;
    return [fault(0, jsonProblem(e), e.offset, e.offset + e.length, lines)];
  }
  const items: SourceItem[] = [];
  const children = root.children ?? [];
  const used = new Set<ParseError>();
  children.forEach((el, i) => {
    const start = el.offset;
    const end = el.offset + el.length;
    const inside = errors.find((e) => e.offset >= start && e.offset < end);
    if (inside) {
      used.add(inside);
      items.push(fault(i, jsonProblem(inside), inside.offset, inside.offset + inside.length, lines));
      return;
    }
    try {
      items.push(jsonRecord(i, JSON.parse(text.slice(start, end)), el, lines));
    } catch {
      items.push(fault(i, 'json-invalid-symbol', start, end, lines));
    }
  });
  // Errors between elements (a missing comma, an unclosed array) belong to no
  // record; report the first so the file is never silently accepted.
  const stray = errors.find((e) => !used.has(e));
  if (stray) {
    const following = children.findIndex((el) => el.offset >= stray.offset);
    const index = following === -1 ? children.length : following;
    if (!items.some((it) => it.kind === 'fault' && it.index === index)) {
      items.push(fault(index, jsonProblem(stray), stray.offset, stray.offset + stray.length, lines));
      items.sort((a, b) => a.index - b.index);
    }
  }
  return items;
}
