// Checks read the same few hundred pointers for every record of a batch.
const segmentCache = new Map<string, readonly string[]>();
const SEGMENT_CACHE_LIMIT = 4096;

/**
 * A JSON Pointer split into its segments once, where a check is defined,
 * rather than looked up by its text on every read: a record's checks read
 * about 140 values, and finding a text's segments cost as much as the walk.
 * `text` is the pointer as reports give it.
 */
export interface CompiledPointer {
  readonly text: string;
  readonly segments: readonly string[];
}

/** A pointer as its text, or compiled (compilePointer). */
export type Pointer = string | CompiledPointer;

export function compilePointer(pointer: string): CompiledPointer {
  return Object.freeze({ text: pointer, segments: splitPointer(pointer) });
}

function splitPointer(pointer: string): readonly string[] {
  return Object.freeze(pointer === '' ? [] : pointer.slice(1).split('/').map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s)));
}

/** RFC 6901 JSON Pointer segments, unescaped (`~1` → `/`, `~0` → `~`). */
export function pointerSegments(pointer: Pointer): readonly string[] {
  if (typeof pointer !== 'string') return pointer.segments;
  const cached = segmentCache.get(pointer);
  if (cached) return cached;
  const segments = splitPointer(pointer);
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(pointer, segments);
  return segments;
}

export function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Reads the value at a pointer; undefined when any step is missing. Own properties only. */
export function valueAt(root: unknown, pointer: Pointer): unknown {
  let node: unknown = root;
  const segments = typeof pointer === 'string' ? pointerSegments(pointer) : pointer.segments;
  // Checks read records through here a few hundred times per record: a plain loop, no regex, no iterator.
  for (let i = 0; i < segments.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    const seg = segments[i]!;
    if (Array.isArray(node)) {
      const index = arrayIndex(seg);
      if (index < 0) return undefined;
      node = node[index];
    } else {
      const next = (node as Record<string, unknown>)[seg];
      // One lookup, not two: a parsed record holds no functions, and every property an object
      // inherits is a function but __proto__, so only those need asking whether they are its own.
      if (next === undefined) return undefined;
      if ((typeof next === 'function' || seg === '__proto__') && !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = next;
    }
  }
  return node;
}

/** An RFC 6901 array index (`0` or digits without a leading zero), or -1. */
export function arrayIndex(seg: string): number {
  const n = seg.length;
  if (n === 0 || n > 15 || (n > 1 && seg.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = seg.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}
