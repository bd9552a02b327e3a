// Checks read the same few hundred pointers for every record of a batch.
const segmentCache = new Map<string, readonly string[]>();
const SEGMENT_CACHE_LIMIT = 4096;

/** RFC 6901 JSON Pointer segments, unescaped (`~1` → `/`, `~0` → `~`). */
export function pointerSegments(pointer: string): readonly string[] {
  const cached = segmentCache.get(pointer);
  if (cached) return cached;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s));
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(pointer, Object.freeze(segments));
  return segments;
}

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Reads the value at a pointer; undefined when any step is missing. Own properties only. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = (node as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return node;
}
