// Characters of record text that need care wherever a rule reads it or an
// output prints it. Kept below the checks and the engine: the whitespace and
// control-character rules judge by the same definitions the engine trims and
// escapes by.

import { UNSAFE } from '../input/record-scan.js';

// The definitions live with the one walk of a record that finds them (src/input/record-scan.ts).
export { isPadded, isTrimmedSpace, PADDED, stringFlags, UNUSUAL } from '../input/record-scan.js';

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** The character as a message shows it: `\u202E`. */
export function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A text from a record, made safe to print: each control or bidirectional character as `\uXXXX`. */
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeChar) : text;
}
