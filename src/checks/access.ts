import { compilePointer, valueAt, type CompiledPointer, type Pointer } from '../input/pointer.js';

// Records reach checks unvalidated (the schema rule reports their shape), so
// checks read them only through these: a value of the wrong type reads as
// absent, and nothing from the record is ever used as a property path on
// anything but the record itself.

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function stringAt(record: unknown, pointer: Pointer): string | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'string' ? v : undefined;
}

/** A string that says something: absent, non-strings and blank strings read as undefined. */
export function textAt(record: unknown, pointer: Pointer): string | undefined {
  const v = stringAt(record, pointer);
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

export function numberAt(record: unknown, pointer: Pointer): number | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function booleanAt(record: unknown, pointer: Pointer): boolean | undefined {
  const v = valueAt(record, pointer);
  return typeof v === 'boolean' ? v : undefined;
}

export function objectAt(record: unknown, pointer: Pointer): Record<string, unknown> | undefined {
  const v = valueAt(record, pointer);
  return isObject(v) ? v : undefined;
}

export function arrayAt(record: unknown, pointer: Pointer): unknown[] {
  const v = valueAt(record, pointer);
  return Array.isArray(v) ? v : [];
}

export { compilePointer, valueAt, type CompiledPointer, type Pointer };

/**
 * What a record says that several checks ask about (the owner's document,
 * its kind), worked out once per record rather than once per asking check.
 * The engine hands every check, and then the batch keys, the same record
 * object, so the last record asked about is all that is kept. `derive` must
 * depend on the record alone (no options, no "today"), and what it returns
 * is shared: callers never change it.
 */
export function perRecord<T>(derive: (record: unknown) => T): (record: unknown) => T {
  let last: unknown = UNSEEN;
  let value: T | undefined;
  return (record) => {
    if (record !== last) {
      value = derive(record);
      last = record;
    }
    return value as T;
  };
}

const UNSEEN = Symbol('unseen');
