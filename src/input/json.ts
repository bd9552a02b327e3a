import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { jsonc } from './jsonc.js';
import { LineIndex } from './line-index.js';
import { addProperty, lazyRecord, MAX_OUTLINE_DEPTH, type OutlineBuilder, type PositionNode } from './position-tree.js';
import { escapeSegment } from './pointer.js';
import { locateInJsonText } from './json-locate.js';
import { countJsonPropertyNames, countParsedKeys } from './key-count.js';
import type { SourceFault, SourceItem, SourceRecord } from './source.js';

// jsonc-parser is VS Code's own JSON scanner: it keeps going after an error and
// gives offsets for every node, which is what exact ranges and per-record
// recovery need. Values still come from JSON.parse, which is exact about
// numbers and stores "__proto__" as plain data.
const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Stable problem codes for unparsable JSON, from jsonc-parser's error names. */
export function jsonProblem(error: ParseError): string {
  return 'json-' + jsonc().printParseErrorCode(error.error).replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
}

export function outlineJson(node: JsonNode, path: string, builder: OutlineBuilder['duplicates'], depth = 0, base = 0): PositionNode {
  const out: PositionNode = { start: base + node.offset, end: base + node.offset + node.length };
  if (depth >= MAX_OUTLINE_DEPTH) return out;
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const child = valueNode
        ? outlineJson(valueNode, path + '/' + escapeSegment(key), builder, depth + 1, base)
        : { start: base + keyNode.offset, end: base + keyNode.offset + keyNode.length };
      child.keyStart = base + keyNode.offset;
      child.keyEnd = base + keyNode.offset + keyNode.length;
      addProperty(out, () => path, key, child, builder);
    }
  } else if (node.type === 'array') {
    out.items = (node.children ?? []).map((c, i) => outlineJson(c, path + '/' + i, builder, depth + 1, base));
  }
  return out;
}

interface OutlineFrame {
  node: PositionNode;
  /** The segment under which this node sits in its parent ('' for the root). */
  segment: string;
  isArray: boolean;
  /** The key just read in an object, waiting for its value. */
  key?: string;
  keyStart?: number;
  keyEnd?: number;
}

/**
 * The outline of one well-formed JSON value (text that JSON.parse accepted),
 * built straight from jsonc-parser's visitor. Reported records of a large
 * batch each need one, and building jsonc's node tree first and then
 * outlining it makes every value twice: a node, then its outline. Equal to outlineJson of the tree, as a
 * test holds.
 */
export function outlineValidJson(text: string, duplicates: OutlineBuilder['duplicates'], base = 0): PositionNode {
  const stack: OutlineFrame[] = [];
  let root: PositionNode | undefined;
  const pathOf = (): string => {
    let path = '';
    for (let i = 1; i < stack.length; i++) path += '/' + stack[i]!.segment;
    return path;
  };
  // A new value, attached under its key or as the next item of the container it is in.
  const open = (start: number, end: number): PositionNode => {
    const node: PositionNode = { start: base + start, end: base + end };
    const parent = stack[stack.length - 1];
    if (!parent) root = node;
    else if (parent.isArray) parent.node.items!.push(node);
    else if (parent.key !== undefined) {
      node.keyStart = parent.keyStart;
      node.keyEnd = parent.keyEnd;
      addProperty(parent.node, pathOf, parent.key, node, duplicates);
    }
    return node;
  };
  const begin = (offset: number, isArray: boolean): boolean => {
    const parent = stack[stack.length - 1];
    const segment = !parent ? '' : parent.isArray ? String(parent.node.items!.length) : escapeSegment(parent.key ?? '');
    const node = open(offset, offset);
    if (isArray) node.items = [];
    stack.push({ node, segment, isArray });
    // A container as deep as outlines go is a leaf: jsonc-parser skips its contents and still calls its end.
    return stack.length <= MAX_OUTLINE_DEPTH;
  };
  const end = (offset: number, length: number): void => {
    stack.pop()!.node.end = base + offset + length;
  };
  jsonc().visit(
    text,
    {
      onObjectBegin: (offset) => begin(offset, false),
      onArrayBegin: (offset) => begin(offset, true),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (property, offset, length) => {
        const frame = stack[stack.length - 1]!;
        frame.key = property;
        frame.keyStart = base + offset;
        frame.keyEnd = base + offset + length;
      },
      onLiteralValue: (_value, offset, length) => {
        open(offset, offset + length);
      },
    },
    STRICT_JSON,
  );
  return root ?? { start: base, end: base + text.length };
}

export function jsonRecord(index: number, value: unknown, node: JsonNode, lines: LineIndex): SourceRecord {
  return lazyRecord(index, value, lines, (duplicates) => outlineJson(node, '', duplicates));
}

