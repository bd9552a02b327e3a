import { jsonStringEnd } from './json-text.js';
import { arrayIndex, pointerSegments } from './pointer.js';
import { MAX_OUTLINE_DEPTH, type LocatedValue } from './position-tree.js';

export type { LocatedValue } from './position-tree.js';

// A message needs the range of one value of its record, but building the
// record's position tree (outlineValidJson) visits every value of it, which
// was most of what the batch rules spent on each repeat they reported. Here
// only the values on the pointer's way are looked into; the rest are skipped
// with the native indexOf over their strings. The answer is the tree's
// (locateInOutline): the same value for a repeated key (the last), the same
// fallback to the deepest value found, the same depth limit.

/**
 * The value at `pointer` in `text`, which must be valid JSON (JSON.parse
 * accepted it); when the pointer leads nowhere, the deepest value on its way.
 * `noRepeatedKeys`: the caller knows no object of the text repeats a key, so
 * a key's first occurrence is its only one and the rest of its object need
 * not be read.
 */
export function locateInJsonText(text: string, pointer: string, base = 0, noRepeatedKeys = false): LocatedValue {
  const segments = pointerSegments(pointer);
  let start = skipSpace(text, 0);
  let keyStart: number | undefined;
  let keyEnd: number | undefined;
  let found = true;
  // The outline stops at this depth: a value deeper than it is a leaf (see MAX_OUTLINE_DEPTH).
  const steps = Math.min(segments.length, MAX_OUTLINE_DEPTH);
  if (steps < segments.length) found = false;
  for (let i = 0; i < steps; i++) {
    const child = childOf(text, start, segments[i]!, noRepeatedKeys);
    if (!child) {
      found = false;
      break;
    }
    start = child.start;
    keyStart = child.keyStart;
    keyEnd = child.keyEnd;
  }
  const end = valueEnd(text, start);
  return found && keyStart !== undefined && keyEnd !== undefined
    ? { start: base + start, end: base + end, keyStart: base + keyStart, keyEnd: base + keyEnd }
    : { start: base + start, end: base + end };
}

/** The start of the property or item `segment` of the container at `at`, or undefined. A repeated key gives its last value. */
function childOf(text: string, at: number, segment: string, firstIsLast: boolean): { start: number; keyStart?: number; keyEnd?: number } | undefined {
  const open = text.charCodeAt(at);
  if (open === 91 /* [ */) {
    const wanted = arrayIndex(segment);
    if (wanted < 0) return undefined;
    let pos = skipSpace(text, at + 1);
    if (text.charCodeAt(pos) === 93 /* ] */) return undefined;
    for (let index = 0; ; index++) {
      if (index === wanted) return { start: pos };
      pos = skipSpace(text, valueEnd(text, pos));
      if (text.charCodeAt(pos) !== 44 /* , */) return undefined;
      pos = skipSpace(text, pos + 1);
    }
  }
  if (open !== 123 /* { */) return undefined;
  let found: { start: number; keyStart: number; keyEnd: number } | undefined;
  let pos = skipSpace(text, at + 1);
  if (text.charCodeAt(pos) === 125 /* } */) return undefined;
  for (;;) {
    const keyStart = pos;
    const keyEnd = jsonStringEnd(text, keyStart);
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (keyIs(text, keyStart, keyEnd, segment)) {
      found = { start: valueStart, keyStart, keyEnd };
      if (firstIsLast) return found;
    }
    pos = skipSpace(text, valueEnd(text, valueStart));
    if (text.charCodeAt(pos) !== 44 /* , */) return found;
    pos = skipSpace(text, pos + 1);
  }
}

/**
 * Whether the key whose quotes are at `keyStart` and `keyEnd - 1` is
 * `segment`, compared decoded, as JSON.parse and the outline have keys. The
 * text is compared in place when it holds no escape, as nearly every key.
 */
function keyIs(text: string, keyStart: number, keyEnd: number, segment: string): boolean {
  for (let i = keyStart + 1; i < keyEnd - 1; i++) {
    if (text.charCodeAt(i) === 92 /* \ */) return (JSON.parse(text.slice(keyStart, keyEnd)) as string) === segment;
  }
  return keyEnd - keyStart - 2 === segment.length && text.startsWith(segment, keyStart + 1);
}

/** One past the end of the value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 34 /* " */) return jsonStringEnd(text, at);
  if (c !== 123 /* { */ && c !== 91 /* [ */) {
    // A number or a literal: up to the next delimiter.
    let pos = at + 1;
    while (pos < text.length) {
      const d = text.charCodeAt(pos);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 9 || d === 10 || d === 13) break;
      pos++;
    }
    return pos;
  }
  let depth = 0;
  for (let pos = at; pos < text.length; ) {
    const d = text.charCodeAt(pos);
    if (d === 34) {
      pos = jsonStringEnd(text, pos);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return pos + 1;
    }
    pos++;
  }
  return text.length;
}

function skipSpace(text: string, at: number): number {
  let pos = at;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    pos++;
  }
  return pos;
}
