// A repeated key is rare, and finding one exactly needs a full position tree.
// Counting cheaply first — property names in the text against keys in the
// parsed value, which JSON.parse keeps only once each — tells almost every
// record apart without building that tree.

import { jsonStringEnd } from './json-text.js';

/**
 * Property names in valid JSON text, duplicates included. Outside strings
 * valid JSON has a colon only after a property name, so this counts colons
 * outside strings. A string is skipped whole (jsonStringEnd); the
 * characters between strings are few (punctuation, numbers, literals).
 */
export function countJsonPropertyNames(text: string): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      count++;
      i++;
    } else if (c === 34 /* " */) {
      i = jsonStringEnd(text, i);
    } else {
      i++;
    }
  }
  return count;
}

export { countParsedKeys } from './record-scan.js';
