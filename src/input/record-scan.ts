// One walk over a parsed record answers what several layers ask of every
// record: how many keys its objects hold (the duplicate-key count, against
// the property names of its text), and what its string values hold that
// trimming and the whitespace and control-character rules care about. Both
// are asked of the same record one after the other, so the last record's
// answers are kept: a national batch pays for one walk a record, not three.

// Whitespace is what String.prototype.trim removes (the rules' own `trim()`
// calls agree with it): the ASCII spaces and line breaks, NBSP, U+3000
// ideographic space and the other Zs characters, U+2028/U+2029 and the BOM.

/** True for the code units String.prototype.trim removes. */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether a string starts or ends with whitespace: two code-unit tests, no regex, no allocation. */
export function isPadded(s: string): boolean {
  const n = s.length;
  return n > 0 && (isTrimmedSpace(s.charCodeAt(0)) || isTrimmedSpace(s.charCodeAt(n - 1)));
}

// Never printed raw: C0 and C1 control characters, DEL, and the bidirectional
// formatting characters (overrides, embeddings, isolates, and the LRM/RLM/ALM
// marks), which reorder how the rest of a line is displayed ("Trojan Source",
// CVE-2021-42574). Line breaks and tabs are here too, the line and paragraph
// separators U+2028/U+2029 among them: a message is one line.
export const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** stringFlags: some string value of the record starts or ends with whitespace. */
export const PADDED = 1;
/** stringFlags: some string value holds a control, bidirectional or line-separator character (UNSAFE). */
export const UNUSUAL = 2;

function flagsOfString(s: string): number {
  return (isPadded(s) ? PADDED : 0) | (UNSAFE.test(s) ? UNUSUAL : 0);
}

let lastValue: unknown;
let lastKeys = 0;
let lastFlags = 0;
let lastDepth = 0;

function scan(value: unknown): void {
  if (value === lastValue && value !== undefined) return;
  let keys = 0;
  let flags = 0;
  let depth = 0;
  if (typeof value === 'string') {
    flags = flagsOfString(value);
  } else {
    // A stack, not recursion: a record may nest as deep as its parser allows. Each container's
    // depth is kept beside it (1 for the record itself).
    const stack: unknown[] = [value];
    const depths: number[] = [1];
    while (stack.length > 0) {
      const v = stack.pop();
      const level = depths.pop()!;
      if (v === null || typeof v !== 'object') continue;
      if (level > depth) depth = level;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          if (typeof item === 'string') flags |= flagsOfString(item);
          else if (item !== null && typeof item === 'object') {
            stack.push(item);
            depths.push(level + 1);
          }
        }
      } else {
        // for…in without Object.keys: no array per object. JSON.parse makes plain objects, so every
        // enumerable key is an own one; the check keeps that true whatever the prototype holds.
        for (const k in v) {
          if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
          keys++;
          const child = (v as Record<string, unknown>)[k];
          if (typeof child === 'string') flags |= flagsOfString(child);
          else if (child !== null && typeof child === 'object') {
            stack.push(child);
            depths.push(level + 1);
          }
        }
      }
    }
  }
  lastValue = value;
  lastKeys = keys;
  lastFlags = flags;
  lastDepth = depth;
}

/** How deep a parsed value nests: 0 for a scalar, 1 for an object or array of scalars. */
export function nestingDepth(value: unknown): number {
  scan(value);
  return lastDepth;
}

/** Keys of every object in a parsed value. */
export function countParsedKeys(value: unknown): number {
  scan(value);
  return lastKeys;
}

/**
 * What the string values of a record hold (PADDED, UNUSUAL): nearly every
 * record has neither, and only one with a flag set is walked again, by
 * whoever needs the paths.
 */
export function stringFlags(value: unknown): number {
  scan(value);
  return lastFlags;
}
