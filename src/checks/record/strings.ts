import { escapeSegment } from '../../input/pointer.js';

/**
 * Calls `visit` for every string value of a record, however deep and whatever
 * field (unknown fields included). The path is made only when asked for: the
 * record-wide rules look at every string of every record, and report on few.
 */
export function eachString(record: unknown, visit: (value: string, segments: readonly (string | number)[], path: () => string) => void): void {
  // A loop over a stack of iterators, not recursion: a record may nest as deep as its parser allows.
  const segments: Array<string | number> = [];
  const path = () => segments.map((s) => '/' + escapeSegment(s)).join('');
  // `keys` is undefined for an array, whose indexes need no list.
  const stack: Array<{ node: object; keys: string[] | undefined; length: number; next: number }> = [];
  const open = (node: object): void => {
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    stack.push({ node, keys, length: keys ? keys.length : (node as unknown[]).length, next: 0 });
  };
  if (typeof record === 'string') visit(record, segments, path);
  else if (record !== null && typeof record === 'object') open(record);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.length) {
      stack.pop();
      segments.pop();
      continue;
    }
    const key = top.keys ? top.keys[top.next]! : top.next;
    top.next++;
    const child = (top.node as Record<string | number, unknown>)[key];
    segments.push(key);
    if (child !== null && typeof child === 'object') {
      // The key stays on the path until the container is done (popped above).
      open(child);
      continue;
    }
    if (typeof child === 'string') visit(child, segments, path);
    segments.pop();
  }
}

/**
 * JSON Pointer patterns where `*` stands for any one segment (an array index):
 * `/verification/form/corrections/*`.
 */
export function pointerPatterns(patterns: readonly string[]): (segments: readonly (string | number)[]) => boolean {
  const compiled = patterns.map((p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))));
  return (segments) =>
    compiled.some((pattern) => pattern.length === segments.length && pattern.every((seg, i) => seg === '*' || seg === String(segments[i])));
}

/** A character as `U+3000`, for naming whitespace a reader cannot see. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** At most `limit` distinct characters of a text, named by `name`, space-separated. */
export function distinctNamed(chars: Iterable<string>, name: (ch: string) => string, limit = 4): string {
  const seen: string[] = [];
  for (const ch of chars) {
    if (!seen.includes(ch)) seen.push(ch);
  }
  const shown = seen.slice(0, limit).map(name);
  return seen.length > limit ? `${shown.join(' ')} …` : shown.join(' ');
}