function fault(index: number, problem: string, start: number, end: number, lines: LineIndex): SourceFault {
  return { kind: 'fault', index, reason: problem, range: lines.range(start, end) };
}

/**
 * A record that is a slice of a well-formed file: its value comes from
 * JSON.parse of the slice, and its position tree is built from the slice only
 * when a message needs one, so a large batch never holds a tree of the file.
 */
function sliceRecord(index: number, value: unknown, text: string, start: number, end: number, lines: LineIndex): SourceRecord {
  const build = (duplicates: OutlineBuilder['duplicates']): PositionNode => {
    try {
      return outlineValidJson(text.slice(start, end), duplicates, start);
    } catch {
      return { start, end };
    }
  };
  let repeated: boolean | undefined;
  const hasDuplicates = () => (repeated ??= countJsonPropertyNames(text.slice(start, end)) !== countParsedKeys(value));
  return lazyRecord(index, value, lines, build, {
    startLine: lines.position(start).line,
    hasDuplicates,
    // Where no key repeats, a key's first occurrence is its only one (locateInJsonText).
    locateValue: (pointer) => locateInJsonText(text.slice(start, end), pointer, start, !hasDuplicates()),
  });
}

/**
 * The top-level elements of a JSON array, as [start, end) offsets, found by a
 * single scan that tracks strings and nesting — or undefined when the text is
 * not one array of comma-separated values, so the error-recovering parser
 * takes over. jsonc-parser's visitor could find the same boundaries, but with
 * a callback per token, far costlier than one loop on a file of hundreds of
 * megabytes.
 */
export function topLevelElements(text: string): Array<[number, number]> | undefined {
  const n = text.length;
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 91 /* [ */) return undefined;
  i++;
  const elements: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  let lastNonSpace = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (start < 0) start = i;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      lastNonSpace = i;
      continue;
    }
    if (isSpace(c)) continue;
    if (c === 123 || c === 91) {
      if (start < 0) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      if (depth === 0) {
        if (c !== 93) return undefined;
        if (start >= 0) elements.push([start, lastNonSpace + 1]);
        else if (elements.length > 0) return undefined; // a trailing comma
        for (i++; i < n; i++) if (!isSpace(text.charCodeAt(i))) return undefined;
        return elements;
      }
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      if (start < 0) return undefined;
      elements.push([start, lastNonSpace + 1]);
      start = -1;
      continue;
    } else if (start < 0) {
      start = i;
    }
    lastNonSpace = i;
  }
  return undefined;
}

/**
 * The element at [start, end) of a well-formed array's text, as a record, or
 * as a fault of its own when it does not parse. `lines` places offsets of
 * `text` in the file.
 */
export function arrayElementItem(index: number, text: string, start: number, end: number, lines: LineIndex): SourceItem {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  let value: unknown;
  try {
    value = JSON.parse(slice);
  } catch {
    const errors: ParseError[] = [];
    jsonc().parseTree(slice, errors, STRICT_JSON);
    const e = errors[0];
    return e ? fault(index, jsonProblem(e), start + e.offset, start + e.offset + e.length, lines) : fault(index, 'json-invalid-symbol', start, end, lines);
  }
  return sliceRecord(index, value, text, start, end, lines);
}

/** A `.json` file: one record (an object) or a batch (an array of records). */
export function parseJsonFile(text: string): SourceItem[] {
  return [...iterateJsonFile(text)];
}

/**
 * The records of a `.json` file one at a time. A well-formed batch is parsed
 * element by element, so only the text and the current record are in memory;
 * a file with a syntax error goes through jsonc-parser's recovering parser,
 * which still yields every element that holds no error.
 */
export function* iterateJsonFile(text: string): Generator<SourceItem> {
  const lines = new LineIndex(text);
  const elements = topLevelElements(text);
  if (elements) {
    // The scan vouches for the commas and brackets between elements, so a bad
    // element is a fault of its own and every other element is still a record.
    for (let i = 0; i < elements.length; i++) {
      const [start, end] = elements[i]!;
      yield arrayElementItem(i, text, start, end, lines);
    }
    return;
  } else if (/^\s*\{/.test(text)) {
    let value: unknown;
    let ok = true;
    try {
      value = JSON.parse(text);
    } catch {
      ok = false;
    }
    if (ok) {
      const start = text.search(/\S/);
      let end = text.length;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      yield sliceRecord(0, value, text, start, end, lines);
      return;
    }
  }
  yield* parseJsonWithRecovery(text, lines);
}

function parseJsonWithRecovery(text: string, lines: LineIndex): SourceItem[] {
  if (text.trim() === '') return [fault(0, 'empty-file', 0, text.length, lines)];
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, STRICT_JSON);
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
