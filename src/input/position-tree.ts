import type { LineIndex } from './line-index.js';
import { arrayIndex, escapeSegment, pointerSegments, valueAt } from './pointer.js';
import type { DuplicateKey, LocateOptions, ScalarEdit, SourceRange, SourceRecord } from './source.js';

/**
 * A parser-neutral outline of where each value of a record sits, so JSON and
 * YAML answer pointer look-ups with the same code. Offsets are into the file.
 */
export interface PositionNode {
  start: number;
  end: number;
  /** The property key's offsets, when this node is a property value. */
  keyStart?: number;
  keyEnd?: number;
  props?: Map<string, PositionNode>;
  items?: PositionNode[];
}

/** Where a pointer's value lies in valid JSON text, as offsets into the text (plus `base`). */
export interface LocatedValue {
  start: number;
  end: number;
  /** The key of the value when it is a property and the whole pointer was found. */
  keyStart?: number;
  keyEnd?: number;
}

/**
 * No filing nests anywhere near this deep; beyond it, positions resolve to the
 * deepest outlined ancestor instead of recursing towards a stack overflow.
 */
export const MAX_OUTLINE_DEPTH = 64;

export interface OutlineBuilder {
  node: PositionNode;
  duplicates: Array<{ path: string; keyStart: number; keyEnd: number; firstKeyStart: number }>;
}

/** Records a property; a repeated key keeps the last value, as JSON.parse and YAML do. */
export function addProperty(
  parent: PositionNode,
  /** The parent's pointer, asked for only when the key repeats. */
  parentPath: () => string,
  key: string,
  child: PositionNode,
  duplicates: OutlineBuilder['duplicates'],
): void {
  parent.props ??= new Map();
  const earlier = parent.props.get(key);
  if (earlier) {
    duplicates.push({
      path: parentPath() + '/' + escapeSegment(key),
      keyStart: child.keyStart ?? child.start,
      keyEnd: child.keyEnd ?? child.end,
      firstKeyStart: earlier.keyStart ?? earlier.start,
    });
  }
  parent.props.set(key, child);
}

export function locateInOutline(
  root: PositionNode,
  pointer: string,
  lines: LineIndex,
  options: LocateOptions = {},
): SourceRange {
  let node = root;
  let found = true;
  for (const seg of pointerSegments(pointer)) {
    const index = node.items ? arrayIndex(seg) : -1;
    const next = node.props?.get(seg) ?? (index >= 0 ? node.items![index] : undefined);
    if (!next) {
      found = false;
      break;
    }
    node = next;
  }
  if (found && options.key && node.keyStart !== undefined && node.keyEnd !== undefined) {
    return lines.range(node.keyStart, node.keyEnd);
  }
  return lines.range(node.start, node.end);
}

/** The node at exactly `pointer`, or undefined when the pointer leads nowhere (no fallback to an ancestor). */
export function nodeAt(root: PositionNode, pointer: string): PositionNode | undefined {
  let node = root;
  const segments = pointerSegments(pointer);
  // The outline stops at this depth: a value deeper than it has no node of its own.
  if (segments.length > MAX_OUTLINE_DEPTH) return undefined;
  for (const seg of segments) {
    const index = node.items ? arrayIndex(seg) : -1;
    const next = node.props?.get(seg) ?? (index >= 0 ? node.items![index] : undefined);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/**
 * The edit that makes the JSON string at `pointer` of a record read `value`:
 * a string in JSON is always one string literal, and the outline's node for
 * it spans exactly that literal, quotes included. JSON.stringify writes the
 * new literal, leaving non-ASCII characters as they are.
 */
export function jsonScalarEdit(root: PositionNode, record: unknown, pointer: string, value: string, lines: LineIndex): ScalarEdit | undefined {
  if (typeof valueAt(record, pointer) !== 'string') return undefined;
  const node = nodeAt(root, pointer);
  if (!node || node.items || node.props) return undefined;
  return { ...lines.range(node.start, node.end), text: JSON.stringify(value) };
}

/** The range of a value found without the tree (see json-locate.ts): its key's when asked for and it has one. */
export function locatedRange(located: LocatedValue, lines: LineIndex, options: LocateOptions = {}): SourceRange {
  return options.key && located.keyStart !== undefined && located.keyEnd !== undefined ? lines.range(located.keyStart, located.keyEnd) : lines.range(located.start, located.end);
}

export function duplicatesToRanges(builder: OutlineBuilder, lines: LineIndex): DuplicateKey[] {
  return builder.duplicates.map((d) => ({
    path: d.path,
    range: lines.range(d.keyStart, d.keyEnd),
    firstLine: lines.position(d.firstKeyStart).line,
  }));
}

/**
 * Values a record finds by scanning its text (locateValue) before it builds
 * its tree instead. A scan costs up to the record's length, the tree that
 * once; a record with thousands of messages (thousands of websites) would
 * otherwise rescan its text for each, quadratic in its size.
 */
export const SCANS_BEFORE_TREE = 8;

/**
 * A record whose position tree is built on first use, from `build`. Most
 * records of a batch never need one: only a message asks where a value is.
 */
export function lazyRecord(
  index: number,
  value: unknown,
  lines: LineIndex,
  build: (duplicates: OutlineBuilder['duplicates']) => PositionNode,
  extra: {
    startLine?: number;
    hasDuplicates?: () => boolean;
    /** Finds one value without the tree, as the tree would; used until the tree exists (for repeated keys). */
    locateValue?: (pointer: string) => LocatedValue;
    /** SourceRecord.editScalar for a format other than JSON (YAML keeps its scalars' styles); JSON string literals otherwise. */
    editScalar?: (pointer: string, value: string) => ScalarEdit | undefined;
  } = {},
): SourceRecord {
  let builder: OutlineBuilder | undefined;
  let scans = 0;
  const outline = (): OutlineBuilder => {
    if (!builder) {
      const duplicates: OutlineBuilder['duplicates'] = [];
      builder = { node: build(duplicates), duplicates };
    }
    return builder;
  };
  return {
    kind: 'record',
    index,
    value,
    ...(extra.startLine !== undefined ? { startLine: extra.startLine } : {}),
    locate: (pointer, options) =>
      !builder && extra.locateValue && ++scans <= SCANS_BEFORE_TREE
        ? locatedRange(extra.locateValue(pointer), lines, options)
        : locateInOutline(outline().node, pointer, lines, options),
    duplicateKeys: () => (extra.hasDuplicates && !extra.hasDuplicates() ? [] : duplicatesToRanges(outline(), lines)),
    editScalar: extra.editScalar ?? ((pointer, text) => jsonScalarEdit(outline().node, value, pointer, text, lines)),
  };
}
