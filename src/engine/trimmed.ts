/**
 * The record as every rule but the raw-record checks (`whitespace`,
 * `control-characters`) sees it
 * (contract 1.1: "the other rules check the trimmed value"): each string value
 * without leading or trailing whitespace, so a padded `" example.com "` is one
 * whitespace warning rather than a domain-format, schema-pattern or
 * document-number error as well.
 *
 * Copy-on-write: a record with no padded string is returned as it is, with no
 * allocation, which is nearly every record of a national batch; otherwise only
 * the objects and arrays on the way to a padded string are copied. Keys are not
 * touched (the schema rule reports an odd key), nor is the parsed record.
 * Whitespace is what String.prototype.trim removes (isTrimmedSpace in
 * src/input/record-scan.ts).
 */

import { isPadded, PADDED, stringFlags } from '../domain/text.js';

/** The record with every string value trimmed; the very same value when none needs it. */
export function trimmedView(value: unknown): unknown {
  // The walk the whitespace rules share says whether anything is padded; usually nothing is.
  if ((stringFlags(value) & PADDED) === 0) return value;
  try {
    return trimmed(value);
  } catch {
    // Nesting the parser accepted but this walk cannot: the rules see the record as parsed.
    return value;
  }
}

function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return isPadded(value) ? value.trim() : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const t = trimmed(item);
      if (t !== item) {
        copy ??= value.slice();
        copy[i] = t;
      }
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const item = record[key];
    const t = trimmed(item);
    if (t !== item) {
      copy ??= copyObject(record);
      // A data property, never the `__proto__` setter: a record may have a key of that name.
      Object.defineProperty(copy, key, { value: t, writable: true, enumerable: true, configurable: true });
    }
  }
  return copy ?? value;
}

function copyObject(record: Record<string, unknown>): Record<string, unknown> {
  const copy = Object.create(Object.getPrototypeOf(record)) as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    Object.defineProperty(copy, key, { value: record[key], writable: true, enumerable: true, configurable: true });
  }
  return copy;
}
