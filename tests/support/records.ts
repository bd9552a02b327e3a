import { readFileSync } from 'node:fs';
import type { FilingRecord } from '../../src/generated/filing.js';
import { pointerSegments } from '../../src/input/pointer.js';

const FIXTURES = new URL('../fixtures/records/', import.meta.url);

/**
 * A fresh copy of a canonical valid record (tests/fixtures/records/<name>.json),
 * which its README holds to the schema. A patched record may be anything, so
 * patched() gives a plain object.
 */
export function baseRecord(name: string): FilingRecord {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as FilingRecord;
}

/** Sets the value at a pointer, creating objects (or arrays, for numeric segments) on the way. */
export function setAt(root: unknown, pointer: string, value: unknown): void {
  const segs = pointerSegments(pointer);
  let node = root as Record<string, unknown>;
  segs.slice(0, -1).forEach((seg, i) => {
    if (node[seg] === undefined || node[seg] === null || typeof node[seg] !== 'object') {
      node[seg] = /^\d+$/.test(segs[i + 1]!) ? [] : {};
    }
    node = node[seg] as Record<string, unknown>;
  });
  const last = segs[segs.length - 1]!;
  if (Array.isArray(node) && last === '-') node.push(value);
  else node[last] = value;
}

export function unsetAt(root: unknown, pointer: string): void {
  const segs = pointerSegments(pointer);
  let node = root as Record<string, unknown>;
  for (const seg of segs.slice(0, -1)) {
    node = node?.[seg] as Record<string, unknown>;
    if (!node) return;
  }
  const last = segs[segs.length - 1]!;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

export interface Patch {
  set?: Record<string, unknown>;
  unset?: string[];
}

export function patched(base: string | Record<string, unknown>, patch: Patch = {}): Record<string, unknown> {
  const record = typeof base === 'string' ? baseRecord(base) : structuredClone(base);
  for (const p of patch.unset ?? []) unsetAt(record, p);
  for (const [p, v] of Object.entries(patch.set ?? {})) setAt(record, p, structuredClone(v));
  return record;
}
