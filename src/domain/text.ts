// Characters of record text that need care wherever a rule reads it or an
// output prints it. Kept below the checks and the engine: the whitespace and
// control-character rules judge by the same definitions the engine trims and
// escapes by.

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
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** The character as a message shows it: `\u202E`. */
export function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A text from a record, made safe to print: each control or bidirectional character as `\uXXXX`. */
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeChar) : text;
}

/** stringFlags: some string value of the record starts or ends with whitespace. */
export const PADDED = 1;
/** stringFlags: some string value holds a control, bidirectional or line-separator character. */
export const UNUSUAL = 2;

// What escapeControls escapes is what the record-wide rules look for.
const LOOK = UNSAFE;

let lastRecord: unknown;
let lastFlags = 0;

/**
 * What the string values of a record hold that the engine's trimming and the
 * whitespace and control-character rules care about (PADDED, UNUSUAL). All
 * three look at every string of every record and have something to do for
 * very few: one walk that allocates nothing serves them, and only a record
 * with a flag set is walked again. The last record's flags are kept, since
 * the engine and both rules ask about the same record one after the other.
 */
export function stringFlags(record: unknown): number {
  if (record === lastRecord && record !== undefined) return lastFlags;
  let flags: number;
  try {
    flags = flagsOf(record);
  } catch {
    // Nested deeper than recursion reaches: every flag, and the walks that keep their own stack decide.
    flags = PADDED | UNUSUAL;
  }
  lastRecord = record;
  lastFlags = flags;
  return flags;
}

function flagsOf(value: unknown): number {
  if (typeof value === 'string') return (isPadded(value) ? PADDED : 0) | (LOOK.test(value) ? UNUSUAL : 0);
  if (value === null || typeof value !== 'object') return 0;
  let flags = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && flags !== (PADDED | UNUSUAL); i++) flags |= flagsOf(value[i]);
    return flags;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (Object.prototype.hasOwnProperty.call(object, key)) flags |= flagsOf(object[key]);
    if (flags === (PADDED | UNUSUAL)) break;
  }
  return flags;
}
