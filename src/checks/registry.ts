import type { BatchCheck, RecordCheck } from './api.js';

/**
 * What a rule file may name in `check.name`. The kind must match the rule's
 * `scope`; `options` is the JSON Schema the rule's options (file and config)
 * are validated against when loaded; `messageIds` are the message templates
 * the check may ask for, so a rule file missing one is refused at load time
 * rather than printing a blank message later.
 */
export type CheckDefinition =
  /**
   * `raw`: the check reads the record as parsed, not the trimmed view every
   * other rule reads (padding and control characters are what it looks for).
   */
  | { kind: 'record'; run: RecordCheck<any>; options?: object; messageIds: readonly string[]; raw?: boolean }
  | { kind: 'batch'; batch: BatchCheck<any>; options?: object; messageIds: readonly string[] }
  /** Produced by the engine from the input layer itself (parse faults, duplicate keys). */
  | { kind: 'source'; options?: object; messageIds: readonly string[] };

export function recordCheck<O>(run: RecordCheck<O>, messageIds: readonly string[], options?: object, how?: { raw: true }): CheckDefinition {
  return { kind: 'record', run, messageIds, ...(options ? { options } : {}), ...(how?.raw ? { raw: true } : {}) };
}

export function batchCheck<O>(batch: BatchCheck<O>, messageIds: readonly string[], options?: object): CheckDefinition {
  return { kind: 'batch', batch, messageIds, ...(options ? { options } : {}) };
}
