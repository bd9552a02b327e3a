import { valueAt } from '../input/pointer.js';

// Records reach checks unvalidated (the schema rule reports their shape), so
// checks read them only through these: a value of the wrong type reads as
// absent, and nothing from the record is ever used as a property path on
// anything but the record itself.

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function stringAt(record: unknown, pointer: string): string | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'string' ? v : undefined;
}

/** A string that says something: absent, non-strings and blank strings read as undefined. */
export function textAt(record: unknown, pointer: string): string | undefined {
  const v = stringAt(record, pointer);
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

export function numberAt(record: unknown, pointer: string): number | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function booleanAt(record: unknown, pointer: string): boolean | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'boolean' ? v : undefined;
}

export function objectAt(record: unknown, pointer: string): Record<string, unknown> | undefined {
  const v = valueAt(record, pointer);
  return isObject(v) ? v : undefined;
}

export function arrayAt(record: unknown, pointer: string): unknown[] {
  const v = valueAt(record, pointer);
  return Array.isArray(v) ? v : [];
}

export { valueAt };
