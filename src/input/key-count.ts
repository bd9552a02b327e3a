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

/** Keys of every object in a parsed JSON value. */
export function countParsedKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    } else {
      // for…in without Object.keys: no array per object. JSON.parse makes plain objects, so every
      // enumerable key is an own one; the check keeps that true whatever the prototype holds.
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        count++;
        const child = (v as Record<string, unknown>)[k];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return count;
}
